"""Recurring series: weekly livestreams from a rule, edited or cancelled as a whole.

A series is the livestreams sharing a `series_id`. Editing or cancelling the whole series
touches its FUTURE planned occurrences only: what already happened (or was changed to live,
done or cancelled) stays as it is. One occurrence is edited like any livestream
(editing.update_livestream, status.cancel_livestream) and stays in the series.
"""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, insert, select, update

from ...db.engine import Database
from ...db.models import Livestream, LivestreamStatus
from ...messages import Problem
from .. import uow
from .editing import _clean, clashes_in
from .queries import get_livestreams
from .rows import LivestreamInput, LivestreamRow, SaveResult, SeriesRule

MAX_OCCURRENCES = 200  # about two years of twice a week
_ls = Livestream.__table__


def series_dates(rule: SeriesRule) -> tuple[date, ...]:
    """The days of the series, in order: on the rule's weekdays from its first day, up to
    `until` (inclusive) or `count` livestreams (whichever comes first when both are given)."""
    weekdays = {int(d) for d in rule.weekdays}
    if not weekdays or not weekdays <= set(range(7)):
        raise Problem("schedule.series_no_weekdays")
    if rule.until is None and rule.count is None:
        raise Problem("schedule.series_needs_end")
    if rule.until is not None and rule.until < rule.first_day:
        raise Problem("schedule.series_until_before_first", until=rule.until, first=rule.first_day)
    if rule.count is not None and not 1 <= rule.count <= MAX_OCCURRENCES:
        raise Problem("schedule.series_too_many", count=rule.count, limit=MAX_OCCURRENCES)
    days: list[date] = []
    day = rule.first_day
    while True:
        if rule.until is not None and day > rule.until:
            break
        if rule.count is not None and len(days) >= rule.count:
            break
        if day.weekday() in weekdays:
            days.append(day)
            if len(days) > MAX_OCCURRENCES:
                count = len(days) + sum(
                    1 for n in range((rule.until - day).days) if (day + timedelta(days=n + 1)).weekday() in weekdays
                )
                raise Problem("schedule.series_too_many", count=count, limit=MAX_OCCURRENCES)
        day += timedelta(days=1)
    if not days:
        raise Problem("schedule.series_empty", first=rule.first_day, until=rule.until)
    return tuple(days)


def create_series(db: Database, template: LivestreamInput, rule: SeriesRule) -> SaveResult:
    """Planned livestreams on every day of `rule` at its time and length, each a copy of
    `template` (whose own scheduled_start and planned_minutes are not used). All or nothing:
    a Problem writes none. The result names every occurrence and the clashes of all of them."""
    days = series_dates(rule)
    series_id = str(uuid.uuid4())
    with uow.writing(db) as session:
        now = uow.now()
        rows = []
        for day in days:
            data = replace(template, scheduled_start=datetime.combine(day, rule.start_time),
                           planned_minutes=rule.planned_minutes)
            values = _clean(session, data, existing=None, now=now)
            rows.append(dict(values, status=LivestreamStatus.PLANNED, series_id=series_id,
                             created_at=now, updated_at=now))
        ids = session.execute(insert(_ls).returning(_ls.c.id, sort_by_parameter_order=True), rows).scalars().all()
        clashes = []
        for new_id, row in zip(ids, rows):
            clashes.extend(
                c for c in clashes_in(session.connection(), livestream_id=new_id, start=row["scheduled_start"],
                                      minutes=row["planned_minutes"], account_id=row["account_id"],
                                      host_id=row["host_id"])
                if c.other_id not in ids
            )
    return SaveResult(ids[0], tuple(clashes), tuple(ids), series_id)


def series_occurrences(db: Database, series_id: str) -> tuple[LivestreamRow, ...]:
    """Every livestream of the series, by start (past, future, cancelled)."""
    with uow.reading(db) as conn:
        ids = conn.execute(select(_ls.c.id).where(_ls.c.series_id == series_id)).scalars().all()
    return get_livestreams(db, ids)


def future_occurrence_ids(db: Database, series_id: str) -> tuple[int, ...]:
    """The planned occurrences not yet started: what a whole-series edit or cancel changes
    (snapshot them first for undo)."""
    with uow.reading(db) as conn:
        return tuple(conn.execute(_future(series_id, uow.now())).scalars())


def _future(series_id: str, now: datetime):
    return (
        select(_ls.c.id)
        .where(and_(_ls.c.series_id == series_id, _ls.c.status == LivestreamStatus.PLANNED,
                    _ls.c.scheduled_start >= now))
        .order_by(_ls.c.scheduled_start, _ls.c.id)
    )


def _series_exists(session, series_id: str) -> None:
    if session.execute(select(_ls.c.id).where(_ls.c.series_id == series_id).limit(1)).first() is None:
        raise Problem("schedule.series_not_found")


def update_series(db: Database, series_id: str, data: LivestreamInput) -> SaveResult:
    """Apply `data` to the series' future planned occurrences: each keeps its day and takes
    the time of day of `data.scheduled_start`, its length, title, platform, room, host, theme
    and notes. Past, live, done and cancelled occurrences are left alone."""
    with uow.writing(db) as session:
        _series_exists(session, series_id)
        now = uow.now()
        future = session.execute(
            select(_ls).where(_ls.c.id.in_(_future(series_id, now))).order_by(_ls.c.scheduled_start)
        ).mappings().all()
        if not future:
            raise Problem("schedule.series_no_future")
        if data.scheduled_start is None:
            raise Problem("schedule.start_required")
        at = data.scheduled_start.time().replace(microsecond=0)
        clashes, ids = [], []
        for row in future:
            changed = replace(data, scheduled_start=datetime.combine(row["scheduled_start"].date(), at))
            values = _clean(session, changed, existing=dict(row), now=now)
            session.execute(update(_ls).where(_ls.c.id == row["id"]).values(updated_at=now, **values))
            ids.append(row["id"])
        for row_id in ids:
            start = datetime.combine(
                next(r["scheduled_start"] for r in future if r["id"] == row_id).date(), at
            )
            clashes.extend(
                c for c in clashes_in(session.connection(), livestream_id=row_id, start=start,
                                      minutes=int(data.planned_minutes), account_id=data.account_id,
                                      host_id=data.host_id)
                if c.other_id not in ids
            )
    return SaveResult(ids[0], tuple(clashes), tuple(ids), series_id)


def cancel_series(db: Database, series_id: str) -> tuple[int, ...]:
    """Cancel the series' future planned occurrences; returns their ids (for undo:
    `status.reopen_livestreams`)."""
    with uow.writing(db) as session:
        _series_exists(session, series_id)
        now = uow.now()
        ids = tuple(session.execute(_future(series_id, now)).scalars())
        if ids:
            session.execute(
                update(_ls).where(_ls.c.id.in_(ids)).values(status=LivestreamStatus.CANCELLED, updated_at=now)
            )
    return ids


__all__ = [
    "MAX_OCCURRENCES", "series_dates", "create_series", "series_occurrences", "future_occurrence_ids",
    "update_series", "cancel_series",
]
