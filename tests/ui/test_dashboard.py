"""The dashboard page, driven through its real widgets (pytest-qt, offscreen).

What is on screen (KPI texts, bar heights, the growth line, tooltips) must equal what the
report service says for the same months and platform.
"""
from __future__ import annotations

import math
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
import shiboken6
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, select

from livestream_desk.db.models import Sale
from livestream_desk.domain.money import format_display, format_short
from livestream_desk.messages import render
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services.dashboard import PeriodChoice
from livestream_desk.services.errors import UserError
from livestream_desk.services.reports import monthly_report, platforms_with_sales, sales_span
from livestream_desk.ui.dashboard import controller as controller_module
from livestream_desk.ui.dashboard import texts
from livestream_desk.ui.dashboard.page import DashboardPage
from livestream_desk.ui.platforms import platform_name
from livestream_desk.ui.tasks import TaskRunner

LOAD_TIMEOUT_MS = 15_000

# PySide6 6.12.0 on CPython 3.11 drops a reference to True on every Python-side emit();
# without this the session crashes after a few hundred signals (see the module).


@pytest.fixture
def runner(qtbot):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.cancel_all()
    assert task_runner.wait(60_000)
    QApplication.processEvents()  # deliver the tasks' last queued signals
    # Delete it here, on the GUI thread. Left to Python, the reference cycles through its
    # signal connections let the cyclic GC free it later, possibly on a pool thread,
    # and its children then die mid-way through a deferred delete (a segfault).
    shiboken6.delete(task_runner)


def open_page(qtbot, database, runner, size=(1366, 768)) -> DashboardPage:
    page = DashboardPage(database, runner)
    qtbot.addWidget(page)
    page.resize(*size)
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        page.show()
    return page


def choose(qtbot, page: DashboardPage, combo, data) -> None:
    """Pick the combo item with `data`, as a user would, and wait until it is drawn."""
    index = combo.findData(data)
    assert index >= 0, data
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        combo.setCurrentIndex(index)


def reference(database) -> Month:
    return sales_span(database).last


def expected_report(database, months: int, platform=None):
    ref = reference(database)
    return monthly_report(database, ref + (1 - months), ref, platform=platform)


def assert_chart_matches(page: DashboardPage, report) -> None:
    chart = page.chart
    assert chart is not None
    heights = chart.bar_heights()
    assert len(heights) == len(report.rows)
    assert [round(h * 100) for h in heights] == [row.net_sales_fen for row in report.rows]
    assert chart.bar_positions() == [float(i) for i in range(len(report.rows))]
    growth = chart.growth_values()
    assert len(growth) == len(report.rows)
    for shown, row in zip(growth, report.rows):
        if row.mom_growth_pct is None:
            assert shown is None
        else:
            assert shown == pytest.approx(float(row.mom_growth_pct))
    assert chart.month_labels()[-1] in (str(report.rows[-1].month), f"{report.rows[-1].month.year % 100:02d}-{report.rows[-1].month.month:02d}")


def assert_cards_match(page: DashboardPage, figures) -> None:
    cards = page.cards
    net = figures.net_sales_fen
    assert cards.net.value_label.text() == format_short(net)
    assert cards.net.value_label.toolTip() == format_display(net)
    assert texts.growth_text(figures.mom_growth_pct) in cards.net.detail_label.text() or figures.mom_growth_pct is None
    assert cards.livestreams.value_label.text() == f"{figures.livestreams:,}"
    assert cards.orders.value_label.text() == f"{figures.orders:,}"
    average = figures.average_net_per_livestream_fen
    if average is None:
        assert cards.average.value_label.text() == "—"
    else:
        assert cards.average.value_label.text() == format_short(average)
        assert cards.average.value_label.toolTip() == format_display(average)
    if figures.target_fen:
        assert cards.target.isVisibleTo(page)
        percent = texts.round_pct(figures.target_progress * 100)
        assert cards.target.value_label.text() == f"{percent}%"
        assert cards.target.detail_label.text() == f"{format_short(net)} / {format_short(figures.target_fen)}"
    else:
        assert not cards.target.isVisibleTo(page)


# --- figures on screen equal the report service ---------------------------------------


def test_default_view_shows_the_reports_figures_for_the_last_12_months(qtbot, demo_db, runner):
    page = open_page(qtbot, demo_db, runner)
    report = expected_report(demo_db, 12)

    assert not page.is_empty_state()
    assert not page.is_loading()
    assert page.period_selector.choice() is PeriodChoice.LAST_12
    assert page.range_label.text() == texts.range_text(report.range)
    assert str(report.range.first) in page.range_label.text() and str(report.range.last) in page.range_label.text()
    assert texts.month_title(report.range.last) in page.heading.text()
    assert_cards_match(page, report.latest)
    assert_chart_matches(page, report)


def test_target_card_shows_progress_when_the_month_has_a_target(qtbot, demo_db, runner):
    from livestream_desk.db.models import MonthlyTarget

    ref = reference(demo_db)
    with demo_db.session() as session, session.begin():
        session.query(MonthlyTarget).filter(MonthlyTarget.month == ref.key, MonthlyTarget.platform == "").delete()
        session.add(MonthlyTarget(month=ref.key, platform="", target_fen=123_456_78))
    page = open_page(qtbot, demo_db, runner)
    latest = expected_report(demo_db, 12).latest
    assert latest.target_fen == 123_456_78
    assert page.cards.target.isVisibleTo(page)
    assert_cards_match(page, latest)
    assert page.cards.target_bar.value() == min(100, int(texts.round_pct(latest.target_progress * 100)))


def test_period_selector_changes_the_number_of_bars(qtbot, demo_db, runner):
    page = open_page(qtbot, demo_db, runner)
    combo = page.period_selector.combo

    choose(qtbot, page, combo, PeriodChoice.LAST_6.value)
    assert len(page.chart.bar_heights()) == 6
    assert_chart_matches(page, expected_report(demo_db, 6))

    choose(qtbot, page, combo, PeriodChoice.LAST_24.value)
    assert len(page.chart.bar_heights()) == 24
    report = expected_report(demo_db, 24)
    assert_chart_matches(page, report)
    assert_cards_match(page, report.latest)
    assert page.range_label.text() == texts.range_text(report.range)

    choose(qtbot, page, combo, PeriodChoice.THIS_YEAR.value)
    ref = reference(demo_db)
    assert len(page.chart.bar_heights()) == ref.month
    assert_chart_matches(page, monthly_report(demo_db, Month(ref.year, 1), ref))


def test_platform_filter_draws_that_platforms_figures(qtbot, demo_db, runner):
    page = open_page(qtbot, demo_db, runner)
    combo = page.platform_combo
    platforms = platforms_with_sales(demo_db)
    assert len(platforms) >= 2
    assert [combo.itemData(i) for i in range(1, combo.count())] == platforms
    assert [combo.itemText(i) for i in range(1, combo.count())] == [platform_name(p) for p in platforms]
    all_heights = page.chart.bar_heights()

    platform = platforms[0]
    choose(qtbot, page, combo, platform)
    report = expected_report(demo_db, 12, platform=platform)
    assert_chart_matches(page, report)
    assert_cards_match(page, report.latest)
    assert page.chart.bar_heights() != all_heights
    assert page.data().platform == platform

    choose(qtbot, page, combo, "")
    assert page.chart.bar_heights() == all_heights


def test_custom_range_end_before_start_shows_a_message_and_does_not_query(qtbot, demo_db, runner, monkeypatch):
    page = open_page(qtbot, demo_db, runner)
    selector = page.period_selector
    choose(qtbot, page, selector.combo, PeriodChoice.CUSTOM.value)
    assert selector.from_edit.isVisibleTo(page) and selector.to_edit.isVisibleTo(page)
    assert selector.from_edit.displayFormat() == "yyyy-MM"
    assert len(page.chart.bar_heights()) == 12  # starts from the months on screen
    bars_before = page.chart.bar_heights()

    queries = []
    real_load = controller_module.load_dashboard
    monkeypatch.setattr(
        controller_module, "load_dashboard", lambda *args, **kw: queries.append(args) or real_load(*args, **kw)
    )
    selector.from_edit.setDate(QDate(2026, 5, 1))
    selector.to_edit.setDate(QDate(2026, 2, 1))
    assert selector.error_label.isVisibleTo(page)
    assert selector.error_text() == texts.range_error_text()
    qtbot.wait(controller_module.CUSTOM_RANGE_DELAY_MS * 3)
    assert queries == []
    assert not page.is_loading()
    assert page.chart.bar_heights() == bars_before  # the old figures stay

    page.refresh()  # F5 with an invalid range: still no query
    qtbot.wait(50)
    assert queries == []

    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        selector.to_edit.setDate(QDate(2026, 8, 1))
    assert not selector.error_label.isVisibleTo(page)
    assert len(queries) == 1
    assert_chart_matches(page, monthly_report(demo_db, Month(2026, 5), Month(2026, 8)))
    assert page.range_label.text() == texts.range_text(MonthRange(Month(2026, 5), Month(2026, 8)))


# --- empty state ------------------------------------------------------------------------


def test_empty_database_shows_the_empty_state_and_the_button_loads_demo_data(qtbot, db, runner):
    page = open_page(qtbot, db, runner)
    assert page.is_empty_state()
    button = page.empty_state.load_demo_button
    assert button.isVisibleTo(page) and button.isEnabled()
    assert page.chart is None  # nothing to draw, pyqtgraph not needed

    with qtbot.waitSignal(page.loaded, timeout=180_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert page.progress_dialog is not None
        assert not button.isEnabled()

    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar() > 0
    assert not page.is_empty_state()
    assert page.progress_dialog is None
    assert button.isEnabled()
    report = expected_report(db, 12)
    assert_chart_matches(page, report)
    assert_cards_match(page, report.latest)


def test_cancelling_demo_data_leaves_the_database_empty(qtbot, db, runner):
    page = open_page(qtbot, db, runner)
    with qtbot.waitSignal(page.controller.demo_cancelled, timeout=180_000):
        qtbot.mouseClick(page.empty_state.load_demo_button, Qt.MouseButton.LeftButton)
        cancel_button = page.progress_dialog.findChild(QPushButton)
        assert cancel_button is not None and cancel_button.isVisible()
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert page.progress_dialog is None
    assert page.is_empty_state()
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar() == 0


def test_demo_failure_is_reported_in_a_message_box(qtbot, demo_db, runner):
    page = open_page(qtbot, demo_db, runner)
    with qtbot.waitSignal(page.controller.demo_failed, timeout=LOAD_TIMEOUT_MS) as failure:
        page.load_demo()  # the database already has data: the generator refuses
    (exc,) = failure.args
    assert isinstance(exc, UserError)
    box = page.error_box
    assert box is not None and box.isVisible()
    # a known error: its message in the window's language, no traceback
    assert box.text() == render(exc.message, QApplication.translate) and "演示数据" in box.text()
    assert not box.detailedText()
    qtbot.waitUntil(lambda: page.progress_dialog is None)
    box.close()


def test_a_bug_while_loading_is_reported_with_its_traceback(qtbot, demo_db, runner, monkeypatch):
    page = open_page(qtbot, demo_db, runner)
    bars_before = page.chart.bar_heights()

    def broken(*args, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(controller_module, "load_dashboard", broken)
    with qtbot.waitSignal(page.controller.failed, timeout=LOAD_TIMEOUT_MS):
        page.refresh()
    box = page.error_box
    assert box is not None and box.isVisible()
    assert "RuntimeError" in box.detailedText() and "boom" in box.detailedText()
    assert not page.is_loading()
    assert page.chart.bar_heights() == bars_before  # the figures on screen stay
    box.close()


# --- hover tooltip ----------------------------------------------------------------------


def test_hovering_a_bar_shows_its_exact_figures(qtbot, demo_db, runner):
    page = open_page(qtbot, demo_db, runner)
    chart = page.chart
    report = expected_report(demo_db, 12)
    index = len(report.rows) - 2
    row = report.rows[index]
    position = chart.scene_pos_of_bar(index)

    text = chart.hover_at(position)
    assert texts.month_title(row.month) in text
    assert format_display(row.net_sales_fen) in text
    assert format_display(row.gmv_fen) in text
    assert format_display(row.refunds_fen) in text
    assert f"{row.orders:,}" in text
    assert texts.growth_text(row.mom_growth_pct) in text
    assert chart.hover_index == index

    # Through the real mouse-move signal (rate-limited by a SignalProxy).
    chart.hover_at(QPointF(-10, -10))
    assert chart.hover_text == ""
    other = report.rows[0]
    chart.plot.scene().sigMouseMoved.emit(chart.scene_pos_of_bar(0))
    qtbot.waitUntil(lambda: chart.hover_text != "", timeout=2000)
    assert format_display(other.net_sales_fen) in chart.hover_text


# --- stale answers ------------------------------------------------------------------------


def test_superseded_results_are_ignored(qtbot, demo_db, runner, monkeypatch):
    page = open_page(qtbot, demo_db, runner)
    release = threading.Event()
    real_load = controller_module.load_dashboard

    def slow_for_24(database, period, *args, **kw):
        if period is PeriodChoice.LAST_24:
            assert release.wait(30), "the test never released the slow request"
        return real_load(database, period, *args, **kw)

    monkeypatch.setattr(controller_module, "load_dashboard", slow_for_24)
    combo = page.period_selector.combo
    loads = []
    page.loaded.connect(lambda: loads.append(page.data().period))

    combo.setCurrentIndex(combo.findData(PeriodChoice.LAST_24.value))  # slow, will be superseded
    assert page.is_loading()
    qtbot.waitUntil(lambda: page.loading_label.isVisibleTo(page), timeout=2000)  # after a short delay
    assert len(page.chart.bar_heights()) == 12  # old figures stay while loading

    choose(qtbot, page, combo, PeriodChoice.LAST_6.value)
    assert not page.is_loading()
    assert not page.loading_label.isVisibleTo(page)
    release.set()
    assert runner.wait(30_000)
    qtbot.wait(100)  # let the late answer's queued signal arrive
    assert loads == [PeriodChoice.LAST_6]
    assert len(page.chart.bar_heights()) == 6
    assert page.data().period is PeriodChoice.LAST_6
    assert_chart_matches(page, expected_report(demo_db, 6))


# --- look and start-up --------------------------------------------------------------------


def test_screenshot_at_1366x768(qtbot, demo_db, runner, tmp_path):
    page = open_page(qtbot, demo_db, runner)
    choose(qtbot, page, page.period_selector.combo, PeriodChoice.LAST_24.value)
    image = page.grab().toImage()
    assert (image.width(), image.height()) == (1366, 768)
    assert page.grab().save(str(tmp_path / "dashboard.png"))
    # Every month of 24 keeps a readable label (every month or every other one).
    assert page.chart.month_axis.step in (1, 2)
    # The cards fit side by side without being squeezed below their size hints.
    for card in page.cards.cards():
        if card.isVisibleTo(page):
            assert card.width() >= card.minimumSizeHint().width()


def test_page_module_does_not_import_pyqtgraph():
    code = (
        "import sys; import livestream_desk.ui.dashboard.page; "
        "sys.exit(1 if 'pyqtgraph' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_chart_is_created_only_when_figures_arrive(qtbot, demo_db, runner):
    page = DashboardPage(demo_db, runner)
    qtbot.addWidget(page)
    assert page.chart is None
    assert runner.active() == 0  # nothing queried before the page is shown
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
        page.show()
    assert page.chart is not None
    chart = page.chart
    choose(qtbot, page, page.period_selector.combo, PeriodChoice.LAST_6.value)
    assert page.chart is chart  # made once, data swapped


def test_aligned_ranges_share_the_zero():
    from livestream_desk.ui.dashboard.chart import aligned_ranges

    for bars, growth in [((0, 100), (-20, 50)), ((0, 5), (10, 300)), ((0, 0), (None, None)), ((-5, 50), (-90, 0))]:
        (b0, b1), (g0, g1) = aligned_ranges(*bars, *growth)
        assert b0 < b1 and g0 < g1
        assert b0 <= min(bars[0], 0) and b1 >= bars[1]
        if growth[0] is not None:
            assert g0 <= growth[0] and g1 >= growth[1]
        assert math.isclose(-b0 / (b1 - b0), -g0 / (g1 - g0), rel_tol=1e-9)
