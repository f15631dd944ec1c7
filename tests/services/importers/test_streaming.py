"""Large exports: a CSV read as a stream gives what the whole-file reader gives, with its
messages; lines written as value tuples (SaleLineWriter.add_values) equal lines written as dicts."""
from __future__ import annotations

import codecs
from datetime import datetime

import pytest
from sqlalchemy import insert, select

from livestream_desk.db.models import Product, Sale
from livestream_desk.services import uow
from livestream_desk.services.importers import read_order_file
from livestream_desk.services.importers.layouts import detect
from livestream_desk.services.importers.parse import parse_rows
from livestream_desk.services.sale_lines import SaleLineWriter
from livestream_desk.services.summary import summary_mismatches
from livestream_desk.services.tables.reader import TableError, _decode, read_raw

from .support import DOUYIN_HEADER, douyin_row, write_csv, write_raw


def _lines(parsed):
    return [tuple(getattr(line, name) for name in line.__slots__) for line in parsed.lines]


def _rows(count: int) -> list[list[str]]:
    rows = []
    for i in range(count):
        rows.append(douyin_row(order=str(6928000000000000000 + i), line=str(6928000000000100000 + i),
                               name="多行\n名称" if i == 3 else f"皇菊{i % 5}", qty=str(i % 4 + 1),
                               paid=f"{i % 90}.{i % 100:02d}", paid_at=f"2026-09-{i % 28 + 1:02d} 20:{i % 60:02d}:00",
                               after="退款成功" if i % 7 == 0 else "-", pid=f"35811{i % 9}"))
    rows[10][8] = "abc"  # rejected: a bad amount
    rows[11][11] = "2026-02-30 10:00:00"  # rejected: no such day
    rows[12][11] = ""  # unpaid
    return rows


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_streamed_csv_parses_like_the_whole_file(tmp_path, encoding):
    path = write_csv(tmp_path / "orders.csv", DOUYIN_HEADER, _rows(3000), encoding)
    streamed = read_order_file(path)
    kind, found_encoding, [(_, rows)] = read_raw(path)
    whole = parse_rows(rows, detect(rows))
    assert streamed.parsed.encoding == found_encoding == encoding
    assert _lines(streamed.parsed) == _lines(whole) and len(whole.lines) == 2997
    assert streamed.parsed.rejected == whole.rejected and [r.row for r in whole.rejected] == [12, 13]
    assert (streamed.parsed.rows, streamed.parsed.unpaid) == (whole.rows, whole.unpaid) == (3000, 1)


def test_title_lines_and_progress_in_bytes(tmp_path):
    text = "抖店订单导出\n\n" + ",".join(DOUYIN_HEADER) + "\n" + "".join(",".join(r).replace("\n", " ") + "\n" for r in _rows(5000))
    path = write_raw(tmp_path / "orders.csv", text)
    reports = []
    parsed = read_order_file(path, progress=lambda done, total: reports.append((done, total))).parsed
    assert parsed.header_row == 3 and parsed.rows == 5000
    size = path.stat().st_size
    assert reports[-1] == (size, size) and all(total == size for _, total in reports)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports) and len(reports) > 2


def test_a_csv_error_far_down_the_file_is_still_the_reason(tmp_path):
    good = "".join(",".join(r) + "\n" for r in _rows(50) if "\n" not in r[2])
    path = write_raw(tmp_path / "orders.csv", ",".join(DOUYIN_HEADER) + "\n" + good + "1,2," + "x" * 200_000 + "\n")
    with pytest.raises(TableError) as raised:
        read_order_file(path)
    assert raised.value.code == "tables.bad_csv"
    # Also when no header was found in the first rows: the file is unreadable, not unknown.
    path = write_raw(tmp_path / "other.csv", "a,b\n" * 40 + "x" * 200_000 + "\n")
    with pytest.raises(TableError) as raised:
        read_order_file(path)
    assert raised.value.code == "tables.bad_csv"


def test_encoding_problems_keep_their_messages(tmp_path):
    data = codecs.BOM_UTF8 + ("\n".join([",".join(DOUYIN_HEADER)] + [",".join(douyin_row())] * 2000)).encode() + b"\xff\n"
    path = tmp_path / "orders.csv"
    path.write_bytes(data)
    with pytest.raises(TableError) as raised:
        read_order_file(path)
    with pytest.raises(TableError) as expected:
        _decode(data, path.name)
    assert raised.value.code == "tables.bad_utf8" and str(raised.value) == str(expected.value)
    path.write_bytes(b" \n\t" * 3000)
    with pytest.raises(TableError, match="empty"):
        read_order_file(path)


def _product(db, stock: int) -> int:
    with uow.writing(db) as session:
        return session.execute(
            insert(Product).values(name="婺源皇菊", list_price_fen=3990, stock=stock, search_keys="").returning(Product.id)
        ).scalar_one()


def test_add_values_writes_what_add_many_writes(db):
    product = _product(db, stock=100)
    at = datetime(2026, 11, 29, 10, 0, 0)
    columns = ("platform", "order_id", "line_id", "product_id", "quantity", "refunded_quantity", "paid_fen",
               "paid_at", "created_at", "item_name", "unit_price_fen", "refunded_fen", "order_status",
               "traffic_source", "source")
    values = [("douyin", f"A{i}", f"A{i}", product, 2, i % 2, 7980, datetime(2026, 9 + i % 3, 1, 8, i), at, "皇菊",
               3990, 3990 * (i % 2), "", "", "import") for i in range(6)]
    values.append(("douyin", "U1", "U1", product, 5, 0, 100, None, at, "", 0, 0, "", "", "import"))  # unpaid
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as lines:
        assert lines.add_values(columns, values) == 7
        lines.add_many([{**dict(zip(columns, v)), "order_id": "B" + v[1]} for v in values])
        with pytest.raises(ValueError):
            lines.add_values(("platform", "nope"), [("douyin", 1)])
        with pytest.raises(ValueError):
            lines.add_values(("platform", "order_id"), [("douyin",)])
    with uow.reading(db) as conn:
        stored = conn.execute(select(Sale.order_id, Sale.paid_at, Sale.created_at, Sale.quantity).order_by(Sale.id)).all()
        assert [tuple(r[1:]) for r in stored[:7]] == [tuple(r[1:]) for r in stored[7:]]
        assert stored[0].paid_at == datetime(2026, 9, 1, 8, 0) and stored[0].created_at == at
        # 6 paid lines of 2 units, 3 of them with 1 refunded: 9 units, twice.
        assert conn.execute(select(Product.stock).where(Product.id == product)).scalar_one() == 100 - 18
        assert summary_mismatches(conn) == []
