"""The preview of an order import: what would be written, before anything is.

`preview_import()` reads and parses the file, then looks at the database (read-only) to
count new, duplicate and updated lines and to list the products no catalogue product
matches. The preview carries the parsed lines; `commit.commit_import()` writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ...db.engine import Database
from ...messages import Message
from .. import uow
from .dedupe import classify
from .layouts import LAYOUTS, Layout, layout_named
from .lines import OrderLine, RejectedRow
from .matching import ProductMatcher, UnmatchedProduct, match_lines
from ..gc_pause import cyclic_gc_paused
from .parse import IsCancelled, OrderFile, Progress, read_order_file


@dataclass(frozen=True)
class ImportPreview:
    file: OrderFile
    new: int
    duplicate: int  # already imported, nothing moved on (and lines repeated in the file)
    updated: int  # already imported, refund or status moved on
    unpaid: int  # never paid: ignored
    unmatched: tuple[UnmatchedProduct, ...]
    new_lines: tuple[OrderLine, ...]  # for the dialog's table (a few thousand shown at most)
    updated_lines: tuple[OrderLine, ...]

    @property
    def layout(self) -> Layout:
        return LAYOUTS[self.file.layout]

    @property
    def layout_title(self) -> Message:
        return self.layout.title

    @property
    def rejected(self) -> tuple[RejectedRow, ...]:
        return tuple(self.file.parsed.rejected)

    @property
    def rows(self) -> int:
        return self.file.parsed.rows

    @property
    def has_work(self) -> bool:
        return bool(self.new or self.updated)


@cyclic_gc_paused()
def preview_parsed(db: Database, order_file: OrderFile) -> ImportPreview:
    lines = order_file.parsed.lines
    with uow.reading(db) as conn:
        classified = classify(conn, lines)
        new_lines = [lines[i] for i in classified.new]
        matcher = ProductMatcher(conn, {line.platform for line in new_lines})
        _, unmatched = match_lines(matcher, new_lines)
    return ImportPreview(
        file=order_file,
        new=len(classified.new),
        duplicate=classified.duplicates + order_file.parsed.repeated,
        updated=len(classified.updates),
        unpaid=order_file.parsed.unpaid,
        unmatched=tuple(unmatched),
        new_lines=tuple(new_lines),
        updated_lines=tuple(lines[i] for i, _, _ in classified.updates),
    )


def preview_import(
    db: Database,
    path: Union[str, Path],
    layout: Union[Layout, str, None] = None,
    *,
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> ImportPreview:
    """Read `path` (layout auto-detected unless named) and compare it with the database."""
    if isinstance(layout, str):
        layout = layout_named(layout)
    order_file = read_order_file(path, layout, progress=progress, cancelled=cancelled)
    return preview_parsed(db, order_file)


__all__ = ["ImportPreview", "preview_import", "preview_parsed"]
