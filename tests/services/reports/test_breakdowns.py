"""Every figure and breakdown of a period equals a brute-force sum over the raw lines (DESIGN §5)."""
from __future__ import annotations

import random
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livestream_desk.db.engine import open_database
from livestream_desk.domain.metrics import growth_pct
from livestream_desk.domain.period import Month
from livestream_desk.services import uow
from livestream_desk.services.reports import (
    OTHERS,
    ReportPeriod,
    category_breakdown,
    cumulative_series,
    host_breakdown,
    livestream_ranking,
    origin_breakdown,
    period_report,
    period_summary,
    platform_breakdown,
    platform_series,
    producer_breakdown,
    product_breakdown,
)
from tests.services.reports.data import (
    PLATFORMS,
    SPAN,
    done_streams,
    expected_figures,
    expected_livestreams,
    expected_share,
    group_by,
    in_period,
    load,
    period_orders,
    random_shop,
    sums_of,
)

PERIODS = [
    ReportPeriod.month(Month(2025, 1)),
    ReportPeriod.month(Month(2026, 2)),
    ReportPeriod.quarter(2025, 4),
    ReportPeriod.year(2025),
    ReportPeriod.custom(Month(2024, 12), Month(2026, 3)),
]


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    from datetime import datetime

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 10, 0, 0))


@pytest.fixture(params=[11, 22, 33])
def shop(request, db):
    data = random_shop(random.Random(request.param))
    load(db, data)
    return data


def as_tuple(row) -> tuple:
    return (row.gmv_fen, row.refunds_fen, row.units, row.sums.lines)


def check_group(breakdown, expected: dict) -> None:
    """All rows (no top N) equal the brute-force groups; shares of the total; sorted by net."""
    assert breakdown.others is None
    got = {row.key: as_tuple(row) for row in breakdown.rows}
    assert got == expected
    total_net = sum(g - r for g, r, _u, _n in expected.values())
    for row in breakdown.rows:
        assert row.share == expected_share(row.net_sales_fen, total_net)
    nets = [row.net_sales_fen for row in breakdown.rows]
    assert nets == sorted(nets, reverse=True)


def check_period(db, shop, period: ReportPeriod) -> None:
    first, last = period.first, period.last
    summary = period_summary(db, period)
    for figures, part in ((summary.current, period), (summary.previous, period.previous()),
                          (summary.year_ago, period.year_ago())):
        expected = expected_figures(shop, part.first, part.last)
        got = {name: getattr(figures, name) for name in expected}
        assert got == expected, part
    change = summary.vs_previous("net_sales_fen")
    assert change.delta == summary.current.net_sales_fen - summary.previous.net_sales_fen
    assert change.pct == growth_pct(summary.current.net_sales_fen, summary.previous.net_sales_fen)

    # platforms
    lines = [r for r in shop.sales if in_period(r, first, last)]
    expected_platforms = {}
    for platform in PLATFORMS:
        mine = [r for r in lines if r["platform"] == platform]
        streams = sum(1 for s in done_streams(shop, first, last) if s["platform"] == platform)
        if mine or streams:
            gmv, refunds, units, _ = sums_of(mine)
            expected_platforms[platform] = (gmv, refunds, period_orders(mine), units, streams)
    rows = platform_breakdown(db, period)
    assert {r.platform: (r.gmv_fen, r.refunds_fen, r.orders, r.units, r.livestreams) for r in rows} == expected_platforms
    total_net = sum(g - r for g, r, _o, _u, _s in expected_platforms.values())
    for row in rows:
        if row.gmv_fen:
            assert row.share == expected_share(row.net_sales_fen, total_net)

    # product attributes
    check_group(product_breakdown(db, period, top=None), group_by(shop, first, last, lambda p: p and p["id"]))
    check_group(category_breakdown(db, period), group_by(shop, first, last, lambda p: p and p["category_id"]))
    producers = producer_breakdown(db, period)
    check_group(producers, group_by(shop, first, last, lambda p: p and p["producer_id"]))
    by_id = {p["id"]: p for p in shop.producers}
    for row in producers.rows:
        if row.key is not None:
            assert (row.name, row.kind, row.village) == (by_id[row.key]["name"], by_id[row.key]["kind"], by_id[row.key]["village"])

    def origin_key(depth):
        def key(product):
            if product is None:
                return None
            parts = (product["origin_county"], product["origin_town"], product["origin_village"])[:depth]
            return parts if any(parts) else None
        return key

    for depth, level in enumerate(("county", "town", "village"), start=1):
        check_group(origin_breakdown(db, period, level), group_by(shop, first, last, origin_key(depth)))

    # top N: the first rows and everything else summed in OTHERS
    everything = product_breakdown(db, period, top=None)
    top = product_breakdown(db, period, top=3)
    assert top.rows == everything.rows[:3]
    assert top.total_rows == len(everything.rows)
    if len(everything.rows) > 3:
        rest = everything.rows[3:]
        assert top.others.key == OTHERS
        assert top.others.net_sales_fen == sum(r.net_sales_fen for r in rest)
        assert top.others.units == sum(r.units for r in rest)
    else:
        assert top.others is None

    # livestreams and hosts
    expected_streams = expected_livestreams(shop, first, last)
    ranking = livestream_ranking(db, period)
    assert {r.livestream_id for r in ranking} == {s["id"] for s in done_streams(shop, first, last)}
    for row in ranking:
        orders, sums = expected_streams.get(row.livestream_id, (0, (0, 0, 0, 0)))
        assert (row.orders, as_tuple(row)) == (orders, sums)
    nets = [r.net_sales_fen for r in ranking]
    assert nets == sorted(nets, reverse=True)
    by_gpm = livestream_ranking(db, period, order_by="gpm")
    known = [r.gpm_fen for r in by_gpm if r.gpm_fen is not None]
    assert known == sorted(known, reverse=True)
    assert all(r.gpm_fen is None for r in by_gpm[len(known):])

    hosts = host_breakdown(db, period)
    expected_hosts = {}
    for stream in done_streams(shop, first, last):
        orders, (gmv, refunds, units, n) = expected_streams.get(stream["id"], (0, (0, 0, 0, 0)))
        h = expected_hosts.setdefault(stream["host_id"], [0, 0, 0, 0, 0, 0])
        h[0] += 1
        h[1] += orders
        h[2] += gmv
        h[3] += refunds
        h[4] += units
        h[5] += stream["viewers"] or 0
    assert {h.host_id: [h.livestreams, h.orders, h.gmv_fen, h.sums.refunds_fen, h.units, h.viewers] for h in hosts} == expected_hosts

    # series and cumulative
    series = platform_series(db, period)
    assert series.months == tuple(period.months)
    for i, month in enumerate(series.months):
        for j, platform in enumerate(series.platforms):
            mine = [r for r in lines if r["platform"] == platform and in_period(r, month, month)]
            gmv, refunds, _u, _n = sums_of(mine)
            assert series.net_fen[i][j] == gmv - refunds
    assert set(series.platforms) == {r["platform"] for r in lines}

    cumulative = cumulative_series(db, period)
    year = last.year
    running = 0
    for m in range(1, 13):
        month = Month(year - 1, m)
        gmv, refunds, _u, _n = sums_of([r for r in shop.sales if in_period(r, month, month)])
        running += gmv - refunds
        assert cumulative.last_year[m - 1] == running
    running = 0
    for m in range(1, 13):
        month = Month(year, m)
        gmv, refunds, _u, _n = sums_of([r for r in shop.sales if in_period(r, month, month)])
        running += gmv - refunds
        assert cumulative.this_year[m - 1] == (running if month <= last else None)


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_breakdowns_equal_brute_force(db, shop, period):
    check_period(db, shop, period)


def test_whole_report_equals_the_single_breakdowns(db, shop):
    period = ReportPeriod.year(2025)
    report = period_report(db, period, top=4)
    assert report.summary == period_summary(db, period)
    assert report.platforms == platform_breakdown(db, period)
    assert report.products == product_breakdown(db, period, top=4)
    assert report.all_products == product_breakdown(db, period, top=None)
    assert report.categories == category_breakdown(db, period)
    assert report.origins == origin_breakdown(db, period)
    assert report.producers == producer_breakdown(db, period)
    assert report.livestreams == livestream_ranking(db, period)
    assert report.hosts == host_breakdown(db, period)
    assert report.series == platform_series(db, period)
    assert report.cumulative == cumulative_series(db, period)


def test_totals_are_the_whole_periods_brute_force_sums(db, shop):
    """The 合计 rows: a breakdown's total is every paid line of the period (top N cut or not);
    the livestreams' total is every done livestream's lines, as the host table sums them."""
    period = ReportPeriod.year(2025)
    report = period_report(db, period, top=3)
    lines = [r for r in shop.sales if in_period(r, period.first, period.last)]
    expected = sums_of(lines)
    for breakdown in (report.products, report.all_products, report.categories, report.origins, report.producers):
        total = breakdown.total
        assert (total.gmv_fen, total.refunds_fen, total.units, total.lines) == expected
    streams = expected_livestreams(shop, period.first, period.last)
    totals = report.livestream_totals
    assert totals.host_id is None and totals.livestreams == len(report.livestreams)
    assert totals.orders == sum(orders for orders, _sums in streams.values())
    assert (totals.gmv_fen, totals.sums.refunds_fen, totals.units) == tuple(
        sum(sums[i] for _o, sums in streams.values()) for i in range(3))
    for figure in ("viewers", "viewed_gmv_fen", "ad_spend_fen", "advertised_gmv_fen", "orders", "livestreams"):
        assert getattr(totals, figure) == sum(getattr(h, figure) for h in report.hosts), figure
    assert totals.share == (1 if totals.net_sales_fen else None)


def test_shares_of_a_breakdown_add_up_to_one(db, shop):
    breakdown = product_breakdown(db, ReportPeriod.year(2025), top=2)
    total = sum((row.share for row in breakdown.all_rows), Decimal(0))
    assert abs(total - 1) < Decimal("1e-20")


def test_an_empty_period_has_zeros_and_no_rows(db, shop):
    period = ReportPeriod.month(Month(2030, 1))
    summary = period_summary(db, period)
    assert summary.current.net_sales_fen == 0 and summary.current.orders == 0
    assert summary.vs_previous("net_sales_fen").pct is None  # base 0
    assert platform_breakdown(db, period) == ()
    assert product_breakdown(db, period).rows == ()
    assert livestream_ranking(db, period) == ()
    assert summary.current.gpm_fen is None and summary.current.roi is None


# --- hypothesis: small random shops, a few examples --------------------------------------


@pytest.fixture(scope="module")
def shared_db():
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "hypothesis.sqlite3")
        yield database
        database.dispose()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    orders=st.integers(0, 40),
    streams=st.integers(0, 8),
    first=st.sampled_from(list(SPAN)),
    length=st.integers(0, 5),
)
def test_small_shops_equal_brute_force(shared_db, seed, orders, streams, first, length):
    shop = random_shop(random.Random(seed), n_orders=orders, n_streams=streams)
    load(shared_db, shop)
    check_period(shared_db, shop, ReportPeriod.custom(first, first + length))
