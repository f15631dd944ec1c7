"""The product template of DESIGN §6: import (read → preview → apply) and export.

Columns: 商品名称, 规格, 单位, 分类, 商家编码, 售价, 直播价, 成本价, 库存, 产地, 生产者, 认证,
保质期(天), 备注. Only 商品名称 is required; columns may come in any order, extra columns are
ignored, blank lines skipped.

Matching: a row with a 商家编码 updates the product with that code (or makes a new product
with it); a row without one updates the product without a code that has the same name and
spec; otherwise it is a new product. Blank cells in an updating row keep the old values.
A row with any bad value is rejected whole, with its row number as the spreadsheet shows it
(header = row 1), the column, the value and the reason; the other rows still import.

    preview = read_product_file(db, path)           # writes nothing
    preview.counts  → {"new": 3, "update": 1, "unchanged": 40, "rejected": 2}
    result = apply_product_import(db, preview)      # one transaction, an ImportBatch row

`export_products()` writes the same layout (.xlsx or .csv), so an exported file re-imports
as all "unchanged"; 产地 is one column ("江西省 婺源县 江湾镇 篁岭村") split back by
`domain.validation.split_origin`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Optional, Union

from sqlalchemy import insert, select, update

from ..db.engine import Database
from ..db.models import Category, ImportBatch, Producer, Product, StockMovement
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
    split_certifications,
    split_origin,
)
from ..messages import Message, render
from . import catalogue
from .catalogue import product_columns, stored_product_select, valid_from_stored
from .errors import Cancelled
from .uow import now, reading, writing
from .tables import Table, TableError, TableRow, header_key, read_table

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]

from .product_sheet import (  # the template's layout (re-exported)
    CATEGORY,
    CERTIFICATIONS,
    COLUMN_ALIASES,
    COLUMN_WIDTHS,
    COST,
    FIELD_COLUMNS,
    LIST_PRICE,
    LIVE_PRICE,
    NAME,
    NOTES,
    ORDER_COLUMNS,
    ORIGIN,
    PRODUCER,
    PRODUCT_COLUMNS,
    REQUIRED_COLUMNS,
    SHELF_LIFE,
    SKU,
    SPEC,
    STOCK,
    TEMPLATE_HELP,
    UNIT,
    export_products,
    template_resource,
    write_product_template,
)

_TEXT_COLUMNS = {NAME: "name", SPEC: "spec", UNIT: "unit", CATEGORY: "category", PRODUCER: "producer", NOTES: "notes"}
_MONEY_COLUMNS = {LIST_PRICE: ("list_price", "the price"), LIVE_PRICE: ("live_price", "the live price"),
                  COST: ("cost", "the cost")}
_COUNT_COLUMNS = {STOCK: ("stock", "stock"), SHELF_LIFE: ("shelf_life_days", "shelf life")}

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
    batch_id: int
    new: int
    updated: int
    unchanged: int
    rejected: int
    problems: tuple[RowProblem, ...]
    new_categories: tuple[str, ...]
    new_producers: tuple[str, ...]
    new_product_ids: tuple[int, ...] = ()
    updated_product_ids: tuple[int, ...] = ()

    def summary_message(self) -> Message:
        return Message("product_import.summary", new=self.new, updated=self.updated, unchanged=self.unchanged,
                       rejected=self.rejected)

    def summary(self) -> str:
        return render(self.summary_message())


# --- reading ------------------------------------------------------------------------


def _parse_row(row: TableRow) -> tuple[dict[str, Any], list[RowProblem], dict[str, str]]:
    """A table row → (non-blank values by ProductInput field, problems, cell texts)."""
    fields: dict[str, Any] = {}
    problems: list[RowProblem] = []
    cells = {column: row.text(column) for column in PRODUCT_COLUMNS if column in row.values}

    def bad(column: str, reason: Message) -> None:
        problems.append(RowProblem(row.number, column, cells.get(column, ""), reason))

    for column, name in _TEXT_COLUMNS.items():
        if cells.get(column):
            fields[name] = cells[column]
    if cells.get(SKU):
        fields["sku"] = clean_sku(cells[SKU])
    for column, (name, what) in _MONEY_COLUMNS.items():
        raw = row.get(column)
        if raw is None:
            continue
        try:
            fen = parse_fen(raw)
        except MoneyError as exc:
            bad(column, money_field_error(exc).message)
            continue
        if fen < 0:
            bad(column, field_message("product.negative", what))
            continue
        fields[name] = fen
    for column, (name, what) in _COUNT_COLUMNS.items():
        raw = row.get(column)
        if raw is None:
            continue
        try:
            fields[name] = parse_whole_number(raw, what=what)
        except FieldError as exc:
            bad(column, exc.message)
    if cells.get(ORIGIN):
        province, county, town, village = split_origin(cells[ORIGIN])
        fields.update(origin_province=province, origin_county=county, origin_town=town, origin_village=village)
    if cells.get(CERTIFICATIONS):
        fields["certifications"] = join_certifications(split_certifications(cells[CERTIFICATIONS]))
    return fields, problems, cells


@dataclass
class _Parsed:
    row: int
    cells: dict[str, str]
    fields: dict[str, Any]
    problems: list[RowProblem]


@dataclass
class _Index:
    """The catalogue as the import sees it: products by code and, without a code, by name+spec."""

    by_id: dict[int, ValidProduct]
    by_sku: dict[str, int]
    by_name_spec: dict[tuple[str, str], list[int]]
    categories: set[str]
    producers: set[str]


def _load_index(conn) -> _Index:
    index = _Index({}, {}, {}, set(), set())
    for r in conn.execute(stored_product_select()):
        index.by_id[r.id] = valid_from_stored(r)
        if r.sku:
            index.by_sku[r.sku] = r.id
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
        COST: _money_text(valid.cost_fen), STOCK: str(valid.stock), ORIGIN: valid.origin,
        PRODUCER: valid.producer, CERTIFICATIONS: valid.certifications,
        SHELF_LIFE: "" if valid.shelf_life_days is None else str(valid.shelf_life_days), NOTES: valid.notes,
    }[column]


def _classify(parsed: list[_Parsed], index: _Index, tick: Callable[[int], None] = lambda n: None) -> list[ProductImportRow]:
    result: list[ProductImportRow] = []
    seen_sku: dict[str, int] = {}
    seen_name_spec: dict[tuple[str, str], int] = {}
    for n, p in enumerate(parsed):
        tick(n)
        fields = p.fields
        name = fields.get("name", "")
        spec = fields.get("spec", "")
        sku = fields.get("sku", "")
        out = ProductImportRow(row=p.row, status=REJECTED, name=name, spec=spec, sku=sku, cells=p.cells,
                               fields=dict(fields), problems=list(p.problems),
                               cell_problems=list(p.problems))
        result.append(out)
        if not name:
            out.problems.insert(0, RowProblem(p.row, NAME, "", Message("product.name_required")))
        if out.problems:
            continue
        target: Optional[int] = None
        if sku:
            if sku in seen_sku:
                out.problems.append(RowProblem(p.row, SKU, sku, Message("product_import.same_sku", row=seen_sku[sku])))
                continue
            seen_sku[sku] = p.row
            target = index.by_sku.get(sku)
        else:
            key = (name, spec)
            if key in seen_name_spec:
                out.problems.append(RowProblem(
                    p.row, NAME, name, Message("product_import.same_name_spec", row=seen_name_spec[key])))
                continue
            seen_name_spec[key] = p.row
            matches = index.by_name_spec.get(key, [])
            if len(matches) > 1:
                out.problems.append(RowProblem(
                    p.row, NAME, name, Message("product_import.ambiguous_name", count=len(matches))))
                continue
            target = matches[0] if matches else None
        if target is None:
            data = ProductInput(**fields)
        else:
            data = replace(index.by_id[target].as_input(), **fields)
        valid, errors = clean_product(data)
        if errors:
            for field_name, message in errors.items():
                column = FIELD_COLUMNS.get(field_name, "")
                out.problems.append(RowProblem(p.row, column, p.cells.get(column, ""), message))
            continue
        assert valid is not None
        out.valid = valid
        out.product_id = target
        if target is None:
            out.status = NEW
            continue
        old = index.by_id[target]
        if valid == old:
            out.status = UNCHANGED
            continue
        out.status = UPDATE
        for column in PRODUCT_COLUMNS:
            before, after = _column_text(old, column), _column_text(valid, column)
            if before != after:
                out.changes[column] = (before, after)
    return result


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_table_of_products(path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None) -> Table:
    """The file as a table of template columns (TableError when it is not a product list)."""
    table = read_table(path, columns=PRODUCT_COLUMNS, required=REQUIRED_COLUMNS, aliases=COLUMN_ALIASES,
                       progress=progress, cancelled=cancelled)
    order_keys = {header_key(c) for c in ORDER_COLUMNS}
    found = [c for c in table.ignored_columns if header_key(c) in order_keys]
    if found:
        raise TableError("product_import.order_export", file=table.path.name, column=found[0])
    return table


def read_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportPreview:
    """Read a product file and classify every row against the catalogue; write nothing.

    Raises TableError (a Problem with a `tables.*` code) when the file cannot be read: not CSV
    or Excel, an unknown encoding, no 商品名称 column. `progress(done, total)` is called
    now and then; `cancelled()` returning True raises Cancelled.
    """
    path = Path(path)

    def reading_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(done, max(2 * total, 1))

    table = read_table_of_products(path, reading_progress, cancelled)
    parsed = []
    for row in table.rows:
        fields, problems, cells = _parse_row(row)
        parsed.append(_Parsed(row.number, cells, fields, problems))
    total = len(parsed)

    def tick(n: int) -> None:
        if n % 250 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(total + n, max(2 * total, 1))

    digest = _file_hash(path)
    with reading(db) as conn:
        index = _load_index(conn)
        rows = _classify(parsed, index, tick)
        previous = conn.execute(
            select(ImportBatch.imported_at)
            .where(ImportBatch.kind == "products", ImportBatch.file_hash == digest)
            .order_by(ImportBatch.imported_at.desc())
        ).scalar()
    if progress is not None:
        progress(max(2 * total, 1), max(2 * total, 1))
    writes = [r.valid for r in rows if r.valid is not None and r.status in (NEW, UPDATE)]
    new_categories = tuple(dict.fromkeys(v.category for v in writes if v.category and v.category not in index.categories))
    new_producers = tuple(dict.fromkeys(v.producer for v in writes if v.producer and v.producer not in index.producers))
    return ProductImportPreview(
        path=path,
        file_name=path.name,
        file_hash=digest,
        kind=table.kind,
        encoding=table.encoding,
        sheet=table.sheet,
        header_row=table.header_row,
        columns=tuple(table.columns),
        ignored_columns=tuple(table.ignored_columns),
        rows=rows,
        new_categories=new_categories,
        new_producers=new_producers,
        previously_imported_at=previous,
    )


# --- applying -----------------------------------------------------------------------


def apply_product_import(
    db: Database, preview: ProductImportPreview, progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportResult:
    """Write the preview's new and updated rows in ONE transaction, with an ImportBatch row
    (kind "products"). Rows are classified again against the catalogue as it is now, so a
    product added since the preview is updated rather than duplicated. All or nothing:
    any error or a cancel leaves the database as it was.

    The batch row counts: new_rows = products made, duplicate_rows = rows that matched an
    existing product (updated or unchanged), rejected_rows = rejected rows.
    """
    parsed = [_Parsed(r.row, r.cells, r.fields, list(r.cell_problems)) for r in preview.rows]
    total = max(len(parsed), 1)
    reason = f"{catalogue.REASON_IMPORT} {preview.file_name}"[:200]

    def check(n: int) -> None:
        if n % 200 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(n, total)

    with writing(db) as session:
        conn = session.connection()
        index = _load_index(conn)
        rows = _classify(parsed, index)
        at = now()
        categories: dict[str, Optional[int]] = {}
        producers: dict[str, Optional[int]] = {}
        made_categories: list[str] = []
        made_producers: list[str] = []

        def category_id(name: str) -> Optional[int]:
            if name not in categories:
                categories[name] = catalogue.category_id_for(session, name, made_categories)
            return categories[name]

        def producer_id(name: str) -> Optional[int]:
            if name not in producers:
                producers[name] = catalogue.producer_id_for(session, name, made_producers)
            return producers[name]

        def values(valid: ValidProduct) -> dict:
            columns = product_columns(
                valid, category_id=category_id(valid.category), producer_id=producer_id(valid.producer)
            )
            return {**columns, "updated_at": at}

        new_rows = [r for r in rows if r.status == NEW]
        updated_rows = [r for r in rows if r.status == UPDATE]
        new_ids: list[int] = []
        movements: list[dict] = []
        done = 0
        if new_rows:
            batch = []
            for r in new_rows:
                check(done)
                done += 1
                batch.append({**values(r.valid), "created_at": at})
            new_ids = list(
                session.execute(
                    insert(Product).returning(Product.id, sort_by_parameter_order=True), batch
                ).scalars()
            )
            for product_id, r in zip(new_ids, new_rows):
                r.product_id = product_id
                if r.valid.stock:
                    movements.append(dict(product_id=product_id, delta=r.valid.stock, reason=reason, at=at))
        for r in updated_rows:
            check(done)
            done += 1
            # The stock as a delta from what this transaction read (the file's number wins;
            # an unchanged stock is not written at all).
            delta = r.valid.stock - index.by_id[r.product_id].stock
            changed = values(r.valid)
            del changed["stock"]
            if delta:
                changed["stock"] = Product.stock + delta
                movements.append(dict(product_id=r.product_id, delta=delta, reason=reason, at=at))
            session.execute(update(Product).where(Product.id == r.product_id).values(**changed))
        if movements:
            session.execute(insert(StockMovement), movements)
        counts = {status: 0 for status in STATUSES}
        for r in rows:
            counts[r.status] += 1
        batch_id = session.execute(
            insert(ImportBatch)
            .values(
                kind="products", file_name=preview.file_name[:500], file_hash=preview.file_hash, platform="",
                new_rows=counts[NEW], duplicate_rows=counts[UPDATE] + counts[UNCHANGED],
                rejected_rows=counts[REJECTED], imported_at=at,
            )
            .returning(ImportBatch.id)
        ).scalar_one()
        if cancelled is not None and cancelled():
            raise Cancelled()
    if progress is not None:
        progress(total, total)
    return ProductImportResult(
        batch_id=batch_id,
        new=counts[NEW],
        updated=counts[UPDATE],
        unchanged=counts[UNCHANGED],
        rejected=counts[REJECTED],
        problems=tuple(p for r in rows if r.status == REJECTED for p in r.problems),
        new_categories=tuple(made_categories),
        new_producers=tuple(made_producers),
        new_product_ids=tuple(new_ids),
        updated_product_ids=tuple(r.product_id for r in updated_rows),
    )


def import_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportResult:
    """read_product_file + apply_product_import in one call (the command line's way)."""
    return apply_product_import(db, read_product_file(db, path, progress, cancelled), progress, cancelled)


__all__ = [
    "PRODUCT_COLUMNS",
    "NEW",
    "UPDATE",
    "UNCHANGED",
    "REJECTED",
    "COLUMN_ALIASES",
    "RowProblem",
    "ProductImportRow",
    "ProductImportPreview",
    "ProductImportResult",
    "read_product_file",
    "apply_product_import",
    "import_product_file",
    "export_products",
    "write_product_template",
    "template_resource",
]
