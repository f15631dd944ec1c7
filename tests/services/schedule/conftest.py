"""Schedule tests run at a pinned "now" (uow.clock), on their own temporary database."""
from __future__ import annotations

from datetime import datetime

import pytest

from livestream_desk.services import uow

NOW = datetime(2026, 11, 29, 10, 0, 0)


@pytest.fixture
def clock(monkeypatch):
    """A settable clock: `clock.now = …` moves time; starts at NOW."""

    class Clock:
        now = NOW

    state = Clock()
    monkeypatch.setattr(uow, "clock", lambda: state.now)
    return state


@pytest.fixture
def people(db, clock):
    """Two rooms on 抖音 and 快手, two hosts; returns their ids by name."""
    from livestream_desk.services import schedule as s

    return {
        "douyin_room": s.add_account(db, "抖音", "修水李知皇菊"),
        "kuaishou_room": s.add_account(db, "kuaishou", "江西好物特产馆"),
        "li": s.add_host(db, "李知"),
        "wang": s.add_host(db, "王芳"),
    }


@pytest.fixture
def products(db):
    """Three products (one with a live price, one without), their ids in order."""
    from sqlalchemy import insert

    from livestream_desk.db.models import Product

    rows = [
        {"name": "修水皇菊", "spec": "50g/罐", "unit": "罐", "list_price_fen": 6800, "live_price_fen": 5900, "stock": 100},
        {"name": "赣南脐橙", "spec": "5斤/箱", "unit": "箱", "list_price_fen": 4990, "live_price_fen": None, "stock": 50},
        {"name": "婺源绿茶", "spec": "250g", "unit": "袋", "list_price_fen": 12800, "live_price_fen": 9900, "stock": 20},
    ]
    with db.engine.begin() as conn:
        return [conn.execute(insert(Product.__table__).values(**row)).inserted_primary_key[0] for row in rows]
