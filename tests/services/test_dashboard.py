"""services.dashboard: the ranges the dashboard offers and what one refresh loads."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services.dashboard import (
    PeriodChoice,
    load_dashboard,
    reference_month,
    resolve_range,
    sales_overview,
)
from livestream_desk.services.errors import UserError
from livestream_desk.services.reports import monthly_report, platforms_with_sales, sales_span

OCT = Month(2026, 10)


@pytest.mark.parametrize(
    "choice, first",
    [
        (PeriodChoice.LAST_6, Month(2026, 5)),
        (PeriodChoice.LAST_12, Month(2025, 11)),
        (PeriodChoice.LAST_24, Month(2024, 11)),
        (PeriodChoice.THIS_YEAR, Month(2026, 1)),
    ],
)
def test_preset_ranges_end_at_the_reference_month(choice, first):
    assert resolve_range(choice, OCT) == MonthRange(first, OCT)


def test_this_year_in_january_is_one_month():
    assert len(resolve_range(PeriodChoice.THIS_YEAR, Month(2027, 1))) == 1


def test_custom_range_is_taken_as_given_and_required():
    custom = MonthRange(Month(2023, 3), Month(2023, 7))
    assert resolve_range(PeriodChoice.CUSTOM, OCT, custom) == custom
    with pytest.raises(UserError):
        resolve_range(PeriodChoice.CUSTOM, OCT, None)


def count_queries(db):
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    return statements


def test_empty_database_has_no_sales_and_ends_at_the_current_month(db):
    overview = sales_overview(db)
    assert not overview.has_sales and overview.platforms == ()
    assert reference_month(overview, today=Month(2030, 2)) == Month(2030, 2)
    statements = count_queries(db)
    data = load_dashboard(db, PeriodChoice.LAST_6, today=Month(2030, 2))
    assert not data.has_sales
    assert data.range == MonthRange(Month(2029, 9), Month(2030, 2))
    assert data.report.rows == []
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_load_dashboard_is_the_report_plus_one_query(demo_db):
    span = sales_span(demo_db)
    statements = count_queries(demo_db)
    data = load_dashboard(demo_db)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # the overview + the report's three
    assert data.has_sales
    assert data.reference_month == span.last
    assert data.platforms == tuple(platforms_with_sales(demo_db))
    assert data.range == MonthRange.last_n(12, span.last)
    assert data.report == monthly_report(demo_db, data.range.first, data.range.last)


def test_platform_and_custom_range(demo_db):
    platform = platforms_with_sales(demo_db)[0]
    custom = MonthRange(Month(2025, 2), Month(2025, 9))
    data = load_dashboard(demo_db, PeriodChoice.CUSTOM, custom, platform)
    assert data.range == custom and data.platform == platform
    assert data.report == monthly_report(demo_db, custom.first, custom.last, platform=platform)
    # The reference month stays that of all platforms, so switching platforms keeps the months.
    assert data.reference_month == sales_span(demo_db).last
