"""The catalogue's search index (SQLite FTS5, migration 0002) filled for a batch of new
products at once, inside the caller's transaction (the product import).

The index is normally kept by a trigger per inserted product, which costs several times the
insert itself. For a batch the trigger is set aside, each chunk of new products is indexed
with one INSERT … SELECT from the same view the trigger reads (the same rows), and the
trigger is put back at the end of the batch — all in the writing transaction, so a failure
rolls the trigger back with everything else.

A large batch also pays for FTS5's merging of index segments while it inserts (its
`automerge` / `crisismerge` work: about half the indexing time for 100,000 products, mostly
the per-letter trigrams every product has). Once a batch has indexed at least as many
products as the catalogue had (and at least LARGE_BATCH), merging is held back and the index
is merged into one segment ('optimize') at the end, as the migration leaves it: the work is
then bounded by twice the batch, and searches afterwards are as fast as on a fresh index.
The merge settings are put back as they were before the end of the transaction.

Each chunk's INSERT … SELECT is one SQLite step that runs without Python's GIL, so it is run
on a helper thread while the caller reads and checks the next rows (a third of a 100,000-row
import overlapped). The connection is used by one thread at a time: the caller calls
`wait()` before its own next statement, and `close()` before the transaction ends (also on
an error: the helper's statement is finished before the rollback). Not the executemany
INSERTs: they hand the GIL back and forth for every row, which a busy caller slows down.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Optional

TRIGGER = "products_search_insert"
LARGE_BATCH = 5000  # products indexed before merging is held back
_MERGE_SETTINGS = ("automerge", "crisismerge")
_FTS5_DEFAULTS = {"automerge": 4, "crisismerge": 16}  # used while the config table holds none
_HELD_BACK = {"automerge": 0, "crisismerge": 1 << 30}  # no merging until the batch's 'optimize'


class SearchIndexBatch:
    """`before_insert()` before inserting new products, `add(first_id, last_id)` after
    (their ids; indexed on the helper thread), `wait()` before any other statement on the
    connection, `finish()` once before the commit, `close()` at the end in any case. Does
    nothing where the index does not exist (PostgreSQL, an SQLite without FTS5)."""

    def __init__(self, conn, existing_products: int) -> None:
        self.conn = conn
        self.existing = existing_products
        self.indexed = 0
        self._trigger_sql: Optional[str] = None  # the trigger's SQL while it is set aside
        self._merge_settings: Optional[dict[str, int]] = None  # to put back while merging is held back
        self._helper: Optional[ThreadPoolExecutor] = None
        self._indexing: Optional[Future] = None

    def _sql(self, statement: str, params=()):
        return self.conn.exec_driver_sql(statement, params)

    def before_insert(self) -> None:
        """Set the trigger aside (once): the rows inserted next are indexed by `add`."""
        if self._trigger_sql is None and self.conn.dialect.name == "sqlite":
            found = self._sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)).scalar()
            if found:
                self._sql(f"DROP TRIGGER {TRIGGER}")
                self._trigger_sql = found

    def _set_merging(self, settings: dict[str, int]) -> None:
        for name, value in settings.items():
            self._sql("INSERT INTO product_search (product_search, rank) VALUES (?, ?)", (name, value))

    def add(self, first_id: int, last_id: int) -> None:
        if self._trigger_sql is None:  # the trigger indexed them (or there is no index)
            return
        self.wait()
        if self._merge_settings is None and self.indexed + last_id - first_id + 1 >= max(self.existing, LARGE_BATCH):
            stored = dict(self._sql(
                "SELECT k, v FROM product_search_config WHERE k IN (?, ?)", _MERGE_SETTINGS
            ).all())
            self._merge_settings = {name: int(stored.get(name, default)) for name, default in _FTS5_DEFAULTS.items()}
            self._set_merging(_HELD_BACK)
        self.indexed += last_id - first_id + 1
        if self._helper is None:
            self._helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="product-search-index")
        self._indexing = self._helper.submit(
            self._sql,
            "INSERT INTO product_search (rowid, keys, letters, state) "
            "SELECT id, keys, letters, state FROM product_search_source WHERE id BETWEEN ? AND ?", (first_id, last_id)
        )

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
        self.wait()
        if self._merge_settings is not None:
            self._sql("INSERT INTO product_search (product_search) VALUES ('optimize')")
            self._set_merging(self._merge_settings)
            self._merge_settings = None
        if self._trigger_sql is not None:
            self._sql(self._trigger_sql)
            self._trigger_sql = None
