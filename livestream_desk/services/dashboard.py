"""What the dashboard asks of the database: the monthly report plus one small query.

The dashboard shows a range of months ending at the *reference month* (the latest month
with a paid sale, else the current Beijing month), for all platforms or one. One query on
the small summary table gives the reference month, whether there are any sales at all and
which platforms have sales; then `monthly_report()` does the rest. Plain Python, no Qt:
the GUI calls `load_dashboard()` from a background task and draws the dataclass it returns.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import func, select

from ..db.engine import Database
from ..db.models import MonthlySalesSummary
from ..domain.period import Month, MonthRange
from .errors import UserError
from .reports import MonthlyReport, monthly_report
from .uow import reading


class PeriodChoice(str, enum.Enum):
    """The periods the dashboard offers; all but CUSTOM end at the reference month."""

    LAST_6 = "last6"
    LAST_12 = "last12"
    LAST_24 = "last24"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


DEFAULT_PERIOD = PeriodChoice.LAST_12

_LAST_N = {PeriodChoice.LAST_6: 6, PeriodChoice.LAST_12: 12, PeriodChoice.LAST_24: 24}


@dataclass(frozen=True, slots=True)
class SalesOverview:
    """Facts about the whole database, independent of the period and platform shown."""

    first_month: Optional[Month]  # first month with a paid sale, None without sales
    last_month: Optional[Month]  # latest month with a paid sale
    platforms: tuple[str, ...]  # platform codes with paid sales, sorted

    @property
    def has_sales(self) -> bool:
        return self.last_month is not None


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything one dashboard refresh draws."""

    period: PeriodChoice
    platform: Optional[str]  # None = all platforms
    reference_month: Month  # where the preset ranges end
    range: MonthRange  # the months shown
    report: MonthlyReport  # one row per month of `range`
    overview: SalesOverview

    @property
    def has_sales(self) -> bool:
        return self.overview.has_sales

    @property
    def platforms(self) -> tuple[str, ...]:
        return self.overview.platforms


# Built once: constructing a select() costs more than running this one on the summary table.
_OVERVIEW_QUERY = (
    select(
        MonthlySalesSummary.platform,
        func.min(MonthlySalesSummary.month),
        func.max(MonthlySalesSummary.month),
    )
    .where(MonthlySalesSummary.lines > 0)
    .group_by(MonthlySalesSummary.platform)
    .order_by(MonthlySalesSummary.platform)
)


def sales_overview(db: Database) -> SalesOverview:
    """First and last month with a paid sale and the platforms that have sales: one query."""
    with reading(db) as conn:
        rows = conn.execute(_OVERVIEW_QUERY).all()
    if not rows:
        return SalesOverview(None, None, ())
    first = min(row[1] for row in rows)
    last = max(row[2] for row in rows)
    return SalesOverview(Month.from_key(first), Month.from_key(last), tuple(row[0] for row in rows))


def reference_month(overview: SalesOverview, today: Optional[Month] = None) -> Month:
    """The latest month with a paid sale, else the current Beijing month."""
    if overview.last_month is not None:
        return overview.last_month
    return today or Month.current()


def resolve_range(choice: PeriodChoice, reference: Month, custom: Optional[MonthRange] = None) -> MonthRange:
    """The months a period choice shows, ending at `reference` (CUSTOM: the given range)."""
    choice = PeriodChoice(choice)
    if choice is PeriodChoice.CUSTOM:
        if custom is None:
            raise UserError("reports.custom_range_incomplete")
        return custom
    if choice is PeriodChoice.THIS_YEAR:
        return MonthRange.year_to_date(reference)
    return MonthRange.last_n(_LAST_N[choice], reference)


def load_dashboard(
    db: Database,
    period: PeriodChoice = DEFAULT_PERIOD,
    custom_range: Optional[MonthRange] = None,
    platform: Optional[str] = None,
    *,
    today: Optional[Month] = None,
) -> DashboardData:
    """The figures of one dashboard refresh: the overview query plus `monthly_report()`."""
    period = PeriodChoice(period)
    overview = sales_overview(db)
    reference = reference_month(overview, today)
    months = resolve_range(period, reference, custom_range)
    platform = platform or None
    if overview.has_sales:
        report = monthly_report(db, months.first, months.last, platform=platform)
    else:
        # Nothing to sum: the empty state is shown; spare the three report queries.
        report = MonthlyReport(months, platform, [])
    return DashboardData(period, platform, reference, months, report, overview)


__all__ = [
    "PeriodChoice",
    "DEFAULT_PERIOD",
    "SalesOverview",
    "DashboardData",
    "sales_overview",
    "reference_month",
    "resolve_range",
    "load_dashboard",
]
