"""报表 Reports: the monthly report as a sortable table, for a range of months and a platform,
with CSV export in exactly the format of DESIGN §7."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...domain.period import Month, MonthRange
from ...services.report_export import save_monthly_csv
from ...services.reports import MonthlyReport, monthly_report, platforms_with_sales
from ..errors import report_error
from ..operation import PageOp
from ..page import Page
from ..platforms import platform_name
from ..tasks import TaskContext, TaskRunner
from .model import SORT_ROLE, MonthlyReportModel

log = logging.getLogger(__name__)

EDIT_DELAY_MS = 300  # wait for the user to stop typing a month before querying


@dataclass(frozen=True)
class ReportRequest:
    first: Optional[Month]  # None/None: from the first to the last month with sales
    last: Optional[Month]
    platform: Optional[str]  # None = all platforms


@dataclass(frozen=True)
class ReportResult:
    request: ReportRequest
    report: MonthlyReport
    platforms: list[str]


def load_report(context: TaskContext, database: Database, request: ReportRequest) -> ReportResult:
    """Runs on a worker thread: the report and the platforms for the filter."""
    report = monthly_report(database, request.first, request.last, request.platform)
    context.raise_if_cancelled()
    return ReportResult(request, report, platforms_with_sales(database))


def month_to_date(month: Month) -> QDate:
    return QDate(month.year, month.month, 1)


def date_to_month(date: QDate) -> Month:
    return Month(date.year(), date.month())


class ReportsPage(Page):
    """The monthly report. `loaded` is emitted each time new figures are on screen."""

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("reportsPage")
        self._request_serial = 0
        self._auto_range = True  # follow the months that have sales until the user picks a range

        self.from_edit = self._month_edit()
        self.to_edit = self._month_edit()
        self.platform_combo = QComboBox(self)
        self.platform_combo.setMinimumContentsLength(8)
        self.platform_combo.addItem(self.tr("All platforms"), "")
        self.all_months_button = QPushButton(self.tr("All months"), self)
        self.all_months_button.setToolTip(self.tr("From the first to the last month with sales"))
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("Save the report as a CSV file that Excel opens"))
        self.export_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.all_months_button)
        filters.addSpacing(16)
        filters.addWidget(QLabel(self.tr("Platform"), self))
        filters.addWidget(self.platform_combo)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.model = MonthlyReportModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MonthlyReportModel.MONTH, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        horizontal.setHighlightSections(False)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reportStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.status_label)

        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_DELAY_MS)
        self._edit_timer.timeout.connect(self.refresh)

        self.from_edit.dateChanged.connect(self._on_from_changed)
        self.to_edit.dateChanged.connect(self._on_to_changed)
        self.platform_combo.currentIndexChanged.connect(self._on_platform_changed)
        self.all_months_button.clicked.connect(self.show_all_months)
        self.export_button.clicked.connect(self.export_csv)

        current = Month.current()
        self._set_range_quietly(MonthRange(current, current))

    def _month_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(False)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2099, 12, 31))
        edit.setCurrentSection(QDateEdit.Section.MonthSection)
        return edit

    # --- state --------------------------------------------------------
    def is_loading(self) -> bool:
        """True while a query is waiting or running (screenshots and tests wait on this)."""
        return self.is_busy() or self._edit_timer.isActive()

    def current_request(self) -> ReportRequest:
        platform = self.platform_combo.currentData() or None
        if self._auto_range:
            return ReportRequest(None, None, platform)
        return ReportRequest(date_to_month(self.from_edit.date()), date_to_month(self.to_edit.date()), platform)

    def report(self) -> Optional[MonthlyReport]:
        return self.model.report()

    # --- loading ------------------------------------------------------
    def first_shown(self) -> None:
        QTimer.singleShot(0, self.refresh)  # after the page has been painted once

    def refresh(self) -> None:
        """Query the report for the current range and platform (in the background)."""
        self._edit_timer.stop()
        self._request_serial += 1
        serial = self._request_serial
        request = self.current_request()
        self.status_label.setText(self.tr("Loading…"))
        PageOp(
            self, lambda db, task: load_report(task, db, request), with_task=True,
            success=lambda result, s=serial: self._on_loaded(s, result),
            failure=lambda exc, s=serial: self._on_failed(s, exc),
            cancelled=lambda s=serial: self._on_failed(s, None),
        ).run()

    def _on_loaded(self, serial: int, result: ReportResult) -> None:
        if serial != self._request_serial:
            return  # a newer request is on its way; this answer is stale
        self._fill_platforms(result.platforms)
        report = result.report
        if report.range is not None:
            self._set_range_quietly(report.range)
        self.model.set_report(report)
        has_rows = bool(report.rows)
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        if not has_rows:
            self.empty_label.setText(
                self.tr("No sales recorded yet. The Dashboard page can load demo data to try the app.")
            )
        self.export_button.setEnabled(has_rows)
        self.status_label.setText(self._summary_text(report))
        self.loaded.emit()

    def _on_failed(self, serial: int, exc: Optional[BaseException]) -> None:
        if serial != self._request_serial:
            return
        self.status_label.setText(self.tr("The report could not be loaded."))
        if exc is not None:
            report_error(self, exc)
        self.loaded.emit()

    def _summary_text(self, report: MonthlyReport) -> str:
        if report.range is None or not report.rows:
            return ""
        platform = platform_name(report.platform) if report.platform else self.tr("all platforms")
        return self.tr("{count} months, {first} to {last}, {platform}").format(
            count=len(report.rows), first=report.range.first, last=report.range.last, platform=platform
        )

    def _fill_platforms(self, platforms: list[str]) -> None:
        chosen = self.platform_combo.currentData() or ""
        known = [self.platform_combo.itemData(i) for i in range(1, self.platform_combo.count())]
        if known == platforms:
            return
        self.platform_combo.blockSignals(True)
        try:
            while self.platform_combo.count() > 1:
                self.platform_combo.removeItem(1)
            for code in platforms:
                self.platform_combo.addItem(platform_name(code), code)
            index = self.platform_combo.findData(chosen) if chosen else 0
            self.platform_combo.setCurrentIndex(max(index, 0))
        finally:
            self.platform_combo.blockSignals(False)

    def _set_range_quietly(self, months: MonthRange) -> None:
        for edit, month in ((self.from_edit, months.first), (self.to_edit, months.last)):
            edit.blockSignals(True)
            edit.setDate(month_to_date(month))
            edit.blockSignals(False)

    # --- user input ---------------------------------------------------
    def set_range(self, first: Month, last: Month) -> None:
        """Show `first`..`last` (as if the user had picked them) and query at once."""
        self._auto_range = False
        self._set_range_quietly(MonthRange(first, last))
        self.refresh()

    def set_platform(self, code: Optional[str]) -> None:
        index = self.platform_combo.findData(code or "")
        if index < 0:
            raise ValueError(f"platform {code!r} has no sales")
        self.platform_combo.setCurrentIndex(index)

    def show_all_months(self) -> None:
        self._auto_range = True
        self.refresh()

    def _on_from_changed(self, date: QDate) -> None:
        if date > self.to_edit.date():
            self.to_edit.blockSignals(True)
            self.to_edit.setDate(date)
            self.to_edit.blockSignals(False)
        self._range_edited()

    def _on_to_changed(self, date: QDate) -> None:
        if date < self.from_edit.date():
            self.from_edit.blockSignals(True)
            self.from_edit.setDate(date)
            self.from_edit.blockSignals(False)
        self._range_edited()

    def _range_edited(self) -> None:
        self._auto_range = False
        self._edit_timer.start()

    def _on_platform_changed(self, _index: int) -> None:
        self.refresh()

    # --- export -------------------------------------------------------
    def suggested_file_name(self) -> str:
        report = self.report()
        if report is None or report.range is None:
            return "monthly-report.csv"
        suffix = f"-{report.platform}" if report.platform else ""
        return f"monthly-report-{report.range.first}-to-{report.range.last}{suffix}.csv"

    def export_csv(self, path: Optional[Path] = None) -> Optional[Path]:
        """Save the report on screen as CSV (asks where unless `path` is given)."""
        report = self.report()
        if report is None or not report.rows:
            return None
        if path is None or isinstance(path, bool):  # clicked(bool) passes a bool
            start = str(Path.home() / self.suggested_file_name())
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export monthly report"), start, self.tr("CSV files (*.csv)")
            )
            if not chosen:
                return None
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(".csv")
        try:
            save_monthly_csv(report, path)
        except OSError as exc:
            report_error(self, exc)
            return None
        self.show_message(self.tr("Report saved to {path}").format(path=path))
        return path
