"""Live refresh on a PostgreSQL server (skipped without one): the listener thread of
ui/live_refresh.py hears another PC's commit (here: another Database, its own pool) and the
window's signal carries the areas within a second or two; its own writes are not news."""
from __future__ import annotations

import time

from sqlalchemy import insert

from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from livestream_desk.db.engine import open_database  # noqa: E402
from livestream_desk.db.models import Product  # noqa: E402
from livestream_desk.services import changes, uow  # noqa: E402
from livestream_desk.ui.live_refresh import LiveRefresh  # noqa: E402


def test_the_listener_thread_hears_the_other_pc(qtbot, pg_db):
    refresh = LiveRefresh(pg_db)
    try:
        with qtbot.waitSignal(refresh.areasChanged, timeout=10_000) as connected:
            refresh.start()
        assert connected.args[0] == changes.ALL_AREAS  # (re)connected: catch up on everything

        heard: list = []
        refresh.areasChanged.connect(heard.append)
        with uow.writing(pg_db) as s:  # this window's own write
            s.execute(insert(Product).values(name="万年贡米", list_price_fen=4990))
        qtbot.wait(1500)
        assert heard == []

        other_pc = open_database(pg_db.engine.url.render_as_string(hide_password=False), create=False)
        try:
            with uow.writing(other_pc) as s:
                s.execute(insert(Product).values(name="婺源皇菊", list_price_fen=5990))
            committed = time.monotonic()
            qtbot.waitUntil(lambda: bool(heard), timeout=5000)
            delay = time.monotonic() - committed
        finally:
            other_pc.dispose()
        assert heard == [frozenset({"catalogue"})]
        print(f"the window heard the other PC's product {delay * 1000:.0f} ms after its commit")
        assert delay < 2.0
    finally:
        refresh.stop()
