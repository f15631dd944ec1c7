"""Keeping the report tables exactly equal to the raw sale lines (with the monthly summary).

`report_product_month`: per month, platform, product and livestream (0 = none) the sums of
paid lines; everything in it adds up, so a period's products, categories, origins and
producers (and their drill-downs by platform, host or livestream) are sums of its rows.

`report_livestream_month`: per livestream, month and platform the sums of its paid lines and
its distinct orders, each order counted once, in the month of its first paid line of that
livestream. A livestream's figures are those of all its lines whenever paid, so a refresh
recomputes every livestream that has (or had) lines in a touched month from all its lines
(the `livestream_id` index): the order counts then stay exact even for an order whose lines
were paid in different months.

services.summary.refresh_months calls `refresh_report_tables` in the writer's transaction
(after taking its lock on PostgreSQL); `report_table_mismatches` is part of `check`.
"""
from __future__ import annotations

from typing import Optional, Sequence

from sqlalchemy import Connection, and_, delete, func, insert, literal, select

from ..db.models import ReportLivestreamMonth, ReportProductMonth, Sale
from ..db.sql import month_key
from ..messages import Message

_sale_month = month_key(Sale.paid_at)
_PAID = Sale.paid_at.is_not(None)
_CHUNK = 500  # livestream ids per statement (SQLite's limit on bound parameters)

PRODUCT_COLUMNS = ["month", "platform", "product_id", "livestream_id", "units", "gmv_fen", "refunds_fen",
                   "refunded_units", "lines"]
LIVESTREAM_COLUMNS = ["livestream_id", "month", "platform", "orders", "units", "gmv_fen", "refunds_fen", "lines"]


def _product_select(where=None):
    product = func.coalesce(Sale.product_id, 0)
    livestream = func.coalesce(Sale.livestream_id, 0)
    query = (
        select(
            _sale_month.label("month"),
            Sale.platform,
            product.label("product_id"),
            livestream.label("livestream_id"),
            func.coalesce(func.sum(Sale.quantity), 0).label("units"),
            func.coalesce(func.sum(Sale.paid_fen), 0).label("gmv_fen"),
            func.coalesce(func.sum(Sale.refunded_fen), 0).label("refunds_fen"),
            func.coalesce(func.sum(Sale.refunded_quantity), 0).label("refunded_units"),
            func.count().label("lines"),
        )
        .where(_PAID)
        .group_by(_sale_month, Sale.platform, product, livestream)
    )
    return query if where is None else query.where(where)


def _livestream_select(streams=None):
    """The rows of `report_livestream_month` for the lines matching `streams` (a WHERE term on
    Sale.livestream_id; every livestream when None)."""
    which = Sale.livestream_id.is_not(None) if streams is None else streams
    firsts = (
        select(Sale.livestream_id, Sale.platform, func.min(_sale_month).label("month"))
        .where(_PAID, which)
        .group_by(Sale.livestream_id, Sale.platform, Sale.order_id)
        .subquery("firsts")
    )
    orders = (
        select(firsts.c.livestream_id, firsts.c.platform, firsts.c.month, func.count().label("orders"))
        .group_by(firsts.c.livestream_id, firsts.c.platform, firsts.c.month)
        .subquery("orders")
    )
    sums = (
        select(
            Sale.livestream_id.label("livestream_id"),
            _sale_month.label("month"),
            Sale.platform.label("platform"),
            func.coalesce(func.sum(Sale.quantity), 0).label("units"),
            func.coalesce(func.sum(Sale.paid_fen), 0).label("gmv_fen"),
            func.coalesce(func.sum(Sale.refunded_fen), 0).label("refunds_fen"),
            func.count().label("lines"),
        )
        .where(_PAID, which)
        .group_by(Sale.livestream_id, _sale_month, Sale.platform)
        .subquery("sums")
    )
    # Every (livestream, platform, first month) has a line in that month: a LEFT JOIN suffices.
    return select(
        sums.c.livestream_id, sums.c.month, sums.c.platform, func.coalesce(orders.c.orders, literal(0)),
        sums.c.units, sums.c.gmv_fen, sums.c.refunds_fen, sums.c.lines,
    ).select_from(
        sums.outerjoin(orders, and_(orders.c.livestream_id == sums.c.livestream_id,
                                    orders.c.platform == sums.c.platform, orders.c.month == sums.c.month))
    )


def refresh_report_tables(conn: Connection, keys: Optional[Sequence[int]] = None, month_lines=None) -> None:
    """Recompute the report tables for the month keys `keys` (every month when None).

    `month_lines`: the WHERE term that finds the paid lines of those months (the caller's,
    chosen to use the `paid_at` index or not).
    """
    if keys is None:
        conn.execute(delete(ReportProductMonth))
        conn.execute(insert(ReportProductMonth).from_select(PRODUCT_COLUMNS, _product_select()))
        conn.execute(delete(ReportLivestreamMonth))
        conn.execute(insert(ReportLivestreamMonth).from_select(LIVESTREAM_COLUMNS, _livestream_select()))
        return
    if not keys:
        return
    keys = list(keys)
    conn.execute(delete(ReportProductMonth).where(ReportProductMonth.month.in_(keys)))
    conn.execute(insert(ReportProductMonth).from_select(PRODUCT_COLUMNS, _product_select(month_lines)))

    # The livestreams with lines in those months, before (their rows) and after (the lines).
    had = select(ReportLivestreamMonth.livestream_id).where(ReportLivestreamMonth.month.in_(keys)).distinct()
    has = select(Sale.livestream_id).where(_PAID, Sale.livestream_id.is_not(None), month_lines).distinct()
    streams = sorted({lid for (lid,) in conn.execute(had)} | {lid for (lid,) in conn.execute(has)})
    for start in range(0, len(streams), _CHUNK):
        chunk = streams[start:start + _CHUNK]
        conn.execute(delete(ReportLivestreamMonth).where(ReportLivestreamMonth.livestream_id.in_(chunk)))
        conn.execute(insert(ReportLivestreamMonth).from_select(
            LIVESTREAM_COLUMNS, _livestream_select(Sale.livestream_id.in_(chunk))))


def report_table_mismatches(conn: Connection) -> list[Message]:
    """Rows of the report tables that differ from the raw lines (`health.report_table_differs`)."""
    problems = []
    checks = (
        ("report_product_month", _product_select(), ReportProductMonth, PRODUCT_COLUMNS, 4),
        ("report_livestream_month", _livestream_select(), ReportLivestreamMonth, LIVESTREAM_COLUMNS, 3),
    )
    for name, raw_query, model, columns, key_length in checks:
        # int(): PostgreSQL sums BIGINT money as NUMERIC (Decimal).
        raw = {tuple(r[:key_length]): tuple(int(v) for v in r[key_length:]) for r in conn.execute(raw_query)}
        kept_query = select(*(getattr(model, c) for c in columns))
        kept = {tuple(r[:key_length]): tuple(int(v) for v in r[key_length:]) for r in conn.execute(kept_query)}
        for key in sorted(set(raw) | set(kept), key=str):
            if raw.get(key) != kept.get(key):
                problems.append(Message("health.report_table_differs", table=name, key=" ".join(str(k) for k in key),
                                        kept=str(kept.get(key)), raw=str(raw.get(key))))
    return problems


__all__ = ["refresh_report_tables", "report_table_mismatches", "PRODUCT_COLUMNS", "LIVESTREAM_COLUMNS"]
