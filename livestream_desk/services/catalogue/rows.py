"""The catalogue's plain rows (frozen dataclasses, never ORM objects) and how they are read."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Category, PlatformCode, Producer, Product
from ...domain.metrics import round_pct
from ...domain.validation import is_low_stock, join_origin, margin_pct
from .errors import NotFound


@dataclass(frozen=True)
class ProductRow:
    """One line of the catalogue table."""

    id: int
    sku: str  # "" when none
    name: str
    spec: str
    unit: str
    category_id: Optional[int]
    category: str
    list_price_fen: int
    live_price_fen: Optional[int]
    cost_fen: Optional[int]
    margin_pct: Optional[Decimal]  # (price − cost) / price × 100, one decimal; None without cost or price
    stock: int
    low_stock_threshold: int
    low_stock: bool
    origin: str  # "江西省 婺源县 江湾镇 篁岭村"
    producer_id: Optional[int]
    producer: str
    certifications: str  # 、-separated
    archived: bool
    needs_review: bool
    photo_path: str
    updated_at: Optional[datetime]


@dataclass(frozen=True)
class PlatformCodeRow:
    platform: str
    code: str
    id: Optional[int] = None


@dataclass(frozen=True)
class StockMovementRow:
    id: int
    product_id: int
    delta: int
    reason: str
    at: datetime
    stock_after: Optional[int] = None  # filled by stock_history()


@dataclass(frozen=True)
class ProductDetail:
    """Every field of a product, for the editor."""

    id: int
    sku: str
    name: str
    spec: str
    unit: str
    category_id: Optional[int]
    category: str
    list_price_fen: int
    live_price_fen: Optional[int]
    cost_fen: Optional[int]
    stock: int
    low_stock_threshold: int
    origin_province: str
    origin_county: str
    origin_town: str
    origin_village: str
    producer_id: Optional[int]
    producer: str
    certifications: str
    shelf_life_days: Optional[int]
    photo_path: str
    notes: str
    archived: bool
    needs_review: bool
    created_at: Optional[datetime]
    updated_at: Optional[datetime]
    platform_codes: tuple[PlatformCodeRow, ...] = ()
    version: int = 1  # the row version the editor saves against (services.versions)
    updated_by: str = ""  # who changed it last (user@computer)

    @property
    def origin(self) -> str:
        return join_origin(self.origin_province, self.origin_county, self.origin_town, self.origin_village)

    @property
    def margin_pct(self) -> Optional[Decimal]:
        return round_pct(margin_pct(self.list_price_fen, self.cost_fen))

    @property
    def low_stock(self) -> bool:
        return is_low_stock(self.stock, self.low_stock_threshold)


@dataclass(frozen=True)
class DeletedProduct:
    """What `delete_product` removed; `restore_deleted_product` puts it back (undo)."""

    detail: ProductDetail
    stock_movements: tuple[StockMovementRow, ...]


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    position: int
    product_count: int = 0


@dataclass(frozen=True)
class ProducerRow:
    id: int
    name: str
    kind: str = ""
    contact: str = ""
    village: str = ""
    notes: str = ""
    product_count: int = 0



# --- reading them ------------------------------------------------------------------


def row_select():
    return (
        select(
            Product.id,
            Product.sku,
            Product.name,
            Product.spec,
            Product.unit,
            Product.category_id,
            Category.name.label("category"),
            Product.list_price_fen,
            Product.live_price_fen,
            Product.cost_fen,
            Product.stock,
            Product.low_stock_threshold,
            Product.origin_province,
            Product.origin_county,
            Product.origin_town,
            Product.origin_village,
            Product.producer_id,
            Producer.name.label("producer"),
            Product.certifications,
            Product.archived,
            Product.needs_review,
            Product.photo_path,
            Product.updated_at,
        )
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
    )


def to_row(r) -> ProductRow:
    # By position (row_select's order): a hundred of these per keystroke in a search.
    (product_id, sku, name, spec, unit, category_id, category, list_price_fen, live_price_fen, cost_fen, stock,
     low_stock_threshold, province, county, town, village, producer_id, producer, certifications, archived,
     needs_review, photo_path, updated_at) = r
    return ProductRow(
        id=product_id,
        sku=sku or "",
        name=name,
        spec=spec,
        unit=unit,
        category_id=category_id,
        category=category or "",
        list_price_fen=list_price_fen,
        live_price_fen=live_price_fen,
        cost_fen=cost_fen,
        margin_pct=None if cost_fen is None else round_pct(margin_pct(list_price_fen, cost_fen)),
        stock=stock,
        low_stock_threshold=low_stock_threshold,
        low_stock=is_low_stock(stock, low_stock_threshold),
        origin=join_origin(province, county, town, village),
        producer_id=producer_id,
        producer=producer or "",
        certifications=certifications,
        archived=bool(archived),
        needs_review=bool(needs_review),
        photo_path=photo_path,
        updated_at=updated_at,
    )


def read_detail(conn, product_id: int) -> ProductDetail:
    columns = [c for c in Product.__table__.columns]
    statement = (
        select(*columns, Category.name.label("category_name"), Producer.name.label("producer_name"))
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .where(Product.id == product_id)
    )
    r = conn.execute(statement).first()
    if r is None:
        raise NotFound("product", product_id)
    codes = conn.execute(
        select(PlatformCode.id, PlatformCode.platform, PlatformCode.code)
        .where(PlatformCode.product_id == product_id)
        .order_by(PlatformCode.platform, PlatformCode.code)
    )
    return ProductDetail(
        id=r.id,
        sku=r.sku or "",
        name=r.name,
        spec=r.spec,
        unit=r.unit,
        category_id=r.category_id,
        category=r.category_name or "",
        list_price_fen=r.list_price_fen,
        live_price_fen=r.live_price_fen,
        cost_fen=r.cost_fen,
        stock=r.stock,
        low_stock_threshold=r.low_stock_threshold,
        origin_province=r.origin_province,
        origin_county=r.origin_county,
        origin_town=r.origin_town,
        origin_village=r.origin_village,
        producer_id=r.producer_id,
        producer=r.producer_name or "",
        certifications=r.certifications,
        shelf_life_days=r.shelf_life_days,
        photo_path=r.photo_path,
        notes=r.notes,
        archived=bool(r.archived),
        needs_review=bool(r.needs_review),
        created_at=r.created_at,
        updated_at=r.updated_at,
        platform_codes=tuple(PlatformCodeRow(platform=c.platform, code=c.code, id=c.id) for c in codes),
        version=int(r.version),
        updated_by=r.updated_by or "",
    )


def row_in(session: Session, product_id: int) -> ProductRow:
    r = session.execute(row_select().where(Product.id == product_id)).first()
    if r is None:
        raise NotFound("product", product_id)
    return to_row(r)



__all__ = [
    "ProductRow", "PlatformCodeRow", "StockMovementRow", "ProductDetail", "DeletedProduct", "CategoryRow",
    "ProducerRow", "row_select", "to_row", "read_detail", "row_in",
]
