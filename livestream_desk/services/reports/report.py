"""Everything the reports page and the exports show for a period, read in one transaction.

No sale line is read: the monthly summary and the report tables (kept equal to the lines by
every writer, services.report_tables) and small tables (products, livestreams, targets).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...db.engine import Database
from ...domain.period import Month
from ..uow import now, reading
from . import queries
from .breakdowns import (
    categories_from,
    cumulative_in,
    hosts_from,
    livestreams_from,
    livestreams_total,
    origins_from,
    platforms_in,
    producers_from,
    products_from,
    series_in,
    summary_in,
)
from .period import ReportPeriod
from .rows import Breakdown, CumulativeSeries, HostRow, LivestreamRow, PeriodSummary, PlatformRow, PlatformSeries, TargetProgress
from .targets import progress_in


@dataclass(frozen=True)
class PeriodReport:
    period: ReportPeriod
    made_at: object  # datetime (Beijing) when it was read
    summary: PeriodSummary
    platforms: tuple[PlatformRow, ...]
    categories: Breakdown
    products: Breakdown  # top N (`top`) and OTHERS
    all_products: Breakdown  # every product (the workbook's 商品 sheet)
    origins: Breakdown  # by village (county, town, village)
    producers: Breakdown  # every producer (助农)
    hosts: tuple[HostRow, ...]
    livestreams: tuple[LivestreamRow, ...]  # by net sales
    series: PlatformSeries
    cumulative: CumulativeSeries
    targets: TargetProgress

    @property
    def figures(self):
        return self.summary.current

    @property
    def livestream_totals(self) -> HostRow:
        """The period's livestreams summed as the host table sums each host (the 合计 of the
        host and livestream tables)."""
        return livestreams_total(self.livestreams)


def period_report(db: Database, period: ReportPeriod, top: Optional[int] = 10) -> PeriodReport:
    """The whole report of `period`; `top`: how many products before the OTHERS row."""
    with reading(db) as conn:
        # One read of the summary and the livestreams for every period the report compares.
        first = min(period.previous().first, period.year_ago().first, Month(period.last.year - 1, 1))
        prefetched = queries.Prefetched(conn, first, period.last)
        streams, stream_sums = queries.streams_between(conn, period.start(), period.end(), prefetched)
        summary = summary_in(conn, period, streams, stream_sums, prefetched)
        platforms = platforms_in(conn, period, prefetched)
        per_product = queries.per_product(conn, period)
        info = queries.product_info(conn, per_product)
        series = series_in(conn, period, prefetched)
        cumulative = cumulative_in(conn, period.last, prefetched=prefetched)
        targets = progress_in(conn, period, prefetched)
    livestreams = livestreams_from(streams, stream_sums)
    return PeriodReport(
        period=period,
        made_at=now(),
        summary=summary,
        platforms=platforms,
        categories=categories_from(per_product, info),
        products=products_from(per_product, info, top),
        all_products=products_from(per_product, info, None),
        origins=origins_from(per_product, info, "village"),
        producers=producers_from(per_product, info),
        hosts=hosts_from(livestreams),
        livestreams=livestreams,
        series=series,
        cumulative=cumulative,
        targets=targets,
    )


def report_span(db: Database) -> Optional[tuple[Month, Month]]:
    """The first and last month with a paid sale (None without sales), for the default period."""
    from .monthly import sales_span

    span = sales_span(db)
    return (span.first, span.last) if span else None


__all__ = ["PeriodReport", "period_report", "report_span"]
