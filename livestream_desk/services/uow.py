"""Transactions and time: the one way every service reads, writes and asks the clock.

- `reading(db)`: a read-only connection (a plain deferred BEGIN on SQLite, so readers never
  queue behind a writer); Core statements and column selects, for lists and reports.
- `writing(db)`: one write transaction as an ORM Session (BEGIN IMMEDIATE on SQLite, see
  db.engine). It commits at the end and rolls everything back on any error, so a service
  that raises has written nothing.
- `now()`: Beijing local wall-clock time in whole seconds, as the app stores times
  (DESIGN §4; China has no DST). Tests may replace `clock` to freeze time.
"""
from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager
from datetime import datetime
from typing import Callable, Iterator

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.period import beijing_now
from . import changes, versions

# The clock behind now(); a test can swap it (monkeypatch uow.clock) to pin the time.
clock: Callable[[], datetime] = beijing_now


def now() -> datetime:
    """Beijing local time, whole seconds."""
    return clock().replace(microsecond=0)


_prepared: "weakref.WeakSet" = weakref.WeakSet()
_prepare_lock = threading.Lock()


def _prepare(db: Database) -> None:
    """The engine's listeners for change notices and row versions, installed before its first
    unit of work in any thread. SQLAlchemy's event registration is not safe against another
    thread dispatching the same event, so they must never be added while a page's reader runs
    on a worker (a first write installing them mid-read raised "deque mutated during iteration")."""
    engine = db.engine
    if engine in _prepared:
        return
    with _prepare_lock:
        if engine not in _prepared:
            changes.track(engine)
            versions.bump_versions_of(engine)
            _prepared.add(engine)


@contextmanager
def reading(db: Database) -> Iterator[Connection]:
    """A read-only connection for one unit of reading work."""
    _prepare(db)
    with db.engine.connect().execution_options(readonly=True) as conn:
        yield conn


@contextmanager
def writing(db: Database) -> Iterator[Session]:
    """One write transaction: commits at the end, rolls everything back on any error.

    Just before the commit it tells other windows which areas it changed (services.changes:
    NOTIFY on a server, a counter on an SQLite file), so their pages catch up."""
    _prepare(db)
    session = db.session()
    try:
        with session.begin():
            yield session
            session.flush()
            pending = changes.announce(session.connection())
        changes.committed(db.engine, pending)
    finally:
        session.close()


__all__ = ["reading", "writing", "now", "clock"]
