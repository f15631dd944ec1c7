"""商品 Catalogue: the product list with search, filters, editing, stock, import and export.

Everything that reads or writes the database runs in the background as page operations
(ui/operation.py). The list is a windowed table model sorted in SQL (table_model.py); typing
in the search box queries ~150 ms after the last key, and only the latest answer reaches the
screen. Changes are undoable operations (undo_commands.py) on the page's QUndoStack: Ctrl+Z
undoes an edit, an archive or a delete, in the background too.

The main window puts `menu_actions()` in its menus; the page's Edit actions work only while
the page is shown (`set_active`), its File actions (import, export, template) from anywhere:
they bring the page forward first (`showRequested`).
"""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout, QWidget

from ...db.engine import Database
from ...domain.validation import clean_product
from ...domain.money import format_display
from ...services.catalogue import ProductInput, ProductQuery, ProductRow, product_input_from, usage_counts
from ...services.catalogue.stock_totals import StockTotals, stock_totals
from ...services.product_io import ProductImportResult, export_products, write_product_template
from ...services.versions import ChangedElsewhere
from ..errors import report_error
from ..operation import PageOp, UndoActions
from ..page import Page, PageMenus
from ..tasks import TaskRunner
from ..widgets.changed_elsewhere import ask_changed_elsewhere
from ..widgets.flow_layout import FlowBar
from . import undo_commands
from .categories_dialog import CategoriesDialog
from .editor import EditorData, ProductEditor, load_editor_data
from .filter_bar import FilterBar, FilterOptions, load_filter_options
from .import_dialog import ProductImporter
from .product_view import ProductTableView
from .questions import EXPORT_ALL, EXPORT_FILTERED, ask_export_scope, confirm_delete
from .stock_dialog import StockDialog
from .table_model import ProductTableModel

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
STOCK_TOTALS_DELAY_MS = 250  # the stock totals follow once the list has settled


class CataloguePage(Page):
    """`CataloguePage(database, task_runner, parent)`; `loaded` each time a new list is on screen."""

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("cataloguePage")
        self._first_load_pending = False
        self._options_generation = 0
        self._options_loading = False
        self._restore: Optional[tuple[list[int], int]] = None  # (selected ids, scroll) after a reload
        self.editor: Optional[ProductEditor] = None
        self.stock_dialog: Optional[StockDialog] = None
        self.categories_dialog: Optional[CategoriesDialog] = None

        self.undo_stack = QUndoStack(self)
        self.undo_actions = UndoActions(self, self.undo_stack)
        self.model = ProductTableModel(database, task_runner, self)
        self.importer = ProductImporter(database, task_runner, self)

        self._build_actions()
        self._build_widgets()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)

        self.stock_totals: Optional[StockTotals] = None  # of the listed products, once loaded
        self._stock_generation = 0
        self._stock_loading = False  # the latest stock totals asked for have not come back yet
        self._stock_timer = QTimer(self)
        self._stock_timer.setSingleShot(True)
        self._stock_timer.setInterval(STOCK_TOTALS_DELAY_MS)
        self._stock_timer.timeout.connect(self._load_stock_totals)

        self.search_edit.textChanged.connect(self._on_search_edited)
        self.filter_bar.changed.connect(self.apply_query)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_load_failed)
        self.model.fetched.connect(lambda _n: self._update_count())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.busyChanged.connect(lambda _busy: self._update_actions())
        self.activeChanged.connect(lambda _active: self._update_actions())
        self.importer.imported.connect(self._on_imported)
        self._update_actions()

    # --- building ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(self.tr("&Import Products…"), self.import_products,
                                          tip=self.tr("Bring products in from an Excel or CSV product list"))
        self.export_action = self._action(self.tr("&Export Products…"), self.export_products,
                                          tip=self.tr("Save the products to an Excel or CSV file"))
        self.template_action = self._action(self.tr("Download Product &Template…"), self.download_template,
                                            tip=self.tr("Save an empty product list to fill in with Excel"))

        self.undo_action, self.redo_action = self.undo_actions.actions()
        self.new_action = self._action(self.tr("&New Product…"), self.new_product, QKeySequence.StandardKey.New,
                                       tip=self.tr("Add a product to the catalogue"))
        self.edit_action = self._action(self.tr("&Edit Product…"), self.edit_selected,
                                        tip=self.tr("Change the selected product"))
        self.stock_action = self._action(self.tr("&Stock…"), self.stock_selected,
                                         tip=self.tr("Add or take away stock, with a reason; see the history"))
        self.archive_action = self._action(self.tr("&Archive"), self.archive_selected,
                                           tip=self.tr("Hide the product from the list and from new lineups"))
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete,
                                          tip=self.tr("Delete the selected products (can be undone)"))
        # Delete works on the product list only: in a text box it deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action = self._action(self.tr("&Find Product"), self.focus_search, QKeySequence.StandardKey.Find,
                                        tip=self.tr("Search by name, seller SKU, origin or producer, also in pinyin"))
        self.categories_action = self._action(self.tr("&Categories…"), self.edit_categories,
                                              tip=self.tr("Add, rename, merge or delete categories"))

    def _action_button(self, action: QAction, text: str, name: str) -> QPushButton:
        """A button doing what `action` does (enabled with it), with a short label."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    def _build_widgets(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("catalogueSearch")
        self.search_edit.setPlaceholderText(self.tr("Search name, seller SKU, origin, producer — pinyin works: hj, huangju"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self.search_edit.installEventFilter(self)

        self.new_button = QPushButton(self.tr("New product"), self)
        self.new_button.setObjectName("newProductButton")
        self.new_button.clicked.connect(self.new_product)
        self.edit_button = self._action_button(self.edit_action, self.tr("Edit…"), "editButton")
        self.stock_button = self._action_button(self.stock_action, self.tr("Stock…"), "stockButton")
        self.archive_button = self._action_button(self.archive_action, self.tr("Archive"), "archiveButton")
        self.delete_button = self._action_button(self.delete_action, self.tr("Delete"), "deleteButton")
        self.categories_button = self._action_button(self.categories_action, self.tr("Categories…"),
                                                     "categoriesButton")
        self.import_button = self._action_button(self.import_action, self.tr("Import…"), "importButton")
        self.export_button = self._action_button(self.export_action, self.tr("Export…"), "exportButton")

        # One line at 1366×768; wraps in a narrower window instead of pushing buttons off the edge.
        self.toolbar = FlowBar(self)
        self.toolbar.setObjectName("catalogueToolbar")
        self.toolbar.add(self.search_edit, stretch=True)
        self.toolbar.add(self.new_button, gap_before=8)
        for button in (self.edit_button, self.stock_button, self.archive_button, self.delete_button):
            self.toolbar.add(button)
        self.toolbar.add(self.categories_button, gap_before=8)
        for button in (self.import_button, self.export_button):
            self.toolbar.add(button)

        self.filter_bar = FilterBar(self)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.setObjectName("clearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("productCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_bar)
        filters.addWidget(self.clear_filters_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.view = ProductTableView(self.model, self)
        self.view.addAction(self.delete_action)
        # The page's shortcuts work wherever the page is shown, in the main window (whose
        # menus hold the same actions) or on its own.
        self.addActions([self.undo_action, self.redo_action, self.new_action, self.find_action])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("catalogueEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setText(self.tr(
            "No products yet. Click “New product” to add one, or import a product list from Excel "
            "(File → Download Product Template gives you one to fill in)."))
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.stock_label = QLabel(self)  # the 合计 line under the list (empty until known)
        self.stock_label.setObjectName("stockTotals")
        self.stock_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stock_label.hide()
        layout.addWidget(self.stock_label)
        layout.addWidget(self.empty_label, 1)

    # --- the page interface (ui/page.py) -----------------------------------------------------
    def editing_controls(self) -> list:
        return [self.import_action, self.undo_action, self.redo_action, self.new_action, self.edit_action,
                self.stock_action, self.archive_action, self.delete_action, self.categories_action, self.new_button]

    def menu_actions(self) -> PageMenus:
        return PageMenus(
            file=[self.import_action, self.export_action, self.template_action],
            edit=[self.undo_action, self.redo_action, None, self.new_action, self.edit_action,
                  self.stock_action, self.archive_action, self.delete_action, None, self.find_action,
                  self.categories_action],
        )

    def is_loading(self) -> bool:
        return (self._search_timer.isActive() or self._stock_timer.isActive() or self._stock_loading
                or self.model.is_loading() or self._options_loading
                or self._first_load_pending or self.is_busy())

    def first_shown(self) -> None:
        self._first_load_pending = True
        QTimer.singleShot(0, self.refresh)  # after the page has been painted once

    def data_areas(self) -> frozenset:
        """What other PCs' changes reload here: products, their stock, categories and producers."""
        return frozenset({"catalogue"})

    def refresh(self) -> None:
        """Load the list (keeping the rows loaded and the selection) and the filter choices."""
        self._search_timer.stop()
        self._remember_view()
        if self.model.has_loaded():
            self.model.reload()
        else:
            self.model.set_query(self.current_query())
        self.load_filter_options()

    def save_view_state(self, settings: QSettings) -> None:
        self.view.save_state(settings)

    def restore_view_state(self, settings: QSettings) -> None:
        self.view.restore_state(settings)

    # --- query ----------------------------------------------------------------------------
    def current_query(self) -> ProductQuery:
        """The search text, filters and sort now on screen (no window)."""
        query = self.filter_bar.apply_to(self.model.query())
        return replace(query, text=self.search_edit.text(), offset=0, limit=None)

    def is_filtered(self) -> bool:
        return bool(self.search_edit.text().strip()) or self.filter_bar.is_filtered()

    def _on_search_edited(self, _text: str) -> None:
        self._search_timer.start()

    def flush_search(self) -> None:
        """Query now for what is typed (instead of after the typing pause)."""
        if self._search_timer.isActive():
            self.apply_query()

    def apply_query(self) -> None:
        self._search_timer.stop()
        self._restore = None
        self.clear_filters_button.setVisible(self.filter_bar.is_filtered())
        self.model.set_query(self.current_query())

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def load_filter_options(self) -> None:
        # A read beside the list, not a page operation: it must not make the page busy (that
        # would disable editing), and a failure only leaves the previous choices in the filters.
        self._options_generation += 1
        generation = self._options_generation
        self._options_loading = True
        self.task_runner.submit(
            load_filter_options, self.database,
            on_success=lambda options, g=generation: self._on_options(g, options),
            on_failure=lambda exc, g=generation: self._on_options_failed(g, exc),
        )

    def _on_options(self, generation: int, options: FilterOptions) -> None:
        if generation != self._options_generation:
            return
        self._options_loading = False
        self.filter_bar.set_options(options)

    def _on_options_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._options_generation:
            self._options_loading = False
            log.warning("filter choices could not be loaded: %s", exc)

    def _remember_view(self) -> None:
        self._restore = (self.selected_ids(), self.view.verticalScrollBar().value())

    def _on_loaded(self, total: int) -> None:
        self._first_load_pending = False
        restore, self._restore = self._restore, None
        if restore is not None:
            ids, scroll = restore
            self.select_ids(ids, scroll_to=False)
            self.view.verticalScrollBar().setValue(scroll)
        self._update_count()
        self._stock_timer.start()
        self._update_empty_state()
        self._update_actions()
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._first_load_pending = False
        self.count_label.setText(self.tr("The products could not be loaded."))
        report_error(self, exc)
        self.loaded.emit()

    def _update_count(self) -> None:
        total = self.model.total()
        if total == 0 and self.is_filtered():
            self.count_label.setText(self.tr("No products match"))
        else:
            self.count_label.setText(self.tr("{count} products").format(count=f"{total:,}"))
        self._update_stock_label()

    def _update_stock_label(self) -> None:
        """合计 of the listed products: units in stock and their value at cost (库存金额)."""
        stock, total = self.stock_totals, self.model.total()
        self.stock_label.setVisible(total > 0)  # stays put while the figures follow: no jumping list
        if stock is None or not total or stock.products != total:  # none yet, or of another list
            self.stock_label.setText("")
            return
        text = self.tr("Total  {count} products · in stock {units} · worth {value} at cost").format(
            count=f"{stock.products:,}", units=f"{stock.units:,}", value=format_display(stock.cost_value_fen))
        if stock.without_cost:
            text += self.tr(" ({count} without a cost price)").format(count=f"{stock.without_cost:,}")
        self.stock_label.setText(text)

    def _load_stock_totals(self) -> None:
        """The stock totals of the listed products, once the list has settled (never between
        keystrokes: the search stays as fast as without them)."""
        if self._search_timer.isActive() or self.model.is_loading():
            self._stock_timer.start()
            return
        self._stock_generation += 1
        self._stock_loading = True
        generation, query = self._stock_generation, self.current_query()
        self.task_runner.submit(
            lambda _context, db: stock_totals(db, query), self.database,
            on_success=lambda totals, g=generation: self._on_stock_totals(g, totals),
            on_failure=lambda exc, g=generation: self._on_stock_totals_failed(g, exc),
        )

    def _on_stock_totals(self, generation: int, totals: StockTotals) -> None:
        if generation == self._stock_generation:
            self._stock_loading = False
            self.stock_totals = totals
            self._update_stock_label()

    def _on_stock_totals_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._stock_generation:
            self._stock_loading = False
        log.warning("stock totals could not be loaded: %s", exc)

    def _update_empty_state(self) -> None:
        empty = self.model.total() == 0 and not self.is_filtered()
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)

    # --- selection ------------------------------------------------------------------------------
    def selected_rows(self) -> list[ProductRow]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.product(r) for r in rows if r < self.model.rowCount()]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def select_ids(self, ids: list[int], scroll_to: bool = True) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = None
        for pid in ids:
            row = self.model.row_of(pid)
            if row is None:
                continue
            index = self.model.index(row, 0)
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
            if first is None:
                first = index
        if first is not None:
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
            if scroll_to:
                self.view.scrollTo(first)

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        idle = not self.is_busy()
        active = self.is_active()
        one = len(rows) == 1
        self.new_action.setEnabled(active)
        self.new_button.setEnabled(not self.is_read_only())
        self.find_action.setEnabled(active)
        self.edit_action.setEnabled(active and one and idle)
        self.stock_action.setEnabled(active and one)
        self.archive_action.setEnabled(active and bool(rows) and idle)
        self.delete_action.setEnabled(active and bool(rows) and idle)
        self.categories_action.setEnabled(active)
        if rows and all(r.archived for r in rows):
            self.archive_action.setText(self.tr("Put Back on &Sale"))
            self.archive_action.setToolTip(self.tr("Show the product in the list and in lineups again"))
            self.archive_button.setText(self.tr("Put back on sale"))
        else:
            self.archive_action.setText(self.tr("&Archive"))
            self.archive_action.setToolTip(self.tr("Hide the product from the list and from new lineups"))
            self.archive_button.setText(self.tr("Archive"))
        self.archive_button.setToolTip(self.archive_action.toolTip())

    def _context_menu(self, point) -> None:
        index = self.view.indexAt(point)
        if index.isValid() and index.row() not in {i.row() for i in self.view.selectionModel().selectedRows()}:
            self.view.selectRow(index.row())
        menu = QMenu(self)
        for action in (self.edit_action, self.stock_action, self.archive_action, self.delete_action, None,
                       self.new_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.flush_search()
                self.view.setFocus()
                if not self.view.selectionModel().hasSelection():
                    self.view.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.showRequested.emit()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- changes (undoable) ------------------------------------------------------------------
    def _after_change(self, product_ids: Optional[list[int]] = None) -> None:
        """The catalogue changed: reload what is loaded, select what was changed."""
        self._remember_view()
        if product_ids:
            self._restore = (product_ids, self.view.verticalScrollBar().value())
        self.model.reload()
        self.load_filter_options()
        self.databaseChanged.emit()

    def new_product(self) -> None:
        self.showRequested.emit()
        self._open_editor(None)

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open_editor(rows[0].id)

    def _open_editor(self, product_id: Optional[int]) -> None:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return
        PageOp(self, lambda db, task: load_editor_data(task, db, product_id), with_task=True,
               success=self._show_editor).run()

    def _show_editor(self, data: EditorData) -> None:
        editor = ProductEditor(data, self.database, self.task_runner, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saveRequested.connect(lambda data_in, e=editor: self._save_from_editor(e, data_in))
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()

    def _save_from_editor(self, editor: ProductEditor, data: ProductInput) -> None:
        def saved(_row: ProductRow) -> None:
            editor.set_saving(False)
            editor.accept()
            self.show_message(self.tr("Saved {name}").format(name=f"“{str(data.name).strip()}”"))

        if editor.detail is None:
            undo_commands.create_product(self, self.undo_stack, data, changed=self._after_change,
                                         success=saved, failure=editor.save_failed).run()
            return
        before = product_input_from(editor.detail)
        valid_before, _ = clean_product(before)
        valid_after, _ = clean_product(data)
        if valid_after is not None and valid_after == valid_before:
            editor.set_saving(False)
            editor.accept()  # nothing changed: nothing to write or undo
            return
        stock_before = editor.detail.stock
        stock_after = valid_after.stock if valid_after is not None else stock_before
        undo_commands.edit_product(self, self.undo_stack, editor.detail.id, before, data, stock_before, stock_after,
                                   changed=self._after_change, success=saved, expected_version=editor.version,
                                   failure=lambda exc: self._edit_failed(editor, exc)).run()

    def _edit_failed(self, editor: ProductEditor, exc: BaseException) -> None:
        """Another PC saved the product since the editor opened: reload, overwrite or go back."""
        if not isinstance(exc, ChangedElsewhere):
            editor.save_failed(exc)
            return
        product_id = editor.detail.id if editor.detail is not None else None

        def reload() -> None:
            PageOp(self, lambda db, task: load_editor_data(task, db, product_id), with_task=True,
                   success=editor.reload_from, failure=editor.save_failed).run()

        def overwrite() -> None:
            editor.version = exc.version  # knowingly over the other change
            self._save_from_editor(editor, editor.product_input())

        editor.conflict_box = ask_changed_elsewhere(editor, exc, reload=reload, overwrite=overwrite,
                                                    went_back=lambda: editor.set_saving(False))

    def archive_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        archive = not all(r.archived for r in rows)
        targets = [(r.id, r.name) for r in rows if r.archived != archive]
        if targets:
            undo_commands.set_archived(self, self.undo_stack, targets, archive, changed=self._after_change).run()

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or self.is_busy():
            return
        ids = [r.id for r in rows]
        PageOp(self, lambda db: {pid: usage_counts(db, pid) for pid in ids},
               success=lambda usage: self._confirm_delete(rows, usage)).run()

    def _confirm_delete(self, rows: list[ProductRow], usage: dict[int, tuple[int, int]]) -> None:
        answer = confirm_delete(self, rows, usage)
        if answer is not None:
            free, to_archive = answer
            undo_commands.delete_products(self, self.undo_stack, [(r.id, r.name) for r in free],
                                          [(r.id, r.name) for r in to_archive], changed=self._after_change).run()

    # --- stock and categories ------------------------------------------------------------------
    def stock_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_stock_dialog(rows[0].id)

    def open_stock_dialog(self, product_id: int) -> StockDialog:
        dialog = StockDialog(self.database, self.task_runner, product_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self._after_change())
        dialog.finished.connect(lambda _r: setattr(self, "stock_dialog", None))
        self.stock_dialog = dialog
        dialog.open()
        return dialog

    def edit_categories(self) -> CategoriesDialog:
        dialog = CategoriesDialog(self.database, self.task_runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self._after_change())
        dialog.finished.connect(lambda _r: setattr(self, "categories_dialog", None))
        self.categories_dialog = dialog
        dialog.open()
        return dialog

    # --- import / export -----------------------------------------------------------------------
    def import_products(self, path: Optional[Path] = None) -> None:
        self.showRequested.emit()
        if self.importer.is_busy():
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import products"), str(Path.home()),
                self.tr("Product lists (*.xlsx *.xls *.csv);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.importer.start(Path(path))

    def _on_imported(self, result: ProductImportResult) -> None:
        self.show_message(self.tr(
            "Imported: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected"
        ).format(new=f"{result.new:,}", updated=f"{result.updated:,}", unchanged=f"{result.unchanged:,}",
                 rejected=f"{result.rejected:,}"))
        self._after_change()

    def suggested_export_name(self) -> str:
        return self.tr("products-{date}.xlsx").format(date=date.today().strftime("%Y%m%d"))

    def export_products(self, path: Optional[Path] = None, scope: Optional[str] = None) -> None:
        """Save the filtered list (when filtered and the user says so) or the whole catalogue."""
        self.showRequested.emit()
        if scope is None:
            scope = ask_export_scope(self, self.model.total()) if self.is_filtered() else EXPORT_ALL
        if scope is None:
            return
        if path is None:
            excel, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
            chosen, chosen_filter = QFileDialog.getSaveFileName(
                self, self.tr("Export products"), str(Path.home() / self.suggested_export_name()),
                f"{excel};;{csv}",
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".csv" if chosen_filter == csv else ".xlsx")
        query = replace(self.current_query(), offset=0, limit=None) if scope == EXPORT_FILTERED else None
        target = Path(path)
        PageOp(
            self, lambda db, task: export_products(db, target, query, task.progress, task.cancelled), with_task=True,
            success=lambda count: self.show_message(
                self.tr("Exported {count} products to {path}").format(count=f"{count:,}", path=target)),
            title=self.tr("Cannot export"), label=self.tr("Export products"),
        ).run()

    def download_template(self, path: Optional[Path] = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the product template"),
                str(Path.home() / self.tr("product-template.xlsx")),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".xlsx")
        target = Path(path)
        PageOp(self, lambda _db: write_product_template(target),
               success=lambda written: self.show_message(self.tr("Template saved to {path}").format(path=written)),
               ).run()


__all__ = ["CataloguePage", "ask_export_scope", "EXPORT_FILTERED", "EXPORT_ALL"]
