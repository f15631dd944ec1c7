"""File → 订单导入记录 on the Sales page opens the import history, where a batch is undone."""
from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from livestream_desk.db.models import Sale
from livestream_desk.services import uow
from livestream_desk.services.importers.commit import commit_import
from livestream_desk.services.importers.preview import preview_import
from livestream_desk.ui.imports import ImportHistoryDialog
from tests.services.importers.support import SAMPLES


def _sales(db) -> int:
    with uow.reading(db) as conn:
        return conn.execute(select(func.count()).select_from(Sale)).scalar_one()


def test_the_import_history_is_in_the_file_menu_and_undoes_a_batch(window_factory, db, qtbot):
    commit_import(db, preview_import(db, SAMPLES / "douyin_orders.csv"))
    assert _sales(db) == 66
    window = window_factory(db, remember_state=False)
    page = window.show_page("sales")
    texts = [action.text() for action in window.file_menu.actions()]
    assert "订单导入记录(&H)…" in texts
    assert page.history_action in page.editing_controls()  # a read-only database cannot undo

    page.history_action.trigger()
    dialog = next(w for w in page.findChildren(ImportHistoryDialog))
    assert dialog.isVisible() and dialog.windowTitle() == "订单导入记录"
    dialog.confirm = False
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.batch(0).undone, timeout=10_000)
    assert _sales(db) == 0
    dialog.close()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=10_000)
    assert page.model.rowCount() == 0  # the page shows the lines are gone
