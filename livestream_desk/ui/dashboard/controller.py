"""The dashboard's logic: what to load, when, and which answer is current.

A plain QObject, no widgets. The views tell it what the user chose (period, custom months,
platform); it runs `services.dashboard.load_dashboard` as page operations (ui/operation.py)
of the page it works for, and emits the answer of the latest request only (ui/latest_load.py:
an answer to a superseded request is dropped, so fast clicking never shows stale figures).
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QObject, QTimer, Signal

from ...db.engine import Database
from ...domain.period import Month, MonthRange
from ...services.dashboard import DEFAULT_PERIOD, DashboardData, PeriodChoice, load_dashboard
from ..latest_load import LatestLoad
from ..operation import OpHost, PageOp
from ..tasks import TaskContext
from . import texts

CUSTOM_RANGE_DELAY_MS = 250  # let a user finish stepping through months before querying


def load_dashboard_task(
    context: TaskContext,
    database: Database,
    period: PeriodChoice,
    custom_range: Optional[MonthRange],
    platform: Optional[str],
) -> DashboardData:
    """Runs on a pool thread: the services open their own connections."""
    context.raise_if_cancelled()  # superseded before it started: no query at all
    return load_dashboard(database, period, custom_range, platform)


def load_demo_task(context: TaskContext, database: Database) -> Any:
    from ...services.demo import generate_demo  # imported only when asked for

    # A trial shop busy up to yesterday: the current month is not left empty.
    return generate_demo(database, up_to_today=True, progress=context.progress, cancelled=context.cancelled)


class DashboardController(QObject):
    data_ready = Signal(object)  # DashboardData of the latest request
    loading_changed = Signal(bool)
    failed = Signal(object)  # the exception of the latest request
    range_error = Signal(str)  # a message about the custom range; "" when it is valid
    demo_progress = Signal(int, int)
    demo_finished = Signal(object)  # services.demo.DemoSummary
    demo_cancelled = Signal()
    demo_failed = Signal(object)

    def __init__(self, page: OpHost, parent: Optional[QObject] = None) -> None:
        """`page` hosts the operations: they run on its database and make it busy."""
        super().__init__(parent)
        self.page = page
        self.period: PeriodChoice = DEFAULT_PERIOD
        self.custom_range: Optional[MonthRange] = None
        self.custom_error = ""
        self.platform: Optional[str] = None
        self.data: Optional[DashboardData] = None  # what is on screen
        self.loads = LatestLoad(page, success=self._on_loaded, failure=self.failed.emit, parent=self)
        self.loads.loading_changed.connect(self.loading_changed)
        self._demo: Optional[PageOp] = None
        self._custom_timer = QTimer(self)
        self._custom_timer.setSingleShot(True)
        self._custom_timer.setInterval(CUSTOM_RANGE_DELAY_MS)
        self._custom_timer.timeout.connect(self.refresh)

    # --- what the user chose -----------------------------------------------
    def set_period(self, period: PeriodChoice) -> None:
        period = PeriodChoice(period)
        if period == self.period:
            return
        self.period = period
        self._custom_timer.stop()
        self.refresh()

    def set_custom_range(self, first: Month, last: Month) -> None:
        """The months in the from / to editors; an end before the start is refused here."""
        if last < first:
            self.custom_range = None
            self.custom_error = texts.range_error_text()
            self._custom_timer.stop()
            self.range_error.emit(self.custom_error)
            return
        self.custom_error = ""
        self.range_error.emit("")
        new_range = MonthRange(first, last)
        if new_range == self.custom_range:
            return
        self.custom_range = new_range
        if self.period is PeriodChoice.CUSTOM:
            self._custom_timer.start()

    def set_platform(self, platform: Optional[str]) -> None:
        platform = platform or None
        if platform == self.platform:
            return
        self.platform = platform
        self.refresh()

    # --- loading -------------------------------------------------------------
    def can_query(self) -> bool:
        return not (self.period is PeriodChoice.CUSTOM and (self.custom_error or self.custom_range is None))

    @property
    def requests_sent(self) -> int:
        """Queries submitted (tests check that invalid input sends none)."""
        return self.loads.requests_sent

    def is_loading(self) -> bool:
        return self.loads.is_loading()

    def refresh(self) -> None:
        """Ask for fresh figures with the current choices; older requests become stale."""
        self._custom_timer.stop()
        if not self.can_query():
            return
        period, platform = self.period, self.platform
        custom_range = self.custom_range if period is PeriodChoice.CUSTOM else None
        self.loads.run(lambda db, task: load_dashboard_task(task, db, period, custom_range, platform),
                       with_task=True)

    def _on_loaded(self, data: DashboardData) -> None:
        self.data = data
        self.data_ready.emit(data)

    # --- demo data -----------------------------------------------------------
    def is_loading_demo(self) -> bool:
        return self._demo is not None

    def load_demo(self, label: str = "") -> None:
        """Write demo data in the background; `label` names the work in the status bar."""
        if self._demo is not None:
            return
        self._demo = PageOp(
            self.page,
            lambda db, task: load_demo_task(task, db),
            with_task=True,
            success=self._on_demo_finished,
            failure=self._on_demo_failed,
            progress=self.demo_progress.emit,
            cancelled=self._on_demo_cancelled,
            label=label,
        ).run()

    def cancel_demo(self) -> None:
        if self._demo is not None:
            self._demo.cancel()

    def _on_demo_finished(self, summary: Any) -> None:
        self._demo = None
        self.demo_finished.emit(summary)
        self.refresh()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._demo = None
        self.demo_failed.emit(exc)

    def _on_demo_cancelled(self) -> None:
        self._demo = None
        self.demo_cancelled.emit()
