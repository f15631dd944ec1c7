"""A quick look at a database file before anything heavy is imported or opened.

Plain sqlite3 only (no SQLAlchemy, no pragmas): the GUI runs this before its first paint,
and `open_database()` runs it before its first connection, because switching a file in
rollback-journal mode to WAL rewrites its header — a foreign or newer database must be
recognised, and refused untouched, before that.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .. import config
from . import schema_version
from .errors import ForeignDatabase, NewerSchema, NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"


def is_url(target: str) -> bool:
    return "://" in target


def is_network_path(path: Path) -> bool:
    """SQLite's WAL needs shared memory, which network shares do not provide reliably."""
    text_path = str(path)
    return text_path.startswith(("\\\\", "//")) or text_path.startswith("/mnt/smb")


def sqlite_file(target: str | Path | None) -> Optional[Path]:
    """The SQLite file a --db value names (a path or a sqlite URL), as written; None for a
    server URL or an in-memory database. Plain string rules: no SQLAlchemy before the first paint."""
    if target is None:
        return config.default_db_path()
    if isinstance(target, str) and is_url(target):
        scheme, _, rest = target.partition("://")
        if scheme.split("+")[0].strip().lower() != "sqlite":
            return None
        # sqlite:///relative.db → "relative.db"; sqlite:////abs/x.db → "/abs/x.db"
        database = (rest[1:] if rest.startswith("/") else rest).split("?")[0]
        if database in ("", ":memory:"):
            return None
        return Path(database).expanduser()
    return Path(target).expanduser()


def resolve_path(target: str | Path | None) -> Optional[Path]:
    """The SQLite file a target names, made absolute (None for a server URL)."""
    path = sqlite_file(target)
    return path.resolve() if path is not None else None


def readonly_uri(path: Path) -> str:
    """An SQLite URI that reads `path` without writing anything beside it.

    `mode=ro` alone on a WAL database makes `-wal` and `-shm` files that a read-only
    connection can never remove (and cannot make at all in a read-only folder or on
    read-only media). While a `-wal` file exists another connection is using the database,
    so we share its files with `mode=ro`; without one the whole database is in the main
    file and `immutable=1` reads it as it is, with no side files and no locks.
    """
    resolved = Path(path).resolve()
    uri = f"{resolved.as_uri()}?mode=ro"  # as_uri() escapes "#", "?" and "%"
    if not Path(f"{resolved}-wal").exists():
        uri += "&immutable=1"
    return uri


def read_only_reason(path: Path) -> Optional[str]:
    """Why the database at `path` cannot be written: "medium" (a read-only disk or mount),
    "folder" (no new files beside it: SQLite needs its journal there), "file"; None when it can."""
    resolved = Path(path).resolve()
    folder = resolved.parent
    try:  # read-only media and mounts: access() may say yes where the kernel says no
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "medium"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    if not os.access(folder, os.W_OK):
        return "folder"
    if resolved.exists() and not os.access(resolved, os.W_OK):
        return "file"
    return None


def is_writable(path: Path) -> bool:
    """True when we may write the database file and make files beside it (its journal)."""
    return read_only_reason(path) is None


def check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabase("database.cannot_read", path=str(path), reason=exc.strerror or str(exc)) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabase("database.not_sqlite", path=str(path))


def peek_revision(path: Path, *, readonly: bool = False) -> tuple[Optional[str], bool]:
    """(the stored Alembic revision, whether the file has any tables), read without pragmas."""
    try:
        conn = sqlite3.connect(readonly_uri(path) if readonly else f"{path.as_uri()}?mode=rw", uri=True)
        try:
            tables = [
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not name.startswith("sqlite_")
            ]
            if "alembic_version" not in tables:
                return None, bool(tables)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return (row[0] if row else None), True
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise NotADatabase("database.cannot_open", path=str(path), reason=str(exc)) from exc


def refuse_unknown(revision: Optional[str], has_tables: bool, where: str) -> None:
    if revision is None and has_tables:
        raise ForeignDatabase("database.foreign", path=where)
    if revision is not None and revision not in schema_version.REVISIONS:
        raise NewerSchema("database.newer", path=where, revision=revision)


@dataclass(frozen=True)
class Preflight:
    path: Optional[Path]  # None: a server database, not checked here
    exists: bool
    revision: Optional[str]


def preflight(target: str | Path | None) -> Preflight:
    """Check a database file without opening it for use; raises the errors open_database would."""
    path = resolve_path(target)
    if path is None or not path.exists():
        return Preflight(path, False, None)
    if path.is_dir():
        raise NotADatabase("database.is_folder", path=str(path))
    check_sqlite_header(path)
    revision, has_tables = peek_revision(path, readonly=not is_writable(path))
    refuse_unknown(revision, has_tables, str(path))
    return Preflight(path, True, revision)
