"""Reading a spreadsheet (CSV or Excel) as clean rows under known column names.

What real files look like (DESIGN §6, samples/README): CSV in UTF-8 with or without BOM or
in GB18030/GBK (Excel on a Chinese Windows), sometimes UTF-16 ("Unicode text"); `.xlsx`
with numbers stored as numbers or as text; IDs wrapped as `="…"`, prefixed with `'` or
followed by a tab; `-` / `--` for empty; NBSP and full-width digits; title lines above the
header; blank lines; extra columns; columns in any order.

`read_table()` finds the header row by the required column names, maps header cells to
canonical names (aliases allowed), cleans every cell and numbers each row as the
spreadsheet shows it (header = its own row number, usually 1). It raises TableError (a
Problem with a `tables.*` code) when the file cannot be read.

Cleaning rules for text cells (`clean_text`), in order:
  * NBSP → space, zero-width characters dropped, full-width digits → ASCII, trimmed
    (trailing tabs, CR/LF, ideographic spaces);
  * a leading `'` is removed — exactly one, and nothing else is then changed (this is how
    exporters mark IDs as text, and how our CSV writer escapes formula-like text);
  * otherwise `="…"` is unwrapped, and `-`, `--` (or their full-width forms) mean empty.
Numbers from Excel stay numbers (an integral float becomes an int).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Sequence, Union

from ...domain.validation import normalise_text
from ...messages import Problem
from ..errors import Cancelled, UserError

CellValue = Union[str, int, float, bool, datetime, date, time, timedelta, None]
Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]

TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
EMPTY_MARKERS = {"-", "--", "－", "－－", "—", "——"}
HEADER_SCAN_ROWS = 30


class TableError(UserError, Problem):
    """A file that cannot be read (or written) as a table; its message has a `tables.*` code."""


# --- cells ----------------------------------------------------------------------


def clean_text(text: str) -> str:
    """One text cell as the rules in the module docstring say; "" when it means empty."""
    text = normalise_text(text)
    if text.startswith("'"):
        return text[1:]
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        text = text[2:-1].strip()
    if text in EMPTY_MARKERS:
        return ""
    return text


def clean_cell(value: object) -> CellValue:
    """A raw cell (CSV text, calamine or openpyxl value) → clean value; None when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return round(value, 8)
    return value  # int, datetime, date, time, timedelta


def cell_text(value: CellValue) -> str:
    """A clean cell as text: numbers in plain decimal form, dates as YYYY-MM-DD[ HH:MM:SS]."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return normalise_text(value)


def header_key(text: object) -> str:
    """How header cells are compared: NFKC, no spaces, no required-marks, ASCII lower-cased.

    `商品名称*`, `商品名称（必填）`, ` 保质期（天） ` match `商品名称` and `保质期(天)`.
    """
    key = unicodedata.normalize("NFKC", cell_text(clean_cell(text)))
    key = re.sub(r"\s+", "", key)
    key = re.sub(r"\((必填|选填|可选|必需)\)$", "", key)
    key = key.strip("*").lower()
    return key


# --- rows and tables ------------------------------------------------------------------


@dataclass
class TableRow:
    """One data row: its number as the spreadsheet shows it, and clean values by column."""

    number: int
    values: dict[str, CellValue]

    def get(self, column: str) -> CellValue:
        return self.values.get(column)

    def text(self, column: str) -> str:
        return cell_text(self.values.get(column))


@dataclass
class Table:
    path: Path
    kind: str  # "csv", "xlsx", "xls", "ods"
    encoding: Optional[str]  # of a CSV file
    sheet: Optional[str]  # of an Excel file
    header_row: int  # 1-based, as the spreadsheet shows it
    columns: list[str]  # canonical names found, in the file's order
    ignored_columns: list[str]  # header cells that are not known columns (as written)
    rows: list[TableRow] = field(default_factory=list)

    @property
    def description(self) -> str:
        where = f"sheet {self.sheet}" if self.sheet else (self.encoding or "")
        return f"{self.path.name} ({self.kind}{', ' + where if where else ''})"


# --- raw reading ----------------------------------------------------------------


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a CSV file's bytes: UTF-8 (BOM or not), UTF-16 with BOM, GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise TableError("tables.bad_utf8", file=name, position=exc.start) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise TableError("tables.bad_utf16", file=name) from None
    if b"\x00" in data[:4096]:
        raise TableError("tables.binary", file=name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise TableError("tables.unknown_encoding", file=name) from None


def _guess_delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever the first line with any of them has most of."""
    for line in text.splitlines()[:HEADER_SCAN_ROWS]:
        counts = {d: line.count(d) for d in (",", "\t", ";")}
        best = max(counts, key=lambda d: counts[d])  # a tie goes to the comma
        if counts[best] > 0:
            return best
    return ","


# --- streaming CSV ----------------------------------------------------------------
# A 100,000-line export is read without ever holding its bytes, its text and all its parsed
# records at once: one pass checks which encoding decodes the whole file (as `_decode` would
# choose it), then the records are parsed from the file as they are used. Files that fail
# those checks are read whole by `_decode` for exactly its messages (the rare path).

CHUNK_BYTES = 1 << 20


def _open(path: Path):
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise TableError("common.file_missing", path=str(path)) from None
    except IsADirectoryError:
        raise TableError("tables.is_folder", path=str(path)) from None
    except OSError as exc:
        raise TableError("common.file_unusable", path=str(path), reason=exc.strerror or str(exc)) from None


def _read_whole(path: Path) -> bytes:
    with _open(path) as handle:
        return handle.read()


def _chunks(path: Path) -> Iterator[bytes]:
    with _open(path) as handle:
        while True:
            block = handle.read(CHUNK_BYTES)
            if not block:
                return
            yield block


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes as `encoding` (decoded a block at a time, not kept)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for block in _chunks(path):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _detect_encoding(path: Path, head: bytes) -> str:
    """The encoding `_decode` would choose for the file, found without reading it whole."""
    if head.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    elif b"\x00" in head[:4096]:
        raise TableError("tables.binary", file=path.name)
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        if _decodes(path, encoding):
            return encoding
    _decode(_read_whole(path), path.name)  # raises the reason with its details
    raise TableError("tables.unknown_encoding", file=path.name)  # not reached: _decode failed too


def _first_lines_text(path: Path, encoding: str) -> str:
    """Enough text from the start of the file for `_guess_delimiter` (its first lines)."""
    with _open(path) as handle:
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        read = ""
        while True:
            block = text.read(1 << 16)
            read += block
            # Lines of a prefix are the first lines of the whole text, but the last may be cut.
            if not block or len(read.splitlines()) > HEADER_SCAN_ROWS:
                return read


class CsvRows:
    """The records of a CSV file, parsed as they are iterated (once at a time).

    `position()` is how many bytes of the file have been read, of `size`: progress for a
    file whose number of records is not known before it is read."""

    def __init__(self, path: Path, encoding: str, delimiter: str, size: int) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.size = size
        self._handle = None

    def position(self) -> int:
        handle = self._handle
        if handle is None or handle.closed:
            return 0
        return min(handle.tell(), self.size)

    def __iter__(self) -> Iterator[list[str]]:
        with _open(self.path) as handle:
            self._handle = handle
            text = io.TextIOWrapper(handle, encoding=self.encoding, newline="")
            # Read the file in CHUNK_BYTES reads, not the default 8 KB ones (TextIOWrapper reads
            # with read1(), one raw read each, whatever the buffer size). Each read lets go of
            # the GIL for a moment; a GUI thread waiting for the GIL only asks for it when no
            # switch happened for 5 ms, so a worker parsing 8 KB between reads kept the window
            # frozen for 100-280 ms at a time (issue 9). With 1 MB reads it waits ≤ 5 ms.
            text._CHUNK_SIZE = CHUNK_BYTES
            try:
                # One record per spreadsheet row (a quoted cell may span lines); blank lines stay.
                yield from csv.reader(text, delimiter=self.delimiter)
            except csv.Error as exc:
                raise TableError("tables.bad_csv", file=self.path.name, reason=str(exc)) from None
            finally:
                text.detach()


def _csv_stream(path: Path, head: bytes, size: int) -> tuple[str, CsvRows]:
    encoding = _detect_encoding(path, head)
    delimiter = _guess_delimiter(_first_lines_text(path, encoding))
    return encoding, CsvRows(path, encoding, delimiter, size)


def _calamine_sheets(path: Path) -> Iterator[tuple[str, list[list[object]]]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    for name in workbook.sheet_names:
        yield name, _calamine_rows(workbook.get_sheet_by_name(name))


def _calamine_rows(sheet) -> list[list[object]]:
    """The sheet's rows with row and column positions as Excel shows them (what
    `to_python(skip_empty_area=False)` gives), taken a row at a time: `to_python` builds every
    row in one call holding the GIL (180 ms for 100,000 rows, the window frozen that long);
    a Python loop over `iter_rows()` lets a waiting GUI thread in. `iter_rows()` pads the rows
    above the used area but leaves out the empty columns left of it: put them back."""
    end = sheet.end  # (last row, last column) of the used area, 0-based; None when empty
    width = end[1] + 1 if end else 0
    rows: list[list[object]] = []
    for row in sheet.iter_rows():
        missing = width - len(row)
        rows.append([""] * missing + row if missing > 0 else row)
    return rows


def _openpyxl_sheets(path: Path) -> Iterator[tuple[str, list[list[object]]]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows: list[list[object]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(list(row))
            yield sheet.title, rows
    finally:
        workbook.close()


def _excel_sheets(path: Path, kind: str) -> list[tuple[str, list[list[object]]]]:
    if kind in ("xlsx", "xlsm"):
        from .xlsx_guard import check_workbook

        check_workbook(path)  # a few KB must not make the readers allocate gigabytes
    elif kind == "ods":
        from .ods_guard import check_ods

        check_ods(path)
    elif kind == "xls":
        from .xls_guard import check_xls

        check_xls(path)
    try:
        return list(_calamine_sheets(path))
    except ImportError:
        pass
    except Exception as exc:  # calamine raises its own error types for damaged files
        if kind not in ("xlsx", "xlsm"):
            raise TableError("tables.unreadable", file=path.name, reason=_short(exc)) from None
    try:
        return list(_openpyxl_sheets(path))
    except Exception as exc:
        raise TableError("tables.damaged_excel", file=path.name, reason=_short(exc)) from None


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _sniff_kind(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return "ods" if suffix == ".ods" else "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if suffix in EXCEL_SUFFIXES:
        stripped = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
        if stripped.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
            raise TableError("tables.web_page", file=path.name)
        raise TableError("tables.not_excel", file=path.name)
    if suffix and suffix not in TEXT_SUFFIXES:
        raise TableError("tables.not_a_table", file=path.name)
    return "csv"


Sheets = list[tuple[Optional[str], Union[list[list[object]], CsvRows]]]


def _blank(path: Path, head: bytes) -> bool:
    """Whether the file holds nothing but whitespace (read a block at a time past `head`)."""
    if head.strip():
        return False
    return not any(block.strip() for block in _chunks(path))


def open_raw(path: Path) -> tuple[str, Optional[str], Sheets]:
    """Like `read_raw`, but a CSV file's rows are a `CsvRows`, parsed as they are iterated
    (its csv errors are raised then, as TableError `tables.bad_csv`); Excel sheets are lists."""
    path = Path(path)
    with _open(path) as handle:
        head = handle.read(4096)
        size = os.fstat(handle.fileno()).st_size
    if _blank(path, head):
        raise TableError("tables.empty", file=path.name)
    kind = _sniff_kind(path, head[:512])
    if kind == "csv":
        encoding, rows = _csv_stream(path, head, size)
        return kind, encoding, [(None, rows)]
    return kind, None, list(_excel_sheets(path, kind))


def read_raw(path: Path) -> tuple[str, Optional[str], list[tuple[Optional[str], list[list[object]]]]]:
    """(kind, encoding, [(sheet name, raw rows)]) of a CSV or Excel file."""
    kind, encoding, sheets = open_raw(path)
    return kind, encoding, [(name, rows if isinstance(rows, list) else list(rows)) for name, rows in sheets]


# --- header detection and the table -----------------------------------------------------


def _lookup(columns: Sequence[str], aliases: Mapping[str, str]) -> dict[str, str]:
    table = {header_key(name): name for name in columns}
    for alias, canonical in aliases.items():
        table.setdefault(header_key(alias), canonical)
    return table


def find_header(
    rows: Sequence[Sequence[object]], lookup: Mapping[str, str], required: Sequence[str], scan: int = HEADER_SCAN_ROWS
) -> Optional[tuple[int, dict[int, str], list[str]]]:
    """(row index, {column index: canonical name}, ignored header texts) of the first row
    among the first `scan` that names every required column; None when there is none."""
    for index, row in enumerate(rows[:scan]):
        mapping: dict[int, str] = {}
        ignored: list[str] = []
        for col, cell in enumerate(row):
            key = header_key(cell)
            if not key:
                continue
            canonical = lookup.get(key)
            if canonical is None or canonical in mapping.values():
                ignored.append(cell_text(clean_cell(cell)))
            else:
                mapping[col] = canonical
        if mapping and all(name in mapping.values() for name in required):
            return index, mapping, ignored
    return None


def read_table(
    path: Union[str, Path],
    *,
    columns: Sequence[str],
    required: Sequence[str] = (),
    aliases: Optional[Mapping[str, str]] = None,
    header_scan_rows: int = HEADER_SCAN_ROWS,
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> Table:
    """Read `path` as a table of the known `columns`.

    The header is the first row (of the first sheet that has one) naming every `required`
    column; header cells may be any `columns` or `aliases` (alias → canonical name), in any
    order; other header cells are ignored (listed in `Table.ignored_columns`). Rows whose
    known cells are all empty are skipped. `progress(done, total)` is called now and then;
    `cancelled()` returning True stops the work with Cancelled.
    """
    path = Path(path)
    required = list(required or columns[:1])
    kind, encoding, sheets = read_raw(path)
    lookup = _lookup(columns, aliases or {})
    found = None
    for sheet_name, rows in sheets:
        header = find_header(rows, lookup, required, header_scan_rows)
        if header is not None:
            found = (sheet_name, rows, header)
            break
    if found is None:
        code = "tables.no_header_in_sheets" if len(sheets) > 1 else "tables.no_header"
        raise TableError(code, file=path.name, columns="、".join(required), rows=header_scan_rows)
    sheet_name, rows, (header_index, mapping, ignored) = found
    table = Table(
        path=path,
        kind=kind,
        encoding=encoding,
        sheet=sheet_name,
        header_row=header_index + 1,
        columns=[mapping[c] for c in sorted(mapping)],
        ignored_columns=ignored,
    )
    total = len(rows) - header_index - 1
    items = list(mapping.items())
    for offset, raw in enumerate(rows[header_index + 1 :]):
        if offset % 500 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(offset, total)
        values = {name: clean_cell(raw[col]) if col < len(raw) else None for col, name in items}
        if all(v is None for v in values.values()):
            continue
        table.rows.append(TableRow(number=header_index + 2 + offset, values=values))
    if progress is not None:
        progress(total, total)
    return table


__all__ = [
    "TableError",
    "Table",
    "TableRow",
    "CellValue",
    "read_table",
    "read_raw",
    "open_raw",
    "CsvRows",
    "find_header",
    "clean_text",
    "clean_cell",
    "cell_text",
    "header_key",
]
