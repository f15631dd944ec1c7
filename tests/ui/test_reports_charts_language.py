"""The report charts' axes speak the window's language: 万 and 3月 in Chinese, k and Mar in
English (no Chinese left in the English window)."""
from __future__ import annotations

from livestream_desk import i18n
from livestream_desk.ui.reports.charts import CumulativeChart, PlatformBarsChart, month_tick


def test_axes_in_english_and_chinese(qtbot, qapp):
    i18n.install_translators(qapp, "en")
    chart = PlatformBarsChart()
    qtbot.addWidget(chart)
    assert chart.money_axis.tickStrings([50_000, 100_000], 1, 50_000) == ["50k", "100k"]
    cumulative = CumulativeChart()
    qtbot.addWidget(cumulative)
    assert cumulative.money_axis.tickStrings([200_000, 400_000], 1, 200_000) == ["200k", "400k"]
    assert [month_tick(m) for m in (1, 3, 12)] == ["Jan", "Mar", "Dec"]

    i18n.install_translators(qapp, "zh_CN")
    chart = PlatformBarsChart()
    qtbot.addWidget(chart)
    assert chart.money_axis.tickStrings([50_000, 100_000], 1, 50_000) == ["5万", "10万"]
    assert [month_tick(m) for m in (1, 3, 12)] == ["1月", "3月", "12月"]
