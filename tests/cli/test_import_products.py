"""`import-products FILE --db PATH [--dry-run]` (DESIGN §6 product template, §7 import summaries).

Every input file is built in the test: a GB18030 CSV as Excel saves it on a Chinese Windows
PC, an .xlsx with numbers as numbers and as text, and files that cannot be read at all.
"""
from __future__ import annotations

import openpyxl
import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error, make_foreign, make_random, row_counts

HEADER = "商品名称,规格,单位,分类,商家编码,售价,直播价,成本价,库存,产地,生产者,认证,保质期(天),备注"

# Spreadsheet rows: the header is row 1, so the first data line is row 2.
GOOD_AND_BAD = "\n".join(
    [
        HEADER + ",颜色",  # an extra column, ignored
        "婺源皇菊,50朵/盒,盒,花草茶,JX-HJ-050,¥39.90,29.90,18.00,200,江西省 婺源县 江湾镇 篁岭村,"
        "婺源县篁岭皇菊专业合作社,地理标志、绿色食品,540,冷藏,黄",  # row 2
        "坏价格,,,,,12.3.4,,,5,,,,,,",  # row 3: rejected (售价)
        "",  # row 4: blank, skipped
        ",,,,,5,,,,,,,,,",  # row 5: rejected (no name)
        '赣南脐橙,5斤/箱,箱,水果,JX-QC-5,"1,234.50元",,30,５０,江西省 信丰县,信丰果农,,20,,',  # row 6
        "负库存,,,,,1,,,-3,,,,,,",  # row 7: rejected (库存)
        "手工竹编果篮,大号,个,手工艺,,68,,,3,江西省 修水县,,非遗,,,",  # row 8
    ]
) + "\n"


def gb18030_csv(tmp_path, text: str = GOOD_AND_BAD, name: str = "商品.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("gb18030"))
    return path


def xlsx_file(tmp_path, rows, name: str = "商品.xlsx"):
    path = tmp_path / name
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "商品"
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def imported(capsys, *argv: str) -> list[str]:
    code, out, err = run(capsys, "import-products", *argv)
    assert code == 0, err
    assert err == ""
    return out.splitlines()


def products(db_path) -> dict[str, tuple]:
    from livestream_desk.db.engine import open_database
    from livestream_desk.services.catalogue import ProductQuery, get_product, list_products

    database = open_database(db_path, create=False)
    try:
        found = {}
        for row in list_products(database, ProductQuery(archived="include")):
            detail = get_product(database, row.id)
            found[row.name] = (row.sku, row.spec, row.unit, row.category, row.list_price_fen, row.live_price_fen,
                               row.cost_fen, row.stock, row.origin, row.producer, row.certifications,
                               detail.shelf_life_days, detail.notes)
        return found
    finally:
        database.dispose()


# --- a good import -----------------------------------------------------------------------------------


def test_gb18030_csv_summary_rejected_rows_and_catalogue(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"  # does not exist yet: importing is a normal first step
    lines = imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db))
    assert lines[0] == "商品.csv (csv, gb18030): 3 new, 0 updated, 0 unchanged, 3 rejected"
    assert "ignored columns: 颜色" in lines
    rejected = [line.strip() for line in lines if line.startswith("  row ")]
    assert len(rejected) == 3
    assert rejected[0].startswith("row 3, 售价 '12.3.4': ") and "decimal point" in rejected[0]
    assert rejected[1] == "row 5, 商品名称: the product name is required"
    assert rejected[2].startswith("row 7, 库存 '-3': ") and "negative" in rejected[2]
    assert "new categories: 花草茶, 水果, 手工艺" in lines
    assert lines[-1].startswith(f"imported into {db}")

    catalogue = products(db)
    assert catalogue == {
        "婺源皇菊": ("JX-HJ-050", "50朵/盒", "盒", "花草茶", 3990, 2990, 1800, 200, "江西省 婺源县 江湾镇 篁岭村",
                  "婺源县篁岭皇菊专业合作社", "地理标志、绿色食品", 540, "冷藏"),
        "赣南脐橙": ("JX-QC-5", "5斤/箱", "箱", "水果", 123450, None, 3000, 50, "江西省 信丰县", "信丰果农", "", 20, ""),
        "手工竹编果篮": ("", "大号", "个", "手工艺", 6800, None, None, 3, "江西省 修水县", "", "非遗", None, ""),
    }
    counts = row_counts(db)
    assert (counts["products"], counts["import_batches"]) == (3, 1)


def test_xlsx_with_numbers_text_and_a_bad_row(tmp_path, capsys):
    path = xlsx_file(
        tmp_path,
        [
            ["商品名称", "售价", "库存", "商家编码", "规格", "保质期(天)"],
            ["婺源皇菊", 39.9, 200, "JX-HJ-050", "50朵/盒", 540],  # numbers as numbers
            ["赣南脐橙", "¥59.80", "50", "0012", "5斤/箱", "20"],  # numbers as text, a code with a leading 0
            [None, None, None, None, None, None],  # blank
            ["土鸡蛋", "四十五", 10, None, "30枚", None],  # row 5: rejected
            ["=SUM(1,2)", 1, 0, None, None, None],  # row 6: a text cell that looks like a formula
        ],
    )
    workbook = openpyxl.load_workbook(path)
    workbook["商品"]["A6"].data_type = "s"
    workbook.save(path)
    db = tmp_path / "shop.sqlite3"
    lines = imported(capsys, str(path), "--db", str(db))
    assert lines[0] == "商品.xlsx (xlsx, sheet 商品): 3 new, 0 updated, 0 unchanged, 1 rejected"
    rejected = [line.strip() for line in lines if line.startswith("  row ")]
    assert len(rejected) == 1 and rejected[0].startswith("row 5, 售价 '四十五': ")
    catalogue = products(db)
    assert catalogue["婺源皇菊"][4] == 3990 and catalogue["婺源皇菊"][11] == 540
    assert catalogue["赣南脐橙"][0] == "0012" and catalogue["赣南脐橙"][4] == 5980
    assert "=SUM(1,2)" in catalogue


def test_db_before_the_command(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import-products", str(gb18030_csv(tmp_path)))
    assert code == 0, err
    assert "3 new" in out.splitlines()[0]
    assert row_counts(db)["products"] == 3


def test_updates_by_code_and_by_name_and_spec(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db))
    change = "\n".join(
        [
            "商品名称,规格,商家编码,售价,库存",
            "婺源皇菊,50朵/盒,JX-HJ-050,42.00,",  # updated by code; blank 库存 keeps 200
            "手工竹编果篮,大号,,68,3",  # unchanged, matched by name + spec
            "手工竹编果篮,小号,,38,9",  # new: another spec
        ]
    ) + "\n"
    lines = imported(capsys, str(gb18030_csv(tmp_path, change, "改价.csv")), "--db", str(db))
    assert lines[0] == "改价.csv (csv, gb18030): 1 new, 1 updated, 1 unchanged, 0 rejected"
    catalogue = products(db)
    assert catalogue["婺源皇菊"][4] == 4200 and catalogue["婺源皇菊"][7] == 200


# --- dry run and re-import -----------------------------------------------------------------------------------


def test_dry_run_into_a_missing_database_creates_nothing(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    lines = imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db), "--dry-run")
    assert lines[0].endswith("3 new, 0 updated, 0 unchanged, 3 rejected")
    assert sum(line.startswith("  row ") for line in lines) == 3
    assert lines[-1].startswith("dry run: nothing was written")
    assert not db.exists()
    assert [p.name for p in tmp_path.iterdir() if "sqlite" in p.name] == []


def test_dry_run_writes_nothing(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db))
    before_counts, before_products = row_counts(db), products(db)
    change = "商品名称,规格,商家编码,售价\n婺源皇菊,50朵/盒,JX-HJ-050,42.00\n新品,,,9.9\n"
    lines = imported(capsys, "--dry-run", str(gb18030_csv(tmp_path, change, "改价.csv")), "--db", str(db))
    assert lines[0] == "改价.csv (csv, gb18030): 1 new, 1 updated, 0 unchanged, 0 rejected"
    assert lines[-1] == f"dry run: nothing was written to {db}"
    assert row_counts(db) == before_counts
    assert products(db) == before_products


def test_reimporting_the_same_file_changes_nothing(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    path = gb18030_csv(tmp_path)
    imported(capsys, str(path), "--db", str(db))
    before_counts, before_products = row_counts(db), products(db)
    lines = imported(capsys, str(path), "--db", str(db))
    assert lines[0] == "商品.csv (csv, gb18030): 0 new, 0 updated, 3 unchanged, 3 rejected"
    assert any(line.startswith("this file was imported before") for line in lines)
    assert lines[-1] == f"nothing to change in {db}"
    assert row_counts(db) == before_counts  # not even a new import batch
    assert products(db) == before_products


# --- files that cannot be read: exit 2, one line, nothing created ----------------------------------------------


def _missing(tmp_path):
    return tmp_path / "no-such-file.csv"


def _folder(tmp_path):
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    return folder


def _text_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这是一段说明文字，不是表格。\n第二行\n", encoding="utf-8")
    return path


def _pdf(tmp_path):
    path = tmp_path / "products.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    return path


def _no_name_column(tmp_path):
    return gb18030_csv(tmp_path, "名称错了,售价,库存\n皇菊,39.9,1\n", "no-name.csv")


def _garbage_csv(tmp_path):
    return make_random(tmp_path / "garbage.csv", size=5000)


def _garbage_xlsx(tmp_path):
    return make_random(tmp_path / "garbage.xlsx", size=5000)


def _empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    return path


def _orders(tmp_path):
    return gb18030_csv(tmp_path, "订单号,商品名称,数量\n1001,皇菊,1\n", "orders.csv")


UNREADABLE = {
    "missing": (_missing, "does not exist"),
    "folder": (_folder, "folder"),
    "txt": (_text_file, "商品名称"),
    "pdf": (_pdf, "not a CSV or Excel file"),
    "no-name-column": (_no_name_column, "商品名称"),
    "garbage-csv": (_garbage_csv, "garbage.csv"),
    "garbage-xlsx": (_garbage_xlsx, "not an Excel file"),
    "empty": (_empty, "empty"),
    "order-export": (_orders, "order export"),
}


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
@pytest.mark.parametrize("kind", list(UNREADABLE))
def test_unreadable_file_exits_2_with_one_line(kind, dry_run, tmp_path, capsys):
    make, fragment = UNREADABLE[kind]
    path = make(tmp_path)
    db = tmp_path / "shop.sqlite3"
    code, out, err = run(capsys, "import-products", str(path), "--db", str(db), *(["--dry-run"] if dry_run else []))
    assert code == 2, (out, err)
    assert_one_line_error(err, fragment)
    assert out == ""
    assert not db.exists()  # an unreadable file leaves no new database behind


def test_unreadable_file_leaves_an_existing_database_alone(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db))
    before = row_counts(db)
    code, _out, err = run(capsys, "import-products", str(_no_name_column(tmp_path)), "--db", str(db))
    assert code == 2
    assert_one_line_error(err, "no-name.csv", "商品名称")
    assert row_counts(db) == before


def test_a_foreign_database_is_refused(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "other.sqlite3"
    sqlite3.connect(db).close()
    make_foreign(db)
    code, _out, err = run(capsys, "import-products", str(gb18030_csv(tmp_path)), "--db", str(db))
    assert code == 2
    assert_one_line_error(err, "did not make")


def test_missing_file_argument(capsys):
    code, out, err = run(capsys, "import-products")
    assert code == 2
    assert_one_line_error(err, "FILE")


# --- a real process ---------------------------------------------------------------------------------------------


def test_in_a_subprocess(run_cli, tmp_path):
    db = tmp_path / "shop.sqlite3"
    done = run_cli("import-products", gb18030_csv(tmp_path), "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0] == "商品.csv (csv, gb18030): 3 new, 0 updated, 0 unchanged, 3 rejected"
    assert "  row 5, 商品名称: the product name is required" in done.stdout.splitlines()

    done = run_cli("import-products", _garbage_csv(tmp_path), "--db", db)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert_one_line_error(done.stderr, "garbage.csv")
    assert done.stdout == ""


# --- bad databases: exit 2, one line, the file untouched ----------------------------------------------------------


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
@pytest.mark.parametrize("kind", ["random", "truncated-half", "truncated-header", "newer", "foreign"])
def test_bad_database_exits_2_untouched(kind, dry_run, hand_db, tmp_path, capsys):
    from .helpers import digest
    from .test_bad_databases import EXPECTED, make_bad

    bad = make_bad(kind, hand_db, tmp_path)
    before = digest(bad)
    argv = ["import-products", str(gb18030_csv(tmp_path)), "--db", str(bad)] + (["--dry-run"] if dry_run else [])
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert_one_line_error(err, EXPECTED[kind])
    assert digest(bad) == before


def test_an_empty_file_becomes_the_new_database(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    db.write_bytes(b"")
    imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db), "--dry-run")
    assert db.read_bytes() == b""
    imported(capsys, str(gb18030_csv(tmp_path)), "--db", str(db))
    assert row_counts(db)["products"] == 3
