"""The monthly report as CSV (DESIGN §7): exact columns, plain yuan, one-decimal growth, BOM."""
from __future__ import annotations

import io
from decimal import Decimal

from livestream_desk.domain.metrics import MonthlyFigures
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services.report_export import (
    MONTHLY_CSV_COLUMNS,
    format_pct,
    monthly_report_csv_rows,
    save_monthly_csv,
    write_monthly_csv,
)
from livestream_desk.services.reports import MonthlyReport


def _report() -> MonthlyReport:
    rows = [
        MonthlyFigures(Month(2026, 9), 0, 0, 0, 0, 0, None),
        MonthlyFigures(Month(2026, 10), 3, 12, 30, 123450, 5, Decimal("-4.95"), target_fen=200000),
        MonthlyFigures(Month(2026, 11), 1, 2, 2, 100000099, 0, Decimal("81004.04")),
        MonthlyFigures(Month(2026, 12), 1, 1, 1, 100, 100, Decimal("-0.04")),
    ]
    return MonthlyReport(MonthRange(Month(2026, 9), Month(2026, 12)), None, rows)


def test_rows_are_exactly_the_design_columns():
    rows = monthly_report_csv_rows(_report())
    assert ",".join(MONTHLY_CSV_COLUMNS) == "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct"
    assert rows == [
        MONTHLY_CSV_COLUMNS,
        ["2026-09", "0", "0", "0", "0.00", "0.00", "0.00", ""],
        ["2026-10", "3", "12", "30", "1234.50", "0.05", "1234.45", "-5.0"],
        ["2026-11", "1", "2", "2", "1000000.99", "0.00", "1000000.99", "81004.0"],
        ["2026-12", "1", "1", "1", "1.00", "1.00", "0.00", "0.0"],
    ]


def test_growth_rounds_half_away_from_zero_and_never_shows_minus_zero():
    assert format_pct(None) == ""
    assert format_pct(Decimal("12.25")) == "12.3"
    assert format_pct(Decimal("-12.25")) == "-12.3"
    assert format_pct(Decimal("-0.04")) == "0.0"
    assert format_pct(Decimal("100")) == "100.0"


def test_files_are_utf8_with_bom_and_crlf(tmp_path):
    path = save_monthly_csv(_report(), tmp_path / "report.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfmonth,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\r\n")
    assert data.count(b"\r\n") == 5 and b"\r\r" not in data
    assert not list(tmp_path.glob("*.partial"))


def test_write_to_an_open_text_file():
    buffer = io.StringIO(newline="")
    write_monthly_csv(_report(), buffer)
    assert buffer.getvalue().splitlines()[2] == "2026-10,3,12,30,1234.50,0.05,1234.45,-5.0"
