"""The reports page on demo data: figures equal the services', 合计 rows, sorting, the newest
month first, drill-down, exports with Chinese headers, charts."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt

from livestream_desk.domain.money import format_display
from livestream_desk.domain.period import Month
from livestream_desk.services.reports import (
    ReportPeriod,
    livestreams_for,
    monthly_report,
    period_report,
    report_span,
)
from livestream_desk.ui.reports import ReportsPage
from livestream_desk.ui.reports.table import SORT_ROLE
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def make_page(qtbot):
    runners = []

    def make(database):
        runner = TaskRunner()
        runners.append(runner)
        page = ReportsPage(database, runner)
        qtbot.addWidget(page)
        page.resize(1366, 700)
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            page.show()
        return page

    yield make
    for runner in runners:
        runner.wait(10_000)


def _load(qtbot, page, period):
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_period(period)
    assert not page.controller.is_loading()


def test_opens_on_the_newest_month_with_the_newest_month_first(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    first, last = report_span(demo_db)
    assert page.data().period == ReportPeriod.month(last)
    assert page.period_bar.month_edit.text() == str(last)
    months = page.tables["month"].column_texts("month")
    assert months[0] == str(last)  # newest first: visible without scrolling
    assert months == sorted(months, reverse=True)
    view = page.tables["month"].view
    assert view.rowAt(0) == 0 and view.indexAt(QPoint(5, 5)).data() == str(last)
    # The chart's last bar is the newest month as well.
    assert page.charts.bars.series.months[-1] == last
    assert page.tabs.tabText(0) == "图表"


def test_platform_breakdown_equals_the_service_and_has_a_total_row(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    period = ReportPeriod.year(2026)
    _load(qtbot, page, period)
    expected = period_report(demo_db, period)
    table = page.tables["platform"]
    assert table.column_texts("net_sales", SORT_ROLE) == [row.net_sales_fen for row in expected.platforms]
    assert table.column_texts("net_sales") == [format_display(row.net_sales_fen) for row in expected.platforms]
    assert table.column_texts("platform")[0] in {"抖音", "快手", "视频号", "淘宝直播", "京东直播", "拼多多", "其他"}
    # The 合计 footer: the period's figures, under the rows, labelled in Chinese.
    assert not table.footer.isHidden() and table.totals.rowCount() == 1
    assert table.total_text("platform") == "合计"
    assert table.total_text("net_sales") == format_display(expected.figures.net_sales_fen)
    assert table.total_text("orders") == f"{expected.figures.orders:,}"
    assert table.total_text("share") == "100.0%"
    # The summary strip shows the same net sales and the comparisons.
    assert page.summary.cards["net_sales_fen"].value_label.toolTip() == format_display(expected.figures.net_sales_fen)
    assert "2025" in page.compare_label.text() and "2026" in page.compare_label.text()


def test_product_and_producer_tables_equal_the_service(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    period = ReportPeriod.quarter(2026, 3)
    _load(qtbot, page, period)
    expected = period_report(demo_db, period)
    products = page.tables["product"]
    assert products.column_texts("units", SORT_ROLE) == [row.units for row in expected.products.all_rows]
    assert products.column_texts("name")[-1] == "其他"  # the OTHERS row below the top 10
    producers = page.tables["producer"]
    assert producers.column_texts("net_sales", SORT_ROLE) == [r.net_sales_fen for r in expected.producers.all_rows]
    headers = [producers.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(producers.proxy.columnCount())]
    assert headers[0] == "生产者"


def test_sorting_is_numeric_and_keeps_the_total_row_last(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    _load(qtbot, page, ReportPeriod.year(2026))
    table = page.tables["livestream"]
    page.tabs.setCurrentWidget(table)
    header = table.view.horizontalHeader()
    column = table.model.column_index("gpm")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == column
    values = table.column_texts("gpm", SORT_ROLE)
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert values == sorted(values, reverse=not ascending)
    table.view.sortByColumn(table.model.column_index("net_sales"), Qt.SortOrder.AscendingOrder)
    nets = table.column_texts("net_sales", SORT_ROLE)
    assert nets == sorted(nets)
    texts = table.column_texts("net_sales")
    assert sorted(texts) != texts  # text order would differ: numbers sort as numbers
    # The 合计 row is not one of the sorted rows.
    assert "合计" not in table.column_texts("title")


def test_clicking_a_row_drills_down_to_its_livestreams(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    period = ReportPeriod.quarter(2026, 3)
    _load(qtbot, page, period)
    table = page.tables["platform"]
    page.tabs.setCurrentWidget(table)
    platform = table.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 2).platform
    rect = table.view.visualRect(table.proxy.index(0, 0))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.drill_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=20_000)
    expected = livestreams_for(demo_db, period, platform=platform)
    assert dialog.livestreams.model.rows == list(expected)
    assert len(expected) > 0
    assert sorted(dialog.livestream_titles()) == sorted(row.title for row in expected)


def test_clicking_a_month_bar_drills_down_to_the_month(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    bars = page.charts.bars
    index = len(bars.series.months) - 2
    month = bars.series.months[index]
    bars.plot_widget.resize(900, 300)
    scene_pos = bars.scene_pos_of_month(index)
    assert bars.index_at(scene_pos) == index
    bars.click_month(index)
    dialog = page.drill_dialog
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=20_000)
    expected = livestreams_for(demo_db, ReportPeriod.month(month))
    assert [row.livestream_id for row in dialog.livestreams.model.rows] == [r.livestream_id for r in expected]
    assert dialog.target.period == ReportPeriod.month(month)


def test_monthly_table_matches_the_monthly_report(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    _load(qtbot, page, ReportPeriod.year(2025))
    expected = monthly_report(demo_db, Month(2025, 1), Month(2025, 12))
    table = page.tables["month"]
    assert table.column_texts("net_sales", SORT_ROLE) == [r.net_sales_fen for r in reversed(expected.rows)]
    assert table.total_text("net_sales") == format_display(page.data().report.figures.net_sales_fen)


def test_table_export_writes_chinese_headers_and_the_total_row(qtbot, make_page, demo_db, tmp_path):
    page = make_page(demo_db)
    path = page.export_table(tmp_path / "platforms.csv", key="platform")
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:3] == ["平台", "净成交", "成交金额(GMV)"]
    assert rows[-1][0] == "合计"
    figures = page.data().report.figures
    assert rows[-1][1] == f"{figures.net_sales_fen / 100:.2f}"
    xlsx = page.export_table(tmp_path / "platforms.xlsx", key="platform")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.cell(1, 1).value == "平台"
    assert isinstance(sheet.cell(2, 2).value, (int, float))
    assert sheet.cell(2, 2).number_format == "#,##0.00"


def test_charts_can_be_saved_as_png(qtbot, make_page, demo_db, tmp_path):
    page = make_page(demo_db)
    path = page.save_charts(tmp_path / "charts.png")
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull() and image.width() > 300
    data = page.data()
    assert page.charts.bars.month_totals() == [data.series.month_total(i) for i in range(len(data.series.months))]


def test_total_rows_of_the_breakdowns_hosts_and_livestreams_are_the_services(qtbot, make_page, demo_db):
    period = ReportPeriod.year(2025)
    page = make_page(demo_db)
    _load(qtbot, page, period)
    report = page.data().report
    for key, breakdown in (("category", report.categories), ("product", report.products),
                           ("origin", report.origins), ("producer", report.producers)):
        table = page.tables[key]
        assert not table.footer.isHidden()
        assert table.total_text("net_sales") == format_display(breakdown.total.net_sales_fen), key
        assert table.total_text("units") == f"{breakdown.total.units:,}", key
        assert breakdown.total.net_sales_fen == report.figures.net_sales_fen  # every line of the period
    streams = report.livestream_totals
    assert streams.orders == sum(row.orders for row in report.livestreams)
    for key in ("host", "livestream"):
        table = page.tables[key]
        assert not table.footer.isHidden()
        assert table.total_text("net_sales") == format_display(streams.net_sales_fen), key
        assert table.total_text("orders") == f"{streams.orders:,}", key
    assert page.tables["host"].total_text("livestreams") == f"{len(report.livestreams):,}"
    assert page.tables["livestream"].total_text("title") in (None, "")  # names are not summed
