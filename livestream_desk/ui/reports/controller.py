"""The reports page's logic: which period, what to load, which answer is current, drill-downs.

A plain QObject, no widgets (like ui/dashboard/controller.py). The page tells it the period;
it runs the report services (services.reports) as page operations of the page it works for
and emits the answer of the latest request only (ui/latest_load.py, so fast stepping through
periods never shows stale figures). Every figure comes from the services.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal

from ...db.engine import Database
from ...domain.period import Month
from ...services.reports import (
    OTHERS,
    MonthlyReport,
    PeriodKind,
    PeriodFigures,
    PeriodReport,
    PlatformSeries,
    ReportPeriod,
    livestreams_for,
    monthly_report,
    period_figures,
    period_report,
    platform_series,
    products_for,
    report_span,
)
from ..latest_load import LatestLoad
from ..operation import OpHost, PageOp
from ..tasks import TaskContext

TREND_MONTHS = 12  # the charts and the monthly table show at least this many months
EDIT_DELAY_MS = 250  # let a user finish stepping through months before querying
TOP_PRODUCTS = 10


@dataclass(frozen=True)
class ReportsData:
    """Everything one refresh of the reports page draws."""

    period: ReportPeriod
    report: PeriodReport  # the period's figures, comparisons, breakdowns, targets
    trend: MonthlyReport  # the months of `trend_period`: the monthly table and the bars' tooltips
    series: PlatformSeries  # net sales per month and platform over `trend_period` (stacked bars)
    trend_totals: PeriodFigures  # the 合计 of the monthly table (the trend months' figures)
    latest_month: Optional[Month]  # the newest month with sales (None: no sales at all)

    @property
    def trend_period(self) -> ReportPeriod:
        return trend_period_of(self.period)


def trend_period_of(period: ReportPeriod) -> ReportPeriod:
    """The period's months, or the twelve months ending with its last when it is shorter."""
    if len(period) >= TREND_MONTHS:
        return period
    return ReportPeriod(PeriodKind.CUSTOM, period.last - (TREND_MONTHS - 1), period.last)


def default_period(database: Database) -> tuple[ReportPeriod, Optional[Month]]:
    """The newest month with sales (else the current month), and that month."""
    span = report_span(database)
    latest = span[1] if span else None
    return ReportPeriod.month(latest or Month.current()), latest


def load_reports(context: TaskContext, database: Database, period: Optional[ReportPeriod],
                 top: int = TOP_PRODUCTS) -> ReportsData:
    """Runs on a pool thread. Without a period: the newest month with sales."""
    context.raise_if_cancelled()  # superseded before it started: no query at all
    span = report_span(database)
    latest = span[1] if span else None
    if period is None:
        period = ReportPeriod.month(latest or Month.current())
    report = period_report(database, period, top=top)
    context.raise_if_cancelled()
    trend = trend_period_of(period)
    if trend == period:
        series, totals = report.series, report.figures
    else:
        series, totals = platform_series(database, trend), period_figures(database, trend)
    months = monthly_report(database, trend.first, trend.last)
    return ReportsData(period, report, months, series, totals, latest)


@dataclass(frozen=True)
class DrillTarget:
    """What a drill-down is about: a month, or a row of a breakdown within a period."""

    kind: str  # month, platform, category, product, origin, producer, host, livestream
    title: str  # for the dialog's heading (already in the user's language)
    period: ReportPeriod
    filters: dict
    livestream_id: Optional[int] = None


@dataclass(frozen=True)
class DrillData:
    target: DrillTarget
    livestreams: tuple  # LivestreamRow
    products: Any  # Breakdown


def drill_target(kind: str, row: Any, period: ReportPeriod, title: str) -> Optional[DrillTarget]:
    """The drill-down of a clicked row (None for an OTHERS row: it has no single key)."""
    key = getattr(row, "key", None)
    if key == OTHERS:
        return None
    if kind == "month":
        return DrillTarget(kind, title, ReportPeriod.month(row.month), {})
    if kind == "platform":
        return DrillTarget(kind, title, period, {"platform": row.platform})
    if kind == "category":
        return DrillTarget(kind, title, period, {"category_id": key if key is not None else 0})
    if kind == "product":
        return DrillTarget(kind, title, period, {"product_id": key if key is not None else 0})
    if kind == "origin":
        return None if key is None else DrillTarget(kind, title, period, {"origin": tuple(key)})
    if kind == "producer":
        return DrillTarget(kind, title, period, {"producer_id": key if key is not None else 0})
    if kind == "host":
        return DrillTarget(kind, title, period, {"host_id": row.host_id if row.host_id is not None else 0})
    if kind == "livestream":
        return DrillTarget(kind, title, period, {}, livestream_id=row.livestream_id)
    return None


def load_drill(database: Database, target: DrillTarget) -> DrillData:
    """The livestreams and products behind `target` (services.reports.drilldown)."""
    if target.livestream_id is not None:
        products = products_for(database, None, livestream_id=target.livestream_id)
        return DrillData(target, (), products)
    filters = dict(target.filters)
    stream_filters = {k: v for k, v in filters.items() if k in ("platform", "product_id", "category_id",
                                                                "producer_id", "origin", "host_id")}
    livestreams = livestreams_for(database, target.period, **stream_filters)
    product_filters = {k: v for k, v in filters.items() if k in ("platform", "category_id", "producer_id",
                                                                 "origin", "host_id")}
    if "product_id" in filters:
        products = None  # the row is the product itself
    else:
        products = products_for(database, target.period, **product_filters)
    return DrillData(target, livestreams, products)


class ReportsController(QObject):
    data_ready = Signal(object)  # ReportsData of the latest request
    loading_changed = Signal(bool)
    failed = Signal(object)
    drill_ready = Signal(object)  # DrillData

    def __init__(self, page: OpHost, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.page = page
        self.period: Optional[ReportPeriod] = None  # None until the first answer names it
        self.data: Optional[ReportsData] = None
        self.loads = LatestLoad(page, success=self._on_loaded, failure=self.failed.emit, parent=self)
        self.loads.loading_changed.connect(self.loading_changed)
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_DELAY_MS)
        self._edit_timer.timeout.connect(self.refresh)

    def set_period(self, period: ReportPeriod, at_once: bool = False) -> None:
        if period == self.period and not at_once:
            return
        self.period = period
        if at_once:
            self.refresh()
        else:
            self._edit_timer.start()

    @property
    def requests_sent(self) -> int:
        return self.loads.requests_sent

    def is_loading(self) -> bool:
        return self.loads.is_loading() or self._edit_timer.isActive()

    def refresh(self) -> None:
        self._edit_timer.stop()
        period = self.period
        self.loads.run(lambda db, task: load_reports(task, db, period), with_task=True)

    def _on_loaded(self, data: ReportsData) -> None:
        self.period = data.period
        self.data = data
        self.data_ready.emit(data)

    # --- drill-down ------------------------------------------------------------------
    def drill(self, target: DrillTarget, done: Optional[Callable[[DrillData], None]] = None) -> PageOp:
        return PageOp(self.page, lambda db: load_drill(db, target),
                      success=done or self.drill_ready.emit).run()


__all__ = [
    "ReportsController",
    "ReportsData",
    "DrillTarget",
    "DrillData",
    "drill_target",
    "load_drill",
    "load_reports",
    "trend_period_of",
    "default_period",
    "TREND_MONTHS",
]
