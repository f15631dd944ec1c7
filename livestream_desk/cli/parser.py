"""The argument parser: the top level, the shared options, and the registrar commands use."""
from __future__ import annotations

import argparse
from typing import Callable, NoReturn, Optional

from .console import EXIT_USAGE, PROG

LANGS = ("zh_CN", "en")

_CHECK_EXIT_LINE = "  1    `check` found problems (each is printed)\n"

EXIT_CODES_HELP = """\
exit codes:
  0    done
  1    `check` found problems (each is printed)
  2    bad arguments; a missing, unreadable, damaged, foreign or newer-schema database;
       a missing or unusable input file; a request the data refuses.
       The reason is one line on stderr: "livestream-desk: error: ..."
  70   internal error (a bug): a message and the traceback go to stderr
  130  interrupted (Ctrl+C)

Without --db the database is livestream_desk.sqlite3 in the user data folder
(or in $LIVESTREAM_DESK_DATA_DIR). --db also takes a SQLAlchemy URL, e.g.
postgresql+psycopg://user@server/shop.
"""

# A subcommand other than `check` never exits 1: its help does not list it.
COMMAND_EXIT_CODES_HELP = EXIT_CODES_HELP.replace(_CHECK_EXIT_LINE, "")
CHECK_EXIT_CODES_HELP = EXIT_CODES_HELP.replace(_CHECK_EXIT_LINE, "  1    problems were found (each is printed)\n")

DB_HELP = "the database: a file path or a SQLAlchemy URL (default: livestream_desk.sqlite3 in the user data folder)"
LANG_HELP = "language of the window and of printed messages (zh_CN or en; default: the system's language)"

Handler = Callable[..., int]


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error on stderr (exit 2) instead of the usage dump."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(str(message).split())
        self.exit(EXIT_USAGE, f"{PROG}: error: {text} (see '{self.prog} --help')\n")


# --- argument types -------------------------------------------------------------------

# How our own reasons for a bad argument are worded (main sets --lang's translator).
_translate: Optional[Callable[[str, str], str]] = None


def reasons_in(translate: Optional[Callable[[str, str], str]]) -> None:
    global _translate
    _translate = translate


def _reason(code: str, **params) -> argparse.ArgumentTypeError:
    from ..messages import Message, render

    return argparse.ArgumentTypeError(render(Message(code, **params), _translate))


def month(text: str):
    """YYYY-MM → domain.period.Month (argparse type)."""
    from ..domain.period import Month, PeriodError

    try:
        return Month.parse(text)
    except PeriodError as exc:
        if exc.code == "period.not_a_month":  # it names the value and the format already
            raise _reason(exc.code, **exc.params) from None
        raise _reason("cli.bad_month", value=text, reason=exc.message) from None


def whole_number(minimum: Optional[int]) -> Callable[[str], int]:
    """A whole number at least `minimum` (argparse type)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise _reason("cli.not_whole_number", value=text) from None
        if minimum is not None and value < minimum:
            raise _reason("cli.number_too_small", minimum=minimum, value=str(value))
        return value

    parse.__name__ = "whole number"
    return parse


def platform(text: str) -> str:
    """A platform by key or Chinese name (douyin, 抖音, 抖店…) → its key (argparse type);
    services.schedule.platforms.parse_platform is the one parser of platform names."""
    from ..messages import Problem
    from ..services.schedule.platforms import parse_platform

    try:
        return parse_platform(text)
    except Problem as exc:
        raise _reason(exc.code, **exc.params) from None


platform.__name__ = "platform"


def check_month_order(first, last, last_option: str) -> None:
    """Refuse a first month (--from) after the last (`last_option`: --to or --until)."""
    if first is not None and last is not None and first > last:
        from ..services.errors import UserError

        raise UserError("cli.from_after_to", first=str(first), last=str(last), last_option=last_option)


# --- registration ---------------------------------------------------------------------


class Registrar:
    """Adds subcommands (or export kinds) that share the options in `parents`."""

    def __init__(self, subparsers, parents: list[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers
        self._parents = parents

    def add(self, name: str, help_text: str, handler: Handler, description: str = "",
            exit_codes: str = COMMAND_EXIT_CODES_HELP) -> argparse.ArgumentParser:
        """A subparser for `name` whose parsed arguments run `handler(args, console)`;
        `exit_codes` is the help's list of exit codes (only `check` exits 1)."""
        parser = self._subparsers.add_parser(
            name,
            parents=self._parents,
            help=help_text,
            description=description or help_text,
            epilog=exit_codes,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.set_defaults(handler=handler)
        return parser

    def nested(self, parser: argparse.ArgumentParser, dest: str, metavar: str,
               extra_parents: tuple[argparse.ArgumentParser, ...] = ()) -> "Registrar":
        """A registrar for the sub-subcommands of `parser` (export's kinds)."""
        subparsers = parser.add_subparsers(dest=dest, metavar=metavar, parser_class=Parser, required=True)
        return Registrar(subparsers, self._parents + list(extra_parents))


def common_options() -> argparse.ArgumentParser:
    """--db / --lang, accepted after the command too. SUPPRESS keeps a subcommand from
    overwriting a value given before it with its own default."""
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=DB_HELP)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    return common


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__
    from .commands import COMMANDS

    parser = Parser(
        prog=PROG,
        description="Livestream sales desk for rural sellers: without a command it opens the window.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None, help=DB_HELP)
    parser.add_argument("--lang", choices=LANGS, default=None, help=LANG_HELP)
    parser.add_argument("--smoke", action="store_true", help="show the main window and exit after its first paint")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    registrar = Registrar(subparsers, [common_options()])
    for command in COMMANDS:
        command.register(registrar)
    return parser


__all__ = ["Parser", "Registrar", "build_parser", "month", "platform", "whole_number", "check_month_order", "LANGS",
           "EXIT_CODES_HELP"]
