"""Checking an `.xlsx` workbook before the fast reader (python-calamine) is given it.

Why: calamine allocates the whole bounding box of a sheet's filled cells, rows × columns, in
one block. A 5 KB file with one value in `XFD1048576` asks for 17 billion cells (a Rust
panic that aborts the process; Python cannot catch it), and one value in `A1048576` costs
seconds and hundreds of MB. A zip member can also unpack to far more than its file suggests.

So before reading, `check_workbook()` looks at the zip directory and streams each worksheet's
XML (never held whole) to find where its filled cells really are, and raises a TableError:

  * `tables.unpacks_too_large` when the members together unpack to more than
    `MAX_UNPACKED_RATIO` × the file's size (plus `UNPACKED_ALLOWANCE`) — real workbooks
    unpack to 5–30 × their size — or a member unpacks to more than its directory entry says;
  * `tables.cell_beyond_excel` when the declared dimension or a cell lies beyond `XFD1048576`;
  * `tables.stray_far_cell` when the bounding box of the filled cells holds more than
    `FREE_BOX_CELLS` cells and more than `MAX_BOX_PER_FILLED` × the filled cells: a table is
    dense, so such a sheet has stray values far from its data (the message names the cell).

Any real table passes: its box grows with its filled cells, so what calamine allocates stays
proportional to the file. Cells are found with a regular expression over the decompressed
bytes (C speed; ~1 s for a 100,000 × 20 sheet); a sheet whose cells do not all carry their
`r="A1"` reference (allowed, but rare) is scanned with expat instead, which follows positions.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from operator import itemgetter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional
from xml.parsers import expat

from .reader import TableError

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
FREE_BOX_CELLS = 250_000  # a box this size costs calamine ~20 MB: always allowed
MAX_BOX_PER_FILLED = 10  # a larger box for its filled cells is a sheet with stray far cells
MAX_UNPACKED_RATIO = 100
UNPACKED_ALLOWANCE = 20 << 20
CHUNK_BYTES = 1 << 20

_WORKSHEET_TYPE = "/worksheet"
_OFFICE_DOCUMENT_TYPE = "/officeDocument"

# A cell's reference: `r="B12"` (row elements have digits only; `ref=` / `sqref=` are other
# attributes). Namespace prefixes (`<x:c>`) occur in files written by the .NET Open XML SDK.
_REFERENCE = re.compile(rb' r="([A-Z]{1,4})([0-9]{1,10})"')
_ANY_BLANK_REFERENCE = re.compile(rb'\sr="([A-Z]{1,4})([0-9]{1,10})"')
_PREFIX = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref="([A-Z]{1,4})?([0-9]{1,10})?(?::([A-Z]{1,4})([0-9]{1,10}))?"')


@dataclass
class SheetExtent:
    """Where a sheet's filled cells are: how many, and the last row and column used (1-based)."""

    filled: int = 0
    last_row: int = 0
    last_column: int = 0
    declared_row: int = 0  # from <dimension ref="…">, 0 when absent
    declared_column: int = 0

    @property
    def box(self) -> int:
        return self.last_row * self.last_column


def column_number(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letters(column)}{row}"


# --- the zip directory ------------------------------------------------------------------------


def _check_unpacked_sizes(archive: zipfile.ZipFile, file_size: int, name: str) -> None:
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_RATIO * file_size + UNPACKED_ALLOWANCE:
        raise TableError("tables.unpacks_too_large", file=name, megabytes=unpacked >> 20)


def _attribute(attributes: bytes, name: bytes) -> Optional[str]:
    found = re.search(rb"(?:^|\s)" + name + rb'="([^"]*)"', attributes)
    return _xml_text(found.group(1)) if found else None


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def _relationships(archive: zipfile.ZipFile, rels_name: str) -> list[tuple[str, str, str]]:
    """(id, type, target) of each relationship in a .rels member; [] when it is missing."""
    try:
        data = _read_small(archive, rels_name)
    except KeyError:
        return []
    found = []
    for attributes in re.findall(rb"<(?:[\w.-]+:)?Relationship\s([^>]*)>", data):
        ident, kind, target = (_attribute(attributes, key) for key in (rb"Id", rb"Type", rb"Target"))
        if kind and target:
            found.append((ident or "", kind, target))
    return found


def _sheet_names(archive: zipfile.ZipFile, workbook: str) -> dict[str, str]:
    """{relationship id: sheet name as Excel shows it} from the workbook part."""
    try:
        data = _read_small(archive, workbook)
    except KeyError:
        return {}
    names = {}
    for attributes in re.findall(rb"<(?:[\w.-]+:)?sheet\s([^>]*)>", data):
        name, ident = _attribute(attributes, rb"name"), _attribute(attributes, rb"(?:[\w.-]+:)?id")
        if name and ident:
            names[ident] = name
    return names


def _resolve(base_folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_folder, target))


def _read_small(archive: zipfile.ZipFile, member: str) -> bytes:
    """A small part (relationships), read with a bound: a lying directory entry cannot make
    it large."""
    with archive.open(member) as handle:
        return handle.read(8 << 20)


def worksheet_members(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(zip member, sheet name) of each worksheet: those the workbook's relationships name,
    plus any other under xl/worksheets/ (a reader may find a sheet either way)."""
    names = set(archive.namelist())
    workbooks = [_resolve("", t) for _, k, t in _relationships(archive, "_rels/.rels") if k.endswith(_OFFICE_DOCUMENT_TYPE)]
    members: dict[str, str] = {}
    for workbook in workbooks or ["xl/workbook.xml"]:
        folder, base = posixpath.split(workbook)
        sheet_names = _sheet_names(archive, workbook)
        for ident, kind, target in _relationships(archive, posixpath.join(folder, "_rels", base + ".rels")):
            member = _resolve(folder, target)
            if kind.endswith(_WORKSHEET_TYPE) and member in names:
                members.setdefault(member, sheet_names.get(ident) or _member_label(member))
    for member in sorted(names):
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            members.setdefault(member, _member_label(member))
    return list(members.items())


def _member_label(member: str) -> str:
    return posixpath.splitext(posixpath.basename(member))[0]


# --- one sheet --------------------------------------------------------------------------------


def _blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes a block at a time; never more than its directory entry declares."""
    read = 0
    with archive.open(info) as handle:
        while True:
            block = handle.read(CHUNK_BYTES)
            if not block:
                return
            read += len(block)
            if read > info.file_size:
                raise zipfile.BadZipFile("member larger than declared")
            yield block


def _scan_references(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Optional[SheetExtent]:
    """A quick upper bound of the extent: the last row and column of every cell that has a
    reference, filled or only formatted, and the number of values. None when some cell has
    no reference (then only `_scan_positions` can tell where it is). Byte counts and one
    regular expression with a literal start keep it near the speed of unzipping."""
    extent = SheetExtent()
    rest = b""
    first = True
    columns: set[bytes] = set()
    cell_tags: tuple[bytes, ...] = (b"<c ", b"<c>")
    odd_cell_tags: tuple[bytes, ...] = (b"<c\t", b"<c\n", b"<c\r")
    value_tags: tuple[bytes, ...] = (b"<v>", b"<is>")
    for block in _blocks(archive, info):
        data = rest + block
        if first:
            first = False
            prefix = _PREFIX.search(data, 0, 1 << 16)
            if prefix and prefix.group(1):
                p = b"<" + prefix.group(1) + b":"
                cell_tags, odd_cell_tags, value_tags = (
                    tuple(p + tag[1:] for tag in tags) for tags in (cell_tags, odd_cell_tags, value_tags)
                )
            dimension = _DIMENSION.search(data, 0, 1 << 16)
            if dimension:
                letters = dimension.group(3) or dimension.group(1)
                digits = dimension.group(4) or dimension.group(2)
                extent.declared_column = column_number(letters) if letters else 0
                extent.declared_row = int(digits) if digits else 0
        cut = data.rfind(b">") + 1  # whole tags only; the rest goes with the next block
        if cut <= 0:
            rest = data
            if len(rest) > 16 * CHUNK_BYTES:
                raise zipfile.BadZipFile("no tag ends in the sheet")
            continue
        part, rest = data[:cut], data[cut:]
        cells = sum(part.count(tag) for tag in cell_tags)
        if b"\t" in part or b"\n" in part or b"\r" in part:  # attributes may be split by any blank
            cells += sum(part.count(tag) for tag in odd_cell_tags)
            references = _ANY_BLANK_REFERENCE.findall(part)
        else:
            references = _REFERENCE.findall(part)
        if cells != len(references):
            return None
        if references:
            extent.filled += sum(part.count(tag) for tag in value_tags)
            columns.update(map(itemgetter(0), references))
            extent.last_row = max(extent.last_row, max(map(int, set(map(itemgetter(1), references)))))
    if columns:
        extent.last_column = max(map(column_number, columns))
    return extent


def _scan_positions(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> SheetExtent:
    """The extent following the positions of cells and rows (those without `r` come after
    the previous one), with expat, an event at a time."""
    extent = SheetExtent()
    state = {"row": 0, "column": 0, "cell": None, "filled": False}

    def local(name: str) -> str:
        return name.rpartition(":")[2]

    def start(name: str, attributes: dict) -> None:
        tag = local(name)
        if tag == "row":
            reference = attributes.get("r")
            state["row"] = int(reference) if reference and reference.isdigit() else state["row"] + 1
            state["column"] = 0
        elif tag == "c":
            reference = attributes.get("r")
            match = re.fullmatch(r"([A-Z]{1,4})([0-9]{1,10})", reference or "")
            if match:
                state["column"] = column_number(match.group(1))
                state["row"] = int(match.group(2))
            else:
                state["column"] += 1
            state["cell"] = (state["row"], state["column"])
            state["filled"] = False
        elif tag in ("v", "is", "f") and state["cell"] is not None and not state["filled"]:
            state["filled"] = True
            row, column = state["cell"]
            extent.filled += 1
            extent.last_row = max(extent.last_row, row)
            extent.last_column = max(extent.last_column, column)
        elif tag == "dimension":
            match = re.fullmatch(r"(?:[A-Z]{1,4}[0-9]{1,10}:)?([A-Z]{1,4})([0-9]{1,10})", attributes.get("ref", ""))
            if match:
                extent.declared_column = column_number(match.group(1))
                extent.declared_row = int(match.group(2))

    def end(name: str) -> None:
        if local(name) == "c":
            state["cell"] = None

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    for block in _blocks(archive, info):
        parser.Parse(block, False)
    parser.Parse(b"", True)
    return extent


def sheet_extent(archive: zipfile.ZipFile, member: str) -> SheetExtent:
    """Where the sheet's values are. The quick scan counts formatted empty cells too, so when
    its extent looks absurd the exact scan decides (a rare, slower path)."""
    info = archive.getinfo(member)
    extent = _scan_references(archive, info)
    if extent is None or _absurd(extent):
        extent = _scan_positions(archive, info)
    return extent


def _beyond_excel(row: int, column: int) -> bool:
    return row > EXCEL_MAX_ROWS or column > EXCEL_MAX_COLUMNS


def _absurd(extent: SheetExtent) -> bool:
    return (
        _beyond_excel(extent.declared_row, extent.declared_column)
        or _beyond_excel(extent.last_row, extent.last_column)
        or (extent.box > FREE_BOX_CELLS and extent.box > MAX_BOX_PER_FILLED * extent.filled)
    )


def _check_extent(extent: SheetExtent, name: str, sheet: str) -> None:
    for row, column in ((extent.declared_row, extent.declared_column), (extent.last_row, extent.last_column)):
        if _beyond_excel(row, column):
            raise TableError("tables.cell_beyond_excel", file=name, sheet=sheet, cell=cell_name(row, column))
    if _absurd(extent):
        raise TableError("tables.stray_far_cell", file=name, sheet=sheet,
                         cell=cell_name(extent.last_row, extent.last_column), cells=extent.filled)


# --- the workbook -----------------------------------------------------------------------------


def check_workbook(path: Path) -> None:
    """Raise TableError when the `.xlsx` at `path` would cost the reader far more than its
    size suggests (see the module docstring); return quietly otherwise, also for a file that
    is no valid zip (the reader then says it is damaged)."""
    path = Path(path)
    try:
        file_size = path.stat().st_size
        with zipfile.ZipFile(path) as archive:
            _check_unpacked_sizes(archive, file_size, path.name)
            for member, sheet in worksheet_members(archive):
                _check_extent(sheet_extent(archive, member), path.name, sheet)
    except TableError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, NotImplementedError, EOFError) as exc:
        raise TableError("tables.damaged_excel", file=path.name, reason=str(exc)[:200] or type(exc).__name__) from None
    except (OSError, RuntimeError, ValueError):
        return  # unreadable or encrypted: the reader gives its own message


__all__ = ["check_workbook", "sheet_extent", "SheetExtent", "worksheet_members", "cell_name", "column_number"]
