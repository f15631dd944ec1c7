"""What the sales filters and the entry dialog offer: livestreams and products, one light query each."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import func, select

from ...db.engine import Database
from ...db.models import Livestream, Product
from ..uow import reading


@dataclass(frozen=True, slots=True)
class LivestreamChoice:
    id: int
    title: str
    platform: str
    start: datetime  # actual, else scheduled
    status: str


@dataclass(frozen=True, slots=True)
class ProductChoice:
    id: int
    name: str
    spec: str
    sku: str
    price_fen: int  # the default live price, else the list price
    stock: int
    archived: bool

    @property
    def label(self) -> str:
        return self.name + (f" {self.spec}" if self.spec else "")


@dataclass(frozen=True, slots=True)
class SalesOptions:
    livestreams: tuple[LivestreamChoice, ...]  # newest first
    products: tuple[ProductChoice, ...]  # by name, archived last


def sales_options(db: Database, *, livestreams_limit: Optional[int] = 2000) -> SalesOptions:
    """Livestreams (newest first; planned ones too, not cancelled) and products for the pickers."""
    start = func.coalesce(Livestream.actual_start, Livestream.scheduled_start)
    with reading(db) as conn:
        statement = (
            select(Livestream.id, Livestream.title, Livestream.platform, start.label("start"), Livestream.status)
            .where(Livestream.status != "cancelled")
            .order_by(start.desc(), Livestream.id.desc())
        )
        if livestreams_limit:
            statement = statement.limit(livestreams_limit)
        streams = tuple(LivestreamChoice(r.id, r.title, r.platform, r.start, r.status) for r in conn.execute(statement))
        products = tuple(
            ProductChoice(r.id, r.name, r.spec or "", r.sku or "", int(r.price), int(r.stock), bool(r.archived))
            for r in conn.execute(
                select(Product.id, Product.name, Product.spec, Product.sku,
                       func.coalesce(Product.live_price_fen, Product.list_price_fen).label("price"),
                       Product.stock, Product.archived)
                .order_by(Product.archived, Product.name_sort, Product.name, Product.spec, Product.id)  # by pinyin
            )
        )
    return SalesOptions(streams, products)


__all__ = ["LivestreamChoice", "ProductChoice", "SalesOptions", "sales_options"]
