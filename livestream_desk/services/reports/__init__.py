"""Reports (DESIGN §1 jobs 4–5, §5): the monthly report, a period's figures and breakdowns,
drill-downs, targets, the workbook export and the 战报 card figures.

Plain Python, no Qt; every function takes the open Database and returns frozen dataclasses.

- monthly.py: the monthly report (one row per month; `report monthly`, the dashboard)
- period.py: ReportPeriod (month / quarter / year / custom, previous, year ago)
- rows.py: the dataclasses returned
- queries.py: the aggregate queries (summary table, GROUP BY on indexed columns)
- breakdowns.py: figures and breakdowns by platform, category, product, origin, producer,
  host, the livestream ranking, the chart series
- drilldown.py: a month's or a row's livestreams and products
- targets.py: net-sales targets per month (and platform), progress
- report.py: the whole report of a period in one read
- workbook.py: the report as an .xlsx workbook; cards.py: the 战报 figures
"""
from __future__ import annotations

from .breakdowns import (
    LIVESTREAM_ORDERS,
    ORIGIN_LEVELS,
    category_breakdown,
    cumulative_series,
    host_breakdown,
    livestream_ranking,
    livestreams_total,
    origin_breakdown,
    period_figures,
    period_summary,
    platform_breakdown,
    platform_series,
    producer_breakdown,
    product_breakdown,
)
from .drilldown import livestreams_for, products_for
from .monthly import MonthlyReport, monthly_report, platforms_with_sales, sales_span
from .period import PeriodKind, ReportPeriod
from .report import PeriodReport, period_report, report_span
from .rows import (
    COMPARED_FIGURES,
    OTHERS,
    Breakdown,
    Change,
    CumulativeSeries,
    GroupRow,
    HostRow,
    LivestreamRow,
    PeriodFigures,
    PeriodSummary,
    PlatformRow,
    PlatformSeries,
    Progress,
    Sums,
    TargetProgress,
    TargetRow,
)
from .targets import TargetError, clear_target, list_targets, parse_target, set_target, set_targets, target_progress

__all__ = [
    "MonthlyReport",
    "monthly_report",
    "platforms_with_sales",
    "sales_span",
    "PeriodKind",
    "ReportPeriod",
    "PeriodReport",
    "period_report",
    "report_span",
    "LIVESTREAM_ORDERS",
    "ORIGIN_LEVELS",
    "period_figures",
    "period_summary",
    "platform_breakdown",
    "category_breakdown",
    "product_breakdown",
    "origin_breakdown",
    "producer_breakdown",
    "host_breakdown",
    "livestreams_total",
    "livestream_ranking",
    "platform_series",
    "cumulative_series",
    "livestreams_for",
    "products_for",
    "TargetError",
    "set_target",
    "set_targets",
    "clear_target",
    "list_targets",
    "parse_target",
    "target_progress",
    "COMPARED_FIGURES",
    "OTHERS",
    "Breakdown",
    "Change",
    "CumulativeSeries",
    "GroupRow",
    "HostRow",
    "LivestreamRow",
    "PeriodFigures",
    "PeriodSummary",
    "PlatformRow",
    "PlatformSeries",
    "Progress",
    "Sums",
    "TargetProgress",
    "TargetRow",
]
