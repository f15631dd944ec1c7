"""`import-products FILE`: products from the product template (.xlsx or .csv)."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console, input_file
from ..parser import Registrar

DESCRIPTION = (
    "Import products from a file in the product template's layout (.xlsx, or CSV in UTF-8 with or\n"
    "without BOM, or GB18030/GBK as Excel saves it on a Chinese Windows PC).\n\n"
    "columns: 商品名称 (the only one required), 规格, 单位, 分类, 商家编码, 售价, 直播价, 成本价,\n"
    "  库存, 库存预警, 产地, 生产者, 认证, 保质期(天), 备注, 状态 (在售 / 下架) — in any order; other\n"
    "  columns are ignored; a file without 库存预警 or 状态 keeps those of existing products.\n\n"
    "A row with a 商家编码 updates the product with that code (in any letter case, full- or\n"
    "half-width); a row without one updates the\n"
    "product without a code that has the same name and spec; otherwise it is a new product.\n"
    "Blank cells of an updating row keep the old values. A row with any bad value is rejected\n"
    "whole; the valid rows still import, all in one transaction.\n\n"
    "Prints the counts (new, updated, unchanged, rejected) and one line per rejected row: its\n"
    "row number as the spreadsheet shows it (header = row 1), the column, the value and the\n"
    "reason. Exits 0 when the file was read and its valid rows imported, rejected rows or not;\n"
    "2 when the file is missing or cannot be read as a product list. Importing the same file\n"
    "again changes nothing. The database is created when it does not exist yet."
)


def register(commands: Registrar) -> None:
    parser = commands.add(
        "import-products", "import products from the product template (.xlsx or .csv)", run, DESCRIPTION
    )
    parser.add_argument("file", metavar="FILE", help="the .xlsx or .csv file to import")
    parser.add_argument(
        "--dry-run", action="store_true",
        help="read and check the file, print what would change (each changed field), write nothing"
    )


def rejected_lines(console: Console, problems) -> list[str]:
    """One line per rejected row: `row 4, 售价 '12.3.4': reason; 库存 '-5': reason`."""
    by_row: dict[int, list] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    lines = []
    for row in sorted(by_row):
        parts = []
        for problem in by_row[row]:
            reason = problem.reason if isinstance(problem.reason, str) else console.text(problem.reason)
            if problem.value:
                parts.append(console.text("cli.import_cell_value", column=problem.column or "", value=problem.value,
                                          reason=reason))
            elif problem.column:
                parts.append(console.text("cli.import_cell", column=problem.column, reason=reason))
            else:
                parts.append(reason)
        lines.append("  " + console.text("cli.import_row", row=row, problems="; ".join(parts)))
    return lines


def _report(console: Console, preview, counts: dict[str, int], problems, new_categories, new_producers) -> list[str]:
    from ...services.product_io import NEW, REJECTED, UNCHANGED, UPDATE

    where = preview.sheet and console.text("cli.import_sheet", sheet=preview.sheet) or preview.encoding or ""
    lines = [
        console.text(
            "cli.import_counts",
            file=f"{preview.file_name} ({preview.kind}{', ' + where if where else ''})",
            new=counts[NEW],
            updated=counts[UPDATE],
            unchanged=counts[UNCHANGED],
            rejected=counts[REJECTED],
        )
    ]
    if preview.ignored_columns:
        lines.append(console.text("cli.import_ignored_columns", columns=", ".join(preview.ignored_columns)))
    if problems:
        lines.append(console.text("cli.import_rejected_rows"))
        lines.extend(rejected_lines(console, problems))
    if new_categories:
        lines.append(console.text("cli.import_new_categories", names=", ".join(new_categories)))
    if new_producers:
        lines.append(console.text("cli.import_new_producers", names=", ".join(new_producers)))
    if preview.previously_imported_at is not None:
        lines.append(console.text("cli.import_seen_before", at=preview.previously_imported_at))
    return lines


CHANGES_SHOWN = 50  # changed rows listed by --dry-run; the rest are counted


def changed_lines(console: Console, rows) -> list[str]:
    """--dry-run: one line per updated row, every field that would change (old → new)."""
    from ...services.product_io import UPDATE

    changed = [r for r in rows if r.status == UPDATE]
    if not changed:
        return []
    lines = [console.text("cli.import_changed_rows")]
    for r in changed[:CHANGES_SHOWN]:
        changes = "; ".join(
            console.text("cli.import_change", column=column, old=old or "—", new=new or "—")
            for column, (old, new) in r.changes.items()
        )
        name = f"{r.name} {r.spec}".strip()
        lines.append("  " + console.text("cli.import_changed_row", row=r.row, name=name, changes=changes))
    if len(changed) > CHANGES_SHOWN:
        lines.append("  " + console.text("cli.import_more_changes", count=len(changed) - CHANGES_SHOWN))
    return lines


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import dry_run_database, is_blank_database, open_for_writing, sqlite_file
    from ...services.product_io import import_product_file, read_product_file, read_table_of_products

    source = input_file(args.file)

    if args.dry_run:
        with dry_run_database(args.db) as (database, where):
            with console.progress("cli.progress_reading") as progress:
                preview = read_product_file(database, source, progress)
        lines = _report(console, preview, preview.counts, preview.problems, preview.new_categories, preview.new_producers)
        lines.extend(changed_lines(console, preview.rows))
        lines.append(console.text("cli.dry_run_done", path=where))
        console.write("\n".join(lines) + "\n")
        return EXIT_OK

    path = sqlite_file(args.db)
    if path is not None and is_blank_database(path):
        # Read the file before making the database: an unreadable file leaves nothing behind.
        read_table_of_products(source)
    database = open_for_writing(args.db)  # created or upgraded as usual; a bad file is refused untouched
    try:
        # Read, checked and written in one pass (the rows are not kept: a big file costs
        # little memory); nothing new or changed writes no batch row.
        with console.progress("cli.progress_importing") as progress:
            result = import_product_file(database, source, progress)
        counts = {"new": result.new, "update": result.updated, "unchanged": result.unchanged,
                  "rejected": result.rejected}
        lines = _report(console, result.file, counts, result.problems, result.new_categories, result.new_producers)
        if result.batch_id is not None:
            lines.append(console.text("cli.imported_into", path=database.describe(), batch=result.batch_id))
        else:
            lines.append(console.text("cli.nothing_to_change", path=database.describe()))
    finally:
        database.dispose()
    console.write("\n".join(lines) + "\n")
    return EXIT_OK
