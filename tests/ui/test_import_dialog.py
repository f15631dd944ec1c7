"""The order import dialog and the import history, driven like a user would."""
from __future__ import annotations

from sqlalchemy import func, select

from livestream_desk.db.models import PlatformCode, Product, Sale
from livestream_desk.domain.validation import ProductInput
from livestream_desk.services import uow
from livestream_desk.services.catalogue import create_product
from livestream_desk.ui.imports import ImportHistoryDialog, OrderImportDialog
from livestream_desk.ui.imports.models import REJECTED
from tests.services.importers.support import DOUYIN_HEADER, SAMPLES, douyin_row, write_csv


def count(db, model, where=None) -> int:
    with uow.reading(db) as conn:
        query = select(func.count()).select_from(model)
        return conn.execute(query.where(where) if where is not None else query).scalar_one()


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)


def test_preview_map_and_import(qtbot, db, tmp_path):
    tea = create_product(db, ProductInput(name="修水宁红茶 特级", spec="250g/罐", list_price="88"))
    rows = [douyin_row(line="1"), douyin_row(line="2", qty="x"),
            douyin_row(line="3", name="宁红茶", spec="", code="", pid="999")]
    path = write_csv(tmp_path / "orders.csv", DOUYIN_HEADER, rows)
    dialog = OrderImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(path))
    wait_idle(qtbot, dialog)
    assert "Douyin" in dialog.detected_label.text() or "抖店" in dialog.detected_label.text()
    assert dialog.preview.new == 2 and len(dialog.preview.rejected) == 1
    model = dialog.preview_model
    assert model.rowCount() == 3 and model.kind(0) == REJECTED
    assert model.data(model.index(0, 1)) == 3 and model.data(model.index(0, 4)) == "商品数量"
    assert count(db, Sale) == 0  # a preview writes nothing

    unmatched = dialog.unmatched_model
    assert unmatched.rowCount() == 2
    row = next(r for r in range(2) if unmatched.item(r).name == "宁红茶")
    dialog.unmatched_view.selectRow(row)
    dialog.product_combo.setCurrentIndex(dialog.product_combo.findData(tea.id))
    qtbot.mouseClick(dialog.map_button, qtbot_button())
    assert "修水宁红茶" in unmatched.data(unmatched.index(row, 5))
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, qtbot_button())
    wait_idle(qtbot, dialog)
    assert dialog.result.new == 2
    assert count(db, Sale) == 2
    assert count(db, Sale, Sale.product_id == tea.id) == 1
    assert count(db, PlatformCode, (PlatformCode.code == "999") & (PlatformCode.product_id == tea.id)) == 1
    assert count(db, Product, Product.needs_review) == 1  # the other product was created


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_cancel_leaves_nothing(qtbot, db, tmp_path):
    dialog = OrderImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.load_file(str(SAMPLES / "jd_orders.csv"))
    dialog.cancel()
    wait_idle(qtbot, dialog)
    assert count(db, Sale) == 0


def test_unreadable_file_is_explained(qtbot, db, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("livestream_desk.ui.errors.report_error", lambda parent, exc, title=None: shown.append(exc))
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 10)
    dialog = OrderImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.load_file(str(path))
    wait_idle(qtbot, dialog)
    assert shown and not dialog.import_button.isEnabled()
    assert "binary" in dialog.detected_label.text() or "二进制" in dialog.detected_label.text()


def test_history_undo(qtbot, db):
    dialog = OrderImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.load_file(str(SAMPLES / "douyin_orders.csv"))
    wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, qtbot_button())
    wait_idle(qtbot, dialog)
    assert count(db, Sale) == 66

    history = ImportHistoryDialog(db)
    qtbot.addWidget(history)
    history.confirm = False
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10000)
    assert history.undo_button.isEnabled()
    qtbot.mouseClick(history.undo_button, qtbot_button())
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and history.model.batch(0).undone, timeout=10000)
    assert count(db, Sale) == 0
    assert not history.undo_button.isEnabled()
