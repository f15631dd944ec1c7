"""SQLAlchemy ORM models: every entity of DESIGN §3.

Money columns are Integer fen (never Numeric or floating-point: SQLite stores those as floats), `Fen`:
64-bit INTEGER on SQLite, BIGINT on PostgreSQL (whose INTEGER stops at ¥21,474,836.47).
Times are Beijing local wall-clock times stored without a zone.
Any change here needs an Alembic revision in db/migrations/versions.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    column,
    false,
    func,
    table,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.period import beijing_now
from .base import Base


# Money in fen. SQLite's INTEGER holds 64 bits already (and a BIGINT primary key would not be a
# rowid there), so only PostgreSQL gets BIGINT.
Fen = Integer().with_variant(BigInteger(), "postgresql")


# A sort key compared byte by byte: SQLite's BINARY, PostgreSQL's "C" (a locale's collation
# would skip the spaces between syllables and depend on the server's settings).
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


class Platform:
    """Platform codes stored in the database; display names live in the UI (translated)."""

    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    SHIPINHAO = "shipinhao"
    TAOBAO = "taobao"
    JD = "jd"
    PINDUODUO = "pinduoduo"
    OTHER = "other"
    ALL = (DOUYIN, KUAISHOU, SHIPINHAO, TAOBAO, JD, PINDUODUO, OTHER)


class LivestreamStatus:
    PLANNED = "planned"
    LIVE = "live"
    DONE = "done"
    CANCELLED = "cancelled"
    ALL = (PLANNED, LIVE, DONE, CANCELLED)


class SaleSource:
    MANUAL = "manual"
    IMPORT = "import"
    DEMO = "demo"


# SQLite's CURRENT_TIMESTAMP is UTC; times are stored as Beijing wall-clock time (DESIGN §4),
# so the app fills them in itself. The server default only covers rows written by other tools.
def _created() -> Mapped[datetime]:
    return mapped_column(DateTime, nullable=False, default=beijing_now, server_default=func.current_timestamp())


def _updated() -> Mapped[datetime]:
    return mapped_column(
        DateTime,
        nullable=False,
        default=beijing_now,
        server_default=func.current_timestamp(),
        onupdate=beijing_now,
    )


# Row versions (0005_row_versions): every change made through the services adds 1 and says who
# made it, and a save names the version it read (services.versions), so that two PCs on one
# database never overwrite each other silently. No Python-side default: a bulk insert of sale
# lines needs none (sale_lines._plain_insert_fits), the server's default of 1 fills it in.
def _version() -> Mapped[int]:
    return mapped_column(Integer, nullable=False, server_default=text("1"))


def _updated_by() -> Mapped[str]:
    return mapped_column(String(128), nullable=False, server_default=text("''"))  # user@computer


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Producer(Base):
    """Who grows or makes a product: a co-operative (合作社), a farmer (农户), a workshop."""

    __tablename__ = "producers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False, default="")  # 合作社 / 农户 / 企业
    contact: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    village: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("list_price_fen >= 0", name="list_price_not_negative"),
        Index("ix_products_name_spec", "name", "spec"),
        Index("ix_products_name_sort", "name_sort", "name", "spec"),  # the catalogue's order by name
        Index("uq_products_sku_key", "sku_key", unique=True),  # one product per code, any letter case
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[Optional[str]] = mapped_column(String(64), unique=True)  # 商家编码, unique when set
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    category_id: Mapped[Optional[int]] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"))
    spec: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    unit: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    list_price_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    live_price_fen: Mapped[Optional[int]] = mapped_column(Fen)
    cost_fen: Mapped[Optional[int]] = mapped_column(Fen)
    stock: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    low_stock_threshold: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    origin_province: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    origin_county: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    origin_town: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    origin_village: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    producer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("producers.id", ondelete="SET NULL"))
    certifications: Mapped[str] = mapped_column(String(200), nullable=False, default="")  # 、-separated
    shelf_life_days: Mapped[Optional[int]] = mapped_column(Integer)
    photo_path: Mapped[str] = mapped_column(String(500), nullable=False, default="")  # relative to data dir
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # pinyin etc., derived (domain.pinyin_keys); on SQLite also indexed in `product_search`
    search_keys: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # 商家编码 as matched (domain.validation.sku_key: trimmed, ASCII, case-folded); NULL without a
    # code, and for a code that clashed with another when 0004_product_keys made the keys
    sku_key: Mapped[Optional[str]] = mapped_column(String(128))
    # the name's pinyin sort key (domain.pinyin_keys.name_sort_key), byte order ("C") everywhere
    name_sort: Mapped[str] = mapped_column(SortKey, nullable=False, default="", server_default=text("''"))
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()
    version: Mapped[int] = _version()
    updated_by: Mapped[str] = _updated_by()

    category: Mapped[Optional[Category]] = relationship()
    producer: Mapped[Optional[Producer]] = relationship()
    platform_codes: Mapped[list["PlatformCode"]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )


class PlatformCode(Base):
    """A platform's own product id / SKU code mapped to one catalogue product."""

    __tablename__ = "platform_codes"
    __table_args__ = (UniqueConstraint("platform", "code", name="uq_platform_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    code: Mapped[str] = mapped_column(String(128), nullable=False)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False)

    product: Mapped[Product] = relationship(back_populates="platform_codes")


class StockMovement(Base):
    """A stock adjustment with its reason, kept as history."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True)
    delta: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    at: Mapped[datetime] = _created()


class Account(Base):
    """A platform account / live room (直播间)."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("platform", "name", name="uq_account_platform_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    platform_account_id: Mapped[str] = mapped_column(String(64), nullable=False, default="")  # e.g. 达人ID
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())  # kept on old livestreams


class Host(Base):
    """A livestream host (主播)."""

    __tablename__ = "hosts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())  # kept on old livestreams


class Livestream(Base):
    __tablename__ = "livestreams"
    __table_args__ = (
        CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start",
            name="ends_after_start",
        ),
        CheckConstraint("status IN ('planned', 'live', 'done', 'cancelled')", name="known_status"),
        Index("ix_livestreams_platform_start", "platform", "scheduled_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    account_id: Mapped[Optional[int]] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    host_id: Mapped[Optional[int]] = mapped_column(ForeignKey("hosts.id", ondelete="SET NULL"))
    scheduled_start: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    planned_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=120)
    actual_start: Mapped[Optional[datetime]] = mapped_column(DateTime)
    actual_end: Mapped[Optional[datetime]] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=LivestreamStatus.PLANNED)
    theme: Mapped[str] = mapped_column(String(100), nullable=False, default="")  # 年货节, 双十一…
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    viewers: Mapped[Optional[int]] = mapped_column(Integer)  # 观看人数
    peak_online: Mapped[Optional[int]] = mapped_column(Integer)  # 最高在线
    new_followers: Mapped[Optional[int]] = mapped_column(Integer)  # 新增粉丝
    likes: Mapped[Optional[int]] = mapped_column(Integer)
    ad_spend_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)  # 投流
    other_cost_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)  # samples etc.
    series_id: Mapped[Optional[str]] = mapped_column(String(36), index=True)  # set by a recurrence rule
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()
    version: Mapped[int] = _version()
    updated_by: Mapped[str] = _updated_by()

    account: Mapped[Optional[Account]] = relationship()
    host: Mapped[Optional[Host]] = relationship()
    lineup: Mapped[list["LineupItem"]] = relationship(
        back_populates="livestream", cascade="all, delete-orphan", order_by="LineupItem.position"
    )


class LineupItem(Base):
    """One product in a livestream's lineup (排品), in order."""

    __tablename__ = "lineup_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    livestream_id: Mapped[int] = mapped_column(
        ForeignKey("livestreams.id", ondelete="CASCADE"), nullable=False, index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    live_price_fen: Mapped[Optional[int]] = mapped_column(Fen)
    allotted_stock: Mapped[Optional[int]] = mapped_column(Integer)
    talking_points: Mapped[str] = mapped_column(Text, nullable=False, default="")  # 卖点
    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # NULL until first changed
    version: Mapped[int] = _version()
    updated_by: Mapped[str] = _updated_by()

    livestream: Mapped[Livestream] = relationship(back_populates="lineup")
    product: Mapped[Product] = relationship()


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="orders")  # orders / products
    file_name: Mapped[str] = mapped_column(String(500), nullable=False)
    file_hash: Mapped[str] = mapped_column(String(64), nullable=False, index=True)  # sha256
    platform: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    new_rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    duplicate_rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rejected_rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")  # refund/status moved on
    rejected_detail: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default=text("''"))  # JSON list
    imported_at: Mapped[datetime] = _created()
    undone_at: Mapped[Optional[datetime]] = mapped_column(DateTime)


class Sale(Base):
    """One order line. Metrics are defined over these (DESIGN §5)."""

    __tablename__ = "sales"
    __table_args__ = (
        UniqueConstraint("platform", "order_id", "line_id", name="uq_sale_platform_order_line"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint("refunded_fen >= 0", name="refund_not_negative"),
        Index("ix_sales_paid_at", "paid_at"),
        Index("ix_sales_livestream", "livestream_id"),
        Index("ix_sales_product", "product_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    livestream_id: Mapped[Optional[int]] = mapped_column(ForeignKey("livestreams.id", ondelete="SET NULL"))
    product_id: Mapped[Optional[int]] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    item_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")  # as the platform wrote it
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    order_id: Mapped[str] = mapped_column(String(64), nullable=False)
    line_id: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    unit_price_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    paid_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    paid_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # None: never paid, ignored by metrics
    refunded_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    refunded_quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    order_status: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    traffic_source: Mapped[str] = mapped_column(String(32), nullable=False, default="")  # 流量来源 / 渠道
    source: Mapped[str] = mapped_column(String(16), nullable=False, default=SaleSource.MANUAL)
    import_batch_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # NULL until first changed
    version: Mapped[int] = _version()
    updated_by: Mapped[str] = _updated_by()


class MonthlySalesSummary(Base):
    """Per month and platform totals of paid sale lines, kept in step with `sales`.

    Every writer of sales refreshes the months it touched (services.summary), so the
    monthly report reads a few hundred rows instead of scanning a million lines. `check`
    compares it with the raw lines.
    """

    __tablename__ = "monthly_sales_summary"

    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # YYYYMM
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    orders: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    units: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    gmv_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    refunds_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    lines: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ReportProductMonth(Base):
    """Per month, platform, product and livestream sums of paid sale lines (0: no product / no
    livestream), kept in step with `sales` like MonthlySalesSummary (services.report_tables).

    Every figure here adds up across rows; distinct orders do not, so there are none: the
    reports show units, sales and shares per product, category, origin and producer.
    """

    __tablename__ = "report_product_month"

    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # YYYYMM of paid_at
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0: no product linked
    livestream_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0: no livestream
    units: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    gmv_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    refunds_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    refunded_units: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    lines: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ReportLivestreamMonth(Base):
    """Per livestream, month and platform sums of its paid sale lines, with its distinct orders
    counted in the month of each order's first paid line of that livestream: summed over the
    months, `orders` is the livestream's exact distinct order count. Lines without a
    livestream are not here. Kept in step with `sales` (services.report_tables).
    """

    __tablename__ = "report_livestream_month"
    __table_args__ = (Index("ix_report_livestream_month_month", "month"),)

    livestream_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # YYYYMM of paid_at
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    orders: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    units: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    gmv_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    refunds_fen: Mapped[int] = mapped_column(Fen, nullable=False, default=0)
    lines: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MonthlyTarget(Base):
    __tablename__ = "monthly_targets"
    __table_args__ = (UniqueConstraint("month", "platform", name="uq_target_month_platform"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, nullable=False)  # YYYYMM
    platform: Mapped[str] = mapped_column(String(16), nullable=False, default="")  # "" = all platforms
    target_fen: Mapped[int] = mapped_column(Fen, nullable=False)


class DataChange(Base):
    """One counter per area of the app (services.changes.AREAS), bumped in every write
    transaction that changes the area, so that other windows on the same SQLite file see
    what changed by reading a few rows (a PostgreSQL server sends NOTIFY instead)."""

    __tablename__ = "data_changes"

    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("0"))


# --- the product search index (SQLite only) ------------------------------------------------
#
# An FTS5 table with the trigram tokenizer over products.search_keys (plus the letters found in
# the keys and the archived flag), kept equal to `products` by triggers: migration
# 0002_product_search documents it. It is not an ORM model and not in Base.metadata:
# SQLAlchemy cannot create virtual tables, and PostgreSQL has none (the search uses LIKE
# there). These lightweight descriptions are for queries (services/catalogue.py).
product_search = table("product_search", column("rowid"), column("keys"), column("letters"), column("state"))
product_search_vocab = table("product_search_vocab", column("term"), column("doc"))  # doc: rows holding it
SEARCH_INDEX_PREFIX = "product_search"
PRODUCT_SEARCH_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"  # in product_search.letters, each + "\x1f\x1f"
PRODUCT_SEARCH_ARCHIVED = "\x1f\x1f\x1f"  # product_search.state of an archived product ('' otherwise)


def in_models(name: str, type_: str, parent_names: dict) -> bool:
    """Alembic autogenerate's `include_name`: leave out the search index (its virtual tables
    and FTS5's own shadow tables product_search_*), which the models do not describe."""
    if type_ == "table" and name is not None:
        return not (name == SEARCH_INDEX_PREFIX or name.startswith(SEARCH_INDEX_PREFIX + "_"))
    return True
