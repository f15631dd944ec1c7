"""Import (preview, nothing written before confirming, progress, cancel), export of the filtered
view or the whole catalogue, and the template, through the page's File actions."""
from __future__ import annotations

import csv
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from livestream_desk.services.catalogue import count_products, list_products
from livestream_desk.services.errors import Cancelled
from livestream_desk.services.product_io import PRODUCT_COLUMNS, read_product_file
from livestream_desk.ui.catalogue import page as page_module

from .catalogue_support import make_page, model_names, shop, snapshot as _snapshot, wait_idle  # noqa: F401


def _write_csv(path, rows, encoding="utf-8-sig"):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(row)
    return path


def _choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


def _save_as(monkeypatch, path, chosen_filter=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), chosen_filter))


def _preview(qtbot, page):
    qtbot.waitUntil(lambda: page.importer.preview_dialog is not None
                    and page.importer.preview_dialog.isVisible(), timeout=10_000)
    return page.importer.preview_dialog


def _rows(dialog):
    model = dialog.model
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_import_preview_counts_then_writes_only_after_confirming(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    path = _write_csv(tmp_path / "价格表.csv", [
        ["商品名称", "规格", "商家编码", "售价", "库存", "产地", "备注说明"],
        ["婺源皇菊", "50朵/盒", "JX-HJ-050", "42.00", "95", "", "extra column"],  # update: price
        ["赣南脐橙", "5斤/箱", "JX-QC-5", "59.80", "50", "", ""],  # unchanged
        ["南丰蜜桔", "10斤/箱", "JX-MJ-10", "¥69.90", "120", "江西省 南丰县 太和镇", ""],  # new
        ["井冈山笋干", "500g/袋", "JX-SG-5", "12元5", "30", "", ""],  # rejected: bad price
        ["", "", "", "", "", "", ""],  # blank line, skipped
        ["崇义南酸枣糕", "400g/袋", "", "35.8", "", "", ""],  # new, no 商家编码
    ])
    before = _snapshot(shop)
    _choose_file(monkeypatch, path)
    page.import_action.trigger()
    dialog = _preview(qtbot, page)
    assert dialog.counts_label.text() == "新增 2 · 更新 1 · 未变 1 · 拒绝 1"
    assert dialog.import_button.text() == "导入 3 件商品"
    assert _snapshot(shop) == before  # nothing written while the preview is open

    rejected = _rows(dialog)  # rejected rows are shown first
    assert rejected == [("拒绝", "5", "井冈山笋干", "500g/袋", "JX-SG-5", rejected[0][5])]
    assert "售价" in rejected[0][5] and "12元5" in rejected[0][5] and "元" in rejected[0][5]
    dialog.filter_combo.setCurrentIndex(0)
    rows = {row[2]: row for row in _rows(dialog)}
    assert len(rows) == 5
    assert rows["婺源皇菊"][0] == "更新" and rows["婺源皇菊"][5] == "售价 39.90 → 42.00"
    assert rows["赣南脐橙"][0] == "未变"
    assert rows["南丰蜜桔"][0] == "新增" and rows["南丰蜜桔"][1] == "4"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count_products(shop) == 7, timeout=10_000)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: not page.importer.is_busy(), timeout=10_000)
    wait_idle(qtbot, page)
    huangju = next(r for r in list_products(shop) if r.sku == "JX-HJ-050")
    assert huangju.list_price_fen == 4200
    assert "南丰蜜桔" in model_names(page) and "崇义南酸枣糕" in model_names(page)
    assert page.count_label.text() == "共 7 件商品"
    assert page.last_message == "已导入：新增 2，更新 1，未变 1，拒绝 1"
    combo = page.filter_bar.origin_combo
    assert "南丰县" in [combo.itemText(i) for i in range(combo.count())]


def test_cancelling_the_preview_writes_nothing(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    path = _write_csv(tmp_path / "new.csv", [["商品名称", "售价"], ["南丰蜜桔", "69.9"]])
    before = _snapshot(shop)
    _choose_file(monkeypatch, path)
    page.import_action.trigger()
    dialog = _preview(qtbot, page)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not page.importer.is_busy(), timeout=10_000)
    wait_idle(qtbot, page)
    assert _snapshot(shop) == before


def test_a_gbk_csv_with_full_width_digits_and_yuan_signs(qtbot, make_page, db, tmp_path, monkeypatch):
    page = make_page(db)
    path = _write_csv(tmp_path / "excel-gbk.csv", [
        ["商品名称", "售价", "直播价", "库存"],
        ["婺源皇菊", "１，２３４．５０", "¥1,000", "２００"],
        ["修水宁红茶", "128元", "98.00", "10"],
    ], encoding="gb18030")
    _choose_file(monkeypatch, path)
    page.import_action.trigger()
    dialog = _preview(qtbot, page)
    assert dialog.counts_label.text() == "新增 2 · 更新 0 · 未变 0 · 拒绝 0"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: count_products(db) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not page.importer.is_busy(), timeout=10_000)
    wait_idle(qtbot, page)
    rows = {r.name: r for r in list_products(db)}
    assert (rows["婺源皇菊"].list_price_fen, rows["婺源皇菊"].live_price_fen, rows["婺源皇菊"].stock) == (123450, 100000, 200)
    assert rows["修水宁红茶"].list_price_fen == 12800


def test_an_unreadable_file_is_reported_in_chinese(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    path = _write_csv(tmp_path / "orders.csv", [["订单号", "商品名称"], ["1", "皇菊"]])
    boxes = []
    monkeypatch.setattr("livestream_desk.ui.catalogue.import_dialog.report_error",
                        lambda parent, exc, title=None: boxes.append((title, str(exc))))
    _choose_file(monkeypatch, path)
    page.import_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    wait_idle(qtbot, page)
    assert boxes[0][0] == "无法导入这个文件"
    assert "订单" in boxes[0][1] and "orders.csv" in boxes[0][1]
    assert page.importer.preview_dialog is None and not page.importer.is_busy()


def test_reading_shows_progress_and_cancel_stops_it(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    path = _write_csv(tmp_path / "big.csv", [["商品名称"], ["皇菊"]])
    started = []

    def slow_read(database, file, progress, cancelled):
        started.append(file)
        for step in range(1000):
            progress(step, 1000)
            if cancelled():
                raise Cancelled()
            time.sleep(0.01)
        raise AssertionError("the cancel did not reach the reader")

    monkeypatch.setattr("livestream_desk.ui.catalogue.import_dialog.read_product_file", slow_read)
    _choose_file(monkeypatch, path)
    page.import_action.trigger()
    qtbot.waitUntil(lambda: page.importer.progress is not None and page.importer.progress.isVisible(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: page.importer.progress.value() > 0, timeout=10_000)
    cancel = page.importer.progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.importer.is_busy(), timeout=10_000)
    wait_idle(qtbot, page)
    assert page.importer.progress is None and page.importer.preview_dialog is None


def test_export_writes_the_filtered_view(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    combo = page.filter_bar.category_combo
    combo.setCurrentIndex(combo.findText("花草茶"))
    wait_idle(qtbot, page)
    asked = []
    monkeypatch.setattr(page_module, "ask_export_scope",
                        lambda parent, shown: asked.append(shown) or page_module.EXPORT_FILTERED)
    target = tmp_path / "花草茶.csv"
    _save_as(monkeypatch, target)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and not page.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)
    assert asked == [2]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == PRODUCT_COLUMNS
    assert sorted(r[0] for r in rows[1:]) == ["修水高山皇菊", "婺源皇菊"]
    assert page.last_message.startswith("已导出 2 件商品")


def test_export_of_the_whole_catalogue_round_trips_through_import(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    target = tmp_path / "全部商品"  # no suffix: the chosen file type decides
    _save_as(monkeypatch, target, "Excel 工作簿 (*.xlsx)")
    page.export_action.trigger()  # not filtered: the whole catalogue, without asking
    written = target.with_suffix(".xlsx")
    qtbot.waitUntil(lambda: written.exists() and not page.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)
    preview = read_product_file(shop, written)
    assert preview.counts == {"new": 0, "update": 0, "unchanged": 5, "rejected": 0}

    before = _snapshot(shop)
    _choose_file(monkeypatch, written)
    page.import_action.trigger()
    dialog = _preview(qtbot, page)
    assert dialog.counts_label.text() == "新增 0 · 更新 0 · 未变 5 · 拒绝 0"
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not page.importer.is_busy(), timeout=10_000)
    assert _snapshot(shop) == before


def test_the_template_is_written_where_the_user_says(qtbot, make_page, db, tmp_path, monkeypatch):
    page = make_page(db)
    target = tmp_path / "商品导入模板.xlsx"
    _save_as(monkeypatch, target)
    page.template_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and not page.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)
    preview = read_product_file(db, target)
    assert preview.rows == [] and tuple(preview.columns) == PRODUCT_COLUMNS


@pytest.mark.parametrize("answer", [None])
def test_export_scope_can_be_cancelled(qtbot, make_page, shop, tmp_path, monkeypatch, answer):
    page = make_page(shop)
    page.search_edit.setText("hj")
    page.flush_search()
    wait_idle(qtbot, page)
    monkeypatch.setattr(page_module, "ask_export_scope", lambda parent, shown: answer)
    called = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: called.append(1) or ("", ""))
    page.export_action.trigger()
    assert called == []
