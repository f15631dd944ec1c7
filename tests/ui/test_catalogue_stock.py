"""The stock dialog (adjust with a reason → history; low-stock threshold) and the categories
dialog (add, rename, merge, delete an empty one)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from livestream_desk.services.catalogue import get_product, list_categories, list_products, stock_history
from livestream_desk.ui.catalogue.table_model import ProductTableModel

from .catalogue_support import make_page, row_of_name, shop, snapshot, type_text, wait_idle  # noqa: F401


def _id(db, name):
    return next(r.id for r in list_products(db) if r.name == name)


def _open_stock(qtbot, page, name):
    page.select_ids([_id(page.database, name)])
    page.stock_action.trigger()
    qtbot.waitUntil(lambda: page.stock_dialog is not None and page.stock_dialog.isVisible(), timeout=10_000)
    dialog = page.stock_dialog
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=10_000)
    return dialog


def test_a_stock_change_with_a_reason_lands_in_the_history(qtbot, make_page, shop):
    page = make_page(shop)
    product_id = _id(shop, "赣南脐橙")
    dialog = _open_stock(qtbot, page, "赣南脐橙")
    assert dialog.stock_label.text().startswith("当前库存：50 箱")
    assert dialog.history_model.rowCount() == 1  # the opening stock

    dialog.change_spin.setFocus()
    dialog.change_spin.selectAll()
    qtbot.keyClicks(dialog.change_spin, "-8")
    dialog.reason_combo.setFocus()
    type_text(qtbot, dialog.reason_combo.lineEdit(), "损耗报废")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.history_model.rowCount() == 2 and not dialog.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)

    assert get_product(shop, product_id).stock == 42
    newest = stock_history(shop, product_id)[0]
    assert (newest.delta, newest.reason, newest.stock_after) == (-8, "损耗报废", 42)
    model = dialog.history_model
    assert [model.data(model.index(0, c)) for c in (1, 2, 3)] == ["−8", "42", "损耗报废"]
    assert dialog.stock_label.text().startswith("当前库存：42 箱")
    assert dialog.change_spin.value() == 0 and dialog.reason_combo.currentText() == ""
    row = row_of_name(page, "赣南脐橙")  # the list follows
    assert page.model.data(page.model.index(row, ProductTableModel.STOCK)) == "42"


def test_a_change_without_a_reason_or_beyond_the_stock_writes_nothing(qtbot, make_page, shop):
    page = make_page(shop)
    before = snapshot(shop)
    dialog = _open_stock(qtbot, page, "赣南脐橙")
    dialog.change_spin.setValue(5)
    dialog.apply_button.click()
    assert dialog.change_error.isVisible() and "原因" in dialog.change_error.text()
    wait_idle(qtbot, page)
    assert snapshot(shop) == before

    dialog.change_spin.setValue(-80)
    dialog.reason_combo.setEditText("出库")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.is_loading() and dialog.change_error.isVisible(), timeout=10_000)
    assert "50" in dialog.change_error.text() and "80" in dialog.change_error.text()
    assert dialog.change_spin.value() == -80  # what the user typed stays
    assert snapshot(shop) == before


def test_the_low_stock_threshold_changes_the_highlight(qtbot, make_page, shop):
    page = make_page(shop)
    product_id = _id(shop, "赣南脐橙")
    dialog = _open_stock(qtbot, page, "赣南脐橙")
    assert dialog.threshold_spin.value() == 10
    dialog.threshold_spin.setValue(60)
    dialog.threshold_button.click()
    qtbot.waitUntil(lambda: get_product(shop, product_id).low_stock_threshold == 60, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)
    row = page.model.row_of(product_id)
    assert page.model.product(row).low_stock
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "60" in dialog.stock_label.text()
    dialog.accept()


def _answers(monkeypatch, *texts, item=None):
    queue = list(texts)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (queue.pop(0), True))
    if item is not None:
        monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (item, True))


def _categories(qtbot, page):
    page.categories_action.trigger()
    dialog = page.categories_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and not dialog.is_loading(), timeout=10_000)
    return dialog


def _names(dialog):
    return [c.name for c in dialog.model.categories()]


def test_categories_add_rename_merge_delete(qtbot, make_page, shop, monkeypatch):
    page = make_page(shop)
    dialog = _categories(qtbot, page)
    assert sorted(_names(dialog)) == ["干货", "水果", "粮油", "花草茶"]

    _answers(monkeypatch, "手工艺品")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "手工艺品" in _names(dialog) and not dialog.is_loading(), timeout=10_000)
    assert dialog.selected().name == "手工艺品"
    assert dialog.delete_button.isEnabled()  # empty
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: "手工艺品" not in _names(dialog) and not dialog.is_loading(), timeout=10_000)

    dialog.select_name("花草茶")
    assert not dialog.delete_button.isEnabled()  # has products: merge instead
    _answers(monkeypatch, "茶叶")
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: "茶叶" in _names(dialog) and not dialog.is_loading(), timeout=10_000)

    dialog.select_name("干货")
    _answers(monkeypatch, item="茶叶")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: "干货" not in _names(dialog) and not dialog.is_loading(), timeout=10_000)
    wait_idle(qtbot, page)
    assert {c.name: c.product_count for c in list_categories(shop)}["茶叶"] == 3
    combo = page.filter_bar.category_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == _names(dialog)
    lotus = row_of_name(page, "广昌白莲")
    assert page.model.data(page.model.index(lotus, ProductTableModel.CATEGORY)) == "茶叶"


def test_a_duplicate_category_name_is_refused(qtbot, make_page, shop, monkeypatch):
    page = make_page(shop)
    dialog = _categories(qtbot, page)
    _answers(monkeypatch, "水果")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "已经有" in dialog.error_label.text() and "水果" in dialog.error_label.text()
    assert sorted(_names(dialog)) == ["干货", "水果", "粮油", "花草茶"]
    dialog.accept()
