"""`import-orders FILE`: a platform's order export (抖店, 快手小店, 京东, or the app's template)."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console, input_file
from ..parser import Registrar

DESCRIPTION = (
    "Import the order export of 抖店 (Douyin), 快手小店 (Kuaishou) or 京东 (JD), or the app's own\n"
    "order template (.xlsx, or CSV in UTF-8 with or without BOM, or GB18030/GBK as Excel saves it).\n"
    "The layout is detected from the header row unless --platform names it.\n\n"
    "Paid lines are imported once: a line already in the database is a duplicate, or is updated\n"
    "when a later export shows its refund or status moved on (refunds only grow, so exports\n"
    "imported in any order give the same figures). Unpaid orders are ignored. Each line is matched\n"
    "to a product (platform code learned before, 商家编码 / SKU编码 / 货号, exact name); products\n"
    "no catalogue product matches are created and marked \"needs review\". Lines paid during a\n"
    "livestream of the same platform are attributed to it.\n\n"
    "Prints new / duplicate / updated / rejected counts and one line per rejected row: its row\n"
    "number as the spreadsheet shows it (header = row 1), the column, the value and the reason.\n"
    "A row with any bad value is rejected whole; the valid rows import, all in one transaction.\n"
    "Exits 0 when the file was read and its valid rows imported; 2 when the file is missing or\n"
    "cannot be read as an order export."
)

PLATFORM_HELP = "the export's layout: auto (default), douyin, kuaishou, jd, generic, or 抖音, 快手, 京东"


def register(commands: Registrar) -> None:
    parser = commands.add("import-orders", "import a platform's order export (.xlsx or .csv)", run, DESCRIPTION)
    parser.add_argument("file", metavar="FILE", help="the order export to import")
    parser.add_argument("--platform", default="auto", metavar="PLATFORM", help=PLATFORM_HELP)
    parser.add_argument("--dry-run", action="store_true", help="read and check the file, print what would happen, write nothing")


def summary_lines(console: Console, order_file, counts: dict[str, int]) -> list[str]:
    from ...services.importers import LAYOUTS

    parsed = order_file.parsed
    lines = [
        console.text("orders.cli_detected", file=order_file.file_name, layout=LAYOUTS[parsed.layout].title,
                     rows=parsed.rows),
        console.text("orders.cli_summary", **counts),
    ]
    if parsed.unpaid:
        lines.append(console.text("orders.cli_unpaid", count=parsed.unpaid))
    for row in parsed.rejected:
        lines.append("  " + console.text("orders.cli_rejected_row", row=row.row, column=row.column,
                                         value=row.value, reason=row.reason))
    return lines


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import dry_run_database, open_for_writing
    from ...services.importers import layout_named, preview_import, read_order_file
    from ...services.importers.commit import commit_file

    layout = layout_named(args.platform)
    source = input_file(args.file)

    if args.dry_run:
        with dry_run_database(args.db) as (database, where):
            with console.progress("orders.cli_progress") as progress:
                preview = preview_import(database, source, layout, progress=progress)
        counts = {"new": preview.new, "duplicate": preview.duplicate, "updated": preview.updated,
                  "rejected": len(preview.rejected)}
        lines = summary_lines(console, preview.file, counts)
        lines.append(console.text("orders.cli_dry_run"))
        console.write("\n".join(lines) + "\n")
        return EXIT_OK

    # Read the file before opening (or creating) the database: an unreadable file leaves nothing behind.
    with console.progress("orders.cli_progress") as progress:
        order_file = read_order_file(source, layout, progress=progress)
    database = open_for_writing(args.db)
    try:
        result = commit_file(database, order_file)  # no preview to show: the file is compared once, in the write
        where = database.describe()
    finally:
        database.dispose()
    counts = {"new": result.new, "duplicate": result.duplicate, "updated": result.updated, "rejected": result.rejected}
    lines = summary_lines(console, order_file, counts)
    if result.created_products:
        lines.append(console.text("orders.cli_created_products", count=len(result.created_products),
                                  names="、".join(result.created_products[:10]) + ("…" if len(result.created_products) > 10 else "")))
    if result.batch_id is None:
        lines.append(console.text("orders.cli_nothing_new"))
    else:
        lines.append(console.text("orders.cli_imported", batch=result.batch_id, path=where))
    console.write("\n".join(lines) + "\n")
    return EXIT_OK
