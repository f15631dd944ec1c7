"""Helpers for the schedule page tests: a fixed Beijing clock and a page on screen."""
from __future__ import annotations

from datetime import datetime

import pytest

NOW = datetime(2026, 11, 29, 10, 0, 0)  # a Sunday


@pytest.fixture
def fixed_clock(monkeypatch):
    from livestream_desk.services import uow

    monkeypatch.setattr(uow, "clock", lambda: NOW)
    return NOW


@pytest.fixture
def schedule_page(db, qtbot, fixed_clock):
    """The schedule page in a main window of its own, shown, first load done."""
    from PySide6.QtWidgets import QMainWindow

    from livestream_desk.ui.schedule.page import SchedulePage
    from livestream_desk.ui.tasks import TaskRunner

    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    page = SchedulePage(db, runner, window)
    window.setCentralWidget(page)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, page)
    yield page
    page.database_detached()
    runner.cancel_all()
    runner.wait(5000)


def wait_idle(qtbot, page, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=timeout)
    qtbot.wait(1)


def people(db):
    """Two hosts and a 抖音 and a 快手 live room: (host_a, host_b, douyin_room, kuaishou_room)."""
    from livestream_desk.services import schedule

    return (schedule.add_host(db, "小王"), schedule.add_host(db, "李姐"),
            schedule.add_account(db, "douyin", "婺源皇菊直播间"), schedule.add_account(db, "kuaishou", "九江特产馆"))


def products(db, count: int = 3):
    from livestream_desk.services.catalogue import ProductInput, create_product

    names = ("婺源皇菊", "江西大米", "修水宁红茶", "赣南脐橙", "井冈山笋干")
    return [
        create_product(db, ProductInput(name=names[n], spec=f"{n + 1}斤", unit="袋", list_price=f"{60 + n}.00",
                                        live_price=f"{40 + n}.90", stock=100))
        for n in range(count)
    ]
