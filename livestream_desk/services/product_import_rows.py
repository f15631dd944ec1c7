"""Reading a product file row by row and telling what each row would do to the catalogue
(services/product_io.py imports with it): the results, the parsing of a row, the file's
header and streamed rows, the catalogue index and the classification of a row.

A row is "unchanged" only when every field the file gives equals the stored one; a code is
matched by its key (domain.validation.sku_key: any letter case or width) and the product
keeps its own spelling of it.
"""
from __future__ import annotations

import hashlib
from dataclasses import MISSING, dataclass, field, fields as dataclass_fields, replace
from datetime import datetime
from functools import lru_cache
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from sqlalchemy import select

from ..db.models import Category, ImportBatch, Producer, Product
from ..domain.money import MoneyError, format_plain, parse_fen
from ..domain.validation import (
    FieldError,
    ProductInput,
    ValidProduct,
    clean_product,
    clean_sku,
    field_message,
    join_certifications,
    money_field_error,
    parse_whole_number,
    sku_key,
    split_certifications,
    split_origin,
)
from ..messages import Message, render
from .catalogue import stored_product_select, valid_from_stored
from .errors import Cancelled
from .product_sheet import (
    ARCHIVED,
    CATEGORY,
    CERTIFICATIONS,
    COLUMN_ALIASES,
    COST,
    FIELD_COLUMNS,
    LIST_PRICE,
    LIVE_PRICE,
    LOW_STOCK,
    NAME,
    NOTES,
    ON_SALE,
    ORDER_COLUMNS,
    ORIGIN,
    PRODUCER,
    PRODUCT_COLUMNS,
    REQUIRED_COLUMNS,
    SHELF_LIFE,
    SKU,
    SPEC,
    STATUS,
    STATUS_WORDS,
    STOCK,
    UNIT,
)
from .tables import Table, TableError, TableRow, cell_text, clean_cell, header_key, read_table
from .tables.reader import HEADER_SCAN_ROWS, CsvRows, find_header, open_raw

try:
    from operator import call  # Python 3.11+: f(value) in C, mapped over a row's cleaners and cells
except ImportError:  # Python 3.10
    def call(function: Callable[[Any], Any], value: Any) -> Any:
        return function(value)

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]

_TEXT_COLUMNS = {NAME: "name", SPEC: "spec", UNIT: "unit", CATEGORY: "category", PRODUCER: "producer", NOTES: "notes"}
_MONEY_COLUMNS = {LIST_PRICE: ("list_price", "the price"), LIVE_PRICE: ("live_price", "the live price"),
                  COST: ("cost", "the cost")}
_COUNT_COLUMNS = {STOCK: ("stock", "stock"), LOW_STOCK: ("low_stock_threshold", "the low-stock threshold"),
                  SHELF_LIFE: ("shelf_life_days", "shelf life")}
# ProductInput field → the ValidProduct field it is stored as, where the names differ.
_STORED_AS = {"list_price": "list_price_fen", "live_price": "live_price_fen", "cost": "cost_fen"}

NEW, UPDATE, UNCHANGED, REJECTED = "new", "update", "unchanged", "rejected"
STATUSES = (NEW, UPDATE, UNCHANGED, REJECTED)


# --- results ------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """Why a row was rejected: row number as the spreadsheet shows it, column, value, and
    the reason as a Message (rendered in the reader's language by the GUI and the CLI)."""

    row: int
    column: str
    value: str
    reason: Message

    @property
    def message(self) -> Message:
        """The whole problem as one message: row, column, value and reason."""
        if self.column and self.value:
            return Message("product_import.rejected_value", row=self.row, column=self.column, value=self.value,
                           reason=self.reason)
        if self.column:
            return Message("product_import.rejected_cell", row=self.row, column=self.column, reason=self.reason)
        return Message("product_import.rejected_row", row=self.row, reason=self.reason)

    def __str__(self) -> str:
        return render(self.message)


@dataclass
class ProductImportRow:
    """One data row of the file and what importing it would do."""

    row: int  # as the spreadsheet shows it (header = row 1)
    status: str  # "new" / "update" / "unchanged" / "rejected"
    name: str
    spec: str
    sku: str
    cells: dict[str, str]  # template column → the text read, for showing the row
    product_id: Optional[int] = None  # the product an update / unchanged row matches
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # column → (old, new), for "update"
    problems: list[RowProblem] = field(default_factory=list)  # for "rejected"
    fields: dict[str, Any] = field(default_factory=dict)  # parsed non-blank values (ProductInput names)
    valid: Optional[ValidProduct] = None  # the product as it would be saved (new / update)
    cell_problems: list[RowProblem] = field(default_factory=list, repr=False)  # bad cells (the rest: matching)

    @property
    def reason(self) -> str:
        """The problems in English (logs and tests); the GUI and CLI render `problems`."""
        return "; ".join(f"{p.column}: {render(p.reason)}" if p.column else render(p.reason) for p in self.problems)


@dataclass(frozen=True)
class ProductFile:
    """What was found in a product file, before its rows."""

    path: Path
    file_name: str
    file_hash: str  # sha256 of the bytes
    kind: str  # csv / xlsx / xls / ods
    encoding: Optional[str]
    sheet: Optional[str]
    header_row: int
    columns: tuple[str, ...]  # template columns found, in the file's order
    ignored_columns: tuple[str, ...]  # other header cells
    previously_imported_at: Optional[datetime] = None  # the same file (by hash) was imported then


@dataclass
class ProductImportPreview:
    """What importing a file would do; nothing has been written."""

    path: Path
    file_name: str
    file_hash: str  # sha256 of the bytes
    kind: str  # csv / xlsx / xls / ods
    encoding: Optional[str]
    sheet: Optional[str]
    header_row: int
    columns: tuple[str, ...]  # template columns found, in the file's order
    ignored_columns: tuple[str, ...]  # other header cells
    rows: list[ProductImportRow]
    new_categories: tuple[str, ...] = ()
    new_producers: tuple[str, ...] = ()
    previously_imported_at: Optional[datetime] = None  # the same file (by hash) was imported then

    @property
    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows if r.status == REJECTED for p in r.problems]

    @property
    def has_changes(self) -> bool:
        counts = self.counts
        return bool(counts[NEW] or counts[UPDATE])

    def summary_message(self) -> Message:
        c = self.counts
        return Message("product_import.summary", new=c[NEW], updated=c[UPDATE], unchanged=c[UNCHANGED],
                       rejected=c[REJECTED])

    def summary(self) -> str:
        return render(self.summary_message())


@dataclass(frozen=True)
class ProductImportResult:
    batch_id: Optional[int]  # None when nothing was new or changed (no batch row then)
    new: int
    updated: int
    unchanged: int
    rejected: int
    problems: tuple[RowProblem, ...]
    new_categories: tuple[str, ...]
    new_producers: tuple[str, ...]
    new_product_ids: tuple[int, ...] = ()
    updated_product_ids: tuple[int, ...] = ()
    file: Optional[ProductFile] = None  # from import_product_file

    def summary_message(self) -> Message:
        return Message("product_import.summary", new=self.new, updated=self.updated, unchanged=self.unchanged,
                       rejected=self.rejected)

    def summary(self) -> str:
        return render(self.summary_message())


# --- reading ------------------------------------------------------------------------

# A catalogue repeats its prices, counts, origins, certifications and statuses: each
# distinct cell is parsed once per process (pure functions; a bad value raises again each
# time, nothing about it is cached). typed: Excel's 1, 1.0 and True are different cells.
# Room for the tens of thousands of distinct prices a big catalogue may have (a cache
# smaller than what recurs misses every time).
_fen = lru_cache(maxsize=1 << 16, typed=True)(parse_fen)
_origin = lru_cache(maxsize=8192)(split_origin)
_clean_text_cell = lru_cache(maxsize=1 << 16)(clean_cell)  # a text cell (every CSV cell)
# Cells that differ on every row (a name, a code) are cleaned without a cache: they would
# only push the repeated cells out of it.
_UNIQUE_COLUMNS = frozenset({NAME, SKU})


def _clean_any_cell(cell: Any) -> Any:
    return _clean_text_cell(cell) if type(cell) is str else clean_cell(cell)


def _count_parser(what: str) -> Callable[[Any], Optional[int]]:
    return lru_cache(maxsize=8192, typed=True)(lambda value: parse_whole_number(value, what=what))


@lru_cache(maxsize=4096)
def _certifications(text: str) -> str:
    return join_certifications(split_certifications(text))


# The columns with a value to check, in the order their problems are listed.
_MONEY_PLAN = tuple((column, name, what) for column, (name, what) in _MONEY_COLUMNS.items())
_COUNT_PLAN = tuple((column, name, what, _count_parser(what)) for column, (name, what) in _COUNT_COLUMNS.items())
_TEXT_PLAN = tuple(_TEXT_COLUMNS.items())


def _parse_row(row: TableRow, text_only: bool = False) -> tuple[dict[str, Any], list[RowProblem], dict[str, str]]:
    """A table row → (non-blank values by ProductInput field, problems, cell texts).

    Runs once per row of a 100,000-row file: plain loops over the columns' plans, the
    repeated cells answered from the caches above. `text_only`: every value is text (a
    CSV's), so the values are their own cell texts (the same dict, not copied)."""
    values = row.values  # clean, never None or "" (a blank cell is left out)
    if text_only:
        cells = values
    else:
        cells = {column: value if type(value) is str else cell_text(value) for column, value in values.items()}
    fields: dict[str, Any] = {name: text for column, name in _TEXT_PLAN if (text := cells.get(column))}
    problems: list[RowProblem] = []
    text = cells.get(SKU)
    if text:
        fields["sku"] = clean_sku(text)
    for column, name, what in _MONEY_PLAN:
        raw = values.get(column)
        if raw is None:
            continue
        try:
            fen = _fen(raw)
        except MoneyError as exc:
            problems.append(RowProblem(row.number, column, cells[column], money_field_error(exc).message))
            continue
        if fen < 0:
            problems.append(RowProblem(row.number, column, cells[column], field_message("product.negative", what)))
            continue
        fields[name] = fen
    for column, name, what, parse in _COUNT_PLAN:
        raw = values.get(column)
        if raw is None:
            continue
        try:
            fields[name] = parse(raw)
        except FieldError as exc:
            problems.append(RowProblem(row.number, column, cells[column], exc.message))
    text = cells.get(ORIGIN)
    if text:
        fields["origin_province"], fields["origin_county"], fields["origin_town"], fields["origin_village"] = (
            _origin(text))
    text = cells.get(CERTIFICATIONS)
    if text:
        fields["certifications"] = _certifications(text)
    text = cells.get(STATUS)
    if text:
        archived = STATUS_WORDS.get(text.lower())
        if archived is None:
            problems.append(RowProblem(row.number, STATUS, text,
                                       Message("product_import.bad_status", on_sale=ON_SALE, archived=ARCHIVED)))
        else:
            fields["archived"] = archived
    return fields, problems, cells


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _header_lookup() -> dict[str, str]:
    lookup = {header_key(name): name for name in PRODUCT_COLUMNS}
    for alias, canonical in COLUMN_ALIASES.items():
        lookup.setdefault(header_key(alias), canonical)
    return lookup


def _refuse_order_export(path: Path, ignored: list[str]) -> None:
    order_keys = {header_key(c) for c in ORDER_COLUMNS}
    found = [c for c in ignored if header_key(c) in order_keys]
    if found:
        raise TableError("product_import.order_export", file=path.name, column=found[0])


def _open_product_rows(
    path: Path, progress: Progress = None, cancelled: IsCancelled = None
) -> tuple[ProductFile, Iterator[TableRow]]:
    """The file's header (a ProductFile, without hash) and its data rows, read as they are
    iterated (a CSV is parsed while it is imported; nothing is kept). Raises TableError
    like `read_table` when the file is not a product list. `progress(done, total)` runs in
    units of the file (bytes of a CSV, rows of a sheet)."""
    kind, encoding, sheets = open_raw(path)
    lookup = _header_lookup()
    for sheet_name, rows in sheets:
        source = iter(rows)
        head = list(islice(source, HEADER_SCAN_ROWS))
        header = find_header(head, lookup, REQUIRED_COLUMNS, HEADER_SCAN_ROWS)
        if header is not None:
            break
    else:
        code = "tables.no_header_in_sheets" if len(sheets) > 1 else "tables.no_header"
        raise TableError(code, file=path.name, columns="、".join(REQUIRED_COLUMNS), rows=HEADER_SCAN_ROWS)
    header_index, mapping, ignored = header
    _refuse_order_export(path, ignored)
    info = ProductFile(
        path=path, file_name=path.name, file_hash="", kind=kind, encoding=encoding, sheet=sheet_name,
        header_row=header_index + 1, columns=tuple(mapping[c] for c in sorted(mapping)),
        ignored_columns=tuple(ignored),
    )
    if isinstance(rows, list):
        total = max(len(rows) - header_index - 1, 1)

        def done(offset: int) -> int:
            return offset
    else:  # a CSV stream: progress in bytes
        total = max(rows.size, 1)

        def done(offset: int) -> int:
            return rows.position()

    items = sorted(mapping.items())
    names = [name for _, name in items]
    pick = itemgetter(*(col for col, _ in items))
    full_width = items[-1][0] + 1  # a row at least this wide has every column
    if isinstance(rows, CsvRows):  # a CSV has only text
        cleaners = [clean_cell if name in _UNIQUE_COLUMNS else _clean_text_cell for name in names]
    else:
        cleaners = [_clean_any_cell] * len(names)
    if len(names) == 1:  # itemgetter of one index gives the cell, not a tuple
        one = pick
        pick = lambda raw: (one(raw),)  # noqa: E731

    def data_rows() -> Iterator[TableRow]:
        number = header_index + 1  # the header's row as the spreadsheet shows it
        for offset, raw in enumerate(chain(head[header_index + 1:], source)):
            number += 1
            if offset % 500 == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(done(offset), total)
            if len(raw) >= full_width:
                values = {name: value for name, value in zip(names, map(call, cleaners, pick(raw))) if value is not None}
            else:  # a short row: the cells it has
                width = len(raw)
                values = {name: value for name, value in ((name, _clean_any_cell(raw[col])) for col, name in items
                                                          if col < width) if value is not None}
            if values:
                yield TableRow(number=number, values=values)
        if progress is not None:
            progress(total, total)

    return info, data_rows()


def read_table_of_products(path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None) -> Table:
    """The file as a table of template columns (TableError when it is not a product list)."""
    table = read_table(path, columns=PRODUCT_COLUMNS, required=REQUIRED_COLUMNS, aliases=COLUMN_ALIASES,
                       progress=progress, cancelled=cancelled)
    _refuse_order_export(table.path, table.ignored_columns)
    return table


def _previously_imported(conn, digest: str) -> Optional[datetime]:
    return conn.execute(
        select(ImportBatch.imported_at)
        .where(ImportBatch.kind == "products", ImportBatch.file_hash == digest)
        .order_by(ImportBatch.imported_at.desc())
    ).scalar()


# --- matching rows to the catalogue ----------------------------------------------------------


@dataclass
class _Index:
    """The catalogue as the import sees it: products by code key and, without a code, by name+spec."""

    by_id: dict[int, ValidProduct]
    by_sku: dict[str, int]  # sku_key → id (a code left without a key by a clash matches nothing)
    by_name_spec: dict[tuple[str, str], list[int]]
    categories: set[str]
    producers: set[str]


def _load_index(conn) -> _Index:
    index = _Index({}, {}, {}, set(), set())
    for r in conn.execute(stored_product_select().add_columns(Product.sku_key)):
        index.by_id[r.id] = valid_from_stored(r)
        if r.sku:
            if r.sku_key:
                index.by_sku[r.sku_key] = r.id
        else:
            index.by_name_spec.setdefault((r.name, r.spec), []).append(r.id)
    index.categories = set(conn.execute(select(Category.name)).scalars())
    index.producers = set(conn.execute(select(Producer.name)).scalars())
    return index


def _money_text(fen: Optional[int]) -> str:
    return "" if fen is None else format_plain(fen)


def _column_text(valid: ValidProduct, column: str) -> str:
    return {
        NAME: valid.name, SPEC: valid.spec, UNIT: valid.unit, CATEGORY: valid.category, SKU: valid.sku or "",
        LIST_PRICE: _money_text(valid.list_price_fen), LIVE_PRICE: _money_text(valid.live_price_fen),
        COST: _money_text(valid.cost_fen), STOCK: str(valid.stock), LOW_STOCK: str(valid.low_stock_threshold),
        ORIGIN: valid.origin, PRODUCER: valid.producer, CERTIFICATIONS: valid.certifications,
        SHELF_LIFE: "" if valid.shelf_life_days is None else str(valid.shelf_life_days), NOTES: valid.notes,
        STATUS: ARCHIVED if valid.archived else ON_SALE,
    }[column]


# ProductInput's fields and their defaults: a new row's input is made from them without the
# dataclass's __init__ (keyword arguments for 23 fields, on every row of a big file).
_INPUT_DEFAULTS = {f.name: f.default for f in dataclass_fields(ProductInput)}
_PLAIN_INPUT = not hasattr(ProductInput, "__post_init__") and all(
    f.init and f.default is not MISSING and f.default_factory is MISSING for f in dataclass_fields(ProductInput))
_new_object = object.__new__


def _product_input(fields: dict[str, Any]) -> ProductInput:
    """ProductInput(**fields) (`fields`: names of its fields): the same instance, its
    attributes set in one dict update."""
    if not _PLAIN_INPUT:
        return ProductInput(**fields)
    data = _new_object(ProductInput)
    attributes = data.__dict__
    attributes.update(_INPUT_DEFAULTS)
    attributes.update(fields)
    return data


class _Classifier:
    """What each row of a file would do to the catalogue in `index`, row after row (a code
    or a name+spec met twice in the file is refused the second time)."""

    def __init__(self, index: _Index) -> None:
        self.index = index
        self.seen_sku: dict[str, int] = {}
        self.seen_name_spec: dict[tuple[str, str], int] = {}

    def classify(self, number: int, cells: dict[str, str], fields: dict[str, Any],
                 cell_problems: list[RowProblem]) -> ProductImportRow:
        """What the row numbered `number` does: its cell texts, parsed values and bad cells
        (_parse_row's results; not changed here)."""
        index = self.index
        name = fields.get("name", "")
        spec = fields.get("spec", "")
        sku = fields.get("sku", "")
        out = ProductImportRow(row=number, status=REJECTED, name=name, spec=spec, sku=sku, cells=cells,
                               fields=dict(fields), problems=list(cell_problems), cell_problems=cell_problems)
        if not name:
            out.problems.insert(0, RowProblem(number, NAME, "", Message("product.name_required")))
        if out.problems:
            return out
        target: Optional[int] = None
        if sku:
            key = sku_key(sku)
            if key in self.seen_sku:
                out.problems.append(RowProblem(number, SKU, sku, Message("product_import.same_sku", row=self.seen_sku[key])))
                return out
            self.seen_sku[key] = number
            target = index.by_sku.get(key)
        else:
            name_spec = (name, spec)
            if name_spec in self.seen_name_spec:
                out.problems.append(RowProblem(
                    number, NAME, name, Message("product_import.same_name_spec", row=self.seen_name_spec[name_spec])))
                return out
            self.seen_name_spec[name_spec] = number
            matches = index.by_name_spec.get(name_spec, [])
            if len(matches) > 1:
                out.problems.append(RowProblem(
                    number, NAME, name, Message("product_import.ambiguous_name", count=len(matches))))
                return out
            target = matches[0] if matches else None
        if target is not None:
            old = index.by_id[target]
            if sku:
                fields = out.fields
                fields["sku"] = old.sku  # the same code in another case or width: the product keeps its spelling
            if all(value == getattr(old, _STORED_AS.get(key, key)) for key, value in fields.items()):
                out.status, out.valid, out.product_id = UNCHANGED, old, target  # every field given is as stored
                return out
            data = replace(old.as_input(), **fields)
        else:
            data = _product_input(fields)
        valid, errors = clean_product(data)
        if errors:
            for field_name, message in errors.items():
                column = FIELD_COLUMNS.get(field_name, "")
                out.problems.append(RowProblem(number, column, cells.get(column, ""), message))
            return out
        assert valid is not None
        out.valid = valid
        out.product_id = target
        if target is None:
            out.status = NEW
            return out
        old = index.by_id[target]
        if valid == old:
            out.status = UNCHANGED
            return out
        out.status = UPDATE
        for column in PRODUCT_COLUMNS:
            before, after = _column_text(old, column), _column_text(valid, column)
            if before != after:
                out.changes[column] = (before, after)
        return out


__all__ = [
    "NEW", "UPDATE", "UNCHANGED", "REJECTED", "STATUSES", "RowProblem", "ProductImportRow", "ProductFile",
    "ProductImportPreview", "ProductImportResult", "read_table_of_products",
]
