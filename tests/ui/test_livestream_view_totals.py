"""The livestream view's products-vs-lineup table ends with a 合计 row equal to the
livestream's own figures (units, GMV, refunds) and to the rows above it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from livestream_desk.domain.money import format_display
from livestream_desk.services import sales
from livestream_desk.services.reports import ReportPeriod, livestream_ranking, report_span
from livestream_desk.ui.sales.livestream_view import BreakdownModel, LivestreamSalesView
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait(10_000)


def test_the_breakdown_ends_with_a_total_row(qtbot, demo_db, runner):
    last = report_span(demo_db)[1]
    stream = livestream_ranking(demo_db, ReportPeriod.month(last))[0]
    view = LivestreamSalesView(demo_db, runner, stream.livestream_id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.figures is not None and not view.is_loading(), timeout=20_000)
    model = view.breakdown
    products = model.rows
    assert products and model.rowCount() == len(products) + 1
    last_row = model.rowCount() - 1
    assert model.is_total_row(last_row) and not model.is_total_row(0)

    def cell(column):
        return model.index(last_row, column).data()

    figures = sales.livestream_figures(demo_db, stream.livestream_id)
    assert cell(BreakdownModel.POSITION) == "合计"
    assert cell(BreakdownModel.SOLD) == f"{figures.units:,}"
    assert cell(BreakdownModel.GMV) == format_display(figures.gmv_fen)
    assert cell(BreakdownModel.REFUNDS) == format_display(figures.refunds_fen)
    allotted = sum(p.allotted or 0 for p in products)
    assert cell(BreakdownModel.ALLOTTED) == (f"{allotted:,}" if allotted else "—")
    assert cell(BreakdownModel.LIVE_PRICE) == ""
    assert model.index(last_row, 0).data(Qt.ItemDataRole.FontRole).bold()
    view.close()


def test_no_total_row_without_products(qtbot):
    model = BreakdownModel()
    assert model.rowCount() == 0


def test_the_livestream_window_has_icons(qtbot, demo_db, runner):
    last = report_span(demo_db)[1]
    stream = livestream_ranking(demo_db, ReportPeriod.month(last))[0]
    view = LivestreamSalesView(demo_db, runner, stream.livestream_id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    for button in (view.console_button, view.refresh_button, view.card_button):
        assert not button.icon().isNull(), button.text()
