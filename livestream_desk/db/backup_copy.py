"""Consistent copies of a live SQLite file through the SQLite backup API (never a file copy)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable, Optional

PAGES_PER_STEP = 4096


def sqlite_backup(
    source: Path,
    target: Path,
    progress: Optional[Callable[[int, int], None]] = None,
) -> Path:
    """Copy `source` to `target` page by page while others may be using it.

    Writes to a temporary name first and renames it into place, so a failed or
    interrupted copy never leaves a half-written file under the target's name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        partial.unlink()
    # as_uri() escapes "#", "?" and "%", which a plain "file:" string would misread.
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
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
    return target
