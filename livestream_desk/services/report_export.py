"""The monthly report as CSV, exactly as DESIGN §7 fixes it (the GUI and the CLI share this).

Columns: month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct — money in
plain yuan with two decimals (1234.50), growth with one decimal or empty. Files are UTF-8
with a BOM so that Excel on a Chinese Windows PC opens them correctly.
"""
from __future__ import annotations

import csv
import os
from decimal import Decimal
from pathlib import Path
from typing import Optional, TextIO

from ..domain.metrics import MonthlyFigures, round_pct
from ..domain.money import format_plain
from .reports import MonthlyReport

MONTHLY_CSV_COLUMNS = ["month", "livestreams", "orders", "units", "gmv", "refunds", "net_sales", "mom_growth_pct"]
CSV_ENCODING = "utf-8-sig"  # UTF-8 with BOM


def format_pct(value: Optional[Decimal]) -> str:
    """Growth for CSV: one decimal (half away from zero), empty when undefined; never '-0.0'."""
    rounded = round_pct(value)
    if rounded is None:
        return ""
    if rounded == 0:
        return "0.0"
    return str(rounded)


def monthly_row(row: MonthlyFigures) -> list[str]:
    return [
        str(row.month),
        str(row.livestreams),
        str(row.orders),
        str(row.units),
        format_plain(row.gmv_fen),
        format_plain(row.refunds_fen),
        format_plain(row.net_sales_fen),
        format_pct(row.mom_growth_pct),
    ]


def monthly_report_csv_rows(report: MonthlyReport) -> list[list[str]]:
    """The header row followed by one row per month of the report."""
    return [list(MONTHLY_CSV_COLUMNS)] + [monthly_row(row) for row in report.rows]


def write_monthly_csv(report: MonthlyReport, file_obj: TextIO) -> None:
    """Write the report's CSV rows to an open text file.

    The caller chooses the encoding: open files with `encoding=CSV_ENCODING, newline=""`
    (as `save_monthly_csv` does) so the BOM is written and line ends are not doubled.
    """
    writer = csv.writer(file_obj)
    writer.writerows(monthly_report_csv_rows(report))


def save_monthly_csv(report: MonthlyReport, path: Path) -> Path:
    """Write the report to `path` as UTF-8 with BOM; a failed write leaves no half file."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding=CSV_ENCODING, newline="") as handle:
            write_monthly_csv(report, handle)
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()
    return path


__all__ = [
    "MONTHLY_CSV_COLUMNS",
    "CSV_ENCODING",
    "format_pct",
    "monthly_row",
    "monthly_report_csv_rows",
    "write_monthly_csv",
    "save_monthly_csv",
]
