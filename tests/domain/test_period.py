"""Months and ranges of months (Beijing local calendar)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livestream_desk.domain.period import Month, MonthRange, PeriodError

months = st.builds(Month, st.integers(min_value=1950, max_value=2150), st.integers(min_value=1, max_value=12))


@pytest.mark.parametrize(
    "text, month",
    [
        ("2026-10", Month(2026, 10)),
        ("2026-1", Month(2026, 1)),
        ("2026/03", Month(2026, 3)),
        ("2026.12", Month(2026, 12)),
        ("2026年3月", Month(2026, 3)),
        (" 2025-07 ", Month(2025, 7)),
    ],
)
def test_parse(text, month):
    assert Month.parse(text) == month


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-0"])
def test_impossible_months_are_rejected(text):
    with pytest.raises(PeriodError, match="between 1 and 12"):
        Month.parse(text)


@pytest.mark.parametrize("text", ["", "2026", "26-10", "October 2026", "2026-10-01", "2026--10", "abcd-ef"])
def test_malformed_months_are_rejected_with_the_expected_form(text):
    with pytest.raises(PeriodError, match="YYYY-MM"):
        Month.parse(text)


def test_constructor_checks():
    with pytest.raises(PeriodError, match="between 1 and 12"):
        Month(2026, 0)
    with pytest.raises(PeriodError, match="year"):
        Month(20, 5)


def test_format_and_key():
    assert str(Month(2026, 3)) == "2026-03"
    assert Month(2026, 3).key == 202603
    assert Month.from_key(202512) == Month(2025, 12)
    assert Month.of(date(2026, 10, 31)) == Month(2026, 10)
    assert Month.of(datetime(2026, 10, 31, 23, 59, 59)) == Month(2026, 10)


def test_arithmetic_across_year_boundaries():
    assert Month(2025, 12) + 1 == Month(2026, 1)
    assert Month(2026, 1) - 1 == Month(2025, 12)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2025, 12).next() == Month(2026, 1)
    assert Month(2026, 3) + 24 == Month(2028, 3)
    assert Month(2026, 3) + (-15) == Month(2024, 12)
    assert Month(2026, 1) - Month(2025, 12) == 1
    assert Month(2025, 12) - Month(2026, 1) == -1
    assert Month(2026, 10) - Month(2024, 11) == 23


def test_month_bounds_are_local_calendar_month():
    october = Month(2026, 10)
    assert october.start() == datetime(2026, 10, 1)
    assert october.end() == datetime(2026, 11, 1)  # exclusive
    assert Month(2026, 12).end() == datetime(2027, 1, 1)
    assert october.start() <= datetime(2026, 10, 31, 23, 59, 59) < october.end()


def test_ordering():
    assert Month(2025, 12) < Month(2026, 1) < Month(2026, 2)
    assert sorted([Month(2026, 2), Month(2025, 12), Month(2026, 1)]) == [
        Month(2025, 12),
        Month(2026, 1),
        Month(2026, 2),
    ]


def test_range_iteration_len_contains():
    span = MonthRange(Month(2025, 11), Month(2026, 2))
    assert list(span) == [Month(2025, 11), Month(2025, 12), Month(2026, 1), Month(2026, 2)]
    assert len(span) == 4
    assert Month(2025, 12) in span
    assert Month(2025, 10) not in span
    assert Month(2026, 3) not in span
    assert "2025-12" not in span
    assert span.start() == datetime(2025, 11, 1)
    assert span.end() == datetime(2026, 3, 1)
    assert str(span) == "2025-11..2026-02"
    single = MonthRange(Month(2026, 5), Month(2026, 5))
    assert list(single) == [Month(2026, 5)] and len(single) == 1


def test_range_ending_before_it_starts_is_rejected():
    with pytest.raises(PeriodError, match="ends .* before it starts"):
        MonthRange(Month(2026, 2), Month(2026, 1))


def test_last_n_and_year_to_date():
    assert MonthRange.last_n(12, Month(2026, 10)) == MonthRange(Month(2025, 11), Month(2026, 10))
    assert MonthRange.last_n(1, Month(2026, 1)) == MonthRange(Month(2026, 1), Month(2026, 1))
    assert len(MonthRange.last_n(24, Month(2026, 10))) == 24
    with pytest.raises(PeriodError):
        MonthRange.last_n(0, Month(2026, 1))
    assert MonthRange.year_to_date(Month(2026, 10)) == MonthRange(Month(2026, 1), Month(2026, 10))
    assert len(MonthRange.year_to_date(Month(2026, 1))) == 1


def test_current_month_is_a_month():
    assert isinstance(Month.current(), Month)


@given(months, st.integers(min_value=-600, max_value=600))
def test_adding_then_subtracting_returns(month, k):
    assert (month + k) - k == month
    assert (month + k) - month == k


@given(months)
def test_key_round_trip(month):
    assert Month.from_key(month.key) == month
    assert Month.parse(str(month)) == month


@given(months, st.integers(min_value=1, max_value=120))
def test_last_n_has_n_months_in_order(month, n):
    span = MonthRange.last_n(n, month)
    items = list(span)
    assert len(items) == len(span) == n
    assert items[-1] == month
    assert all(b == a.next() for a, b in zip(items, items[1:]))
