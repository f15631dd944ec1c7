"""The live console driven from the keyboard: each key press writes one committed sale."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from livestream_desk.db.models import LineupItem, Livestream, Product, Sale
from livestream_desk.services import uow
from livestream_desk.services.summary import summary_mismatches
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def stream(db):
    """A live 抖音 livestream with 11 lineup products (two-digit numbers)."""
    with uow.writing(db) as s:
        products = [Product(name=f"皇菊{i}", spec="盒", list_price_fen=1000 + i * 100, stock=100) for i in range(1, 12)]
        s.add_all(products)
        s.flush()
        live = Livestream(title="双十一助农直播", platform="douyin", scheduled_start=datetime(2026, 11, 29, 19, 0),
                          actual_start=datetime(2026, 11, 29, 19, 0), status="live")
        s.add(live)
        s.flush()
        for position, product in enumerate(products, start=1):
            s.add(LineupItem(livestream_id=live.id, product_id=product.id, position=position,
                             live_price_fen=900 + position * 100))
        return live.id, [p.id for p in products]


def lines(db):
    with uow.reading(db) as conn:
        return conn.execute(select(Sale.product_id, Sale.quantity, Sale.paid_fen).order_by(Sale.id)).all()


def open_console(qtbot, db, livestream_id):
    from livestream_desk.ui.sales.live_console import LiveConsole

    runner = TaskRunner()
    console = LiveConsole(db, runner, livestream_id)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitUntil(lambda: console.state is not None and not console.is_busy(), timeout=10_000)
    return console, runner


def settle(qtbot, console):
    qtbot.waitUntil(lambda: not console.is_busy(), timeout=10_000)


def test_key_presses_log_sales_undo_and_reopen(qtbot, db, stream):
    livestream_id, product_ids = stream
    console, runner = open_console(qtbot, db, livestream_id)
    assert len(console.buttons) == 11
    assert console.totals["gmv"].text() == "¥0.00"

    qtbot.keyClick(console, Qt.Key.Key_2)  # cannot begin 20+: logged at once
    qtbot.keyClick(console, Qt.Key.Key_Plus)  # quantity of the next sale: 2
    qtbot.keyClick(console, Qt.Key.Key_3)
    settle(qtbot, console)
    assert lines(db) == [(product_ids[1], 1, 1100), (product_ids[2], 2, 2400)]
    assert console.quantity.value() == 1  # back to one after each entry

    qtbot.keyClick(console, Qt.Key.Key_1)  # could begin 10 or 11: waits
    qtbot.keyClick(console, Qt.Key.Key_1)  # 11
    settle(qtbot, console)
    qtbot.keyClick(console, Qt.Key.Key_1)
    qtbot.keyClick(console, Qt.Key.Key_Return)  # 1, confirmed by Enter
    settle(qtbot, console)
    assert lines(db)[2:] == [(product_ids[10], 1, 2000), (product_ids[0], 1, 1000)]

    qtbot.keyClick(console, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # last entry +1
    settle(qtbot, console)
    assert lines(db)[-1] == (product_ids[0], 2, 2000)
    qtbot.keyClick(console, Qt.Key.Key_Backspace)  # undo last
    settle(qtbot, console)
    assert len(lines(db)) == 3
    qtbot.mouseClick(console.buttons[4], Qt.MouseButton.LeftButton)  # a click logs too
    settle(qtbot, console)
    assert lines(db)[-1] == (product_ids[4], 1, 1400)
    expected_gmv = 1100 + 2400 + 2000 + 1400
    assert console.totals["gmv"].text() == f"¥{expected_gmv / 100:,.2f}"
    assert console.totals["units"].text() == "5"
    with uow.reading(db) as conn:
        assert summary_mismatches(conn) == []
        assert conn.execute(select(Product.stock).where(Product.id == product_ids[2])).scalar_one() == 98

    console.close()
    again, _runner = open_console(qtbot, db, livestream_id)  # reopening reads the running totals back
    assert again.totals["gmv"].text() == f"¥{expected_gmv / 100:,.2f}"
    assert again.totals["orders"].text() == "4"
    assert again.recent.count() == 4
    runner.wait(5000)


def test_a_number_beyond_the_lineup_writes_nothing(qtbot, db, stream):
    livestream_id, _ids = stream
    console, _runner = open_console(qtbot, db, livestream_id)
    qtbot.keyClick(console, Qt.Key.Key_1)
    qtbot.keyClick(console, Qt.Key.Key_9)  # 19: no such product
    settle(qtbot, console)
    assert lines(db) == []
    assert "19" in console.last_message
    with uow.reading(db) as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar_one() == 0


def test_the_sales_pages_windows_catch_up_with_each_other_and_with_other_pcs(qtbot, db, stream):
    """A console's sale shows in its livestream's open view; a sale another PC logs (the window
    hands the sales page its live-refresh notice) shows in the open console."""
    from livestream_desk.services import sales
    from livestream_desk.ui.sales.page import SalesPage

    livestream_id, product_ids = stream
    runner = TaskRunner()
    page = SalesPage(db, runner)
    qtbot.addWidget(page)
    page.show()
    page.set_active(True)
    console = page.open_console(livestream_id)
    view = page.show_livestream(livestream_id)
    qtbot.waitUntil(lambda: console.state is not None and not console.is_busy()
                    and view.figures is not None and not view.is_loading(), timeout=10_000)
    assert view.figures.gmv_fen == 0

    qtbot.keyClick(console, Qt.Key.Key_3)  # ¥12.00
    qtbot.waitUntil(lambda: view.figures.gmv_fen == 1200, timeout=10_000)

    item = console.state.buttons[0].lineup_item_id
    sales.log_sale(db, livestream_id, item, quantity=2)  # another PC: ¥10.00 × 2
    page.data_changed(frozenset({"sales"}))
    qtbot.waitUntil(lambda: console.state.totals.gmv_fen == 3200, timeout=10_000)
    assert console.totals["gmv"].text() == "¥32.00"
    qtbot.waitUntil(lambda: view.figures.gmv_fen == 3200, timeout=10_000)
    for window in (console, view):
        window.close()
    runner.cancel_all()
    runner.wait(5000)
