"""ReportPeriod: months, quarters, years and custom ranges, and their two comparisons."""
from __future__ import annotations

import pytest

from livestream_desk.domain.period import Month, PeriodError
from livestream_desk.services.reports import PeriodKind, ReportPeriod


def test_kinds_and_their_months():
    assert ReportPeriod.month(Month(2026, 10)).months.first == Month(2026, 10)
    q = ReportPeriod.quarter(2026, 4)
    assert (q.kind, q.first, q.last, len(q)) == (PeriodKind.QUARTER, Month(2026, 10), Month(2026, 12), 3)
    assert ReportPeriod.quarter_of(Month(2026, 5)) == ReportPeriod.quarter(2026, 2)
    y = ReportPeriod.year(2025)
    assert (y.first, y.last, len(y)) == (Month(2025, 1), Month(2025, 12), 12)
    assert y.start().isoformat() == "2025-01-01T00:00:00" and y.end().isoformat() == "2026-01-01T00:00:00"


def test_previous_and_year_ago():
    october = ReportPeriod.month(Month(2026, 1))
    assert october.previous() == ReportPeriod.month(Month(2025, 12))
    assert october.year_ago() == ReportPeriod.month(Month(2025, 1))
    assert ReportPeriod.quarter(2026, 1).previous() == ReportPeriod.quarter(2025, 4)
    assert ReportPeriod.year(2026).previous() == ReportPeriod.year(2025) == ReportPeriod.year(2026).year_ago()
    custom = ReportPeriod.custom(Month(2026, 2), Month(2026, 6))
    assert custom.kind is PeriodKind.CUSTOM
    assert custom.previous() == ReportPeriod(PeriodKind.CUSTOM, Month(2025, 9), Month(2026, 1))
    assert custom.year_ago() == ReportPeriod(PeriodKind.CUSTOM, Month(2025, 2), Month(2025, 6))


def test_a_custom_range_that_is_a_month_quarter_or_year_is_named_so():
    assert ReportPeriod.custom(Month(2026, 3), Month(2026, 3)).kind is PeriodKind.MONTH
    assert ReportPeriod.custom(Month(2026, 4), Month(2026, 6)).kind is PeriodKind.QUARTER
    assert ReportPeriod.custom(Month(2026, 5), Month(2026, 7)).kind is PeriodKind.CUSTOM
    assert ReportPeriod.custom(Month(2026, 1), Month(2026, 12)).kind is PeriodKind.YEAR


@pytest.mark.parametrize(
    "text, label",
    [("2026-10", "2026-10"), ("2026年3月", "2026-03"), ("2026-Q3", "2026-Q3"), ("2026q1", "2026-Q1"), ("2026", "2026"),
     ("2026-01..2026-05", "2026-01..2026-05"), ("2026-04..2026-06", "2026-Q2")],
)
def test_parse_and_label(text, label):
    assert ReportPeriod.parse(text).label == label


@pytest.mark.parametrize("text", ["", "2026-13", "2026-Q5", "abc", "2026-06..2026-01"])
def test_bad_periods(text):
    with pytest.raises(PeriodError):
        ReportPeriod.parse(text)
