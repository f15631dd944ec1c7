"""The product editor never shows a photo from outside the photos folder, and does not save
such a path (issue 7 item 10); removing the photo lets the product be saved again."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import update

from livestream_desk.db import models
from livestream_desk.services.catalogue import get_product

from .catalogue_support import make_page, shop, wait_idle  # noqa: F401


def test_a_photo_outside_the_folder_is_not_shown_nor_saved(qtbot, make_page, shop, tmp_path):
    outside = tmp_path / "outside.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(outside))
    product_id = next(p.id for p in _products(shop) if p.name == "赣南脐橙")
    with shop.engine.begin() as conn:
        conn.execute(update(models.Product).where(models.Product.id == product_id).values(photo_path=str(outside)))

    page = make_page(shop)
    page.select_ids([product_id])
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=10_000)
    editor = page.editor
    pixmap = editor.photo_label.pixmap()
    assert pixmap is None or pixmap.isNull()  # the outside picture is not loaded

    editor.notes_edit.setPlainText("换新包装")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.error_labels["photo_path"].isVisible(), timeout=10_000)
    assert "photo folder" in editor.error_labels["photo_path"].text() or "照片" in editor.error_labels["photo_path"].text()
    assert get_product(shop, product_id).notes != "换新包装"

    editor.remove_photo_button.click()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is None, timeout=10_000)
    wait_idle(qtbot, page)
    detail = get_product(shop, product_id)
    assert (detail.notes, detail.photo_path) == ("换新包装", "")


def _products(db):
    from livestream_desk.services.catalogue import list_products

    return list_products(db)
