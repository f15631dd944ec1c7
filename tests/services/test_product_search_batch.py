"""The search index filled for a product import's new products a chunk at a time on a helper
thread (services/product_search_batch.py): the index equals the products afterwards (FTS5's
own integrity check against the products), the insert trigger is back, FTS5's settings are
untouched, and a failed import leaves all of it as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from livestream_desk.services import product_import_writer, product_io, product_search_batch
from livestream_desk.services.catalogue import ProductInput, ProductQuery, create_product, list_products_and_count
from livestream_desk.services.errors import Cancelled

HEADER = ",".join(product_io.PRODUCT_COLUMNS)
PLACES = ["江西省 婺源县 江湾镇 篁岭村", "江西省 信丰县", "江西省 修水县 黄港镇"]


def products_csv(tmp_path: Path, count: int, first: int = 0, name: str = "products.csv") -> Path:
    lines = [HEADER]
    for i in range(first, first + count):
        cells = {c: "" for c in product_io.PRODUCT_COLUMNS}
        cells.update({"商品名称": f"婺源皇菊 {i}号", "商家编码": f"JX-{i:04d}", "售价": f"{19 + i % 7}.90",
                      "库存": str(i % 4), "产地": PLACES[i % 3], "生产者": f"合作社{i % 2}",
                      "状态": "下架" if i % 5 == 0 else "在售"})
        lines.append(",".join(cells[c] for c in product_io.PRODUCT_COLUMNS))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def sql(db, statement: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(statement)]


def index_is_whole(db) -> bool:
    with db.engine.connect() as conn:  # raises when the index differs from the products
        conn.exec_driver_sql("INSERT INTO product_search (product_search, rank) VALUES ('integrity-check', 1)")
    return True


def merge_settings(db) -> dict:
    return dict(sql(db, "SELECT k, v FROM product_search_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')"))


def insert_trigger(db) -> list[tuple]:
    return sql(db, f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = '{product_search_batch.TRIGGER}'")


def found(db, text: str) -> int:
    return list_products_and_count(db, ProductQuery(text=text, archived="include", limit=1000))[1]


@pytest.fixture
def small_batches(monkeypatch):
    """Chunks of 7 to 14 rows: a test-sized large import."""
    monkeypatch.setattr(product_import_writer, "CHUNK_ROWS", 7)
    monkeypatch.setattr(product_import_writer, "MAX_CHUNK_ROWS", 14)


def test_a_large_first_import_indexes_every_product(db, tmp_path, small_batches):
    result = product_io.import_product_file(db, products_csv(tmp_path, 40))
    assert result.new == 40
    assert index_is_whole(db)
    assert merge_settings(db) == {}  # FTS5's defaults, as before
    assert insert_trigger(db)
    assert found(db, "wyhj") == 40 and found(db, "jx-0033") == 1 and found(db, "xinfeng") == 13
    # the trigger is back: a product made in the editor is found too
    create_product(db, ProductInput(name="手工竹编果篮", sku="ZB-1", list_price="68"))
    assert found(db, "zbgl") == 1 and index_is_whole(db)


def test_imports_into_a_catalogue_keep_its_index_and_settings(db, tmp_path, small_batches):
    product_io.import_product_file(db, products_csv(tmp_path, 40))
    with db.engine.begin() as conn:  # settings of the user's own: kept
        conn.exec_driver_sql("INSERT INTO product_search (product_search, rank) VALUES ('automerge', 8)")
        conn.exec_driver_sql("INSERT INTO product_search (product_search, rank) VALUES ('hashsize', 500000)")
    product_io.import_product_file(db, products_csv(tmp_path, 20, first=100, name="more.csv"))
    assert merge_settings(db) == {"automerge": 8, "hashsize": 500000}
    assert found(db, "wyhj") == 60 and index_is_whole(db)
    # new rows among rows of products the catalogue has (unchanged)
    product_io.import_product_file(db, products_csv(tmp_path, 30, first=90, name="mixed.csv"))
    assert found(db, "wyhj") == 70 and index_is_whole(db)
    product_io.import_product_file(db, products_csv(tmp_path, 90, first=200, name="big.csv"))
    assert merge_settings(db)["automerge"] == 8
    assert found(db, "wyhj") == 160 and index_is_whole(db)


def test_a_failed_import_leaves_the_index_its_settings_and_the_trigger_as_they_were(db, tmp_path, small_batches):
    path = products_csv(tmp_path, 40)
    preview = product_io.read_product_file(db, path)
    calls = []

    def cancelled() -> bool:  # the user cancels after everything was written, before the commit
        calls.append(1)
        return len(calls) > 1  # asked at the first row, then once more after writing
    with pytest.raises(Cancelled):
        product_io.apply_product_import(db, preview, cancelled=cancelled)
    assert sql(db, "SELECT count(*) FROM products") == [(0,)]
    assert merge_settings(db) == {} and insert_trigger(db) and index_is_whole(db)
    assert product_io.apply_product_import(db, preview).new == 40
    assert found(db, "wyhj") == 40 and index_is_whole(db)


def test_an_error_while_the_helper_indexes_leaves_nothing(db, tmp_path, small_batches, monkeypatch):
    """A chunk's index is filled on a helper thread: its error reaches the caller, and the
    whole import is rolled back (products, categories, producers, index settings, trigger)."""
    real = product_search_batch.SearchIndexBatch._sql
    calls = []

    def failing(self, statement, params=()):
        if statement.startswith("INSERT INTO product_search (rowid"):
            calls.append(params)
            if len(calls) == 3:  # the third chunk
                raise RuntimeError("disk full")
        return real(self, statement, params)

    monkeypatch.setattr(product_search_batch.SearchIndexBatch, "_sql", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        product_io.import_product_file(db, products_csv(tmp_path, 40))
    assert sql(db, "SELECT count(*) FROM products") == [(0,)]
    assert sql(db, "SELECT count(*) FROM producers") == [(0,)]
    assert merge_settings(db) == {} and insert_trigger(db) and index_is_whole(db)
