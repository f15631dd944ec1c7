"""Row versions: a save never silently overwrites a change made on another PC.

Products, livestreams, lineup items and sale lines carry `version` (+1 on every change made
through the services), `updated_by` (user@computer) and `updated_at`. An editor remembers
the version it read; the service saves with `UPDATE … WHERE id = ? AND version = ?` and
raises `ChangedElsewhere` (who changed the row and when, read from the row) when another
save came first. The editor then offers to reload the row or to save again over it with
the version it now has (an explicit, informed overwrite).

Stock is not versioned: it only ever moves by deltas inside the transaction
(catalogue.stock, sale_lines), so two PCs selling the same product both count, and a sale
never makes an open product editor's save conflict.
"""
from __future__ import annotations

import getpass
import socket
from datetime import datetime
from functools import lru_cache
from typing import Any, Mapping, Optional

from sqlalchemy import Update, event, select, text, update

from ..messages import Message, Problem
from .errors import UserError


@lru_cache(maxsize=1)
def writer_name() -> str:
    """Who writes from this process, as stored in `updated_by`: user@computer (computed once)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment (a service account)
        user = ""
    host = socket.gethostname() or ""
    return f"{user}@{host}"[:128] if user or host else "?"


class ChangedElsewhere(UserError, Problem):
    """The row was changed (on this or another PC) after the editor read it; nothing was
    written. `version` is the row's version now: saving again with it overwrites knowingly."""

    def __init__(self, what: Message, who: str, when: Optional[datetime], version: int) -> None:
        super().__init__(
            "concurrency.changed_elsewhere", what=what, who=who or Message("concurrency.someone"),
            when=when if when is not None else Message("concurrency.unknown_time"),
        )
        self.who = who
        self.when = when
        self.version = version


def stamp(model, now: datetime) -> dict[str, Any]:
    """The values every versioned change sets: the next version, who and when."""
    return {"version": model.version + 1, "updated_by": writer_name(), "updated_at": now}


def check_version(conn, model, row_id: int, expected: Optional[int], what: Message) -> Optional[int]:
    """The row's version now; ChangedElsewhere when `expected` is given and differs. None
    when the row is gone (the caller reports that its own way). On a server the row stays
    locked until the transaction ends (FOR UPDATE), so no other save slips in between this
    check and the caller's update; SQLite's BEGIN IMMEDIATE has locked the file already."""
    row = conn.execute(
        select(model.version, model.updated_by, model.updated_at).where(model.id == row_id).with_for_update()
    ).first()
    if row is None:
        return None
    if expected is not None and int(row.version) != int(expected):
        raise ChangedElsewhere(what, row.updated_by, row.updated_at, int(row.version))
    return int(row.version)


def versioned_update(
    conn, model, row_id: int, values: Mapping[str, Any], *, expected: Optional[int], what: Message, now: datetime
) -> Optional[int]:
    """`UPDATE model SET values, version = version + 1 … WHERE id = row_id [AND version =
    expected]`; the new version. ChangedElsewhere when another save came first (read from the
    row); None when the row is gone."""
    statement = update(model).where(model.id == row_id)
    if expected is not None:
        statement = statement.where(model.version == int(expected))
    new = conn.execute(statement.values(**values, **stamp(model, now)).returning(model.version)).scalar()
    if new is not None:
        return int(new)
    # Nothing matched: the row is gone, or (on a server) another PC saved between our read and
    # this update; PostgreSQL re-checks the WHERE after waiting for that save's lock.
    return check_version(conn, model, row_id, expected, what)


# Updates that change none of what an editor shows do not count as a change of the row:
# stock (always a delta, see above), a lineup's renumbering, the timestamp alone.
_NOT_A_CHANGE = frozenset({"stock", "updated_at", "position"})
VERSIONED_TABLES = frozenset({"products", "livestreams", "lineup_items", "sales"})


def bump_versions_of(engine) -> None:
    """Every UPDATE of a versioned table through `engine` that changes what an editor shows
    and does not set `version` itself gets `version = version + 1, updated_by = this PC`
    (and `updated_at` on lineup items and sale lines), whichever service wrote it: archiving,
    a category merge, a status change, a series edit… all make an open editor's save stop
    and ask. Installed once per engine, before its first unit of work, by uow."""

    @event.listens_for(engine, "before_execute", retval=True)
    def _bump(conn, clauseelement, multiparams, params, execution_options):
        if not isinstance(clauseelement, Update):
            return clauseelement, multiparams, params
        table = clauseelement.table
        if getattr(table, "name", None) not in VERSIONED_TABLES:
            return clauseelement, multiparams, params
        given = {getattr(key, "key", key) for key in (clauseelement._values or {})}
        if not given or "version" in given or given <= _NOT_A_CHANGE:
            return clauseelement, multiparams, params
        extra: dict[str, Any] = {"version": table.c.version + 1, "updated_by": writer_name()}
        if "updated_at" not in given and table.name in ("lineup_items", "sales"):
            from .uow import now

            extra["updated_at"] = now()
        return clauseelement.values(**extra), multiparams, params


def numbering_lock(conn, key: str) -> None:
    """Before picking the next free number from what is stored (a manual order number M…-0003,
    the live console's lines): on a server, wait until other PCs picking a number under `key`
    have committed, so that two PCs never pick the same one (each transaction cannot see
    the other's uncommitted rows). Released at the end of the transaction. SQLite needs
    nothing: BEGIN IMMEDIATE lets one writer in at a time."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"livestream_desk:{key}"})


__all__ = ["ChangedElsewhere", "numbering_lock", "bump_versions_of", "VERSIONED_TABLES", "writer_name", "stamp", "check_version", "versioned_update"]
