"""The dashboard page (概览): KPI cards and the monthly chart, or the empty state.

Layout only; the DashboardController decides what to load and which answer is current.
Nothing here queries the database: every query runs in the TaskRunner. The chart (and with
it pyqtgraph) is created when the first figures arrive, after the window has been painted.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...services.dashboard import DashboardData, PeriodChoice
from ..errors import report_error
from ..page import Page
from ..platforms import platform_name
from ..schedule.upcoming import UpcomingLivestreams
from ..tasks import TaskRunner
from . import texts
from .controller import DashboardController
from .empty_state import EmptyState
from .kpi_cards import KpiCards
from .period_selector import PeriodSelector


LOADING_INDICATOR_DELAY_MS = 150


CHART_MIN_HEIGHT = 160  # px: below this the bars and their labels do not read


class DashboardPage(Page):
    """`DashboardPage(database, task_runner, parent)`; `refresh()`; `loaded` after each draw."""

    demo_loaded = Signal()  # demo data was written to the database (so `databaseChanged` too)

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("dashboardPage")
        self.demo_loaded.connect(self.databaseChanged)
        self.controller = DashboardController(self, self)
        self.chart = None  # MonthlyChart, made on the first figures (imports pyqtgraph)
        self.progress_dialog: Optional[QProgressDialog] = None
        self.error_box: Optional[QMessageBox] = None
        self._started = False

        # --- the bar at the top: period, platform, which months, loading -------
        self.period_selector = PeriodSelector(self)
        self.platform_label = QLabel(self.tr("Platform"), self)
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("platformCombo")
        self.platform_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.platform_combo.addItem(self.tr("All platforms"), "")
        self.platform_label.setBuddy(self.platform_combo)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("rangeLabel")
        self.range_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        self.loading_label = QLabel(self.tr("Loading…"), self)
        self.loading_label.setObjectName("loadingIndicator")
        self.loading_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        policy = self.loading_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it never shifts the bar
        self.loading_label.setSizePolicy(policy)
        self.loading_label.hide()
        self._loading_delay = QTimer(self)
        self._loading_delay.setSingleShot(True)
        self._loading_delay.setInterval(LOADING_INDICATOR_DELAY_MS)
        self._loading_delay.timeout.connect(self.loading_label.show)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.period_selector)
        bar.addSpacing(12)
        bar.addWidget(self.platform_label)
        bar.addWidget(self.platform_combo)
        bar.addStretch(1)
        bar.addWidget(self.loading_label)
        bar.addSpacing(8)
        bar.addWidget(self.range_label)

        # --- cards and chart -----------------------------------------------
        # Text from the start, in the page's language: an empty label is shorter than one
        # whose glyphs come from a fallback (CJK) font, and growing then lays the page out again.
        self.heading = QLabel(self.tr("Loading…"), self)
        self.heading.setObjectName("kpiHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.cards = KpiCards(self)
        self.chart_holder = QWidget(self)
        self.chart_holder.setObjectName("chartHolder")
        self.chart_holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Room for the chart from the start: it arrives after the first paint (pyqtgraph loads
        # late), and a minimum that grew then would lay the page out again.
        self.chart_holder.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)

        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(8)
        content_layout.addLayout(bar)
        content_layout.addWidget(self.heading)
        content_layout.addWidget(self.cards)
        from .target_progress import TargetProgressBar  # the month's target (issue 10)

        self.target_progress = TargetProgressBar(self, self)
        self.target_progress.targets_saved.connect(self._on_targets_saved)
        content_layout.addWidget(self.target_progress)
        self.upcoming = UpcomingLivestreams(self)  # the next planned livestreams, reloaded on `loaded`
        content_layout.addWidget(self.upcoming)
        content_layout.addWidget(self.chart_holder, 1)

        self.empty_state = EmptyState(self)
        self.first_load = QLabel(self.tr("Loading…"), self)
        self.first_load.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_load.setStyleSheet(f"color: {texts.MUTED_COLOUR};")

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.first_load)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.stack)

        # --- wiring ----------------------------------------------------------
        self.period_selector.period_changed.connect(self._on_period_changed)
        self.period_selector.custom_range_changed.connect(self.controller.set_custom_range)
        self.platform_combo.currentIndexChanged.connect(self._on_platform_changed)
        self.controller.range_error.connect(self.period_selector.show_error)
        self.controller.loading_changed.connect(self._on_loading_changed)
        self.controller.data_ready.connect(self._show_data)
        self.controller.failed.connect(self._on_failed)
        self.empty_state.load_demo_requested.connect(self.load_demo)
        self.controller.demo_progress.connect(self._on_demo_progress)
        self.controller.demo_finished.connect(self._on_demo_finished)
        self.controller.demo_cancelled.connect(self._on_demo_cancelled)
        self.controller.demo_failed.connect(self._on_demo_failed)

    # --- public ------------------------------------------------------------------
    def editing_controls(self) -> list:
        return [self.empty_state.load_demo_button, self.empty_state.import_orders_button, self.target_progress.button]

    def refresh(self) -> None:
        """Load fresh figures in the background; the old ones stay until they arrive."""
        self._started = True
        self.controller.refresh()

    def is_loading(self) -> bool:
        return self.controller.is_loading()

    def is_empty_state(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def data(self) -> Optional[DashboardData]:
        """The figures on screen."""
        return self.controller.data

    def first_shown(self) -> None:
        if not self._started:
            # After the first paint: the window appears at once, the figures follow.
            self._started = True
            QTimer.singleShot(0, self.controller.refresh)

    # --- the user's choices -----------------------------------------------------
    def _on_period_changed(self, choice: PeriodChoice) -> None:
        if choice is PeriodChoice.CUSTOM:
            # The editors show the months on screen (or the user's earlier custom range).
            self.controller.set_custom_range(*self.period_selector.custom_months())
        self.controller.set_period(choice)

    def _on_platform_changed(self, _index: int) -> None:
        self.controller.set_platform(self.platform_combo.currentData() or None)

    def _update_platforms(self, platforms: tuple[str, ...]) -> None:
        current = self.platform_combo.currentData() or ""
        codes = list(platforms)
        if current and current not in codes:
            codes.append(current)  # keep the user's choice even if it has no sales now
        shown = [self.platform_combo.itemData(i) for i in range(1, self.platform_combo.count())]
        if shown == codes:
            return
        self.platform_combo.blockSignals(True)
        while self.platform_combo.count() > 1:
            self.platform_combo.removeItem(1)
        for code in codes:
            self.platform_combo.addItem(platform_name(code), code)
        self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData(current)))
        self.platform_combo.blockSignals(False)

    # --- drawing ---------------------------------------------------------------
    def _on_loading_changed(self, loading: bool) -> None:
        # Only a wait the user can notice gets the indicator: a flash for a fast refresh
        # would be flicker.
        if loading:
            self._loading_delay.start()
        else:
            self._loading_delay.stop()
            self.loading_label.hide()

    def _show_data(self, data: DashboardData) -> None:
        if not data.has_sales:
            self.stack.setCurrentWidget(self.empty_state)
            self.loaded.emit()
            return
        self._update_platforms(data.platforms)
        if data.period is not PeriodChoice.CUSTOM:
            self.period_selector.set_custom_months(data.range)
        self.range_label.setText(texts.range_text(data.range))
        self.range_label.setToolTip(
            self.tr("Preset periods end with the latest month that has sales (%1)").replace(
                "%1", str(data.reference_month)
            )
        )
        latest = data.report.latest
        self.heading.setText(
            self.tr("Figures for %1").replace("%1", texts.month_title(latest.month)) if latest else ""
        )
        self.cards.show_figures(latest)
        if latest is not None:
            self.target_progress.show_month(latest.month)
        self._ensure_chart().set_rows(data.report.rows)
        self.stack.setCurrentWidget(self.content)
        self.loaded.emit()

    def _on_targets_saved(self) -> None:
        self.databaseChanged.emit()
        self.refresh()

    def _ensure_chart(self):
        if self.chart is None:
            from .chart import MonthlyChart  # imports pyqtgraph: only now, after the first paint

            self.chart = MonthlyChart(self.chart_holder)
            self.chart_layout.addWidget(self.chart)
        return self.chart

    def _on_failed(self, exc: BaseException) -> None:
        if self.stack.currentWidget() is self.first_load:
            self.first_load.setText(self.tr("The figures could not be loaded."))
        self.error_box = report_error(self, exc, self.tr("Could not load the dashboard"))

    # --- demo data ---------------------------------------------------------------
    def load_demo(self) -> None:
        """Fill the empty database with demo data in the background, with progress."""
        if self.controller.is_loading_demo():
            return
        self.empty_state.set_busy(True)
        dialog = QProgressDialog(self.tr("Creating demo data…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("demoProgress")
        dialog.setWindowTitle(self.tr("Load demo data"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.controller.cancel_demo)
        self.progress_dialog = dialog
        self.controller.load_demo(self.tr("Creating demo data…"))
        dialog.show()

    def _on_demo_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled() or total <= 0:
            return
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.controller.cancel_demo)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.empty_state.set_busy(False)

    def _on_demo_finished(self, _summary) -> None:
        self._close_progress()
        self.demo_loaded.emit()  # the controller refreshes; `loaded` follows

    def _on_demo_cancelled(self) -> None:
        self._close_progress()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.error_box = report_error(self, exc, self.tr("Could not load demo data"))
