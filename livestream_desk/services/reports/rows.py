"""The plain rows the report services return (frozen dataclasses, never ORM objects).

Money is integer fen; ratios are exact Decimal or None where DESIGN §5 leaves them empty
(a share of nothing, a GPM without viewers, a growth from 0).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional

from ...domain import metrics
from ...domain.period import Month
from .period import ReportPeriod

OTHERS = "others"  # the key of the row that sums everything below the top N


def share_of(part_fen: int, whole_fen: int) -> Optional[Decimal]:
    """part / whole (0.25 = 25%), None when the whole is 0."""
    if not whole_fen:
        return None
    return Decimal(part_fen) / Decimal(whole_fen)


@dataclass(frozen=True)
class Sums:
    """The §5 sums of a set of paid sale lines."""

    gmv_fen: int = 0
    refunds_fen: int = 0
    units: int = 0
    lines: int = 0

    @property
    def net_sales_fen(self) -> int:
        return metrics.net_sales(self.gmv_fen, self.refunds_fen)

    def __add__(self, other: "Sums") -> "Sums":
        return Sums(self.gmv_fen + other.gmv_fen, self.refunds_fen + other.refunds_fen,
                    self.units + other.units, self.lines + other.lines)


@dataclass(frozen=True)
class Change:
    """A figure against a base: absolute and % change (None when the base is 0)."""

    current: int
    base: int

    @property
    def delta(self) -> int:
        return self.current - self.base

    @property
    def pct(self) -> Optional[Decimal]:
        return metrics.growth_pct(self.current, self.base)


class _SumsFigures:
    """The §5 sums of a row that holds them in `sums`, read as the row's own figures."""

    __slots__ = ()
    sums: "Sums"

    @property
    def gmv_fen(self) -> int:
        return self.sums.gmv_fen

    @property
    def refunds_fen(self) -> int:
        return self.sums.refunds_fen

    @property
    def net_sales_fen(self) -> int:
        return self.sums.net_sales_fen

    @property
    def units(self) -> int:
        return self.sums.units

    @property
    def lines(self) -> int:
        return self.sums.lines


@dataclass(frozen=True)
class PeriodFigures:
    """The §5 figures of a period.

    gmv, refunds, orders and units count every paid line of the period (orders as the monthly
    report counts them: distinct orders per month and platform). `livestreams` are the done
    livestreams that started in the period; `viewers` and `ad_spend_fen` are theirs, and GPM
    and ROI divide the gmv of their own lines (`viewed_gmv_fen`: of those with viewers typed
    in; `advertised_gmv_fen`: of those with ad spend).
    """

    period: ReportPeriod
    gmv_fen: int
    refunds_fen: int
    orders: int
    units: int
    livestreams: int
    viewers: int
    viewed_gmv_fen: int
    ad_spend_fen: int
    advertised_gmv_fen: int

    @property
    def net_sales_fen(self) -> int:
        return metrics.net_sales(self.gmv_fen, self.refunds_fen)

    @property
    def gpm_fen(self) -> Optional[Decimal]:
        return metrics.gpm_fen(self.viewed_gmv_fen, self.viewers)

    @property
    def roi(self) -> Optional[Decimal]:
        return metrics.roi(self.advertised_gmv_fen, self.ad_spend_fen)

    @property
    def average_order_fen(self) -> Optional[Decimal]:
        if not self.orders:
            return None
        return Decimal(self.gmv_fen) / self.orders


COMPARED_FIGURES = ("gmv_fen", "refunds_fen", "net_sales_fen", "orders", "units", "livestreams", "viewers", "ad_spend_fen")


@dataclass(frozen=True)
class PeriodSummary:
    """A period's figures with the previous period's and the same period's a year earlier."""

    current: PeriodFigures
    previous: PeriodFigures
    year_ago: PeriodFigures

    def vs_previous(self, figure: str) -> Change:
        """`figure`: one of COMPARED_FIGURES (an attribute of PeriodFigures)."""
        return Change(getattr(self.current, figure), getattr(self.previous, figure))

    def vs_year_ago(self, figure: str) -> Change:
        return Change(getattr(self.current, figure), getattr(self.year_ago, figure))


@dataclass(frozen=True)
class PlatformRow:
    platform: str
    gmv_fen: int
    refunds_fen: int
    orders: int
    units: int
    livestreams: int
    share: Optional[Decimal]  # of the period's net sales

    @property
    def net_sales_fen(self) -> int:
        return self.gmv_fen - self.refunds_fen


@dataclass(frozen=True)
class GroupRow(_SumsFigures):
    """One row of a breakdown of the period's lines by a product attribute.

    `key`: a category id, product id, producer id, origin triple (county, town, village), or
    None for lines without one (no product linked, no category, no producer, no origin), or
    OTHERS for the sum below the top N. `name` is the catalogue's name ('' for None / OTHERS:
    the caller names those in its language).
    """

    key: object
    name: str
    sums: Sums
    share: Optional[Decimal]  # of the period's net sales
    products: int = 0  # distinct products summed in this row (1 for a product row)
    spec: str = ""  # product rows
    category: str = ""  # product rows
    kind: str = ""  # producer rows: 合作社 / 农户 / 企业
    village: str = ""  # producer rows
    county: str = ""  # origin rows (and producer rows: of their products, when one)
    town: str = ""


@dataclass(frozen=True)
class Breakdown:
    """Rows sorted by net sales (largest first; then by name), an optional OTHERS row, and how
    many rows there were before the top N was cut."""

    rows: tuple[GroupRow, ...]
    others: Optional[GroupRow]
    total_rows: int

    @property
    def all_rows(self) -> tuple[GroupRow, ...]:
        return self.rows + ((self.others,) if self.others is not None else ())

    @property
    def total(self) -> Sums:
        """The sums of all the rows (None and OTHERS included): the table's 合计."""
        return sum((row.sums for row in self.all_rows), Sums())


@dataclass(frozen=True)
class LivestreamRow(_SumsFigures):
    """A livestream with the §5 figures of its paid lines (all of them, whenever paid).

    `orders` is None in a drill-down by product, category, origin or producer: distinct orders
    are kept per livestream, not per product (they do not add up across products).
    """

    livestream_id: int
    title: str
    platform: str
    start: datetime
    host_id: Optional[int]
    host_name: str
    account_name: str
    viewers: Optional[int]
    ad_spend_fen: int
    orders: Optional[int]
    sums: Sums

    @property
    def gpm_fen(self) -> Optional[Decimal]:
        return metrics.gpm_fen(self.gmv_fen, self.viewers or 0)

    @property
    def roi(self) -> Optional[Decimal]:
        return metrics.roi(self.gmv_fen, self.ad_spend_fen)

    @property
    def conversion(self) -> Optional[Decimal]:
        if self.orders is None:
            return None
        return metrics.conversion(self.orders, self.viewers or 0)


@dataclass(frozen=True)
class HostRow(_SumsFigures):
    """A host's done livestreams of the period, summed (GPM over those with viewers typed in)."""

    host_id: Optional[int]  # None: livestreams without a host
    name: str
    livestreams: int
    orders: Optional[int]  # None only when summed from drill-down rows without orders
    sums: Sums
    viewers: int
    viewed_gmv_fen: int
    ad_spend_fen: int
    advertised_gmv_fen: int
    share: Optional[Decimal]  # of the net sales of all the period's livestreams

    @property
    def gpm_fen(self) -> Optional[Decimal]:
        return metrics.gpm_fen(self.viewed_gmv_fen, self.viewers)

    @property
    def roi(self) -> Optional[Decimal]:
        return metrics.roi(self.advertised_gmv_fen, self.ad_spend_fen)


@dataclass(frozen=True)
class PlatformSeries:
    """Net sales per month and platform (the stacked monthly bars).

    `net_fen[i][j]` is month `months[i]`, platform `platforms[j]`; platforms in
    models.Platform.ALL order, only those with a paid line in the period.
    """

    months: tuple[Month, ...]
    platforms: tuple[str, ...]
    net_fen: tuple[tuple[int, ...], ...]

    def month_total(self, index: int) -> int:
        return sum(self.net_fen[index])


@dataclass(frozen=True)
class CumulativeSeries:
    """This year's cumulative net sales against last year's, month by month (Jan..Dec).

    `this_year[i]` is None after the period's last month (not reached yet in the report).
    """

    year: int
    this_year: tuple[Optional[int], ...]
    last_year: tuple[int, ...]


@dataclass(frozen=True)
class TargetRow:
    month: Month
    platform: str  # "" = all platforms
    target_fen: int


@dataclass(frozen=True)
class Progress:
    """A target against the net sales reached (share 1 = 100%)."""

    platform: str  # "" = all platforms
    target_fen: Optional[int]  # None: no target set for any month of the period
    actual_fen: int

    @property
    def share(self) -> Optional[Decimal]:
        if not self.target_fen:
            return None
        return metrics.target_progress(self.actual_fen, self.target_fen)

    @property
    def remaining_fen(self) -> Optional[int]:
        if self.target_fen is None:
            return None
        return max(self.target_fen - self.actual_fen, 0)


@dataclass(frozen=True)
class TargetProgress:
    """A period's targets: overall, per platform (those with a target), per month (overall).

    A period's target is the sum of its months' targets (months without one add nothing);
    the actual figure is the whole period's net sales (of the platform).
    """

    period: ReportPeriod
    overall: Progress
    platforms: tuple[Progress, ...]
    months: tuple[tuple[Month, Progress], ...]


__all__ = [
    "OTHERS",
    "share_of",
    "Sums",
    "Change",
    "PeriodFigures",
    "COMPARED_FIGURES",
    "PeriodSummary",
    "PlatformRow",
    "GroupRow",
    "Breakdown",
    "LivestreamRow",
    "HostRow",
    "PlatformSeries",
    "CumulativeSeries",
    "TargetRow",
    "Progress",
    "TargetProgress",
]
