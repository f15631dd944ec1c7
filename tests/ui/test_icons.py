"""Icons (ui/icons.py): every command a user sees most has one, a page can declare one, and
without the icon font the window still works, with no icons."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton, QWidget

from livestream_desk.ui import icons

MOST_USED = {"new", "edit", "delete", "import", "export", "undo", "redo", "refresh", "backup", "quit"}


@pytest.fixture
def fresh_icons():
    icons.clear_cache()
    yield
    icons.clear_cache()


def _all_menu_actions(window):
    actions = []
    for key in window.page_keys():
        menus = window.page(key).menu_actions()
        actions += [a for a in [*menus.file, *menus.edit] if a is not None]
    for menu in (window.file_menu, window.view_menu, window.help_menu):
        actions += [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    return actions


def test_every_meaning_has_a_glyph_in_the_font(qtbot, fresh_icons):
    assert icons.available()
    for meaning in icons.GLYPHS:
        assert not icons.icon(meaning).isNull(), meaning
        assert not icons.icon(meaning).pixmap(32, 32).isNull(), meaning
    assert set(icons.NAME_MEANINGS.values()) <= set(icons.GLYPHS)
    assert icons.icon("add") is icons.icon("add")  # cached
    assert icons.icon("no such meaning").isNull()


def test_navigation_menus_and_toolbars_have_icons(qtbot, window_factory, sales_db):
    window = window_factory(sales_db)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=15_000)
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull(), window.nav.item(row).text()
    # Every menu action with a meaning has its icon, and the most used commands all have one.
    seen = set()
    for action in _all_menu_actions(window):
        meaning = icons.meaning_of(action, _attribute_name(window, action))
        if meaning is not None:
            assert not action.icon().isNull(), action.text()
        stem = _attribute_name(window, action).removesuffix("_action")
        if stem in MOST_USED:
            assert not action.icon().isNull(), action.text()
            seen.add(stem)
    assert seen == MOST_USED
    # Toolbar buttons: each with a meaning shows it, and the most used ones have one.
    for key in window.page_keys():
        page = window.page(key)
        for name, obj in _named_buttons(page):
            if icons.meaning_of(obj, name) is not None:
                assert not obj.icon().isNull(), f"{key}.{name}"
    catalogue, sales = window.page("catalogue"), window.page("sales")
    for button in (catalogue.new_button, catalogue.edit_button, catalogue.delete_button, catalogue.import_button,
                   catalogue.export_button, sales.new_button, sales.delete_button, sales.import_button,
                   sales.export_button):
        assert not button.icon().isNull(), button.objectName()
    # A tool button made to show its action's text shows the icon beside it; one showing only
    # an icon by default keeps its words.
    schedule = window.page("schedule")
    week = next(b for b in schedule.findChildren(QToolButton) if b.objectName() == "weekButton")
    assert not week.icon().isNull()
    assert week.toolButtonStyle() == week.toolButtonStyle().ToolButtonTextBesideIcon
    more = window.page("reports").more_button
    assert more.text() and more.toolButtonStyle() == more.toolButtonStyle().ToolButtonTextBesideIcon


def _attribute_name(window, action) -> str:
    for owner in [window, *[window.page(k) for k in window.page_keys()]]:
        for name, value in vars(owner).items():
            if value is action:
                return name
            if isinstance(value, (list, tuple)) and any(v is action for v in value):
                return name
    for owner in [window, *[window.page(k) for k in window.page_keys()]]:
        for name, value in vars(owner).items():
            if hasattr(value, "__dict__") and not isinstance(value, QWidget):
                for inner, item in vars(value).items():
                    if item is action:
                        return inner
    return ""


def _named_buttons(page):
    for name, value in vars(page).items():
        if isinstance(value, QAbstractButton) and value.isVisibleTo(page):
            yield name, value


def test_a_page_declares_an_icon_or_none(qtbot, fresh_icons):
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.mystery_action = QAction("Mystery", holder)
    holder.mystery_action.setProperty("iconMeaning", "target")
    holder.delete_action = QAction("Delete", holder)
    holder.delete_action.setProperty("iconMeaning", "")  # declared: no icon
    holder.export_button = QPushButton("Export", holder)
    holder.plain_button = QPushButton("Plain", holder)
    icons.decorate(holder)
    assert not holder.mystery_action.icon().isNull()
    assert holder.delete_action.icon().isNull()
    assert not holder.export_button.icon().isNull()
    assert holder.plain_button.icon().isNull()


def test_without_qtawesome_there_are_no_icons_and_no_crash(qtbot, monkeypatch, fresh_icons, window_factory, db):
    monkeypatch.setitem(sys.modules, "qtawesome", None)  # `import qtawesome` raises ImportError
    assert icons.icon("add").isNull()
    assert not icons.available()
    window = window_factory(db)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=15_000)
    assert all(window.nav.item(row).icon().isNull() for row in range(window.nav.count()))
    assert window.page("catalogue").new_button.icon().isNull()
    assert window.nav.item(0).text()  # the words are there


def test_a_font_that_fails_to_load_means_no_icon(qtbot, monkeypatch, fresh_icons):
    import qtawesome

    def broken(*_args, **_kwargs):
        raise Exception("font could not be loaded")

    monkeypatch.setattr(qtawesome, "icon", broken)
    assert icons.icon("delete").isNull()
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.delete_button = QPushButton("Delete", holder)
    icons.decorate(holder)
    assert holder.delete_button.icon().isNull()


def test_reports_toolbar_wraps_instead_of_squeezing_the_period(qtbot, qapp, window_factory, sales_db):
    from livestream_desk import i18n

    i18n.install_translators(qapp, "en")
    window = window_factory(sales_db)
    window.resize(960, 600)  # the window's minimum size
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=15_000)
    for widget in (page.period_bar, page.targets_button, page.excel_button, page.pdf_button, page.more_button):
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()
