"""Creating, changing, duplicating, moving and deleting livestreams, with their checks.

Errors (nothing written) are Problems with schedule.* codes; a clash — the same host or the
same live room on another non-cancelled livestream at an overlapping time — is a warning the
result carries (`SaveResult.clashes`): the user may save anyway. A delete returns snapshots
that `restore_livestreams` puts back (lineups and sale attribution included), for undo.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterable, Optional, Sequence

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Account, Host, LineupItem, Livestream, LivestreamStatus, Sale
from ...messages import Message, Problem
from .. import uow
from ..sale_lines import SaleLineWriter
from ..versions import check_version
from .platforms import parse_platform
from .rows import Clash, LivestreamInput, LivestreamSnapshot, Rescheduled, SaveResult

MAX_MINUTES = 24 * 60
_ls = Livestream.__table__
_li = LineupItem.__table__


# --- checks ---------------------------------------------------------------------------------


def _clean(session: Session, data: LivestreamInput, *, existing: Optional[dict], now: datetime,
           check_past: bool = True) -> dict:
    """The column values for `data`, or a Problem naming the first thing wrong."""
    title = " ".join((data.title or "").split())
    if not title:
        raise Problem("schedule.title_required")
    if not (data.platform or "").strip():
        raise Problem("schedule.platform_required")
    platform = parse_platform(data.platform)
    if data.scheduled_start is None:
        raise Problem("schedule.start_required")
    start = data.scheduled_start.replace(microsecond=0)
    minutes = int(data.planned_minutes)
    if minutes <= 0:
        raise Problem("schedule.end_before_start", minutes=minutes)
    if minutes > MAX_MINUTES:
        raise Problem("schedule.too_long", minutes=minutes, limit=MAX_MINUTES)
    planned = existing is None or existing["status"] == LivestreamStatus.PLANNED
    moved = existing is None or existing["scheduled_start"] != start
    if check_past and planned and moved and start < now.replace(second=0):
        raise Problem("schedule.planned_in_past", start=start)
    if data.account_id is not None:
        account = session.get(Account, data.account_id)
        if account is None:
            raise Problem("schedule.unknown_account")
        if account.platform != platform:
            raise Problem("schedule.account_other_platform", name=account.name)
        if account.retired and (existing is None or existing["account_id"] != account.id):
            raise Problem("schedule.account_retired", name=account.name)
    if data.host_id is not None:
        host = session.get(Host, data.host_id)
        if host is None:
            raise Problem("schedule.unknown_host")
        if host.retired and (existing is None or existing["host_id"] != host.id):
            raise Problem("schedule.host_retired", name=host.name)
    return {
        "title": title,
        "platform": platform,
        "scheduled_start": start,
        "planned_minutes": minutes,
        "account_id": data.account_id,
        "host_id": data.host_id,
        "theme": (data.theme or "").strip(),
        "notes": data.notes or "",
    }


def _window(row) -> tuple[datetime, datetime]:
    """When a livestream occupies its host and room: actual times once known, else the plan."""
    start = row.actual_start or row.scheduled_start
    end = row.actual_end or (start + timedelta(minutes=row.planned_minutes))
    return start, max(end, start + timedelta(minutes=1))


def clashes_in(conn, *, livestream_id: int, start: datetime, minutes: int, account_id: Optional[int],
               host_id: Optional[int]) -> tuple[Clash, ...]:
    """Other non-cancelled livestreams overlapping [start, start + minutes) with this host or room."""
    if account_id is None and host_id is None:
        return ()
    end = start + timedelta(minutes=minutes)
    shared = []
    if host_id is not None:
        shared.append(_ls.c.host_id == host_id)
    if account_id is not None:
        shared.append(_ls.c.account_id == account_id)
    acc, host = Account.__table__, Host.__table__
    candidates = conn.execute(
        select(
            _ls.c.id, _ls.c.title, _ls.c.platform, _ls.c.scheduled_start, _ls.c.planned_minutes,
            _ls.c.actual_start, _ls.c.actual_end, _ls.c.account_id, _ls.c.host_id,
            acc.c.name.label("account_name"), host.c.name.label("host_name"),
        )
        .select_from(_ls.outerjoin(acc, acc.c.id == _ls.c.account_id).outerjoin(host, host.c.id == _ls.c.host_id))
        .where(
            _ls.c.id != livestream_id,
            _ls.c.status != LivestreamStatus.CANCELLED,
            or_(*shared),
            # a cheap window first; the exact overlap below (a stream lasts at most a day)
            _ls.c.scheduled_start < end + timedelta(days=1),
            _ls.c.scheduled_start > start - timedelta(days=2),
        )
        .order_by(_ls.c.scheduled_start, _ls.c.id)
    ).all()
    found = []
    for row in candidates:
        other_start, other_end = _window(row)
        if other_start < end and start < other_end:
            common = dict(livestream_id=livestream_id, other_id=row.id, other_title=row.title,
                          other_platform=row.platform, other_start=other_start, other_end=other_end)
            if host_id is not None and row.host_id == host_id:
                found.append(Clash(kind="host", name=row.host_name or "", **common))
            if account_id is not None and row.account_id == account_id:
                found.append(Clash(kind="account", name=row.account_name or "", **common))
    return tuple(found)


def check_livestream(db: Database, data: LivestreamInput, *, livestream_id: Optional[int] = None) -> tuple[Clash, ...]:
    """Check `data` as the editor would save it: Problem on an error, else the clash warnings."""
    with uow.writing(db) as session:  # a write transaction that writes nothing: same reads as a save
        existing = _existing(session, livestream_id) if livestream_id is not None else None
        values = _clean(session, data, existing=existing, now=uow.now())
        return clashes_in(session.connection(), livestream_id=livestream_id or 0,
                          start=values["scheduled_start"], minutes=values["planned_minutes"],
                          account_id=values["account_id"], host_id=values["host_id"])


def _existing(session: Session, livestream_id: int) -> dict:
    row = session.execute(select(_ls).where(_ls.c.id == livestream_id)).mappings().first()
    if row is None:
        raise Problem("schedule.not_found", id=livestream_id)
    return dict(row)


# --- create, update, duplicate --------------------------------------------------------------


def create_livestream(db: Database, data: LivestreamInput) -> SaveResult:
    """A new planned livestream; Problem when `data` is wrong, clashes as warnings."""
    with uow.writing(db) as session:
        now = uow.now()
        values = _clean(session, data, existing=None, now=now)
        new_id = session.execute(
            insert(_ls).values(status=LivestreamStatus.PLANNED, created_at=now, updated_at=now, **values)
        ).inserted_primary_key[0]
        clashes = clashes_in(session.connection(), livestream_id=new_id, start=values["scheduled_start"],
                             minutes=values["planned_minutes"], account_id=values["account_id"],
                             host_id=values["host_id"])
    return SaveResult(new_id, clashes, (new_id,))


def update_livestream(db: Database, livestream_id: int, data: LivestreamInput, *,
                      expected_version: Optional[int] = None) -> SaveResult:
    """Change one livestream (also one occurrence of a series: it stays in the series).

    The start may only move into the past for a livestream that is no longer planned.
    With `expected_version` (the version the editor read), versions.ChangedElsewhere when it
    was changed since (on this or another PC).
    """
    with uow.writing(db) as session:
        existing = _existing(session, livestream_id)
        if expected_version is not None:
            check_version(session.connection(), Livestream, livestream_id, expected_version,
                          Message("concurrency.livestream", title=existing["title"]))
        now = uow.now()
        values = _clean(session, data, existing=existing, now=now)
        session.execute(update(_ls).where(_ls.c.id == livestream_id).values(updated_at=now, **values))
        clashes = clashes_in(session.connection(), livestream_id=livestream_id, start=values["scheduled_start"],
                             minutes=values["planned_minutes"], account_id=values["account_id"],
                             host_id=values["host_id"])
    return SaveResult(livestream_id, clashes, (livestream_id,))


def duplicate_livestream(db: Database, livestream_id: int, new_start: Optional[datetime] = None, *,
                         with_lineup: bool = True) -> SaveResult:
    """A new planned copy of a livestream (title, platform, room, host, theme, notes, lineup)
    at `new_start` (default: a week after the original, or later until it is in the future).
    Retired rooms and hosts are not copied onto the new one."""
    with uow.writing(db) as session:
        original = _existing(session, livestream_id)
        now = uow.now()
        if new_start is None:
            new_start = original["scheduled_start"] + timedelta(days=7)
            while new_start < now:
                new_start += timedelta(days=7)
        account = session.get(Account, original["account_id"]) if original["account_id"] else None
        host = session.get(Host, original["host_id"]) if original["host_id"] else None
        data = LivestreamInput(
            title=original["title"], platform=original["platform"], scheduled_start=new_start,
            planned_minutes=original["planned_minutes"],
            account_id=account.id if account is not None and not account.retired else None,
            host_id=host.id if host is not None and not host.retired else None,
            theme=original["theme"], notes=original["notes"],
        )
        values = _clean(session, data, existing=None, now=now)
        new_id = session.execute(
            insert(_ls).values(status=LivestreamStatus.PLANNED, created_at=now, updated_at=now, **values)
        ).inserted_primary_key[0]
        if with_lineup:
            copy_lineup_rows(session, livestream_id, new_id)
        clashes = clashes_in(session.connection(), livestream_id=new_id, start=values["scheduled_start"],
                             minutes=values["planned_minutes"], account_id=values["account_id"],
                             host_id=values["host_id"])
    return SaveResult(new_id, clashes, (new_id,))


def copy_lineup_rows(session: Session, from_id: int, to_id: int) -> int:
    """Append the lineup of `from_id` to that of `to_id`, in order; the number of items copied."""
    rows = session.execute(
        select(_li.c.product_id, _li.c.live_price_fen, _li.c.allotted_stock, _li.c.talking_points)
        .where(_li.c.livestream_id == from_id)
        .order_by(_li.c.position, _li.c.id)
    ).mappings().all()
    if not rows:
        return 0
    last = session.execute(
        select(_li.c.position).where(_li.c.livestream_id == to_id).order_by(_li.c.position.desc()).limit(1)
    ).scalar() or 0
    session.execute(
        insert(_li),
        [dict(row, livestream_id=to_id, position=last + n) for n, row in enumerate(rows, start=1)],
    )
    return len(rows)


# --- moving (drag to another day) -----------------------------------------------------------


def reschedule_livestream(db: Database, livestream_id: int, day: date) -> Rescheduled:
    """Move a planned livestream to `day`, keeping its time of day (a drag in the calendar)."""
    with uow.writing(db) as session:
        existing = _existing(session, livestream_id)
        start = existing["scheduled_start"]
        new_start = datetime.combine(day, start.time())
        return _move(session, existing, new_start)


def move_livestream(db: Database, livestream_id: int, new_start: datetime) -> Rescheduled:
    """Move a planned livestream to `new_start` (also the undo of a reschedule: the old start
    may then be in the past, which is allowed only when moving back)."""
    with uow.writing(db) as session:
        existing = _existing(session, livestream_id)
        return _move(session, existing, new_start.replace(microsecond=0), allow_past=True)


def _move(session: Session, existing: dict, new_start: datetime, *, allow_past: bool = False) -> Rescheduled:
    if existing["status"] != LivestreamStatus.PLANNED:
        raise Problem("schedule.only_planned_move", status=status_message(existing["status"]))
    now = uow.now()
    if not allow_past and new_start != existing["scheduled_start"] and new_start < now.replace(second=0):
        raise Problem("schedule.planned_in_past", start=new_start)
    session.execute(
        update(_ls).where(_ls.c.id == existing["id"]).values(scheduled_start=new_start, updated_at=now)
    )
    clashes = clashes_in(session.connection(), livestream_id=existing["id"], start=new_start,
                         minutes=existing["planned_minutes"], account_id=existing["account_id"],
                         host_id=existing["host_id"])
    return Rescheduled(existing["id"], existing["scheduled_start"], new_start, clashes)


def status_message(status: str):
    from ...messages import Message

    return Message(f"schedule.status.{status}") if status in LivestreamStatus.ALL else status


# --- delete and undo ------------------------------------------------------------------------


def _snapshots(session, ids: Sequence[int]) -> tuple[LivestreamSnapshot, ...]:
    rows = session.execute(select(_ls).where(_ls.c.id.in_(list(ids))).order_by(_ls.c.id)).mappings().all()
    items = session.execute(
        select(_li).where(_li.c.livestream_id.in_(list(ids))).order_by(_li.c.livestream_id, _li.c.position)
    ).mappings().all()
    sales = session.execute(
        select(Sale.id, Sale.livestream_id).where(Sale.livestream_id.in_(list(ids))).order_by(Sale.id)
    ).all()
    result = []
    for row in rows:
        lineup = tuple(tuple(item.items()) for item in items if item["livestream_id"] == row["id"])
        sale_ids = tuple(sale_id for sale_id, owner in sales if owner == row["id"])
        result.append(LivestreamSnapshot(tuple(row.items()), lineup, sale_ids))
    return tuple(result)


def snapshot_livestreams(db: Database, ids: Iterable[int]) -> tuple[LivestreamSnapshot, ...]:
    """Everything needed to put these livestreams back as they are now (undo of an edit)."""
    with uow.reading(db) as conn:
        return _snapshots(conn, list(ids))


def delete_livestreams(db: Database, ids: Iterable[int]) -> tuple[LivestreamSnapshot, ...]:
    """Delete livestreams with their lineups; their sales stay, unattributed. Returns snapshots
    for `restore_livestreams` (undo). Ids that no longer exist are skipped."""
    ids = list(ids)
    with uow.writing(db) as session:
        snapshots = _snapshots(session, ids)
        found = [s.livestream_id for s in snapshots]
        if found:
            with SaleLineWriter(session) as lines:
                lines.update_where(Sale.livestream_id.in_(found), {"livestream_id": None})
            session.execute(delete(_li).where(_li.c.livestream_id.in_(found)))
            session.execute(delete(_ls).where(_ls.c.id.in_(found)))
    return snapshots


def restore_livestreams(db: Database, snapshots: Sequence[LivestreamSnapshot]) -> None:
    """Put livestreams back exactly as snapshotted: the row, its lineup, its sales' attribution.
    A livestream that still exists is overwritten (undo of an edit)."""
    if not snapshots:
        return
    with uow.writing(db) as session:
        ids = [s.livestream_id for s in snapshots]
        session.execute(delete(_li).where(_li.c.livestream_id.in_(ids)))
        session.execute(delete(_ls).where(_ls.c.id.in_(ids)))
        session.execute(insert(_ls), [dict(s.values) for s in snapshots])
        items = [dict(item) for s in snapshots for item in s.lineup]
        if items:
            session.execute(insert(_li), items)
        with SaleLineWriter(session) as lines:
            for snapshot in snapshots:
                if snapshot.sale_ids:
                    lines.update_where(Sale.id.in_(list(snapshot.sale_ids)), {"livestream_id": snapshot.livestream_id})


__all__ = [
    "MAX_MINUTES", "check_livestream", "clashes_in", "create_livestream", "update_livestream",
    "duplicate_livestream", "copy_lineup_rows", "reschedule_livestream", "move_livestream",
    "snapshot_livestreams", "delete_livestreams", "restore_livestreams", "status_message",
]
