"""The few aggregate queries every report is built from, on an open read connection.

No query here reads the sale lines: they read the tables kept equal to them in every
writer's transaction (services.summary, services.report_tables). Sales of a period: the
monthly summary (per month and platform), or `report_product_month` per product (category,
origin and producer are summed from it in Python over the small products table).
Livestreams: the done ones that started in the period (a small table), their figures from
`report_livestream_month`. Every number is summed in SQL; int() because PostgreSQL sums
BIGINT as NUMERIC.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Optional

from sqlalchemy import Connection, and_, func, select

from ...db.models import (
    Account,
    Host,
    Livestream,
    LivestreamStatus,
    MonthlySalesSummary,
    Product,
    ReportLivestreamMonth,
    ReportProductMonth,
)
from .rows import Sums

STARTED = func.coalesce(Livestream.actual_start, Livestream.scheduled_start)
_pm = ReportProductMonth
_lm = ReportLivestreamMonth


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


class Prefetched:
    """Summary rows and done livestreams (with their sums) read once for a span of months, so
    that a whole report (its period, the previous one, a year ago, the cumulative year) asks
    the database once for each; `summary_between` / `streams_between` fall back to a query
    outside the span."""

    def __init__(self, conn: Connection, first, last) -> None:  # first, last: Month
        self.first_key, self.last_key = first.key, last.key
        self.start, self.end = first.start(), last.end()
        self.summary = summary_rows(conn, self.first_key, self.last_key)
        self.streams = done_livestreams(conn, self.start, self.end)
        self.sums = per_livestream(conn, self.start, self.end)


def summary_between(conn: Connection, first_key: int, last_key: int, prefetched: Optional[Prefetched] = None):
    """summary_rows, from `prefetched` when it covers the months."""
    if prefetched is not None and prefetched.first_key <= first_key and last_key <= prefetched.last_key:
        return [row for row in prefetched.summary if first_key <= row[0] <= last_key]
    return summary_rows(conn, first_key, last_key)


def streams_between(conn: Connection, start: datetime, end: datetime, prefetched: Optional[Prefetched] = None):
    """(done_livestreams, per_livestream) of [start, end), from `prefetched` when it covers them."""
    if prefetched is not None and prefetched.start <= start and end <= prefetched.end:
        return [s for s in prefetched.streams if start <= s.start < end], prefetched.sums
    return done_livestreams(conn, start, end), per_livestream(conn, start, end)


def row_filters(
    *,
    platform: Optional[str] = None,
    product_id: Optional[int] = None,
    category_id: Optional[int] = None,
    producer_id: Optional[int] = None,
    origin: Optional[tuple[str, ...]] = None,
    host_id: Optional[int] = None,
    livestream_id: Optional[int] = None,
) -> list:
    """WHERE terms on `report_product_month` for the drill-downs.

    `product_id`/`category_id`/`producer_id` of 0 mean "none" (lines without a product, or
    whose product has no category / producer); `origin` is (county[, town[, village]]);
    `host_id` 0 means livestreams without a host (never lines without a livestream).
    """
    terms = []
    if platform:
        terms.append(_pm.platform == platform)
    if product_id is not None:
        terms.append(_pm.product_id == product_id)  # 0: the rows of lines without a product
    product_terms = []
    if category_id is not None:
        product_terms.append(Product.category_id.is_(None) if category_id == 0 else Product.category_id == category_id)
    if producer_id is not None:
        product_terms.append(Product.producer_id.is_(None) if producer_id == 0 else Product.producer_id == producer_id)
    if origin is not None:
        for column, value in zip((Product.origin_county, Product.origin_town, Product.origin_village), origin):
            product_terms.append(column == value)
    if product_terms:
        terms.append(_pm.product_id.in_(select(Product.id).where(*product_terms)))
    if host_id is not None:
        host = Livestream.host_id.is_(None) if host_id == 0 else Livestream.host_id == host_id
        terms.append(_pm.livestream_id.in_(select(Livestream.id).where(host)))
    if livestream_id is not None:
        terms.append(_pm.livestream_id == livestream_id)
    return terms


def per_product(conn: Connection, period=None, terms: Iterable = ()) -> dict:
    """{product id or None: Sums} of the paid lines paid in `period` (a ReportPeriod; whenever
    paid when None) matching `terms` (row_filters)."""
    query = select(
        _pm.product_id,
        func.sum(_pm.gmv_fen),
        func.sum(_pm.refunds_fen),
        func.sum(_pm.units),
        func.sum(_pm.lines),
    ).group_by(_pm.product_id)
    if period is not None:
        query = query.where(_pm.month.between(period.first.key, period.last.key))
    query = query.where(*terms)
    return {pid or None: Sums(_int(g), _int(r), _int(u), _int(n)) for pid, g, r, u, n in conn.execute(query)}


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


def _started_in(start: datetime, end: datetime):
    return select(Livestream.id).where(Livestream.status == LivestreamStatus.DONE, and_(STARTED >= start, STARTED < end))


def per_livestream(conn: Connection, start: datetime, end: datetime, terms: Iterable = ()) -> dict[int, tuple[Optional[int], Sums]]:
    """{livestream id: (orders, Sums)} of the paid lines (whenever paid) of the done livestreams
    that started in [start, end). Orders: distinct (platform, order id), exact.

    With `terms` (row_filters on products): only the lines of those products, and orders None
    (distinct orders do not add up across products: they are not kept per product)."""
    terms = list(terms)
    if terms:
        query = (
            select(_pm.livestream_id, func.sum(_pm.gmv_fen), func.sum(_pm.refunds_fen), func.sum(_pm.units),
                   func.sum(_pm.lines))
            .where(_pm.livestream_id.in_(_started_in(start, end)), *terms)
            .group_by(_pm.livestream_id)
        )
        return {lid: (None, Sums(_int(g), _int(r), _int(u), _int(n))) for lid, g, r, u, n in conn.execute(query)}
    query = (
        select(_lm.livestream_id, func.sum(_lm.orders), func.sum(_lm.gmv_fen), func.sum(_lm.refunds_fen),
               func.sum(_lm.units), func.sum(_lm.lines))
        .where(_lm.livestream_id.in_(_started_in(start, end)))
        .group_by(_lm.livestream_id)
    )
    return {lid: (_int(o), Sums(_int(g), _int(r), _int(u), _int(n))) for lid, o, g, r, u, n in conn.execute(query)}


__all__ = [
    "STARTED",
    "summary_rows",
    "Prefetched",
    "summary_between",
    "streams_between",
    "row_filters",
    "per_product",
    "ProductInfo",
    "product_info",
    "StreamInfo",
    "done_livestreams",
    "per_livestream",
]
