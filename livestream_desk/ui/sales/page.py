"""销售 Sales: every sale line in a lazy table over the windowed sales service, its filters and
a totals row (DESIGN §5); manual entry, editing, refunds and deleting, all undoable; exports;
the livestream sales view and the live console.

Reads and writes run as page operations (ui/operation.py). The list's rows are read window by
window (table_model.py) and the totals after them, so the first rows paint at once even over
a million lines.
"""
from __future__ import annotations

import importlib
import logging
from datetime import datetime
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...services import sales
from ...services.sales import SaleInput, SaleInvalid, SaleRow, SalesOptions
from ...services.changes import ALL_AREAS
from ...services.versions import ChangedElsewhere
from ..errors import report_error
from ..latest_load import LatestLoad
from ..operation import PageOp, UndoableOp, UndoActions
from ..page import Page, PageMenus
from ..tasks import TaskRunner
from ..widgets.changed_elsewhere import ask_changed_elsewhere
from .entry_dialog import SaleEntryDialog
from .filter_bar import SalesFilterBar
from .refund_dialog import RefundDialog
from .sales_view import SalesTableView
from .table_model import SALE_ROW_ROLE, SalesTableModel
from .totals_bar import TotalsBar

log = logging.getLogger(__name__)


def import_dialog_opener() -> Optional[Callable[..., Any]]:
    """ui.imports.open_import_dialog(parent, db) once that package exists, else None."""
    try:
        module = importlib.import_module("livestream_desk.ui.imports")
    except ImportError:
        return None
    return getattr(module, "open_import_dialog", None)


class SalesPage(Page):
    """`SalesPage(database, task_runner, parent)`; `loaded` when the list and its totals are on screen."""

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("salesPage")
        self.options: Optional[SalesOptions] = None
        self.entry_dialog: Optional[SaleEntryDialog] = None
        self.refund_dialog: Optional[RefundDialog] = None
        self.livestream_views: dict[int, QWidget] = {}
        self.consoles: dict[int, QWidget] = {}
        self.totals_load = LatestLoad(self, success=self._show_totals, title=self.tr("Cannot show the sales"),
                                      parent=self)
        self._options_loading = False

        self.undo_stack = QUndoStack(self)
        self.undo_actions = UndoActions(self, self.undo_stack)
        self.model = SalesTableModel(database, task_runner, self)
        self._build_actions()
        self._build_widgets()
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(lambda exc: report_error(self, exc, self.tr("Cannot show the sales")))
        self.model.modelReset.connect(self._update_actions)
        self.filter_bar.changed.connect(self.apply_filters)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self._update_actions()

    # --- actions ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(self.tr("Import &Orders…"), self.import_orders,
                                          tip=self.tr("Bring in a 抖店, 快手小店 or 京东 order export"))
        self.history_action = self._action(self.tr("Order Import &History…"), self.show_import_history,
                                           tip=self.tr("See each import and undo a whole batch"))
        self.export_action = self._action(self.tr("E&xport Sales…"), self.export_sales,
                                          tip=self.tr("Save the sale lines of the current filter to Excel or CSV"))
        self.undo_action, self.redo_action = self.undo_actions.actions()
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.new_action = self._action(self.tr("&New Sale…"), self.new_sale, QKeySequence.StandardKey.New,
                                       tip=self.tr("Enter a sale by hand"))
        self.edit_action = self._action(self.tr("&Edit Sale…"), self.edit_selected, "Ctrl+E",
                                        tip=self.tr("Change the selected sale line"))
        self.refund_action = self._action(self.tr("&Refund…"), self.refund_selected, "Ctrl+R",
                                          tip=self.tr("Mark the selected line refunded, fully or partly"))
        self.delete_action = self._action(self.tr("&Delete Sales"), self.delete_selected,
                                          QKeySequence.StandardKey.Delete,
                                          tip=self.tr("Delete the selected sale lines (can be undone)"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.livestream_action = self._action(self.tr("&Livestream Sales…"), self.show_livestream, "Ctrl+L",
                                              tip=self.tr("Figures, lines and lineup comparison of one livestream"))
        self.console_action = self._action(self.tr("Live &Console…"), self.open_console, "Ctrl+Shift+L",
                                           tip=self.tr("Log sales during a livestream with one key press each"))
        self.find_action = self._action(self.tr("&Find Order"), lambda: self.filter_bar.order_text.setFocus(),
                                        QKeySequence.StandardKey.Find, tip=self.tr("Find lines by order number"))

    def _button(self, action: QAction, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    def _build_widgets(self) -> None:
        self.new_button = self._button(self.new_action, self.tr("New sale"), "newSaleButton")
        self.new_button.setDefault(False)
        self.refund_button = self._button(self.refund_action, self.tr("Refund"), "refundButton")
        self.delete_button = self._button(self.delete_action, self.tr("Delete"), "deleteSaleButton")
        self.livestream_button = self._button(self.livestream_action, self.tr("Livestream view"), "livestreamButton")
        self.console_button = self._button(self.console_action, self.tr("Live console"), "consoleButton")
        self.import_button = self._button(self.import_action, self.tr("Import orders"), "importOrdersButton")
        self.export_button = self._button(self.export_action, self.tr("Export"), "exportSalesButton")
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.new_button, self.refund_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.livestream_button)
        buttons.addWidget(self.console_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)

        self.filter_bar = SalesFilterBar(self)
        self.view = SalesTableView(self.model, self)
        self.totals_bar = TotalsBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_bar)

    def page_title(self) -> str:
        return self.tr("Sales")

    def editing_controls(self) -> list:
        return [self.import_action, self.history_action, self.undo_action, self.redo_action, self.new_action,
                self.edit_action, self.refund_action, self.delete_action, self.console_action]

    def menu_actions(self) -> PageMenus:
        return PageMenus(
            file=[self.import_action, self.history_action, self.export_action],
            edit=[self.undo_action, self.redo_action, None, self.new_action, self.edit_action, self.refund_action,
                  self.delete_action, None, self.find_action, self.livestream_action, self.console_action],
        )

    def set_active(self, active: bool) -> None:
        super().set_active(active)
        self._update_actions()

    def _update_actions(self) -> None:
        active = self.is_active() or self.isVisible()
        selected = self.selected_sales()
        one = len(selected) == 1
        self.new_action.setEnabled(active)
        self.edit_action.setEnabled(active and one)
        self.refund_action.setEnabled(active and one and selected[0].paid_at is not None if one else False)
        self.delete_action.setEnabled(active and bool(selected))
        self.find_action.setEnabled(active)
        has_stream = self.current_livestream_id() is not None
        self.livestream_action.setEnabled(active and has_stream)
        self.console_action.setEnabled(active and has_stream)
        self.import_action.setEnabled(import_dialog_opener() is not None)

    # --- loading ----------------------------------------------------------------------------
    def first_shown(self) -> None:
        QTimer.singleShot(0, self.refresh)

    def data_areas(self) -> frozenset:
        """What other PCs' changes reload here: sale lines, with their livestream and product."""
        return frozenset({"sales", "schedule", "catalogue"})

    def refresh(self) -> None:
        self.apply_filters()
        self.load_options()

    def is_loading(self) -> bool:
        return super().is_loading() or self.model.is_loading() or self.totals_load.is_loading()

    def apply_filters(self) -> None:
        """Show the lines of the filters now chosen, from the first; the totals follow."""
        self.model.set_query(self.filter_bar.query(self.model.query()))
        self._load_totals()

    def _load_totals(self) -> None:
        self.totals_bar.show_loading()
        query = self.filter_bar.query()
        self.totals_load.run(lambda db: sales.sales_totals(db, query))

    def _show_totals(self, totals) -> None:
        self.totals_bar.set_totals(totals)
        self._maybe_loaded()

    def load_options(self) -> None:
        if self._options_loading:
            return
        self._options_loading = True

        def done(options: SalesOptions) -> None:
            self._options_loading = False
            self.options = options
            self.filter_bar.set_options(options)

        def failed(exc: BaseException) -> None:
            self._options_loading = False
            report_error(self, exc, self.tr("Cannot show the sales"))

        PageOp(self, sales.sales_options, success=done, failure=failed).run()

    def _on_loaded(self, _total: int) -> None:
        self._update_actions()
        self._maybe_loaded()

    def _maybe_loaded(self) -> None:
        if not self.model.is_loading() and not self.totals_load.is_loading():
            self.loaded.emit()

    def save_view_state(self, settings: QSettings) -> None:
        self.view.save_state(settings)

    def restore_view_state(self, settings: QSettings) -> None:
        self.view.restore_state(settings)

    # --- selection ----------------------------------------------------------------------------
    def selected_sales(self) -> list[SaleRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        found = []
        for row in rows:
            sale = self.model.index(row, 0).data(SALE_ROW_ROLE)
            if sale is not None:
                found.append(sale)
        return found

    def current_livestream_id(self) -> Optional[int]:
        """The livestream of the selected line, else the one the filter shows."""
        selected = self.selected_sales()
        if selected and selected[0].livestream_id is not None:
            return selected[0].livestream_id
        chosen = self.filter_bar.livestream.currentData()
        return chosen if chosen else None

    def _changed(self, _state: Any = None) -> None:
        """After a write: the list (where it was), the totals, the other consoles and livestream
        views (a console's sale shows in its livestream's view), and the other pages."""
        self.model.reload()
        self._load_totals()
        self._side_windows_catch_up(except_window=self.sender())
        self.databaseChanged.emit()

    def data_changed(self, areas: frozenset = ALL_AREAS) -> None:
        """Another page or PC changed `areas`: the page catches up as every page does, and the
        live consoles and livestream views catch up now, being on screen whatever page is
        current (a sale another PC logs, an import's lines, a lineup edited on the schedule)."""
        super().data_changed(areas)
        if frozenset(areas) & self.data_areas():
            self._side_windows_catch_up()

    def _side_windows_catch_up(self, except_window: Optional[QObject] = None) -> None:
        for console in self.consoles.values():
            if console is not except_window:
                console.reload()
        for view in self.livestream_views.values():
            if view is not except_window:
                view.refresh()

    # --- manual entry ---------------------------------------------------------------------------
    def _with_options(self, then: Callable[[], None]) -> None:
        if self.options is not None:
            then()
            return
        PageOp(self, sales.sales_options, success=lambda options: (setattr(self, "options", options),
                                                                    self.filter_bar.set_options(options), then())).run()

    def new_sale(self) -> None:
        self._with_options(lambda: self._open_entry(None))

    def edit_selected(self) -> None:
        selected = self.selected_sales()
        if len(selected) == 1:
            self._with_options(lambda: self._open_entry(selected[0]))

    def _open_entry(self, sale: Optional[SaleRow]) -> None:
        assert self.options is not None
        chosen = self.filter_bar.livestream.currentData()
        dialog = SaleEntryDialog(self.options, self, sale=sale, livestream_id=chosen if chosen else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda data, d=dialog: self.save_sale(d, data))
        self.entry_dialog = dialog
        dialog.open()

    def _entry_failed(self, dialog: QDialog, exc: BaseException) -> None:
        if isinstance(exc, ChangedElsewhere) and isinstance(dialog, SaleEntryDialog):
            self._changed_elsewhere(dialog, exc)
        elif isinstance(exc, SaleInvalid):
            dialog.show_errors(exc.errors)  # type: ignore[attr-defined]
        else:
            dialog.buttons.setEnabled(True)  # type: ignore[attr-defined]
            report_error(dialog, exc, self.tr("Cannot save the sale"))

    def _changed_elsewhere(self, dialog: SaleEntryDialog, exc: ChangedElsewhere) -> None:
        """The line was changed elsewhere (an import's refund, another PC) since the dialog opened."""
        sale_id = dialog.sale.id if dialog.sale is not None else 0

        def reload() -> None:
            PageOp(self, lambda db: sales.get_sale(db, sale_id), success=dialog.reload_from,
                   failure=lambda e: self._entry_failed(dialog, e)).run()

        def overwrite() -> None:
            dialog.version = exc.version  # knowingly over the other change
            self.save_sale(dialog, dialog.sale_input())

        dialog.conflict_box = ask_changed_elsewhere(dialog, exc, reload=reload, overwrite=overwrite,
                                                    went_back=lambda: dialog.buttons.setEnabled(True))

    def save_sale(self, dialog: SaleEntryDialog, data: SaleInput) -> None:
        sale = dialog.sale
        if sale is None:
            UndoableOp(
                self, self.undo_stack, self.tr("New sale"),
                do=lambda db: sales.create_sale(db, data),
                undo=lambda db, sale_id: sales.delete_sales(db, [sale_id]),
                redo=lambda db, snapshots: sales.restore_sales(db, snapshots)[0],
                changed=self._changed, success=lambda _id: dialog.accept(),
                failure=lambda exc: self._entry_failed(dialog, exc),
            ).run()
        else:
            version = dialog.version
            UndoableOp(
                self, self.undo_stack, self.tr("Edit sale"),
                do=lambda db: sales.update_sale(db, sale.id, data, expected_version=version),
                undo=lambda db, snapshot: sales.restore_sale_values(db, snapshot),
                redo=lambda db, snapshot: sales.restore_sale_values(db, snapshot),
                changed=self._changed, success=lambda _s: dialog.accept(),
                failure=lambda exc: self._entry_failed(dialog, exc),
            ).run()

    # --- refunds ------------------------------------------------------------------------------
    def refund_selected(self) -> None:
        selected = self.selected_sales()
        if len(selected) != 1 or selected[0].paid_at is None:
            return
        dialog = RefundDialog(selected[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.refund_requested.connect(lambda amount, units, d=dialog: self.save_refund(d, amount, units))
        self.refund_dialog = dialog
        dialog.open()

    def save_refund(self, dialog: RefundDialog, amount: str, units: int) -> None:
        sale_id = dialog.sale.id

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SaleInvalid):
                dialog.show_errors(exc.errors)
            else:
                dialog.buttons.setEnabled(True)
                report_error(dialog, exc, self.tr("Cannot save the refund"))

        UndoableOp(
            self, self.undo_stack, self.tr("Refund"),
            do=lambda db: sales.refund_sale(db, sale_id, amount, units),
            undo=lambda db, change: sales.undo_refund(db, change),
            redo=lambda db, change: sales.redo_refund(db, change),
            changed=self._changed, success=lambda _c: dialog.accept(), failure=failed,
        ).run()

    # --- delete ---------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        selected = self.selected_sales()
        if not selected:
            return
        ids = [s.id for s in selected]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Sales"),
                          self.tr("Delete {count} sale lines? Their units go back into stock. "
                                  "You can undo this with Ctrl+Z.").format(count=f"{len(ids):,}"),
                          QMessageBox.StandardButton.NoButton, self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(delete)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.delete_sales(ids)

    def delete_sales(self, ids: list[int]) -> None:
        """Delete lines without asking (the question is `delete_selected`'s)."""
        UndoableOp(
            self, self.undo_stack, self.tr("Delete {count} sale lines").format(count=f"{len(ids):,}"),
            do=lambda db: sales.delete_sales(db, ids),
            undo=lambda db, snapshots: sales.restore_sales(db, snapshots),
            redo=lambda db, new_ids: sales.delete_sales(db, new_ids),
            changed=self._changed,
        ).run()

    # --- files ------------------------------------------------------------------------------------
    def export_sales(self, path: Optional[str] = None) -> None:
        if path is None:
            stamp = datetime.now().strftime("%Y%m%d")
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export Sales"), self.tr("sales-{date}.xlsx").format(date=stamp),
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not path:
                return
        query = self.filter_bar.query(self.model.query())
        query = type(query)(**{**query.__dict__, "offset": 0, "limit": None})
        PageOp(
            self, lambda db, task: sales.export_sales(db, path, query, progress=task.progress, cancelled=task.cancelled),
            with_task=True, label=self.tr("Exporting sales…"), title=self.tr("Cannot export the sales"),
            success=lambda count: self.show_message(self.tr("Exported {count} sale lines to {path}").format(
                count=f"{count:,}", path=path)),
        ).run()

    def import_orders(self) -> None:
        opener = import_dialog_opener()
        if opener is None:
            return
        self.showRequested.emit()
        result = opener(self, self.database)
        if isinstance(result, QDialog):
            result.finished.connect(lambda _r: self._after_import())
        else:
            self._after_import()

    def show_import_history(self) -> QWidget:
        """The imports so far, each undoable as a whole batch (ui/imports/history_dialog.py)."""
        from ..imports import open_import_history

        dialog = open_import_history(self, self.database)
        dialog.finished.connect(lambda _r: self._after_import())
        return dialog

    def _after_import(self) -> None:
        self.refresh()
        self.databaseChanged.emit()

    # --- livestream view and console -------------------------------------------------------------
    def show_livestream(self, livestream_id: Optional[int] = None) -> QWidget:
        from .livestream_view import LivestreamSalesView

        livestream_id = livestream_id or self.current_livestream_id()
        if livestream_id is None:
            return None  # type: ignore[return-value]
        view = self.livestream_views.get(livestream_id)
        if view is None:
            view = LivestreamSalesView(self.database, self.task_runner, livestream_id, self)
            view.destroyed.connect(lambda _o=None, i=livestream_id: self.livestream_views.pop(i, None))
            view.databaseChanged.connect(self._changed)
            self.livestream_views[livestream_id] = view
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def open_console(self, livestream_id: Optional[int] = None) -> QWidget:
        from .live_console import LiveConsole

        livestream_id = livestream_id or self.current_livestream_id()
        if livestream_id is None:
            return None  # type: ignore[return-value]
        console = self.consoles.get(livestream_id)
        if console is None:
            console = LiveConsole(self.database, self.task_runner, livestream_id, None)
            console.destroyed.connect(lambda _o=None, i=livestream_id: self.consoles.pop(i, None))
            console.databaseChanged.connect(self._changed)
            self.consoles[livestream_id] = console
        console.show()
        console.raise_()
        console.activateWindow()
        return console

    def database_detached(self) -> None:
        for console in list(self.consoles.values()):
            console.close()
        super().database_detached()


__all__ = ["SalesPage", "import_dialog_opener"]
