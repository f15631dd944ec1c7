"""Reading an order export: the file → its layout → order lines and rejected rows.

`read_order_file()` reads a CSV (UTF-8 with or without BOM, GB18030/GBK) or an Excel file with
the app's table reader (services.tables.reader, the same rules as the product import), finds
the header row of a known layout (or the one the user named), and hands each row to that
platform's parser. Nothing touches the database here.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from ...messages import Problem
from ..errors import Cancelled
from ..gc_pause import cyclic_gc_paused
from ..tables.reader import HEADER_SCAN_ROWS, CsvRows, open_raw
from . import douyin, generic, jd, kuaishou
from .layouts import Header, Layout, detect
from .lines import OrderLine, ParsedFile, RejectedRow
from .rows import RowCells, RowRejected

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]

PARSERS = {"douyin": douyin, "kuaishou": kuaishou, "jd": jd, "generic": generic}
CHECK_EVERY = 2000  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class OrderFile:
    """A parsed export and what identifies the file."""

    path: Path
    sha256: str
    parsed: ParsedFile

    @property
    def layout(self) -> str:
        return self.parsed.layout

    @property
    def file_name(self) -> str:
        return self.path.name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_rows(rows: list, header: Header, progress: Progress = None, cancelled: IsCancelled = None) -> ParsedFile:
    """Every data row under `header` through its layout's parser.

    Consumes `rows`: each raw row is dropped from the list once parsed, so a large file is
    never held twice (raw cells and parsed lines) in memory."""
    start = header.index + 1
    total = max(0, len(rows) - start)

    def records():
        for position in range(start, len(rows)):
            raw = rows[position]
            rows[position] = None
            yield raw

    return _parse(records(), header, total, None, progress, cancelled)


def parse_stream(head: list, rest: Iterator[list], source: CsvRows, header: Header, progress: Progress = None,
                 cancelled: IsCancelled = None) -> ParsedFile:
    """Like `parse_rows` for a CSV read as it goes: `head` is the rows already read (where
    the header was found), `rest` the iterator of `source`'s records after them. Progress
    is in bytes of the file."""
    records = itertools.chain(head[header.index + 1 :], rest)
    return _parse(records, header, source.size, source.position, progress, cancelled)


def _parse(records, header: Header, total: int, position: Optional[Callable[[], int]],
           progress: Progress, cancelled: IsCancelled) -> ParsedFile:
    module = PARSERS[header.layout.key]
    items: list = []
    rejected: list[RejectedRow] = []
    bad_orders: dict[str, RejectedRow] = {}
    unpaid = 0
    data_rows = 0
    columns = list(header.columns)
    parse_row = module.parse_row
    cells = RowCells(0, (), header, {name: col for col, name in header.columns.items()})
    first = header.index + 2
    for offset, raw in enumerate(records):
        if offset % CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(offset if position is None else position(), total)
        width = len(raw)
        for col in columns:
            if col < width and raw[col] is not None and raw[col] != "":
                break
        else:
            continue  # a blank line (or one whose known cells are all empty)
        data_rows += 1
        cells.reset(first + offset, raw)
        try:
            item = parse_row(cells)
        except RowRejected as exc:
            rejected.append(exc.rejected)
            order_id = getattr(exc, "order_id", None)
            if order_id:
                bad_orders.setdefault(order_id, exc.rejected)
            continue
        if item is None:
            unpaid += 1
        else:
            items.append(item)
    if header.layout.key == "jd":
        lines = jd.finish(items, rejected, bad_orders)
    elif header.layout.key == "generic":
        lines = generic.finish(items, rejected)
    else:
        lines = items
    lines, repeated = _without_repeats(lines)
    rejected.sort(key=lambda r: r.row)
    if progress is not None:
        progress(total, total)
    return ParsedFile(header.layout.key, lines, rejected, unpaid, data_rows, repeated, header.index + 1)


def _without_repeats(lines: list[OrderLine]) -> tuple[list[OrderLine], int]:
    """The lines with each (platform, order, line) once: a file that lists a line twice (an
    export concatenated with itself) counts the second as a duplicate."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[OrderLine] = []
    for line in lines:
        key = line.key
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept, len(lines) - len(kept)


def read_order_file(
    path: Union[str, Path],
    layout: Optional[Layout] = None,
    *,
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> OrderFile:
    """Read and parse an order export. Raises Problem (or the reader's TableError) with a
    one-line reason when the file cannot be read or is no known order export."""
    path = Path(path)
    with cyclic_gc_paused():
        return _read_order_file(path, layout, progress, cancelled)


def _read_order_file(path: Path, layout: Optional[Layout], progress: Progress, cancelled: IsCancelled) -> OrderFile:
    kind, encoding, sheets = open_raw(path)
    found = None
    for sheet_name, rows in sheets:
        if isinstance(rows, list):
            rest, head = None, rows
        else:  # a CSV file: its first rows are enough to find the header
            rest = iter(rows)
            head = list(itertools.islice(rest, HEADER_SCAN_ROWS))
        header = detect(head, layout)
        if header is not None:
            found = (sheet_name, rows, head, rest, header)
            break
        if rest is not None:
            for _ in rest:
                pass  # a CSV error further down is the reason the file cannot be read
    if found is None:
        if layout is not None:
            raise Problem("orders.missing_columns", file=path.name, platform=layout.title,
                          columns="、".join(layout.required))
        raise Problem("orders.unknown_layout", file=path.name)
    sheet_name, rows, head, rest, header = found
    del sheets, found
    if rest is None:
        del head
        parsed = parse_rows(rows, header, progress, cancelled)
    else:
        parsed = parse_stream(head, rest, rows, header, progress, cancelled)
    del rows, rest
    parsed.sheet, parsed.encoding = sheet_name, encoding
    if parsed.rows == 0:
        raise Problem("orders.no_rows", file=path.name)
    return OrderFile(path, file_sha256(path), parsed)


__all__ = ["OrderFile", "read_order_file", "parse_rows", "parse_stream", "file_sha256", "PARSERS"]
