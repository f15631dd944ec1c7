"""The sales page on demo data: filters, the totals row, entry, refund and delete with undo."""
from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from sqlalchemy import func, select

from livestream_desk.db.models import Sale
from livestream_desk.domain.money import format_display
from livestream_desk.services import sales, uow
from livestream_desk.services.summary import summary_mismatches
from livestream_desk.ui.operation import undo_in_background
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot, demo_db):
    from livestream_desk.ui.sales.page import SalesPage

    runner = TaskRunner()
    widget = SalesPage(demo_db, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.set_active(True)
    wait_idle(qtbot, widget)
    yield widget
    runner.cancel_all()
    runner.wait(5000)


def wait_idle(qtbot, page):
    qtbot.waitUntil(lambda: page.model.has_loaded() and not page.is_loading() and page.options is not None,
                    timeout=15_000)


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filters_and_totals_row(qtbot, page, demo_db):
    total = sales.count_sales(demo_db)
    assert page.model.rowCount() == total > 1000
    everything = sales.sales_totals(demo_db)
    assert page.totals_bar.labels["gmv"].text().endswith(format_display(everything.gmv_fen))
    assert page.totals_bar.labels["net"].text().endswith(format_display(everything.net_sales_fen))
    assert page.model.index(0, page.model.PAID_AT).data()  # the first window is on screen

    choose(page.filter_bar.platform, "douyin")
    choose(page.filter_bar.refunded, "refunded")
    wait_idle(qtbot, page)
    query = sales.SaleQuery(platform="douyin", refunded=sales.RefundFilter.REFUNDED)
    expected = sales.sales_totals(demo_db, query)
    assert page.model.rowCount() == expected.lines == sales.count_sales(demo_db, query)
    assert page.totals_bar.labels["refunds"].text().endswith(format_display(expected.refunds_fen))
    assert page.totals_bar.labels["orders"].text().endswith(f"{expected.orders:,}")
    for row in range(min(page.model.rowCount(), 50)):
        line = page.model.sale(row)
        assert line.platform == "douyin" and line.refunded_fen > 0
    # scrolling far down reads that window
    page.view.scrollToBottom()
    last = page.model.rowCount() - 1
    qtbot.waitUntil(lambda: page.model.sale(last) is not None, timeout=10_000)


def test_livestream_filter_and_view(qtbot, page, demo_db):
    stream = page.options.livestreams[5].id
    choose(page.filter_bar.livestream, stream)
    wait_idle(qtbot, page)
    figures = sales.livestream_figures(demo_db, stream)
    assert page.model.rowCount() == figures.lines
    assert page.livestream_action.isEnabled()
    view = page.show_livestream()
    qtbot.waitUntil(lambda: view.figures is not None and not view.is_loading(), timeout=10_000)
    assert view.values["gmv"].text() == format_display(figures.gmv_fen)
    assert view.breakdown.rowCount() >= 1
    view.close()


def test_new_sale_refund_delete_and_undo(qtbot, page, demo_db):
    before = sales.count_sales(demo_db)
    page.new_action.trigger()
    qtbot.waitUntil(lambda: page.entry_dialog is not None and page.entry_dialog.isVisible(), timeout=5000)
    dialog = page.entry_dialog
    dialog.product.setCurrentIndex(1)
    dialog.unit_price.setText("abc")
    dialog.paid_at.setDateTime(datetime(2026, 10, 20, 10, 0))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors["unit_price"].isVisible(), timeout=5000)
    assert "abc" in dialog.errors["unit_price"].text()
    dialog.unit_price.setText("12.50")
    dialog.quantity.setValue(2)
    dialog.submit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
    wait_idle(qtbot, page)
    assert sales.count_sales(demo_db) == before + 1
    with uow.reading(demo_db) as conn:
        sale_id = conn.execute(select(func.max(Sale.id))).scalar_one()
    line = sales.get_sale(demo_db, sale_id)
    assert (line.quantity, line.paid_fen, line.source) == (2, 2500, "manual")

    page.filter_bar.order_text.setText(line.order_id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.is_loading(), timeout=5000)
    page.view.selectRow(0)
    page.refund_action.trigger()
    refund = page.refund_dialog
    refund.amount.setText("12.50")
    refund.quantity.setValue(1)
    refund.submit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(refund) or not refund.isVisible(), timeout=5000)
    assert sales.get_sale(demo_db, sale_id).refunded_fen == 1250

    wait_idle(qtbot, page)
    page.view.selectRow(0)
    page.delete_sales([sale_id])
    qtbot.waitUntil(lambda: not page.is_loading() and page.model.rowCount() == 0, timeout=5000)
    undo_in_background(page, page.undo_stack)  # the delete
    qtbot.waitUntil(lambda: not page.is_loading() and sales.count_sales(demo_db) == before + 1, timeout=5000)
    undo_in_background(page, page.undo_stack)  # the refund
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    restored = sales.list_sales(demo_db, sales.SaleQuery(order_text=line.order_id))[0][0]
    assert restored.refunded_fen == 0 and restored.paid_fen == 2500
    with uow.reading(demo_db) as conn:
        assert summary_mismatches(conn) == []


def test_empty_state_offers_the_order_import(qtbot):
    from livestream_desk.ui.dashboard.empty_state import EmptyState

    state = EmptyState()
    qtbot.addWidget(state)
    assert state.import_orders_button.text() == "导入订单导出文件"
    assert state.load_demo_button.isVisible() == state.import_orders_button.isVisible()
