"""The page interface (ui/page.py): the main window calls every hook of its pages directly, and
a page that offers nothing gets the defaults."""
from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from livestream_desk.ui import main_window
from livestream_desk.ui.main_window import PageSpec
from livestream_desk.ui.page import Page, PageMenus


class RecordingPage(Page):
    """Offers every feature and writes down what the window asked."""

    def __init__(self, database, task_runner, parent=None):
        super().__init__(database, task_runner, parent)
        self.calls: list[tuple] = []
        self.loading = False
        self.open_action = QAction("Open Thing…", self)
        self.find_action = QAction("Find Thing", self)

    def page_title(self):
        return "Recorder"

    def page_icon(self):
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.red)
        return QIcon(pixmap)

    def menu_actions(self):
        return PageMenus(file=[self.open_action], edit=[self.find_action])

    def set_active(self, active):
        super().set_active(active)
        self.calls.append(("set_active", active))

    def refresh(self):
        self.calls.append(("refresh",))

    def is_loading(self):
        return self.loading

    def data_changed(self):
        self.calls.append(("data_changed",))

    def database_attached(self, database):
        self.calls.append(("database_attached", database))

    def database_detached(self):
        self.calls.append(("database_detached",))

    def save_view_state(self, settings):
        settings.setValue("recorder/state", "kept")
        self.calls.append(("save_view_state",))

    def restore_view_state(self, settings):
        self.calls.append(("restore_view_state", settings.value("recorder/state")))


class BarePage(Page):
    """Offers nothing: every hook is the default."""


@pytest.fixture
def two_pages(monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", (
        PageSpec("recorder", "Dashboard", lambda: RecordingPage),
        PageSpec("bare", "Settings", lambda: BarePage),
    ))


def _calls(page, name):
    return [call for call in page.calls if call[0] == name]


def test_the_window_calls_each_hook_of_a_page(qtbot, window_factory, db, two_pages):
    window = window_factory(db)
    recorder, bare = window.page("recorder"), window.page("bare")
    assert isinstance(recorder, RecordingPage) and isinstance(bare, BarePage)

    # title, icon, menus, database, restored view state
    assert window.nav.item(0).text() == "Recorder" and window.page_actions["recorder"].text() == "Recorder"
    assert not window.nav.item(0).icon().isNull()
    assert recorder.open_action in window.file_menu.actions()
    assert recorder.find_action in window.edit_menu.actions()
    assert _calls(recorder, "database_attached") == [("database_attached", db)]
    assert _calls(recorder, "restore_view_state") == [("restore_view_state", None)]

    # the page on screen is active; F5 refreshes it
    assert _calls(recorder, "set_active")[-1] == ("set_active", True)
    assert recorder.is_active() and not bare.is_active()
    window.refresh_action.trigger()
    assert _calls(recorder, "refresh") == [("refresh",)]
    window.show_page("bare")
    assert _calls(recorder, "set_active")[-1] == ("set_active", False) and bare.is_active()

    # another page wrote to the database: the others catch up, not the writer
    bare.databaseChanged.emit()
    assert _calls(recorder, "data_changed") == [("data_changed",)]
    recorder.databaseChanged.emit()
    assert _calls(recorder, "data_changed") == [("data_changed",)]

    # a page asks to be shown; the window waits while a page loads
    qtbot.waitUntil(lambda: not window.is_loading())  # its own look for demo data, at start
    recorder.showRequested.emit()
    assert window.current_page_key() == "recorder"
    recorder.loading = True
    assert window.is_loading()
    recorder.loading = False
    assert not window.is_loading()

    window.close()
    assert _calls(recorder, "save_view_state") == [("save_view_state",)]
    assert _calls(recorder, "database_detached") == [("database_detached",)]
    assert QSettings().value("recorder/state") == "kept"


def test_a_page_without_features_gets_the_defaults(qtbot, window_factory, db, two_pages):
    window = window_factory(db)
    bare = window.page("bare")
    assert bare.page_title() == "设置"  # the title of its entry, translated
    assert window.nav.item(1).text() == "设置" and window.nav.item(1).icon().isNull()
    assert bare.menu_actions() == PageMenus()
    assert not bare.is_loading() and not bare.is_busy()
    window.show_page("bare")
    window.refresh_action.trigger()  # nothing to refresh: nothing happens
    bare.data_changed()  # shown, so it refreshes: the default refresh does nothing
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    window.close()


def test_the_window_reaches_pages_only_through_the_interface():
    source = inspect.getsource(main_window)
    assert "getattr(" not in source and "hasattr(" not in source


def test_each_real_page_is_a_page(qtbot, window_factory, db):
    window = window_factory(db)
    for key in window.page_keys():
        assert isinstance(window.page(key), Page), key
    # the page modules are imported by the specs, not when main_window is imported
    assert all(callable(spec.page_class) for spec in main_window.PAGES)
    QApplication.processEvents()
