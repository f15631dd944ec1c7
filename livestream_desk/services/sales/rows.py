"""The plain rows the sales services return (frozen dataclasses, never ORM objects)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Mapping, Optional

from ...domain import metrics
from ...domain.metrics import Totals


@dataclass(frozen=True, slots=True)
class SaleRow:
    """One sale line as the sales list shows it."""

    id: int
    paid_at: Optional[datetime]  # None: never paid (ignored by the figures)
    platform: str
    order_id: str
    line_id: str
    product_id: Optional[int]
    product_name: str  # the catalogue's name, else the name the platform wrote
    spec: str
    sku: str
    quantity: int
    unit_price_fen: int
    paid_fen: int
    refunded_fen: int
    refunded_quantity: int
    livestream_id: Optional[int]
    livestream_title: str
    order_status: str
    source: str  # manual / import / demo
    import_batch_id: Optional[int]
    version: int = 1  # the row version an edit saves against (services.versions)

    @property
    def net_fen(self) -> int:
        return self.paid_fen - self.refunded_fen

    @property
    def refund_state(self) -> str:
        """"none", "partial" or "full"."""
        if self.refunded_fen <= 0 and self.refunded_quantity <= 0:
            return "none"
        if self.refunded_fen >= self.paid_fen and self.refunded_quantity >= self.quantity:
            return "full"
        return "partial"


class _TotalsFigures:
    """The §5 figures of `self.totals`, read as attributes of the row that holds them."""

    __slots__ = ()
    totals: Totals

    @property
    def gmv_fen(self) -> int:
        return self.totals.gmv_fen

    @property
    def refunds_fen(self) -> int:
        return self.totals.refunds_fen

    @property
    def net_sales_fen(self) -> int:
        return self.totals.net_sales_fen

    @property
    def orders(self) -> int:
        return self.totals.orders

    @property
    def units(self) -> int:
        return self.totals.units


@dataclass(frozen=True, slots=True)
class SalesTotals(_TotalsFigures):
    """The DESIGN §5 figures of a set of lines (a filter), plus how many lines it has."""

    totals: Totals  # orders, units, gmv_fen, refunds_fen (domain.metrics)
    lines: int  # all lines matching, paid or not


@dataclass(frozen=True, slots=True)
class SaleSnapshot:
    """A line's stored values (for undo): `values` are `sales` columns without the id."""

    id: int
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RefundChange:
    """A refund set on a line: what it was before and what it is now (undo swaps them)."""

    sale_id: int
    before_fen: int
    before_quantity: int
    after_fen: int
    after_quantity: int


@dataclass(frozen=True, slots=True)
class LivestreamFigures(_TotalsFigures):
    """One livestream's figures (DESIGN §5): its lines' totals against its traffic and cost."""

    livestream_id: int
    title: str
    platform: str
    start: datetime  # actual, else scheduled
    status: str
    viewers: Optional[int]
    ad_spend_fen: int
    totals: Totals
    lines: int

    @property
    def gpm_fen(self) -> Optional[Decimal]:
        return metrics.gpm_fen(self.gmv_fen, self.viewers or 0)

    @property
    def uv_value_fen(self) -> Optional[Decimal]:
        return metrics.uv_value_fen(self.gmv_fen, self.viewers or 0)

    @property
    def conversion(self) -> Optional[Decimal]:
        return metrics.conversion(self.orders, self.viewers or 0)

    @property
    def roi(self) -> Optional[Decimal]:
        return metrics.roi(self.gmv_fen, self.ad_spend_fen)


@dataclass(frozen=True, slots=True)
class ProductBreakdown:
    """One product of a livestream: what sold against what its lineup planned."""

    product_id: Optional[int]
    product_name: str
    spec: str
    position: Optional[int]  # lineup position (None: sold but not in the lineup)
    allotted: Optional[int]  # allotted stock in the lineup
    live_price_fen: Optional[int]  # the lineup's price (None: not in the lineup)
    totals: Totals  # of the product's lines in the livestream

    @property
    def sold_units(self) -> int:
        return self.totals.units

    @property
    def realised_price_fen(self) -> Optional[int]:
        """Average paid per unit (gmv ÷ units), rounded to the fen; None when nothing sold."""
        if not self.totals.units:
            return None
        return int((Decimal(self.totals.gmv_fen) / self.totals.units).to_integral_value())

    @property
    def sell_through(self) -> Optional[Decimal]:
        """Units sold ÷ allotted (1 = all sold); None without an allotment."""
        if not self.allotted:
            return None
        return Decimal(self.totals.units) / Decimal(self.allotted)


@dataclass(frozen=True, slots=True)
class ConsoleEntry:
    """One sale logged by the live console."""

    sale_id: int
    lineup_item_id: int
    product_id: int
    product_name: str
    quantity: int
    paid_fen: int
    paid_at: datetime


@dataclass(frozen=True, slots=True)
class ConsoleButton:
    """One lineup product on the console: its number key, name and price."""

    number: int  # 1, 2, 3… (the lineup position order)
    lineup_item_id: int
    product_id: int
    product_name: str
    spec: str
    price_fen: int
    allotted: Optional[int]
    stock: int
    sold_units: int  # in this livestream so far


@dataclass(frozen=True, slots=True)
class ConsoleState:
    """What the console shows: its buttons, the running totals and the latest entries."""

    livestream_id: int
    title: str
    platform: str
    status: str
    buttons: tuple[ConsoleButton, ...]
    totals: Totals
    recent: tuple[ConsoleEntry, ...]  # newest first


__all__ = [
    "SaleRow", "SalesTotals", "SaleSnapshot", "RefundChange", "LivestreamFigures", "ProductBreakdown",
    "ConsoleEntry", "ConsoleButton", "ConsoleState",
]
