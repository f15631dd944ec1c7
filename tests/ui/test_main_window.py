"""The main window: pages, navigation, shortcuts, refresh, saved state, status bar, language."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from livestream_desk import i18n
from livestream_desk.ui.main_window import SETTINGS_PAGE, MainWindow


def _shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)


def test_opens_on_the_dashboard_with_only_real_pages(qtbot, window_factory, db):
    window = _shown(qtbot, window_factory(db))
    assert window.current_page_key() == "dashboard"
    assert window.page_keys() == ["dashboard", "schedule", "catalogue", "sales", "reports", "settings"]  # DESIGN §8 order
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["概览", "直播排期", "商品", "销售", "报表", "设置"]
    assert type(window.page("dashboard")).__name__ == "DashboardPage"
    assert window.stack.currentWidget() is window.page("dashboard")
    _idle(qtbot, window)


def test_clicking_the_navigation_switches_pages(qtbot, window_factory, sales_db):
    window = _shown(qtbot, window_factory(sales_db))
    changes = []
    window.pageChanged.connect(changes.append)
    for key in ("catalogue", "reports", "settings", "dashboard"):
        item = window.nav.item(window.page_keys().index(key))
        point = window.nav.visualItemRect(item).center()
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.page(key)
        assert window.page_actions[key].isChecked()
    assert changes == ["catalogue", "reports", "settings", "dashboard"]
    _idle(qtbot, window)


def test_ctrl_number_shortcuts_switch_pages(qtbot, window_factory, db):
    window = _shown(qtbot, window_factory(db))
    assert window.page_actions["reports"].shortcut() == QKeySequence("Ctrl+5")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "schedule"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "catalogue"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "reports"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "dashboard"
    _idle(qtbot, window)


def test_every_shortcut_is_in_a_menu(qtbot, window_factory, db):
    window = window_factory(db)
    in_menus = set()
    for key in window.page_keys():  # the Edit menu holds the actions of the page on screen
        window.show_page(key)
        for menu in window.menuBar().findChildren(QMenu):
            in_menus.update(action for action in menu.actions() if not action.isSeparator())
    for action in window.findChildren(type(window.refresh_action)):
        if not action.shortcut().isEmpty():
            assert action in in_menus, action.text()
    shortcuts = {action.shortcut().toString() for action in in_menus}
    assert {"Ctrl+Q", "F5", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+B", "Ctrl+N", "Ctrl+F", "Ctrl+Z",
            "Del"} <= shortcuts
    _idle(qtbot, window)


def test_f5_refreshes_the_current_page(qtbot, window_factory, sales_db):
    window = _shown(qtbot, window_factory(sales_db))
    reports = window.show_page("reports")
    _idle(qtbot, window)
    with qtbot.waitSignal(reports.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)

    calls = []
    settings = window.show_page("settings")
    settings.refresh = lambda: calls.append("settings")  # the window looks it up when F5 comes
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert calls == ["settings"]
    _idle(qtbot, window)


def test_geometry_and_page_are_kept_between_runs(qtbot, window_factory, db):
    # The offscreen screen is 800×800 and restoreGeometry() fits windows to their screen, so
    # the width stays at the minimum; the height shows that the geometry came back.
    first = _shown(qtbot, window_factory(db))
    assert first.height() != 650
    first.resize(first.minimumWidth(), 650)
    first.show_page("reports")
    _idle(qtbot, first)
    first.close()
    assert QSettings().value(SETTINGS_PAGE) == "reports"

    second = window_factory(db)
    assert second.current_page_key() == "reports"
    assert second.size() == QSize(first.minimumWidth(), 650)
    second.show()
    _idle(qtbot, second)


def test_default_size_fits_a_1366x768_screen(qtbot, window_factory, db):
    window = window_factory(db)
    assert window.width() <= 1366 - 40 or window.width() == window.minimumWidth()
    assert window.minimumSize().width() <= 1000 and window.minimumSize().height() <= 640


def test_status_bar_shows_the_database_and_background_work(qtbot, window_factory, db):
    window = _shown(qtbot, window_factory(db))
    assert str(db.path) in window.database_label.fullText()
    _idle(qtbot, window)

    release = threading.Event()

    def slow(context):
        context.progress(1, 4)
        release.wait(10)

    window.task_runner.submit(slow)
    qtbot.waitUntil(window.task_status.isVisible, timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: not window.task_status.isVisible(), timeout=3000)


def test_demo_data_written_by_the_dashboard_reloads_the_reports(qtbot, window_factory, sales_db):
    window = _shown(qtbot, window_factory(sales_db))
    reports = window.show_page("reports")
    _idle(qtbot, window)
    window.show_page("dashboard")
    window.page("dashboard").demo_loaded.emit()
    assert reports.is_stale()  # off screen: it reloads when shown, not while hidden
    with qtbot.waitSignal(reports.loaded, timeout=10_000):
        window.show_page("reports")
    assert not reports.is_stale()
    _idle(qtbot, window)


def test_chinese_is_the_default_language(qtbot, window_factory, db):
    window = window_factory(db)
    titles = [action.text() for action in window.menuBar().actions()]
    assert any("文件" in title for title in titles), titles
    assert any("视图" in title for title in titles), titles
    assert any("帮助" in title for title in titles), titles
    assert window.refresh_action.text().startswith("刷新")


def test_english_when_asked(qtbot, qapp, window_factory, db):
    from livestream_desk.app import create_application

    assert create_application(None, "en") is qapp  # one QApplication per process
    window = window_factory(db)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Dashboard", "Schedule", "Catalogue", "Sales", "Reports", "Settings"]


@pytest.mark.parametrize("lang", [i18n.CHINESE, i18n.ENGLISH])
def test_quit_closes_the_window(qtbot, qapp, window_factory, db, lang):
    i18n.install_translators(qapp, lang)
    window = _shown(qtbot, window_factory(db))
    _idle(qtbot, window)
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_backup_menu_action_is_disabled_for_a_server_database(qtbot, window_factory, db):
    from dataclasses import replace

    server = replace(db, url="postgresql+psycopg://shop:secret@192.168.1.10/shop", path=None)
    window = window_factory(server)
    assert not window.backup_action.isEnabled()
    assert "secret" not in window.database_label.fullText()
    assert not window.page("settings").backup_button.isEnabled()


def test_window_title_names_the_app_and_the_database(window_factory, db):
    window = window_factory(db)
    assert isinstance(window, MainWindow)
    assert window.windowTitle() == f"助农直播台账 — {db.path.name}"


def test_the_edit_menu_holds_the_actions_of_the_page_on_screen(qtbot, window_factory, db):
    window = _shown(qtbot, window_factory(db))
    assert window.current_page_key() == "dashboard"
    assert not window.edit_menu.actions() and not window.edit_menu.menuAction().isEnabled()
    catalogue = window.show_page("catalogue")
    assert window.edit_menu.menuAction().isEnabled()
    assert catalogue.delete_action in window.edit_menu.actions()
    edit = [a for a in window.edit_menu.actions() if not a.isSeparator()]
    assert edit == [a for a in catalogue.menu_actions().edit if a is not None]
    window.show_page("reports")
    assert catalogue.delete_action not in window.edit_menu.actions()
    _idle(qtbot, window)
