"""The main window: left navigation, one page at a time, menus, status bar (DESIGN §8).

Pages are `ui.page.Page` subclasses built with `(database, task_runner, parent)`; the window
talks to them only through that interface (titles, menu actions, refresh, loading, data
changed elsewhere, view state…). Adding a page is one line in `PAGES`; its module is imported
only when the pages are built. Pages of later issues appear when they are written.

The window can be shown before its database is open (`MainWindow(None)`, then
`attach_database()`): the app paints its frame first and opens the database and builds the
pages after, so start-up never waits for SQLAlchemy or a large file (DESIGN §10). Nothing
here imports the pages or the database layer until then.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, config
from . import theme
from .widgets.desktop import open_folder
from .widgets.elided_label import ElidedLabel
from .widgets.mnemonics import plain_button_texts
from .tasks import TaskRunner
from .widgets.task_status import TaskStatus

if TYPE_CHECKING:
    from ..db.engine import Database
    from ..domain.metrics import MonthlyFigures
    from .page import Page

log = logging.getLogger(__name__)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_PAGE = "main_window/page"
DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(960, 600)  # fits 1366×768, and 1920×1080 at 150% scaling
SHUTDOWN_WAIT_MS = 10_000


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in the "MainWindow" context when shown
    page_class: Callable[[], type["Page"]]  # imports the page's module: called when the pages are built

    def translated_title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)

    def build(self, database: "Database", runner: TaskRunner, parent: QWidget) -> "Page":
        return self.page_class()(database, runner, parent)


def _module(name: str) -> ModuleType:
    """A page module (it imports the services, and so SQLAlchemy): only when pages are built."""
    return importlib.import_module(name, __package__)


# DESIGN §8 order: 概览 · 直播排期 · 商品 · 销售 · 报表 · 设置. A new page is one line here.
PAGES: Sequence[PageSpec] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), lambda: _module(".dashboard.page").DashboardPage),
    PageSpec("schedule", QT_TRANSLATE_NOOP("MainWindow", "Schedule"), lambda: _module(".schedule.page").SchedulePage),
    PageSpec("catalogue", QT_TRANSLATE_NOOP("MainWindow", "Catalogue"), lambda: _module(".catalogue.page").CataloguePage),
    PageSpec("sales", QT_TRANSLATE_NOOP("MainWindow", "Sales"), lambda: _module(".sales.page").SalesPage),
    PageSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), lambda: _module(".reports.page").ReportsPage),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), lambda: _module(".settings.page").SettingsPage),
)


def app_title() -> str:
    return QCoreApplication.translate("MainWindow", "Livestream Desk")


class MainWindow(QMainWindow):
    """`MainWindow(database)`; pages are reached by key: dashboard, catalogue, reports, settings."""

    pageChanged = Signal(str)  # the key of the page now shown

    def __init__(
        self,
        database: Optional["Database"],
        parent: Optional[QWidget] = None,
        *,
        remember_state: bool = True,
        location: str = "",
        early_figures: Optional["MonthlyFigures"] = None,
    ) -> None:
        """With a database, the pages are built at once; with None, on `attach_database()`
        (`location` names the database in the meantime, and `early_figures`, the latest
        month read with plain sqlite3, are on screen until the dashboard has its own)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.database: Optional["Database"] = None
        self.live_refresh = None  # ui.live_refresh.LiveRefresh once a database is attached
        self.remember_state = remember_state
        self.task_runner = TaskRunner(self)
        self._closed = False
        self.demo_notice = None  # ui.demo_notice.DemoNotice, once the database is attached
        self.help_window: Optional[QWidget] = None  # ui.help.viewer.HelpWindow, once opened
        self.tour: Optional[QWidget] = None  # ui.help.tour.FirstStartTour while it is up
        self._icons_applied = False

        self._specs = list(PAGES)
        self._pages: dict[str, "Page"] = {}
        self._keys: list[str] = [spec.key for spec in self._specs]

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(self._nav_width())
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(18, 18))
        for spec in self._specs:
            item = QListWidgetItem(spec.translated_title(), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 14))
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.opening_label = QLabel(self.tr("Opening the database…"), self.stack)
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        self.nav.setEnabled(False)
        # The early figures sit in front of the pages until the dashboard has drawn its own.
        self.early_view: Optional[QWidget] = None
        self.front = QStackedWidget(self)
        self.front.addWidget(self.stack)
        if early_figures is not None:
            from .dashboard.early_view import EarlyFigures  # no database layer, no pyqtgraph

            self.early_view = EarlyFigures(early_figures, self.front)
            self.front.addWidget(self.early_view)
            self.front.setCurrentWidget(self.early_view)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notice_area = QVBoxLayout()  # notices above everything (no Chinese font, demo data…)
        self.notice_area.setSpacing(0)
        column.addLayout(self.notice_area)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.front, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._style_navigation()

        self._build_actions()
        self._build_menus()
        self._build_status_bar(location)

        self.nav.currentRowChanged.connect(self._on_row_changed)
        self.setWindowTitle(app_title())
        self.setMinimumSize(MINIMUM_SIZE)
        self._restore_geometry()
        if database is not None:
            self.attach_database(database)

    def attach_database(self, database: "Database") -> None:
        """Build the pages on the open database and show the page the user left last."""
        if self.database is not None:
            raise RuntimeError("the main window already has a database")
        self.database = database
        for index, spec in enumerate(self._specs):
            page = spec.build(database, self.task_runner, self.stack)
            page.setWindowTitle(spec.translated_title())
            page.setProperty("pageKey", spec.key)
            self._pages[spec.key] = page
            self.stack.addWidget(page)
            self._show_page_entry(index, page)
            page.databaseChanged.connect(lambda p=page: self.data_changed(p))
            page.showRequested.connect(lambda k=spec.key: self.show_page(k))
        self.stack.removeWidget(self.opening_label)
        self.opening_label.deleteLater()

        if not database.is_sqlite:
            self.backup_action.setStatusTip(self.tr("Back up a PostgreSQL server with its own tools"))
        self.backup_action.setEnabled(database.is_sqlite)
        self.menuBar().clear()
        self._build_menus()  # now with the pages' own actions
        plain_button_texts(self)  # toolbar buttons say 新建直播, not 新建直播(N)
        self.database_label.setFullText(self.tr("Database: {location}").format(location=database.describe()))
        self.setWindowTitle(f"{app_title()} — {self._database_name()}")
        for page in self._pages.values():
            page.database_attached(database)
        self._start_live_refresh(database)
        if database.readonly:
            from .read_only_notice import show_read_only

            self.read_only_notice = show_read_only(self, database, self._pages.values())
            self.setWindowTitle(self.tr("{title} (read-only)").format(title=self.windowTitle()))
        self._add_demo_notice(database)
        self.tour_action.setEnabled(True)
        self.nav.setEnabled(True)
        self.nav.setCurrentRow(0)
        self._restore_page()
        if self.early_view is None:
            self.apply_icons()
        self._hand_over_early_figures()

    def _hand_over_early_figures(self) -> None:
        """Keep the early figures in front until the dashboard (loading behind them) has
        drawn its own; any other page comes to the front at once."""
        if self.early_view is None:
            return
        page = self._pages.get("dashboard")
        if page is None or self.current_page_key() != "dashboard":
            self._drop_early_view()
            return
        page.loaded.connect(self._drop_early_view, Qt.ConnectionType.SingleShotConnection)
        # A failed load ends its operation without `loaded`: its message must not stay hidden.
        page.busyChanged.connect(lambda busy: busy or self._drop_early_view())
        page.refresh()  # it is not on screen yet, so it would not start by itself

    def _drop_early_view(self) -> None:
        if self.early_view is None:
            return
        self.front.setCurrentWidget(self.stack)
        self.front.removeWidget(self.early_view)
        self.early_view.deleteLater()
        self.early_view = None
        # The icon font loads in about 0.4 s: after the figures are on screen, not before.
        QTimer.singleShot(0, self.apply_icons)

    def apply_icons(self) -> None:
        """Icons (ui/icons.py) on the navigation, the View menu, and every action and button
        the window and its pages keep (their menu actions and toolbars); once, after the pages
        are built. Without the icon font the window stays as it is."""
        if self._icons_applied or not self._pages or self._closed:
            return
        self._icons_applied = True
        from . import icons

        for index, key in enumerate(self._keys):
            page_icon = self._pages[key].page_icon()
            self.nav.item(index).setIcon(page_icon if not page_icon.isNull() else icons.icon(key, "navigation"))
            icons.set_icon(self.page_actions[key], key)
        icons.decorate(self)
        for page in self._pages.values():
            menus = page.menu_actions()
            icons.decorate(page, [*menus.file, *menus.edit])

    def _show_page_entry(self, index: int, page: "Page") -> None:
        """The navigation item and View action say what the page calls itself."""
        title, icon = page.page_title(), page.page_icon()
        item, action = self.nav.item(index), self.page_actions[self._keys[index]]
        item.setText(title)
        action.setText(title)
        if not icon.isNull():
            item.setIcon(icon)
            action.setIcon(icon)

    def _add_demo_notice(self, database: "Database") -> None:
        """While demo data is present, a notice offers to clear it (ui/demo_notice.py)."""
        from .demo_notice import DemoNotice

        self.demo_notice = DemoNotice(database, self.task_runner, self)
        self.demo_notice.removed.connect(lambda _removal: self.data_changed())
        from .dashboard.page import DashboardPage  # loaded by now: the pages are built

        dashboard = self._pages.get("dashboard")
        if isinstance(dashboard, DashboardPage):  # demo data comes only from there (or the command line)
            dashboard.demo_loaded.connect(self.demo_notice.check)
        self.add_notice(self.demo_notice)
        self.demo_notice.check()

    def add_notice(self, notice: QWidget) -> None:
        """Show `notice` (a widgets.notice_bar.NoticeBar) across the top, under earlier ones."""
        notice.setParent(self.centralWidget())
        self.notice_area.addWidget(notice)

    def notices(self) -> list[QWidget]:
        return [self.notice_area.itemAt(i).widget() for i in range(self.notice_area.count())]

    # --- pages ------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return list(self._keys)

    def page(self, key: str) -> "Page":
        return self._pages[key]

    def current_page_key(self) -> str:
        return self._keys[max(self.nav.currentRow(), 0)]

    def show_page(self, key: str) -> "Page":
        """Switch to the page `key` (as clicking it in the navigation does)."""
        self.nav.setCurrentRow(self._keys.index(key))
        return self._pages[key]

    def refresh_current(self) -> None:
        if self._pages:
            self._pages[self.current_page_key()].refresh()

    def is_loading(self) -> bool:
        """True while background work runs or a page is still loading."""
        if self.database is None or self.task_runner.active():
            return True
        if self.demo_notice is not None and self.demo_notice.busy_counter.is_busy():
            return True
        return any(page.is_loading() for page in self._pages.values())

    def data_changed(self, source: Optional["Page"] = None) -> None:
        """The database changed under the other pages: let each of them catch up."""
        for page in self._pages.values():
            if page is not source:
                page.data_changed()

    def _start_live_refresh(self, database: "Database") -> None:
        """Changes made on other PCs show here within seconds (ui/live_refresh.py)."""
        from .live_refresh import LiveRefresh

        self.live_refresh = LiveRefresh(database, self)
        self.live_refresh.areasChanged.connect(self.data_changed_elsewhere)
        self.live_refresh.start()

    def data_changed_elsewhere(self, areas: frozenset) -> None:
        """Another PC (or window) changed `areas`: only the pages that show them catch up."""
        for page in self._pages.values():
            if areas & page.data_areas():
                page.data_changed(areas)

    def _on_row_changed(self, row: int) -> None:
        if row < 0 or not self._pages:
            return
        self.stack.setCurrentIndex(row)
        key = self._keys[row]
        if key != "dashboard":
            self._drop_early_view()  # the user went elsewhere: show it
        self.page_actions[key].setChecked(True)
        for other, page in self._pages.items():
            page.set_active(other == key)
        self._fill_edit_menu()
        self.pageChanged.emit(key)

    # --- actions and menus --------------------------------------------------
    def _build_actions(self) -> None:
        self.backup_action = QAction(self.tr("&Back Up Database…"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.setStatusTip(self.tr("Save a copy of all data to a file"))
        self.backup_action.triggered.connect(self.back_up_database)
        self.backup_action.setEnabled(False)  # until a database is attached

        self.open_data_folder_action = QAction(self.tr("&Open Data Folder"), self)
        self.open_data_folder_action.setStatusTip(self.tr("Show the folder with backups and logs"))
        self.open_data_folder_action.triggered.connect(self.open_data_folder)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.page_group = QActionGroup(self)
        self.page_group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}
        for index, key in enumerate(self._keys):
            action = QAction(self.nav.item(index).text(), self)
            action.setCheckable(True)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.page_group.addAction(action)
            self.page_actions[key] = action

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.setStatusTip(self.tr("Load the figures of this page again"))
        self.refresh_action.triggered.connect(self.refresh_current)

        self.help_action = QAction(self.tr("&User Guide"), self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.setStatusTip(self.tr("How to use the app, step by step (no internet needed)"))
        self.help_action.triggered.connect(lambda: self.show_help())

        self.tour_action = QAction(self.tr("&Getting Started Tour"), self)
        self.tour_action.setStatusTip(self.tr("A short tour of the main places of the window"))
        self.tour_action.triggered.connect(lambda: self.start_tour())
        self.tour_action.setEnabled(False)  # until the pages are built

        self.about_action = QAction(self.tr("&About Livestream Desk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _page_file_actions(self) -> list[list[Optional[QAction]]]:
        """Each page's File actions, in page order (they work from any page)."""
        groups = [list(page.menu_actions().file) for page in self._pages.values()]
        return [group for group in groups if group]

    def _fill_edit_menu(self) -> None:
        """The Edit menu holds the actions of the page on screen only (the others' do not work
        there, and a menu of every page's disabled actions would only grow)."""
        if self.edit_menu is None:
            return
        self.edit_menu.clear()
        actions = list(self._pages[self.current_page_key()].menu_actions().edit)
        self._add_actions(self.edit_menu, actions)
        self.edit_menu.menuAction().setEnabled(bool(actions))

    @staticmethod
    def _add_actions(menu: QMenu, actions: list[Optional[QAction]]) -> None:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        for actions in self._page_file_actions():
            self._add_actions(self.file_menu, actions)
            self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.open_data_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu: Optional[QMenu] = None
        if any(page.menu_actions().edit for page in self._pages.values()):
            self.edit_menu = bar.addMenu(self.tr("&Edit"))
            self._fill_edit_menu()

        self.view_menu = bar.addMenu(self.tr("&View"))
        for action in self.page_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.tour_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self, location: str) -> None:
        status = self.statusBar()
        self.database_label = ElidedLabel(self.tr("Database: {location}").format(location=location))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.database_label.setMaximumWidth(620)
        self.database_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.task_status = TaskStatus(self.task_runner, self)
        status.addPermanentWidget(self.task_status)
        status.addPermanentWidget(self.database_label)

    def _nav_width(self) -> int:
        return max(150, self.fontMetrics().horizontalAdvance("Dashboard") * 2)

    def _style_navigation(self) -> None:
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet(theme.navigation_stylesheet())  # the coloured bar, themed app or not

    def _database_name(self) -> str:
        if self.database is None:
            return ""
        if self.database.path is not None:
            return self.database.path.name
        return self.database.describe()

    # --- commands -------------------------------------------------------------
    def back_up_database(self) -> None:
        from .settings.page import SettingsPage  # loaded by now: the action works once pages exist

        settings = self._pages.get("settings")
        if isinstance(settings, SettingsPage):
            settings.start_backup()

    def open_data_folder(self) -> None:
        open_folder(self, config.data_dir())

    def show_help(self, topic: str = "") -> QWidget:
        """The user guide (ui/help) in the window's language, at `topic` or the page's own."""
        from .. import i18n
        from .help.guide import PAGE_TOPICS
        from .help.viewer import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(i18n.current_language(), self)
        if not topic and self._pages:
            topic = PAGE_TOPICS.get(self.current_page_key(), "")
        if topic:
            self.help_window.show_topic(topic)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def start_tour(self) -> Optional[QWidget]:
        """The getting-started tour over the window (ui/help/tour.py); None before the pages exist."""
        from .help.tour import FirstStartTour

        if not self._pages:
            return None
        if self.tour is not None:
            self.tour.close_tour(done=False)
        self.tour = FirstStartTour(self)
        self.tour.finished.connect(lambda _done: setattr(self, "tour", None))
        return self.tour

    def offer_first_start_tour(self) -> Optional[QWidget]:
        """The tour, unless the user finished it or chose 不再显示 before (called by the app
        on start; windows built elsewhere, e.g. in tests, do not start it by themselves)."""
        from .help.tour import tour_done

        if not self.remember_state or tour_done():
            return None
        return self.start_tour()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Livestream Desk"),
            self.tr(
                "<h3>Livestream Desk {version}</h3>"
                "<p>Plan livestreams, log their sales and follow monthly growth, "
                "on one PC and without internet.</p>"
                "<p>Database: {location}</p>"
            ).format(version=__version__, location=self.database.describe() if self.database else ""),
        )

    # --- window state -----------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings() if self.remember_state else None
        geometry = settings.value(SETTINGS_GEOMETRY) if settings else None
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(self._default_size())
        if settings is None:
            return
        state = settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _restore_page(self) -> None:
        if not self.remember_state:
            return
        settings = QSettings()
        for page in self._pages.values():
            page.restore_view_state(settings)
        key = settings.value(SETTINGS_PAGE, "", type=str)
        if key in self._keys:
            self.show_page(key)

    def _default_size(self) -> QSize:
        screen = self.screen() or QApplication.primaryScreen()
        size = QSize(DEFAULT_SIZE)
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(available.width() - 40, available.height() - 60))
        return size.expandedTo(MINIMUM_SIZE)

    def save_state(self) -> None:
        if not self.remember_state:
            return
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        settings.setValue(SETTINGS_STATE, self.saveState())
        if self._pages:
            settings.setValue(SETTINGS_PAGE, self.current_page_key())
        for page in self._pages.values():
            page.save_view_state(settings)
        settings.sync()

    def shutdown(self) -> None:
        """Stop background work and wait for it, so no result arrives at a closed window."""
        if self.live_refresh is not None:
            self.live_refresh.stop()
        for page in self._pages.values():
            page.database_detached()
        self.task_runner.cancel_all()
        if not self.task_runner.wait(SHUTDOWN_WAIT_MS):
            log.warning("background work still running at shutdown")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_state()
            self.shutdown()
        super().closeEvent(event)
