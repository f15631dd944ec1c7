"""The lineup (排品) editor of one livestream.

A table model of the lineup (order, product, spec, list price, live price, allotted stock,
talking points, value; archived products still shown, marked), edited in place; products are
added through the catalogue's search (pinyin and initials, services.catalogue.search_products);
rows move by drag and by Ctrl+Up / Ctrl+Down; a lineup can be copied from an earlier
livestream. Every change is an undoable page operation whose undo puts the whole lineup back
(services.schedule.restore_lineup), so the dialog has its own Undo / Redo buttons.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import shiboken6

from PySide6.QtCore import QAbstractTableModel, QByteArray, QItemSelectionModel, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_display, format_plain
from ...messages import Problem
from ...services import schedule
from ..widgets.mnemonics import button_text
from ...services.catalogue import ProductRow, search_products
from ...services.schedule import LineupItemRow, ListQuery, LivestreamRow
from ...services.versions import ChangedElsewhere
from ..errors import error_message, report_error
from ..latest_load import LatestLoad
from ..operation import PageOp, UndoableOp, redo_in_background, undo_in_background
from ..widgets.changed_elsewhere import ask_changed_elsewhere
from . import texts

MIME = "application/x-livestream-desk-lineup-rows"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

COLUMNS = ("position", "product", "spec", "list_price", "live_price", "allotted", "talking_points", "value")
EDITABLE = {"live_price", "allotted", "talking_points"}


class LineupModel(QAbstractTableModel):
    """The lineup in order; edits and drops are asked of the dialog (`editRequested`, `orderRequested`)."""

    editRequested = Signal(int, str, str)  # item id, column key, typed text
    orderRequested = Signal(list)  # item ids in the new order

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[LineupItemRow] = []
        self._muted = QBrush(QColor(texts.MUTED_COLOUR))

    def set_items(self, items: Sequence[LineupItemRow]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[LineupItemRow]:
        return list(self._items)

    def item_at(self, row: int) -> Optional[LineupItemRow]:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int:
        return next((n for n, item in enumerate(self._items) if item.id == item_id), -1)

    def total_value_fen(self) -> int:
        return sum(item.value_fen for item in self._items)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("No."), self.tr("Product"), self.tr("Spec"), self.tr("List price"), self.tr("Live price"),
                self.tr("Allotted"), self.tr("Talking points"), self.tr("Value"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.EditRole:
            if key == "live_price":
                return format_plain(item.price_fen)
            if key == "allotted":
                return "" if item.allotted_stock is None else str(item.allotted_stock)
            if key == "talking_points":
                return item.talking_points
            return self._display(item, key)
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("position", "list_price", "live_price", "allotted", "value"):
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and item.archived:
            return self._muted
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "product" and item.archived:
                return self.tr("This product was archived in the catalogue; it stays in this lineup.")
            if key == "talking_points":
                return item.talking_points or None
            if key == "allotted":
                return self.tr("In stock: {stock}").format(stock=f"{item.stock:,}")
        return None

    def _display(self, item: LineupItemRow, key: str) -> str:
        if key == "position":
            return str(item.position)
        if key == "product":
            return item.product_name + (self.tr(" (archived)") if item.archived else "")
        if key == "spec":
            return item.spec or item.unit
        if key == "list_price":
            return format_display(item.list_price_fen)
        if key == "live_price":
            return format_display(item.price_fen)
        if key == "allotted":
            return texts.count_text(item.allotted_stock)
        if key == "talking_points":
            return " ".join(item.talking_points.split())
        if key == "value":
            return format_display(item.value_fen) if item.allotted_stock else ""
        return ""

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = COLUMNS[index.column()]
        if key not in EDITABLE:
            return False
        text = "" if value is None else str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.editRequested.emit(self._items[index.row()].id, key, text)
        return False  # the lineup is reloaded once the change is saved

    # --- drag to reorder ----------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes})
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(str(self._items[r].id) for r in rows).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        moved = [int(part) for part in bytes(data.data(MIME)).decode().split(",") if part]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        self.orderRequested.emit(self.order_after_move(moved, row))
        return False  # nothing removed by the view: the lineup is reloaded

    def order_after_move(self, moved: list[int], row: int) -> list[int]:
        """The item ids after moving `moved` to before `row`."""
        ids = [item.id for item in self._items]
        before = ids[:row]
        rest = [i for i in ids if i not in moved]
        at = len([i for i in before if i not in moved])
        return rest[:at] + moved + rest[at:]


class ProductResultsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ProductRow] = []
        self._muted = QBrush(QColor(texts.MUTED_COLOUR))

    def set_rows(self, rows: Sequence[ProductRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Optional[ProductRow]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Product"), self.tr("Spec"), self.tr("Live price"), self.tr("Stock"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            price = row.live_price_fen if row.live_price_fen is not None else row.list_price_fen
            return (row.name, row.spec or row.unit, format_display(price), f"{row.stock:,}")[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return ALIGN_RIGHT
        return None


class LineupDialog(QDialog):
    """`LineupDialog(page, livestream)`: the lineup of one livestream, saved as it is edited."""

    changed = Signal()  # the lineup was written (the page refreshes its totals)

    def __init__(self, page, livestream: LivestreamRow, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or page)
        self.page = page
        self.livestream = livestream
        self.undo_stack = QUndoStack(self)
        self.setObjectName("lineupDialog")
        self.setWindowTitle(self.tr("Lineup: {title}").format(title=livestream.title))
        self.resize(1100, 640)

        # --- the lineup ------------------------------------------------------------------------
        self.model = LineupModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("lineupView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("talking_points"), QHeaderView.ResizeMode.Stretch)
        for key, width in (("position", 44), ("product", 200), ("spec", 90), ("list_price", 90), ("live_price", 90),
                           ("allotted", 70), ("value", 100)):
            self.view.setColumnWidth(COLUMNS.index(key), width)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("lineupTotal")
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.conflict_box = None  # the changed-elsewhere question while it is open
        self._saved_versions: dict[int, int] = {}  # item id → version this dialog's last edit saved
        self.error_label = QLabel(self)
        self.error_label.setObjectName("lineupError")
        self.error_label.setStyleSheet(texts.ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.up_action = QAction(self.tr("Move &up"), self)
        self.up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.up_action.triggered.connect(lambda: self.move_selected(-1))
        self.down_action = QAction(self.tr("Move &down"), self)
        self.down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.down_action.triggered.connect(lambda: self.move_selected(1))
        self.remove_action = QAction(self.tr("&Remove from lineup"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: undo_in_background(self.page, self.undo_stack))
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: redo_in_background(self.page, self.undo_stack))
        for action in (self.up_action, self.down_action, self.remove_action):
            self.view.addAction(action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        def tool(action: QAction, name: str) -> QPushButton:
            button = QPushButton(button_text(action.text()), self)
            button.setObjectName(name)
            button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(action.trigger)
            return button

        self.up_button = tool(self.up_action, "upButton")
        self.down_button = tool(self.down_action, "downButton")
        self.remove_button = tool(self.remove_action, "removeButton")
        self.undo_button = tool(self.undo_action, "undoButton")
        self.redo_button = tool(self.redo_action, "redoButton")
        self.undo_stack.indexChanged.connect(lambda _i: self._update_undo())

        self.copy_combo = QComboBox(self)
        self.copy_combo.setObjectName("copyCombo")
        self.copy_combo.setMinimumWidth(280)
        self.copy_button = QPushButton(self.tr("&Copy lineup"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(self.copy_from_earlier)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.undo_button, self.redo_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.total_label)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("Copy from an earlier livestream:"), self))
        copy_row.addWidget(self.copy_combo, 1)
        copy_row.addWidget(self.copy_button)
        hint = QLabel(self.tr("Double-click a live price, allotted stock or talking points to change it; "
                              "drag rows or press Ctrl+Up / Ctrl+Down to reorder."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        left_layout.addWidget(QLabel(texts.livestream_label(livestream), self))
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.error_label)
        left_layout.addWidget(hint)
        left_layout.addLayout(copy_row)

        # --- adding products -------------------------------------------------------------------
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(right)
        self.search_edit.setObjectName("productSearch")
        self.search_edit.setPlaceholderText(self.tr("Find products: name, code, pinyin (e.g. hj for 皇菊)"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = ProductResultsModel(self)
        self.results_view = QTableView(right)
        self.results_view.setObjectName("productResults")
        self.results_view.setModel(self.results)
        self.results_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.verticalHeader().hide()
        self.results_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.results_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 70), (3, 50)):
            self.results_view.setColumnWidth(column, width)
        self.results_count = QLabel(right)
        self.results_count.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        self.add_button = QPushButton(self.tr("&Add to lineup"), right)
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add_selected)
        self.results_view.doubleClicked.connect(lambda _index: self.add_selected())
        right_layout.addWidget(QLabel(self.tr("Add products"), right))
        right_layout.addWidget(self.search_edit)
        right_layout.addWidget(self.results_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.results_count, 1)
        bottom.addWidget(self.add_button)
        right_layout.addLayout(bottom)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(close)
        layout.addLayout(close_row)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._search = LatestLoad(self.page, success=self._show_results, parent=self)
        self.model.editRequested.connect(self.edit_item)
        self.model.orderRequested.connect(self.set_order)
        self._update_undo()
        self.reload()
        self.search()
        self._load_earlier()

    # --- loading -------------------------------------------------------------------------------
    def reload(self, select_item: int = 0) -> None:
        livestream_id = self.livestream.id

        def show(items) -> None:
            self.model.set_items(items)
            self.total_label.setText(self.tr("{count} products · planned value {value}").format(
                count=len(items), value=format_display(self.model.total_value_fen())))
            if select_item:
                row = self.model.row_of(select_item)
                if row >= 0:
                    self.select_item_row(row)

        PageOp(self.page, lambda db: schedule.lineup(db, livestream_id), success=show).run()

    def search(self) -> None:
        """Search the catalogue; only the latest search's results are shown."""
        text = self.search_edit.text()
        self._search.run(lambda db: search_products(db, text, limit=100))

    def _show_results(self, result) -> None:
        rows, total = result
        self.results.set_rows(rows)
        self.results_count.setText(self.tr("{shown} of {total} products").format(shown=len(rows), total=f"{total:,}"))
        if rows:
            self.select_result(0)

    def _load_earlier(self) -> None:
        start, own = self.livestream.scheduled_start, self.livestream.id

        def work(db):
            rows = schedule.list_livestreams(db, ListQuery(end=start, order_by="scheduled_start", descending=True,
                                                           limit=60))
            return [row for row in rows if row.lineup_size and row.id != own][:30]

        def show(rows) -> None:
            self.copy_combo.clear()
            for row in rows:
                self.copy_combo.addItem(self.tr("{label} ({count} products)").format(
                    label=texts.livestream_label(row), count=row.lineup_size), row.id)
            self.copy_button.setEnabled(bool(rows))

        PageOp(self.page, work, success=show).run()

    # selectRow() would toggle while Ctrl is held (Ctrl+Up just moved the row): select outright
    def select_item_row(self, row: int) -> None:
        index = self.model.index(row, COLUMNS.index("product"))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)

    def select_result(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.results_view.selectionModel().setCurrentIndex(self.results.index(row, 0), flags)

    # --- changes: each undoable, the whole lineup put back on undo -------------------------------
    def change(self, text: str, work: Callable[[Any], Any], select: Callable[[Any], int] = lambda _r: 0,
               failure: Optional[Callable[[BaseException], None]] = None) -> None:
        livestream_id = self.livestream.id

        def do(db):
            before = schedule.lineup(db, livestream_id)
            result = work(db)
            return before, result

        def swap(db, state):
            other = schedule.lineup(db, livestream_id)
            schedule.restore_lineup(db, livestream_id, state[0])
            return other, None

        def changed(state) -> None:
            self.changed.emit()
            self.reload(select(state[1]) if state[1] is not None else 0)

        self.error_label.hide()
        UndoableOp(self.page, self.undo_stack, text, do=do, undo=swap, redo=swap, changed=changed,
                   failure=failure or self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Problem):
            self.error_label.setText(error_message(exc))
            self.error_label.show()
            self.reload()
        else:
            report_error(self, exc)

    def selected_items(self) -> list[LineupItemRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [item for item in (self.model.item_at(r) for r in rows) if item is not None]

    def move_selected(self, step: int) -> None:
        items = self.selected_items()
        if len(items) != 1 or self.page.is_busy():
            return
        item = items[0]
        if step < 0:
            self.change(self.tr("Move {name} up").format(name=item.product_name),
                        lambda db: schedule.move_lineup_item_up(db, item.id), lambda _r: item.id)
        else:
            self.change(self.tr("Move {name} down").format(name=item.product_name),
                        lambda db: schedule.move_lineup_item_down(db, item.id), lambda _r: item.id)

    def set_order(self, item_ids: list) -> None:
        livestream_id = self.livestream.id
        self.change(self.tr("Reorder the lineup"), lambda db: schedule.set_lineup_order(db, livestream_id, item_ids))

    def remove_selected(self) -> None:
        items = self.selected_items()
        if not items:
            return
        ids = [item.id for item in items]
        self.change(self.tr("Remove {count} products from the lineup").format(count=len(ids)),
                    lambda db: schedule.remove_from_lineup(db, ids))

    def add_selected(self) -> None:
        rows = sorted({index.row() for index in self.results_view.selectionModel().selectedRows()})
        products = [p for p in (self.results.row_at(r) for r in rows) if p is not None]
        if not products:
            return
        ids, livestream_id = [p.id for p in products], self.livestream.id
        name = products[0].name if len(products) == 1 else self.tr("{count} products").format(count=len(products))
        self.change(self.tr("Add {name} to the lineup").format(name=name),
                    lambda db: schedule.add_to_lineup(db, livestream_id, ids), lambda new_ids: new_ids[-1])

    def edit_item(self, item_id: int, key: str, text: str, version: Optional[int] = None) -> None:
        """Save a cell typed in the lineup, against the entry's version on screen (`version`
        overrides it: an overwrite after a change made elsewhere)."""
        field = {"live_price": "live_price", "allotted": "allotted_stock", "talking_points": "talking_points"}[key]
        label = {"live_price": self.tr("live price"), "allotted": self.tr("allotted stock"),
                 "talking_points": self.tr("talking points")}[key]
        if version is None:
            shown = next((item.version for item in self.model.items() if item.id == item_id), None)
            # an edit of this dialog saved a moment ago counts even before the list has reloaded
            version = max(v for v in (shown, self._saved_versions.get(item_id)) if v is not None) \
                if shown is not None or item_id in self._saved_versions else None

        def saved(row: LineupItemRow) -> int:
            self._saved_versions[row.id] = row.version
            return row.id

        self.change(self.tr("Change the {field}").format(field=label),
                    lambda db: schedule.set_lineup_item(db, item_id, expected_version=version, **{field: text}),
                    saved, failure=lambda exc: self._edit_failed(exc, item_id, key, text))

    def _edit_failed(self, exc: BaseException, item_id: int, key: str, text: str) -> None:
        """The entry was changed on another PC since it was shown: reload, overwrite or go back."""
        if not isinstance(exc, ChangedElsewhere):
            self._failed(exc)
            return
        self.conflict_box = ask_changed_elsewhere(
            self, exc, reload=lambda: self.reload(item_id),
            overwrite=lambda: self.edit_item(item_id, key, text, version=exc.version),
            went_back=lambda: self.reload(item_id))

    def copy_from_earlier(self) -> None:
        source = self.copy_combo.currentData()
        if source is None:
            return
        target = self.livestream.id
        self.change(self.tr("Copy a lineup"), lambda db: schedule.copy_lineup(db, source, target))

    def _update_undo(self) -> None:
        if not (shiboken6.isValid(self.undo_stack) and shiboken6.isValid(self.undo_button)):
            return  # the stack clears itself while the dialog is destroyed
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())


__all__ = ["LineupDialog", "LineupModel", "ProductResultsModel", "COLUMNS"]
