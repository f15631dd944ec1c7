"""The report tables (report_product_month, report_livestream_month) stay exactly equal to the
raw sale lines through every kind of write: adds, changes (moved month, other livestream or
product, refunds, unpaid), deletes and the undo of an import batch; computed here by brute
force from the lines, independently of the SQL that keeps them."""
from __future__ import annotations

import itertools
import random
from collections import defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from livestream_desk.db.models import ImportBatch, ReportLivestreamMonth, ReportProductMonth, Sale
from livestream_desk.domain.period import Month
from livestream_desk.services import uow
from livestream_desk.services.importers.history import undo_batch
from livestream_desk.services.report_tables import report_table_mismatches
from livestream_desk.services.sale_lines import SaleLineWriter
from livestream_desk.services.summary import summary_mismatches
from tests.services.reports.data import PLATFORMS, SPAN, load, moment, random_shop


def lines_of(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(Sale))]


def brute_force(lines: list[dict]) -> tuple[dict, dict]:
    """The rows both tables must hold, from the lines alone."""
    products: dict = defaultdict(lambda: [0, 0, 0, 0, 0])
    streams: dict = defaultdict(lambda: [0, 0, 0, 0, 0])
    first_month: dict = {}
    for r in lines:
        if r["paid_at"] is None:
            continue
        month = Month.of(r["paid_at"]).key
        row = products[(month, r["platform"], r["product_id"] or 0, r["livestream_id"] or 0)]
        for i, value in enumerate((r["quantity"], r["paid_fen"], r["refunded_fen"], r["refunded_quantity"], 1)):
            row[i] += value
        if r["livestream_id"] is None:
            continue
        row = streams[(r["livestream_id"], month, r["platform"])]
        for i, value in enumerate((r["quantity"], r["paid_fen"], r["refunded_fen"], 1), start=1):
            row[i] += value
        order = (r["livestream_id"], r["platform"], r["order_id"])
        first_month[order] = min(first_month.get(order, month), month)
    for (stream, platform, _order), month in first_month.items():
        streams[(stream, month, platform)][0] += 1
    return ({k: tuple(v) for k, v in products.items()}, {k: tuple(v) for k, v in streams.items()})


def kept(conn) -> tuple[dict, dict]:
    p = ReportProductMonth
    products = {
        (r.month, r.platform, r.product_id, r.livestream_id): (r.units, r.gmv_fen, r.refunds_fen, r.refunded_units, r.lines)
        for r in conn.execute(select(p))
    }
    s = ReportLivestreamMonth
    streams = {
        (r.livestream_id, r.month, r.platform): (r.orders, r.units, r.gmv_fen, r.refunds_fen, r.lines)
        for r in conn.execute(select(s))
    }
    return ({k: tuple(map(int, v)) for k, v in products.items()}, {k: tuple(map(int, v)) for k, v in streams.items()})


def assert_exact(db) -> None:
    with uow.reading(db) as conn:
        lines = lines_of(conn)
        assert kept(conn) == brute_force(lines)
        assert report_table_mismatches(conn) == []
        assert summary_mismatches(conn) == []
        # Summed over its months, a livestream's orders are its distinct orders.
        orders: dict = defaultdict(int)
        for (stream, _month, _platform), row in kept(conn)[1].items():
            orders[stream] += row[0]
        distinct: dict = defaultdict(set)
        for r in lines:
            if r["paid_at"] is not None and r["livestream_id"] is not None:
                distinct[r["livestream_id"]].add((r["platform"], r["order_id"]))
        assert dict(orders) == {k: len(v) for k, v in distinct.items()}


_line_numbers = itertools.count(1)


def new_line(rng: random.Random, shop, number: int, **values) -> dict:
    """A line of order n<number> (an order's lines may differ in month, livestream, platform)."""
    quantity = rng.randint(1, 5)
    paid = quantity * rng.choice((990, 4990, 12800))
    line = {
        "platform": rng.choice(PLATFORMS), "order_id": f"n{number:05d}", "line_id": f"n{next(_line_numbers)}",
        "product_id": rng.choice([None] + [p["id"] for p in shop.products]),
        "livestream_id": rng.choice([None] + [s["id"] for s in shop.livestreams]),
        "item_name": "x", "quantity": quantity, "unit_price_fen": paid, "paid_fen": paid,
        "paid_at": moment(rng, rng.choice(list(SPAN))), "refunded_fen": 0, "refunded_quantity": 0, "source": "manual",
    }
    line.update(values)
    return line


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tables_equal_the_lines_after_random_writes(db, seed):
    rng = random.Random(seed)
    shop = random_shop(rng, n_orders=120, n_streams=15)
    load(db, shop)
    assert_exact(db)
    number = 0
    for _step in range(25):
        action = rng.choice(("add", "add", "update", "refund", "move", "delete", "unpay"))
        with uow.writing(db) as session, SaleLineWriter(session) as writer:
            ids = [i for (i,) in session.execute(select(Sale.id))]
            if action == "add" or not ids:
                number += 1
                writer.add_many([new_line(rng, shop, number) for _ in range(rng.randint(1, 4))])
            elif action == "update":
                writer.update(rng.choice(ids), {
                    "livestream_id": rng.choice([None] + [s["id"] for s in shop.livestreams]),
                    "product_id": rng.choice([None] + [p["id"] for p in shop.products]),
                    "platform": rng.choice(PLATFORMS),
                })
            elif action == "refund":
                sale_id = rng.choice(ids)
                paid = session.execute(select(Sale.paid_fen, Sale.quantity).where(Sale.id == sale_id)).one()
                writer.update(sale_id, {"refunded_fen": rng.randint(0, paid.paid_fen), "refunded_quantity": paid.quantity})
            elif action == "move":
                writer.update(rng.choice(ids), {"paid_at": moment(rng, rng.choice(list(SPAN)))})
            elif action == "unpay":
                writer.update(rng.choice(ids), {"paid_at": None})
            else:
                writer.delete(rng.sample(ids, min(len(ids), rng.randint(1, 5))))
        assert_exact(db)


def test_an_order_paid_across_months_counts_once_for_its_livestream(db):
    rng = random.Random(7)
    shop = random_shop(rng, n_orders=0, n_streams=3)
    load(db, shop)
    stream = shop.livestreams[0]["id"]
    late = Month(2025, 1).end() - timedelta(seconds=1)
    lines = [new_line(rng, shop, 1, livestream_id=stream, platform="douyin", line_id=str(i),
                      paid_at=late + timedelta(seconds=i)) for i in range(3)]  # Jan, Feb, Feb
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        writer.add_many(lines)
    assert_exact(db)
    with uow.reading(db) as conn:
        orders = {r.month: r.orders for r in conn.execute(select(ReportLivestreamMonth))}
    assert orders == {202501: 1, 202502: 0}
    # Its January line leaves (only February's month is touched): the order moves to February.
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        first = session.execute(select(Sale.id).where(Sale.paid_at == late)).scalar_one()
        writer.update(first, {"paid_at": late + timedelta(days=3)})
    assert_exact(db)
    with uow.reading(db) as conn:
        assert {r.month: r.orders for r in conn.execute(select(ReportLivestreamMonth))} == {202502: 1}


def test_undoing_an_import_batch_leaves_the_tables_equal_to_the_lines(db):
    rng = random.Random(11)
    shop = random_shop(rng, n_orders=60, n_streams=8)
    load(db, shop)
    with uow.writing(db) as session:
        batch = session.execute(
            insert(ImportBatch).values(kind="orders", file_name="x.csv", file_hash="0" * 64, platform="douyin")
            .returning(ImportBatch.id)).scalar_one()
        with SaleLineWriter(session) as writer:
            writer.add_many([new_line(rng, shop, n, import_batch_id=batch, source="import") for n in range(40)])
    assert_exact(db)
    assert undo_batch(db, batch).lines_removed == 40
    assert_exact(db)


def test_a_stale_table_is_reported(db):
    shop = random_shop(random.Random(3), n_orders=30, n_streams=5)
    load(db, shop)
    with db.engine.begin() as conn:
        conn.execute(ReportProductMonth.__table__.update().values(units=ReportProductMonth.units + 1))
        [first, *_rest] = report_table_mismatches(conn)
    assert first.code == "health.report_table_differs" and first.params["table"] == "report_product_month"
