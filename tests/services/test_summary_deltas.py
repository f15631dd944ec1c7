"""Small changes keep the summary and the report tables by deltas (services.summary_deltas),
large ones recompute their months; random sequences of both, mixed in one writer too, leave
all three tables equal to the lines (brute force from the lines, and summary_mismatches())."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from livestream_desk.db.models import MonthlySalesSummary, Product, ReportLivestreamMonth, Sale
from livestream_desk.domain.period import Month
from livestream_desk.services import sale_lines, summary_deltas, uow
from livestream_desk.services.sale_lines import SaleLineWriter
from tests.services.reports.data import PLATFORMS, SPAN, load, moment, random_shop
from tests.services.test_report_tables import assert_exact, new_line

LIMIT = 6  # SMALL_CHANGE in these tests: 7 lines or more in one writer is a large change


class Paths:
    """Counts the recomputes and the delta applications the writers make."""

    def __init__(self, monkeypatch) -> None:
        self.recomputes = 0
        self.deltas = 0
        recompute, apply = sale_lines.refresh_months, summary_deltas.OrderDeltas.apply

        def counting_recompute(*args, **kwargs):
            self.recomputes += 1
            return recompute(*args, **kwargs)

        def counting_apply(deltas, conn):
            if len(deltas):
                self.deltas += 1
            return apply(deltas, conn)

        monkeypatch.setattr(sale_lines, "refresh_months", counting_recompute)
        monkeypatch.setattr(summary_deltas.OrderDeltas, "apply", counting_apply)


def _plenty_of_stock(db) -> None:
    with uow.writing(db) as session:
        session.execute(update(Product).values(stock=10**6))


class RandomWrites:
    """One random write through a SaleLineWriter: every kind of change a user or an import makes."""

    def __init__(self, rng: random.Random, shop) -> None:
        self.rng, self.shop = rng, shop
        self.numbers = iter(range(1, 10**6))
        self.fresh = iter(range(1, 10**6))

    def streams(self):
        return [None] + [s["id"] for s in self.shop.livestreams]

    def products(self):
        return [None] + [p["id"] for p in self.shop.products]

    def order_lines(self, session, count: int) -> list[dict]:
        """`count` new lines, of a new order or of one that exists (in other months and livestreams)."""
        rng = self.rng
        existing = session.execute(select(Sale.platform, Sale.order_id).distinct()).all()
        if existing and rng.random() < 0.5:
            platform, order_id = rng.choice(existing)
        else:
            platform, order_id = rng.choice(PLATFORMS), f"d{next(self.numbers):05d}"
        lines = []
        for _ in range(count):
            line = new_line(rng, self.shop, 0, platform=platform, order_id=order_id, line_id=f"f{next(self.fresh)}")
            if rng.random() < 0.1:
                line["paid_at"] = None
            if rng.random() < 0.2:
                line["refunded_fen"] = rng.randint(0, line["paid_fen"])
                line["refunded_quantity"] = rng.randint(0, line["quantity"])
            lines.append(line)
        return lines

    def one(self, session, writer: SaleLineWriter) -> str:
        rng = self.rng
        ids = session.execute(select(Sale.id)).scalars().all()
        some = rng.choice((1, 1, 2, 3, LIMIT + 2, 12))  # a few lines, or more than LIMIT
        action = rng.choice(("add", "add_many", "add_values", "quantity", "refund", "move", "relink", "unpay", "pay",
                             "reorder", "by_order", "by_stream", "refund_all", "delete", "delete_order",
                             "delete_stream"))
        if action.startswith("add") or not ids:
            lines = self.order_lines(session, 1 if action == "add" else some)
            if action == "add" or not ids:
                writer.add(lines[0])
            elif action == "add_many":
                writer.add_many(lines)
            else:
                columns = sorted(lines[0])
                writer.add_values(columns, [[line[c] for c in columns] for line in lines])
            return action
        chosen = rng.sample(ids, min(len(ids), some))
        one = chosen[0]
        if action == "quantity":
            quantity = rng.randint(0, 6)
            price = rng.choice((1, 990, 4990))
            writer.update(one, {"quantity": quantity, "unit_price_fen": price, "paid_fen": quantity * price,
                                "refunded_fen": 0, "refunded_quantity": 0})
        elif action == "refund":
            paid = session.execute(select(Sale.paid_fen, Sale.quantity).where(Sale.id == one)).one()
            writer.update(one, {"refunded_fen": rng.randint(0, paid.paid_fen),
                                "refunded_quantity": rng.randint(0, paid.quantity)})
        elif action == "move":  # to another month (or the same one's edges)
            for sale_id in chosen:
                writer.update(sale_id, {"paid_at": moment(rng, rng.choice(list(SPAN)))})
        elif action == "relink":
            writer.update_where(Sale.id.in_(chosen), {"product_id": rng.choice(self.products()),
                                                      "livestream_id": rng.choice(self.streams())})
        elif action == "unpay":
            writer.update_where(Sale.id.in_(chosen), {"paid_at": None})
        elif action == "pay":
            unpaid = session.execute(select(Sale.id).where(Sale.paid_at.is_(None))).scalars().all()
            for sale_id in rng.sample(unpaid, min(len(unpaid), some)):
                writer.update(sale_id, {"paid_at": moment(rng, rng.choice(list(SPAN)))})
        elif action == "reorder":  # into another order, a new one or one that exists, maybe on another platform
            target = session.execute(select(Sale.platform, Sale.order_id).where(Sale.id == rng.choice(ids))).one()
            platform, order_id = (target if rng.random() < 0.6
                                  else (rng.choice(PLATFORMS), f"d{next(self.numbers):05d}"))
            for sale_id in chosen:
                writer.update(sale_id, {"platform": platform, "order_id": order_id, "line_id": f"f{next(self.fresh)}"})
        elif action == "by_order":
            platform, order_id = session.execute(select(Sale.platform, Sale.order_id).where(Sale.id == one)).one()
            writer.update_where((Sale.platform == platform) & (Sale.order_id == order_id),
                                {"livestream_id": rng.choice(self.streams())})
        elif action == "by_stream":  # every line of a livestream: often more than LIMIT
            stream = rng.choice(self.streams()[1:])
            writer.update_where(Sale.livestream_id == stream, {"livestream_id": rng.choice(self.streams())})
        elif action == "refund_all":  # values that are SQL expressions
            writer.update_where(Sale.id.in_(chosen), {"refunded_fen": Sale.paid_fen,
                                                      "refunded_quantity": Sale.quantity})
        elif action == "delete":
            writer.delete(chosen)
        elif action == "delete_order":
            platform, order_id = session.execute(select(Sale.platform, Sale.order_id).where(Sale.id == one)).one()
            writer.delete_where((Sale.platform == platform) & (Sale.order_id == order_id))
        else:
            writer.delete_where(Sale.livestream_id == rng.choice(self.streams()[1:]))
        return action


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_small_and_large_writes_leave_the_tables_equal_to_the_lines(db, monkeypatch, seed):
    monkeypatch.setattr(sale_lines, "SMALL_CHANGE", LIMIT)
    paths = Paths(monkeypatch)
    rng = random.Random(seed)
    shop = random_shop(rng, n_orders=80, n_streams=10)
    load(db, shop)
    _plenty_of_stock(db)
    writes = RandomWrites(rng, shop)
    for _step in range(40):
        with uow.writing(db) as session, \
                SaleLineWriter(session, adjust_stock=rng.random() < 0.5) as writer:
            for _ in range(rng.choice((1, 1, 2, 3))):  # several writes in one writer, small then large too
                writes.one(session, writer)
        assert_exact(db)
    assert paths.deltas >= 10 and paths.recomputes >= 3, (paths.deltas, paths.recomputes)


def test_a_small_change_never_recomputes_and_a_large_one_does(db, monkeypatch):
    paths = Paths(monkeypatch)
    rng = random.Random(5)
    shop = random_shop(rng, n_orders=40, n_streams=5)
    load(db, shop)
    _plenty_of_stock(db)
    writes = RandomWrites(rng, shop)
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as writer:
        sale_id = writer.add(writes.order_lines(session, 1)[0])
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as writer:
        writer.update(sale_id, {"quantity": 3, "paid_fen": 2970})
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as writer:
        writer.delete([sale_id])
    assert (paths.deltas, paths.recomputes) == (3, 0)
    assert_exact(db)
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        lines = [line for _ in range(sale_lines.SMALL_CHANGE // 10 + 1) for line in writes.order_lines(session, 10)]
        assert len(lines) > sale_lines.SMALL_CHANGE
        writer.add_many(lines)
    assert (paths.deltas, paths.recomputes) == (3, 1)
    assert_exact(db)


def test_an_order_across_months_and_livestreams_follows_its_lines(db):
    rng = random.Random(9)
    shop = random_shop(rng, n_orders=0, n_streams=2)
    load(db, shop)
    first, second = (s["id"] for s in shop.livestreams)
    january = Month(2025, 1).end() - timedelta(hours=1)
    february = january + timedelta(days=2)
    lines = [new_line(rng, shop, 1, platform="douyin", livestream_id=first, paid_at=january, line_id="1"),
             new_line(rng, shop, 1, platform="douyin", livestream_id=first, paid_at=february, line_id="2"),
             new_line(rng, shop, 1, platform="douyin", livestream_id=second, paid_at=february, line_id="3")]

    def orders(conn):
        summary = {r.month: r.orders for r in conn.execute(select(MonthlySalesSummary))}
        streams = {(r.livestream_id, r.month): r.orders for r in conn.execute(select(ReportLivestreamMonth))}
        return summary, streams

    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        ids = [writer.add(line) for line in lines]
    assert_exact(db)
    with uow.reading(db) as conn:
        assert orders(conn) == ({202501: 1, 202502: 1}, {(first, 202501): 1, (first, 202502): 0, (second, 202502): 1})
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        writer.update(ids[0], {"paid_at": None})  # its January line was never paid after all
    assert_exact(db)
    with uow.reading(db) as conn:
        assert orders(conn) == ({202502: 1}, {(first, 202502): 1, (second, 202502): 1})
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        writer.update(ids[0], {"paid_at": january})
        writer.update(ids[1], {"livestream_id": second})
        writer.delete([ids[2]])
    assert_exact(db)
    with uow.reading(db) as conn:
        assert orders(conn) == ({202501: 1, 202502: 1}, {(first, 202501): 1, (second, 202502): 1})
    with uow.writing(db) as session, SaleLineWriter(session) as writer:
        writer.delete(ids)
    assert_exact(db)
    with uow.reading(db) as conn:
        assert orders(conn) == ({}, {})
