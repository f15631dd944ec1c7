"""Clearing 售价 in the product editor (or typing a space) does not save ¥0.00: the editor
shows the field's message and writes nothing; 0 is saved only when typed (issue 7 item 12)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from livestream_desk.services.catalogue import get_product

from .catalogue_support import make_page, shop, snapshot, type_text, wait_idle  # noqa: F401 - fixtures


def _open_existing(qtbot, page, name):
    page.select_ids([r.id for r in page.model.loaded_rows() if r.name == name])
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    return page.editor


def _set_price(qtbot, editor, text):
    edit = editor.list_price_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text:
        type_text(qtbot, edit, text)


@pytest.mark.parametrize("typed", ["", " "])
def test_a_cleared_price_is_refused_next_to_the_field(qtbot, make_page, shop, typed):
    page = make_page(shop)
    before = snapshot(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    _set_price(qtbot, editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    label = editor.error_labels["list_price"]
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    wait_idle(qtbot, page)
    assert label.text() == "请填写售价"
    assert editor.isVisible() and editor.list_price_edit.text() == typed
    assert snapshot(shop) == before
    assert not page.undo_stack.canUndo()


def test_a_new_product_without_a_price_is_not_saved(qtbot, make_page, shop):
    page = make_page(shop)
    before = snapshot(shop)
    page.new_product()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    editor = page.editor
    editor.name_edit.setFocus()
    type_text(qtbot, editor.name_edit, "安福火腿")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.error_labels["list_price"].isVisible, timeout=10_000)
    wait_idle(qtbot, page)
    assert snapshot(shop) == before


def test_zero_is_saved_when_typed(qtbot, make_page, shop):
    page = make_page(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    product_id = editor.detail.id
    _set_price(qtbot, editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id).list_price_fen == 0
