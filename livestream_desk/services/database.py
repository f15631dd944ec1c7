"""Opening the database the user named, for the command line and the window alike.

The rules of `--db` (a file path or a SQLAlchemy URL, default the file in the data folder),
the quick check before anything heavy is loaded, and the three ways in:

- `open_existing(target)`: a database that must exist already (backup); never creates a
  file, refuses an empty or foreign one before SQLAlchemy touches it.
- `open_for_reading(target)`: the same for commands that only read (report, check, export):
  an SQLite file is opened read-only (SQLite `mode=ro`), so a write-protected file, folder or
  medium works and nothing is written beside the file.
- `open_for_writing(target)`: creates or upgrades as needed (the window, demo, imports);
  corrupt, foreign and newer files are refused untouched.
- `dry_run_database(target)`: something to preview against without writing to the real one.

Every refusal is a `DatabaseProblem` (a `Problem` with a `database.*` code).
"""
from __future__ import annotations

import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional, Union

from ..db import schema_version
from ..db.errors import NotADatabase, UnsupportedOperation
from ..db.preflight import Preflight, preflight, readonly_uri, sqlite_file
from ..messages import Message
from .errors import UserError

if TYPE_CHECKING:  # SQLAlchemy loads only when a database is opened (the window paints first)
    from ..db.engine import Database


def printable_target(target: Optional[str]) -> Optional[str]:
    """A --db value fit to print: a server URL's passwords (user:***@, ?password=***) hidden."""
    if not target or "://" not in target:
        return target
    from ..db.urls import printable_text, printable_url

    try:
        from sqlalchemy.engine import make_url

        return printable_url(make_url(target))
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy can read: hide what looks like a password
        return printable_text(target)


def _holds_no_tables(path: Path) -> bool:
    """True for a sound SQLite file without any table (read-only look; errors are left to open_database)."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            (count,) = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return count == 0


def is_blank_database(path: Path) -> bool:
    """True when open_database would make a new database at `path` (no file, an empty file,
    or an SQLite file without tables)."""
    if not path.exists():
        return True
    if path.is_dir():
        return False
    return path.stat().st_size == 0 or _holds_no_tables(path)


def check_before_start(target: Optional[str]) -> Preflight:
    """The window's look at the file before its first paint (sqlite3 only, no SQLAlchemy)."""
    return preflight(target)


def read_only_message(path: Optional[Path]) -> Optional[Message]:
    """Why the database file at `path` cannot be changed (a read-only file, folder or
    medium), as a message; None when it can (or for a server database)."""
    from ..db.preflight import read_only_reason

    if path is None or not path.exists():
        return None
    reason = read_only_reason(path)
    return Message(f"database.read_only_{reason}", path=str(path)) if reason else None


def open_for_writing(target: Optional[str]) -> "Database":
    """Open the database, creating or upgrading it as needed; a read-only one is refused."""
    from ..db.engine import open_database

    path = sqlite_file(target)
    why = read_only_message(path)
    if why is not None:
        raise UserError("database.read_only", reason=why)
    return open_database(target)


def open_for_window(target: Optional[str]) -> "Database":
    """The window's database: opened for writing, or read-only (`Database.readonly`) when
    the file, its folder or its disk cannot be written, so that it can still be looked at."""
    path = sqlite_file(target)
    if path is not None and read_only_message(path) is not None and not is_blank_database(path):
        return open_existing(target, migrate=True, readonly=True)
    return open_for_writing(target)


def open_existing(target: Optional[str], *, migrate: bool, readonly: bool = False) -> "Database":
    """Open a database that must already exist; never creates one.

    `readonly` opens an SQLite file read-only. An older schema is still upgraded when
    `migrate` asks for it and the file can be written; a read-only one is refused."""
    from ..db.engine import open_database
    from ..db.preflight import is_writable

    path = sqlite_file(target)
    if path is not None:
        if not path.exists():
            raise NotADatabase("database.missing", path=str(path))
        if path.is_dir():
            raise NotADatabase("database.is_folder", path=str(path))
        if path.stat().st_size == 0:
            raise NotADatabase("database.empty_file", path=str(path))
        if _holds_no_tables(path):
            # Refused before the engine connects: switching on WAL would rewrite the header.
            raise NotADatabase("database.no_data", path=str(path))
    database = open_database(target, create=False, migrate=False, readonly=readonly)
    if not database.revision:
        where = database.describe()
        database.dispose()
        raise NotADatabase("database.no_data", path=where)
    if migrate and database.revision != schema_version.HEAD:
        database.dispose()
        if database.readonly and path is not None and not is_writable(path):
            raise UserError("database.readonly_old_schema", path=str(path))
        database = open_database(target, create=False, migrate=True)
    return database


def open_for_reading(target: Optional[str], *, migrate: bool = True) -> "Database":
    """Open a database that must exist for reading only (report, check, export, --dry-run)."""
    return open_existing(target, migrate=migrate, readonly=True)


@contextmanager
def dry_run_database(target: Optional[str]) -> Iterator[tuple["Database", Union[str, Message]]]:
    """(a database to preview against, where the real one is) without writing anything to it.

    A database that does not exist yet is stood in for by an empty one in a temporary folder;
    one with an older schema by an upgraded temporary copy (upgrading is a write).
    """
    from ..db.engine import open_database

    path = sqlite_file(target)
    if path is not None and is_blank_database(path):
        with tempfile.TemporaryDirectory(prefix="livestream-desk-dry-run-") as folder:
            database = open_database(Path(folder) / "empty.sqlite3")
            try:
                yield database, Message("database.not_there_yet", path=str(path))
            finally:
                database.dispose()
        return
    database = open_existing(target, migrate=False, readonly=True)
    where = database.describe()
    if database.revision == schema_version.HEAD:
        try:
            yield database, where
        finally:
            database.dispose()
        return
    database.dispose()
    if path is None:
        raise UserError("database.dry_run_old_schema", path=where)
    from ..db.backup_copy import sqlite_backup

    with tempfile.TemporaryDirectory(prefix="livestream-desk-dry-run-") as folder:
        copy = sqlite_backup(path, Path(folder) / "copy.sqlite3", leave_source_alone=True)
        database = open_database(copy)
        try:
            yield database, where
        finally:
            database.dispose()


def refuse_server_database(target: Optional[str]) -> None:
    """File backups and restores need an SQLite file; a server has its own tools."""
    if sqlite_file(target) is None:
        raise UnsupportedOperation("database.server_no_file_backup")


__all__ = [
    "sqlite_file",
    "printable_target",
    "is_blank_database",
    "check_before_start",
    "open_for_writing",
    "open_for_window",
    "read_only_message",
    "open_existing",
    "open_for_reading",
    "dry_run_database",
    "refuse_server_database",
]
