"""Live refresh (ui/live_refresh.py): what another PC (here: another Database on the same
file, as a second window would have) writes shows on this window's pages — the page on
screen reloads at once, a page off screen reloads when it is shown, and a page that does not
show the changed area is left alone."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from livestream_desk.db.engine import open_database
from livestream_desk.db.models import Livestream, MonthlyTarget, Product
from livestream_desk.services import uow
from livestream_desk.ui import live_refresh


def _shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)


def _counting_refreshes(page) -> list:
    calls: list = []
    original = page.refresh

    def counted():
        calls.append(1)
        original()

    page.refresh = counted
    return calls


def test_another_pcs_writes_reload_only_the_pages_that_show_them(qtbot, window_factory, db_path):
    database = open_database(db_path)
    window = _shown(qtbot, window_factory(database))
    for key in ("schedule", "sales", "catalogue"):  # seen once each, the catalogue on screen
        window.show_page(key)
        _idle(qtbot, window)
    catalogue, schedule, sales = (window.page(k) for k in ("catalogue", "schedule", "sales"))
    assert catalogue.model.rowCount() == 0
    refreshed = {key: _counting_refreshes(window.page(key)) for key in ("catalogue", "schedule", "sales")}

    other_pc = open_database(db_path)
    try:
        with uow.writing(other_pc) as s:
            s.execute(insert(Product).values(name="婺源皇菊", spec="50朵/盒", list_price_fen=5990, stock=20))
        started = time.monotonic()
        assert window.live_refresh.poll_now() == {"catalogue"}
        qtbot.waitUntil(lambda: catalogue.model.rowCount() == 1, timeout=5000)
        print(f"catalogue page showed the other PC's product {1000 * (time.monotonic() - started):.0f} ms after the poll")
        # off screen: the schedule and sales pages show products too, and reload when shown
        assert refreshed["schedule"] == [] and schedule.is_stale()
        assert refreshed["sales"] == [] and sales.is_stale()

        window.show_page("sales")
        _idle(qtbot, window)
        assert not sales.is_stale()
        refreshed["sales"].clear()
        refreshed["catalogue"].clear()
        with uow.writing(other_pc) as s:
            s.add(MonthlyTarget(month=202612, platform="", target_fen=5_000_000))
        assert window.live_refresh.poll_now() == {"targets"}
        assert refreshed["sales"] == [] and refreshed["schedule"] == []  # neither shows targets

        with uow.writing(other_pc) as s:
            s.execute(insert(Livestream).values(title="年货节专场", platform="douyin",
                                                scheduled_start=datetime.combine(schedule.period()[0], datetime.min.time()) + timedelta(days=10, hours=19)))
        assert window.live_refresh.poll_now() == {"schedule"}
        assert refreshed["sales"] == [1]  # on screen, and its filter lists livestreams
        assert refreshed["catalogue"] == [] and not catalogue.is_stale()  # shows no livestreams
        window.show_page("schedule")
        assert refreshed["schedule"] == [1] and not schedule.is_stale()
        _idle(qtbot, window)
        qtbot.waitUntil(lambda: [r.title for r in schedule.rows] == ["年货节专场"], timeout=5000)

        # this window's own write is not news to it
        with uow.writing(database) as s:
            s.execute(insert(Product).values(name="万年贡米", list_price_fen=4990))
        assert window.live_refresh.poll_now() == frozenset()
    finally:
        other_pc.dispose()
    _idle(qtbot, window)


def test_the_poll_runs_every_two_seconds_while_the_app_is_active(qtbot, window_factory, db):
    window = _shown(qtbot, window_factory(db))
    assert live_refresh.POLL_MS == 2000
    assert window.live_refresh.is_polling() == (QApplication.applicationState().name == "ApplicationActive")
    window.live_refresh._application_state_changed(QApplication.applicationState().__class__.ApplicationInactive)
    assert not window.live_refresh.is_polling()
    window.live_refresh._application_state_changed(QApplication.applicationState().__class__.ApplicationActive)
    assert window.live_refresh.is_polling()
    _idle(qtbot, window)
