"""One file per quirk of real exports (DESIGN §6), each built here."""
from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from livestream_desk.services.importers import preview_import

from .support import DOUYIN_HEADER, JD_HEADER, douyin_row, import_file, jd_row, sales_rows, write_csv, write_raw


def only_line(db):
    (line,) = sales_rows(db)
    return line


def test_gbk_csv(db, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", DOUYIN_HEADER, [douyin_row(name="婺源皇菊")], encoding="gbk")
    preview, result = import_file(db, path)
    assert (preview.layout.key, result.new) == ("douyin", 1)
    assert only_line(db).item_name == "婺源皇菊 50朵/盒"


def test_ids_wrapped_as_formulas(db, tmp_path):
    row = douyin_row(order='="6928000000000000100"', line='="6928000000000000101"', pid='="3581102234"')
    import_file(db, write_csv(tmp_path / "f.csv", DOUYIN_HEADER, [row]))
    line = only_line(db)
    assert (line.order_id, line.line_id) == ("6928000000000000100", "6928000000000000101")


def test_leading_apostrophe(db, tmp_path):
    row = douyin_row(order="'6928000000000000100", line="'6928000000000000101")
    import_file(db, write_csv(tmp_path / "a.csv", DOUYIN_HEADER, [row]))
    assert only_line(db).order_id == "6928000000000000100"


def test_tab_inside_quotes(db, tmp_path):
    row = douyin_row(order="\t6928000000000000100", line="6928000000000000101\t", name="\t婺源皇菊", spec="50朵/盒\t")
    import_file(db, write_csv(tmp_path / "t.csv", DOUYIN_HEADER, [row]))
    line = only_line(db)
    assert (line.order_id, line.line_id, line.item_name) == ("6928000000000000100", "6928000000000000101", "婺源皇菊 50朵/盒")


def test_dash_means_empty(db, tmp_path):
    rows = [douyin_row(after="--", code="-"), douyin_row(line="6928000000000000102", paid_at="--")]
    preview, result = import_file(db, write_csv(tmp_path / "d.csv", DOUYIN_HEADER, rows))
    assert (result.new, preview.unpaid) == (1, 1)  # "--" 支付完成时间: never paid
    assert only_line(db).refunded_fen == 0


def test_reordered_and_extra_columns(db, tmp_path):
    order = list(reversed(range(len(DOUYIN_HEADER))))
    header = ["买家留言"] + [DOUYIN_HEADER[i] for i in order] + ["达人昵称"]
    row = douyin_row(paid="75.80")
    path = write_csv(tmp_path / "r.csv", header, [["尽快发货"] + [row[i] for i in order] + ["李知"]])
    import_file(db, path)
    assert only_line(db).paid_fen == 7580


def test_excel_dates_and_numbers(db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单号", "订单创建时间", "订单支付时间", "订单状态", "实付款", "成交数量", "商品名称", "商品ID", "SKU编码", "商品单价", "售后状态", "渠道"])
    sheet.append(["2612000000000001", datetime(2026, 9, 10, 8, 0), datetime(2026, 9, 10, 8, 5, 7), "交易成功", 59.8, 2, "新余蜜桔", 3581102242, "JX-MJ-5", 29.9, None, "直播间"])
    sheet.append([2612000000000002, datetime(2026, 9, 11), 46276.5, "交易成功", 0.1, 1.0, "新余蜜桔", "ks1", "JX-MJ-5", 0.1, None, "直播间"])
    book.save(tmp_path / "k.xlsx")
    preview, result = import_file(db, tmp_path / "k.xlsx")
    assert result.new == 2, preview.rejected
    first, second = sales_rows(db)
    assert (first.paid_at, first.paid_fen, first.quantity) == (datetime(2026, 9, 10, 8, 5, 7), 5980, 2)
    assert (second.order_id, second.paid_at, second.paid_fen) == ("2612000000000002", datetime(2026, 9, 11, 12, 0), 10)


def test_slash_dates(db, tmp_path):
    import_file(db, write_csv(tmp_path / "s.csv", JD_HEADER, [jd_row(paid_at="2026/9/1 8:05")]))
    assert only_line(db).paid_at == datetime(2026, 9, 1, 8, 5)


def test_jd_freight_is_not_sales(db, tmp_path):
    import_file(db, write_csv(tmp_path / "j.csv", JD_HEADER, [jd_row(total="45.00", payable="51.00", freight="6.00")]))
    assert only_line(db).paid_fen == 4500


def test_jd_three_line_order_uses_largest_remainder(db, tmp_path):
    # 100.00 over three lines of equal value: 33.34 + 33.33 + 33.33 (the first takes the spare fen).
    rows = [
        jd_row(order="9001", pid=str(pid), name=f"商品{pid}", price="10.00", qty="1", total="30.00", payable="100.00",
               code=f"C{pid}")
        for pid in (1, 2, 3)
    ]
    import_file(db, write_csv(tmp_path / "three.csv", JD_HEADER, rows, encoding="gbk"))
    paid = [r.paid_fen for r in sales_rows(db)]
    assert sorted(paid, reverse=True) == [3334, 3333, 3333] and sum(paid) == 10000


def test_jd_synonyms_of_newer_exports(db, tmp_path):
    header = ["订单编号", "商品编号", "商品名称", "商品数量", "京东价", "实付金额", "运费", "支付时间", "订单状态", "订单渠道"]
    path = write_csv(tmp_path / "new.csv", header, [["777", "55", "白莲", "2", "10.00", "25.00", "5.00", "2026-09-01 10:00", "完成", "京东直播"]])
    preview, result = import_file(db, path)
    assert preview.layout.key == "jd" and result.new == 1
    assert (only_line(db).paid_fen, only_line(db).line_id) == (2000, "777-55")


def test_jd_deleted_order_after_payment_is_refunded_whole(db, tmp_path):
    rows = [jd_row(order="5", pid="1", payable="30.00", price="10.00", status="(删除)等待出库"),
            jd_row(order="5", pid="2", payable="30.00", price="20.00", status="(删除)等待出库"),
            jd_row(order="6", paid_at="", status="(删除)等待付款")]
    preview, result = import_file(db, write_csv(tmp_path / "del.csv", JD_HEADER, rows))
    assert (result.new, preview.unpaid) == (2, 1)
    assert [(r.paid_fen, r.refunded_fen) for r in sales_rows(db)] == [(1000, 1000), (2000, 2000)]


def test_malformed_quantity_is_rejected_with_its_row_and_the_rest_imports(db, tmp_path):
    rows = [douyin_row(line="1"), douyin_row(line="2", qty="两"), douyin_row(line="3")]
    preview, result = import_file(db, write_csv(tmp_path / "q.csv", DOUYIN_HEADER, rows))
    (bad,) = preview.rejected
    assert (bad.row, bad.column, bad.value, bad.reason.code) == (3, "商品数量", "两", "orders.bad_quantity")
    assert result.new == 2


def test_jd_malformed_quantity_rejects_its_whole_order(db, tmp_path):
    rows = [jd_row(order="1", pid="1"), jd_row(order="1", pid="2", qty="1.5"), jd_row(order="2")]
    preview, result = import_file(db, write_csv(tmp_path / "jq.csv", JD_HEADER, rows))
    assert [(r.row, r.reason.code) for r in preview.rejected] == [(2, "orders.order_has_bad_line"), (3, "orders.bad_quantity")]
    assert result.new == 1


def test_scientific_notation_ids_add_nothing(db, tmp_path):
    rows = [douyin_row(order="6.928E+18", line="6.928E+18"), douyin_row(line="6.92800000000001E+18")]
    preview, result = import_file(db, write_csv(tmp_path / "e.csv", DOUYIN_HEADER, rows))
    assert result.batch_id is None and result.new == 0
    assert {r.reason.code for r in preview.rejected} == {"orders.damaged_id"}
    assert "export the file from the platform again" in str(preview.rejected[0].reason)
    assert sales_rows(db) == []


def test_export_without_payment_time_column(db, tmp_path):
    header = [h for h in DOUYIN_HEADER if h != "支付完成时间"]

    def row(line, status, after="-"):
        values = douyin_row(line=line, status=status, after=after, submitted="2026-08-31 23:59:00")
        del values[DOUYIN_HEADER.index("支付完成时间")]
        return values

    rows = [row("1", "已完成"), row("2", "待支付"), row("3", "已关闭"), row("4", "已关闭", "退款成功")]
    preview, result = import_file(db, write_csv(tmp_path / "np.csv", header, rows))
    assert (result.new, preview.unpaid) == (2, 2)
    lines = list(sales_rows(db))
    assert [(l.line_id, l.paid_at.month, l.refunded_fen) for l in lines] == [("1", 8, 0), ("4", 8, 7980)]


def test_zero_price_gift_counts_units_not_money(db, tmp_path, capsys, db_path):
    rows = [douyin_row(line="1"), douyin_row(line="2", name="赠品 茶包", price="0.00", paid="0.00", qty="1", code="GIFT")]
    import_file(db, write_csv(tmp_path / "g.csv", DOUYIN_HEADER, rows))
    from .support import monthly_csv

    assert "2026-09,0,1,3,79.80,0.00,79.80" in monthly_csv(capsys, db_path, "2026-09", "2026-09")


def test_a_huge_cell_is_one_rejected_row(db, tmp_path):
    rows = [douyin_row(line="1", name="茶" * 100_000), douyin_row(line="2")]
    preview, result = import_file(db, write_csv(tmp_path / "huge.csv", DOUYIN_HEADER, rows))
    assert [r.reason.code for r in preview.rejected] == ["orders.cell_too_long"] and result.new == 1
    assert len(str(preview.rejected[0].value)) <= 100


def test_a_file_without_a_known_header_is_refused(db, tmp_path):
    from livestream_desk.messages import Problem

    path = write_raw(tmp_path / "x.csv", "名字,年龄\n张三,3\n")
    with pytest.raises(Problem) as caught:
        preview_import(db, path)
    assert caught.value.code == "orders.unknown_layout"
    with pytest.raises(Problem) as caught:
        preview_import(db, write_csv(tmp_path / "dy.csv", DOUYIN_HEADER, [douyin_row()]), "jd")
    assert caught.value.code == "orders.missing_columns"


def test_generic_template(db, tmp_path):
    header = ["订单号", "商品名称", "商家编码", "数量", "单价", "实付金额", "支付时间", "退款金额", "平台", "备注"]
    rows = [["A1", "皇菊", "HJ", "2", "39.90", "", "2026-09-01 10:00", "", "快手", ""],
            ["A1", "茶饼", "CB", "1", "22.80", "20.00", "2026-09-01 10:00", "20.00", "快手", ""]]
    preview, result = import_file(db, write_csv(tmp_path / "gen.xlsx.csv", header, rows))
    assert preview.layout.key == "generic" and result.new == 2
    assert [(r.platform, r.paid_fen, r.refunded_quantity) for r in sales_rows(db)] == [("kuaishou", 2000, 1), ("kuaishou", 7980, 0)]
