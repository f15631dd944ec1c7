"""The monthly report of DESIGN §5 (overall or for one platform).

Sales totals come from the summary table (kept equal to the raw lines on every write),
livestream counts and targets from their own small tables; three short queries whatever
the number of sale lines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import and_, func, select

from ...db.engine import Database
from ...db.models import Livestream, LivestreamStatus, MonthlySalesSummary, MonthlyTarget
from ...db.sql import month_key
from ...domain.metrics import MonthlyFigures, growth_pct
from ...domain.period import Month, MonthRange
from ..uow import reading


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    range: Optional[MonthRange]  # None when there are no sales and no range was asked for
    platform: Optional[str]  # None = all platforms
    rows: list[MonthlyFigures]

    @property
    def latest(self) -> Optional[MonthlyFigures]:
        return self.rows[-1] if self.rows else None


def sales_span(db: Database, platform: Optional[str] = None) -> Optional[MonthRange]:
    """From the first to the last month that has a paid sale (for the platform)."""
    query = select(func.min(MonthlySalesSummary.month), func.max(MonthlySalesSummary.month)).where(
        MonthlySalesSummary.lines > 0
    )
    if platform:
        query = query.where(MonthlySalesSummary.platform == platform)
    with reading(db) as conn:
        first, last = conn.execute(query).one()
    if first is None:
        return None
    return MonthRange(Month.from_key(first), Month.from_key(last))


def platforms_with_sales(db: Database) -> list[str]:
    query = select(MonthlySalesSummary.platform).distinct().order_by(MonthlySalesSummary.platform)
    with reading(db) as conn:
        return [platform for (platform,) in conn.execute(query)]


def monthly_report(
    db: Database,
    first: Optional[Month] = None,
    last: Optional[Month] = None,
    platform: Optional[str] = None,
) -> MonthlyReport:
    """One row per month in range, months without sales included with zeros.

    Without `first` / `last` the range runs from the first to the last month with a paid
    sale. Growth of the first month compares with the calendar month before it.
    """
    if first is None or last is None:
        span = sales_span(db, platform)
        if span is None and (first is None and last is None):
            return MonthlyReport(None, platform, [])
        first = first or (span.first if span else last)
        last = last or (span.last if span else first)
    months = MonthRange(first, last)
    previous = first.previous()

    sales_query = (
        select(
            MonthlySalesSummary.month,
            func.sum(MonthlySalesSummary.orders),
            func.sum(MonthlySalesSummary.units),
            func.sum(MonthlySalesSummary.gmv_fen),
            func.sum(MonthlySalesSummary.refunds_fen),
        )
        .where(MonthlySalesSummary.month.between(previous.key, last.key))
        .group_by(MonthlySalesSummary.month)
    )
    started = func.coalesce(Livestream.actual_start, Livestream.scheduled_start)
    streams_query = (
        select(month_key(started), func.count())
        .where(
            Livestream.status == LivestreamStatus.DONE,
            and_(started >= months.start(), started < months.end()),
        )
        .group_by(month_key(started))
    )
    targets_query = select(MonthlyTarget.month, MonthlyTarget.target_fen).where(
        MonthlyTarget.month.between(first.key, last.key),
        MonthlyTarget.platform == (platform or ""),
    )
    if platform:
        sales_query = sales_query.where(MonthlySalesSummary.platform == platform)
        streams_query = streams_query.where(Livestream.platform == platform)

    with reading(db) as conn:
        sales = {row[0]: tuple(int(v or 0) for v in row[1:]) for row in conn.execute(sales_query)}
        streams = dict(conn.execute(streams_query).all())
        targets = dict(conn.execute(targets_query).all())

    rows: list[MonthlyFigures] = []
    prev_orders, prev_units, prev_gmv, prev_refunds = sales.get(previous.key, (0, 0, 0, 0))
    prev_net = prev_gmv - prev_refunds
    for month in months:
        orders, units, gmv, refunds = sales.get(month.key, (0, 0, 0, 0))
        net = gmv - refunds
        rows.append(
            MonthlyFigures(
                month=month,
                livestreams=int(streams.get(month.key, 0)),
                orders=orders,
                units=units,
                gmv_fen=gmv,
                refunds_fen=refunds,
                mom_growth_pct=growth_pct(net, prev_net),
                target_fen=targets.get(month.key),
            )
        )
        prev_net = net
    return MonthlyReport(months, platform, rows)
