"""services.changes: a write transaction tells other windows which areas it changed; on an
SQLite file a poller (PRAGMA data_version, then the data_changes counters) sees another
connection's commit and not its own (tests/postgresql/test_several_pcs.py: NOTIFY)."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert

from livestream_desk.db.engine import open_database
from livestream_desk.db.models import LineupItem, Livestream, MonthlyTarget, Product
from livestream_desk.services import changes, sales, uow


@pytest.fixture
def two_windows(db_path):
    first, second = open_database(db_path), open_database(db_path)
    yield first, second
    first.dispose()
    second.dispose()


def test_the_other_window_sees_the_areas_changed(two_windows):
    here, there = two_windows
    poll_here = changes.FileChangePoller(here.path, here.engine)
    poll_there = changes.FileChangePoller(there.path, there.engine)
    assert poll_there.poll() == frozenset()

    with uow.writing(here) as s:
        s.execute(insert(Product).values(name="婺源皇菊", list_price_fen=5990, stock=10))
    assert poll_there.poll() == {"catalogue"}
    assert poll_there.poll() == frozenset()  # seen once
    assert poll_here.poll() == frozenset()  # its own write: its page refreshed the others already

    with uow.writing(there) as s:
        stream = s.execute(insert(Livestream).values(
            title="专场", platform="douyin", scheduled_start=datetime(2026, 11, 1, 20, 0)).returning(Livestream.id)).scalar()
        s.execute(insert(LineupItem).values(livestream_id=stream, product_id=1, position=1))
    assert poll_here.poll() == {"schedule"}

    sales.create_sale(here, sales.SaleInput(product_id=1, quantity="2", unit_price="59.90",
                                            paid_at="2026-11-01 20:10", livestream_id=stream))
    assert poll_there.poll() == {"sales", "catalogue"}  # the line, and the stock it took

    with uow.writing(there) as s:
        s.add(MonthlyTarget(month=202611, platform="", target_fen=100_000))
    assert poll_here.poll() == {"targets"}
    poll_here.close()
    poll_there.close()


def test_nothing_is_announced_for_a_rolled_back_or_read_only_transaction(two_windows):
    here, there = two_windows
    poll_there = changes.FileChangePoller(there.path, there.engine)
    with pytest.raises(RuntimeError):
        with uow.writing(here) as s:
            s.execute(insert(Product).values(name="婺源皇菊", list_price_fen=5990))
            raise RuntimeError("the service gave up")
    with uow.writing(here) as s:
        s.execute(Product.__table__.select())
    assert poll_there.poll() == frozenset()
    poll_there.close()


def test_a_change_from_elsewhere_between_own_writes_is_still_seen(two_windows):
    here, there = two_windows
    poll_here = changes.FileChangePoller(here.path, here.engine)
    with uow.writing(here) as s:
        s.execute(insert(Product).values(name="a", list_price_fen=1))
    with uow.writing(there) as s:
        s.execute(insert(Product).values(name="b", list_price_fen=1))
    with uow.writing(here) as s:
        s.execute(insert(Product).values(name="c", list_price_fen=1))
    assert poll_here.poll() == {"catalogue"}
    poll_here.close()


def test_tables_map_to_areas():
    assert changes.areas_of(["sales", "monthly_sales_summary", "stock_movements", "data_changes"]) == {
        "sales", "catalogue"}
    assert changes.ALL_AREAS == {"catalogue", "schedule", "sales", "targets"}
