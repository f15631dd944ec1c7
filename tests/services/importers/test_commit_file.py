"""Writing a parsed file without a preview (the command line) and large batches."""
from __future__ import annotations

from sqlalchemy import select, text

from livestream_desk.db.models import Product, Sale, StockMovement
from livestream_desk.services import uow
from livestream_desk.services.importers import commit_import, preview_parsed, read_order_file
from livestream_desk.services.importers.commit import LARGE_BATCH, commit_file
from livestream_desk.services.summary import summary_mismatches

from .support import DOUYIN_HEADER, douyin_row, write_csv


def _export(path, lines: int, refunded_every: int = 0, first: int = 0):
    rows = []
    for i in range(first, first + lines):
        product = i % 4
        month = i % 3 + 8
        refunded = refunded_every and i % refunded_every == 0
        rows.append(douyin_row(
            order=str(6928000000000100000 + i // 2 * 2), line=str(6928000000000100001 + i),
            name=("婺源皇菊", "万年贡米", "赣南脐橙", "庐山云雾茶")[product], code=f"JX-{product}" if product < 3 else "",
            pid=str(3581102230 + product) if product != 1 else "", qty=str(i % 3 + 1), price="10.00",
            paid=f"{10 * (i % 3 + 1)}.00", paid_at=f"2026-{month:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}:00",
            after="退款成功" if refunded else "-", source="直播" if i % 5 else "商品卡",
        ))
    return write_csv(path, DOUYIN_HEADER, rows)


def _products(db):
    with uow.reading(db) as conn:
        return conn.execute(
            select(Product.name, Product.spec, Product.sku, Product.list_price_fen, Product.search_keys, Product.name_sort, Product.stock,
                   Product.needs_review).order_by(Product.id)).all()


def _movements(db):
    with uow.reading(db) as conn:
        return conn.execute(select(StockMovement.product_id, StockMovement.delta).order_by(StockMovement.id)).all()


def _sales(db):
    """Every line as imported, without what differs by the clock (created_at, updated_at)."""
    with uow.reading(db) as conn:
        columns = [c for c in Sale.__table__.columns if c.name not in ("id", "created_at", "updated_at")]
        return conn.execute(select(*columns).order_by(Sale.platform, Sale.order_id, Sale.line_id)).all()


def test_without_a_preview_the_batch_is_what_the_preview_path_writes(tmp_path):
    """commit_file (no preview: products unmatched are created from their first line) and
    commit_import after a preview write the same lines, products, stock and summary."""
    from livestream_desk.db.engine import open_database

    first = _export(tmp_path / "first.csv", 300)
    later = _export(tmp_path / "later.csv", 300, refunded_every=7, first=150)  # overlaps: updates and new lines
    results = {}
    for way in ("preview", "direct"):
        db = open_database(tmp_path / f"{way}.sqlite3")
        try:
            for path in (first, later):
                order_file = read_order_file(path)
                if way == "preview":
                    result = commit_import(db, preview_parsed(db, order_file))
                else:
                    result = commit_file(db, order_file)
                results.setdefault(way, []).append(
                    (result.new, result.duplicate, result.updated, result.rejected, result.created_products,
                     result.attributed, result.learned_codes))
            with uow.reading(db) as conn:
                assert summary_mismatches(conn) == []
            results[way].append((_sales(db), _products(db), _movements(db)))
        finally:
            db.dispose()
    assert results["direct"] == results["preview"]
    assert results["direct"][0][0] == 300 and results["direct"][1][2] > 0  # new lines, then updated ones


def test_a_large_batch_keeps_the_tables_exact_and_gives_the_page_cache_back(db, tmp_path):
    """On SQLite a large batch writes with a larger page cache, then puts the size back."""
    order_file = read_order_file(_export(tmp_path / "large.csv", LARGE_BATCH + 10, refunded_every=11))

    def cache_size():
        if db.engine.dialect.name != "sqlite":
            return None
        with uow.reading(db) as conn:
            return conn.execute(text("PRAGMA cache_size")).scalar()

    before = cache_size()
    result = commit_file(db, order_file)
    assert result.new == LARGE_BATCH + 10
    with uow.reading(db) as conn:
        assert summary_mismatches(conn) == []
    assert cache_size() == before
