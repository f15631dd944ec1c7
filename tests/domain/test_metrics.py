"""The metric definitions of DESIGN §5."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livestream_desk.domain.metrics import (
    MonthlyFigures,
    SaleLine,
    Totals,
    conversion,
    gpm_fen,
    growth_pct,
    net_sales,
    roi,
    round_pct,
    target_progress,
    totals_of,
    uv_value_fen,
)
from livestream_desk.domain.period import Month


def test_growth_is_empty_when_previous_is_zero():
    assert growth_pct(12345, 0) is None
    assert growth_pct(0, 0) is None
    assert round_pct(None) is None


def test_growth_example():
    # 179.50 -> 276.60 yuan
    assert round_pct(growth_pct(27660, 17950)) == Decimal("54.1")


@pytest.mark.parametrize(
    "current, previous, shown",
    [
        (20000, 10000, "100.0"),
        (10000, 10000, "0.0"),
        (5000, 10000, "-50.0"),
        (0, 10000, "-100.0"),
        (10005, 10000, "0.1"),  # exactly 0.05: half up
        (9995, 10000, "-0.1"),  # exactly -0.05: half away from zero
        (10004, 10000, "0.0"),
        (-5000, 10000, "-150.0"),  # negative net (refunds above sales)
        (5000, -10000, "-150.0"),  # previous negative: the §4 formula as written
    ],
)
def test_growth_rounding(current, previous, shown):
    assert str(round_pct(growth_pct(current, previous))) == shown


def test_growth_is_exact_before_rounding():
    assert growth_pct(30000, 20000) == Decimal(50)
    assert growth_pct(1, 3) == Decimal(-200) / 3


@given(st.integers(-(10**15), 10**15), st.integers(-(10**15), 10**15).filter(bool))
def test_growth_matches_the_formula(current, previous):
    value = growth_pct(current, previous)
    assert abs(value - Decimal(current - previous) / Decimal(previous) * 100) < Decimal("1e-12")


def test_ratios_are_none_on_zero_denominators():
    assert gpm_fen(100000, 0) is None
    assert uv_value_fen(100000, 0) is None
    assert conversion(5, 0) is None
    assert roi(100000, 0) is None
    assert target_progress(100000, 0) is None


def test_ratios():
    assert gpm_fen(500000, 2000) == Decimal(250000)  # ¥5,000 over 2,000 viewers: ¥2,500 per 1,000
    assert uv_value_fen(500000, 2000) == Decimal(250)
    assert conversion(50, 2000) == Decimal("0.025")
    assert roi(500000, 100000) == Decimal(5)
    assert target_progress(75000, 100000) == Decimal("0.75")
    assert net_sales(10000, 2500) == 7500


def test_totals_ignore_unpaid_lines_and_count_distinct_orders():
    lines = [
        SaleLine("douyin", "A1", 2, 3000, 0),
        SaleLine("douyin", "A1", 1, 1500, 1500),  # second line of the same order
        SaleLine("kuaishou", "A1", 1, 990, 0),  # same order number, other platform: another order
        SaleLine("douyin", "B2", 5, 5000, 1000),
        SaleLine("douyin", "C3", 9, 99999, 0, paid=False),  # never paid: ignored entirely
    ]
    totals = totals_of(lines)
    assert totals == Totals(orders=3, units=9, gmv_fen=10490, refunds_fen=2500)
    assert totals.net_sales_fen == 7990


def test_totals_of_nothing():
    assert totals_of([]) == Totals()
    assert totals_of([SaleLine("douyin", "X", 1, 100, 0, paid=False)]) == Totals()


def test_totals_add():
    assert Totals(1, 2, 300, 40) + Totals(5, 6, 700, 80) == Totals(6, 8, 1000, 120)


def test_monthly_figures_derived_values():
    row = MonthlyFigures(Month(2026, 10), 4, 10, 12, 100000, 10000, None, target_fen=180000)
    assert row.net_sales_fen == 90000
    assert row.average_net_per_livestream_fen == 22500
    assert row.target_progress == Decimal("0.5")
    empty = MonthlyFigures(Month(2026, 10), 0, 0, 0, 0, 0, None)
    assert empty.average_net_per_livestream_fen is None
    assert empty.target_progress is None
    odd = MonthlyFigures(Month(2026, 10), 3, 1, 1, 100, 0, None)
    assert odd.average_net_per_livestream_fen == 33  # 33.33… rounded half up
    half = MonthlyFigures(Month(2026, 10), 2, 1, 1, 101, 0, None)
    assert half.average_net_per_livestream_fen == 51  # 50.5 rounds up
