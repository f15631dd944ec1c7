"""Reading livestreams: the calendar's date range, the list view, one livestream, what is next.

Every read is one Core query: livestreams joined to their account, host and a grouped lineup
subquery (size and planned value), so a month of 300 livestreams is one round trip.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional, Sequence

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from ...db.engine import Database
from ...db.models import Account, Host, LineupItem, Livestream, LivestreamStatus, Product
from ...messages import Problem
from .. import uow
from .rows import ORDERABLE, ListQuery, LivestreamRow, Upcoming

_ls = Livestream.__table__
_acc = Account.__table__
_host = Host.__table__
_li = LineupItem.__table__
_prod = Product.__table__

# The price a lineup item sells at: its own live price, else the product's live price, else list price.
lineup_price = func.coalesce(_li.c.live_price_fen, _prod.c.live_price_fen, _prod.c.list_price_fen)


def _lineup_totals(restrict: Optional[ColumnElement] = None):
    """Per livestream: lineup size and Σ price × allotted stock (only livestreams `restrict` picks)."""
    query = (
        select(
            _li.c.livestream_id.label("livestream_id"),
            func.count().label("size"),
            func.coalesce(func.sum(lineup_price * func.coalesce(_li.c.allotted_stock, 0)), 0).label("value"),
        )
        .select_from(_li.join(_prod, _prod.c.id == _li.c.product_id))
        .group_by(_li.c.livestream_id)
    )
    if restrict is not None:
        query = query.where(_li.c.livestream_id.in_(select(_ls.c.id).where(restrict)))
    return query.subquery("lineup_totals")


def _select_rows(restrict: Optional[ColumnElement] = None) -> tuple[Select, dict]:
    totals = _lineup_totals(restrict)
    columns = {
        "id": _ls.c.id,
        "title": _ls.c.title,
        "platform": _ls.c.platform,
        "account_id": _ls.c.account_id,
        "account_name": func.coalesce(_acc.c.name, ""),
        "account_retired": func.coalesce(_acc.c.retired, False),
        "host_id": _ls.c.host_id,
        "host_name": func.coalesce(_host.c.name, ""),
        "host_retired": func.coalesce(_host.c.retired, False),
        "scheduled_start": _ls.c.scheduled_start,
        "planned_minutes": _ls.c.planned_minutes,
        "actual_start": _ls.c.actual_start,
        "actual_end": _ls.c.actual_end,
        "status": _ls.c.status,
        "theme": _ls.c.theme,
        "notes": _ls.c.notes,
        "series_id": _ls.c.series_id,
        "lineup_size": func.coalesce(totals.c.size, 0),
        "planned_value_fen": func.coalesce(totals.c.value, 0),
        "viewers": _ls.c.viewers,
        "peak_online": _ls.c.peak_online,
        "new_followers": _ls.c.new_followers,
        "likes": _ls.c.likes,
        "ad_spend_fen": _ls.c.ad_spend_fen,
        "other_cost_fen": _ls.c.other_cost_fen,
        "version": _ls.c.version,
    }
    query = select(*[c.label(name) for name, c in columns.items()]).select_from(
        _ls.outerjoin(_acc, _acc.c.id == _ls.c.account_id)
        .outerjoin(_host, _host.c.id == _ls.c.host_id)
        .outerjoin(totals, totals.c.livestream_id == _ls.c.id)
    )
    if restrict is not None:
        query = query.where(restrict)
    return query, columns


def _to_row(mapping) -> LivestreamRow:
    values = dict(mapping)
    values["account_retired"] = bool(values["account_retired"])
    values["host_retired"] = bool(values["host_retired"])
    values["lineup_size"] = int(values["lineup_size"])
    values["planned_value_fen"] = int(values["planned_value_fen"])
    return LivestreamRow(**values)


def _fetch(conn, query: Select) -> tuple[LivestreamRow, ...]:
    return tuple(_to_row(m) for m in conn.execute(query).mappings())


def livestreams_between(db: Database, start: datetime, end: datetime) -> tuple[LivestreamRow, ...]:
    """Livestreams whose scheduled start is in [start, end), by start: the month and week views."""
    restrict = and_(_ls.c.scheduled_start >= start, _ls.c.scheduled_start < end)
    query, _ = _select_rows(restrict)
    with uow.reading(db) as conn:
        return _fetch(conn, query.order_by(_ls.c.scheduled_start, _ls.c.id))


def _list_restriction(q: ListQuery) -> Optional[ColumnElement]:
    parts: list[ColumnElement] = []
    if q.start is not None:
        parts.append(_ls.c.scheduled_start >= q.start)
    if q.end is not None:
        parts.append(_ls.c.scheduled_start < q.end)
    if q.platform:
        from .platforms import parse_platform

        parts.append(_ls.c.platform == parse_platform(q.platform))
    if q.status:
        parts.append(_ls.c.status == q.status)
    if q.host_id is not None:
        parts.append(_ls.c.host_id == q.host_id)
    if q.account_id is not None:
        parts.append(_ls.c.account_id == q.account_id)
    text = q.text.strip().lower()
    if text:
        # `_`, `%` and `\` typed are plain characters, not LIKE wildcards that match everything.
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        parts.append(
            or_(
                func.lower(_ls.c.title).like(pattern, escape="\\"),
                func.lower(_ls.c.theme).like(pattern, escape="\\"),
                func.lower(_ls.c.notes).like(pattern, escape="\\"),
                _ls.c.account_id.in_(select(_acc.c.id).where(func.lower(_acc.c.name).like(pattern, escape="\\"))),
                _ls.c.host_id.in_(select(_host.c.id).where(func.lower(_host.c.name).like(pattern, escape="\\"))),
            )
        )
    return and_(*parts) if parts else None


def list_livestreams(db: Database, query: ListQuery = ListQuery()) -> tuple[LivestreamRow, ...]:
    """The list view: filtered, ordered by `query.order_by` (ties by start, id), windowed."""
    if query.order_by not in ORDERABLE:
        raise ValueError(f"cannot order by {query.order_by!r}; one of {ORDERABLE}")
    statement, columns = _select_rows(_list_restriction(query))
    key = columns[query.order_by]
    statement = statement.order_by(
        key.desc() if query.descending else key.asc(),
        _ls.c.scheduled_start.desc() if query.descending else _ls.c.scheduled_start,
        _ls.c.id,
    )
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    with uow.reading(db) as conn:
        return _fetch(conn, statement)


def count_livestreams(db: Database, query: ListQuery = ListQuery()) -> int:
    """How many livestreams the list view's filter matches (limit and offset ignored)."""
    statement = select(func.count()).select_from(_ls)
    restrict = _list_restriction(query)
    if restrict is not None:
        statement = statement.where(restrict)
    with uow.reading(db) as conn:
        return int(conn.execute(statement).scalar_one())


def get_livestream(db: Database, livestream_id: int) -> LivestreamRow:
    """One livestream; Problem schedule.not_found when it does not exist."""
    rows = get_livestreams(db, (livestream_id,))
    if not rows:
        raise Problem("schedule.not_found", id=livestream_id)
    return rows[0]


def get_livestreams(db: Database, ids: Sequence[int]) -> tuple[LivestreamRow, ...]:
    """The livestreams with these ids that exist, by start."""
    if not ids:
        return ()
    query, _ = _select_rows(_ls.c.id.in_(list(ids)))
    with uow.reading(db) as conn:
        return _fetch(conn, query.order_by(_ls.c.scheduled_start, _ls.c.id))


def upcoming_livestreams(db: Database, limit: int = 5, *, now: Optional[datetime] = None) -> tuple[Upcoming, ...]:
    """The next `limit` planned livestreams starting at or after `now` (default uow.now())."""
    now = now or uow.now()
    restrict = and_(_ls.c.status == LivestreamStatus.PLANNED, _ls.c.scheduled_start >= now)
    query, _ = _select_rows(restrict)
    with uow.reading(db) as conn:
        rows = _fetch(conn, query.order_by(_ls.c.scheduled_start, _ls.c.id).limit(limit))
    return tuple(Upcoming(row, _minutes_between(now, row.scheduled_start)) for row in rows)


def due_reminders(db: Database, lead_minutes: int = 30, *, now: Optional[datetime] = None) -> tuple[Upcoming, ...]:
    """Planned livestreams starting within the next `lead_minutes` (not yet started): remind now."""
    now = now or uow.now()
    restrict = and_(
        _ls.c.status == LivestreamStatus.PLANNED,
        _ls.c.scheduled_start >= now,
        _ls.c.scheduled_start <= now + timedelta(minutes=lead_minutes),
    )
    query, _ = _select_rows(restrict)
    with uow.reading(db) as conn:
        rows = _fetch(conn, query.order_by(_ls.c.scheduled_start, _ls.c.id))
    return tuple(Upcoming(row, _minutes_between(now, row.scheduled_start)) for row in rows)


def _minutes_between(now: datetime, start: datetime) -> int:
    """Whole minutes until `start`, rounded up (a stream 30 s away is 1 minute away)."""
    seconds = (start - now).total_seconds()
    return max(0, int(-(-seconds // 60)))


__all__ = [
    "livestreams_between", "list_livestreams", "count_livestreams", "get_livestream", "get_livestreams",
    "upcoming_livestreams", "due_reminders", "lineup_price",
]
