"""Money on the dashboard in the window's language (issue 7 item 20): 万 / 亿 in Chinese,
k / M in English, on the cards and on the chart's axis; no Chinese left in English."""
from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from livestream_desk import i18n
from livestream_desk.domain.money import format_short
from livestream_desk.ui.dashboard.page import DashboardPage
from livestream_desk.ui.tasks import TaskRunner

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def runner(qtbot):
    task_runner = TaskRunner()
    yield task_runner
    task_runner.cancel_all()
    assert task_runner.wait(60_000)
    QApplication.processEvents()
    shiboken6.delete(task_runner)


def open_page(qtbot, database, runner) -> DashboardPage:
    page = DashboardPage(database, runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.show()
    return page


def axis_labels(page: DashboardPage) -> list[str]:
    axis = page.chart.money_axis
    low, high = page.chart.plot.getViewBox().viewRange()[1]
    ticks = axis.tickValues(low, high, axis.geometry().height() or 400)
    labels = []
    for spacing, values in ticks:
        labels.extend(axis.tickStrings(values, 1.0, spacing))
    return [label for label in labels if label and label != "0"]


@pytest.mark.parametrize(
    "lang, unit, other_units",
    [(i18n.ENGLISH, ("k", "M"), ("万", "亿")), (i18n.CHINESE, ("万", "亿"), ("k", "M"))],
)
def test_cards_and_axis_use_the_languages_units(qtbot, qapp, demo_db, runner, lang, unit, other_units):
    i18n.install_translators(qapp, lang)
    page = open_page(qtbot, demo_db, runner)
    figures = page.data().report.latest
    net = page.cards.net.value_label.text()
    assert net == format_short(figures.net_sales_fen, lang)
    assert net.endswith(unit), net  # demo months are well over ¥10,000
    assert not any(other in net for other in other_units)
    labels = axis_labels(page)
    assert labels, "the money axis has ticks"
    assert any(label.endswith(unit) for label in labels), labels
    assert not any(other in label for label in labels for other in other_units), labels
    if lang == i18n.ENGLISH:
        visible = [page.cards.net.extra_label.text(), page.cards.average.value_label.text(), *labels]
        assert not any(CJK.search(text) for text in visible), visible


@pytest.mark.parametrize(
    "fen, chinese, english",
    [
        (98_000, "¥980.00", "¥980.00"),
        (999_999, "¥9,999.99", "¥9,999.99"),  # under ¥10,000: in full in both
        (5_541_600, "¥5.5万", "¥55.4k"),
        (99_995_000, "¥100.0万", "¥1.0M"),  # 999.95k rounds up to the next unit
        (9_500_000_000, "¥9500.0万", "¥95.0M"),
        (12_000_000_000, "¥1.2亿", "¥120.0M"),
        (-5_541_600, "-¥5.5万", "-¥55.4k"),
    ],
)
def test_compact_money_by_language(fen, chinese, english):
    assert format_short(fen) == format_short(fen, "zh_CN") == chinese
    assert format_short(fen, "en") == english
