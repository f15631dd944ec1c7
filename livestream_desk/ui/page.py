"""The page interface: what the main window may ask of a page, each with a default.

A page is a `Page` (a QWidget) built as `Page(database, task_runner, parent)`. The main window
calls these methods directly — never by name — so a page overrides only what it offers:

| the window calls                     | when                                                  | default      |
| ------------------------------------ | ----------------------------------------------------- | ------------ |
| `page_title()` / `page_icon()`       | navigation entry and View menu, once the page exists  | its spec's title / no icon |
| `menu_actions()` → `PageMenus`       | building the File and Edit menus                      | none         |
| `set_active(bool)`                   | the page comes on screen or leaves it                 | remembers it, emits `activeChanged` |
| `refresh()`                          | View → Refresh (F5)                                   | nothing      |
| `is_loading()`                       | tests and screenshots wait until no page loads        | an operation runs |
| `data_changed(areas)`                | this window's other page, or another PC, changed those areas (services.changes.AREAS) | `refresh()` now if on screen and it shows one of them (`data_areas()`), else when next shown |
| `database_attached(db)`              | all pages are built on the open database              | nothing      |
| `database_detached()`                | the window closes, before the database goes           | cancels its operations |
| `save_view_state(s)` / `restore_view_state(s)` | the window saves / restores its QSettings   | nothing      |
| `set_read_only(True)`                | the database is read-only (a write-protected file, folder or disk) | disables `editing_controls()` for good |

A page lists what writes to the database in `editing_controls()` (its QActions, and buttons
not driven by one); on a read-only database they stay disabled whatever the page's own
enabling logic says (a disabled QActionGroup holds them), and `is_read_only()` tells the rest.

And the page tells the window, with signals: `databaseChanged` (this page wrote to the
database: the window calls `data_changed()` on the others), `showRequested` (bring me to the
front, e.g. File → Import products from another page), `busyChanged(bool)` and `loaded`.

Operations (ui/operation.py) use `database`, `task_runner`, `busy_counter` and `show_message`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from ..services.changes import ALL_AREAS
from .operation import BusyCounter
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..db.engine import Database

STATUS_MESSAGE_MS = 10_000


@dataclass(frozen=True)
class PageMenus:
    """A page's actions for the window's menus, in order; None is a separator. File actions
    are always in the File menu and work from any page (they bring the page forward); Edit
    actions are in the Edit menu while the page is on screen, and work only then."""

    file: Sequence[Optional[QAction]] = ()
    edit: Sequence[Optional[QAction]] = ()


class Page(QWidget):
    """The base of every main-window page; see the module docstring for the interface."""

    loaded = Signal()  # fresh data is on screen (tests and screenshots wait for it)
    databaseChanged = Signal()  # this page wrote to the database
    showRequested = Signal()  # an action of this page wants it in front
    busyChanged = Signal(bool)  # an operation of this page started (True) / all ended (False)
    activeChanged = Signal(bool)  # the page came on screen (True) or left it

    def __init__(self, database: "Database", task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.database = database
        self.task_runner = task_runner
        self.busy_counter = BusyCounter(self)
        self.busy_counter.changed.connect(self.busyChanged)
        self.last_message = ""
        self._active = False
        self._shown_once = False
        self._stale = False  # data changed while the page was off screen: reload when shown
        self._read_only = False
        self._read_only_group: Optional[QActionGroup] = None

    # --- what the window shows --------------------------------------------------------------
    def page_title(self) -> str:
        """The navigation text (the window sets its spec's title as the window title)."""
        return self.windowTitle()

    def page_icon(self) -> QIcon:
        return QIcon()

    def menu_actions(self) -> PageMenus:
        return PageMenus()

    # --- what the window tells the page ---------------------------------------------------------
    def set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.activeChanged.emit(active)
            if active and self._stale:
                self._stale = False
                self.refresh()

    def is_active(self) -> bool:
        return self._active

    def refresh(self) -> None:
        """Load the page's data again (F5)."""

    def is_loading(self) -> bool:
        return self.busy_counter.is_busy()

    def is_busy(self) -> bool:
        return self.busy_counter.is_busy()

    def data_areas(self) -> frozenset:
        """The areas (services.changes.AREAS) whose changes this page shows; all by default."""
        return ALL_AREAS

    def data_changed(self, areas: frozenset = ALL_AREAS) -> None:
        """`areas` changed (another page, or another PC): catch up if the page shows them —
        now when on screen, else when it is next shown (a page never seen loads anyway)."""
        if not self._shown_once or not (frozenset(areas) & self.data_areas()):
            return
        if self._active:
            self.refresh()
        else:
            self._stale = True

    def is_stale(self) -> bool:
        return self._stale

    def database_attached(self, database: "Database") -> None:
        """Every page of the window is built on `database` (the page's own)."""

    def database_detached(self) -> None:
        """The window is closing and the database goes with it: stop this page's work."""
        self.busy_counter.cancel_all()

    def editing_controls(self) -> Sequence["QAction | QWidget"]:
        """The actions (and buttons not driven by an action) that change the database."""
        return ()

    def set_read_only(self, read_only: bool) -> None:
        """The database cannot be written: keep every editing control disabled."""
        self._read_only = read_only
        if self._read_only_group is None:
            self._read_only_group = QActionGroup(self)
            self._read_only_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for control in self.editing_controls():
            if isinstance(control, QAction):
                self._read_only_group.addAction(control)
            else:
                control.setEnabled(not read_only)
        self._read_only_group.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def save_view_state(self, settings: QSettings) -> None:
        """Keep column widths, sort and the like in the window's QSettings."""

    def restore_view_state(self, settings: QSettings) -> None:
        """Put back what `save_view_state` kept."""

    # --- for the page itself ------------------------------------------------------------------
    def shown_once(self) -> bool:
        """The page has been on screen (its first load started)."""
        return self._shown_once

    def first_shown(self) -> None:
        """The page is on screen for the first time (after its first paint is queued)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown()

    def show_message(self, text: str) -> None:
        """A short note in the window's status bar (kept in `last_message` for tests)."""
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MESSAGE_MS)


__all__ = ["Page", "PageMenus"]
