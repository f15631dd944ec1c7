"""The window on a read-only database: a 只读 notice saying why, editing disabled on every page."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from livestream_desk.db import preflight
from livestream_desk.services.database import open_for_window


@pytest.fixture
def read_only_db(sales_db, monkeypatch):
    """The sales database, opened as the window opens a database on a read-only disk."""
    path = sales_db.path
    sales_db.dispose()
    monkeypatch.setattr(preflight, "read_only_reason", lambda _path: "medium")
    database = open_for_window(str(path))
    assert database.readonly
    yield database
    database.dispose()


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)


def test_read_only_window_says_so_and_disables_editing(qtbot, window_factory, read_only_db):
    window = window_factory(read_only_db)
    window.show()
    qtbot.waitExposed(window)
    _idle(qtbot, window)

    notice = window.read_only_notice
    assert notice in window.notices() and notice.isVisible()
    assert "只读" in notice.text() and "只读" in window.windowTitle()
    assert "磁盘" in notice.text()  # why: the database is on a read-only disk
    assert str(read_only_db.path) in notice.text()

    catalogue = window.show_page("catalogue")
    qtbot.waitUntil(lambda: not catalogue.is_loading(), timeout=10_000)
    catalogue.view.selectRow(0)
    for action in (catalogue.new_action, catalogue.edit_action, catalogue.delete_action, catalogue.import_action):
        action.setEnabled(True)  # what the page's own logic does on a selection: stays disabled
        assert not action.isEnabled()
    assert not catalogue.new_button.isEnabled()
    assert catalogue.find_action.isEnabled() and catalogue.export_action.isEnabled()  # reading goes on

    sales = window.show_page("sales")
    assert not sales.new_action.isEnabled() and not sales.delete_action.isEnabled()
    assert sales.export_action.isEnabled()
    schedule = window.show_page("schedule")
    assert not schedule.new_action.isEnabled()
    reports = window.show_page("reports")
    _idle(qtbot, window)
    assert not reports.targets_action.isEnabled()
    qtbot.waitUntil(reports.excel_action.isEnabled, timeout=10_000)  # exporting reads only
    assert window.backup_action.isEnabled()  # a backup only reads

    before = len(QApplication.topLevelWidgets())
    catalogue.new_action.trigger()  # a shortcut on a disabled action does nothing
    assert len(QApplication.topLevelWidgets()) == before
    _idle(qtbot, window)


def test_writable_database_has_no_read_only_notice(qtbot, window_factory, db):
    window = window_factory(db)
    _idle(qtbot, window)
    assert not hasattr(window, "read_only_notice")
    window.show_page("catalogue")
    assert window.page("catalogue").new_action.isEnabled()
    assert not window.page("catalogue").is_read_only()
