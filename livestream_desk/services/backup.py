"""Backing up and restoring an SQLite database file, always through the SQLite backup API.

A live database is never copied as a file: a plain copy taken while another program
writes (or with commits still in the WAL file beside it) can be torn or stale. The
backup API copies a consistent snapshot page by page, and restoring writes the backup's
pages *into* the target through SQLite's own locking, so a window that has the database
open sees either the old or the new content, never a mix.

Where backups go: `backups/` beside the database file, named
`<database name>-YYYYmmdd-HHMMSS.sqlite3` (for the default database that is
`<user data folder>/backups/livestream_desk-YYYYmmdd-HHMMSS.sqlite3`), the same folder the
automatic pre-upgrade backups use. PostgreSQL databases are backed up with `pg_dump`.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from ..db import schema_version
from ..db.backup_copy import PAGES_PER_STEP, sqlite_backup
from ..db.engine import BUSY_TIMEOUT_MS, SQLITE_HEADER, Database, create_engine_for, is_url, open_database
from ..db.errors import ForeignDatabase, NewerSchema, NotADatabase, UnsupportedOperation
from ..db.preflight import readonly_uri
from ..messages import Message, source_text
from .errors import UserError
from .uow import now

Progress = Callable[[int, int], None]

BACKUP_FOLDER = "backups"
BACKUP_SUFFIX = ".sqlite3"
# What to do instead of a file backup on a server database (English; the code is shown translated).
PG_DUMP_HINT = source_text("database.server_no_file_backup")


@dataclass(frozen=True, slots=True)
class RestoreResult:
    target: Path  # the database file that now holds the restored data
    safety_backup: Optional[Path]  # the target's previous content, None when there was none
    revision: str  # the schema revision the restored file carried
    migrated_from: Optional[str] = None  # set when opening it upgraded an older schema
    pre_migration_backup: Optional[Path] = None
    damaged_kept_as: Optional[Path] = None  # where an unreadable target was moved aside
    damage: "Message | str" = ""  # what was wrong with it


def _sqlite_file_of(db: Database) -> Path:
    if db.path is None:
        raise UnsupportedOperation("database.server_no_file_backup")
    return db.path


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}{BACKUP_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{BACKUP_SUFFIX}"
        counter += 1
    return candidate


def default_backup_path(db: Database, reason: str = "") -> Path:
    """`backups/<name>[-<reason>]-YYYYmmdd-HHMMSS.sqlite3` beside the database file (not yet existing)."""
    path = _sqlite_file_of(db)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    label = f"{path.stem}-{reason}" if reason else path.stem
    return _free_name(path.parent / BACKUP_FOLDER, f"{label}-{stamp}")


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _damage_of(source: Path) -> Optional[str]:
    """What SQLite's quick check finds wrong with `source` (its first finding), None when sound.

    `quick_check` reads every page but skips the index-content comparison of
    `integrity_check`: a damaged page is found in a fraction of the time."""
    try:
        conn = sqlite3.connect(readonly_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            findings = [row for (row,) in conn.execute("PRAGMA quick_check(5)") if row != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # so damaged that the check itself cannot run
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise
        return str(exc)
    return " ".join(" ".join(findings).split()) if findings else None


def _check_free_space(source: Path, target: Path) -> None:
    """Refuse at once when the target's disk cannot hold the copy (instead of failing at the end)."""
    try:
        conn = sqlite3.connect(readonly_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            (pages,) = conn.execute("PRAGMA page_count").fetchone()
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        finally:
            conn.close()
        folder = target.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        free = shutil.disk_usage(folder).free
    except (OSError, sqlite3.Error):
        return  # nothing to judge by: the copy itself will tell
    needed = pages * page_size
    if free < needed:
        mib = 1024 * 1024
        raise UserError("backup.no_space", path=str(target), needed=max(1, -(-needed // mib)), free=free // mib)


def backup_database(
    db: Database,
    target: Optional[Path] = None,
    progress: Optional[Progress] = None,
    *,
    overwrite: bool = False,
    checked: bool = False,
) -> Path:
    """Copy the open database to `target` (default: default_backup_path) and return where it went.

    `target` may be a folder, then the default file name is used inside it. An existing
    file is only replaced with `overwrite` and when it is itself an SQLite database (an
    older backup); any other file is refused, and so is the database itself. A database
    that SQLite's quick check finds damaged is refused (a copy would carry the damage), and
    so is a target disk without room for the copy; a copy that fails half-way leaves nothing.
    `checked`: the caller has just run that quick check itself.
    """
    source = _sqlite_file_of(db)
    if target is None:
        target = default_backup_path(db)
    else:
        target = Path(target).expanduser()
        if target.is_dir():
            stamp = now().strftime("%Y%m%d-%H%M%S")
            target = _free_name(target, f"{source.stem}-{stamp}")
    if _same_file(source, target):
        raise UserError("backup.target_is_database", path=str(target))
    if target.exists():
        if not (target.is_file() and _has_sqlite_header(target)):
            raise UserError("backup.target_not_backup", path=str(target))
        if not overwrite:
            raise UserError("backup.target_exists", path=str(target))
    damage = None if checked else _damage_of(source)
    if damage is not None:
        raise NotADatabase("backup.database_damaged", path=str(source), reason=damage)
    _check_free_space(source, target)
    return sqlite_backup(source, target, progress)


# --- restoring ------------------------------------------------------------------------


def inspect_backup_file(source: Path) -> str:
    """Check that `source` is a sound livestream_desk database this app can open; its revision.

    Read-only (works from write-protected media) and leaves the file untouched. Raises
    NotADatabase, ForeignDatabase or NewerSchema with a message for the user.
    """
    source = Path(source).expanduser()
    if not source.exists():
        raise NotADatabase("common.file_missing", path=str(source))
    if source.is_dir():
        raise NotADatabase("backup.source_is_folder", path=str(source))
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabase("database.cannot_read", path=str(source), reason=exc.strerror or str(exc)) from exc
    if size == 0:
        raise NotADatabase("database.empty_file", path=str(source))
    if header != SQLITE_HEADER:
        raise NotADatabase("database.not_sqlite", path=str(source))
    try:
        conn = sqlite3.connect(readonly_uri(source), uri=True)
        try:
            problems = [row for (row,) in conn.execute("PRAGMA quick_check") if row != "ok"]
            if problems:
                raise NotADatabase("backup.source_damaged", path=str(source), reason=str(problems[0]))
            tables = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not name.startswith("sqlite_")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise NotADatabase("database.cannot_read", path=str(source), reason=str(exc)) from exc
    if revision is None:
        if tables:
            raise ForeignDatabase("database.foreign", path=str(source))
        raise NotADatabase("database.no_data", path=str(source))
    if revision not in schema_version.REVISIONS:
        raise NewerSchema("database.newer", path=str(source), revision=revision)
    return revision


def _target_path(target: str | Path | None) -> Path:
    if isinstance(target, str) and is_url(target):
        engine, path = create_engine_for(target)
        engine.dispose()
        if path is None:
            raise UnsupportedOperation("database.server_no_file_backup")
        return path
    if target is None:
        from .. import config

        target = config.default_db_path()
    return Path(target).expanduser().resolve()


def _copy_into(source: Path, target: Path, progress: Optional[Progress]) -> None:
    """Write the pages of `source` into the database file `target` with the backup API."""
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # The backup API cannot change the page size of a WAL database; fall back to a
            # rollback journal for the copy (the next open switches WAL on again).
            (src_page,) = src.execute("PRAGMA page_size").fetchone()
            (dst_page,) = dst.execute("PRAGMA page_size").fetchone()
            if src_page != dst_page:
                dst.execute("PRAGMA journal_mode=DELETE")

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=report)
        finally:
            dst.close()
    finally:
        src.close()


def _damage_of_target(path: Path) -> "Message | str | None":
    """What makes the database at `path` unreadable (garbage header, truncated, damaged
    pages); None when it reads (it may still be foreign or newer: open_database says so)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabase("database.cannot_read", path=str(path), reason=exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        return Message("backup.damage_not_sqlite")
    return _damage_of(path)


def _move_aside(path: Path) -> Path:
    """Rename an unreadable database (and its journal files) to `<name>.damaged-YYYYmmdd-HHMMSS`."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while kept.exists():
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in ("-wal", "-shm", "-journal"):  # they belong to the damaged file, not the restored one
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(path, kept)
    return kept


def restore_database(
    source: Path,
    target: str | Path | None,
    progress: Optional[Progress] = None,
) -> RestoreResult:
    """Replace the content of the database `target` with the backup `source`.

    `source` must be a sound livestream_desk database not newer than this app; otherwise
    nothing is touched. The target's current content is first saved to
    `backups/<name>-before-restore-YYYYmmdd-HHMMSS.sqlite3`; then the backup's pages are
    written into it through the SQLite backup API (never a file copy over a live
    database), and it is opened once so that an older schema is upgraded. A target that
    cannot be read at all (a garbage header, truncated, damaged pages) cannot be backed up
    or written into: it is kept beside, renamed `<name>.damaged-YYYYmmdd-HHMMSS`, and the
    backup restored in its place. Foreign and newer databases are refused untouched.
    """
    source = Path(source).expanduser()
    target_path = _target_path(target)
    if _same_file(source, target_path):  # before reading it: nothing beside it is touched
        raise UserError("backup.source_is_database", path=str(source))
    revision = inspect_backup_file(source)

    safety: Optional[Path] = None
    kept: Optional[Path] = None
    damage: "Message | str" = ""
    if target_path.exists() and target_path.stat().st_size > 0:
        if target_path.is_dir():
            raise NotADatabase("database.is_folder", path=str(target_path))
        damage = _damage_of_target(target_path) or ""
        if damage:
            kept = _move_aside(target_path)
        else:
            # Refuses a foreign or newer target before anything is written.
            current = open_database(target_path, create=False, migrate=False)
            try:
                if not current.revision:
                    raise NotADatabase("backup.target_not_ours", path=str(target_path))
                safety = backup_database(current, default_backup_path(current, "before-restore"), checked=True)
            finally:
                current.dispose()
    else:
        target_path.parent.mkdir(parents=True, exist_ok=True)

    _copy_into(source, target_path, progress)

    restored = open_database(target_path, create=False, migrate=True)
    try:
        return RestoreResult(
            target=target_path,
            safety_backup=safety,
            revision=revision,
            migrated_from=restored.migrated_from,
            pre_migration_backup=restored.pre_migration_backup,
            damaged_kept_as=kept,
            damage=damage,
        )
    finally:
        restored.dispose()


__all__ = [
    "RestoreResult",
    "backup_database",
    "default_backup_path",
    "inspect_backup_file",
    "restore_database",
    "PG_DUMP_HINT",
]
