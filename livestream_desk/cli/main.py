"""Running a command line: parse, pick the language, run the handler, turn errors into exit codes."""
from __future__ import annotations

import os
import sys
import traceback
from typing import NoReturn, Optional, Sequence

from ..messages import Message, render
from . import parser as parsing
from .console import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, PROG, Console


def _requested_language(argv: Sequence[str]) -> Optional[str]:
    """--lang's value, looked up before parsing so that our reasons for bad arguments are
    in that language too (an unknown value is left to argparse to refuse)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def language(requested: Optional[str]) -> str:
    """--lang when given, else the system's language (zh_CN on a Chinese locale, else en)."""
    from ..languages import normalise_language, system_language

    return normalise_language(requested) or system_language()


def known_error_message(exc: BaseException, db_target: Optional[str] = None, lang: Optional[str] = None) -> Optional[str]:
    """The one-line reason for an error a user can cause, in `lang`; None for a bug."""
    from ..services.errors import message_of

    message = message_of(exc, where=_printable(db_target))
    if message is None:
        return None
    return _scrubbed(Console(lang).text(message), db_target)


def _scrubbed(text: str, db_target: Optional[str]) -> str:
    """`text` without the --db URL's passwords, wherever a driver's reason repeated them."""
    if not db_target or "://" not in db_target:
        return text
    from ..db.urls import scrub, secrets_of_text

    return scrub(text, secrets_of_text(db_target))


def _printable(db_target: Optional[str]) -> Optional[str]:
    if not db_target:
        return db_target
    from ..services.database import printable_target

    return printable_target(db_target)


def _make_stdout_forgiving() -> None:
    # A console in a legacy code page cannot show every character (¥, CJK headers):
    # replace those rather than fail half-way through a table.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - detached or unusual streams
                pass


def _run_gui(args, _console: Console) -> int:
    from ..app import run_gui

    # The window keeps its own default (Chinese, or the language chosen in Settings).
    return int(run_gui(args.db, args.lang, smoke=args.smoke) or 0)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code (see parser.EXIT_CODES_HELP)."""
    _make_stdout_forgiving()
    argv = list(sys.argv[1:] if argv is None else argv)
    console = Console(language(_requested_language(argv)))
    parsing.reasons_in(console.translate)
    try:
        args = parsing.build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and argument errors
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)

    def refuse(message: Message) -> int:
        sys.stderr.write(console.error_line(render(message, console.translate)))
        return EXIT_USAGE

    if args.smoke and args.command:
        return refuse(Message("cli.smoke_with_command", command=args.command))
    if args.db is not None and not args.db.strip():
        return refuse(Message("cli.empty_db"))

    handler = getattr(args, "handler", None) or _run_gui
    try:
        return handler(args, console)
    except KeyboardInterrupt:
        sys.stderr.write("\n" + f"{PROG}: " + console.text("cli.interrupted") + "\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no second error when Python flushes at exit
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the one place that tells known errors from bugs
        reason = known_error_message(exc, args.db, console.lang)
        if reason is not None:
            sys.stderr.write(console.error_line(reason))
            return EXIT_USAGE
        sys.stderr.write(_scrubbed(
            f"{PROG}: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
            + console.text("cli.bug")
            + "\n"
            + traceback.format_exc(),
            args.db,
        ))
        return EXIT_BUG


def run() -> NoReturn:
    """The process's entry (`python -m livestream_desk`, the `livestream-desk` script, the frozen
    build): main(), then exit with its code."""
    code = main()
    if "PySide6.QtWidgets" not in sys.modules:  # a command ran (not the window): the process ends now
        import gc

        # The OS frees what is left. Frozen, it is not walked by the interpreter's last garbage
        # collections first (SQLAlchemy's objects, pypinyin's tables, what a command read: up to
        # 0.35 s of CPU after a large import); exit handlers and stream flushes still run.
        gc.freeze()
    raise SystemExit(code)


__all__ = ["main", "run", "known_error_message", "language"]
