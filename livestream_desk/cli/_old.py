"""The command line of DESIGN §7 (a stable contract: tests and users' scripts rely on it).

    livestream-desk [--db PATH_OR_URL] [--lang zh_CN|en]          the GUI
    livestream-desk --db PATH --smoke                              show the window, exit after first paint
    livestream-desk demo --db PATH [--months N] [--sales N] [--seed N]
    livestream-desk import-products FILE --db PATH [--dry-run]
    livestream-desk export products|monthly --db PATH --to FILE.xlsx|FILE.csv
                                   [--from YYYY-MM] [--until YYYY-MM]      (monthly only)
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

Everything heavy is imported inside the command that needs it: `report`, `check`,
`import-products` and `export` never load Qt or pyqtgraph, nor Alembic unless a database has
to be created or upgraded.
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NoReturn, Optional, Sequence

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

    import_products = add(
        "import-products",
        "import products from the product template (.xlsx or .csv)",
        "Import products from a file in the product template's layout (.xlsx, or CSV in UTF-8 with or\n"
        "without BOM, or GB18030/GBK as Excel saves it on a Chinese Windows PC).\n\n"
        "columns: 商品名称 (the only one required), 规格, 单位, 分类, 商家编码, 售价, 直播价, 成本价,\n"
        "  库存, 产地, 生产者, 认证, 保质期(天), 备注 — in any order; other columns are ignored.\n\n"
        "A row with a 商家编码 updates the product with that code; a row without one updates the\n"
        "product without a code that has the same name and spec; otherwise it is a new product.\n"
        "Blank cells of an updating row keep the old values. A row with any bad value is rejected\n"
        "whole; the valid rows still import, all in one transaction.\n\n"
        "Prints the counts (new, updated, unchanged, rejected) and one line per rejected row: its\n"
        "row number as the spreadsheet shows it (header = row 1), the column, the value and the\n"
        "reason. Exits 0 when the file was read and its valid rows imported, rejected rows or not;\n"
        "2 when the file is missing or cannot be read as a product list. Importing the same file\n"
        "again changes nothing. The database is created when it does not exist yet.",
    )
    import_products.add_argument("file", metavar="FILE", help="the .xlsx or .csv file to import")
    import_products.add_argument(
        "--dry-run", action="store_true", help="read and check the file, print what would change, write nothing"
    )

    export = add(
        "export",
        "write the products or the monthly report to .xlsx or .csv",
        "Write to FILE; its suffix decides the format (.xlsx or .csv).\n\n"
        "kinds:\n"
        "  products  the whole catalogue, archived products too, in the layout of the product\n"
        "            template: the file imports back with import-products unchanged\n"
        "  monthly   the monthly report, the columns of `report monthly --format csv`:\n"
        "            month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct, one row\n"
        "            per month (months without sales included); --from / --until choose the\n"
        "            months, by default the first to the last month with a paid sale\n\n"
        "CSV is UTF-8 with BOM (Excel opens it right); text starting with = + - @ gets a leading '\n"
        "against formula injection. In .xlsx amounts are numbers and text is always a text cell.\n"
        "Never changes the data in the database; a missing database is an error.",
    )
    export.add_argument("kind", choices=("products", "monthly"), metavar="KIND", help="products or monthly")
    export.add_argument("--to", dest="target", required=True, metavar="FILE", help="the file to write: .xlsx or .csv")
    export.add_argument("--from", dest="first", type=_month, metavar="YYYY-MM", help="monthly: first month")
    export.add_argument("--until", dest="last", type=_month, metavar="YYYY-MM", help="monthly: last month")

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


def _monthly_report(database, first, last, platform: Optional[str]):
    """The monthly report for --from / --to (export: --until); a missing end is taken from
    the months with paid sales, as DESIGN §7 says."""
    from .domain.period import PeriodError
    from .services.errors import UserError
    from .services.reports import monthly_report, sales_span

    if (first is None) != (last is None):
        span = sales_span(database, platform)
        if first is None:
            first = min(last, span.first) if span else last
        else:
            last = max(first, span.last) if span else first
    try:
        return monthly_report(database, first, last, platform)
    except PeriodError as exc:  # e.g. the month before --from 1900-01 does not exist
        raise UserError(f"cannot report {first}..{last}: {exc}") from exc


def _cmd_report(args: argparse.Namespace) -> int:
    from .services.errors import UserError

    if args.first is not None and args.last is not None and args.first > args.last:
        raise UserError(f"--from {args.first} is after --to {args.last}")
    platform = args.platform.strip().lower() if args.platform else None
    if args.platform is not None:
        from .db.models import Platform

        if platform not in Platform.ALL:
            raise UserError(f"unknown platform {args.platform!r}; use one of {', '.join(Platform.ALL)}")

    database = _open_existing(args.db, migrate=True)
    try:
        report = _monthly_report(database, args.first, args.last, platform)
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


def _is_blank_database(path: Path) -> bool:
    """True when open_database would make a new database at `path` (no file, an empty file,
    or an SQLite file without tables)."""
    if not path.exists():
        return True
    if path.is_dir():
        return False
    return path.stat().st_size == 0 or _holds_no_tables(path)


def _check_input_file(source: Path) -> None:
    from .services.tables import TableError

    if not source.exists():
        raise TableError(f"no file at {source}")
    if source.is_dir():
        raise TableError(f"{source} is a folder, not a file")


@contextmanager
def _dry_run_database(target: Optional[str]) -> Iterator[tuple[object, str]]:
    """(a database to preview against, where the real one is) without writing anything to it.

    A database that does not exist yet is stood in for by an empty one in a temporary folder;
    one with an older schema by an upgraded temporary copy (upgrading is a write).
    """
    import tempfile

    from .db import schema_version
    from .db.engine import open_database

    path = _sqlite_file(target)
    if path is not None and _is_blank_database(path):
        with tempfile.TemporaryDirectory(prefix="livestream-desk-dry-run-") as folder:
            database = open_database(Path(folder) / "empty.sqlite3")
            try:
                yield database, f"{path} (no database there yet)"
            finally:
                database.dispose()
        return
    database = _open_existing(target, migrate=False)
    where = database.describe()
    if database.revision == schema_version.HEAD:
        try:
            yield database, where
        finally:
            database.dispose()
        return
    database.dispose()
    if path is None:
        from .services.errors import UserError

        raise UserError(
            f"{where} has an older schema; --dry-run cannot upgrade it: run `check`, or import without --dry-run"
        )
    from .db.backup_copy import sqlite_backup

    with tempfile.TemporaryDirectory(prefix="livestream-desk-dry-run-") as folder:
        copy = sqlite_backup(path, Path(folder) / "copy.sqlite3")
        database = open_database(copy)
        try:
            yield database, where
        finally:
            database.dispose()


def _rejected_lines(problems) -> list[str]:
    """One line per rejected row: `row 4, 售价 '12.3.4': reason; 库存 '-5': reason`."""
    by_row: dict[int, list] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    lines = []
    for row in sorted(by_row):
        parts = []
        for problem in by_row[row]:
            where = problem.column
            if problem.value:
                where = f"{where} {problem.value!r}" if where else repr(problem.value)
            parts.append(f"{where}: {problem.reason}" if where else problem.reason)
        lines.append(f"  row {row}, " + "; ".join(parts))
    return lines


def _import_report(preview, counts: dict[str, int], problems, new_categories, new_producers) -> list[str]:
    from .services.product_io import NEW, REJECTED, UNCHANGED, UPDATE

    where = preview.sheet and f"sheet {preview.sheet}" or preview.encoding or ""
    lines = [
        f"{preview.file_name} ({preview.kind}{', ' + where if where else ''}): {counts[NEW]} new, "
        f"{counts[UPDATE]} updated, {counts[UNCHANGED]} unchanged, {counts[REJECTED]} rejected"
    ]
    if preview.ignored_columns:
        lines.append("ignored columns: " + ", ".join(c for c in preview.ignored_columns))
    if problems:
        lines.append("rejected rows (row number as the spreadsheet shows it, header = row 1):")
        lines.extend(_rejected_lines(problems))
    if new_categories:
        lines.append("new categories: " + ", ".join(new_categories))
    if new_producers:
        lines.append("new producers: " + ", ".join(new_producers))
    if preview.previously_imported_at is not None:
        lines.append(f"this file was imported before, at {preview.previously_imported_at:%Y-%m-%d %H:%M:%S}")
    return lines


def _cmd_import_products(args: argparse.Namespace) -> int:
    from .services.product_io import (
        apply_product_import,
        read_product_file,
        read_table_of_products,
    )

    source = Path(args.file).expanduser()
    _check_input_file(source)

    if args.dry_run:
        with _dry_run_database(args.db) as (database, where):
            with _Progress("reading") as progress:
                preview = read_product_file(database, source, progress)
        lines = _import_report(preview, preview.counts, preview.problems, preview.new_categories, preview.new_producers)
        lines.append(f"dry run: nothing was written to {where}")
        _write("\n".join(lines) + "\n")
        return EXIT_OK

    from .db.engine import open_database

    path = _sqlite_file(args.db)
    if path is not None and _is_blank_database(path):
        # Read the file before making the database: an unreadable file leaves nothing behind.
        read_table_of_products(source)
    database = open_database(args.db)  # created or upgraded as usual; a bad file is refused untouched
    try:
        with _Progress("reading") as progress:
            preview = read_product_file(database, source, progress)
        if preview.has_changes:
            with _Progress("importing") as progress:
                result = apply_product_import(database, preview, progress)
            counts = {"new": result.new, "update": result.updated, "unchanged": result.unchanged,
                      "rejected": result.rejected}
            lines = _import_report(preview, counts, result.problems, result.new_categories, result.new_producers)
            lines.append(f"imported into {database.describe()} (import batch {result.batch_id})")
        else:
            # Nothing new or changed: no transaction and no batch row, the database stays as it was.
            lines = _import_report(preview, preview.counts, preview.problems, (), ())
            lines.append(f"nothing to change in {database.describe()}")
    finally:
        database.dispose()
    _write("\n".join(lines) + "\n")
    return EXIT_OK


EXPORT_SUFFIXES = (".xlsx", ".csv")


def _cmd_export(args: argparse.Namespace) -> int:
    from .services.errors import UserError

    target = Path(args.target).expanduser()
    if target.suffix.lower() not in EXPORT_SUFFIXES:
        hint = ""
        try:
            _month(args.target)
            hint = "; --to names the file, the last month is --until YYYY-MM"
        except argparse.ArgumentTypeError:
            pass
        raise UserError(
            f"cannot export to {args.target}: the file name must end in .xlsx or .csv (the suffix decides the format){hint}"
        )
    if args.kind != "monthly" and (args.first is not None or args.last is not None):
        raise UserError(f"--from and --until go with export monthly, not with export {args.kind}")
    if args.first is not None and args.last is not None and args.first > args.last:
        raise UserError(f"--from {args.first} is after --until {args.last}")

    database = _open_existing(args.db, migrate=True)
    try:
        if args.kind == "products":
            from .services.product_io import export_products

            with _Progress("exporting products") as progress:
                count = export_products(database, target, progress=progress)
            what = f"{count} product{'s' if count != 1 else ''}"
        else:
            from .services.monthly_export import save_monthly_report

            report = _monthly_report(database, args.first, args.last, None)
            count = save_monthly_report(report, target)
            span = f" ({report.rows[0].month}..{report.rows[-1].month})" if report.rows else " (no paid sales yet)"
            what = f"{count} month{'s' if count != 1 else ''}{span}"
    finally:
        database.dispose()
    _write(f"wrote {what} to {target}\n")
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
    "import-products": _cmd_import_products,
    "export": _cmd_export,
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


def _without_password(db_target: Optional[str]) -> Optional[str]:
    """A --db value fit to print: a server URL's password as ***."""
    if not db_target or "://" not in db_target:
        return db_target
    try:
        from sqlalchemy.engine import make_url

        return make_url(db_target).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy can read: hide everything before the host
        scheme, _, rest = db_target.partition("://")
        return f"{scheme}://***@{rest.rpartition('@')[2]}" if "@" in rest else db_target


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
    db_target = _without_password(db_target)
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
