"""Save a table of the reports page as CSV or Excel, as people read it: the headers on screen
(Chinese by default), the rows in the order on screen, the 合计 row last.

This is the GUI's export for people; the command line's CSV keeps DESIGN §7's contract
(services/report_export.py). Numbers stay numbers in Excel (with number formats); text that
a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

CSV_ENCODING = "utf-8-sig"  # Excel on a Chinese Windows PC needs the BOM
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text a spreadsheet must not take for a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return safe_text(str(value))


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with open(path, "w", encoding=CSV_ENCODING, newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])


def write_xlsx(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
               formats: Sequence[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31] or "Sheet1"
    sheet.append([safe_text(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = []
        for value in row:
            if isinstance(value, Decimal):
                values.append(value)
            elif isinstance(value, str):
                values.append(safe_text(value))
            else:
                values.append(value)
        sheet.append(values)
    for column, number_format in enumerate(formats, start=1):
        if not number_format:
            continue
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if isinstance(cell.value, (int, float, Decimal)):
                cell.number_format = number_format
    if rows:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)  # the 合计 row
    for column_cells in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column_cells)
        sheet.column_dimensions[column_cells[0].column_letter].width = min(max(10, width * 1.6), 48)
    sheet.freeze_panes = "A2"
    book.save(path)


def save_table(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
               formats: Sequence[str]) -> Path:
    """CSV or .xlsx by the file's suffix (CSV when it has none)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, title, headers, rows, formats)
    else:
        if not path.suffix:
            path = path.with_suffix(".csv")
        write_csv(path, headers, rows)
    return path


__all__ = ["save_table", "write_csv", "write_xlsx", "safe_text"]
