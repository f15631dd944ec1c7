"""The monthly report as a file, `.xlsx` or `.csv` (DESIGN §7; `export monthly`, the GUI's save).

Same columns and the same values as `report monthly --format csv` — the rows come from
`report_export.monthly_row`, so the two can never drift apart:

* CSV: exactly that text, UTF-8 with BOM, CRLF line ends (what `save_monthly_csv` writes);
* `.xlsx`: the month is a text cell; livestreams, orders and units are whole numbers; money
  is a number with two decimals (shown `0.00`); growth a number with one decimal, or an
  empty cell when it is undefined.

Values go to the table writer as numbers (Decimal), not text: the writer would escape a
text growth of `-100.0` against formula injection, a number it writes as it is.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Union

from .report_export import MONTHLY_CSV_COLUMNS, monthly_row
from .reports import MonthlyReport
from .tables import write_table
from .tables.writer import IsCancelled, Progress

SHEET_TITLE = "月报"
COLUMN_WIDTHS = (10, 12, 10, 10, 14, 14, 14, 16)


def monthly_table_rows(report: MonthlyReport) -> list[list[object]]:
    """One typed row per month: [month text, 3 ints, 3 Decimal amounts, Decimal growth or None]."""
    rows: list[list[object]] = []
    for figures in report.rows:
        month, livestreams, orders, units, gmv, refunds, net_sales, growth = monthly_row(figures)
        rows.append(
            [
                month,
                int(livestreams),
                int(orders),
                int(units),
                Decimal(gmv),
                Decimal(refunds),
                Decimal(net_sales),
                Decimal(growth) if growth else None,
            ]
        )
    return rows


def save_monthly_report(
    report: MonthlyReport,
    path: Union[str, Path],
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> int:
    """Write the report to `path` (.xlsx or .csv by its suffix); return the number of months.

    Raises TableError for another suffix or a file that cannot be written; the file
    appears only when complete.
    """
    rows = monthly_table_rows(report)
    return write_table(
        path,
        MONTHLY_CSV_COLUMNS,
        rows,
        sheet_title=SHEET_TITLE,
        widths=COLUMN_WIDTHS,
        total=len(rows),
        progress=progress,
        cancelled=cancelled,
    )


__all__ = ["monthly_table_rows", "save_monthly_report", "SHEET_TITLE"]
