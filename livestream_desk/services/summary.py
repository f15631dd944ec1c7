"""Keeping `monthly_sales_summary` exactly equal to the raw sale lines.

Every service that writes sales calls `refresh_months()` for the months it touched, in the
same transaction, so the summary can never disagree with what was committed.
"""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import Connection, and_, delete, func, insert, select

from ..messages import Message
from ..db.models import MonthlySalesSummary, Sale
from ..db.sql import month_key
from ..domain.period import Month

_sale_month = month_key(Sale.paid_at)


def _raw_totals_select(where=None):
    """Per month and platform totals by the §5 definitions, straight from the lines."""
    query = (
        select(
            _sale_month.label("month"),
            Sale.platform,
            func.count(func.distinct(Sale.order_id)).label("orders"),
            func.coalesce(func.sum(Sale.quantity), 0).label("units"),
            func.coalesce(func.sum(Sale.paid_fen), 0).label("gmv_fen"),
            func.coalesce(func.sum(Sale.refunded_fen), 0).label("refunds_fen"),
            func.count().label("lines"),
        )
        .where(Sale.paid_at.is_not(None))
        .group_by(_sale_month, Sale.platform)
    )
    if where is not None:
        query = query.where(where)
    return query


def refresh_months(conn: Connection, months: Optional[Iterable[Month]] = None) -> None:
    """Recompute the summary for `months` (all months when None) from the sale lines."""
    if conn.dialect.name == "postgresql":
        # Several PCs write at once (SQLite has one writer at a time: BEGIN IMMEDIATE). One
        # refresh at a time, each after the last one's commit: its statements then count the
        # lines that one committed, instead of failing on its summary rows (duplicate key).
        # Readers are not blocked; the lock ends with the transaction.
        conn.exec_driver_sql("LOCK TABLE monthly_sales_summary IN SHARE ROW EXCLUSIVE MODE")
    columns = ["month", "platform", "orders", "units", "gmv_fen", "refunds_fen", "lines"]
    if months is None:
        conn.execute(delete(MonthlySalesSummary))
        conn.execute(insert(MonthlySalesSummary).from_select(columns, _raw_totals_select()))
        return
    for month in sorted(set(months)):
        conn.execute(delete(MonthlySalesSummary).where(MonthlySalesSummary.month == month.key))
        in_month = and_(Sale.paid_at >= month.start(), Sale.paid_at < month.end())
        conn.execute(insert(MonthlySalesSummary).from_select(columns, _raw_totals_select(in_month)))


def months_of_sales(conn: Connection, where) -> set[Month]:
    """The months of the paid lines matching `where` (before deleting or changing them)."""
    rows = conn.execute(select(_sale_month).where(Sale.paid_at.is_not(None), where).distinct())
    return {Month.from_key(key) for (key,) in rows}


def summary_mismatches(conn: Connection) -> list[Message]:
    """Differences between the summary and the raw lines (`health.summary_differs`); empty when they agree."""
    # int(): PostgreSQL sums BIGINT money as NUMERIC (Decimal); equal either way, printed as whole fen.
    raw = {(r.month, r.platform): tuple(int(v) for v in r[2:]) for r in conn.execute(_raw_totals_select())}
    kept = {
        (r.month, r.platform): (r.orders, r.units, r.gmv_fen, r.refunds_fen, r.lines)
        for r in conn.execute(select(MonthlySalesSummary))
    }
    problems = []
    for key in sorted(set(raw) | set(kept)):
        if raw.get(key) != kept.get(key):
            month, platform = key
            problems.append(
                Message(
                    "health.summary_differs",
                    month=str(Month.from_key(month)),
                    platform=platform,
                    kept=str(kept.get(key)),
                    raw=str(raw.get(key)),
                )
            )
    return problems


__all__ = ["refresh_months", "months_of_sales", "summary_mismatches"]
