"""The catalogue's search index (SQLite FTS5, migration 0002) filled for a batch of new
products at once, inside the caller's transaction (the product import).

The index is normally kept by a trigger per inserted product, which costs several times the
insert itself. For a batch the trigger is set aside, each chunk of new products is indexed
with one INSERT … SELECT from the same view the trigger reads (the same rows), and the
trigger is put back at the end of the batch — all in the writing transaction, so a failure
rolls the trigger back with everything else.

Each chunk's INSERT … SELECT is one SQLite step that runs without Python's GIL, so it is run
on a helper thread while the caller reads and checks the next rows: the indexing of 100,000
new products (FTS5's merging of its segments included) overlaps the Python work instead of
following it. (Holding the merging back and merging once at the end costs less in all, but
that last merge overlaps nothing: a second longer on two cores.) Not the executemany
INSERTs: they hand the GIL back and forth for every row, which a busy caller slows down.

While the batch indexes, FTS5's `hashsize` (the terms it gathers in memory before writing
them out as a new segment: 1 MiB by default) is 16 MiB: a sixteenth of the segments, so
much less of FTS5's merging of them (a fifth of the indexing of 100,000 products). Put back
at the end in the same transaction (the config table as it was: no row when it had none).

The connection is used by one thread at a time: the caller calls `wait()` before its own
next statement, and `close()` before the transaction ends (also on an error: the helper's
statement is finished before the rollback).
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Optional

TRIGGER = "products_search_insert"
BATCH_HASHSIZE = 16 << 20  # bytes of pending terms while a batch indexes
FTS5_HASHSIZE = 1 << 20  # FTS5's own default, while the config table holds none


class SearchIndexBatch:
    """`before_insert()` before inserting new products, `add(first_id, last_id)` after
    (their ids; indexed on the helper thread), `wait()` before any other statement on the
    connection, `finish()` once before the commit, `close()` at the end in any case. Does
    nothing where the index does not exist (PostgreSQL, an SQLite without FTS5)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self._trigger_sql: Optional[str] = None  # the trigger's SQL while it is set aside
        self._helper: Optional[ThreadPoolExecutor] = None
        self._indexing: Optional[Future] = None
        self._hashsize: Optional[tuple[Optional[int]]] = None  # (the stored hashsize or None) while ours is set

    def _sql(self, statement: str, params=()):
        return self.conn.exec_driver_sql(statement, params)

    def before_insert(self) -> None:
        """Set the trigger aside (once): the rows inserted next are indexed by `add`."""
        if self._trigger_sql is None and self.conn.dialect.name == "sqlite":
            found = self._sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)).scalar()
            if found:
                self._sql(f"DROP TRIGGER {TRIGGER}")
                self._trigger_sql = found
                stored = self._sql("SELECT v FROM product_search_config WHERE k = 'hashsize'").scalar()
                self._hashsize = (None if stored is None else int(stored),)
                self._set_hashsize(BATCH_HASHSIZE)

    def _set_hashsize(self, size: int) -> None:
        self._sql("INSERT INTO product_search (product_search, rank) VALUES ('hashsize', ?)", (size,))

    def add(self, first_id: int, last_id: int) -> None:
        if self._trigger_sql is None:  # the trigger indexed them (or there is no index)
            return
        self.wait()
        if self._helper is None:
            self._helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="product-search-index")
        self._indexing = self._helper.submit(
            self._sql,
            "INSERT INTO product_search (rowid, keys, letters, state) "
            "SELECT id, keys, letters, state FROM product_search_source WHERE id BETWEEN ? AND ?", (first_id, last_id)
        )

    def busy(self) -> bool:
        """Whether the helper is still indexing (the caller can go on gathering rows)."""
        return self._indexing is not None and not self._indexing.done()

    def wait(self) -> None:
        """Until the helper's statement is done (raising its error here)."""
        if self._indexing is not None:
            indexing, self._indexing = self._indexing, None
            indexing.result()

    def close(self) -> None:
        """Wait for the helper and let it go (an error of its own is left to `wait`)."""
        if self._indexing is not None:
            self._indexing.exception()
        if self._helper is not None:
            self._helper.shutdown(wait=True)
            self._helper = None

    def finish(self) -> None:
        """Wait for the helper; put the trigger back."""
        self.wait()
        if self._hashsize is not None:
            (stored,), self._hashsize = self._hashsize, None
            self._set_hashsize(FTS5_HASHSIZE if stored is None else stored)
            if stored is None:  # FTS5 now uses its default; the table as it was
                self._sql("DELETE FROM product_search_config WHERE k = 'hashsize'")
        if self._trigger_sql is not None:
            self._sql(self._trigger_sql)
            self._trigger_sql = None
