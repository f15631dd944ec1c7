"""Targets typed in the dialog land in the database and show on the dashboard and the reports
page; the 战报 card dialog saves a 1080-px-wide PNG from the card services."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from livestream_desk.db.models import MonthlyTarget
from livestream_desk.domain.period import Month
from livestream_desk.services.reports import ReportPeriod, livestream_ranking, report_span
from livestream_desk.ui.reports import ReportsPage
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait(10_000)


def _targets(db):
    with db.engine.connect() as conn:
        return {(m, p): t for m, p, t in conn.execute(
            select(MonthlyTarget.month, MonthlyTarget.platform, MonthlyTarget.target_fen))}


def _open_targets(qtbot, page):
    dialog = page.open_targets()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.is_loading() and dialog.model.year == dialog.year_spin.value(), timeout=10_000)
    return dialog


def _type(qtbot, dialog, index, text):
    dialog.view.setCurrentIndex(index)
    dialog.view.edit(index)
    editors = [w for w in dialog.view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    editor.insert(text)  # as an input method commits 万 or 元 (QTest types Latin-1 only)
    # What the delegate does on Return (offscreen, the editor has no keyboard focus to take it).
    delegate = dialog.view.itemDelegate()
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)


def test_targets_dialog_writes_targets_and_reports_show_progress(qtbot, demo_db, runner):
    page = ReportsPage(demo_db, runner)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    last = report_span(demo_db)[1]
    before = _targets(demo_db)
    dialog = _open_targets(qtbot, page)
    assert dialog.year_spin.value() == last.year
    _type(qtbot, dialog, dialog.cell(last.month, ""), "5万")
    _type(qtbot, dialog, dialog.cell(last.month, "douyin"), "12,345.60")
    # A bad amount: shown in the cell with the message of its code; nothing can be saved.
    _type(qtbot, dialog, dialog.cell(1, "kuaishou"), "12元5")
    assert "12元5" == dialog.model.data(dialog.cell(1, "kuaishou"))
    assert dialog.error_label.text() and not dialog.save_button.isEnabled()
    assert _targets(demo_db) == before
    _type(qtbot, dialog, dialog.cell(1, "kuaishou"), "")  # emptied: no target there
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # saving refreshes the page
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = _targets(demo_db)
    assert stored[(last.key, "")] == 5_000_000
    assert stored[(last.key, "douyin")] == 1_234_560
    assert (Month(last.year, 1).key, "kuaishou") not in stored
    progress = page.data().report.targets.overall
    assert progress.target_fen == 5_000_000
    assert page.summary.card_text("target").endswith("%")
    assert page.summary.target_bar.value() == min(100, int(progress.share * 100))


def test_dashboard_shows_target_progress(qtbot, demo_db, runner):
    from livestream_desk.services.reports import set_target
    from livestream_desk.ui.dashboard.page import DashboardPage

    last = report_span(demo_db)[1]
    set_target(demo_db, last, 10_000_000)
    page = DashboardPage(demo_db, runner)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.target_progress.loaded, timeout=20_000):
        page.show()
    bar = page.target_progress
    assert bar.progress.overall.target_fen == 10_000_000
    assert bar.bar.isVisibleTo(page)
    assert bar.bar.value() == min(100, int(bar.progress.overall.share * 100))
    assert "目标" in bar.label.text()
    dialog = bar.open_targets()
    qtbot.waitUntil(lambda: not dialog.is_loading() and bool(dialog.model.stored), timeout=10_000)
    assert dialog.model.data(dialog.cell(last.month, "")) == "100000"
    dialog.close()


def test_month_card_dialog_saves_a_1080_px_png(qtbot, demo_db, runner, tmp_path):
    page = ReportsPage(demo_db, runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    page.open_month_card()
    dialog = page.card_dialog
    qtbot.waitUntil(lambda: dialog.image is not None, timeout=20_000)
    assert dialog.card.month == page.data().period.last
    assert dialog.save_button.isEnabled()
    path = dialog.save_png(tmp_path / "card.png")
    image = QImage(str(path))
    assert image.width() == 1080 and image.height() > 1080
    dialog.copy_to_clipboard()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().image().width() == 1080
    dialog.close()


def test_livestream_card_from_the_sales_livestream_view(qtbot, demo_db, runner, tmp_path):
    from livestream_desk.ui.sales.livestream_view import LivestreamSalesView

    last = report_span(demo_db)[1]
    stream = livestream_ranking(demo_db, ReportPeriod.month(last))[0]
    view = LivestreamSalesView(demo_db, runner, stream.livestream_id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    assert view.card_button.text() == "生成战报…"
    qtbot.mouseClick(view.card_button, Qt.MouseButton.LeftButton)
    dialog = view.card_dialog
    qtbot.waitUntil(lambda: dialog.image is not None, timeout=20_000)
    assert dialog.card.livestream_id == stream.livestream_id
    assert dialog.card.net_sales_fen == stream.net_sales_fen
    image = QImage(str(dialog.save_png(tmp_path / "live.png")))
    assert image.width() == 1080
    dialog.close()
