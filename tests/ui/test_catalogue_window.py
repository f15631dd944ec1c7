"""The Catalogue page inside the main window: its menus and shortcuts, File actions from other
pages, Delete only in the list, and a Chinese screen."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMessageBox

from livestream_desk.services.catalogue import count_products
from livestream_desk.domain.pinyin_keys import name_sort_key

from .catalogue_support import shop  # noqa: F401


def _shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)


def _menu_texts(menu):
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_catalogue_is_the_third_page_with_file_and_edit_menus(qtbot, window_factory, shop):
    window = _shown(qtbot, window_factory(shop))
    assert window.page_keys()[2] == "catalogue"  # DESIGN §8: 概览 · 直播排期 · 商品 · 销售 · 报表 · 设置
    assert window.nav.item(2).text() == "商品"
    files = _menu_texts(window.file_menu)
    start = files.index("导入商品(&I)…")
    assert files[start:start + 3] == ["导入商品(&I)…", "导出商品(&E)…", "下载商品导入模板(&T)…"]
    assert "新建商品(&N)…" not in _menu_texts(window.edit_menu)  # the Edit menu is the page's on screen
    page = window.show_page("catalogue")
    edit = _menu_texts(window.edit_menu)
    assert edit[:2] == ["撤销(&U)", "重做(&R)"]
    assert "新建商品(&N)…" in edit and "删除(&D)" in edit and "查找商品(&F)" in edit
    assert all(action.isEnabled() for action in (page.new_action, page.find_action))
    assert page.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in page.redo_action.shortcuts()
    _idle(qtbot, window)


def test_page_shortcuts_work_only_on_the_catalogue_page(qtbot, window_factory, shop):
    window = _shown(qtbot, window_factory(shop))
    page = window.page("catalogue")
    assert window.current_page_key() == "dashboard"
    assert not page.new_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor is None and window.current_page_key() == "dashboard"

    window.show_page("catalogue")
    _idle(qtbot, window)
    assert page.count_label.text() == "共 5 件商品"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    assert page.editor.windowTitle() == "新建商品"
    page.editor.reject()
    qtbot.waitUntil(lambda: page.editor is None, timeout=3000)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    _idle(qtbot, window)


def test_delete_in_the_search_box_deletes_text_not_products(qtbot, window_factory, shop, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Yes)
    window = _shown(qtbot, window_factory(shop))
    page = window.show_page("catalogue")
    _idle(qtbot, window)
    page.select_row(0)
    page.search_edit.setFocus()
    page.search_edit.setText("hj")
    page.search_edit.setCursorPosition(0)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Delete)
    assert page.search_edit.text() == "j"
    _idle(qtbot, window)
    assert asked == [] and count_products(shop) == 5


def test_import_from_another_page_brings_the_catalogue_forward(qtbot, window_factory, shop, tmp_path, monkeypatch):
    path = tmp_path / "new.csv"
    path.write_text("商品名称,售价\n南丰蜜桔,69.9\n", encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window = _shown(qtbot, window_factory(shop))
    window.show_page("reports")
    _idle(qtbot, window)
    window.page("catalogue").import_action.trigger()
    assert window.current_page_key() == "catalogue"
    page = window.page("catalogue")
    qtbot.waitUntil(lambda: page.importer.preview_dialog is not None, timeout=10_000)
    page.importer.preview_dialog.import_button.click()
    qtbot.waitUntil(lambda: count_products(shop) == 6 and not page.importer.is_busy(), timeout=10_000)
    _idle(qtbot, window)
    assert "南丰蜜桔" in [r.name for r in page.model.loaded_rows()]
    assert window.statusBar().currentMessage().startswith("已导入：新增 1")


_ALLOWED_LATIN = {"Excel", "CSV", "Ctrl", "hj", "huangju"}


def test_the_catalogue_page_is_chinese(qtbot, window_factory, demo_db):
    window = _shown(qtbot, window_factory(demo_db))
    page = window.show_page("catalogue")
    _idle(qtbot, window)
    products = {r.name for r in page.model.loaded_rows()} | {r.spec for r in page.model.loaded_rows()}
    texts = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in page.findChildren(QAbstractButton)] + [w.toolTip() for w in page.findChildren(QAbstractButton)]
    texts += [page.search_edit.placeholderText()]
    model = page.model
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    texts += [model.data(model.index(0, c)) for c in range(model.columnCount())]
    leftovers = {}
    for text in texts:
        if not text or text in products:
            continue
        words = {w for w in re.findall(r"[A-Za-z_]{2,}", re.sub(r"&[A-Za-z]", "", text)) if w not in _ALLOWED_LATIN}
        if words:
            leftovers[text] = words
    assert not leftovers, leftovers


def test_column_widths_order_and_sort_are_kept_between_runs(qtbot, window_factory, shop):
    from livestream_desk.ui.catalogue.table_model import ProductTableModel

    first = _shown(qtbot, window_factory(shop))
    page = first.show_page("catalogue")
    _idle(qtbot, first)
    header = page.view.horizontalHeader()
    header.resizeSection(ProductTableModel.NAME, 333)
    header.moveSection(header.visualIndex(ProductTableModel.NAME), 3)
    page.view.sortByColumn(ProductTableModel.NAME, Qt.SortOrder.DescendingOrder)
    _idle(qtbot, first)
    first.close()

    second = _shown(qtbot, window_factory(shop))
    page = second.page("catalogue")
    _idle(qtbot, second)
    header = page.view.horizontalHeader()
    assert header.sectionSize(ProductTableModel.NAME) == 333
    assert header.visualIndex(ProductTableModel.NAME) == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    names = [page.model.index(row, ProductTableModel.NAME).data() for row in range(page.model.rowCount())]
    assert names == sorted(names, key=name_sort_key, reverse=True)  # the restored sort was applied by the query too
