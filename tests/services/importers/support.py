"""Building order exports inside the tests, importing them and reading the monthly report."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Optional, Sequence

from livestream_desk.services.importers import commit_import, preview_import

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "samples"

DOUYIN_HEADER = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额",
    "运费", "订单提交时间", "支付完成时间", "订单状态", "售后状态", "流量来源",
]
JD_HEADER = [
    "订单号", "商品ID", "商品名称", "订购数量", "京东价", "订单金额", "应付金额", "运费金额", "下单时间", "付款确认时间",
    "订单状态", "货号", "订单渠道",
]


def douyin_row(order="6928000000000000100", line="6928000000000000101", name="婺源皇菊", qty="2", price="39.90",
               paid="79.80", paid_at="2026-09-10 20:05:00", status="已完成", after="-", source="直播",
               code="JX-HJ-050", pid="3581102234", spec="50朵/盒", submitted="2026-09-10 20:01:00") -> list[str]:
    return [order, line, name, spec, qty, pid, code, price, paid, "0.00", submitted, paid_at, status, after, source]


def jd_row(order="21729384072", pid="3681102237", name="广昌白莲 500g/袋", qty="1", price="45.00", total="45.00",
           payable="45.00", freight="0.00", placed="2026/9/10 8:04", paid_at="2026/9/10 8:05", status="完成",
           code="JX-BL-500", channel="京东直播") -> list[str]:
    return [order, pid, name, qty, price, total, payable, freight, placed, paid_at, status, code, channel]


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_raw(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def import_file(db, path, layout: Optional[str] = None):
    preview = preview_import(db, path, layout)
    return preview, commit_import(db, preview)


def monthly_csv(capsys, db_path, first="2025-09", last="2026-10") -> str:
    from livestream_desk.cli import main

    capsys.readouterr()
    assert main(["report", "monthly", "--db", str(db_path), "--format", "csv", "--from", first, "--to", last]) == 0
    return capsys.readouterr().out


def sales_rows(db):
    from sqlalchemy import select

    from livestream_desk.db.models import Sale
    from livestream_desk.services import uow

    with uow.reading(db) as conn:
        return conn.execute(select(Sale.__table__).order_by(Sale.platform, Sale.order_id, Sale.line_id)).all()
