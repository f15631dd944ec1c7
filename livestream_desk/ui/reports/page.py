"""报表 Reports: a period (month, quarter, year, custom) against the previous period and the
same period last year; charts; breakdowns by platform, category, product, origin, producer
(助农) and host; the livestream ranking; drill-down; targets; Excel / PDF / 战报 exports.

Layout only: the ReportsController decides what to load and which answer is current, and
every figure comes from services.reports (the tables show the services' rows as they are).
The page opens on the newest month with sales; the monthly table lists the newest month first.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...domain.period import Month
from ...services.reports import GroupRow, PlatformRow, ReportPeriod, Sums
from ..widgets.mnemonics import button_text
from ..dashboard import texts
from ..errors import report_error
from ..operation import PageOp
from ..page import Page, PageMenus
from ..tasks import TaskRunner
from ..widgets.flow_layout import FlowBar
from . import model as tables
from .controller import DrillData, ReportsController, ReportsData, drill_target
from .period_bar import PeriodBar
from .summary_strip import SummaryStrip
from .table import ReportTable

log = logging.getLogger(__name__)

SETTINGS_TAB = "reports/tab"


class ReportsPage(Page):
    """`ReportsPage(database, task_runner, parent)`; `loaded` each time new figures are on screen."""

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("reportsPage")
        self.controller = ReportsController(self, self)
        self.charts = None  # ReportCharts, made with the first figures (imports pyqtgraph)
        self.drill_dialog = None
        self.card_dialog = None
        self.targets_dialog = None
        self._started = False

        # --- the bar: period, comparisons, actions ----------------------------------------
        self.period_bar = PeriodBar(self)
        self.compare_label = QLabel(self)
        self.compare_label.setObjectName("compareLabel")
        self.compare_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        self.loading_label = QLabel(self.tr("Loading…"), self)
        self.loading_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        policy = self.loading_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.loading_label.setSizePolicy(policy)
        self.loading_label.hide()

        self.targets_action = QAction(self.tr("Set &targets…"), self)
        self.targets_action.setToolTip(self.tr("Net sales targets per month (and platform)"))
        self.card_action = QAction(self.tr("Monthly results card…"), self)
        self.card_action.setToolTip(self.tr("A phone-sized picture of the month's results to share"))
        self.excel_action = QAction(self.tr("Export &Excel…"), self)
        self.excel_action.setShortcut(QKeySequence("Ctrl+E"))
        self.excel_action.setToolTip(self.tr("The period's report as an Excel workbook"))
        self.pdf_action = QAction(self.tr("Export &PDF…"), self)
        self.pdf_action.setToolTip(self.tr("The period's report as an A4 PDF"))
        self.table_action = QAction(self.tr("Export this &table (CSV / Excel)…"), self)
        self.table_action.setToolTip(self.tr("The table on screen, with its headers and total row"))
        self.copy_chart_action = QAction(self.tr("&Copy charts"), self)
        self.copy_chart_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.save_chart_action = QAction(self.tr("Save charts as &PNG…"), self)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        for action in self._data_actions():
            action.setEnabled(False)

        self.targets_button = self._button(self.targets_action, "targetsButton")
        self.card_button = self._button(self.card_action, "monthCardButton")
        self.excel_button = self._button(self.excel_action, "excelButton")
        self.pdf_button = self._button(self.pdf_action, "pdfButton")
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        more.addActions([self.table_action, self.copy_chart_action, self.save_chart_action])
        self.more_button.setMenu(more)

        # One line at 1366×768; wraps in a narrower window instead of squeezing the period.
        bar = FlowBar(self)
        bar.setObjectName("reportsToolbar")
        bar.add(self.period_bar)
        bar.add(self.loading_label, stretch=True)
        for widget in (self.targets_button, self.card_button, self.excel_button, self.pdf_button, self.more_button):
            bar.add(widget)

        # --- figures, charts, tables -----------------------------------------------------
        self.summary = SummaryStrip(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.tabs.setDocumentMode(True)
        self.charts_holder = QWidget(self)
        self.charts_layout = QVBoxLayout(self.charts_holder)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.charts_holder, self.tr("Charts"))
        self.tables: dict[str, ReportTable] = {}
        for key, title, make in (
            ("month", self.tr("By month"), tables.month_model),
            ("platform", self.tr("Platforms"), tables.platform_model),
            ("category", self.tr("Categories"), tables.category_model),
            ("product", self.tr("Products"), tables.product_model),
            ("origin", self.tr("Origins"), tables.origin_model),
            ("producer", self.tr("Producers (farm support)"), tables.producer_model),
            ("host", self.tr("Hosts"), tables.host_model),
            ("livestream", self.tr("Livestream ranking"), tables.livestream_model),
        ):
            table = ReportTable(make(self), f"{key}Table", self)
            table.rowActivated.connect(lambda row, k=key: self.drill(k, row))
            self.tables[key] = table
            self.tabs.addTab(table, title)
        self.tables["month"].view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the newest month first
        self.tables["livestream"].view.sortByColumn(
            self.tables["livestream"].model.column_index("net_sales"), Qt.SortOrder.DescendingOrder)
        for key in ("platform", "category", "product", "origin", "producer", "host"):
            table = self.tables[key]
            table.view.sortByColumn(table.model.column_index("net_sales"), Qt.SortOrder.DescendingOrder)

        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(6)
        content_layout.addWidget(self.summary)
        content_layout.addWidget(self.tabs, 1)
        self.empty_label = QLabel(
            self.tr("No sales recorded yet. The Dashboard page can load demo data to try the app."), self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.first_load = QLabel(self.tr("Loading…"), self)
        self.first_load.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        for widget in (self.first_load, self.content, self.empty_label):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(bar)
        layout.addWidget(self.compare_label)
        layout.addWidget(self.stack, 1)

        # --- wiring ------------------------------------------------------------------------
        self.period_bar.period_changed.connect(self.controller.set_period)
        self.controller.data_ready.connect(self._show_data)
        self.controller.failed.connect(self._on_failed)
        self.controller.loading_changed.connect(self._on_loading_changed)
        self.targets_action.triggered.connect(self.open_targets)
        self.card_action.triggered.connect(self.open_month_card)
        self.excel_action.triggered.connect(lambda: self.export_excel())
        self.pdf_action.triggered.connect(lambda: self.export_pdf())
        self.table_action.triggered.connect(lambda: self.export_table())
        self.copy_chart_action.triggered.connect(self.copy_charts)
        self.save_chart_action.triggered.connect(lambda: self.save_charts())
        self.refresh_action.triggered.connect(self.refresh)

    def _button(self, action: QAction, name: str) -> QPushButton:
        button = QPushButton(button_text(action.text()), self)
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def _data_actions(self) -> list[QAction]:
        return [self.card_action, self.excel_action, self.pdf_action, self.table_action,
                self.copy_chart_action, self.save_chart_action]

    # --- the page interface ------------------------------------------------------------
    def editing_controls(self) -> list:
        return [self.targets_action]

    def menu_actions(self) -> PageMenus:
        return PageMenus(file=[self.excel_action, self.pdf_action, self.table_action],
                         edit=[self.copy_chart_action, self.save_chart_action, None, self.targets_action])

    def refresh(self) -> None:
        self._started = True
        self.controller.refresh()

    def first_shown(self) -> None:
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self.controller.refresh)  # after the first paint

    def is_loading(self) -> bool:
        return self.controller.is_loading() or self.busy_counter.is_busy()

    def data(self) -> Optional[ReportsData]:
        return self.controller.data

    def set_period(self, period: ReportPeriod) -> None:
        """Show `period` (as if picked in the bar) and load it at once."""
        self.period_bar.set_period(period, emit=False)
        self.controller.set_period(period, at_once=True)

    def save_view_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_TAB, self.tabs.currentIndex())

    def restore_view_state(self, settings: QSettings) -> None:
        index = settings.value(SETTINGS_TAB, 0, type=int)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # --- drawing -------------------------------------------------------------------------
    def _on_loading_changed(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)

    def _on_failed(self, exc: BaseException) -> None:
        if self.stack.currentWidget() is self.first_load:
            self.first_load.setText(self.tr("The report could not be loaded."))
        report_error(self, exc, self.tr("Could not load the report"))
        self.loaded.emit()

    def _show_data(self, data: ReportsData) -> None:
        self.period_bar.set_period(data.period, emit=False)
        if data.latest_month is None:
            self.stack.setCurrentWidget(self.empty_label)
            for action in self._data_actions():
                action.setEnabled(False)
            self.compare_label.setText("")
            self.loaded.emit()
            return
        report = data.report
        period = data.period
        self.compare_label.setText(
            self.tr("%1 · compared with the previous period (%2) and the same period last year (%3)")
            .replace("%1", period.label).replace("%2", period.previous().label).replace("%3", period.year_ago().label)
        )
        self.summary.show_summary(report.summary, report.targets)
        figures = report.figures
        self._fill("month", data.trend.rows, data.trend_totals)
        platform_total = PlatformRow("", figures.gmv_fen, figures.refunds_fen, figures.orders, figures.units,
                                     figures.livestreams, _whole(figures.net_sales_fen))
        self._fill("platform", report.platforms, platform_total)
        for key, breakdown in (("category", report.categories), ("product", report.products),
                               ("origin", report.origins), ("producer", report.producers)):
            self._fill(key, breakdown.all_rows, _group_total(breakdown))
        streams_total = report.livestream_totals
        self._fill("host", report.hosts, streams_total)
        self._fill("livestream", report.livestreams, streams_total)
        self._ensure_charts().show_data(data.series, data.trend.rows, report.platforms, report.cumulative)
        for action in self._data_actions():
            action.setEnabled(True)
        self.card_action.setEnabled(True)
        self.stack.setCurrentWidget(self.content)
        self.loaded.emit()

    def _fill(self, key: str, rows, total) -> None:
        table = self.tables[key]
        table.model.set_rows(rows, total)
        header = table.view.horizontalHeader()
        table.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _ensure_charts(self):
        if self.charts is None:
            from .charts import ReportCharts  # imports pyqtgraph: only with the first figures

            self.charts = ReportCharts(self.charts_holder)
            self.charts.bars.month_clicked.connect(self.drill_month)
            self.charts_layout.addWidget(self.charts)
        return self.charts

    # --- drill-down ------------------------------------------------------------------------
    def drill_month(self, month: Month) -> None:
        rows = {row.month: row for row in self.controller.data.trend.rows} if self.controller.data else {}
        if month in rows:
            self.drill("month", rows[month])

    def drill(self, kind: str, row) -> None:
        data = self.controller.data
        if data is None or row is None:
            return
        table = self.tables[kind]
        title_column = 1 if kind == "livestream" else 0
        name = table.model.cell(row, title_column, Qt.ItemDataRole.DisplayRole)
        title = name if kind == "month" else f"{name} · {data.period.label}"
        target = drill_target(kind, row, data.period, title)
        if target is None:
            self.show_message(self.tr("This row has no single key to show details of."))
            return
        from .drill_dialog import DrillDownDialog

        if self.drill_dialog is not None:
            self.drill_dialog.close()
        dialog = DrillDownDialog(target, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.card_requested.connect(self.open_livestream_card)
        dialog.destroyed.connect(lambda *_: setattr(self, "drill_dialog", None))
        self.drill_dialog = dialog
        dialog.show()
        self.controller.drill(target, lambda answer, d=dialog: self._drill_loaded(d, answer))

    def _drill_loaded(self, dialog, answer: DrillData) -> None:
        if dialog is self.drill_dialog:
            dialog.show_data(answer)

    # --- targets -----------------------------------------------------------------------------
    def open_targets(self) -> None:
        from .targets_dialog import TargetsDialog

        data = self.controller.data
        year = data.period.last.year if data is not None else Month.current().year
        dialog = TargetsDialog(self.database, self.task_runner, year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._targets_saved)
        self.targets_dialog = dialog
        dialog.open()
        return dialog

    def _targets_saved(self) -> None:
        self.show_message(self.tr("Targets saved"))
        self.databaseChanged.emit()
        self.refresh()

    # --- 战报 cards ----------------------------------------------------------------------------
    def open_month_card(self) -> None:
        data = self.controller.data
        if data is None:
            return
        from ..cards.dialog import CardDialog

        self.card_dialog = CardDialog.for_month(self, data.period.last)

    def open_livestream_card(self, livestream_id: int) -> None:
        from ..cards.dialog import CardDialog

        self.card_dialog = CardDialog.for_livestream(self, livestream_id)

    # --- exports -------------------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, filters: str) -> Optional[Path]:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filters)
        return Path(chosen) if chosen else None

    def export_excel(self, path: Optional[Path] = None) -> Optional[PageOp]:
        data = self.controller.data
        if data is None:
            return None
        if path is None:
            path = self._ask_path(self.tr("Export the report"), f"report-{data.period.label}.xlsx",
                                  self.tr("Excel workbooks (*.xlsx)"))
            if path is None:
                return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        from ...services.reports.workbook import save_report_workbook

        report = data.report
        return PageOp(self, lambda db, task: save_report_workbook(db, report, path, progress=task.progress,
                                                                  cancelled=task.cancelled),
                      with_task=True, label=self.tr("Exporting the report…"), title=self.tr("Cannot export"),
                      success=lambda _n: self.show_message(self.tr("Report saved to %1").replace("%1", str(path))),
                      ).run()

    def export_pdf(self, path: Optional[Path] = None) -> Optional[PageOp]:
        data = self.controller.data
        if data is None:
            return None
        if path is None:
            path = self._ask_path(self.tr("Export the report"), f"report-{data.period.label}.pdf",
                                  self.tr("PDF files (*.pdf)"))
            if path is None:
                return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from ..exports.report_pdf import render_report_pdf

        report = data.report
        return PageOp(self, lambda _db: render_report_pdf(report, path),
                      label=self.tr("Exporting the report…"), title=self.tr("Cannot export"),
                      success=lambda _p: self.show_message(self.tr("Report saved to %1").replace("%1", str(path))),
                      ).run()

    def current_table(self) -> Optional[ReportTable]:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ReportTable) else None

    def export_table(self, path: Optional[Path] = None, key: Optional[str] = None) -> Optional[Path]:
        """The table on screen (or `key`'s) as CSV or Excel, with the headers people read."""
        table = self.tables[key] if key else self.current_table()
        data = self.controller.data
        if table is None or data is None:
            self.show_message(self.tr("Pick a table tab to export."))
            return None
        title = self.tabs.tabText(self.tabs.indexOf(table))
        if path is None:
            path = self._ask_path(self.tr("Export the table"), f"{title}-{data.period.label}.xlsx",
                                  self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"))
            if path is None:
                return None
        from .table_export import save_table

        headers, rows, formats = table.model.export_table(table.proxy)
        try:
            path = save_table(path, title, headers, rows, formats)
        except OSError as exc:
            report_error(self, exc)
            return None
        self.show_message(self.tr("Table saved to %1").replace("%1", str(path)))
        return path

    def chart_pixmap(self) -> Optional[QPixmap]:
        return self.charts.grab() if self.charts is not None else None

    def copy_charts(self) -> None:
        pixmap = self.chart_pixmap()
        if pixmap is not None:
            QGuiApplication.clipboard().setPixmap(pixmap)
            self.show_message(self.tr("Charts copied"))

    def save_charts(self, path: Optional[Path] = None) -> Optional[Path]:
        pixmap = self.chart_pixmap()
        data = self.controller.data
        if pixmap is None or data is None:
            return None
        if path is None:
            path = self._ask_path(self.tr("Save the charts"), f"charts-{data.period.label}.png",
                                  self.tr("PNG images (*.png)"))
            if path is None:
                return None
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not pixmap.save(str(path), "PNG"):
            report_error(self, OSError(5, "could not write the image", str(path)))
            return None
        self.show_message(self.tr("Charts saved to %1").replace("%1", str(path)))
        return path


def _whole(net_fen: int):
    """The 合计 row's share: all of the period's net sales (none when there are none)."""
    from decimal import Decimal

    return Decimal(1) if net_fen else None


def _group_total(breakdown) -> GroupRow:
    """The 合计 row of a breakdown: the service's total of all its rows."""
    total: Sums = breakdown.total
    return GroupRow(None, "", total, _whole(total.net_sales_fen), products=0)


__all__ = ["ReportsPage"]
