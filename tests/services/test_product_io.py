"""Product template import (read → preview → apply) and export: every messy input of DESIGN §6,
each built in the test."""
from __future__ import annotations

import csv
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from livestream_desk.db import models
from livestream_desk.services import catalogue, product_import_writer, product_io
from livestream_desk.services.catalogue import ProductInput, create_product, get_product, list_products
from livestream_desk.messages import Message
from livestream_desk.services.errors import Cancelled, UserError
from livestream_desk.services.product_io import (
    PRODUCT_COLUMNS,
    apply_product_import,
    export_products,
    read_product_file,
    write_product_template,
)
from livestream_desk.services.tables import TableError

# The template's columns before 库存预警 and 状态 were added: such files still import.
HEADER = ",".join(c for c in PRODUCT_COLUMNS if c not in ("库存预警", "状态"))
ROWS = [
    "婺源皇菊,50朵/盒,盒,花草茶,JX-HJ-050,39.90,29.90,18.00,200,江西省 婺源县 江湾镇 篁岭村,婺源县篁岭皇菊专业合作社,地理标志、绿色食品,540,冷藏",
    "赣南脐橙,5斤/箱,箱,水果,JX-QC-5,59.80,,30,50,江西省 信丰县,信丰果农,,20,",
    "手工竹编果篮,大号,个,手工艺,,68,,,3,江西省 修水县,,非遗,,",
]
CSV_TEXT = HEADER + "\n" + "\n".join(ROWS) + "\n"


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8-sig", name: str = "products.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def write_xlsx(tmp_path: Path, rows: list[list], name: str = "products.xlsx") -> Path:
    path = tmp_path / name
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def table_counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            model.__tablename__: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (models.Product, models.Category, models.Producer, models.StockMovement,
                          models.ImportBatch, models.PlatformCode)
        }


def import_file(db, path):
    preview = read_product_file(db, path)
    return preview, apply_product_import(db, preview)


def template_fields(detail) -> tuple:
    """Every field the template carries."""
    return (detail.name, detail.spec, detail.unit, detail.category, detail.sku, detail.list_price_fen,
            detail.live_price_fen, detail.cost_fen, detail.stock, detail.origin_province, detail.origin_county,
            detail.origin_town, detail.origin_village, detail.producer, detail.certifications,
            detail.shelf_life_days, detail.notes)


def catalogue_fields(db) -> list[tuple]:
    rows = list_products(db, catalogue.ProductQuery(archived="include", sort="name"))
    return [template_fields(get_product(db, r.id)) for r in rows]


# --- encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-8"])
def test_encodings(db, tmp_path, encoding):
    path = write_csv(tmp_path, CSV_TEXT, encoding)
    preview = read_product_file(db, path)
    assert preview.counts == {"new": 3, "update": 0, "unchanged": 0, "rejected": 0}
    apply_product_import(db, preview)
    detail = get_product(db, list_products(db, catalogue.ProductQuery(text="JX-HJ-050"))[0].id)
    assert template_fields(detail) == (
        "婺源皇菊", "50朵/盒", "盒", "花草茶", "JX-HJ-050", 3990, 2990, 1800, 200, "江西省", "婺源县", "江湾镇",
        "篁岭村", "婺源县篁岭皇菊专业合作社", "地理标志、绿色食品", 540, "冷藏")


def test_unknown_encoding_is_a_user_error(db, tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(HEADER.encode("utf-8") + b"\n\xff\xff\xff,1\n")
    with pytest.raises(UserError, match="encoding"):
        read_product_file(db, path)


# --- messy cells --------------------------------------------------------------------------------------


def test_full_width_digits(db, tmp_path):
    path = write_csv(tmp_path, "商品名称,售价,库存,保质期(天),规格\n皇菊,３９．９０,２００,５４０,５０朵/盒\n", "gb18030")
    preview = read_product_file(db, path)
    valid = preview.rows[0].valid
    assert (valid.list_price_fen, valid.stock, valid.shelf_life_days, valid.spec) == (3990, 200, 540, "50朵/盒")


@pytest.mark.parametrize(
    "cell, fen",
    [("¥39.90", 3990), ("￥39.90", 3990), ("39.90元", 3990), ('"1,234.50"', 123450), ('"¥1,234.50"', 123450),
     ('"=""39.90"""', 3990), ("'39.90", 3990), ("39.9\t", 3990), ("1.2万", 1200000), ("39", 3900)],
)
def test_currency_forms(db, tmp_path, cell, fen):
    path = write_csv(tmp_path, f"商品名称,售价\n皇菊,{cell}\n")
    row = read_product_file(db, path).rows[0]
    assert row.status == "new", row.problems
    assert row.valid.list_price_fen == fen


def test_ids_wrapped_quoted_or_tabbed(db, tmp_path):
    text = '商品名称,商家编码\n甲,"=""0012"""\n乙,\'0034\n丙,0056\t\n丁,--\n戊,-\n'
    preview = read_product_file(db, write_csv(tmp_path, text))
    assert [(r.name, r.sku) for r in preview.rows] == [("甲", "0012"), ("乙", "0034"), ("丙", "0056"), ("丁", ""),
                                                      ("戊", "")]


def test_dashes_mean_empty(db, tmp_path):
    path = write_csv(tmp_path, "商品名称,直播价,成本价,备注\n皇菊,-,--,-\n")
    valid = read_product_file(db, path).rows[0].valid
    assert (valid.live_price_fen, valid.cost_fen, valid.notes) == (None, None, "")


def test_blank_lines_skipped(db, tmp_path):
    text = HEADER + "\n\n" + ROWS[0] + "\n,,,,,,,,,,,,,\n\n" + ROWS[1] + "\n\n"
    preview = read_product_file(db, write_csv(tmp_path, text))
    assert [(r.row, r.name) for r in preview.rows] == [(3, "婺源皇菊"), (6, "赣南脐橙")]
    assert preview.counts["new"] == 2


def test_extra_columns_ignored(db, tmp_path):
    text = "序号,商品名称,图片链接,售价,上架时间\n1,皇菊,http://x/1.jpg,39.9,2025-01-01\n"
    preview = read_product_file(db, write_csv(tmp_path, text))
    assert preview.ignored_columns == ("序号", "图片链接", "上架时间")
    assert preview.columns == ("商品名称", "售价")
    assert preview.rows[0].valid.list_price_fen == 3990


def test_columns_in_another_order(db, tmp_path):
    text = "库存,产地,售价,商家编码,商品名称\n7,婺源县江湾镇,12.5,A1,皇菊\n"
    valid = read_product_file(db, write_csv(tmp_path, text)).rows[0].valid
    assert (valid.name, valid.sku, valid.list_price_fen, valid.stock) == ("皇菊", "A1", 1250, 7)
    assert (valid.origin_county, valid.origin_town) == ("婺源县", "江湾镇")


def test_header_aliases_and_marks(db, tmp_path):
    text = "商品名称*,保质期（天）,价格,货号\n皇菊,540,39.9,A1\n"
    valid = read_product_file(db, write_csv(tmp_path, text)).rows[0].valid
    assert (valid.shelf_life_days, valid.list_price_fen, valid.sku) == (540, 3990, "A1")


def test_xlsx_with_numbers_and_text(db, tmp_path):
    path = write_xlsx(tmp_path, [
        ["商品名称", "规格", "商家编码", "售价", "直播价", "成本价", "库存", "保质期(天)"],
        ["婺源皇菊", "50朵/盒", 123456, 39.9, "29.90", 18, 200, 540.0],
        ["赣南脐橙", 500, "00123", "¥1,234.50", None, "18元", "10", "20"],
        [None] * 8,
        ["坏的", "", "X9", "abc", 1, 1, 1.5, 1],
    ])
    preview = read_product_file(db, path)
    first, second, bad = preview.rows
    assert (first.valid.sku, first.valid.list_price_fen, first.valid.live_price_fen, first.valid.cost_fen,
            first.valid.stock, first.valid.shelf_life_days) == ("123456", 3990, 2990, 1800, 200, 540)
    assert (second.valid.spec, second.valid.sku, second.valid.list_price_fen, second.valid.cost_fen) == (
        "500", "00123", 123450, 1800)
    assert bad.status == "rejected" and bad.row == 5
    assert {p.column for p in bad.problems} == {"售价", "库存"}


def test_a_malformed_row_is_rejected_and_the_rest_imports(db, tmp_path):
    text = HEADER + "\n" + ROWS[0] + "\n坏行,,,,,12.3.4,,,-5,,,,abc,\n" + ROWS[1] + "\n"
    preview, result = import_file(db, write_csv(tmp_path, text, "gb18030"))
    assert (result.new, result.rejected) == (2, 1)
    problems = {p.column: p for p in preview.problems}
    assert set(problems) == {"售价", "库存", "保质期(天)"}
    assert all(p.row == 3 for p in problems.values())
    assert problems["售价"].value == "12.3.4" and "decimal point" in str(problems["售价"].reason)
    assert problems["库存"].value == "-5" and problems["库存"].reason.code == "product.negative"
    assert problems["售价"].message.code == "product_import.rejected_value"
    assert str(problems["售价"]).startswith("row 3, 售价 “12.3.4”: ")
    assert table_counts(db)["products"] == 2


def test_missing_name_rejected(db, tmp_path):
    preview = read_product_file(db, write_csv(tmp_path, "商品名称,售价\n,39.9\n皇菊,1\n"))
    assert preview.rows[0].status == "rejected"
    assert preview.rows[0].problems[0].column == "商品名称"
    assert preview.rows[0].row == 2


# --- unreadable files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("products.pdf", b"%PDF-1.4 ...", "not a CSV or Excel"),
        ("products.csv", "名称错了,售价\n皇菊,1\n".encode(), "商品名称"),
        ("products.csv", "订单号,商品名称,数量\n1,皇菊,1\n".encode(), "order export"),
        ("products.csv", b"", "empty"),
    ],
)
def test_unreadable_files(db, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message) as raised:
        read_product_file(db, path)
    assert isinstance(raised.value, UserError)
    assert "\n" not in str(raised.value)


# --- preview and matching --------------------------------------------------------------------------------


@pytest.fixture
def stocked(db):
    create_product(db, ProductInput(name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", list_price="39.90", stock=200,
                                    category="花草茶", notes="旧备注"))
    create_product(db, ProductInput(name="土鸡蛋", spec="30枚", list_price="45", stock=10))
    create_product(db, ProductInput(name="赣南脐橙", sku="JX-QC-5", spec="5斤/箱", list_price="59.80", stock=50))
    return db


def test_preview_counts_and_nothing_written(stocked, tmp_path):
    text = (
        "商品名称,规格,商家编码,售价,库存,备注\n"
        "婺源皇菊（新名）,50朵/盒,JX-HJ-050,42.00,,\n"  # update by code: name and price; stock and notes kept
        "土鸡蛋,30枚,,45,10,\n"  # unchanged, matched by name + spec
        "赣南脐橙,5斤/箱,JX-QC-5,,,\n"  # unchanged: blank cells keep the old values
        "土鸡蛋,60枚,,80,5,\n"  # new: another spec
        "新品,,,abc,,\n"  # rejected
        "重复,,JX-HJ-050,1,,\n"  # rejected: same code twice in the file
    )
    before = table_counts(stocked)
    preview = read_product_file(stocked, write_csv(tmp_path, text))
    assert table_counts(stocked) == before  # read_product_file writes nothing
    assert preview.counts == {"new": 1, "update": 1, "unchanged": 2, "rejected": 2}
    assert [(r.row, r.status) for r in preview.rows] == [
        (2, "update"), (3, "unchanged"), (4, "unchanged"), (5, "new"), (6, "rejected"), (7, "rejected")]
    update = preview.rows[0]
    assert update.changes == {"商品名称": ("婺源皇菊", "婺源皇菊（新名）"), "售价": ("39.90", "42.00")}
    assert preview.rows[5].problems[0].reason == Message("product_import.same_sku", row=2)
    result = apply_product_import(stocked, preview)
    assert (result.new, result.updated, result.unchanged, result.rejected) == (1, 1, 2, 2)
    detail = get_product(stocked, update.product_id)
    assert (detail.name, detail.list_price_fen, detail.stock, detail.notes, detail.category) == (
        "婺源皇菊（新名）", 4200, 200, "旧备注", "花草茶")


def test_stock_change_by_import_is_in_the_history(stocked, tmp_path):
    path = write_csv(tmp_path, "商品名称,商家编码,库存\n婺源皇菊,JX-HJ-050,150\n新品,N1,7\n")
    import_file(stocked, path)
    hj = list_products(stocked, catalogue.ProductQuery(text="JX-HJ-050"))[0]
    new = list_products(stocked, catalogue.ProductQuery(text="N1"))[0]
    assert [(m.delta, m.reason) for m in catalogue.stock_history(stocked, hj.id)][0] == (
        -50, f"{catalogue.REASON_IMPORT} products.csv")
    assert [m.delta for m in catalogue.stock_history(stocked, new.id)] == [7]


def test_ambiguous_name_and_spec_rejected(db, tmp_path):
    create_product(db, ProductInput(name="蜂蜜", spec="500g"))
    with db.engine.begin() as conn:  # an older database may hold two of them
        conn.execute(models.Product.__table__.insert().values(name="蜂蜜", spec="500g"))
    row = read_product_file(db, write_csv(tmp_path, "商品名称,规格,售价\n蜂蜜,500g,30\n")).rows[0]
    assert row.status == "rejected" and row.problems[0].reason == Message("product_import.ambiguous_name", count=2)


def test_apply_records_a_batch_and_new_categories_and_producers(db, tmp_path):
    path = write_csv(tmp_path, CSV_TEXT)
    preview = read_product_file(db, path)
    assert preview.new_categories == ("花草茶", "水果", "手工艺")
    assert preview.new_producers == ("婺源县篁岭皇菊专业合作社", "信丰果农")
    result = apply_product_import(db, preview)
    assert set(result.new_categories) == {"花草茶", "水果", "手工艺"}
    with db.engine.connect() as conn:
        batch = conn.execute(select(models.ImportBatch)).one()
    assert (batch.kind, batch.file_name, batch.new_rows, batch.rejected_rows) == ("products", "products.csv", 3, 0)
    assert batch.file_hash == preview.file_hash and len(batch.file_hash) == 64
    again = read_product_file(db, path)
    assert again.counts["unchanged"] == 3
    assert again.previously_imported_at is not None


def test_apply_is_all_or_nothing(db, tmp_path, monkeypatch):
    path = write_csv(tmp_path, CSV_TEXT)
    preview = read_product_file(db, path)
    before = table_counts(db)
    calls = []
    real = product_import_writer.product_columns

    def failing(valid, **ids):
        calls.append(valid)
        if len(calls) == 3:
            raise RuntimeError("power cut")
        return real(valid, **ids)

    monkeypatch.setattr(product_import_writer, "product_columns", failing)
    with pytest.raises(RuntimeError):
        apply_product_import(db, preview)
    assert table_counts(db) == before


def test_cancel_during_apply_writes_nothing(db, tmp_path):
    path = write_csv(tmp_path, HEADER + "\n" + "".join(f"产品{i},,,,,1,,,1,,,,,\n" for i in range(500)))
    preview = read_product_file(db, path)
    before = table_counts(db)
    with pytest.raises(Cancelled):
        apply_product_import(db, preview, cancelled=lambda: True)
    assert table_counts(db) == before


def test_apply_sees_products_added_after_the_preview(db, tmp_path):
    path = write_csv(tmp_path, "商品名称,商家编码,售价\n皇菊,A1,39.9\n")
    preview = read_product_file(db, path)
    assert preview.counts["new"] == 1
    create_product(db, ProductInput(name="皇菊", sku="A1", list_price="30"))
    result = apply_product_import(db, preview)
    assert (result.new, result.updated) == (0, 1)
    assert list_products(db)[0].list_price_fen == 3990


def test_progress_is_reported(db, tmp_path):
    path = write_csv(tmp_path, HEADER + "\n" + "".join(f"产品{i},,,,,1,,,1,,,,,\n" for i in range(1000)))
    calls = []
    preview = read_product_file(db, path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)
    apply_calls = []
    apply_product_import(db, preview, progress=lambda done, total: apply_calls.append((done, total)))
    assert apply_calls[-1] == (1000, 1000)


# --- export and round trip ------------------------------------------------------------------------------------


TRICKY = [
    ProductInput(name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", unit="盒", category="花草茶", list_price="39.90",
                 live_price="29.9", cost="18", stock=200, origin_province="江西省", origin_county="婺源县",
                 origin_town="江湾镇", origin_village="篁岭村", producer="婺源县篁岭皇菊专业合作社",
                 certifications="地理标志、绿色食品", shelf_life_days=540, notes="冷藏，避光\n第二行"),
    ProductInput(name='=HYPERLINK("http://evil.example","点我领券")', spec="+1", unit="@", notes="-不要晒"),
    ProductInput(name="土鸡蛋", spec="30枚", list_price="0", stock=0, origin_county="修水县", origin_village="汪口村"),
    ProductInput(name="'引号开头", sku="0012", list_price="1234567.89", cost="0", origin_province="北京市",
                 origin_county="密云区"),
    ProductInput(name="竹编", spec="-", notes="--", producer="上饶市婺源县 李四", origin_county="上饶市婺源县"),
]


@pytest.fixture
def tricky(db):
    for product in TRICKY:
        create_product(db, product)
    catalogue.archive_product(db, list_products(db, catalogue.ProductQuery(text="土鸡蛋"))[0].id)
    return db


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reimports_unchanged(tricky, tmp_path, suffix):
    path = tmp_path / f"export{suffix}"
    assert export_products(tricky, path) == len(TRICKY)
    preview = read_product_file(tricky, path)
    assert preview.counts == {"new": 0, "update": 0, "unchanged": len(TRICKY), "rejected": 0}, [
        (r.row, r.changes, r.problems) for r in preview.rows if r.status != "unchanged"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_into_a_fresh_database_reproduces_every_field(tricky, tmp_path, suffix):
    from livestream_desk.db.engine import open_database

    path = tmp_path / f"export{suffix}"
    export_products(tricky, path)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        _, result = import_file(fresh, path)
        assert result.new == len(TRICKY) and result.rejected == 0
        assert catalogue_fields(fresh) == catalogue_fields(tricky)
    finally:
        fresh.dispose()


def test_formula_injection_escaped(tricky, tmp_path):
    name = TRICKY[1].name
    xlsx = tmp_path / "export.xlsx"
    export_products(tricky, xlsx)
    sheet = openpyxl.load_workbook(xlsx)["商品"]
    cells = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=1) for r in range(2, sheet.max_row + 1)}
    assert cells[name].data_type == "s"  # text, not a formula
    assert sheet.cell(row=2, column=6).data_type == "n"  # 售价 is a number
    csv_path = tmp_path / "export.csv"
    export_products(tricky, csv_path)
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    names = [r[0] for r in rows[1:] if r]
    assert "'" + name in names
    assert "'" + "'引号开头" in names
    reimported = {r.name for r in read_product_file(tricky, csv_path).rows}
    assert name in reimported and "'引号开头" in reimported


def test_export_a_filtered_view(tricky, tmp_path):
    path = tmp_path / "filtered.csv"
    count = export_products(tricky, path, catalogue.ProductQuery(text="wyhj"))
    assert count == 1
    assert "婺源皇菊" in path.read_text(encoding="utf-8-sig")


def test_export_amounts_are_numbers_with_two_decimals(tricky, tmp_path):
    path = tmp_path / "export.xlsx"
    export_products(tricky, path)
    sheet = openpyxl.load_workbook(path)["商品"]
    header = [c.value for c in sheet[1]]
    assert header == list(PRODUCT_COLUMNS)
    first = [c for c in sheet[2]]
    assert first[5].value == 39.9 and first[5].number_format == "0.00"
    assert first[8].value == 200 and first[8].data_type == "n"


# --- template ---------------------------------------------------------------------------------------------------


def test_template(db, tmp_path):
    path = write_product_template(tmp_path / "模板.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["商品", "说明"]
    assert [c.value for c in workbook["商品"][1]] == list(PRODUCT_COLUMNS)
    assert workbook["商品"].max_row == 1
    preview = read_product_file(db, path)
    assert preview.rows == []
    csv_path = write_product_template(tmp_path / "模板.csv")
    assert csv_path.read_text(encoding="utf-8-sig").strip() == ",".join(PRODUCT_COLUMNS)


def test_shipped_template_matches(db):
    shipped = product_io.template_resource()
    assert shipped is not None, "run scripts/make_templates.py"
    assert [c.value for c in openpyxl.load_workbook(shipped)["商品"][1]] == list(PRODUCT_COLUMNS)


# --- size ----------------------------------------------------------------------------------------------------------


def test_import_5000_rows(db, tmp_path, capsys):
    lines = [HEADER]
    for i in range(5000):
        lines.append(f"江西特产{i}号,{i % 7 + 1}斤/箱,箱,分类{i % 12},SKU{i:05d},¥{i % 300 + 9}.90,,{i % 200 + 1}元,"
                     f"{i % 500},江西省 县{i % 30}县 镇{i % 9}镇,合作社{i % 40},地理标志,{i % 365},备注{i}")
    path = write_csv(tmp_path, "\n".join(lines) + "\n", "gb18030")
    started = time.perf_counter()
    preview = read_product_file(db, path)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    result = apply_product_import(db, preview)
    apply_s = time.perf_counter() - started
    assert result.new == 5000
    started = time.perf_counter()
    again = read_product_file(db, path)
    reread_s = time.perf_counter() - started
    assert again.counts["unchanged"] == 5000
    export_path = tmp_path / "export.xlsx"
    started = time.perf_counter()
    export_products(db, export_path)
    export_s = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n5,000-row GB18030 CSV: read+preview {read_s * 1000:.0f} ms, apply {apply_s * 1000:.0f} ms, "
              f"re-read (all unchanged) {reread_s * 1000:.0f} ms, export .xlsx {export_s * 1000:.0f} ms")
