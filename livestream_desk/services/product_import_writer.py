"""Writing a product import's classified rows (services/product_io.py), inside the caller's
transaction, CHUNK_ROWS at a time: new products by one executemany INSERT (explicit ids on
SQLite), updates by one executemany UPDATE (stock as a delta from what this transaction
read: the file's number wins, an unchanged stock is not written), their stock history in one
INSERT, the search index of new products in one statement (product_search_batch).

The search index of a chunk's new products is filled on a helper thread while the caller
reads and checks the next rows (product_search_batch): FTS5's work runs without the GIL.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import bindparam, func, insert, select

from ..db.bulk_insert import insert_rows, values_getter
from ..db.engine import sqlite_page_cache
from ..db.models import ImportBatch, Product, StockMovement
from . import catalogue
from .catalogue import product_columns
from .product_import_rows import (
    NEW,
    REJECTED,
    STATUSES,
    UNCHANGED,
    UPDATE,
    ProductFile,
    ProductImportResult,
    ProductImportRow,
    RowProblem,
    _Index,
)
from .product_search_batch import SearchIndexBatch
from .uow import now

# Rows written at a time, or more while the helper still indexes the chunk before. FTS5
# writes at least one new segment of the search index per statement, and merges them: 8,000
# products per statement instead of 2,000 is a quarter less indexing work for 100,000 (4.1 s
# → 3.1 s), for a few MB more of rows held.
CHUNK_ROWS = 8000
MAX_CHUNK_ROWS = 2 * CHUNK_ROWS
# SQLite's page cache while an import writes (KiB, db.engine.sqlite_page_cache): the products'
# four indexes and the search index of 100,000 new products no longer spill to the file and
# are read back, about a third of their INSERTs.
IMPORT_CACHE_KIB = 65536


class ProductWriter:
    """`with ProductWriter(session, index, file_name) as writer:` `add(row)` for each
    classified row, then `finish()` (the ImportBatch row's id) and `result()`."""

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
        # The chunk being gathered: (row, its columns without the two ids) per new product;
        # (product id, columns, stock delta, row) per update; stock movements of updates.
        self._new: list[tuple[ProductImportRow, dict]] = []
        self._updates: list[tuple[int, dict, int, ProductImportRow]] = []
        self._movements: list[dict] = []
        self._in_order: list[ProductImportRow] = []  # the chunk's new and updated rows, as in the file
        self.search_index = SearchIndexBatch(self.conn)
        self._page_cache = sqlite_page_cache(self.conn, IMPORT_CACHE_KIB)

    def __enter__(self) -> "ProductWriter":
        self._page_cache.__enter__()
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.search_index.close()  # before the transaction ends, also on an error
        finally:
            self._page_cache.__exit__(*exc_info)

    def add(self, row: ProductImportRow) -> None:
        status = row.status
        self.counts[status] += 1
        if status == NEW:
            values = product_columns(row.valid, category_id=None, producer_id=None)
            values["created_at"] = values["updated_at"] = self.at
            self._new.append((row, values))
            self._in_order.append(row)
        elif status == REJECTED:
            self.problems.extend(row.problems)
        elif status == UPDATE:
            values = product_columns(row.valid, category_id=None, producer_id=None)
            delta = values.pop("stock") - self.index.by_id[row.product_id].stock
            self._updates.append((row.product_id, values, delta, row))
            self._in_order.append(row)
            if delta:
                self._movements.append(dict(product_id=row.product_id, delta=delta, reason=self.reason, at=self.at))
            self.updated_ids.append(row.product_id)
        gathered = len(self._new) + len(self._updates)
        if gathered >= CHUNK_ROWS and (gathered >= MAX_CHUNK_ROWS or not self.search_index.busy()):
            self.flush()

    def flush(self) -> None:
        """Write the chunk gathered so far."""
        if self._new or self._updates or self._movements:
            self.search_index.wait()  # the connection is ours again
            self._write(self._in_order, self._new, self._updates, self._movements)
            self._in_order, self._new, self._updates, self._movements = [], [], [], []

    def finish(self, file_name: str, file_hash: str) -> Optional[int]:
        """Write what is left; the ImportBatch row when anything was new or changed (its
        id), else None."""
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

    def _category_id(self, name: str) -> Optional[int]:
        if name not in self._categories:
            self._categories[name] = catalogue.category_id_for(self.session, name, self.made_categories)
        return self._categories[name]

    def _producer_id(self, name: str) -> Optional[int]:
        if name not in self._producers:
            self._producers[name] = catalogue.producer_id_for(self.session, name, self.made_producers)
        return self._producers[name]

    def _with_ids(self, row: ProductImportRow, values: dict) -> dict:
        """`values` with the ids of the row's category and producer (made by `_write` already)."""
        values["category_id"] = self._categories[row.valid.category]
        values["producer_id"] = self._producers[row.valid.producer]
        return values

    def _insert_plain(self, rows: list[dict], table=Product.__table__) -> None:
        """One executemany of `rows` (dicts naming the same columns, every one the insert
        needs) through the DBAPI cursor (db.bulk_insert). SQLite only."""
        given = rows[0]
        names = [column.name for column in table.c if column.name in given]  # the statement's order: no reordering
        if len(names) != len(given):  # (a key that is no column: insert_rows tells)
            names = list(given)
        get = values_getter(names)
        insert_rows(self.conn, table, names, [get(row) for row in rows])

    def _write(self, in_order: list, new: list, updates: list, movements: list) -> None:
        table = Product.__table__
        indexed: Optional[tuple[int, int]] = None
        categories, producers = self._categories, self._producers
        for row in in_order:  # categories and producers made in the order the file names them
            valid = row.valid
            if valid.category not in categories:
                self._category_id(valid.category)
            if valid.producer not in producers:
                self._producer_id(valid.producer)
        if new:
            with_ids = self._with_ids
            rows = [with_ids(row, values) for row, values in new]
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
                indexed = (ids[0], ids[-1])  # after this chunk's last statement (then on the helper thread)
            else:
                ids = self.conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
                ).scalars().all()
            reason, at = self.reason, self.at
            for product_id, (row, _) in zip(ids, new):
                row.product_id = product_id
                stock = row.valid.stock
                if stock:
                    movements.append({"product_id": product_id, "delta": stock, "reason": reason, "at": at})
            self.new_ids.extend(ids)
        if updates:
            params = []
            for product_id, values, delta, row in updates:
                self._with_ids(row, values)
                params.append({**{f"b_{k}": v for k, v in values.items()}, "b_id": product_id, "b_delta": delta})
            columns = [k[2:] for k in params[0] if k not in ("b_id", "b_delta")]
            statement = (
                table.update()
                .where(table.c.id == bindparam("b_id"))
                .values({**{c: bindparam(f"b_{c}") for c in columns}, "stock": table.c.stock + bindparam("b_delta"),
                         "updated_at": self.at})
            )
            self.conn.execute(statement, params)
        if movements:
            if self.conn.dialect.name == "sqlite":
                self._insert_plain(movements, StockMovement.__table__)
            else:
                self.conn.execute(insert(StockMovement.__table__), movements)
        if indexed is not None:
            self.search_index.add(*indexed)
