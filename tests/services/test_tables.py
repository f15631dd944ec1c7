"""The reusable table reader and writer (services.tables): every messy input of DESIGN §6."""
from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from livestream_desk.services.errors import Cancelled, UserError
from livestream_desk.services.tables import (
    TableError,
    clean_cell,
    clean_text,
    header_key,
    read_table,
    write_table,
)

COLUMNS = ("商品名称", "规格", "商家编码", "售价", "库存")
CONTENT = "商品名称,规格,商家编码,售价,库存\n婺源皇菊,50朵/盒,JX-HJ-050,39.90,200\n赣南脐橙,5斤/箱,=\"0012\",\"1,234.50\",10\n"


def read(path, **kwargs):
    kwargs.setdefault("columns", COLUMNS)
    kwargs.setdefault("required", ("商品名称",))
    return read_table(path, **kwargs)


# --- cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        ('="6928000000000000001"', "6928000000000000001"),
        ("'6928000000000000001", "6928000000000000001"),
        ("6928000000000000001\t", "6928000000000000001"),
        ("6928000000000000001\t\t", "6928000000000000001"),
        ("-", ""),
        ("--", ""),
        ("－－", ""),
        ("１２３４", "1234"),
        ("12\u00a034", "12 34"),
        ("\u00a0婺源\u00a0", "婺源"),
        ("'=HYPERLINK(\"x\")", '=HYPERLINK("x")'),  # exactly one added quote comes off
        ("''quoted", "'quoted"),
        ("'-", "-"),  # an escaped lone dash is text, not "empty"
        ("'=\"1\"", '="1"'),
        ("=HYPERLINK(\"x\")", '=HYPERLINK("x")'),
        ("-5", "-5"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_cell_numbers():
    assert clean_cell(12.0) == 12 and isinstance(clean_cell(12.0), int)
    assert clean_cell(39.900000000000006) == 39.9
    assert clean_cell("") is None
    assert clean_cell("--") is None
    assert clean_cell(None) is None


@pytest.mark.parametrize("header", ["商品名称", " 商品名称 ", "商品名称*", "商品名称（必填）", "商品名称(必填)"])
def test_header_variants(header):
    assert header_key(header) == header_key("商品名称")


def test_header_full_width_parentheses():
    assert header_key("保质期（天）") == header_key("保质期(天)")


# --- CSV encodings ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings_read_the_same(tmp_path, encoding):
    path = tmp_path / "products.csv"
    path.write_text(CONTENT, encoding=encoding)
    table = read(path)
    assert table.encoding in ("utf-8", "utf-8-sig", "gb18030")
    assert [r.values for r in table.rows] == [
        {"商品名称": "婺源皇菊", "规格": "50朵/盒", "商家编码": "JX-HJ-050", "售价": "39.90", "库存": "200"},
        {"商品名称": "赣南脐橙", "规格": "5斤/箱", "商家编码": "0012", "售价": "1,234.50", "库存": "10"},
    ]
    assert [r.number for r in table.rows] == [2, 3]
    assert table.header_row == 1


def test_csv_utf16_tab_separated(tmp_path):
    """Excel's "Unicode text" is UTF-16 with a BOM and tabs."""
    path = tmp_path / "products.txt"
    path.write_text(CONTENT.replace(",", "\t").replace('"1\t234.50"', "1234.50"), encoding="utf-16")
    table = read(path)
    assert table.encoding == "utf-16"
    assert table.rows[0].text("商家编码") == "JX-HJ-050"


def test_unknown_encoding_refused(tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes("商品名称,规格\n".encode("utf-8") + b"\xff\xfe\xff,x\n")
    with pytest.raises(TableError, match="encoding"):
        read(path)


def test_semicolon_csv(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("商品名称;售价\n皇菊;39,90\n", encoding="utf-8")
    assert read(path).rows[0].values == {"商品名称": "皇菊", "售价": "39,90"}


# --- layout -----------------------------------------------------------------------------


def test_title_lines_above_the_header(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("商品清单,,\n导出时间 2025-10-01,,\n商品名称,售价,规格\n皇菊,39.9,盒\n", encoding="utf-8")
    table = read(path)
    assert table.header_row == 3
    assert table.rows[0].number == 4


def test_blank_lines_skipped_row_numbers_kept(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("商品名称,售价\n\n皇菊,39.9\n,\n  ,\t\n脐橙,20\n", encoding="utf-8")
    table = read(path)
    assert [(r.number, r.text("商品名称")) for r in table.rows] == [(3, "皇菊"), (6, "脐橙")]


def test_extra_and_reordered_columns(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("库存,备用,售价,商品名称,商品名称\n5,x,9.9,皇菊,重复\n", encoding="utf-8")
    table = read(path)
    assert table.columns == ["库存", "售价", "商品名称"]
    assert table.ignored_columns == ["备用", "商品名称"]
    assert table.rows[0].values == {"库存": "5", "售价": "9.9", "商品名称": "皇菊"}


def test_aliases(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("品名,价格\n皇菊,9.9\n", encoding="utf-8")
    table = read(path, aliases={"品名": "商品名称", "价格": "售价"})
    assert table.rows[0].values == {"商品名称": "皇菊", "售价": "9.9"}


def test_short_and_long_rows(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("商品名称,规格,售价\n皇菊\n脐橙,箱,20,extra,more\n", encoding="utf-8")
    rows = read(path).rows
    assert rows[0].values == {"商品名称": "皇菊", "规格": None, "售价": None}
    assert rows[1].values == {"商品名称": "脐橙", "规格": "箱", "售价": "20"}


def test_multiline_cell_counts_as_one_row(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text('商品名称,规格\n"皇菊\n特级",盒\n脐橙,箱\n', encoding="utf-8")
    assert [r.number for r in read(path).rows] == [2, 3]


# --- unreadable files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("products.pdf", b"%PDF-1.4", "not a CSV or Excel"),
        ("products.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("products.xlsx", "商品名称,售价\n".encode(), "not an Excel file"),
        ("products.xls", b"<html><table><tr><td>x</td></tr></table></html>", "web page"),
        ("products.csv", b"", "empty"),
        ("products.csv", "名称错了,售价\nx,1\n".encode(), "商品名称"),
    ],
)
def test_unreadable_files(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TableError, match=message) as raised:
        read(path)
    assert isinstance(raised.value, UserError)
    assert "\n" not in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(TableError) as raised:
        read(tmp_path / "nope.csv")
    assert raised.value.code == "common.file_missing"


def test_damaged_xlsx(tmp_path):
    path = tmp_path / "products.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(TableError, match="cannot read"):
        read(path)


# --- Excel ------------------------------------------------------------------------------------


def test_xlsx_numbers_and_text(tmp_path):
    path = tmp_path / "products.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["商品名称", "规格", "商家编码", "售价", "库存"])
    sheet.append(["婺源皇菊", 500, 123456, 39.9, 200])
    sheet.append(["赣南脐橙", "5斤/箱", "00123", "¥1,234.50", "10"])
    sheet.append([None, None, None, None, None])
    sheet.append(["手工竹编", "大号", "JX-ZB-L", 68, 3.0])
    workbook.save(path)
    table = read(path)
    assert table.kind == "xlsx"
    first, second, third = table.rows
    assert first.values == {"商品名称": "婺源皇菊", "规格": 500, "商家编码": 123456, "售价": 39.9, "库存": 200}
    assert first.text("规格") == "500" and first.text("商家编码") == "123456"
    assert second.text("商家编码") == "00123"  # text stays text, leading zeros kept
    assert (second.number, third.number) == (3, 5)
    assert third.get("库存") == 3


def test_xlsx_header_on_a_later_sheet_and_row(tmp_path):
    path = tmp_path / "products.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "封面"
    workbook.active["A1"] = "说明"
    sheet = workbook.create_sheet("商品")
    sheet["B3"] = "商品名称"
    sheet["C3"] = "售价"
    sheet["B4"] = "皇菊"
    sheet["C4"] = 9.9
    workbook.save(path)
    table = read(path)
    assert table.sheet == "商品"
    assert table.header_row == 3
    assert table.rows[0].number == 4
    assert table.rows[0].values == {"商品名称": "皇菊", "售价": 9.9}


def test_xlsx_dates(tmp_path):
    path = tmp_path / "products.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["商品名称", "规格"])
    workbook.active.append(["皇菊", datetime(2025, 10, 1, 8, 30)])
    workbook.save(path)
    assert read(path).rows[0].text("规格") == "2025-10-01 08:30:00"


def test_progress_and_cancel(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("商品名称\n" + "".join(f"p{i}\n" for i in range(1200)), encoding="utf-8")
    calls = []
    table = read(path, progress=lambda done, total: calls.append((done, total)))
    assert len(table.rows) == 1200
    assert calls[-1] == (1200, 1200)
    with pytest.raises(Cancelled):
        read(path, cancelled=lambda: True)


# --- writer -------------------------------------------------------------------------------------

TRICKY = ['=HYPERLINK("http://evil","点我")', "+86 138", "-冷藏", "@user", "'quoted", '="0012"', "-", "--",
          "普通文本", "12"]


def test_xlsx_writer_text_is_text_and_amounts_are_numbers(tmp_path):
    path = tmp_path / "out.xlsx"
    write_table(path, ["文本", "金额", "数量"], [[text, Decimal("39.90"), 3] for text in TRICKY])
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    for row, text in enumerate(TRICKY, start=2):
        cell = sheet.cell(row=row, column=1)
        assert cell.data_type == "s"  # never a formula
        assert sheet.cell(row=row, column=2).data_type == "n"
        assert sheet.cell(row=row, column=2).value == 39.9
        assert sheet.cell(row=row, column=2).number_format == "0.00"
    assert sheet["A2"].value == TRICKY[0]


def test_csv_writer_bom_and_formula_escape(tmp_path):
    path = tmp_path / "out.csv"
    write_table(path, ["文本", "金额"], [[text, Decimal("1234.50")] for text in TRICKY])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[1][0] == "'" + TRICKY[0]
    assert rows[2][0] == "'+86 138"
    assert rows[3][0] == "'-冷藏"
    assert rows[4][0] == "'@user"
    assert rows[9][0] == "普通文本"
    assert rows[1][1] == "1234.50"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_written_text_reads_back_exactly(tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    write_table(path, ["商品名称", "售价"], [[text, Decimal("1.00")] for text in TRICKY])
    table = read_table(path, columns=["商品名称", "售价"])
    assert [r.text("商品名称") for r in table.rows] == TRICKY


def test_writer_refuses_other_suffix_and_missing_folder(tmp_path):
    with pytest.raises(TableError, match=".xlsx or .csv"):
        write_table(tmp_path / "out.pdf", ["a"], [])
    with pytest.raises(TableError, match="does not exist"):
        write_table(tmp_path / "missing" / "out.csv", ["a"], [])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_cancelled_write_leaves_no_file(tmp_path, suffix):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / f"out{suffix}"
    with pytest.raises(Cancelled):
        write_table(path, ["a"], ([i] for i in range(2000)), cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "out.xlsx"
    write_table(path, ["a"], [["old"]])
    before = path.read_bytes()

    def rows():
        yield ["new"]
        raise RuntimeError("disk trouble")

    with pytest.raises(RuntimeError):
        write_table(path, ["a"], rows())
    assert path.read_bytes() == before
