"""The Reports page: the figures of monthly_report(), numeric sorting, filters, CSV export."""
from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from livestream_desk.domain.money import format_display
from livestream_desk.domain.period import Month
from livestream_desk.services.report_export import MONTHLY_CSV_COLUMNS, monthly_report_csv_rows
from livestream_desk.services.reports import monthly_report
from livestream_desk.ui.reports import ReportsPage
from livestream_desk.ui.reports.model import SORT_ROLE, MonthlyReportModel
from livestream_desk.ui.tasks import TaskRunner


@pytest.fixture
def make_page(qtbot):
    runners = []

    def make(database):
        runner = TaskRunner()
        runners.append(runner)
        page = ReportsPage(database, runner)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.show()
        return page

    yield make
    for runner in runners:
        runner.wait(5000)


def _column(page, column, role=Qt.ItemDataRole.DisplayRole):
    proxy = page.proxy
    return [proxy.data(proxy.index(row, column), role) for row in range(proxy.rowCount())]


def _wait_loaded(qtbot, page, action):
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action()
    assert not page.is_loading()


def test_figures_equal_the_report_service(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    expected = monthly_report(sales_db)
    assert page.report() == expected
    assert len(expected.rows) == 22
    model = MonthlyReportModel
    assert _column(page, model.MONTH) == [str(row.month) for row in expected.rows]
    assert _column(page, model.ORDERS) == [f"{row.orders:,}" for row in expected.rows]
    assert _column(page, model.UNITS) == [f"{row.units:,}" for row in expected.rows]
    assert _column(page, model.LIVESTREAMS) == [f"{row.livestreams:,}" for row in expected.rows]
    assert _column(page, model.GMV) == [format_display(row.gmv_fen) for row in expected.rows]
    assert _column(page, model.REFUNDS) == [format_display(row.refunds_fen) for row in expected.rows]
    assert _column(page, model.NET_SALES) == [format_display(row.net_sales_fen) for row in expected.rows]
    assert _column(page, model.NET_SALES, SORT_ROLE) == [row.net_sales_fen for row in expected.rows]
    growth = _column(page, model.GROWTH)
    assert growth[0] == "—"  # nothing sold in 2024-12
    assert all(text.endswith("%") for text in growth[1:])
    assert all(text.startswith(("+", "-")) or text == "0.0%" for text in growth[1:])
    # The range editors show the months of the report.
    assert page.from_edit.text() == "2025-01" and page.to_edit.text() == "2026-10"
    assert page.export_button.isEnabled()
    # Money and counts are right-aligned.
    index = page.proxy.index(0, model.NET_SALES)
    assert page.proxy.data(index, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    # Chinese headers.
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers[:8] == ["月份", "直播场次", "订单数", "件数", "成交金额(GMV)", "退款金额", "净成交", "环比增长"]


def test_target_progress_is_shown_where_a_target_is_set(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    targets = _column(page, MonthlyReportModel.TARGET)
    report = page.report()
    for text, row in zip(targets, report.rows):
        if row.target_fen is None:
            assert text == ""
        else:
            assert text.endswith("%")


def test_sorting_by_net_sales_is_numeric(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    header = page.table.horizontalHeader()
    column = MonthlyReportModel.NET_SALES
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == MonthlyReportModel.NET_SALES
    values = _column(page, MonthlyReportModel.NET_SALES, SORT_ROLE)
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        assert values == sorted(values)
    else:
        assert values == sorted(values, reverse=True)
    # Text order would differ ("¥9,…" > "¥10,…"): the test data makes sure of it.
    texts = _column(page, MonthlyReportModel.NET_SALES)
    assert sorted(texts) != [format_display(v) for v in sorted(values)]

    page.table.sortByColumn(MonthlyReportModel.NET_SALES, Qt.SortOrder.DescendingOrder)
    values = _column(page, MonthlyReportModel.NET_SALES, SORT_ROLE)
    assert values == sorted(values, reverse=True)

    page.table.sortByColumn(MonthlyReportModel.GROWTH, Qt.SortOrder.AscendingOrder)
    growth = _column(page, MonthlyReportModel.GROWTH, SORT_ROLE)
    assert growth == sorted(growth)
    assert _column(page, MonthlyReportModel.GROWTH)[0] == "—"  # empty growth sorts first


def test_platform_filter_changes_the_rows(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    combo = page.platform_combo
    assert combo.itemText(0) == "全部平台"
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["抖音", "快手", "视频号"]
    all_rows = page.report().rows

    _wait_loaded(qtbot, page, lambda: combo.setCurrentIndex(combo.findData("kuaishou")))
    expected = monthly_report(sales_db, platform="kuaishou")
    assert page.report() == expected
    assert page.report().rows != all_rows
    assert _column(page, MonthlyReportModel.NET_SALES) == [format_display(r.net_sales_fen) for r in expected.rows]
    assert "快手" in page.status_label.text()

    _wait_loaded(qtbot, page, lambda: page.set_platform("shipinhao"))
    assert page.report() == monthly_report(sales_db, platform="shipinhao")

    _wait_loaded(qtbot, page, lambda: page.set_platform(None))
    assert page.report().rows == all_rows


def test_month_range_selector(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    _wait_loaded(qtbot, page, lambda: page.set_range(Month(2025, 3), Month(2025, 8)))
    assert page.report() == monthly_report(sales_db, Month(2025, 3), Month(2025, 8))
    assert page.proxy.rowCount() == 6

    # Typing a month into the editor queries again after a short pause.
    edit = page.to_edit
    _wait_loaded(qtbot, page, lambda: edit.setDate(edit.date().addMonths(2)))
    assert str(page.report().range.last) == "2025-10"

    # A start after the end moves the end along.
    _wait_loaded(qtbot, page, lambda: page.from_edit.setDate(page.from_edit.date().addMonths(12)))
    assert page.report().range.first == page.report().range.last == Month(2026, 3)

    _wait_loaded(qtbot, page, lambda: qtbot.mouseClick(page.all_months_button, Qt.MouseButton.LeftButton))
    assert page.report() == monthly_report(sales_db)


def test_csv_export_writes_exactly_the_design_columns(qtbot, make_page, sales_db, tmp_path, monkeypatch):
    page = make_page(sales_db)
    target = tmp_path / "月报"
    asked = []

    def fake_dialog(parent, caption, start, file_filter):
        asked.append(start)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".csv")
    assert asked and asked[0].endswith("monthly-report-2025-01-to-2026-10.csv")
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == MONTHLY_CSV_COLUMNS
    assert rows[0] == "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct".split(",")
    assert rows == monthly_report_csv_rows(monthly_report(sales_db))
    assert len(rows) == 23
    first = rows[1]
    assert first[0] == "2025-01" and first[7] == ""
    for row in rows[1:]:
        for money in row[4:7]:
            assert money.replace("-", "").replace(".", "").isdigit() and money[-3] == "."
        assert row[7] == "" or len(row[7].split(".")[1]) == 1
    assert not list(tmp_path.glob("*.partial"))


def test_cancelling_the_export_dialog_writes_nothing(qtbot, make_page, sales_db, tmp_path, monkeypatch):
    page = make_page(sales_db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert page.export_csv() is None
    assert not list(tmp_path.glob("*.csv"))


def test_an_unwritable_export_target_is_a_plain_message(qtbot, make_page, sales_db, tmp_path, monkeypatch):
    page = make_page(sales_db)
    shown = []
    monkeypatch.setattr("livestream_desk.ui.reports.page.report_error", lambda parent, exc, *a, **k: shown.append(exc))
    assert page.export_csv(tmp_path / "no such folder" / "report.csv") is None
    (exc,) = shown
    assert isinstance(exc, OSError) and exc.filename


def test_empty_database_shows_the_empty_state(qtbot, make_page, db):
    page = make_page(db)
    assert page.report().rows == []
    assert page.empty_label.isVisible()
    assert not page.table.isVisible()
    assert "演示数据" in page.empty_label.text()
    assert not page.export_button.isEnabled()


def test_a_failing_query_is_reported(qtbot, make_page, sales_db, monkeypatch):
    from livestream_desk.services.errors import UserError

    page = make_page(sales_db)
    shown = []
    monkeypatch.setattr("livestream_desk.ui.reports.page.report_error", lambda parent, exc, *a, **k: shown.append(exc))

    def broken(*_args, **_kwargs):
        raise UserError("the report cannot be made")

    monkeypatch.setattr("livestream_desk.ui.reports.page.monthly_report", broken)
    _wait_loaded(qtbot, page, page.refresh)
    assert [str(e) for e in shown] == ["the report cannot be made"]
    assert page.status_label.text() == "报表加载失败。"


def test_rows_have_a_fixed_height(qtbot, make_page, sales_db):
    page = make_page(sales_db)
    header = page.table.verticalHeader()
    heights = {header.sectionSize(row) for row in range(page.proxy.rowCount())}
    assert heights == {header.defaultSectionSize()}


def test_demo_database_figures_equal_the_service(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    assert page.report() == monthly_report(demo_db)
    assert len(page.report().rows) == 24
    names = [page.platform_combo.itemText(i) for i in range(page.platform_combo.count())]
    assert names[0] == "全部平台" and len(names) > 2
    assert all(not name.isascii() for name in names)  # every platform shown by its Chinese name
