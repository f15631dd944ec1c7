"""Consistent copies of a live SQLite file through the SQLite backup API (never a file copy).

The copy is written to `<target>.partial` and renamed into place when complete. A failed
copy removes its partial file at once (a full disk must not stay full because of us), and
the partial files a killed run left behind are removed by the next copy into that folder.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable, Optional

from .errors import DatabaseProblem
from .preflight import SQLITE_HEADER, readonly_uri

PAGES_PER_STEP = 4096
PARTIAL_SUFFIX = ".partial"
# The partial copy has no journal (journal_mode=OFF) but older runs left `-journal` files,
# and switching a WAL header back to DELETE may briefly make `-wal` / `-shm`.
_SIDE_FILES = ("", "-journal", "-wal", "-shm")

# Failures of writing the copy (as opposed to reading the source): name the target.
_WRITE_FAILURES = {
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
}
_READ_FAILURES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SQLITE_IOERR_READ = 266  # extended codes of a failed read, not a failed write
_SQLITE_IOERR_SHORT_READ = 522


class BackupWriteFailed(DatabaseProblem):
    """The copy could not be written (disk full, no permission); nothing was left behind."""


def partial_path(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


def _remove_partial(partial: Path) -> None:
    for suffix in _SIDE_FILES:
        try:
            Path(str(partial) + suffix).unlink(missing_ok=True)
        except OSError:
            pass


def _in_use(partial: Path) -> bool:
    """True while another copy is being written to `partial`: SQLite keeps its write lock
    on the destination from the first backup step to the last."""
    try:
        conn = sqlite3.connect(f"{partial.resolve().as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    except sqlite3.Error:
        return False  # not a database any more (half a header): nobody is writing it
    finally:
        conn.close()


def _looks_like_our_copy(partial: Path) -> bool:
    """An empty file or an SQLite file: what a killed copy leaves (other files are not ours)."""
    try:
        with partial.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return head in (b"", SQLITE_HEADER)


def remove_stale_partials(folder: Path, target: Optional[Path] = None) -> list[Path]:
    """Remove the `*.partial` copies (and their side files) that killed runs left in `folder`
    (and `target`'s own partial file, whatever it holds); a copy another process is writing
    right now is left alone. Returns what was removed."""
    removed: list[Path] = []
    own = partial_path(target) if target is not None else None
    try:
        candidates = sorted(folder.glob(f"*{PARTIAL_SUFFIX}"))
        orphans = sorted(folder.glob(f"*{PARTIAL_SUFFIX}-journal"))
    except OSError:
        return removed
    if own is not None and own.exists() and own not in candidates:
        candidates.append(own)
    for partial in candidates:
        if not partial.is_file() or (partial != own and not _looks_like_our_copy(partial)):
            continue
        if not _in_use(partial):
            _remove_partial(partial)
            removed.append(partial)
    for journal in orphans:  # a journal whose partial file is gone
        partial = Path(str(journal)[: -len("-journal")])
        if not partial.exists():
            journal.unlink(missing_ok=True)
            removed.append(journal)
    return removed


def _failure(exc: BaseException, target: Path) -> BaseException:
    """The error to report for a failed copy: the target named for a write failure."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _READ_FAILURES or code in (_SQLITE_IOERR_READ, _SQLITE_IOERR_SHORT_READ):
            return exc  # the source is damaged: the caller's messages name it
        if primary in _WRITE_FAILURES:
            return BackupWriteFailed("backup.cannot_write", path=str(target), reason=" ".join(str(exc).split()))
    if isinstance(exc, OSError):
        return BackupWriteFailed("backup.cannot_write", path=str(target), reason=exc.strerror or str(exc))
    return exc


def sqlite_backup(
    source: Path,
    target: Path,
    progress: Optional[Callable[[int, int], None]] = None,
    *,
    leave_source_alone: bool = False,
) -> Path:
    """Copy `source` to `target` page by page while others may be using it.

    `leave_source_alone` reads a source nobody has open (no `-wal` beside it) as immutable,
    so that no `-wal`/`-shm` are made beside it (a dry run's copy); a backup of a database
    that may be opened meanwhile keeps SQLite's locking instead.

    Writes to a temporary name first and renames it into place, so a failed or
    interrupted copy never leaves a half-written file under the target's name. Raises
    BackupWriteFailed (naming `target`) when the copy cannot be written.
    """
    partial = partial_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_partials(target.parent, target)
    except OSError as exc:
        raise _failure(exc, target) from exc
    # as_uri() escapes "#", "?" and "%", which a plain "file:" string would misread.
    # Opened before the copy starts: a source that cannot be read is reported as it is.
    uri = readonly_uri(source) if leave_source_alone else f"{Path(source).resolve().as_uri()}?mode=ro"
    src = sqlite3.connect(uri, uri=True)
    try:
        try:
            dst = sqlite3.connect(partial)
            try:
                # A fresh file renamed into place only when complete needs no rollback journal.
                dst.execute("PRAGMA journal_mode=OFF")

                def report(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                src.backup(dst, pages=PAGES_PER_STEP, progress=report)
                # A backup copy stands alone: no WAL beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, target)
    except BaseException as exc:  # also Cancelled and KeyboardInterrupt: leave nothing behind
        _remove_partial(partial)
        failure = _failure(exc, target)
        if failure is exc:
            raise
        raise failure from exc
    return target


__all__ = ["sqlite_backup", "remove_stale_partials", "partial_path", "BackupWriteFailed", "PAGES_PER_STEP"]
