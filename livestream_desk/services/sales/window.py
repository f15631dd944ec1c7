"""Reading the sales list: counts, windows and totals of a `SaleQuery`, fast over a million lines.

- A window is read in two steps: the ids of the window (the sales table alone, in the order
  of an index for the default sort by paid time), then those lines in full with their
  product and livestream, by primary key.
- Counts and totals whose filters are only a platform and whole months come from the
  monthly summary (services.summary keeps it equal to the raw lines on every write): a
  few hundred rows instead of a million. Any other filter is summed from the lines.
- The totals are the DESIGN §5 figures as `domain.metrics.Totals` (unpaid lines ignored;
  orders are distinct platform orders — from the summary, per month and platform, as the
  monthly report counts them).
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Connection, func, select

from ...db.engine import Database
from ...db.models import Livestream, MonthlySalesSummary, Product, Sale
from ...domain.metrics import Totals
from ...domain.period import Month
from ..uow import reading
from .query import RefundFilter, SaleQuery, order_by, query_conditions
from .rows import SaleRow, SalesTotals


def _row_select():
    return (
        select(
            Sale.id, Sale.paid_at, Sale.platform, Sale.order_id, Sale.line_id, Sale.product_id,
            func.coalesce(Product.name, Sale.item_name).label("product_name"),
            func.coalesce(Product.spec, "").label("spec"),
            func.coalesce(Product.sku, "").label("sku"),
            Sale.quantity, Sale.unit_price_fen, Sale.paid_fen, Sale.refunded_fen, Sale.refunded_quantity,
            Sale.livestream_id, func.coalesce(Livestream.title, "").label("livestream_title"),
            Sale.order_status, Sale.source, Sale.import_batch_id, Sale.version,
        )
        .select_from(Sale)
        .outerjoin(Product, Product.id == Sale.product_id)
        .outerjoin(Livestream, Livestream.id == Sale.livestream_id)
    )


def _to_row(r) -> SaleRow:
    return SaleRow(
        r.id, r.paid_at, r.platform, r.order_id, r.line_id, r.product_id, r.product_name or "", r.spec or "",
        r.sku or "", int(r.quantity), int(r.unit_price_fen), int(r.paid_fen), int(r.refunded_fen),
        int(r.refunded_quantity), r.livestream_id, r.livestream_title or "", r.order_status or "", r.source or "",
        r.import_batch_id, int(r.version),
    )


def _whole_month(moment: Optional[datetime]) -> bool:
    return moment is None or moment == Month.of(moment).start()


def summary_answers(query: SaleQuery) -> bool:
    """True when the monthly summary alone gives the query's count and totals."""
    return (
        query.livestream_id is None
        and query.product_id is None
        and RefundFilter(query.refunded) is RefundFilter.ANY
        and not query.order_text.strip()
        and _whole_month(query.start)
        and _whole_month(query.end)
    )


def _summary_where(query: SaleQuery) -> list:
    where = []
    if query.start is not None:
        where.append(MonthlySalesSummary.month >= Month.of(query.start).key)
    if query.end is not None:
        where.append(MonthlySalesSummary.month < Month.of(query.end).key)
    if query.platform:
        where.append(MonthlySalesSummary.platform == query.platform)
    return where


def _unpaid_lines(conn: Connection, query: SaleQuery) -> int:
    """Lines never paid: listed (with no paid time) unless a period is chosen."""
    if query.start is not None or query.end is not None:
        return 0
    statement = select(func.count()).select_from(Sale).where(Sale.paid_at.is_(None))
    if query.platform:
        statement = statement.where(Sale.platform == query.platform)
    return int(conn.execute(statement).scalar_one())


def _count(conn: Connection, query: SaleQuery) -> int:
    if summary_answers(query):
        paid = conn.execute(
            select(func.coalesce(func.sum(MonthlySalesSummary.lines), 0)).where(*_summary_where(query))
        ).scalar_one()
        return int(paid) + _unpaid_lines(conn, query)
    return int(conn.execute(select(func.count()).select_from(Sale).where(*query_conditions(query))).scalar_one())


def _totals(conn: Connection, query: SaleQuery) -> SalesTotals:
    if summary_answers(query):
        row = conn.execute(
            select(
                func.coalesce(func.sum(MonthlySalesSummary.orders), 0),
                func.coalesce(func.sum(MonthlySalesSummary.units), 0),
                func.coalesce(func.sum(MonthlySalesSummary.gmv_fen), 0),
                func.coalesce(func.sum(MonthlySalesSummary.refunds_fen), 0),
                func.coalesce(func.sum(MonthlySalesSummary.lines), 0),
            ).where(*_summary_where(query))
        ).one()
        orders, units, gmv, refunds, lines = (int(v) for v in row)
        return SalesTotals(Totals(orders, units, gmv, refunds), lines + _unpaid_lines(conn, query))
    return totals_where(conn, query_conditions(query))


def totals_where(conn: Connection, where: list) -> SalesTotals:
    """The §5 totals of the lines matching `where`, from the raw lines (one pass)."""
    paid = Sale.paid_at.is_not(None)
    sums = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(Sale.quantity).filter(paid), 0),
            func.coalesce(func.sum(Sale.paid_fen).filter(paid), 0),
            func.coalesce(func.sum(Sale.refunded_fen).filter(paid), 0),
        ).select_from(Sale).where(*where)
    ).one()
    orders_query = select(Sale.platform, Sale.order_id).where(paid, *where).distinct().subquery()
    orders = conn.execute(select(func.count()).select_from(orders_query)).scalar_one()
    lines, units, gmv, refunds = (int(v) for v in sums)
    return SalesTotals(Totals(int(orders), units, gmv, refunds), lines)


def list_sales(db: Database, query: Optional[SaleQuery] = None, *, with_total: bool = True) -> tuple[list[SaleRow], int]:
    """(the window of `query`: up to `limit` lines from `offset`, sorted; how many match).

    With `with_total=False` the second value is the window's length (no count query).
    """
    query = query or SaleQuery()
    with reading(db) as conn:
        total = _count(conn, query) if with_total else None
        if total == 0:
            return [], 0
        statement = select(Sale.id).where(*query_conditions(query)).order_by(*order_by(query))
        if query.limit is not None:
            statement = statement.limit(query.limit)
        if query.offset:
            statement = statement.offset(query.offset)
        ids = list(conn.execute(statement).scalars())
        if not ids:
            return [], (total if total is not None else 0)
        found = {}
        for chunk in range(0, len(ids), 900):  # SQLite binds at most 999 parameters at once
            part = ids[chunk:chunk + 900]
            for r in conn.execute(_row_select().where(Sale.id.in_(part))):
                found[r.id] = _to_row(r)
        rows = [found[i] for i in ids if i in found]
        return rows, (total if total is not None else len(rows))


def count_sales(db: Database, query: Optional[SaleQuery] = None) -> int:
    """How many lines match `query` (its window ignored)."""
    with reading(db) as conn:
        return _count(conn, query or SaleQuery())


def sales_totals(db: Database, query: Optional[SaleQuery] = None) -> SalesTotals:
    """The DESIGN §5 figures (gmv, refunds, net sales, orders, units) of the lines `query` selects."""
    with reading(db) as conn:
        return _totals(conn, query or SaleQuery())


def iter_sales(db: Database, query: Optional[SaleQuery] = None, batch: int = 2000):
    """Every line `query` selects, in its order, in batches (for exports); a generator."""
    query = query or SaleQuery()
    with reading(db) as conn:
        statement = _row_select().where(*query_conditions(query)).order_by(*order_by(query))
        result = conn.execution_options(yield_per=batch).execute(statement)
        for r in result:
            yield _to_row(r)


def get_sale(db: Database, sale_id: int) -> SaleRow:
    """One line; SaleNotFound when it was deleted."""
    from .errors import SaleNotFound

    with reading(db) as conn:
        r = conn.execute(_row_select().where(Sale.id == sale_id)).first()
    if r is None:
        raise SaleNotFound(sale_id)
    return _to_row(r)


__all__ = ["list_sales", "count_sales", "sales_totals", "iter_sales", "get_sale", "summary_answers", "totals_where"]
