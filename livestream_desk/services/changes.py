"""Telling the other windows what changed: a sale, an import or an edit on one PC shows on
the others' open pages within seconds, and only the pages of that area reload.

Every write transaction (uow.writing) notes the tables its statements write (an engine
event reads the table name of each INSERT / UPDATE / DELETE, so no service has to remember),
maps them to AREAS and, just before it commits:

- on a PostgreSQL server: `NOTIFY livestream_desk, '<area> <origin>'` (delivered to every
  listening connection when, and only if, the transaction commits); `ServerListener` waits
  for them on its own connection;
- on an SQLite file: adds 1 to the area's counter in `data_changes`, in the same
  transaction; `FileChangePoller` asks `PRAGMA data_version` (which changes only when
  another connection commits) and then reads the few counters.

A window ignores what it wrote itself (its page already refreshed the others): NOTIFYs carry
the writing Database's origin, and the counter values a Database wrote are remembered.
Plain Python, no Qt: ui/live_refresh.py runs these off the GUI thread or on a timer.
"""
from __future__ import annotations

import re
import sqlite3
import threading
import uuid
import weakref
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # SQLAlchemy loads with the database, not with the window (ui.page imports AREAS)
    from sqlalchemy import Engine

CHANNEL = "livestream_desk"

# The areas the pages watch, and the tables that belong to each (what the pages show).
AREAS: dict[str, frozenset[str]] = {
    "catalogue": frozenset({"products", "categories", "producers", "platform_codes", "stock_movements"}),
    "schedule": frozenset({"livestreams", "lineup_items", "accounts", "hosts"}),
    "sales": frozenset({"sales", "import_batches", "monthly_sales_summary"}),
    "targets": frozenset({"monthly_targets"}),
}
ALL_AREAS = frozenset(AREAS)
AREA_OF_TABLE = {table: area for area, tables in AREAS.items() for table in tables}

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)
_KEY = "livestream_desk.written_tables"
_origins: "weakref.WeakKeyDictionary[Engine, str]" = weakref.WeakKeyDictionary()
# engine → area → counter values this engine's own commits produced (FileChangePoller skips them)
_own_counts: "weakref.WeakKeyDictionary[Engine, dict[str, set[int]]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def areas_of(tables: Iterable[str]) -> frozenset[str]:
    return frozenset(AREA_OF_TABLE[t] for t in tables if t in AREA_OF_TABLE)


def origin_of(engine: Engine) -> str:
    """A token naming one open Database (engine) in NOTIFY payloads."""
    with _lock:
        if engine not in _origins:
            _origins[engine] = uuid.uuid4().hex[:16]
        return _origins[engine]


def track(engine: Engine) -> None:
    """Note, per transaction, the tables written through `engine`. Installed once per engine,
    before its first unit of work, by uow."""
    from sqlalchemy import event

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.info[_KEY] = set()

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(conn, cursor, statement, parameters, context, executemany):
        match = _WRITE.match(statement)
        if match:
            conn.info.setdefault(_KEY, set()).add(match.group(1).lower())


def written_areas(connection) -> frozenset[str]:
    return areas_of(connection.info.get(_KEY, ()))


def announce(connection) -> Optional[tuple[str, dict[str, int]]]:
    """Inside the write transaction, before its commit: tell the others which areas it
    changed. Returns what `committed` needs afterwards (None when nothing to remember)."""
    from sqlalchemy import text

    areas = written_areas(connection)
    if not areas:
        return None
    connection.info[_KEY] = set()  # the announcement's own statements are not news
    engine = connection.engine
    if connection.dialect.name == "postgresql":
        origin = origin_of(engine)
        for area in sorted(areas):
            connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                               {"channel": CHANNEL, "payload": f"{area} {origin}"})
        connection.info[_KEY] = set()
        return None
    counts: dict[str, int] = {}
    for area in sorted(areas):
        counts[area] = int(connection.execute(
            text("INSERT INTO data_changes (area, counter) VALUES (:area, 1) "
                 "ON CONFLICT (area) DO UPDATE SET counter = data_changes.counter + 1 RETURNING counter"),
            {"area": area},
        ).scalar_one())
    connection.info[_KEY] = set()
    return ("sqlite", counts)


def committed(engine: Engine, pending: Optional[tuple[str, dict[str, int]]]) -> None:
    """After the commit: remember the counter values this engine wrote itself."""
    if not pending:
        return
    with _lock:
        own = _own_counts.setdefault(engine, defaultdict(set))
        for area, value in pending[1].items():
            own[area].add(value)


class FileChangePoller:
    """Which areas other connections changed in an SQLite file since the last `poll()`.

    Its own sqlite3 connection (read-only): `PRAGMA data_version` is a few microseconds and
    changes only when another connection commits; the counters are read only then. A counter
    that moved by values this window's own engine wrote is not reported."""

    def __init__(self, path: Path, engine: Optional[Engine] = None) -> None:
        self._path = Path(path)
        self._engine = engine
        self._conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                     check_same_thread=False, timeout=0.2)
        self._version = self._data_version()
        self._counts = self._read_counts()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _read_counts(self) -> dict[str, int]:
        try:
            return {area: int(n) for area, n in self._conn.execute("SELECT area, counter FROM data_changes")}
        except sqlite3.OperationalError:  # busy for a moment, or a schema without the table
            return dict(getattr(self, "_counts", {}))

    def poll(self) -> frozenset[str]:
        version = self._data_version()
        if version == self._version:
            return frozenset()
        self._version = version
        counts = self._read_counts()
        own = _own_counts.get(self._engine, {}) if self._engine is not None else {}
        changed = set()
        for area, value in counts.items():
            before = self._counts.get(area, 0)
            if value != before and not set(range(before + 1, value + 1)) <= own.get(area, set()):
                changed.add(area)
        self._counts = counts
        return frozenset(changed)

    def close(self) -> None:
        self._conn.close()


def libpq_url(sqlalchemy_url) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq (psycopg) reads it, password included."""
    from sqlalchemy.engine import make_url

    url = make_url(str(sqlalchemy_url)) if isinstance(sqlalchemy_url, str) else sqlalchemy_url
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ServerListener:
    """LISTEN livestream_desk on its own psycopg connection (autocommit); `wait()` returns the
    areas other windows changed, waiting at most `timeout` seconds. Not thread-safe: one
    thread owns it (ui/live_refresh.py's worker thread)."""

    def __init__(self, url, engine: Optional[Engine] = None, *, connect_timeout: int = 10) -> None:
        import psycopg

        self._origin = origin_of(engine) if engine is not None else None
        self._conn = psycopg.connect(libpq_url(url), autocommit=True, connect_timeout=connect_timeout)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> frozenset[str]:
        changed = set()
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            changed |= self._area(note.payload)
        # drain what arrived together, without waiting again
        for note in self._conn.notifies(timeout=0.0):
            changed |= self._area(note.payload)
        return frozenset(changed)

    def _area(self, payload: str) -> set[str]:
        area, _, origin = payload.partition(" ")
        if origin and origin == self._origin:
            return set()
        return {area} if area in AREAS else set()

    def close(self) -> None:
        self._conn.close()


__all__ = [
    "AREAS", "ALL_AREAS", "CHANNEL", "areas_of", "track", "announce", "committed", "written_areas",
    "FileChangePoller", "ServerListener", "libpq_url", "origin_of",
]
