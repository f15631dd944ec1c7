"""Overlapping exports, updates, batch undo (totals and stock)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from livestream_desk.db.models import ImportBatch, Product
from livestream_desk.domain.validation import ProductInput
from livestream_desk.messages import Problem
from livestream_desk.services import uow
from livestream_desk.services.catalogue import create_product
from livestream_desk.services.importers import batch_rejected_rows, list_batches, undo_batch
from livestream_desk.services.summary import summary_mismatches

from .support import DOUYIN_HEADER, douyin_row, import_file, monthly_csv, write_csv


def exports(tmp_path):
    week1 = write_csv(tmp_path / "week1.csv", DOUYIN_HEADER, [
        douyin_row(line="1", status="待发货"),
        douyin_row(line="2", paid_at="2026-09-12 10:00:00", status="待发货", after="退款中"),
    ])
    week2 = write_csv(tmp_path / "week2.csv", DOUYIN_HEADER, [
        douyin_row(line="2", paid_at="2026-09-12 10:00:00", status="已关闭", after="退款成功"),
        douyin_row(line="3", paid_at="2026-10-02 10:00:00"),
    ])
    return week1, week2


@pytest.mark.parametrize("first", [0, 1])
def test_overlapping_exports_give_the_same_report_in_either_order(db, db_path, tmp_path, capsys, first):
    files = exports(tmp_path)
    results = [import_file(db, files[first]), import_file(db, files[1 - first])]
    if first == 0:
        assert (results[1][1].new, results[1][1].updated) == (1, 1)
    else:
        assert (results[1][1].new, results[1][1].duplicate) == (1, 1)  # the older export never undoes the refund
    report = monthly_csv(capsys, db_path, "2026-09", "2026-10")
    assert report.splitlines()[1:] == ["2026-09,0,1,4,159.60,79.80,79.80,", "2026-10,0,1,2,79.80,0.00,79.80,0.0"]


def test_undo_restores_totals_and_stock(db, db_path, tmp_path, capsys):
    create_product(db, ProductInput(name="婺源皇菊", spec="50朵/盒", sku="JX-HJ-050", list_price="39.90", stock=10))
    week1, week2 = exports(tmp_path)
    import_file(db, week1)
    before = monthly_csv(capsys, db_path)
    _, result = import_file(db, week2)
    with uow.reading(db) as conn:
        assert conn.execute(select(Product.stock)).scalar_one() == 10 - 2 - 2 + 2 - 2  # week 1 sold 4; line 2 refunded, line 3 sold 2
    undo_batch(db, result.batch_id)
    with uow.reading(db) as conn:
        # The refund stays (module docstring of history): only the new line 3 went.
        assert conn.execute(select(Product.stock)).scalar_one() == 8
        assert summary_mismatches(conn) == []
    assert monthly_csv(capsys, db_path) != before  # the refund of line 2 is kept
    (batch, first) = list_batches(db)
    assert batch.undone and batch.lines == 0 and first.lines == 2
    with pytest.raises(Problem):
        undo_batch(db, result.batch_id)


def test_undo_of_a_batch_with_new_lines_only_restores_everything(db, db_path, tmp_path, capsys):
    create_product(db, ProductInput(name="婺源皇菊", spec="50朵/盒", sku="JX-HJ-050", list_price="39.90", stock=3))
    empty = monthly_csv(capsys, db_path)
    week1, _ = exports(tmp_path)
    _, result = import_file(db, week1)  # sells 4 of a stock of 3: one unit booked in first
    with uow.reading(db) as conn:
        assert conn.execute(select(Product.stock)).scalar_one() == 0
    undo_batch(db, result.batch_id)
    assert monthly_csv(capsys, db_path) == empty
    with uow.reading(db) as conn:
        assert conn.execute(select(Product.stock)).scalar_one() == 3
    _, again = import_file(db, week1)  # the file imports again after an undo
    assert again.new == 2


def test_rejected_rows_are_kept_with_the_batch(db, tmp_path):
    path = write_csv(tmp_path / "r.csv", DOUYIN_HEADER, [douyin_row(line="1"), douyin_row(line="2", paid="abc")])
    _, result = import_file(db, path)
    (row,) = batch_rejected_rows(db, result.batch_id)
    assert (row.row, row.column, row.value, row.reason.code) == (3, "订单应付金额", "abc", "orders.bad_amount")
    with uow.reading(db) as conn:
        batch = conn.execute(select(ImportBatch.new_rows, ImportBatch.rejected_rows, ImportBatch.file_hash)).one()
    assert batch[:2] == (1, 1) and len(batch[2]) == 64
