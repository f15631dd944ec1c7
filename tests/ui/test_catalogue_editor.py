"""The product editor: every field lands in the database, bad input is shown next to its field
and writes nothing, a duplicate 商家编码 is refused, an edit can be undone."""
from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from livestream_desk import config
from livestream_desk.services.catalogue import get_product, list_products, stock_history

from .catalogue_support import make_page, model_names, row_of_name, shop, snapshot as _snapshot, type_text, wait_idle  # noqa: F401


def _open_new(qtbot, page):
    page.view.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    return page.editor


def _open_existing(qtbot, page, name):
    page.select_ids([r.id for r in page.model.loaded_rows() if r.name == name])
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    return page.editor


def _type(qtbot, widget, text):
    widget.setFocus()
    if hasattr(widget, "lineEdit") and widget.lineEdit() is not None:
        widget = widget.lineEdit()
    widget.selectAll()
    type_text(qtbot, widget, text)


def test_a_bad_price_is_shown_next_to_the_field_and_nothing_is_written(qtbot, make_page, shop):
    page = make_page(shop)
    before = _snapshot(shop)
    editor = _open_new(qtbot, page)
    _type(qtbot, editor.name_edit, "婺源皇菊 礼盒")
    _type(qtbot, editor.list_price_edit, "12元5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    label = editor.error_labels["list_price"]
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
    wait_idle(qtbot, page)
    assert "12元5" in label.text() and "元" in label.text()
    assert editor.isVisible()  # still open, with what the user typed
    assert editor.list_price_edit.text() == "12元5"
    assert editor.name_edit.text() == "婺源皇菊 礼盒"
    assert editor.list_price_edit.hasFocus()
    assert not editor.error_labels["name"].isVisible()
    assert _snapshot(shop) == before
    assert not page.undo_stack.canUndo()

    # Correcting it saves.
    _type(qtbot, editor.list_price_edit, "12.5")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    saved = [r for r in list_products(shop) if r.name == "婺源皇菊 礼盒"]
    assert len(saved) == 1 and saved[0].list_price_fen == 1250


def test_the_editor_checks_while_typing(qtbot, make_page, shop):
    page = make_page(shop)
    editor = _open_new(qtbot, page)
    assert not any(label.isVisible() for label in editor.error_labels.values())  # an empty form is not scolded
    _type(qtbot, editor.cost_edit, "1.234")
    label = editor.error_labels["cost"]
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
    assert "两位小数" in label.text()
    _type(qtbot, editor.cost_edit, "12.34")
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
    editor.reject()


def test_a_duplicate_sku_is_refused_with_a_message(qtbot, make_page, shop):
    page = make_page(shop)
    before = _snapshot(shop)
    editor = _open_new(qtbot, page)
    _type(qtbot, editor.name_edit, "另一个皇菊")
    _type(qtbot, editor.sku_edit, "JX-HJ-050")
    _type(qtbot, editor.list_price_edit, "30")
    editor.save_button.click()
    label = editor.error_labels["sku"]
    qtbot.waitUntil(lambda: label.isVisible() and not editor.is_saving(), timeout=10_000)
    wait_idle(qtbot, page)
    assert "JX-HJ-050" in label.text() and "婺源皇菊" in label.text() and "已被" in label.text()
    assert editor.isVisible()
    assert _snapshot(shop) == before
    editor.reject()


def test_a_new_product_lands_in_the_database_with_every_field(qtbot, make_page, shop, tmp_path, monkeypatch):
    page = make_page(shop)
    picture = tmp_path / "huangju.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("gold"))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(picture), ""))

    editor = _open_new(qtbot, page)
    _type(qtbot, editor.name_edit, "婺源皇菊 一杯一朵")
    _type(qtbot, editor.sku_edit, "JX-HJ-020")
    _type(qtbot, editor.category_combo, "花草茶")
    _type(qtbot, editor.spec_edit, "20朵/盒")
    _type(qtbot, editor.unit_combo, "盒")
    _type(qtbot, editor.list_price_edit, "¥88")
    _type(qtbot, editor.live_price_edit, "６８")  # full-width digits from a Chinese IME
    _type(qtbot, editor.cost_edit, "26.5元")
    _type(qtbot, editor.stock_edit, "30")
    _type(qtbot, editor.low_stock_edit, "5")
    _type(qtbot, editor.province_edit, "江西省")
    _type(qtbot, editor.county_edit, "婺源县")
    _type(qtbot, editor.town_edit, "江湾镇")
    _type(qtbot, editor.village_edit, "篁岭村")
    _type(qtbot, editor.producer_combo, "篁岭新合作社")
    editor.certification_checks["地理标志"].click()
    editor.certification_checks["有机"].click()
    _type(qtbot, editor.other_certifications_edit, "富硒")
    _type(qtbot, editor.shelf_life_edit, "365")
    _type(qtbot, editor.notes_edit, "冷藏避光")
    editor.photo_button.click()
    qtbot.waitUntil(lambda: bool(editor.photo_path()), timeout=10_000)
    assert editor.photo_label.pixmap() is not None and not editor.photo_label.pixmap().isNull()
    editor.platform_codes.add_code("douyin", "3581102299")
    editor.platform_codes.add_code("kuaishou", "KS-HJ-20")
    assert editor.margin_label.text() == "毛利率（按售价）69.9%"

    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)

    product_id = next(r.id for r in list_products(shop) if r.sku == "JX-HJ-020")
    d = get_product(shop, product_id)
    assert (d.name, d.sku, d.category, d.spec, d.unit) == ("婺源皇菊 一杯一朵", "JX-HJ-020", "花草茶", "20朵/盒", "盒")
    assert (d.list_price_fen, d.live_price_fen, d.cost_fen) == (8800, 6800, 2650)
    assert (d.stock, d.low_stock_threshold, d.shelf_life_days) == (30, 5, 365)
    assert (d.origin_province, d.origin_county, d.origin_town, d.origin_village) == ("江西省", "婺源县", "江湾镇", "篁岭村")
    assert d.producer == "篁岭新合作社"
    assert d.certifications == "地理标志、有机、富硒"
    assert d.notes == "冷藏避光"
    assert {(c.platform, c.code) for c in d.platform_codes} == {("douyin", "3581102299"), ("kuaishou", "KS-HJ-20")}
    assert d.photo_path.startswith("photos/") and (config.data_dir() / d.photo_path).read_bytes() == picture.read_bytes()
    assert [(m.delta, m.reason) for m in stock_history(shop, product_id)] == [(30, "初始库存")]
    assert "婺源皇菊 一杯一朵" in model_names(page)
    assert [r.id for r in page.selected_rows()] == [product_id]

    # New products can be undone too (and redone, with the same id).
    page.undo_action.trigger()
    qtbot.waitUntil(lambda: all(r.id != product_id for r in list_products(shop)), timeout=10_000)
    wait_idle(qtbot, page)
    page.redo_action.trigger()
    qtbot.waitUntil(lambda: any(r.id == product_id for r in list_products(shop)), timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id).platform_codes == d.platform_codes


def test_editing_keeps_unchanged_fields_and_undo_restores_the_old_values(qtbot, make_page, shop):
    page = make_page(shop)
    product_id = next(r.id for r in list_products(shop) if r.name == "婺源皇菊")
    before = get_product(shop, product_id)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    assert editor.list_price_edit.text() == "39.90"
    assert editor.stock_label.text() == "95"
    assert not editor.stock_edit.isVisible()  # stock changes go through the stock dialog
    assert editor.certification_checks["地理标志"].isChecked()
    _type(qtbot, editor.list_price_edit, "42")
    _type(qtbot, editor.name_edit, "婺源皇菊 特级")
    editor.save_button.click()
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    after = get_product(shop, product_id)
    assert (after.name, after.list_price_fen) == ("婺源皇菊 特级", 4200)
    changing = ("name", "list_price_fen", "updated_at", "version", "updated_by")  # services.versions
    same = {k: v for k, v in asdict(after).items() if k not in changing}
    assert same == {k: v for k, v in asdict(before).items() if k not in changing}
    assert page.undo_action.text() == "撤销 编辑“婺源皇菊 特级”(&U)"
    assert model_names(page)[row_of_name(page, "婺源皇菊 特级")] == "婺源皇菊 特级"

    page.undo_action.trigger()
    qtbot.waitUntil(lambda: get_product(shop, product_id).name == "婺源皇菊", timeout=10_000)
    wait_idle(qtbot, page)
    restored = get_product(shop, product_id)
    unversioned = ("updated_at", "version", "updated_by")
    assert {k: v for k, v in asdict(restored).items() if k not in unversioned} == {
        k: v for k, v in asdict(before).items() if k not in unversioned}


def test_saving_an_unchanged_product_writes_nothing(qtbot, make_page, shop):
    page = make_page(shop)
    before = _snapshot(shop)
    editor = _open_existing(qtbot, page, "广昌白莲")
    editor.save_button.click()
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert _snapshot(shop) == before
    assert not page.undo_stack.canUndo()


def test_a_negative_stock_or_threshold_is_refused(qtbot, make_page, shop):
    page = make_page(shop)
    before = _snapshot(shop)
    editor = _open_new(qtbot, page)
    _type(qtbot, editor.name_edit, "测试")
    _type(qtbot, editor.stock_edit, "-3")
    _type(qtbot, editor.low_stock_edit, "两个")
    editor.save()
    qtbot.waitUntil(lambda: editor.error_labels["stock"].isVisible() and not editor.is_saving(), timeout=10_000)
    assert "不能为负" in editor.error_labels["stock"].text()
    assert "整数" in editor.error_labels["low_stock_threshold"].text()
    assert _snapshot(shop) == before
    editor.reject()


def test_platform_codes_of_another_product_are_refused(qtbot, make_page, shop):
    from livestream_desk.services.catalogue import set_platform_codes

    set_platform_codes(shop, next(r.id for r in list_products(shop) if r.name == "赣南脐橙"), [("douyin", "777")])
    page = make_page(shop)
    editor = _open_existing(qtbot, page, "婺源皇菊")
    editor.platform_codes.add_code("douyin", "777")
    editor.save()
    label = editor.error_labels["platform_codes"]
    qtbot.waitUntil(lambda: label.isVisible() and not editor.is_saving(), timeout=10_000)
    assert "抖音" in label.text() and "赣南脐橙" in label.text()
    editor.reject()
