"""The catalogue as a Qt table model: windowed, sorted and filtered in SQL.

`ProductTableModel` holds only the rows the view has needed so far: a first window of
FIRST_WINDOW rows (a little more than a screen, so a keystroke's answer is read and shown
within a frame), then PAGE_SIZE more each time the view scrolls to the end of what is
loaded (`canFetchMore` / `fetchMore`; a taller view asks at once). Every query runs in the
TaskRunner, which also formats the rows' cells (`build_cells`), so the GUI thread only
swaps them in; a generation counter drops answers to queries that a newer one has
replaced (typing fast in the search box sends several), so only the latest search ever
reaches the screen. A new answer replaces the rows in place (dataChanged for the rows that
differ, rows inserted or removed for the difference in count) rather than resetting the
model: the header and the rows that did not change are not repainted. A search with more
matches than the index lists at once (`hu`: 37,000 of 50,000) comes without its total
(services.catalogue.list_products_window): counting them is most of such a query, so the
rows are shown first (`shown`) and counted once the view has painted them (`loaded` then
gives the total; until then `is_counting()`, and no further window is fetched).

Sorting is done by the database (ProductQuery.sort), not by a QSortFilterProxyModel: with
windowed rows a proxy could only sort the window already loaded, and the first rows on
screen would not be the first rows of the catalogue. `sort()` re-queries instead.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...db.engine import Database
from ...domain.money import format_display
from ...services.catalogue import ProductQuery, ProductRow, count_products, list_products_window
from ..tasks import TaskContext, TaskHandle, TaskRunner

FIRST_WINDOW = 40  # rows of a new query's first answer: a screen and a half at 1366×768
PAGE_SIZE = 100  # rows of each further window (scrolling down)

_COUNT_EVENT = QEvent.Type(QEvent.registerEventType())  # start counting a shown window's matches

PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRODUCT_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_STYLED_ROLES = frozenset({_TOOLTIP, _FONT, _BACKGROUND, _FOREGROUND, int(PRODUCT_ID_ROLE), int(PRODUCT_ROW_ROLE)})

LOW_STOCK_BACKGROUND = QColor("#fde8d7")  # a light amber that reads on white and on alternate rows
LOW_STOCK_TEXT = QColor("#b3261e")
ARCHIVED_TEXT = QColor("#8a8a8a")
REVIEW_TEXT = QColor("#b45f06")

_cached_brushes: Optional[tuple[QBrush, QBrush, QBrush, QBrush]] = None
_cached_font: Optional[QFont] = None


def _brushes() -> tuple[QBrush, QBrush, QBrush, QBrush]:
    """(low-stock background, low-stock text, archived text, needs-review text), made once."""
    global _cached_brushes
    if _cached_brushes is None:
        _cached_brushes = (QBrush(LOW_STOCK_BACKGROUND), QBrush(LOW_STOCK_TEXT), QBrush(ARCHIVED_TEXT),
                           QBrush(REVIEW_TEXT))
    return _cached_brushes


def _bold_font() -> QFont:
    global _cached_font
    if _cached_font is None:
        _cached_font = QFont()
        _cached_font.setBold(True)
    return _cached_font


Cells = tuple[dict[int, Any], ...]  # per column: {role: value} of what a painted cell asks for


@dataclass(frozen=True)
class StatusTexts:
    """The 状态 column's words, translated on the GUI thread for the worker to use."""

    on_sale: str
    archived: str
    needs_review: str


@dataclass(frozen=True)
class Window:
    """One answer from the database: `rows` from `offset`, of `total` matching products
    (None: not counted yet, see list_products_window), and their cells ready to paint."""

    query: ProductQuery
    rows: list[ProductRow]
    total: Optional[int]
    cells: list[Cells]


def load_window(context: TaskContext, database: Database, query: ProductQuery, statuses: StatusTexts) -> Window:
    """Runs on a worker thread: the rows, and their cells formatted there too."""
    rows, total = list_products_window(database, query)
    context.raise_if_cancelled()
    return Window(query, rows, total, [build_cells(row, statuses) for row in rows])


def count_matches(context: TaskContext, database: Database, query: ProductQuery) -> int:
    """Runs on a worker thread, after a window came without its total."""
    context.raise_if_cancelled()
    return count_products(database, query)


_NUMERIC_COLUMNS = frozenset({4, 5, 6, 7, 8})  # ProductTableModel.NUMERIC (the class is defined below)
_STATUS_COLUMN = 12
_STOCK_COLUMN = 8


def build_cells(row: ProductRow, statuses: StatusTexts) -> Cells:
    """What the view asks for each cell of `row`: text, alignment, colours and font (pure
    data: safe to make on a worker thread; the brushes and the font are made once, on the
    GUI thread, by the model)."""
    if row.archived:
        status = statuses.archived
    elif row.needs_review:
        status = statuses.needs_review
    else:
        status = statuses.on_sale
    texts = (
        row.name,
        row.spec,
        row.unit,
        row.category,
        format_display(row.list_price_fen),
        format_money(row.live_price_fen),
        format_money(row.cost_fen),
        format_margin(row.margin_pct),
        f"{row.stock:,}",
        row.origin,
        row.producer,
        row.certifications,
        status,
    )
    low, low_text, archived_text, review_text = _brushes()
    cells = []
    for column, text in enumerate(texts):
        cell = {_DISPLAY: text, _ALIGNMENT: ALIGN_RIGHT if column in _NUMERIC_COLUMNS else ALIGN_LEFT}
        if row.low_stock:
            cell[_BACKGROUND] = low
            if column == _STOCK_COLUMN:
                cell[_FOREGROUND] = low_text
                cell[_FONT] = _bold_font()
        if _FOREGROUND not in cell:
            if row.archived:
                cell[_FOREGROUND] = archived_text
            elif column == _STATUS_COLUMN and row.needs_review:
                cell[_FOREGROUND] = review_text
        cells.append(cell)
    return tuple(cells)


def format_margin(value: Optional[Decimal]) -> str:
    return "—" if value is None else f"{value}%"


def format_money(fen: Optional[int]) -> str:
    return "" if fen is None else format_display(fen)


class ProductTableModel(QAbstractTableModel):
    """`ProductTableModel(database, task_runner)`; `set_query(query)` loads it."""

    (NAME, SPEC, UNIT, CATEGORY, PRICE, LIVE_PRICE, COST, MARGIN, STOCK, ORIGIN, PRODUCER,
     CERTIFICATIONS, STATUS) = range(13)
    # ProductQuery.sort key of each column (services.catalogue.SORT_KEYS).
    SORT_KEYS = (
        "name", "spec", "unit", "category", "list_price_fen", "live_price_fen", "cost_fen", "margin_pct",
        "stock", "origin", "producer", "certifications", "archived",
    )
    NUMERIC = _NUMERIC_COLUMNS  # PRICE, LIVE_PRICE, COST, MARGIN, STOCK

    shown = Signal()  # a new query's first window is in the model (its total may still be counted)
    loaded = Signal(int)  # that window and the total that match are in: the answer is complete
    restarted = Signal()  # a new query's rows are about to replace the old ones (not a refresh)
    fetched = Signal(int)  # one more window was appended; rows now loaded
    failed = Signal(object)  # the exception of a failed query

    def __init__(self, database: Database, task_runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.task_runner = task_runner
        self._query = ProductQuery()
        self._rows: list[ProductRow] = []
        self._cells: list[Cells] = []  # beside _rows, made by build_cells on the worker
        _brushes(), _bold_font()  # made here, on the GUI thread, before any worker uses them
        self._total: Optional[int] = 0  # None while counted after the first window came
        self._counting: Optional[TaskHandle] = None  # that count's task
        self._generation = 0
        self._reloading = False
        self._fetching = False
        self._has_loaded = False

    # --- queries ----------------------------------------------------------------
    def query(self) -> ProductQuery:
        """The current filters and sort (offset and limit not set)."""
        return self._query

    def set_query(self, query: ProductQuery) -> None:
        """Show the products `query` selects, from the first row (a new search or filter)."""
        self._query = replace(query, offset=0, limit=None)
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again; with `keep_loaded`, as many rows as are loaded now (after an edit,
        so the view stays where it was)."""
        self._generation += 1
        generation = self._generation
        if self._counting is not None:  # the count of the previous answer is not needed
            self._counting.cancel()
            self._counting = None
        limit = max(FIRST_WINDOW, len(self._rows)) if keep_loaded else FIRST_WINDOW
        self._reloading = True
        self._fetching = False
        self._submit(
            lambda window, fresh=not keep_loaded: self._on_reloaded(generation, window, fresh),
            load_window, replace(self._query, offset=0, limit=limit), self.status_texts(),
        )

    def _submit(self, on_success, fn, *args) -> TaskHandle:
        """Runs `fn(context, database, *args)` for the current query; a failure or a cancel
        ends the loading (and, for a query replaced meanwhile, is ignored like its answer)."""
        generation = self._generation
        return self.task_runner.submit(
            fn, self.database, *args,
            on_success=on_success,
            on_failure=lambda exc: self._on_failed(generation, exc),
            on_cancelled=lambda: self._on_failed(generation, None),
        )

    def is_loading(self) -> bool:
        """Until the answer is complete: rows and total (see is_counting)."""
        return self._reloading or self._fetching or self._total is None

    def is_counting(self) -> bool:
        """The rows of a search are shown and how many match is being counted: a search with
        tens of thousands of matches shows its first rows a few ms before its count."""
        return self._total is None

    def has_loaded(self) -> bool:
        return self._has_loaded

    def total(self) -> int:
        """How many products match the query (loaded or not); while counted, those loaded."""
        return len(self._rows) if self._total is None else self._total

    def apply_window(self, window: Window) -> None:
        """Show `window` as the model's content (what a finished reload does), in place:
        the rows that differ are changed, the difference in count inserted or removed."""
        self._total = window.total
        self._has_loaded = True
        new_rows, new_cells = list(window.rows), list(window.cells)
        old_count, new_count = len(self._rows), len(new_rows)
        if new_count < old_count:
            self.beginRemoveRows(QModelIndex(), new_count, old_count - 1)
            del self._rows[new_count:]
            del self._cells[new_count:]
            self.endRemoveRows()
        shared = min(old_count, new_count)
        changed = [i for i in range(shared) if self._rows[i] != new_rows[i]]
        self._rows[:shared] = new_rows[:shared]
        self._cells[:shared] = new_cells[:shared]
        if changed:  # one signal for the span: the view repaints it once
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))
        if new_count > old_count:
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self._rows.extend(new_rows[old_count:])
            self._cells.extend(new_cells[old_count:])
            self.endInsertRows()

    def _on_reloaded(self, generation: int, window: Window, fresh: bool = False) -> None:
        if generation != self._generation:
            return  # a newer query is on its way: this answer is stale
        self._reloading = False
        if fresh:
            self.restarted.emit()  # a new search or order: the view starts again from the top
        self.apply_window(window)
        self.shown.emit()
        if window.total is not None:
            self.loaded.emit(window.total)
            return
        # Counted once the view has painted these rows: the view's update request is a
        # low-priority event posted before this one. (A count on the worker while the rows are
        # painted makes the painting wait for the GIL: a repaint took 2-4 ms longer.)
        QCoreApplication.postEvent(self, QEvent(_COUNT_EVENT), Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:
        # Still uncounted, not counting, and no newer query on its way (which counts its own).
        if event.type() != _COUNT_EVENT or not self.is_counting() or self._counting is not None or self._reloading:
            return
        generation = self._generation
        self._counting = self._submit(lambda total: self._on_counted(generation, total), count_matches, self._query)

    def _on_counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._counting = None
        self._total = max(total, len(self._rows))  # (a product added meanwhile is not shown twice)
        self.loaded.emit(self._total)

    def _on_failed(self, generation: int, exc: Optional[BaseException]) -> None:
        if generation != self._generation:
            return
        self._reloading = False
        self._fetching = False
        self._counting = None
        if self._total is None:
            self._total = len(self._rows)
        if exc is not None:
            self.failed.emit(exc)

    # --- windows ----------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        return not self._reloading and self._total is not None and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._submit(
            lambda window: self._on_fetched(generation, window),
            load_window, replace(self._query, offset=len(self._rows), limit=PAGE_SIZE), self.status_texts(),
        )

    def _on_fetched(self, generation: int, window: Window) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if window.query.offset != len(self._rows):
            return
        known = {r.id for r in self._rows}
        # A product written meanwhile may shift the windows by a row: never show one twice.
        fresh = [(r, c) for r, c in zip(window.rows, window.cells) if r.id not in known]
        if window.total is not None:
            self._total = window.total
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(r for r, _c in fresh)
            self._cells.extend(c for _r, c in fresh)
            self.endInsertRows()
        if not window.rows:
            self._total = len(self._rows)
        self.fetched.emit(len(self._rows))

    # --- sorting (in SQL: see the module's docstring) ----------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        key = self.SORT_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending and self._has_loaded:
            return
        self._query = replace(self._query, sort=key, descending=descending)
        if self._has_loaded or self._reloading:
            self.reload(keep_loaded=False)

    def sort_column(self) -> int:
        try:
            return self.SORT_KEYS.index(self._query.sort)
        except ValueError:
            return self.NAME

    # --- rows ---------------------------------------------------------------------------
    def product(self, row: int) -> ProductRow:
        return self._rows[row]

    def loaded_rows(self) -> list[ProductRow]:
        return list(self._rows)

    def row_of(self, product_id: int) -> Optional[int]:
        for index, row in enumerate(self._rows):
            if row.id == product_id:
                return index
        return None

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.SORT_KEYS)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Spec"),
            self.tr("Unit"),
            self.tr("Category"),
            self.tr("Price"),
            self.tr("Live price"),
            self.tr("Cost"),
            self.tr("Margin (on list price)"),
            self.tr("Stock"),
            self.tr("Origin"),
            self.tr("Producer"),
            self.tr("Certifications"),
            self.tr("Status"),
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.SORT_KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if section in self.NUMERIC else ALIGN_LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # The first click on a price, the margin or the stock shows the largest first.
            return Qt.SortOrder.DescendingOrder if section in self.NUMERIC else Qt.SortOrder.AscendingOrder
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.MARGIN:
                return self.tr("Gross margin on the list price: (list price − cost) ÷ list price")
            if section == self.STOCK:
                return self.tr("Highlighted when at or under the product's low-stock threshold")
        return None

    def status_texts(self) -> StatusTexts:
        return StatusTexts(self.tr("On sale"), self.tr("Archived"), self.tr("Needs review"))

    def status_text(self, row: ProductRow) -> str:
        statuses = self.status_texts()
        if row.archived:
            return statuses.archived
        if row.needs_review:
            return statuses.needs_review
        return statuses.on_sale

    # flags(): QAbstractTableModel's own (enabled, selectable), with no call into Python for
    # every painted cell.

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:
        # What QStyledItemDelegate calls, once per painted cell, for all the roles it needs
        # (instead of one data() call per role: ~7× fewer calls into Python per repaint).
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        get = self._cells[index.row()][index.column()].get
        for role_data in roleDataSpan:
            value = get(role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def cell(self, row: int, column: int) -> dict[int, Any]:
        """What a painted cell shows ({role: value}, as build_cells made it): the view's
        delegate (cell_delegate.py) paints from it directly."""
        return self._cells[row][column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        # Everything but painting (tests, tooltips, the editor); the view's delegate paints
        # from cell(), and multiData serves QStyledItemDelegate (the focused cell). All give
        # the same values.
        if not index.isValid():
            return None
        row_number, column = index.row(), index.column()
        if role in (_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _FONT):
            return self._cells[row_number][column].get(role)
        if role not in _STYLED_ROLES:
            return None
        row = self._rows[row_number]
        if role == _TOOLTIP:
            return self._tooltip(row_number, row, column)
        if role == PRODUCT_ID_ROLE:
            return row.id
        if role == PRODUCT_ROW_ROLE:
            return row
        return None

    # Text columns that a narrow column may cut: their whole text is the tooltip.
    _FULL_TEXT_TIPS = frozenset({NAME, SPEC, ORIGIN, PRODUCER, CERTIFICATIONS})

    def _tooltip(self, row_number: int, row: ProductRow, column: int) -> Optional[str]:
        lines = []
        if column == self.NAME and row.sku:
            lines.append(self.tr("{name} — seller code {sku}").format(name=row.name, sku=row.sku))
        elif column in self._FULL_TEXT_TIPS and self._cells[row_number][column][_DISPLAY]:
            lines.append(self._cells[row_number][column][_DISPLAY])
        elif column == self.STATUS and row.needs_review:
            lines.append(self.tr("Created by an import; check its details"))
        if row.low_stock:
            lines.append(self.tr("Low stock: {stock} left, warning at {threshold} or fewer").format(
                stock=row.stock, threshold=row.low_stock_threshold))
        return "\n".join(lines) or None


__all__ = ["ProductTableModel", "FIRST_WINDOW", "PAGE_SIZE", "build_cells", "StatusTexts", "PRODUCT_ID_ROLE", "PRODUCT_ROW_ROLE", "Window", "load_window"]
