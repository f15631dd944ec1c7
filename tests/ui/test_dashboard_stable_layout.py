"""The dashboard's minimum size does not follow its figures: a refresh never lays out the
window again, and a page shown on its own (as bench/bench_dashboard.py once did) never asks
the platform to resize it ("This plugin does not support propagateSizeHints()" offscreen)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from livestream_desk.ui.dashboard import DashboardPage
from livestream_desk.ui.dashboard.kpi_cards import KpiCards


def minimum_of(widget: QWidget):
    widget.layout().activate()
    return widget.layout().totalMinimumSize()


def test_kpi_row_keeps_its_minimum_whatever_the_figures(qtbot, sales_db):
    from livestream_desk.services.reports import monthly_report, sales_span

    span = sales_span(sales_db)
    figures = monthly_report(sales_db, span.last, span.last).rows[-1]
    holder = QWidget()
    qtbot.addWidget(holder)
    cards = KpiCards(holder)
    holder.setLayout(None)
    before = cards.minimumSize() if not cards.minimumSize().isEmpty() else cards.minimumSizeHint()
    variants = [
        replace(figures, gmv_fen=1, refunds_fen=0, livestreams=1, orders=1, units=1, target_fen=None),
        replace(figures, gmv_fen=987_654_321_00, refunds_fen=1_234_567_00, livestreams=9_999, orders=888_888,
                units=7_777_777, target_fen=50_000_00),
        replace(figures, target_fen=None),
    ]
    seen = set()
    for variant in variants:
        cards.show_figures(variant)
        size = cards.minimumSize() if not cards.minimumSize().isEmpty() else cards.minimumSizeHint()
        seen.add((size.width(), size.height()))
    cards.clear()
    assert len(seen) == 1 and (before.width(), before.height()) in seen


def test_a_dashboard_shown_on_its_own_never_asks_to_be_resized(qtbot, qtlog, sales_db):
    from livestream_desk.ui.tasks import TaskRunner

    runner = TaskRunner()
    page = DashboardPage(sales_db, runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    shown = minimum_of(page)
    figures = page.data().report.rows[-1]
    for variant in (replace(figures, gmv_fen=987_654_321_00, target_fen=10_00), replace(figures, target_fen=None),
                    replace(figures, gmv_fen=1, refunds_fen=0, orders=1, units=1)):
        page.cards.show_figures(variant)
        qtbot.wait(20)
        assert minimum_of(page) == shown
    for platform in (*page.data().platforms, None):
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            page.controller.set_platform(platform)
        qtbot.wait(20)
    runner.wait()
    resizes = [r for r in qtlog.records if "propagateSizeHints" in r.message]
    assert len(resizes) <= 1, resizes  # showing a bare top-level window once; never on a refresh
