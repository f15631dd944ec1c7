"""The product template of DESIGN §6: import (read → preview → apply) and export.

Columns: 商品名称, 规格, 单位, 分类, 商家编码, 售价, 直播价, 成本价, 库存, 库存预警, 产地, 生产者,
认证, 保质期(天), 备注, 状态. Only 商品名称 is required; columns may come in any order, extra
columns are ignored, blank lines skipped. A file without 库存预警 or 状态 (made before they
were added) still imports: a missing column, like a blank cell, keeps an existing product's
value; a new product gets 0 and 在售.

Matching: a row with a 商家编码 updates the product with that code, compared trimmed, in any
letter case and width (domain.validation.sku_key; the product keeps its own spelling), or
makes a new product with it; a row without one updates the product without a code that has
the same name and spec; otherwise it is a new product. Blank cells in an updating row keep
the old values. A row with any bad value is rejected whole, with its row number as the
spreadsheet shows it (header = row 1), the column, the value and the reason; the other rows
still import. A row is "unchanged" only when every field the file gives equals the stored one.

    preview = read_product_file(db, path)           # writes nothing (the GUI shows it; --dry-run)
    preview.counts  → {"new": 3, "update": 1, "unchanged": 40, "rejected": 2}
    result = apply_product_import(db, preview)      # one transaction, an ImportBatch row
    result = import_product_file(db, path)          # the CLI: read and write in one pass

Reading and classifying the rows is services/product_import_rows.py; the layout and the
export, services/product_sheet.py. `import_product_file` streams: rows are read, checked
and written in chunks inside one
transaction, so a 100,000-row file never sits in memory as row objects (bench/
bench_import_products.py). `export_products()` writes the same layout (.xlsx or .csv), so
an exported file re-imports as all "unchanged" and into an empty database as the same
catalogue; 产地 is one column ("江西省 婺源县 江湾镇 篁岭村") split back by
`domain.validation.split_origin`.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Callable, Optional, Union

from sqlalchemy import bindparam, func, insert, select

from ..db.engine import Database
from ..db.models import ImportBatch, Product, StockMovement
from ..domain.validation import ValidProduct
from . import catalogue
from .catalogue import product_columns
from .errors import Cancelled
from .uow import now, reading, writing
from .product_search_batch import SearchIndexBatch
from .product_import_rows import (  # the rows and what they do (re-exported)
    NEW,
    REJECTED,
    STATUSES,
    UNCHANGED,
    UPDATE,
    ProductFile,
    ProductImportPreview,
    ProductImportResult,
    ProductImportRow,
    RowProblem,
    _Classifier,
    _file_hash,
    _Index,
    _load_index,
    _open_product_rows,
    _Parsed,
    _parse_row,
    _previously_imported,
    read_table_of_products,
)
from .product_sheet import (  # the template's layout (re-exported)
    COLUMN_ALIASES,
    PRODUCT_COLUMNS,
    export_products,
    template_resource,
    write_product_template,
)

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]
CHUNK_ROWS = 2000  # rows written at a time


@contextmanager
def _cycle_collector_paused():
    """Python's cycle collector paused while a file's rows are processed (and started again
    as it was). Its full collections walk every object the process holds — pypinyin's
    dictionaries, SQLAlchemy — again and again as the rows' objects pile up: about a tenth
    of a 100,000-row import. The rows' objects form no cycles; reference counting frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- reading ------------------------------------------------------------------------


def read_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportPreview:
    """Read a product file and classify every row against the catalogue; write nothing.

    Raises TableError (a Problem with a `tables.*` code) when the file cannot be read: not CSV
    or Excel, an unknown encoding, no 商品名称 column. `progress(done, total)` is called
    now and then; `cancelled()` returning True raises Cancelled.
    """
    path = Path(path)
    info, table_rows = _open_product_rows(path, progress, cancelled)
    digest = _file_hash(path)
    with reading(db) as conn, _cycle_collector_paused():
        index = _load_index(conn)
        classify = _Classifier(index)
        rows = []
        for r in table_rows:
            fields, problems, cells = _parse_row(r)
            rows.append(classify(_Parsed(r.number, cells, fields, problems)))
        previous = _previously_imported(conn, digest)
    writes = [r.valid for r in rows if r.valid is not None and r.status in (NEW, UPDATE)]
    new_categories = tuple(dict.fromkeys(v.category for v in writes if v.category and v.category not in index.categories))
    new_producers = tuple(dict.fromkeys(v.producer for v in writes if v.producer and v.producer not in index.producers))
    return ProductImportPreview(
        path=path,
        file_name=path.name,
        file_hash=digest,
        kind=info.kind,
        encoding=info.encoding,
        sheet=info.sheet,
        header_row=info.header_row,
        columns=info.columns,
        ignored_columns=info.ignored_columns,
        rows=rows,
        new_categories=new_categories,
        new_producers=new_producers,
        previously_imported_at=previous,
    )


# --- writing --------------------------------------------------------------------------


class _Writer:
    """Writes classified rows inside the caller's transaction, CHUNK_ROWS at a time: new
    products by one executemany INSERT … RETURNING id (in the rows' order), updates by one
    executemany UPDATE (stock as a delta from what this transaction read: the file's number
    wins, an unchanged stock is not written), their stock history in one INSERT."""

    def __init__(self, session, index: _Index, file_name: str) -> None:
        self.session = session
        self.conn = session.connection()
        self.index = index
        self.at = now()
        self.reason = f"{catalogue.REASON_IMPORT} {file_name}"[:200]
        self.counts = {status: 0 for status in STATUSES}
        self.problems: list[RowProblem] = []
        self.new_ids: list[int] = []
        self.updated_ids: list[int] = []
        self.made_categories: list[str] = []
        self.made_producers: list[str] = []
        self._categories: dict[str, Optional[int]] = {}
        self._producers: dict[str, Optional[int]] = {}
        self._new: list[tuple[ProductImportRow, dict]] = []
        self._updates: list[dict] = []
        self._movements: list[dict] = []
        self.search_index = SearchIndexBatch(self.conn, existing_products=len(index.by_id))

    def _category_id(self, name: str) -> Optional[int]:
        if name not in self._categories:
            self._categories[name] = catalogue.category_id_for(self.session, name, self.made_categories)
        return self._categories[name]

    def _producer_id(self, name: str) -> Optional[int]:
        if name not in self._producers:
            self._producers[name] = catalogue.producer_id_for(self.session, name, self.made_producers)
        return self._producers[name]

    def _values(self, valid: ValidProduct) -> dict:
        return product_columns(
            valid, category_id=self._category_id(valid.category), producer_id=self._producer_id(valid.producer)
        )

    def add(self, row: ProductImportRow) -> None:
        self.counts[row.status] += 1
        if row.status == REJECTED:
            self.problems.extend(row.problems)
        elif row.status == NEW:
            self._new.append((row, {**self._values(row.valid), "created_at": self.at, "updated_at": self.at}))
        elif row.status == UPDATE:
            values = self._values(row.valid)
            delta = values.pop("stock") - self.index.by_id[row.product_id].stock
            self._updates.append({**{f"b_{k}": v for k, v in values.items()}, "b_id": row.product_id, "b_delta": delta})
            if delta:
                self._movements.append(dict(product_id=row.product_id, delta=delta, reason=self.reason, at=self.at))
            self.updated_ids.append(row.product_id)
        if len(self._new) + len(self._updates) >= CHUNK_ROWS:
            self.flush()

    def _insert_plain(self, rows: list[dict], table=Product.__table__) -> None:
        """One executemany of `rows` (dicts naming the same columns) through the DBAPI cursor,
        converted by the columns' own bind processors: what `conn.execute(insert(table), rows)`
        does, without SQLAlchemy's bookkeeping of each row's parameters (a third of a
        100,000-row import's writing). SQLite only (its qmark parameters)."""
        dialect = self.conn.dialect
        compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
        order = list(compiled.positiontup)
        converters = []
        for position, name in enumerate(order):
            process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                converters.append((position, lru_cache(maxsize=64)(process)))  # dates and flags repeat
        get = itemgetter(*order)
        params = []
        for row in rows:
            values = get(row)
            if converters:
                values = list(values)
                for position, process in converters:
                    values[position] = process(values[position])
                values = tuple(values)
            params.append(values)
        self.conn.exec_driver_sql(compiled.string, params)

    def flush(self) -> None:
        table = Product.__table__
        if self._new:
            rows = [values for _, values in self._new]
            if self.conn.dialect.name == "sqlite":
                # SQLAlchemy cannot sort a multi-row RETURNING on SQLite, so it sends one
                # INSERT per row (90 % of a 100,000-row import). This transaction holds the
                # only write lock: the ids are simply the next ones, given in one executemany.
                top = self.conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
                ids = list(range(top + 1, top + 1 + len(rows)))
                for product_id, values in zip(ids, rows):
                    values["id"] = product_id
                self.search_index.before_insert()
                self._insert_plain(rows)
                self.search_index.add(ids[0], ids[-1])
            else:
                ids = self.conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
                ).scalars().all()
            for product_id, (row, _) in zip(ids, self._new):
                row.product_id = product_id
                if row.valid.stock:
                    self._movements.append(dict(product_id=product_id, delta=row.valid.stock, reason=self.reason,
                                                at=self.at))
            self.new_ids.extend(ids)
            self._new = []
        if self._updates:
            columns = [k[2:] for k in self._updates[0] if k not in ("b_id", "b_delta")]
            statement = (
                table.update()
                .where(table.c.id == bindparam("b_id"))
                .values({**{c: bindparam(f"b_{c}") for c in columns}, "stock": table.c.stock + bindparam("b_delta"),
                         "updated_at": self.at})
            )
            self.conn.execute(statement, self._updates)
            self._updates = []
        if self._movements:
            if self.conn.dialect.name == "sqlite":
                self._insert_plain(self._movements, StockMovement.__table__)
            else:
                self.conn.execute(insert(StockMovement.__table__), self._movements)
            self._movements = []

    def finish(self, file_name: str, file_hash: str) -> Optional[int]:
        """Flush; the ImportBatch row when anything was new or changed (its id), else None."""
        self.flush()
        self.search_index.finish()
        c = self.counts
        if not (c[NEW] or c[UPDATE]):
            return None
        return self.conn.execute(
            insert(ImportBatch)
            .values(
                kind="products", file_name=file_name[:500], file_hash=file_hash, platform="",
                new_rows=c[NEW], duplicate_rows=c[UPDATE] + c[UNCHANGED], rejected_rows=c[REJECTED],
                imported_at=self.at,
            )
            .returning(ImportBatch.id)
        ).scalar_one()

    def result(self, batch_id: Optional[int], file: Optional[ProductFile] = None) -> ProductImportResult:
        c = self.counts
        return ProductImportResult(
            batch_id=batch_id, new=c[NEW], updated=c[UPDATE], unchanged=c[UNCHANGED], rejected=c[REJECTED],
            problems=tuple(self.problems), new_categories=tuple(self.made_categories),
            new_producers=tuple(self.made_producers), new_product_ids=tuple(self.new_ids),
            updated_product_ids=tuple(self.updated_ids), file=file,
        )


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
    total = max(len(preview.rows), 1)
    with writing(db) as session, _cycle_collector_paused():
        index = _load_index(session.connection())
        classify = _Classifier(index)
        writer = _Writer(session, index, preview.file_name)
        for n, r in enumerate(preview.rows):
            if n % 200 == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(n, total)
            writer.add(classify(_Parsed(r.row, r.cells, r.fields, list(r.cell_problems))))
        batch_id = writer.finish(preview.file_name, preview.file_hash)
        if cancelled is not None and cancelled():
            raise Cancelled()
    if progress is not None:
        progress(total, total)
    return writer.result(batch_id)


def import_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportResult:
    """Read, check and write a product file in one pass and ONE transaction (the command
    line's way): what read_product_file + apply_product_import do, without keeping the rows.
    Nothing new or changed: no batch row, nothing written. TableError before anything is
    written when the file is not a product list."""
    path = Path(path)
    info, table_rows = _open_product_rows(path, progress, cancelled)
    info = replace(info, file_hash=_file_hash(path))
    with writing(db) as session, _cycle_collector_paused():
        conn = session.connection()
        info = replace(info, previously_imported_at=_previously_imported(conn, info.file_hash))
        index = _load_index(conn)
        classify = _Classifier(index)
        writer = _Writer(session, index, info.file_name)
        for r in table_rows:
            fields, problems, cells = _parse_row(r)
            writer.add(classify(_Parsed(r.number, cells, fields, problems)))
        batch_id = writer.finish(info.file_name, info.file_hash)
    return writer.result(batch_id, info)


__all__ = [
    "PRODUCT_COLUMNS",
    "NEW",
    "UPDATE",
    "UNCHANGED",
    "REJECTED",
    "COLUMN_ALIASES",
    "RowProblem",
    "ProductFile",
    "ProductImportRow",
    "ProductImportPreview",
    "ProductImportResult",
    "read_product_file",
    "read_table_of_products",
    "apply_product_import",
    "import_product_file",
    "export_products",
    "write_product_template",
    "template_resource",
]
