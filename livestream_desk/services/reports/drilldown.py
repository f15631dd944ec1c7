"""Drill-downs: the livestreams and the products behind a month or a row of a report.

Filters (all optional, combined): `platform`, `product_id`, `category_id`, `producer_id`,
`origin` ((county[, town[, village]])), `host_id`, `livestream_id`. An id of 0 means "none"
(lines without a product, products without a category / producer, livestreams without a
host), the rows a breakdown shows with key None.
"""
from __future__ import annotations

from typing import Optional

from ...db.engine import Database
from ..uow import reading
from . import queries
from .breakdowns import livestreams_from, products_from
from .period import ReportPeriod
from .rows import Breakdown, LivestreamRow


def livestreams_for(
    db: Database,
    period: ReportPeriod,
    *,
    platform: Optional[str] = None,
    product_id: Optional[int] = None,
    category_id: Optional[int] = None,
    producer_id: Optional[int] = None,
    origin: Optional[tuple[str, ...]] = None,
    host_id: Optional[int] = None,
    order_by: str = "net_sales",
) -> tuple[LivestreamRow, ...]:
    """The done livestreams that started in the period (on `platform`, by `host_id`), with the
    figures of their paid lines that match the product filters; with a product filter, only
    the livestreams that sold such a product, and their `orders` None (not kept per product)."""
    terms = queries.row_filters(product_id=product_id, category_id=category_id, producer_id=producer_id, origin=origin)
    with reading(db) as conn:
        streams = queries.done_livestreams(conn, period.start(), period.end(), platform=platform, host_id=host_id)
        sums = queries.per_livestream(conn, period.start(), period.end(), terms)
    return livestreams_from(streams, sums, only_with_lines=bool(terms), order_by=order_by)


def products_for(
    db: Database,
    period: Optional[ReportPeriod],
    *,
    platform: Optional[str] = None,
    category_id: Optional[int] = None,
    producer_id: Optional[int] = None,
    origin: Optional[tuple[str, ...]] = None,
    host_id: Optional[int] = None,
    livestream_id: Optional[int] = None,
    top: Optional[int] = None,
) -> Breakdown:
    """The products of the paid lines paid in the period that match the filters, by net sales.

    With `livestream_id` and `period` None: all that livestream's paid lines, whenever paid.
    """
    terms = queries.row_filters(platform=platform, category_id=category_id, producer_id=producer_id, origin=origin,
                                 host_id=host_id, livestream_id=livestream_id)
    with reading(db) as conn:
        per_product = queries.per_product(conn, period, terms)
        info = queries.product_info(conn, per_product)
    return products_from(per_product, info, top)


__all__ = ["livestreams_for", "products_for"]
