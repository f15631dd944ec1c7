"""`export sales`: the filtered lines to .xlsx / CSV, read back equal to the database."""
from __future__ import annotations

import codecs
import csv
from decimal import Decimal

import openpyxl
from livestream_desk.cli import main
from livestream_desk.db.engine import open_database
from livestream_desk.services import sales

from .helpers import assert_one_line_error


def run(*argv: str) -> int:
    return main(list(argv))


def expected_lines(path, **where):
    database = open_database(path)
    try:
        query = sales.SaleQuery(limit=None, **where)
        return sales.list_sales(database, query)[0]
    finally:
        database.dispose()


def test_csv_round_trips_the_filtered_lines(demo_db, tmp_path, capsys):
    path = demo_db.path
    demo_db.dispose()
    target = tmp_path / "sales.csv"
    assert run("export", "sales", "--db", str(path), "--to", str(target), "--platform", "抖音",
               "--from", "2026-01", "--until", "2026-10", "--refunded", "yes") == 0
    assert "sale lines" in capsys.readouterr().out
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    assert header[:10] == ["订单号", "商品名称", "商家编码", "数量", "单价", "实付金额", "支付时间", "退款金额", "平台", "备注"]
    from livestream_desk.domain.period import Month

    wanted = expected_lines(path, platform="douyin", start=Month(2026, 1).start(), end=Month(2026, 11).start(),
                            refunded=sales.RefundFilter.REFUNDED)
    assert len(body) == len(wanted) > 10
    for row, line in zip(body, wanted):
        assert row[0] == line.order_id and row[8] == "抖音"
        assert int(row[3]) == line.quantity
        assert Decimal(row[5]) * 100 == line.paid_fen and Decimal(row[7]) * 100 == line.refunded_fen
        assert row[6] == line.paid_at.strftime("%Y-%m-%d %H:%M:%S")
        assert line.refunded_fen > 0


def test_xlsx_amounts_are_numbers_and_formulas_stay_text(demo_db, tmp_path):
    first = sales.list_sales(demo_db, sales.SaleQuery(limit=1))[0][0]
    data = sales.input_of(first)
    sales.update_sale(demo_db, first.id, data.__class__(**{**data.__dict__, "order_id": "=1+1"}))
    path = demo_db.path
    demo_db.dispose()
    target = tmp_path / "sales.xlsx"
    assert run("export", "sales", "--db", str(path), "--to", str(target), "--livestream",
               str(first.livestream_id)) == 0
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    wanted = expected_lines(path, livestream_id=first.livestream_id)
    assert len(rows) - 1 == len(wanted)
    by_order = {r[0]: r for r in rows[1:]}
    assert by_order["=1+1"][5] == Decimal(first.paid_fen) / 100 or float(by_order["=1+1"][5]) == first.paid_fen / 100
    assert all(isinstance(r[5], (int, float)) for r in rows[1:])
    cell = sheet.cell(row=[r[0] for r in rows].index("=1+1") + 1, column=1)
    assert cell.data_type == "s"  # text, never a formula
    csv_target = tmp_path / "sales.csv"
    assert run("export", "sales", "--db", str(path), "--to", str(csv_target), "--livestream",
               str(first.livestream_id)) == 0
    assert "\n'=1+1," in csv_target.read_text(encoding="utf-8-sig").replace("\r\n", "\n")  # escaped in CSV


def test_bad_arguments_exit_2(demo_db, tmp_path, capsys):
    path = demo_db.path
    demo_db.dispose()
    assert run("export", "sales", "--db", str(path), "--to", str(tmp_path / "x.pdf")) == 2
    assert_one_line_error(capsys.readouterr().err, "x.pdf")
    assert run("export", "sales", "--db", str(path), "--to", str(tmp_path / "x.csv"), "--platform", "微博") == 2
    assert_one_line_error(capsys.readouterr().err, "微博")
