"""Icons by meaning ("add", "delete", "sales"…), drawn from an icon font so they stay crisp at
any scaling (qtawesome's Font Awesome 5 Solid; its fonts ship in its wheel: no network).

    icon("delete")            -> QIcon (QIcon() for an unknown meaning or without the font)
    decorate(page)            -> gives icons to the actions and buttons the page keeps

One table says which glyph means what (`GLYPHS`) and one which attribute names mean what
(`NAME_MEANINGS`), so pages need no icon code: `decorate(owner)` looks at the QActions and
buttons `owner` (and the widgets inside it) keeps as attributes — `self.new_action`,
`self.delete_button`, `self.mode_actions["week"]` — and takes the meaning from

1. the object's "iconMeaning" property when the page set one (`action.setProperty("iconMeaning", "add")`;
   "" means no icon), else
2. the attribute's name without `_action` / `_button` (`new_action` → "new" → "add"), else
   its objectName.

An object that already has an icon keeps it. Colours come from ui/theme.py. qtawesome is
imported on the first icon (about 0.35 s: QtPy star-imports the Qt modules), which the main
window asks for after the first figures are on screen. If it cannot be imported or its font
cannot be loaded, every icon is QIcon(): the app looks plainer but works.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Iterable, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QAbstractButton, QToolButton, QWidget

from . import theme

log = logging.getLogger(__name__)

# meaning -> Font Awesome 5 Solid glyph (tests/ui/test_icons.py checks each exists)
GLYPHS: dict[str, str] = {
    # pages
    "dashboard": "fa5s.chart-pie",
    "schedule": "fa5s.calendar-alt",
    "catalogue": "fa5s.boxes",
    "sales": "fa5s.receipt",
    "reports": "fa5s.chart-bar",
    "settings": "fa5s.cog",
    # common commands
    "add": "fa5s.plus",
    "edit": "fa5s.pen",
    "delete": "fa5s.trash-alt",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "undo": "fa5s.undo",
    "redo": "fa5s.redo",
    "refresh": "fa5s.sync-alt",
    "search": "fa5s.search",
    "backup": "fa5s.database",
    "quit": "fa5s.power-off",
    "folder": "fa5s.folder-open",
    "help": "fa5s.book-open",  # Help → 使用说明, the user guide
    "tour": "fa5s.map-signs",
    "about": "fa5s.info-circle",
    "copy": "fa5s.copy",
    "image": "fa5s.image",
    "more": "fa5s.ellipsis-h",
    # the seller's things
    "live": "fa5s.video",
    "console": "fa5s.keyboard",
    "card": "fa5s.id-card",
    "target": "fa5s.bullseye",
    "refund": "fa5s.reply",
    "stock": "fa5s.warehouse",
    "archive": "fa5s.archive",
    "categories": "fa5s.tags",
    "template": "fa5s.file-download",
    "excel": "fa5s.file-excel",
    "pdf": "fa5s.file-pdf",
    "today": "fa5s.calendar-day",
    "calendar": "fa5s.calendar-check",
    "month": "fa5s.calendar",
    "week": "fa5s.calendar-week",
    "list": "fa5s.list",
    "rooms": "fa5s.store",
    "hosts": "fa5s.user-friends",
    "demo": "fa5s.flask",
    "clear": "fa5s.eraser",
}

# attribute-name stem (or objectName) -> meaning
NAME_MEANINGS: dict[str, str] = {
    "dashboard": "dashboard", "schedule": "schedule", "catalogue": "catalogue", "sales": "sales",
    "reports": "reports", "settings": "settings",
    "new": "add", "add": "add", "edit": "edit", "delete": "delete",
    "import": "import", "import_orders": "import", "export": "export", "table": "export",
    "undo": "undo", "redo": "redo", "refresh": "refresh", "find": "search",
    "backup": "backup", "quit": "quit", "about": "about", "help": "help", "tour": "tour",
    "open_data_folder": "folder", "open_folder": "folder", "open_database_folder": "folder",
    "copy_chart": "copy", "save_chart": "image", "more": "more",
    "livestream": "live", "console": "console", "card": "card", "targets": "target",
    "refund": "refund", "stock": "stock", "archive": "archive", "categories": "categories",
    "template": "template", "excel": "excel", "pdf": "pdf",
    "today": "today", "export_calendar": "calendar", "month": "month", "week": "week", "list": "list",
    "accounts": "rooms", "hosts": "hosts", "load_demo": "demo", "clear_filters": "clear",
}

# meanings drawn in a colour of their own (the rest in the accent colour)
COLOURS: dict[str, str] = {"delete": theme.DANGER, "refund": theme.DANGER, "quit": theme.SECONDARY_TEXT}
DISABLED_COLOUR = "#bfbfbf"
PROPERTY = "iconMeaning"  # a page may declare an object's meaning ("icon" is Qt's own QIcon property)

_cache: dict[tuple[str, str], QIcon] = {}
_qtawesome = None  # the module once imported; False when it cannot be used


def _font_module():
    """qtawesome, imported on first use; None when it cannot be used (logged once)."""
    global _qtawesome
    if _qtawesome is None:
        try:
            qtpy = sys.modules.get("qtpy")
            if qtpy is not None and getattr(qtpy, "API_NAME", "PySide6") != "PySide6":
                raise ImportError(f"QtPy already uses {qtpy.API_NAME}")
            os.environ["QT_API"] = "pyside6"  # QtPy must wrap the binding the app runs on
            import qtawesome

            _qtawesome = qtawesome
        except Exception as exc:  # noqa: BLE001 - any failure means: no icons, never a crash
            log.warning("icons unavailable (%s): the app shows text only", exc)
            _qtawesome = False
    return _qtawesome or None


def icon(meaning: str, variant: str = "") -> QIcon:
    """The icon for `meaning` (`variant` "navigation": light on the navigation bar); a null
    QIcon for an unknown meaning or when the icon font cannot be used."""
    key = (meaning, variant)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    made = QIcon()
    glyph = GLYPHS.get(meaning)
    module = _font_module() if glyph else None
    if module is not None:
        if variant == "navigation":
            colours = dict(color=theme.NAVIGATION_TEXT, color_active=theme.NAVIGATION_SELECTED_TEXT,
                           color_selected=theme.NAVIGATION_SELECTED_TEXT, color_disabled="#8da2bd")
        else:
            colour = COLOURS.get(meaning, theme.ACCENT)
            colours = dict(color=colour, color_active=colour, color_selected=colour, color_disabled=DISABLED_COLOUR)
        try:
            made = module.icon(glyph, **colours)
        except Exception as exc:  # noqa: BLE001 - a font that fails to load: no icon, never a crash
            log.warning("icon %s unavailable: %s", glyph, exc)
            made = QIcon()
    _cache[key] = made
    return made


def available() -> bool:
    """True when icons can be drawn (qtawesome and its font load)."""
    return not icon("add").isNull()


def clear_cache() -> None:
    """Forget made icons and whether the font loads (tests)."""
    global _qtawesome
    _cache.clear()
    _qtawesome = None


def meaning_of(obj: "QAction | QAbstractButton", name: str = "") -> Optional[str]:
    """The declared meaning (the "iconMeaning" property), else the one `name` or the objectName says."""
    declared = obj.property(PROPERTY)
    if isinstance(declared, str):
        return declared or None
    for candidate in (name, obj.objectName()):
        stem = candidate.removesuffix("_action").removesuffix("_button")
        if stem in NAME_MEANINGS:
            return NAME_MEANINGS[stem]
    return None


def set_icon(obj: "QAction | QAbstractButton", name: str = "") -> bool:
    """Give `obj` the icon its meaning names, unless it has one; True when it has one after."""
    if not obj.icon().isNull():
        return True
    meaning = meaning_of(obj, name)
    if meaning is None:
        return False
    made = icon(meaning)
    if made.isNull():
        return False
    obj.setIcon(made)
    if isinstance(obj, QToolButton) and obj.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and obj.text():
        obj.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # it keeps its words
    return True


def _show_action_icons(button: QToolButton) -> None:
    """A tool button made to show only its action's text shows the icon beside it now."""
    action = button.defaultAction()
    if (action is not None and not action.icon().isNull() and button.text()
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly):
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def _named_objects(owner: object) -> Iterable[tuple[str, "QAction | QAbstractButton"]]:
    try:
        attributes = vars(owner)
    except TypeError:
        return
    for name, value in list(attributes.items()):
        if isinstance(value, (QAction, QAbstractButton)):
            yield name, value
        elif isinstance(value, dict):  # e.g. mode_actions = {"month": action, …}
            for key, item in value.items():
                if isinstance(item, (QAction, QAbstractButton)) and isinstance(key, str):
                    yield key, item
        elif isinstance(value, (list, tuple)):  # e.g. UndoActions' pair
            for item in value:
                if isinstance(item, (QAction, QAbstractButton)):
                    yield "", item


def decorate(owner: QWidget, actions: Iterable[Optional[QAction]] = ()) -> None:
    """Icons for the actions and buttons `owner` and the app's widgets inside it keep, and for
    `actions` (a page's menu actions, by their property or objectName)."""
    owners = [owner] + [child for child in owner.findChildren(QWidget)
                        if type(child).__module__.startswith("livestream_desk.")]
    for holder in owners:
        for name, obj in _named_objects(holder):
            set_icon(obj, name)
    for action in actions:
        if action is not None:
            set_icon(action)
    for button in owner.findChildren(QToolButton):
        _show_action_icons(button)


__all__ = ["GLYPHS", "NAME_MEANINGS", "available", "decorate", "icon", "meaning_of", "set_icon"]
