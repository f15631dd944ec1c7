"""The demo-data notice (issue 7 item 22): shown while demo data is present, 清除演示数据 asks,
then removes only the demo's data in the background; the user's own product and sale stay."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from livestream_desk.db.models import Product, Sale
from livestream_desk.domain.period import Month
from livestream_desk.domain.validation import ProductInput
from livestream_desk.services import uow
from livestream_desk.services.catalogue import create_product
from livestream_desk.services.sales.entry import SaleInput, create_sale
from livestream_desk.services.summary import summary_mismatches
from livestream_desk.ui.screenshot import wait_until_idle


def open_window(qtbot, window_factory, database):
    window = window_factory(database, remember_state=False)
    window.resize(1366, 768)
    window.show()
    assert wait_until_idle(window)
    return window


def test_no_notice_without_demo_data(qtbot, window_factory, db):
    create_product(db, ProductInput(name="自家土鸡蛋", list_price="2.5"))
    window = open_window(qtbot, window_factory, db)
    assert window.demo_notice is not None and not window.demo_notice.isVisible()


def test_notice_shows_and_clearing_keeps_the_users_data(qtbot, window_factory, demo_db):
    own = create_product(demo_db, ProductInput(name="自家土鸡蛋", list_price="2.5", stock=20))
    create_sale(demo_db, SaleInput(product_id=own.id, quantity=4, unit_price="2.50",
                                   paid_at=datetime(2026, 10, 3, 9, 0), platform="other"))
    window = open_window(qtbot, window_factory, demo_db)
    notice = window.demo_notice
    assert notice.isVisible() and notice in window.notices()
    assert "演示数据" in notice.text()
    assert notice.clear_button.text() == "清除演示数据…"

    # Cancel in the confirmation: nothing happens.
    notice.clear_button.click()
    box = notice.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert notice.isVisible()
    with uow.reading(demo_db) as conn:
        assert conn.execute(select(func.count()).select_from(Sale).where(Sale.source == "demo")).scalar_one() > 0

    # Confirm: removed in the background, the notice goes, the pages catch up.
    notice.clear_button.click()
    clear = next(b for b in notice.confirm_box.buttons() if b.text() == "清除演示数据")
    with qtbot.waitSignal(notice.removed, timeout=30_000):
        clear.click()
    assert wait_until_idle(window)
    assert not notice.isVisible()
    with uow.reading(demo_db) as conn:
        assert conn.execute(select(Product.name)).scalars().all() == ["自家土鸡蛋"]
        assert conn.execute(select(Sale.source, Sale.paid_fen)).all() == [("manual", 1000)]
        assert summary_mismatches(conn) == []
    dashboard = window.page("dashboard")
    assert dashboard.data() is not None and dashboard.data().report.latest.gmv_fen == 1000


def test_demo_data_loaded_from_the_dashboard_brings_the_notice(qtbot, window_factory, db):
    window = open_window(qtbot, window_factory, db)
    notice = window.demo_notice
    assert not notice.isVisible()
    dashboard = window.page("dashboard")
    with qtbot.waitSignal(notice.checked, timeout=60_000, check_params_cb=lambda present: present):
        dashboard.load_demo()
    assert wait_until_idle(window)
    assert notice.isVisible()
    # The window's demo shop was busy up to yesterday (DESIGN §7's whole months are the CLI's).
    today = uow.now().date()
    with db.engine.connect() as conn:
        latest = conn.execute(select(func.max(Sale.paid_at))).scalar_one()
    assert latest < datetime.combine(today, datetime.min.time())
    assert Month.of(latest.date()) == Month.of(today - timedelta(days=1))
