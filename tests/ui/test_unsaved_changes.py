"""Esc, 取消/关闭 or the close button in an editor with typed changes asks 保存 / 放弃 / 继续编辑;
with nothing changed it closes at once (issue 7 item 16). One helper
(ui/widgets/unsaved_changes.py) serves the product, livestream and sale editors."""
from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from livestream_desk.services import sales
from livestream_desk.services.catalogue import get_product
from livestream_desk.ui.tasks import TaskRunner

from .catalogue_support import make_page, shop, snapshot, type_text, wait_idle
from .schedule_support import fixed_clock, schedule_page

__all__ = ["make_page", "shop", "fixed_clock", "schedule_page"]  # fixtures of the support modules, asked for by name


def _open_existing(qtbot, page, name):
    page.select_ids([r.id for r in page.model.loaded_rows() if r.name == name])
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    return page.editor


def _closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _question(qtbot, dialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.unsaved.box is not None and dialog.unsaved.box.isVisible(), timeout=5000)
    return dialog.unsaved.box


def _texts(box: QMessageBox) -> list[str]:
    return [button.text() for button in box.buttons()]


def test_an_unchanged_product_editor_closes_on_esc_without_asking(qtbot, make_page, shop):
    page = make_page(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.editor is None, timeout=5000)
    assert editor.unsaved.box is None


def test_esc_with_typed_changes_asks_and_keep_editing_keeps_them(qtbot, make_page, shop):
    page = make_page(shop)
    before = snapshot(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    editor.spec_edit.setFocus()
    editor.spec_edit.selectAll()
    type_text(qtbot, editor.spec_edit, "100朵/盒")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = _question(qtbot, editor)
    assert sorted(_texts(box)) == sorted(["保存", "放弃", "继续编辑"])
    qtbot.mouseClick(editor.unsaved.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.unsaved.box is None, timeout=5000)
    assert editor.isVisible() and editor.spec_edit.text() == "100朵/盒"

    # 取消 asks too; 放弃 closes and writes nothing
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    _question(qtbot, editor)
    qtbot.mouseClick(editor.unsaved.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None, timeout=5000)
    wait_idle(qtbot, page)
    assert snapshot(shop) == before


def test_save_in_the_question_saves_and_closes(qtbot, make_page, shop):
    page = make_page(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    product_id = editor.detail.id
    editor.spec_edit.setFocus()
    editor.spec_edit.selectAll()
    type_text(qtbot, editor.spec_edit, "100朵/盒")
    editor.close()  # the window's close button
    _question(qtbot, editor)
    qtbot.mouseClick(editor.unsaved.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id).spec == "100朵/盒"


def test_a_product_typed_back_to_what_it_was_closes_without_asking(qtbot, make_page, shop):
    page = make_page(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    editor.spec_edit.setFocus()
    editor.spec_edit.selectAll()
    type_text(qtbot, editor.spec_edit, "x")
    editor.spec_edit.selectAll()
    type_text(qtbot, editor.spec_edit, "50朵/盒")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.editor is None, timeout=5000)


def test_the_livestream_editor_asks_too(qtbot, schedule_page):
    page = schedule_page
    page.new_livestream(date(2026, 12, 3))
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    editor = page.editor
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing typed: closes
    qtbot.waitUntil(lambda: _closed(editor), timeout=5000)

    page.new_livestream(date(2026, 12, 3))
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible() and page.editor is not editor,
                    timeout=10_000)
    editor = page.editor
    editor.title_edit.setText("年货节专场")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = _question(qtbot, editor)
    assert sorted(_texts(box)) == sorted(["保存", "放弃", "继续编辑"])
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc in the question keeps editing
    qtbot.waitUntil(lambda: editor.unsaved.box is None, timeout=5000)
    assert editor.isVisible() and editor.title_edit.text() == "年货节专场"
    editor.reject()
    _question(qtbot, editor)
    qtbot.mouseClick(editor.unsaved.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(editor), timeout=5000)


@pytest.fixture
def sales_page(qtbot, demo_db):
    from livestream_desk.ui.sales.page import SalesPage

    runner = TaskRunner()
    widget = SalesPage(demo_db, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.set_active(True)
    qtbot.waitUntil(lambda: widget.model.has_loaded() and not widget.is_loading() and widget.options is not None,
                    timeout=15_000)
    yield widget
    runner.cancel_all()
    runner.wait(5000)


def test_the_sale_entry_dialog_asks_too(qtbot, sales_page, demo_db):
    page = sales_page
    before = sales.count_sales(demo_db)
    page.new_action.trigger()
    qtbot.waitUntil(lambda: page.entry_dialog is not None and page.entry_dialog.isVisible(), timeout=5000)
    dialog = page.entry_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=5000)

    page.new_action.trigger()
    qtbot.waitUntil(lambda: page.entry_dialog is not None and page.entry_dialog is not dialog
                    and page.entry_dialog.isVisible(), timeout=5000)
    dialog = page.entry_dialog
    dialog.order_id.setText("JX-2026-001")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    _question(qtbot, dialog)
    qtbot.mouseClick(dialog.unsaved.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=5000)
    assert sales.count_sales(demo_db) == before
