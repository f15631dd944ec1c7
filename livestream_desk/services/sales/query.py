"""`SaleQuery`: which sale lines the sales list shows (filters), in what order, which window."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import ColumnElement, and_, or_

from ...db.models import Sale

NO_LIVESTREAM = 0  # SaleQuery.livestream_id for lines that came from no livestream


class RefundFilter(str, enum.Enum):
    ANY = "any"
    REFUNDED = "refunded"  # fully or partly
    NOT_REFUNDED = "not_refunded"


# SaleQuery.sort → the column it sorts by (all on the sales table itself, so a sort never
# joins a million lines; ties go by id so windows never overlap).
SORT_COLUMNS = {
    "paid_at": Sale.paid_at,
    "platform": Sale.platform,
    "order_id": Sale.order_id,
    "product": Sale.item_name,
    "livestream": Sale.livestream_id,
    "quantity": Sale.quantity,
    "unit_price_fen": Sale.unit_price_fen,
    "paid_fen": Sale.paid_fen,
    "refunded_fen": Sale.refunded_fen,
    "source": Sale.source,
}
SORT_KEYS = tuple(SORT_COLUMNS)


@dataclass(frozen=True)
class SaleQuery:
    """Filters (all optional, combined with AND), sort and window of the sales list.

    `start` / `end`: paid at or after `start`, before `end` (Beijing local times; a period
    filter leaves out unpaid lines). `livestream_id` NO_LIVESTREAM: lines of no livestream.
    `order_text`: order numbers starting with it.
    """

    start: Optional[datetime] = None
    end: Optional[datetime] = None
    platform: Optional[str] = None
    livestream_id: Optional[int] = None
    product_id: Optional[int] = None
    refunded: RefundFilter = RefundFilter.ANY
    order_text: str = ""
    sort: str = "paid_at"
    descending: bool = True
    offset: int = 0
    limit: Optional[int] = 200

    def filters_only(self) -> "SaleQuery":
        """The same filters with the default sort and no window (a key for caches)."""
        return SaleQuery(self.start, self.end, self.platform, self.livestream_id, self.product_id,
                         RefundFilter(self.refunded), self.order_text)


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def query_conditions(query: SaleQuery) -> list[ColumnElement]:
    """The WHERE conditions of the filters."""
    where: list[ColumnElement] = []
    if query.start is not None:
        where.append(Sale.paid_at >= query.start)
    if query.end is not None:
        where.append(Sale.paid_at < query.end)
    if query.platform:
        where.append(Sale.platform == query.platform)
    if query.livestream_id == NO_LIVESTREAM:
        where.append(Sale.livestream_id.is_(None))
    elif query.livestream_id is not None:
        where.append(Sale.livestream_id == query.livestream_id)
    if query.product_id is not None:
        where.append(Sale.product_id == query.product_id)
    refunded = RefundFilter(query.refunded)
    if refunded is RefundFilter.REFUNDED:
        where.append(or_(Sale.refunded_fen > 0, Sale.refunded_quantity > 0))
    elif refunded is RefundFilter.NOT_REFUNDED:
        where.append(and_(Sale.refunded_fen == 0, Sale.refunded_quantity == 0))
    text = query.order_text.strip()
    if text:
        where.append(Sale.order_id.like(_like_prefix(text), escape="\\"))
    return where


def order_by(query: SaleQuery) -> list:
    column = SORT_COLUMNS.get(query.sort, Sale.paid_at)
    if query.descending:
        return [column.desc(), Sale.id.desc()]
    return [column.asc(), Sale.id.asc()]


__all__ = ["SaleQuery", "RefundFilter", "NO_LIVESTREAM", "SORT_KEYS", "SORT_COLUMNS", "query_conditions", "order_by"]
