"""The monthly summary table stays exactly equal to the raw sale lines."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, func, insert, select, update

from livestream_desk.db import models
from livestream_desk.db.models import MonthlySalesSummary, Sale
from livestream_desk.domain.period import Month
from livestream_desk.services.summary import months_of_sales, refresh_months, summary_mismatches
from tests.fixtures.sales_data import PLATFORMS, insert_rows, month_lines, random_sales
from livestream_desk.domain.metrics import totals_of


def summary_rows(conn) -> dict[tuple[int, str], tuple[int, int, int, int, int]]:
    return {
        (r.month, r.platform): (r.orders, r.units, r.gmv_fen, r.refunds_fen, r.lines)
        for r in conn.execute(select(MonthlySalesSummary))
    }


def brute_force_summary(sales) -> dict[tuple[int, str], tuple[int, int, int, int, int]]:
    expected = {}
    for platform in PLATFORMS:
        for month, lines in month_lines(sales, platform).items():
            totals = totals_of(lines)
            expected[(month.key, platform)] = (totals.orders, totals.units, totals.gmv_fen, totals.refunds_fen, len(lines))
    return expected


def all_sales(conn) -> list[dict]:
    return [dict(row._mapping) for row in conn.execute(select(Sale))]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_full_refresh_equals_brute_force(db, seed):
    rng = random.Random(seed)
    sales = random_sales(rng, 300)
    with db.engine.begin() as conn:
        insert_rows(conn, sales)
        assert summary_mismatches(conn) != []  # the summary does not follow by itself
        refresh_months(conn)
        assert summary_mismatches(conn) == []
        assert summary_rows(conn) == brute_force_summary(sales)


def test_refresh_of_nothing_on_an_empty_database(db):
    with db.engine.begin() as conn:
        refresh_months(conn)
        refresh_months(conn, [Month(2026, 1)])
        assert summary_rows(conn) == {}
        assert summary_mismatches(conn) == []


def test_unpaid_lines_are_not_summarised(db):
    with db.engine.begin() as conn:
        conn.execute(
            insert(Sale),
            [{"platform": "douyin", "order_id": "A", "line_id": "1", "paid_fen": 9900, "paid_at": None}],
        )
        refresh_months(conn)
        assert summary_rows(conn) == {}


def test_month_boundaries(db):
    lines = [
        ("A", datetime(2026, 10, 31, 23, 59, 59), 100),
        ("B", datetime(2026, 10, 31, 23, 59, 59, 999999), 200),
        ("C", datetime(2026, 11, 1, 0, 0, 0), 400),
        ("D", datetime(2026, 12, 31, 23, 59, 59), 800),
        ("E", datetime(2027, 1, 1, 0, 0, 0), 1600),
    ]
    with db.engine.begin() as conn:
        conn.execute(
            insert(Sale),
            [{"platform": "douyin", "order_id": o, "line_id": "1", "paid_fen": f, "paid_at": t} for o, t, f in lines],
        )
        refresh_months(conn, [Month(2026, 10), Month(2026, 11), Month(2026, 12), Month(2027, 1)])
        gmv = {month: row[2] for (month, _), row in summary_rows(conn).items()}
        assert gmv == {202610: 300, 202611: 400, 202612: 800, 202701: 1600}
        assert summary_mismatches(conn) == []


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_refreshing_only_the_touched_months_keeps_the_summary_exact(db, seed):
    rng = random.Random(seed)
    with db.engine.begin() as conn:
        insert_rows(conn, random_sales(rng, 250))
        refresh_months(conn)

    for _round in range(3):
        with db.engine.begin() as conn:
            ids = [i for (i,) in conn.execute(select(Sale.id))]
            moved = rng.sample(ids, 10)
            refunded = rng.sample(ids, 10)
            deleted = rng.sample(ids, 10)
            touched = set()
            # Before changing rows, note the months they were in.
            touched |= months_of_sales(conn, Sale.id.in_(moved + refunded + deleted))
            for sale_id in moved:
                new_time = datetime(2025, rng.randint(1, 12), 1) + timedelta(seconds=rng.randrange(28 * 86400))
                conn.execute(update(Sale).where(Sale.id == sale_id).values(paid_at=new_time))
            conn.execute(update(Sale).where(Sale.id.in_(refunded)).values(refunded_fen=Sale.paid_fen))
            conn.execute(delete(Sale).where(Sale.id.in_(deleted)))
            new_rows = random_sales(rng, 20)
            for row in new_rows:
                row["order_id"] = f"new-{_round}-{row['order_id']}"
            insert_rows(conn, new_rows)
            touched |= months_of_sales(conn, Sale.id.in_(moved))
            touched |= {Month.of(r["paid_at"]) for r in new_rows if r["paid_at"] is not None}

            assert summary_mismatches(conn) != []  # stale until refreshed
            refresh_months(conn, touched)
            assert summary_mismatches(conn) == []
            assert summary_rows(conn) == brute_force_summary(all_sales(conn))


def test_a_month_that_lost_all_its_sales_disappears_from_the_summary(db):
    with db.engine.begin() as conn:
        conn.execute(
            insert(Sale),
            [{"platform": "kuaishou", "order_id": "X", "line_id": "1", "paid_fen": 500, "paid_at": datetime(2026, 3, 3)}],
        )
        refresh_months(conn, [Month(2026, 3)])
        assert (202603, "kuaishou") in summary_rows(conn)
        months = months_of_sales(conn, Sale.order_id == "X")
        assert months == {Month(2026, 3)}
        conn.execute(delete(Sale))
        refresh_months(conn, months)
        assert summary_rows(conn) == {}
        assert summary_mismatches(conn) == []


def test_mismatch_messages_name_the_month_and_platform(db):
    with db.engine.begin() as conn:
        conn.execute(
            insert(Sale),
            [{"platform": "douyin", "order_id": "A", "line_id": "1", "paid_fen": 500, "paid_at": datetime(2026, 3, 3)}],
        )
        refresh_months(conn)
        conn.execute(update(MonthlySalesSummary).values(gmv_fen=MonthlySalesSummary.gmv_fen + 1))
        [problem] = summary_mismatches(conn)
        assert problem.code == "health.summary_differs"
        assert problem.params["month"] == "2026-03" and problem.params["platform"] == "douyin"
        refresh_months(conn, [Month(2026, 3)])
        assert summary_mismatches(conn) == []


def test_summary_matches_raw_lines_in_sql_too(db):
    """An independent SQL aggregation over the lines agrees with the summary totals."""
    rng = random.Random(5)
    with db.engine.begin() as conn:
        insert_rows(conn, random_sales(rng, 200))
        refresh_months(conn)
        raw = conn.execute(
            select(func.sum(Sale.paid_fen), func.sum(Sale.refunded_fen), func.sum(Sale.quantity)).where(
                Sale.paid_at.is_not(None)
            )
        ).one()
        kept = conn.execute(
            select(
                func.sum(MonthlySalesSummary.gmv_fen),
                func.sum(MonthlySalesSummary.refunds_fen),
                func.sum(MonthlySalesSummary.units),
            )
        ).one()
        assert tuple(raw) == tuple(kept)


@pytest.mark.parametrize("seed", [21, 22])
def test_a_big_batch_and_a_small_one_refresh_exactly_by_either_plan(db, seed):
    """Most of the table in the touched months: one pass over the table; a few lines among
    many: the paid_at index. Both give the brute-force summary."""
    from livestream_desk.services import summary

    rng = random.Random(seed)
    with db.engine.begin() as conn:
        big = random_sales(rng, 900)
        insert_rows(conn, big)
        touched = {Month.of(r["paid_at"]) for r in big if r["paid_at"] is not None}
        span = summary.and_(Sale.paid_at >= min(touched).start(), Sale.paid_at < max(touched).end())
        assert summary._most_lines_in(conn, span)
        refresh_months(conn, touched)
        assert summary_rows(conn) == brute_force_summary(all_sales(conn))

        small = random_sales(rng, 5, months=[Month(2026, 2)])
        for row in small:
            row["order_id"] = f"late-{row['order_id']}"
        insert_rows(conn, small)
        one_month = summary.and_(Sale.paid_at >= Month(2026, 2).start(), Sale.paid_at < Month(2026, 2).end())
        assert not summary._most_lines_in(conn, one_month)
        refresh_months(conn, [Month(2026, 2)])
        assert summary_mismatches(conn) == []
        assert summary_rows(conn) == brute_force_summary(all_sales(conn))


@pytest.mark.parametrize("refreshed", ["contiguous", "with a gap"])
def test_a_big_batch_refreshes_its_months_and_only_them(db, refreshed):
    """The one-pass plan: months that follow each other are found by their time range,
    others month by month; a month between them that was not touched (its lines already
    summarised) is neither counted twice nor lost."""
    from livestream_desk.services import summary

    rng = random.Random(31)
    january, february, march = Month(2026, 1), Month(2026, 2), Month(2026, 3)
    with db.engine.begin() as conn:
        gap = random_sales(rng, 30, months=[february])
        insert_rows(conn, gap)
        refresh_months(conn, [february])
        touched = [january, february, march] if refreshed == "contiguous" else [january, march]
        big = random_sales(rng, 900, months=touched)
        for row in big:
            row["order_id"] = f"big-{row['order_id']}"
        insert_rows(conn, big)
        span = summary.and_(Sale.paid_at >= january.start(), Sale.paid_at < march.end())
        assert summary._most_lines_in(conn, span)
        refresh_months(conn, touched)
        assert summary_mismatches(conn) == []
        assert summary_rows(conn) == brute_force_summary(all_sales(conn))
