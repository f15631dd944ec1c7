"""The command line of DESIGN §7 (a stable contract: tests and users' scripts rely on it).

    livestream-desk [--db PATH_OR_URL] [--lang zh_CN|en]          the GUI
    livestream-desk --db PATH --smoke                              show the window, exit after first paint
    livestream-desk demo --db PATH [--months N] [--sales N] [--seed N]
    livestream-desk report monthly --db PATH [--from YYYY-MM] [--to YYYY-MM]
                                   [--format table|csv|json] [--platform CODE]
    livestream-desk check --db PATH
    livestream-desk backup --db PATH [--to FILE]
    livestream-desk restore FILE --db PATH
    livestream-desk screenshot --db PATH --out DIR

`--db` and `--lang` go before or after the command. Exit codes: 0 done; 1 `check` found
problems; 2 bad arguments or a database / file that cannot be used (one line on stderr,
`livestream-desk: error: …`, never a traceback); 70 an internal error, i.e. a bug (a
message and the traceback on stderr); 130 interrupted (Ctrl+C).

Everything heavy is imported inside the command that needs it: `report` and `check` never
load Qt, pyqtgraph or Alembic (Alembic only when a database has to be upgraded).
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Callable, NoReturn, Optional, Sequence

PROG = "livestream-desk"
LANGS = ("zh_CN", "en")

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found problems
EXIT_USAGE = 2  # bad arguments, unusable database or file, a refused request
EXIT_BUG = 70  # EX_SOFTWARE: an unexpected exception
EXIT_INTERRUPTED = 130

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


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error on stderr (exit 2) instead of the usage dump."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(str(message).split())
        self.exit(EXIT_USAGE, f"{PROG}: error: {text} (see '{self.prog} --help')\n")


# --- argument types -------------------------------------------------------------------


def _month(text: str):
    from .domain.period import Month, PeriodError

    try:
        return Month.parse(text)
    except PeriodError as exc:
        reason = str(exc)
        if text.strip() and text.strip() in reason:
            raise argparse.ArgumentTypeError(reason) from None
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a valid month ({reason}); write YYYY-MM, e.g. 2026-10"
        ) from None


def _whole_number(minimum: Optional[int]) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if minimum is not None and value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, got {value}")
        return value

    parse.__name__ = "whole number"
    return parse


# --- the parser -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    db_help = "the database: a file path or a SQLAlchemy URL (default: livestream_desk.sqlite3 in the user data folder)"
    lang_help = "language of the window and of printed tables (zh_CN or en)"

    # --db / --lang are accepted after the command too. SUPPRESS keeps a subcommand from
    # overwriting a value given before it with its own default.
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=lang_help)

    parser = _Parser(
        prog=PROG,
        description="Livestream sales desk for rural sellers: without a command it opens the window.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None, help=db_help)
    parser.add_argument("--lang", choices=LANGS, default=None, help=lang_help)
    parser.add_argument("--smoke", action="store_true", help="show the main window and exit after its first paint")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help_text: str, description: str = "") -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=[common],
            help=help_text,
            description=description or help_text,
            epilog=EXIT_CODES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    demo = add(
        "demo",
        "fill an empty database with realistic demo data",
        "Fill an empty database with realistic demo data: Jiangxi specialty products, livestreams with "
        "lineups and traffic, sales with refunds and seasonality. Refuses a database that holds data.",
    )
    demo.add_argument("--months", type=_whole_number(1), metavar="N", help="whole months ending last month (default 24)")
    demo.add_argument("--sales", type=_whole_number(0), metavar="N", help="about how many sale lines to make")
    demo.add_argument("--seed", type=_whole_number(None), default=1, metavar="N", help="random seed (default 1)")

    report = add(
        "report",
        "print the monthly report",
        "Print one row per month in the range, months without sales included with zeros.\n\n"
        "formats:\n"
        "  table  aligned columns for people, money as ¥1,234.50, growth as +12.3%, a total row\n"
        "  csv    month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\n"
        "         money in yuan with two decimals (1234.50), growth with one decimal, empty\n"
        "         when the previous month's net sales were 0\n"
        "  json   a list of objects with the same keys as the csv columns; livestreams, orders\n"
        '         and units are numbers, money is a string with two decimals ("1234.50"),\n'
        '         mom_growth_pct a string with one decimal ("-5.3") or null\n\n'
        "Without --from/--to the range runs from the first to the last month with a paid sale.\n"
        "Growth of the first month compares with the calendar month before it.",
    )
    report.add_argument("kind", choices=("monthly",), metavar="monthly", help="the report (monthly)")
    report.add_argument("--from", dest="first", type=_month, metavar="YYYY-MM", help="first month")
    report.add_argument("--to", dest="last", type=_month, metavar="YYYY-MM", help="last month")
    report.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default table)")
    report.add_argument(
        "--platform",
        metavar="CODE",
        help="only this platform: douyin, kuaishou, shipinhao, taobao, jd, pinduoduo or other",
    )

    add(
        "check",
        "check a database: integrity, schema version, summary totals",
        "Check a database without changing it: the schema version, SQLite's integrity and foreign-key "
        "checks, and that the monthly summary equals the sale lines. Prints each check; exits 0 when "
        "healthy, 1 when problems were found, 2 when the database cannot be read.",
    )

    backup = add(
        "backup",
        "copy the database to a backup file",
        "Copy the database with the SQLite backup API (safe while the app is open). Without --to the "
        "copy goes to backups/<name>-YYYYmmdd-HHMMSS.sqlite3 beside the database (for the default "
        "database: <user data folder>/backups/livestream_desk-YYYYmmdd-HHMMSS.sqlite3). --to may name "
        "a folder. An existing file is only replaced if it is itself a database. PostgreSQL: use pg_dump.",
    )
    backup.add_argument("--to", metavar="FILE", help="where to write the backup")

    restore = add(
        "restore",
        "replace the database's content with a backup",
        "Replace the database's content with the backup FILE. FILE must be a sound livestream_desk "
        "database not newer than this app, otherwise nothing is touched. The current content is saved "
        "first to backups/<name>-before-restore-YYYYmmdd-HHMMSS.sqlite3 beside the database; an older "
        "schema is upgraded after the restore.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")

    screenshot = add("screenshot", "save each main page of the window as a PNG")
    screenshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    return parser


# --- helpers --------------------------------------------------------------------------


class _Progress:
    """Progress on stderr, only when it is a terminal (scripts and logs get none)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or not total:
            return
        percent = int(done * 100 / total)
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.label} {percent:3d}%")
            sys.stderr.flush()

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *_exc) -> None:
        if self.enabled and self.shown >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 5) + "\r")
            sys.stderr.flush()


def _sqlite_file(target: Optional[str]) -> Optional[Path]:
    """The SQLite file a --db value names; None for a server URL."""
    from . import config
    from .db.engine import is_url

    if target is None:
        return config.default_db_path()
    if is_url(target):
        from sqlalchemy.engine import make_url

        url = make_url(target)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Path(url.database).expanduser()
        return None
    return Path(target).expanduser()


def _holds_no_tables(path: Path) -> bool:
    """True for a sound SQLite file without any table (read-only look; errors are left to open_database)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (count,) = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return count == 0


def _open_existing(target: Optional[str], *, migrate: bool):
    """Open a database that must already exist; never creates one (read-only commands)."""
    from .db import schema_version
    from .db.engine import open_database
    from .db.errors import NotADatabase

    path = _sqlite_file(target)
    if path is not None:
        if not path.exists():
            raise NotADatabase(f"no database at {path}")
        if path.is_dir():
            raise NotADatabase(f"{path} is a folder, not a database")
        if path.stat().st_size == 0:
            raise NotADatabase(f"{path} is an empty file, not a livestream_desk database")
        if _holds_no_tables(path):
            # Refused before the engine connects: switching on WAL would rewrite the header.
            raise NotADatabase(f"{path} holds no livestream_desk data")
    database = open_database(target, create=False, migrate=False)
    if not database.revision:
        where = database.describe()
        database.dispose()
        raise NotADatabase(f"{where} holds no livestream_desk data")
    if migrate and database.revision != schema_version.HEAD:
        database.dispose()
        database = open_database(target, create=False, migrate=True)
    return database


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _size_text(path: Path) -> str:
    size = path.stat().st_size
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


# --- commands -------------------------------------------------------------------------


def _cmd_gui(args: argparse.Namespace) -> int:
    from .app import run_gui

    return int(run_gui(args.db, args.lang, smoke=args.smoke) or 0)


def _cmd_demo(args: argparse.Namespace) -> int:
    import time

    from .db.engine import open_database

    options = {"seed": args.seed}
    if args.months is not None:
        options["months"] = args.months
    if args.sales is not None:
        options["sales"] = args.sales
    started = time.perf_counter()
    database = open_database(args.db)  # refuses a corrupt, foreign or newer file untouched
    try:
        from .services.demo import generate_demo

        with _Progress("generating demo data") as progress:
            summary = generate_demo(database, progress=progress, **options)
        where = database.describe()
    finally:
        database.dispose()
    months = summary.months
    _write(
        f"demo data in {where}: {months.first}..{months.last} ({len(months)} months), "
        f"{summary.products:,} products, {summary.livestreams:,} livestreams, "
        f"{summary.sale_lines:,} sale lines ({time.perf_counter() - started:.1f} s)\n"
    )
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .domain.period import PeriodError
    from .services.errors import UserError

    if args.first is not None and args.last is not None and args.first > args.last:
        raise UserError(f"--from {args.first} is after --to {args.last}")
    platform = args.platform.strip().lower() if args.platform else None
    if args.platform is not None:
        from .db.models import Platform

        if platform not in Platform.ALL:
            raise UserError(f"unknown platform {args.platform!r}; use one of {', '.join(Platform.ALL)}")

    from .services.reports import monthly_report, sales_span

    database = _open_existing(args.db, migrate=True)
    try:
        first, last = args.first, args.last
        if (first is None) != (last is None):
            span = sales_span(database, platform)
            if first is None:
                first = min(last, span.first) if span else last
            else:
                last = max(first, span.last) if span else first
        try:
            report = monthly_report(database, first, last, platform)
        except PeriodError as exc:  # e.g. the month before --from 1900-01 does not exist
            raise UserError(f"cannot report {first}..{last}: {exc}") from exc
    finally:
        database.dispose()

    if args.format == "csv":
        import csv

        from .services.report_export import monthly_report_csv_rows

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows(monthly_report_csv_rows(report))
        sys.stdout.flush()
    elif args.format == "json":
        from .services.report_format import monthly_report_json

        _write(monthly_report_json(report))
    else:
        from .services.report_format import monthly_report_table

        _write(monthly_report_table(report, args.lang))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .services.health import check_database

    database = _open_existing(args.db, migrate=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    lines = [f"checking {report.database}"]
    width = max(len(check.name) for check in report.checks)
    for check in report.checks:
        status = "ok" if check.ok else "PROBLEM"
        lines.append(f"  {check.name:<{width}}  {status:<7}  {check.detail}".rstrip())
        lines.extend(f"      {problem}" for problem in check.problems)
    problems = report.problems
    lines.append("healthy" if report.healthy else f"{len(problems)} problem(s) found")
    _write("\n".join(lines) + "\n")
    return EXIT_OK if report.healthy else EXIT_PROBLEMS


def _refuse_server_database(target: Optional[str]) -> None:
    from .db.errors import UnsupportedOperation
    from .services.backup import PG_DUMP_HINT

    if _sqlite_file(target) is None:
        raise UnsupportedOperation(PG_DUMP_HINT)


def _cmd_backup(args: argparse.Namespace) -> int:
    from .services.backup import backup_database

    _refuse_server_database(args.db)
    database = _open_existing(args.db, migrate=False)
    try:
        with _Progress("backing up") as progress:
            target = backup_database(database, Path(args.to) if args.to else None, progress)
        where = database.describe()
    finally:
        database.dispose()
    _write(f"backed up {where} to {target} ({_size_text(target)})\n")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from .db import schema_version
    from .services.backup import restore_database

    _refuse_server_database(args.db)
    with _Progress("restoring") as progress:
        result = restore_database(Path(args.file), args.db, progress)
    lines = []
    if result.safety_backup is not None:
        lines.append(f"saved the previous content of {result.target} to {result.safety_backup}")
    upgraded = f", upgraded to {schema_version.HEAD}" if result.migrated_from else ""
    lines.append(f"restored {args.file} into {result.target} (schema {result.revision}{upgraded})")
    _write("\n".join(lines) + "\n")
    return EXIT_OK


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.screenshot import save_screenshots

    out = Path(args.out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    paths = save_screenshots(args.db, out, lang=args.lang)
    _write("".join(f"{path}\n" for path in paths))
    return EXIT_OK


_COMMANDS: dict[Optional[str], Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "demo": _cmd_demo,
    "report": _cmd_report,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "screenshot": _cmd_screenshot,
}


# --- errors ---------------------------------------------------------------------------


def _os_error_text(exc: OSError) -> str:
    if exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc.strerror or exc)


def known_error_message(exc: BaseException, db_target: Optional[str] = None) -> Optional[str]:
    """The one-line reason for an error a user can cause; None for a bug."""
    import sqlite3

    from .db.errors import DatabaseProblem
    from .domain.money import MoneyError
    from .domain.period import PeriodError
    from .services.errors import Cancelled, UserError

    if isinstance(exc, (DatabaseProblem, UserError, MoneyError, PeriodError)):
        return str(exc)
    if isinstance(exc, Cancelled):
        return str(exc) or "cancelled; nothing was changed"
    where = db_target or "the database"
    damaged = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, damaged):
        return f"cannot read {where}: {exc}"
    if isinstance(exc, OSError):
        return _os_error_text(exc)
    if "sqlalchemy" in sys.modules:
        from sqlalchemy import exc as sa_exc

        if isinstance(exc, sa_exc.DBAPIError):
            orig = exc.orig
            if isinstance(exc, sa_exc.OperationalError) or (
                isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, damaged)
            ):
                return f"cannot read {where}: {orig}"
        if isinstance(exc, sa_exc.ArgumentError):
            return f"bad database URL {db_target!r}: {exc}"
    if isinstance(exc, ModuleNotFoundError) and exc.name in ("psycopg", "psycopg2"):
        return f"the PostgreSQL driver is not installed: pip install \"livestream_desk[postgresql]\" ({exc})"
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


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


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code (see EXIT_CODES_HELP)."""
    _make_stdout_forgiving()
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version and argument errors
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)

    if args.smoke and args.command:
        sys.stderr.write(f"{PROG}: error: --smoke goes with the window, not with the {args.command} command\n")
        return EXIT_USAGE
    if args.db is not None and not args.db.strip():
        sys.stderr.write(f"{PROG}: error: --db is empty; give a database file or URL\n")
        return EXIT_USAGE

    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no second error when Python flushes at exit
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the one place that tells known errors from bugs
        message = known_error_message(exc, args.db)
        if message is not None:
            sys.stderr.write(f"{PROG}: error: {_one_line(message)}\n")
            return EXIT_USAGE
        sys.stderr.write(
            f"{PROG}: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(this is a bug; please report it with the details below)\n"
        )
        traceback.print_exc(file=sys.stderr)
        return EXIT_BUG


__all__ = ["main", "build_parser", "known_error_message", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_BUG"]
