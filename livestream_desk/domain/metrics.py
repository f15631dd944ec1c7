"""The metric definitions of DESIGN §5, as pure functions over plain numbers.

Reports, charts, the command line and the tests all use these, so a figure means the
same thing everywhere. Money is integer fen; ratios come back as Decimal (exact), with
None where the definition leaves them empty (division by zero).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Optional

from .period import Month

ONE_DECIMAL = Decimal("0.1")


def net_sales(gmv_fen: int, refunds_fen: int) -> int:
    return gmv_fen - refunds_fen


def growth_pct(current_fen: int, previous_fen: int) -> Optional[Decimal]:
    """(current − previous) / previous × 100, exact; None when previous is 0."""
    if previous_fen == 0:
        return None
    return Decimal(current_fen - previous_fen) * 100 / Decimal(previous_fen)


def round_pct(value: Optional[Decimal]) -> Optional[Decimal]:
    """Growth for display and CSV: one decimal, half away from zero."""
    if value is None:
        return None
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _ratio(numerator: int, denominator: int, scale: int = 1) -> Optional[Decimal]:
    if not denominator:
        return None
    return Decimal(numerator) * scale / Decimal(denominator)


def gpm_fen(gmv_fen: int, viewers: int) -> Optional[Decimal]:
    """GMV per 1,000 viewers, in fen."""
    return _ratio(gmv_fen, viewers, 1000)


def uv_value_fen(gmv_fen: int, viewers: int) -> Optional[Decimal]:
    """GMV per viewer, in fen."""
    return _ratio(gmv_fen, viewers)


def conversion(orders: int, viewers: int) -> Optional[Decimal]:
    """Orders per viewer (0.05 = 5%)."""
    return _ratio(orders, viewers)


def roi(gmv_fen: int, ad_spend_fen: int) -> Optional[Decimal]:
    """GMV per yuan of ad spend."""
    return _ratio(gmv_fen, ad_spend_fen)


def target_progress(net_fen: int, target_fen: int) -> Optional[Decimal]:
    """Share of the month's target reached (1 = 100%)."""
    return _ratio(net_fen, target_fen)


@dataclass(frozen=True, slots=True)
class SaleLine:
    """The fields of one sale line that the metrics read (used by tests and small sets)."""

    platform: str
    order_id: str
    quantity: int
    paid_fen: int
    refunded_fen: int
    paid: bool = True


@dataclass(frozen=True, slots=True)
class Totals:
    orders: int = 0
    units: int = 0
    gmv_fen: int = 0
    refunds_fen: int = 0

    @property
    def net_sales_fen(self) -> int:
        return net_sales(self.gmv_fen, self.refunds_fen)

    def __add__(self, other: "Totals") -> "Totals":
        # Orders add up because an order belongs to one platform and one month.
        return Totals(
            self.orders + other.orders,
            self.units + other.units,
            self.gmv_fen + other.gmv_fen,
            self.refunds_fen + other.refunds_fen,
        )


def totals_of(lines: Iterable[SaleLine]) -> Totals:
    """The §5 totals of a set of sale lines, by definition (unpaid lines ignored)."""
    orders: set[tuple[str, str]] = set()
    units = gmv = refunds = 0
    for line in lines:
        if not line.paid:
            continue
        orders.add((line.platform, line.order_id))
        units += line.quantity
        gmv += line.paid_fen
        refunds += line.refunded_fen
    return Totals(len(orders), units, gmv, refunds)


@dataclass(frozen=True, slots=True)
class MonthlyFigures:
    """One row of the monthly report (DESIGN §5, §7)."""

    month: Month
    livestreams: int
    orders: int
    units: int
    gmv_fen: int
    refunds_fen: int
    mom_growth_pct: Optional[Decimal]  # exact; round_pct() for display
    target_fen: Optional[int] = None

    @property
    def net_sales_fen(self) -> int:
        return net_sales(self.gmv_fen, self.refunds_fen)

    @property
    def average_net_per_livestream_fen(self) -> Optional[int]:
        if not self.livestreams:
            return None
        return int((Decimal(self.net_sales_fen) / self.livestreams).quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def target_progress(self) -> Optional[Decimal]:
        if not self.target_fen:
            return None
        return target_progress(self.net_sales_fen, self.target_fen)
