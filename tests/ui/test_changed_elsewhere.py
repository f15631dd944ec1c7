"""Editors and changes made on another PC (issue 11 item 3): the editor opened, the row
changed through another connection, save → the question names who and when; 重新载入 shows
the new values, 覆盖 saves over them, 返回 keeps what was typed; never a silent overwrite."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from livestream_desk.db.engine import open_database
from livestream_desk.services import schedule, versions

from .schedule_support import fixed_clock, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name

OTHER_PC = "amei@SHOP-PC2"


@pytest.fixture
def stream(db, fixed_clock):
    saved = schedule.create_livestream(db, schedule.LivestreamInput(
        title="年货节专场", platform="douyin", scheduled_start=datetime(2026, 12, 3, 19, 30), planned_minutes=120))
    return saved.livestream_id


def change_on_the_other_pc(db, monkeypatch, livestream_id, **changes):
    monkeypatch.setattr(versions, "writer_name", lambda: OTHER_PC)
    other = open_database(db.path)
    try:
        row = schedule.get_livestream(other, livestream_id)
        data = schedule.LivestreamInput(title=row.title, platform=row.platform, scheduled_start=row.scheduled_start,
                                        planned_minutes=row.planned_minutes, theme=row.theme, notes=row.notes)
        schedule.update_livestream(other, livestream_id, replace(data, **changes), expected_version=row.version)
    finally:
        other.dispose()
        monkeypatch.undo()


def open_editor(qtbot, page, livestream_id):
    page.open_livestream(livestream_id)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is not None)
    return page.editor


def save_and_meet_the_question(qtbot, page, editor):
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: editor.conflict_box is not None and editor.conflict_box.isVisible())
    return editor.conflict_box


def test_reload_shows_the_other_pcs_values(qtbot, schedule_page, db, stream, monkeypatch):
    page = schedule_page
    editor = open_editor(qtbot, page, stream)
    editor.title_edit.setText("本机改的标题")
    change_on_the_other_pc(db, monkeypatch, stream, title="年货节皇菊专场", theme="年货节")

    box = save_and_meet_the_question(qtbot, page, editor)
    assert OTHER_PC in box.text() and "2026-11-29 10:00" in box.text()
    assert (box.reload_button.text(), box.overwrite_button.text(), box.back_button.text()) == ("重新载入", "覆盖", "返回")
    assert "修改" in box.text()  # the message in Chinese too
    assert schedule.get_livestream(db, stream).title == "年货节皇菊专场"  # nothing of mine written yet

    qtbot.mouseClick(box.reload_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: editor.title_edit.text() == "年货节皇菊专场")
    assert editor.theme_edit.text() == "年货节" and editor.version == 2
    assert editor.save_button.isEnabled() and page.editor is editor  # still open, now on the new values


def test_overwrite_saves_over_the_other_change_knowingly(qtbot, schedule_page, db, stream, monkeypatch):
    page = schedule_page
    editor = open_editor(qtbot, page, stream)
    editor.title_edit.setText("本机改的标题")
    change_on_the_other_pc(db, monkeypatch, stream, title="年货节皇菊专场")

    box = save_and_meet_the_question(qtbot, page, editor)
    qtbot.mouseClick(box.overwrite_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)
    row = schedule.get_livestream(db, stream)
    assert (row.title, row.version) == ("本机改的标题", 3)


def test_go_back_keeps_what_was_typed(qtbot, schedule_page, db, stream, monkeypatch):
    page = schedule_page
    editor = open_editor(qtbot, page, stream)
    editor.title_edit.setText("本机改的标题")
    change_on_the_other_pc(db, monkeypatch, stream, notes="换主播")

    box = save_and_meet_the_question(qtbot, page, editor)
    qtbot.mouseClick(box.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert editor.title_edit.text() == "本机改的标题" and editor.save_button.isEnabled()
    assert schedule.get_livestream(db, stream).title == "年货节专场"
    editor.unsaved.mark_clean()
    editor.reject()


def test_a_sale_line_changed_elsewhere_reload_then_save(qtbot, db, fixed_clock, monkeypatch):
    from livestream_desk.db.models import Product
    from livestream_desk.services import sales, uow
    from livestream_desk.services.sale_lines import SaleLineWriter

    with uow.writing(db) as s:
        s.add(Product(name="婺源皇菊", list_price_fen=2990, stock=50))
    sale_id = sales.create_sale(db, sales.SaleInput(product_id=1, quantity="2", unit_price="29.90",
                                                    paid_at="2026-11-29 09:00"))
    page = None
    try:
        from livestream_desk.ui.sales.page import SalesPage
        from livestream_desk.ui.tasks import TaskRunner

        runner = TaskRunner()
        page = SalesPage(db, runner)
        qtbot.addWidget(page)
        page.show()
        page.set_active(True)
        qtbot.waitUntil(lambda: page.model.has_loaded() and not page.is_loading() and page.options is not None,
                        timeout=15_000)
        page._open_entry(sales.get_sale(db, sale_id))
        dialog = page.entry_dialog
        assert dialog.version == 1
        dialog.quantity.setValue(3)

        monkeypatch.setattr(versions, "writer_name", lambda: OTHER_PC)
        monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 10, 0, 0))
        other = open_database(db.path)
        with uow.writing(other) as s, SaleLineWriter(s, adjust_stock=True) as lines:
            lines.update(sale_id, {"quantity": 5, "paid_fen": 5 * 2990})
        other.dispose()
        monkeypatch.undo()

        dialog.submit()
        qtbot.waitUntil(lambda: dialog.conflict_box is not None and dialog.conflict_box.isVisible(), timeout=5000)
        assert OTHER_PC in dialog.conflict_box.text()
        assert sales.get_sale(db, sale_id).quantity == 5  # not overwritten
        qtbot.mouseClick(dialog.conflict_box.reload_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.quantity.value() == 5 and dialog.version == 2, timeout=5000)
        assert dialog.buttons.isEnabled()

        dialog.quantity.setValue(4)  # now on the saved values: saves without a question
        dialog.submit()
        qtbot.waitUntil(lambda: sales.get_sale(db, sale_id).quantity == 4, timeout=5000)
    finally:
        if page is not None:
            runner.cancel_all()
            runner.wait(5000)


def test_the_product_editor_asks_then_reloads_or_overwrites(qtbot, db, monkeypatch):
    from livestream_desk.services import catalogue

    from .catalogue_support import PRODUCTS, wait_idle as catalogue_idle
    from livestream_desk.ui.catalogue.page import CataloguePage
    from livestream_desk.ui.tasks import TaskRunner

    for product in PRODUCTS[:2]:
        catalogue.create_product(db, product)
    runner = TaskRunner()
    page = CataloguePage(db, runner)
    qtbot.addWidget(page)
    page.show()
    page.set_active(True)
    try:
        catalogue_idle(qtbot, page)
        product_id = next(r.id for r in catalogue.list_products(db) if r.name == "婺源皇菊")
        page.select_ids([product_id])
        page.edit_action.trigger()
        qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
        editor = page.editor
        editor.notes_edit.setPlainText("本机的备注")

        monkeypatch.setattr(versions, "writer_name", lambda: OTHER_PC)
        other = open_database(db.path)
        theirs = catalogue.get_product(other, product_id)
        catalogue.update_product(other, product_id, replace(catalogue.product_input_from(theirs), list_price="45"),
                                 expected_version=theirs.version)
        other.dispose()
        monkeypatch.undo()

        editor.save_button.click()
        qtbot.waitUntil(lambda: editor.conflict_box is not None and editor.conflict_box.isVisible(), timeout=10_000)
        assert OTHER_PC in editor.conflict_box.text()
        assert catalogue.get_product(db, product_id).notes != "本机的备注"
        qtbot.mouseClick(editor.conflict_box.reload_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.list_price_edit.text() == "45.00" and editor.version == 2, timeout=10_000)
        assert editor.notes_edit.toPlainText() != "本机的备注" and page.editor is editor

        editor.notes_edit.setPlainText("本机的备注")
        editor.save_button.click()  # on the reloaded version: saves at once
        qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
        saved = catalogue.get_product(db, product_id)
        assert (saved.notes, saved.list_price_fen, saved.version) == ("本机的备注", 4500, 3)
    finally:
        runner.cancel_all()
        runner.wait(5000)


def test_a_lineup_entry_changed_elsewhere_asks_before_overwriting(qtbot, schedule_page, db, stream, monkeypatch):
    from sqlalchemy import insert

    from livestream_desk.db.models import Product

    page = schedule_page
    with db.engine.begin() as conn:
        conn.execute(insert(Product).values(name="婺源皇菊", list_price_fen=5990, stock=10))
    schedule.add_to_lineup(db, stream, [1])
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(stream)
    page.open_lineup()
    dialog = page.lineup_dialog
    wait_idle(qtbot, page)
    item = dialog.model.item_at(0)

    dialog.model.setData(dialog.model.index(0, 5), "30")  # this PC's own edits follow each other freely
    wait_idle(qtbot, page)
    dialog.model.setData(dialog.model.index(0, 5), "25")
    wait_idle(qtbot, page)
    assert dialog.conflict_box is None

    monkeypatch.setattr(versions, "writer_name", lambda: OTHER_PC)
    other = open_database(db.path)
    shown = next(i for i in schedule.lineup(other, stream) if i.id == item.id)
    schedule.set_lineup_item(other, item.id, talking_points="高山云雾", expected_version=shown.version)
    other.dispose()
    monkeypatch.undo()

    dialog.model.setData(dialog.model.index(0, 4), "¥35.00")
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: dialog.conflict_box is not None and dialog.conflict_box.isVisible())
    assert OTHER_PC in dialog.conflict_box.text()
    assert next(i for i in schedule.lineup(db, stream) if i.id == item.id).live_price_fen != 3500
    qtbot.mouseClick(dialog.conflict_box.overwrite_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    saved = next(i for i in schedule.lineup(db, stream) if i.id == item.id)
    assert (saved.live_price_fen, saved.talking_points, saved.allotted_stock) == (3500, "高山云雾", 25)
    dialog.close()
