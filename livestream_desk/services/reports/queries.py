"""The few aggregate queries every report is built from, on an open read connection.

Sales of a period: the monthly summary (per month and platform) where it suffices, else one
GROUP BY over the lines of the period on the `paid_at` index (per product; category, origin
and producer are summed from it in Python over the small products table). Livestreams: the
done ones that started in the period (a small table), their lines by the `livestream_id`
index. Every number is summed in SQL; int() because PostgreSQL sums BIGINT as NUMERIC.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Optional

from sqlalchemy import Connection, and_, func, select

from ...db.models import Account, Host, Livestream, LivestreamStatus, MonthlySalesSummary, Product, Sale
from .rows import Sums

STARTED = func.coalesce(Livestream.actual_start, Livestream.scheduled_start)
PAID = Sale.paid_at.is_not(None)
ORDER_KEY = Sale.platform + "\x1f" + Sale.order_id  # an order is (platform, order id)


def _int(value) -> int:
    return int(value or 0)


def summary_rows(conn: Connection, first_key: int, last_key: int, platform: Optional[str] = None):
    """(month key, platform, orders, units, gmv, refunds) of the summary between two months."""
    query = select(
        MonthlySalesSummary.month,
        MonthlySalesSummary.platform,
        MonthlySalesSummary.orders,
        MonthlySalesSummary.units,
        MonthlySalesSummary.gmv_fen,
        MonthlySalesSummary.refunds_fen,
    ).where(MonthlySalesSummary.month.between(first_key, last_key), MonthlySalesSummary.lines > 0)
    if platform:
        query = query.where(MonthlySalesSummary.platform == platform)
    return [(m, p, _int(o), _int(u), _int(g), _int(r)) for m, p, o, u, g, r in conn.execute(query)]


def line_filters(
    *,
    platform: Optional[str] = None,
    product_id: Optional[int] = None,
    category_id: Optional[int] = None,
    producer_id: Optional[int] = None,
    origin: Optional[tuple[str, ...]] = None,
    host_id: Optional[int] = None,
    livestream_id: Optional[int] = None,
) -> list:
    """WHERE terms on sale lines for the drill-downs.

    `product_id`/`category_id`/`producer_id` of 0 mean "none" (lines without a product, or
    whose product has no category / producer); `origin` is (county[, town[, village]]);
    `host_id` 0 means livestreams without a host.
    """
    terms = []
    if platform:
        terms.append(Sale.platform == platform)
    if product_id is not None:
        terms.append(Sale.product_id.is_(None) if product_id == 0 else Sale.product_id == product_id)
    product_terms = []
    if category_id is not None:
        product_terms.append(Product.category_id.is_(None) if category_id == 0 else Product.category_id == category_id)
    if producer_id is not None:
        product_terms.append(Product.producer_id.is_(None) if producer_id == 0 else Product.producer_id == producer_id)
    if origin is not None:
        for column, value in zip((Product.origin_county, Product.origin_town, Product.origin_village), origin):
            product_terms.append(column == value)
    if product_terms:
        terms.append(Sale.product_id.in_(select(Product.id).where(*product_terms)))
    if host_id is not None:
        host = Livestream.host_id.is_(None) if host_id == 0 else Livestream.host_id == host_id
        terms.append(Sale.livestream_id.in_(select(Livestream.id).where(host)))
    if livestream_id is not None:
        terms.append(Sale.livestream_id == livestream_id)
    return terms


def per_product(conn: Connection, start: Optional[datetime], end: Optional[datetime], terms: Iterable = ()) -> dict:
    """{product id or None: Sums} of the paid lines paid in [start, end) matching `terms`
    (no time limit when start is None)."""
    query = select(
        Sale.product_id,
        func.sum(Sale.paid_fen),
        func.sum(Sale.refunded_fen),
        func.sum(Sale.quantity),
        func.count(),
    ).group_by(Sale.product_id)
    if start is not None:
        query = query.where(Sale.paid_at >= start, Sale.paid_at < end)
    else:
        query = query.where(PAID)
    query = query.where(*terms)
    return {pid: Sums(_int(g), _int(r), _int(u), _int(n)) for pid, g, r, u, n in conn.execute(query)}


@dataclass(frozen=True)
class ProductInfo:
    name: str
    spec: str
    category_id: Optional[int]
    category: str
    producer_id: Optional[int]
    producer: str
    producer_kind: str
    producer_village: str
    county: str
    town: str
    village: str


def product_info(conn: Connection, ids: Iterable[Optional[int]]) -> dict[int, ProductInfo]:
    """Names, category, producer and origin of the given products (a small table)."""
    from ...db.models import Category, Producer

    wanted = sorted({i for i in ids if i is not None})
    info: dict[int, ProductInfo] = {}
    for chunk_start in range(0, len(wanted), 900):  # SQLite's limit on bound parameters
        chunk = wanted[chunk_start:chunk_start + 900]
        query = (
            select(
                Product.id, Product.name, Product.spec, Product.category_id, Category.name,
                Product.producer_id, Producer.name, Producer.kind, Producer.village,
                Product.origin_county, Product.origin_town, Product.origin_village,
            )
            .outerjoin(Category, Category.id == Product.category_id)
            .outerjoin(Producer, Producer.id == Product.producer_id)
            .where(Product.id.in_(chunk))
        )
        for row in conn.execute(query):
            info[row[0]] = ProductInfo(row[1], row[2] or "", row[3], row[4] or "", row[5], row[6] or "",
                                       row[7] or "", row[8] or "", row[9] or "", row[10] or "", row[11] or "")
    return info


@dataclass(frozen=True)
class StreamInfo:
    livestream_id: int
    title: str
    platform: str
    start: datetime
    host_id: Optional[int]
    host_name: str
    account_name: str
    viewers: Optional[int]
    ad_spend_fen: int


def done_livestreams(conn: Connection, start: datetime, end: datetime, *, platform: Optional[str] = None,
                     host_id: Optional[int] = None) -> list[StreamInfo]:
    """The done livestreams whose actual (else scheduled) start is in [start, end)."""
    query = (
        select(Livestream.id, Livestream.title, Livestream.platform, STARTED, Livestream.host_id, Host.name,
               Account.name, Livestream.viewers, Livestream.ad_spend_fen)
        .outerjoin(Host, Host.id == Livestream.host_id)
        .outerjoin(Account, Account.id == Livestream.account_id)
        .where(Livestream.status == LivestreamStatus.DONE, and_(STARTED >= start, STARTED < end))
        .order_by(STARTED, Livestream.id)
    )
    if platform:
        query = query.where(Livestream.platform == platform)
    if host_id is not None:
        query = query.where(Livestream.host_id.is_(None) if host_id == 0 else Livestream.host_id == host_id)
    return [
        StreamInfo(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], _int(r[8]))
        for r in conn.execute(query)
    ]


def per_livestream(conn: Connection, start: datetime, end: datetime, terms: Iterable = (), *,
                   with_orders: bool = True) -> dict[int, tuple[int, Sums]]:
    """{livestream id: (orders, Sums)} of the paid lines (whenever paid) of the done livestreams
    that started in [start, end), lines matching `terms`. Orders: distinct (platform, order id)."""
    streams = select(Livestream.id).where(
        Livestream.status == LivestreamStatus.DONE, and_(STARTED >= start, STARTED < end)
    )
    orders = func.count(func.distinct(ORDER_KEY)) if with_orders else func.count()
    query = (
        select(Sale.livestream_id, orders, func.sum(Sale.paid_fen), func.sum(Sale.refunded_fen),
               func.sum(Sale.quantity), func.count())
        .where(PAID, Sale.livestream_id.in_(streams), *terms)
        .group_by(Sale.livestream_id)
    )
    return {
        lid: (_int(o) if with_orders else 0, Sums(_int(g), _int(r), _int(u), _int(n)))
        for lid, o, g, r, u, n in conn.execute(query)
    }


__all__ = [
    "STARTED",
    "PAID",
    "ORDER_KEY",
    "summary_rows",
    "line_filters",
    "per_product",
    "ProductInfo",
    "product_info",
    "StreamInfo",
    "done_livestreams",
    "per_livestream",
]
