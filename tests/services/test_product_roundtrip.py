"""Issue 7 items 11 and 13: what the app exports comes back unchanged (archived products and
low-stock thresholds too), `--dry-run` tells every change, and 商家编码 is one code in any
letter case or width (the editor, the product import and the order import's matching)."""
from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from livestream_desk.cli import main
from livestream_desk.db import models
from livestream_desk.db.engine import open_database
from livestream_desk.services import catalogue
from livestream_desk.services.catalogue import ProductInput, ProductInvalid, create_product, get_product
from livestream_desk.services.importers.matching import ProductMatcher
from livestream_desk.services.product_io import (
    PRODUCT_COLUMNS,
    apply_product_import,
    export_products,
    import_product_file,
    read_product_file,
)


def csv_rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def write_rows(path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


# --- item 11: round trip ---------------------------------------------------------------------------


def test_demo_catalogue_exports_imports_and_exports_byte_identical(demo_db, tmp_path):
    first = tmp_path / "first.csv"
    count = export_products(demo_db, first)
    rows = csv_rows(first)
    status, threshold = rows[0].index("状态"), rows[0].index("库存预警")
    assert {r[status] for r in rows[1:]} == {"在售", "下架"}  # the demo has archived products
    assert any(r[threshold] not in ("", "0") for r in rows[1:])

    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        result = import_product_file(fresh, first)
        assert (result.new, result.updated, result.rejected) == (count, 0, 0)
        second = tmp_path / "second.csv"
        assert export_products(fresh, second) == count
    finally:
        fresh.dispose()
    assert second.read_bytes() == first.read_bytes()

    preview = read_product_file(demo_db, first)  # --dry-run against the original
    assert preview.counts == {"new": 0, "update": 0, "unchanged": count, "rejected": 0}


def test_archived_and_threshold_changes_are_seen_and_applied(demo_db, tmp_path):
    path = tmp_path / "products.csv"
    export_products(demo_db, path)
    rows = csv_rows(path)
    header = rows[0]
    status, threshold, sku = header.index("状态"), header.index("库存预警"), header.index("商家编码")
    on_sale = next(r for r in rows[1:] if r[status] == "在售" and r[sku])
    archived = next(r for r in rows[1:] if r[status] == "下架" and r[sku])
    on_sale[status] = "下架"
    archived[status] = "在售"
    archived[threshold] = "7"
    write_rows(path, rows)

    preview = read_product_file(demo_db, path)
    assert preview.counts["update"] == 2 and preview.counts["unchanged"] == len(rows) - 3
    changes = {r.sku: r.changes for r in preview.rows if r.status == "update"}
    assert changes[on_sale[sku]] == {"状态": ("在售", "下架")}
    assert changes[archived[sku]]["状态"] == ("下架", "在售")
    assert changes[archived[sku]]["库存预警"][1] == "7"

    apply_product_import(demo_db, preview)
    found = {r.sku: r for r in catalogue.list_products(demo_db, catalogue.ProductQuery(archived="include"))}
    assert found[on_sale[sku]].archived and not found[archived[sku]].archived
    assert get_product(demo_db, found[archived[sku]].id).low_stock_threshold == 7


def test_dry_run_prints_each_changed_field(demo_db, tmp_path, capsys):
    path = tmp_path / "products.csv"
    export_products(demo_db, path)
    rows = csv_rows(path)
    status = rows[0].index("状态")
    target = next(r for r in rows[1:] if r[status] == "在售")
    target[status] = "下架"
    write_rows(path, rows)
    demo_db.dispose()
    assert main(["--lang", "en", "import-products", str(path), "--db", str(demo_db.path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 new, 1 updated," in out
    assert f"{target[0]} {target[1]}: 状态 在售 → 下架".replace("  ", " ") in out
    assert "dry run" in out


def test_a_file_without_the_new_columns_keeps_them(db, tmp_path):
    kept = create_product(db, ProductInput(name="婺源皇菊", sku="JX-1", list_price="10", low_stock_threshold=5))
    catalogue.archive_product(db, kept.id)
    old_header = [c for c in PRODUCT_COLUMNS if c not in ("库存预警", "状态")]
    path = tmp_path / "old.csv"
    write_rows(path, [old_header, ["婺源皇菊", "", "", "", "JX-1", "12"], ["万年贡米", "", "", "", "JX-2", "20"]])
    result = import_product_file(db, path)
    assert (result.new, result.updated) == (1, 1)
    detail = get_product(db, kept.id)
    assert detail.archived and detail.low_stock_threshold == 5 and detail.list_price_fen == 1200
    new = get_product(db, result.new_product_ids[0])
    assert not new.archived and new.low_stock_threshold == 0


def test_an_unknown_status_is_rejected(db, tmp_path):
    path = tmp_path / "bad.csv"
    write_rows(path, [["商品名称", "状态"], ["婺源皇菊", "卖完了"], ["万年贡米", "下架"]])
    preview = read_product_file(db, path)
    assert preview.counts == {"new": 1, "update": 0, "unchanged": 0, "rejected": 1}
    (problem,) = preview.problems
    assert problem.column == "状态" and problem.value == "卖完了" and problem.reason.code == "product_import.bad_status"
    apply_product_import(db, preview)
    (row,) = catalogue.list_products(db, catalogue.ProductQuery(archived="include"))
    assert row.name == "万年贡米" and row.archived


# --- item 13: 商家编码 in any letter case or width ---------------------------------------------------


@pytest.mark.parametrize("typed", ["d-1", " D-1 ", "Ｄ－１", "ｄ-1"])
def test_the_editor_refuses_the_same_code_in_another_case(db, typed):
    create_product(db, ProductInput(name="婺源皇菊", sku="D-1"))
    with pytest.raises(ProductInvalid) as caught:
        create_product(db, ProductInput(name="万年贡米", sku=typed))
    assert caught.value.errors["sku"].code == "catalogue.sku_taken"


def test_the_product_import_matches_the_code_in_any_case(db, tmp_path):
    product = create_product(db, ProductInput(name="婺源皇菊", sku="D-1", list_price="10"))
    path = tmp_path / "products.csv"
    write_rows(path, [["商品名称", "商家编码", "售价"], ["婺源皇菊", "d-1", "10"], ["万年贡米", "Ｗ-2", "5"]])
    preview = read_product_file(db, path)
    assert preview.counts == {"new": 1, "update": 0, "unchanged": 1, "rejected": 0}
    write_rows(path, [["商品名称", "商家编码", "售价"], ["婺源皇菊", "d-1", "12"], ["万年贡米", "Ｗ-2", "5"]])
    result = import_product_file(db, path)
    assert (result.new, result.updated) == (1, 1)
    detail = get_product(db, product.id)
    assert detail.sku == "D-1" and detail.list_price_fen == 1200  # the product keeps its own spelling
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(models.Product)).scalar_one() == 2
        assert conn.execute(select(models.Product.sku_key).order_by(models.Product.id)).scalars().all() == ["d-1", "w-2"]


def test_the_same_code_twice_in_a_file_in_two_cases_is_refused(db, tmp_path):
    path = tmp_path / "products.csv"
    write_rows(path, [["商品名称", "商家编码"], ["婺源皇菊", "d-1"], ["万年贡米", "D-1"]])
    preview = read_product_file(db, path)
    assert preview.counts["new"] == 1 and preview.counts["rejected"] == 1
    assert preview.problems[0].reason.code == "product_import.same_sku"


def test_the_order_import_matches_the_seller_code_in_any_case(db):
    product = create_product(db, ProductInput(name="婺源皇菊", sku="JX-HJ-050"))
    with db.engine.connect() as conn:
        matcher = ProductMatcher(conn, ["douyin"])

    def line(code: str):
        return SimpleNamespace(platform="douyin", platform_product_id="", seller_code=code, item_name="别的名字", spec="")

    assert matcher.match(line("jx-hj-050")) == product.id
    assert matcher.match(line("ＪＸ－ＨＪ－０５０")) == product.id
    assert matcher.match(line("JX-HJ-050")) == product.id
    assert matcher.match(line("JX-HJ-051")) is None
