"""The monthly report equals a brute-force computation over the raw lines (DESIGN §5, §7)."""
from __future__ import annotations

import random
import tempfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from livestream_desk.db import models
from livestream_desk.db.engine import open_database
from livestream_desk.domain.metrics import round_pct
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services.reports import monthly_report, platforms_with_sales, sales_span
from livestream_desk.services.summary import refresh_months
from tests.fixtures.sales_data import (
    PLATFORMS,
    SPAN,
    clear_all,
    expected_report,
    expected_span,
    insert_rows,
    random_livestreams,
    random_sales,
    random_targets,
)


def load(db, sales=(), livestreams=(), targets=()):
    with db.engine.begin() as conn:
        insert_rows(conn, sales, livestreams, targets)
        refresh_months(conn)


def sale(order_id, paid_at, paid_fen, platform="douyin", line_id="1", quantity=1, refunded_fen=0):
    return {
        "platform": platform,
        "order_id": order_id,
        "line_id": line_id,
        "quantity": quantity,
        "paid_fen": paid_fen,
        "paid_at": paid_at,
        "refunded_fen": refunded_fen,
    }


def stream(start, status="done", platform="douyin", actual_start=None):
    return {
        "title": "直播",
        "platform": platform,
        "scheduled_start": start,
        "actual_start": actual_start,
        "status": status,
    }


@pytest.fixture(params=[101, 202, 303, 404])
def random_shop(request, db):
    rng = random.Random(request.param)
    data = {
        "sales": random_sales(rng, 400),
        "livestreams": random_livestreams(rng, 120),
        "targets": random_targets(rng),
    }
    load(db, **data)
    return data


def test_whole_span_equals_brute_force(db, random_shop):
    report = monthly_report(db)
    span = expected_span(random_shop["sales"])
    assert report.range == span
    assert report.platform is None
    assert report.rows == expected_report(**random_shop, first=span.first, last=span.last)
    assert [row.month for row in report.rows] == list(span)  # months without sales included


def test_each_platform_equals_brute_force(db, random_shop):
    assert platforms_with_sales(db) == sorted({r["platform"] for r in random_shop["sales"] if r["paid_at"]})
    for platform in PLATFORMS:
        report = monthly_report(db, platform=platform)
        span = expected_span(random_shop["sales"], platform)
        assert report.range == span
        assert sales_span(db, platform) == span
        if span is None:
            assert report.rows == []
            continue
        expected = expected_report(**random_shop, first=span.first, last=span.last, platform=platform)
        assert report.rows == expected, platform


def test_explicit_ranges_equal_brute_force(db, random_shop):
    rng = random.Random(7)
    months = list(MonthRange(SPAN.first - 3, SPAN.last + 3))
    for _ in range(15):
        first, last = sorted(rng.sample(months, 2))
        platform = rng.choice((None,) + PLATFORMS)
        report = monthly_report(db, first, last, platform)
        assert report.range == MonthRange(first, last)
        assert report.rows == expected_report(**random_shop, first=first, last=last, platform=platform)


def test_platform_figures_add_up_to_the_total(db, random_shop):
    first, last = SPAN.first, SPAN.last
    total = monthly_report(db, first, last)
    parts = [monthly_report(db, first, last, p) for p in PLATFORMS]
    for index, row in enumerate(total.rows):
        assert row.gmv_fen == sum(part.rows[index].gmv_fen for part in parts)
        assert row.refunds_fen == sum(part.rows[index].refunds_fen for part in parts)
        assert row.orders == sum(part.rows[index].orders for part in parts)
        assert row.units == sum(part.rows[index].units for part in parts)
        assert row.livestreams == sum(part.rows[index].livestreams for part in parts)


# --- hypothesis: small shops, shrunk to the smallest failing one ----------------------------

moments = st.one_of(
    st.sampled_from(
        [
            datetime(2025, 12, 31, 23, 59, 59),
            datetime(2026, 1, 1, 0, 0, 0),
            datetime(2026, 1, 31, 23, 59, 59, 999999),
            datetime(2026, 2, 1),
            datetime(2026, 3, 31, 23, 59, 59),
        ]
    ),
    st.datetimes(min_value=datetime(2025, 11, 1), max_value=datetime(2026, 4, 30, 23, 59, 59)),
)
sale_lines = st.lists(
    st.tuples(
        st.sampled_from(PLATFORMS[:2]),
        st.integers(0, 6),  # few order numbers: multi-line orders and repeats across platforms
        st.one_of(st.none(), moments),
        st.integers(0, 5),
        st.integers(0, 100_000),
        st.integers(0, 100),  # refunded percentage
    ),
    max_size=25,
)
streams = st.lists(
    st.tuples(
        st.sampled_from(PLATFORMS[:2]),
        moments,
        st.one_of(st.none(), moments),
        st.sampled_from(models.LivestreamStatus.ALL),
    ),
    max_size=8,
)


@pytest.fixture(scope="module")
def shared_db():
    # One database for all hypothesis examples of this module, emptied before each example.
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "hypothesis.sqlite3")
        yield database
        database.dispose()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sale_lines,
    streams,
    st.sampled_from([None, *PLATFORMS[:2]]),
    st.one_of(st.none(), st.tuples(st.sampled_from(list(MonthRange(Month(2025, 10), Month(2026, 5)))), st.integers(0, 4))),
)
def test_report_equals_brute_force_on_small_shops(shared_db, lines, stream_specs, platform, explicit):
    sales = [
        sale(
            f"O{order}",
            paid_at,
            paid,
            platform=plat,
            line_id=f"L{index}",
            quantity=quantity,
            refunded_fen=paid * refund_pct // 100 if paid_at else 0,
        )
        for index, (plat, order, paid_at, quantity, paid, refund_pct) in enumerate(lines)
    ]
    livestreams = [
        {
            "title": "直播",
            "platform": plat,
            "scheduled_start": scheduled,
            "actual_start": actual,
            "status": status,
        }
        for plat, scheduled, actual, status in stream_specs
    ]
    with shared_db.engine.begin() as conn:
        clear_all(conn)
        insert_rows(conn, sales, livestreams)
        refresh_months(conn)

    if explicit is None:
        report = monthly_report(shared_db, platform=platform)
        span = expected_span(sales, platform)
        assert report.range == span
        if span is None:
            assert report.rows == []
            return
        first, last = span.first, span.last
    else:
        first, last = explicit[0], explicit[0] + explicit[1]
        report = monthly_report(shared_db, first, last, platform)
    assert report.rows == expected_report(sales, livestreams, [], first, last, platform)


# --- the rules one by one ------------------------------------------------------------------


def test_empty_database_gives_an_empty_report(db):
    report = monthly_report(db)
    assert report.range is None and report.rows == [] and report.latest is None
    assert sales_span(db) is None
    assert platforms_with_sales(db) == []
    assert monthly_report(db, platform="douyin").rows == []


def test_empty_database_with_a_range_gives_zero_rows(db):
    report = monthly_report(db, Month(2026, 1), Month(2026, 3))
    assert [str(r.month) for r in report.rows] == ["2026-01", "2026-02", "2026-03"]
    for row in report.rows:
        assert (row.livestreams, row.orders, row.units, row.gmv_fen, row.refunds_fen) == (0, 0, 0, 0, 0)
        assert row.mom_growth_pct is None and row.target_fen is None


def test_only_unpaid_lines_is_an_empty_report(db):
    load(db, [sale("A", None, 5000)])
    assert monthly_report(db).rows == []


def test_default_range_runs_from_first_to_last_paid_month(db):
    load(
        db,
        [
            sale("A", None, 100),  # unpaid: no month
            sale("B", datetime(2025, 11, 30, 23, 59, 59), 100),
            sale("C", datetime(2026, 2, 1, 0, 0, 0), 300),
        ],
        [stream(datetime(2025, 10, 15)), stream(datetime(2026, 4, 2))],  # streams do not widen the range
    )
    report = monthly_report(db)
    assert report.range == MonthRange(Month(2025, 11), Month(2026, 2))
    assert [str(r.month) for r in report.rows] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [r.gmv_fen for r in report.rows] == [100, 0, 0, 300]
    assert [r.livestreams for r in report.rows] == [0, 0, 0, 0]
    assert report.latest.month == Month(2026, 2)


def test_only_first_or_last_given(db):
    load(db, [sale("A", datetime(2026, 1, 5), 100), sale("B", datetime(2026, 4, 5), 100)])
    assert monthly_report(db, first=Month(2026, 2)).range == MonthRange(Month(2026, 2), Month(2026, 4))
    assert monthly_report(db, last=Month(2026, 2)).range == MonthRange(Month(2026, 1), Month(2026, 2))


def test_growth_and_month_boundaries(db):
    load(
        db,
        [
            sale("A", datetime(2026, 9, 30, 23, 59, 59), 17950),  # 179.50 in September
            sale("B", datetime(2026, 10, 1, 0, 0, 0), 20000),
            sale("C", datetime(2026, 10, 31, 23, 59, 59), 7660),  # 276.60 in October
            sale("D", datetime(2026, 11, 1, 0, 0, 0), 30000, refunded_fen=30000),  # net 0 in November
            sale("E", datetime(2027, 1, 1), 5000),
        ],
    )
    rows = {str(r.month): r for r in monthly_report(db, Month(2026, 10), Month(2027, 1)).rows}
    # The first month compares with September, outside the range.
    assert str(round_pct(rows["2026-10"].mom_growth_pct)) == "54.1"
    assert rows["2026-10"].gmv_fen == 27660 and rows["2026-10"].orders == 2
    assert rows["2026-11"].net_sales_fen == 0 and rows["2026-11"].refunds_fen == 30000
    assert str(round_pct(rows["2026-11"].mom_growth_pct)) == "-100.0"
    assert rows["2026-12"].mom_growth_pct is None  # previous (November) net is 0
    assert rows["2027-01"].mom_growth_pct is None  # previous month had no sales
    first_alone = monthly_report(db, Month(2026, 9), Month(2026, 9)).rows[0]
    assert first_alone.mom_growth_pct is None  # nothing in August


def test_orders_count_distinct_platform_orders(db):
    when = datetime(2026, 5, 20, 20, 0)
    load(
        db,
        [
            sale("1001", when, 100, line_id="a", quantity=2),
            sale("1001", when, 200, line_id="b", quantity=3),  # same order, second line
            sale("1001", when, 300, platform="kuaishou", quantity=1),  # same number, other platform
            sale("1002", None, 999, quantity=7),  # unpaid: not an order, no units
        ],
    )
    [row] = monthly_report(db).rows
    assert (row.orders, row.units, row.gmv_fen) == (2, 6, 600)


def test_livestream_counting_rules(db):
    load(
        db,
        [sale("A", datetime(2026, 3, 10), 100)],
        [
            stream(datetime(2026, 3, 5)),  # done, no actuals: scheduled start
            stream(datetime(2026, 2, 28, 23, 0), actual_start=datetime(2026, 3, 1, 0, 5)),  # started in March
            stream(datetime(2026, 3, 31, 23, 30), actual_start=datetime(2026, 3, 31, 23, 59, 59)),
            stream(datetime(2026, 3, 31, 23, 50), actual_start=datetime(2026, 4, 1, 0, 0)),  # April
            stream(datetime(2026, 3, 12), status="cancelled"),
            stream(datetime(2026, 3, 13), status="planned"),
            stream(datetime(2026, 3, 14), status="live"),
            stream(datetime(2026, 3, 15), platform="kuaishou"),
        ],
    )
    rows = monthly_report(db, Month(2026, 2), Month(2026, 4)).rows
    assert [r.livestreams for r in rows] == [0, 4, 1]
    rows = monthly_report(db, Month(2026, 2), Month(2026, 4), platform="douyin").rows
    assert [r.livestreams for r in rows] == [0, 3, 1]
    rows = monthly_report(db, Month(2026, 3), Month(2026, 3), platform="kuaishou").rows
    assert rows[0].livestreams == 1 and rows[0].gmv_fen == 0


def test_targets_overall_and_per_platform(db):
    load(
        db,
        [sale("A", datetime(2026, 6, 1), 5000), sale("B", datetime(2026, 6, 2), 7000, platform="kuaishou")],
        targets=[
            {"month": 202606, "platform": "", "target_fen": 20000},
            {"month": 202606, "platform": "douyin", "target_fen": 8000},
            {"month": 202607, "platform": "", "target_fen": 30000},
        ],
    )
    overall = monthly_report(db, Month(2026, 6), Month(2026, 7)).rows
    assert [r.target_fen for r in overall] == [20000, 30000]
    assert str(overall[0].target_progress) == "0.6"
    douyin = monthly_report(db, Month(2026, 6), Month(2026, 7), platform="douyin").rows
    assert [r.target_fen for r in douyin] == [8000, None]
    assert douyin[0].target_progress == Decimal("0.625")
    kuaishou = monthly_report(db, Month(2026, 6), Month(2026, 6), platform="kuaishou").rows
    assert kuaishou[0].target_fen is None


def test_report_follows_a_partial_refresh(db):
    load(db, [sale("A", datetime(2026, 1, 31, 23, 59, 59), 1000), sale("B", datetime(2026, 2, 1), 2000)])
    with db.engine.begin() as conn:
        conn.execute(insert(models.Sale), [sale("C", datetime(2026, 2, 28, 23, 59, 59), 500)])
        refresh_months(conn, [Month(2026, 2)])
    rows = monthly_report(db).rows
    assert [r.gmv_fen for r in rows] == [1000, 2500]
    assert str(round_pct(rows[1].mom_growth_pct)) == "150.0"
