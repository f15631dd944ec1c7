"""Checking an old Excel `.xls` (BIFF8) workbook before python-calamine is given it.

A 5.6 KB `.xls` with one value in `IV65536` (its last cell) makes calamine allocate the
whole 65,536 × 256 box: 13 s and 1.25 GB. `check_xls()` reads the file's compound-document
directory, follows the Workbook stream's sector chain (never more than the file holds) and
walks its BIFF records: the cell records (NUMBER, RK, MULRK, LABELSST, LABEL, RSTRING,
BOOLERR, FORMULA; empty BLANK/MULBLANK cells do not count, as calamine skips them) give each
sheet's filled cells and their box, checked with the rules of xlsx_guard.
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Iterator, Optional

from .xlsx_guard import SheetExtent, _check_extent

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
FREE_SECTOR = 0xFFFFFFFF
MAX_REGULAR_SECTOR = 0xFFFFFFFA
_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_SINGLE_CELLS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, 0x0205, 0x0006}  # NUMBER RK LABELSST LABEL RSTRING BOOLERR FORMULA
_MULRK = 0x00BD


class _Damaged(Exception):
    pass


class _Compound:
    """Just enough of a compound document (MS-CFB) to read one stream of a regular size."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(CFB_SIGNATURE):
            raise _Damaged("not a compound document")
        self.data = data
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            raise _Damaged("bad sector size")
        self.sector = 1 << shift
        self.mini_sector = 1 << struct.unpack_from("<H", data, 32)[0]
        self.mini_cutoff = struct.unpack_from("<I", data, 56)[0]
        self.first_mini_fat = struct.unpack_from("<I", data, 60)[0]
        first_directory = struct.unpack_from("<I", data, 48)[0]
        first_difat, difat_count = struct.unpack_from("<II", data, 68)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s <= MAX_REGULAR_SECTOR]
        seen = set()
        sector = first_difat
        for _ in range(difat_count):
            if sector > MAX_REGULAR_SECTOR or sector in seen:
                break
            seen.add(sector)
            block = self._sector(sector)
            entries = struct.unpack(f"<{self.sector // 4}I", block)
            fat_sectors += [s for s in entries[:-1] if s <= MAX_REGULAR_SECTOR]
            sector = entries[-1]
        self.fat: list[int] = []
        for sector in fat_sectors:
            self.fat.extend(struct.unpack(f"<{self.sector // 4}I", self._sector(sector)))
        self.directory = self._read_chain(first_directory)

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector
        if number > MAX_REGULAR_SECTOR or start >= len(self.data):
            raise _Damaged("sector outside the file")
        return self.data[start : start + self.sector]

    def _chain(self, first: int, fat: Optional[list[int]] = None) -> Iterator[int]:
        fat = self.fat if fat is None else fat
        sector, steps = first, 0
        limit = len(self.data) // 64 + 1  # a chain longer than the file can hold is a loop
        while sector != END_OF_CHAIN:
            if sector >= len(fat) or steps > limit:
                raise _Damaged("broken sector chain")
            yield sector
            sector = fat[sector]
            steps += 1

    def _read_chain(self, first: int) -> bytes:
        return b"".join(self._sector(sector) for sector in self._chain(first))

    def _entry(self, offset: int) -> tuple[str, int, int, int]:
        """(name, type, first sector, size) of the directory entry at `offset`."""
        entry = self.directory[offset : offset + 128]
        name_length = struct.unpack_from("<H", entry, 64)[0]
        name = entry[: max(0, min(name_length, 64) - 2)].decode("utf-16-le", "replace")
        first, size = struct.unpack_from("<IQ", entry, 116)
        if self.sector == 512:  # version 3 files may leave the high half undefined
            size &= 0xFFFFFFFF
        return name, entry[66], first, size

    def _mini_stream(self, first: int, size: int) -> bytes:
        _, _, root_first, root_size = self._entry(0)  # the root entry holds the mini stream
        container = self._read_chain(root_first)[:root_size]
        mini_fat_bytes = self._read_chain(self.first_mini_fat) if self.first_mini_fat <= MAX_REGULAR_SECTOR else b""
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes[: len(mini_fat_bytes) // 4 * 4]))
        parts = []
        for sector in self._chain(first, mini_fat):
            start = sector * self.mini_sector
            if start >= len(container):
                raise _Damaged("mini sector outside the mini stream")
            parts.append(container[start : start + self.mini_sector])
        return b"".join(parts)[:size]

    def stream(self, names: tuple[str, ...]) -> Optional[bytes]:
        """The first stream named one of `names`; None when there is none."""
        for offset in range(0, len(self.directory) - 127, 128):
            name, kind, first, size = self._entry(offset)
            if kind != 2 or name not in names:  # 2: a stream
                continue
            if size < self.mini_cutoff:
                return self._mini_stream(first, size)
            return self._read_chain(first)[:size]
        return None


def _sheet_extents(stream: bytes) -> Iterator[tuple[int, SheetExtent]]:
    """(sheet number, extent) of each top-level substream after the workbook globals, from its
    cell records. Substreams nest (a chart inside a sheet has its own BOF … EOF): a stack keeps
    the cells after a nested one with their sheet."""
    position, sheets_begun = 0, -1
    stack: list[tuple[int, SheetExtent]] = []
    end = len(stream)
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        position = body + length
        if kind == _BOF:
            if not stack:
                sheets_begun += 1
            stack.append((sheets_begun - 1, SheetExtent()))
        elif kind == _EOF:
            if stack:
                number, extent = stack.pop()
                if number >= 0:  # substream 0 is the workbook globals
                    yield number, extent
        elif stack and length >= 4:
            extent = stack[-1][1]
            if kind in _SINGLE_CELLS:
                row, column = struct.unpack_from("<HH", stream, body)
                last = column
                filled = 1
            elif kind == _MULRK and length >= 6:
                row, column = struct.unpack_from("<HH", stream, body)
                filled = (length - 6) // 6  # six bytes per value; the stated last column may lie
                last = max(struct.unpack_from("<H", stream, body + length - 2)[0], column + filled - 1)
            else:
                continue
            extent.filled += filled
            extent.last_row = max(extent.last_row, row + 1)
            extent.last_column = max(extent.last_column, last + 1)


def _sheet_names(stream: bytes) -> list[str]:
    """The sheet names from the workbook globals' BOUNDSHEET records, in order."""
    names: list[str] = []
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        if kind == _EOF:
            break
        if kind == _BOUNDSHEET and len(body) >= 8:
            count, flags = body[6], body[7]
            raw = body[8 : 8 + (count * 2 if flags & 1 else count)]
            names.append(raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace"))
    return names


def check_xls(path: Path) -> None:
    """Raise TableError when the `.xls` at `path` would cost the reader far more than its size
    suggests; return quietly otherwise, also for a file this check cannot follow (the reader
    then says what it makes of it)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        stream = _Compound(data).stream(("Workbook", "Book"))
    except (_Damaged, struct.error, OSError, ValueError):
        return
    if not stream:
        return
    try:
        names = _sheet_names(stream)
        for number, extent in _sheet_extents(stream):
            name = names[number] if number < len(names) else str(number + 1)
            _check_extent(extent, path.name, name)
    except struct.error:
        return


__all__ = ["check_xls"]
