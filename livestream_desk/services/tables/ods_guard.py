"""Checking an `.ods` workbook before python-calamine is given it (see xlsx_guard for why).

An OpenDocument sheet repeats rows and cells by attribute (`table:number-rows-repeated`,
`table:number-columns-repeated`), so a 2 KB file can place one value at row 1,048,576 of
column 16,384: calamine then allocates the whole box (it refuses only above 100 million
cells; 10 million already cost 7 s and 880 MB). `check_ods()` streams content.xml with expat,
follows the repeats to find the box of the cells that hold something, and applies the rules of
xlsx_guard. A value cell repeated by attribute counts once towards the filled cells: what
the box may cost is measured against what the file really holds.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.parsers import expat

from .reader import TableError
from .xlsx_guard import CHUNK_BYTES, SheetExtent, _check_extent, _check_unpacked_sizes

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CELLS = {f"{TABLE_NS} table-cell", f"{TABLE_NS} covered-table-cell"}
_REPEAT_LIMIT = 1 << 31  # a repeat beyond any sheet: the box check refuses it


def _repeat(attributes: dict, name: str) -> int:
    try:
        return max(1, min(int(attributes.get(f"{TABLE_NS} {name}", "1")), _REPEAT_LIMIT))
    except ValueError:
        return 1


class _SheetScan:
    """expat handlers that follow one content.xml and check each table as it ends."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.extent = SheetExtent()
        self.sheet = ""
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.column = 0  # cells before the current one in this row
        self.cell: tuple[int, int] | None = None  # (column repeat, filled)
        self.cell_filled = False

    def start(self, name: str, attributes: dict) -> None:
        if name == f"{TABLE_NS} table":
            self.extent, self.row = SheetExtent(), 0
            self.sheet = attributes.get(f"{TABLE_NS} name", "")
        elif name == f"{TABLE_NS} table-row":
            self.row_repeat = _repeat(attributes, "number-rows-repeated")
            self.column = 0
        elif name in _CELLS:
            self.cell = (_repeat(attributes, "number-columns-repeated"), 0)
            self.cell_filled = f"{OFFICE_NS} value-type" in attributes
        elif name == f"{TEXT_NS} p" and self.cell is not None:
            self.cell_filled = True  # text without a value type still shows

    def end(self, name: str) -> None:
        if name in _CELLS and self.cell is not None:
            repeat = self.cell[0]
            if self.cell_filled:
                self.extent.filled += 1
                self.extent.last_column = max(self.extent.last_column, self.column + repeat)
                self.extent.last_row = max(self.extent.last_row, self.row + self.row_repeat)
            self.column += repeat
            self.cell = None
        elif name == f"{TABLE_NS} table-row":
            self.row += self.row_repeat
            self.row_repeat = 1
        elif name == f"{TABLE_NS} table":
            _check_extent(self.extent, self.file_name, self.sheet)


def check_ods(path: Path) -> None:
    """Raise TableError when the `.ods` at `path` would cost the reader far more than its
    size suggests; return quietly otherwise (also for a file that is no valid zip: the reader
    says why it cannot read it)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_unpacked_sizes(archive, path.stat().st_size, path.name)
            try:
                info = archive.getinfo("content.xml")
            except KeyError:
                return
            scan = _SheetScan(path.name)
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.StartElementHandler = scan.start
            parser.EndElementHandler = scan.end
            read = 0
            with archive.open(info) as handle:
                while block := handle.read(CHUNK_BYTES):
                    read += len(block)
                    if read > info.file_size:
                        raise zipfile.BadZipFile("member larger than declared")
                    parser.Parse(block, False)
            parser.Parse(b"", True)
    except TableError:
        raise
    except (zipfile.BadZipFile, expat.ExpatError, EOFError) as exc:
        raise TableError("tables.damaged_excel", file=path.name, reason=str(exc)[:200] or type(exc).__name__) from None
    except (OSError, RuntimeError, ValueError, NotImplementedError):
        return


__all__ = ["check_ods"]
