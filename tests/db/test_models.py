"""Rules the schema itself keeps, whatever service writes to it."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from livestream_desk.db import models
from livestream_desk.domain.period import beijing_now


def _product(conn, **values) -> int:
    values.setdefault("name", "婺源皇菊")
    return conn.execute(insert(models.Product).values(**values).returning(models.Product.id)).scalar_one()


def test_reimporting_the_same_order_line_is_refused(db):
    line = {"platform": "douyin", "order_id": "6930001", "line_id": "6930001-1", "paid_fen": 100}
    with db.engine.begin() as conn:
        conn.execute(insert(models.Sale).values(**line))
        conn.execute(insert(models.Sale).values(**{**line, "platform": "kuaishou"}))  # other platform: fine
        conn.execute(insert(models.Sale).values(**{**line, "line_id": "6930001-2"}))  # other line: fine
    with pytest.raises(IntegrityError, match="UNIQUE"):
        with db.engine.begin() as conn:
            conn.execute(insert(models.Sale).values(**line))


@pytest.mark.parametrize(
    "values, constraint",
    [
        ({"quantity": -1}, "quantity_not_negative"),
        ({"refunded_fen": -1}, "refund_not_negative"),
    ],
)
def test_sale_checks(db, values, constraint):
    with pytest.raises(IntegrityError, match=constraint):
        with db.engine.begin() as conn:
            conn.execute(insert(models.Sale).values(platform="douyin", order_id="1", **values))


def test_product_checks_and_unique_sku(db):
    with db.engine.begin() as conn:
        _product(conn, sku="WY-1")
        _product(conn, sku=None)
        _product(conn, sku=None)  # several products may have no code
    with pytest.raises(IntegrityError, match="UNIQUE"):
        with db.engine.begin() as conn:
            _product(conn, sku="WY-1")
    with pytest.raises(IntegrityError, match="stock_not_negative"):
        with db.engine.begin() as conn:
            _product(conn, stock=-1)


def test_livestream_checks(db):
    start = datetime(2026, 10, 1, 20, 0)
    with pytest.raises(IntegrityError, match="ends_after_start"):
        with db.engine.begin() as conn:
            conn.execute(
                insert(models.Livestream).values(
                    title="x", platform="douyin", scheduled_start=start, actual_start=start, actual_end=start - timedelta(minutes=1)
                )
            )
    with pytest.raises(IntegrityError, match="known_status"):
        with db.engine.begin() as conn:
            conn.execute(insert(models.Livestream).values(title="x", platform="douyin", scheduled_start=start, status="paused"))


def test_deleting_rows_keeps_references_consistent(db):
    with db.engine.begin() as conn:
        product = _product(conn)
        stream = conn.execute(
            insert(models.Livestream)
            .values(title="年货节", platform="douyin", scheduled_start=datetime(2026, 1, 10, 20))
            .returning(models.Livestream.id)
        ).scalar_one()
        conn.execute(insert(models.LineupItem).values(livestream_id=stream, product_id=product, position=1))
        batch = conn.execute(
            insert(models.ImportBatch).values(file_name="订单.csv", file_hash="0" * 64).returning(models.ImportBatch.id)
        ).scalar_one()
        conn.execute(
            insert(models.Sale).values(platform="douyin", order_id="1", livestream_id=stream, product_id=product)
        )
        conn.execute(insert(models.Sale).values(platform="douyin", order_id="2", import_batch_id=batch))
    # A product that has sales cannot be deleted (archive it instead).
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with db.engine.begin() as conn:
            conn.execute(delete(models.Product).where(models.Product.id == product))
    with db.engine.begin() as conn:
        conn.execute(delete(models.Livestream).where(models.Livestream.id == stream))
        assert conn.execute(select(models.LineupItem)).all() == []  # the lineup goes with it
        assert conn.execute(select(models.Sale.livestream_id).where(models.Sale.order_id == "1")).scalar() is None
        conn.execute(delete(models.ImportBatch).where(models.ImportBatch.id == batch))  # undoing a batch
        assert conn.execute(select(models.Sale.order_id)).scalars().all() == ["1"]


def test_timestamps_are_beijing_wall_clock_time(db):
    """DESIGN §4: times are Beijing local time; SQLite's CURRENT_TIMESTAMP would be UTC."""
    before = beijing_now().replace(microsecond=0)
    with db.engine.begin() as conn:
        product = _product(conn)
        conn.execute(insert(models.ImportBatch).values(file_name="a.csv", file_hash="1" * 64))
        conn.execute(insert(models.Sale).values(platform="douyin", order_id="1"))
    after = beijing_now() + timedelta(seconds=1)
    with db.engine.connect() as conn:
        created, updated = conn.execute(
            select(models.Product.created_at, models.Product.updated_at).where(models.Product.id == product)
        ).one()
        imported = conn.execute(select(models.ImportBatch.imported_at)).scalar_one()
        sale_created = conn.execute(select(models.Sale.created_at)).scalar_one()
    for moment in (created, updated, imported, sale_created):
        assert before <= moment <= after
    with db.engine.begin() as conn:
        conn.execute(update(models.Product).values(name="婺源皇菊（新）"))
        updated = conn.execute(select(models.Product.updated_at)).scalar_one()
    assert before <= updated <= beijing_now() + timedelta(seconds=1)
