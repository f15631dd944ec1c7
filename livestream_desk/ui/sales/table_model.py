"""The sales list as a lazy Qt table model over the windowed sales service.

`rowCount()` is the number of matching lines (a million, if so); only the windows of
PAGE_SIZE lines the view paints are read, in the background, when first asked for, and
kept for a while (at most CACHED_PAGES of them). A row whose window is on its way shows
empty for a moment. Sorting is done by the database (`sort()` re-queries): a proxy could
only sort what is loaded. A generation counter drops answers to superseded queries.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...db.engine import Database
from ...services.sales import SaleQuery, SaleRow, list_sales
from ..platforms import platform_name
from ..tasks import TaskContext, TaskRunner
from . import format as fmt

PAGE_SIZE = 200
CACHED_PAGES = 60

SALE_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
REFUND_TEXT = QColor("#b3261e")
MUTED_TEXT = QColor("#8a8a8a")


@dataclass(frozen=True)
class SalesWindow:
    query: SaleQuery
    rows: list[SaleRow]
    total: Optional[int]  # None: not counted (a later window)


def load_sales_window(context: TaskContext, database: Database, query: SaleQuery, with_total: bool) -> SalesWindow:
    """Runs on a worker thread."""
    rows, total = list_sales(database, query, with_total=with_total)
    context.raise_if_cancelled()
    return SalesWindow(query, rows, total if with_total else None)


class SalesTableModel(QAbstractTableModel):
    """`SalesTableModel(database, task_runner)`; `set_query(query)` loads it."""

    (PAID_AT, PLATFORM, ORDER, PRODUCT, QUANTITY, UNIT_PRICE, PAID, REFUNDED, LIVESTREAM, SOURCE) = range(10)
    SORT_KEYS = ("paid_at", "platform", "order_id", "product", "quantity", "unit_price_fen", "paid_fen",
                 "refunded_fen", "livestream", "source")
    NUMERIC = frozenset({QUANTITY, UNIT_PRICE, PAID, REFUNDED})

    loaded = Signal(int)  # a new query's first window is on screen; how many lines match
    failed = Signal(object)

    def __init__(self, database: Database, task_runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.task_runner = task_runner
        self._query = SaleQuery()
        self._total = 0
        self._pages: dict[int, list[SaleRow]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._reloading = False
        self._has_loaded = False
        self._refund_brush = QBrush(REFUND_TEXT)
        self._muted_brush = QBrush(MUTED_TEXT)

    # --- queries --------------------------------------------------------------------------
    def query(self) -> SaleQuery:
        return self._query

    def set_query(self, query: SaleQuery) -> None:
        self._query = replace(query, offset=0, limit=PAGE_SIZE)
        self.reload()

    def reload(self) -> None:
        """Count and read the first window again (a new filter, F5, after a change)."""
        self._generation += 1
        generation = self._generation
        self._reloading = True
        self._pending.clear()
        self.task_runner.submit(
            load_sales_window, self.database, replace(self._query, offset=0, limit=PAGE_SIZE), True,
            on_success=lambda window, g=generation: self._on_reloaded(g, window),
            on_failure=lambda exc, g=generation: self._on_failed(g, exc),
            on_cancelled=lambda g=generation: self._on_failed(g, None),
        )

    def is_loading(self) -> bool:
        return self._reloading or bool(self._pending)

    def has_loaded(self) -> bool:
        return self._has_loaded

    def total(self) -> int:
        return self._total

    def _on_reloaded(self, generation: int, window: SalesWindow) -> None:
        if generation != self._generation:
            return
        self._reloading = False
        self.beginResetModel()
        self._pages = {0: list(window.rows)}
        self._texts.clear()
        self._total = int(window.total or 0)
        self.endResetModel()
        self._has_loaded = True
        self.loaded.emit(self._total)

    def _on_failed(self, generation: int, exc: Optional[BaseException]) -> None:
        if generation != self._generation:
            return
        self._reloading = False
        self._pending.clear()
        if exc is not None:
            self.failed.emit(exc)

    def _request(self, page: int) -> None:
        if page in self._pending or self._reloading:
            return
        self._pending.add(page)
        generation = self._generation
        self.task_runner.submit(
            load_sales_window, self.database, replace(self._query, offset=page * PAGE_SIZE, limit=PAGE_SIZE), False,
            on_success=lambda window, g=generation, p=page: self._on_page(g, p, window),
            on_failure=lambda exc, g=generation: self._on_failed(g, exc),
            on_cancelled=lambda g=generation: self._on_failed(g, None),
        )

    def _on_page(self, generation: int, page: int, window: SalesWindow) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = list(window.rows)
        if len(self._pages) > CACHED_PAGES:  # forget the windows farthest from this one
            for far in sorted(self._pages, key=lambda p: -abs(p - page))[: len(self._pages) - CACHED_PAGES]:
                del self._pages[far]
                for row in range(far * PAGE_SIZE, (far + 1) * PAGE_SIZE):
                    self._texts.pop(row, None)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    # --- rows ---------------------------------------------------------------------------
    def sale(self, row: int) -> Optional[SaleRow]:
        """The line at `row`, None while its window is still being read."""
        if not 0 <= row < self._total:
            return None
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            self._request(row // PAGE_SIZE)
            return None
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def loaded_rows(self) -> list[SaleRow]:
        return [r for page in sorted(self._pages) for r in self._pages[page]]

    def row_of(self, sale_id: int) -> Optional[int]:
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == sale_id:
                    return page * PAGE_SIZE + offset
        return None

    # --- sorting in SQL -------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        key = self.SORT_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self._query = replace(self._query, sort=key, descending=descending)
        if self._has_loaded or self._reloading:
            self.reload()

    def sort_column(self) -> int:
        return self.SORT_KEYS.index(self._query.sort) if self._query.sort in self.SORT_KEYS else self.PAID_AT

    # --- the Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.SORT_KEYS)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Paid at"), self.tr("Platform"), self.tr("Order number"), self.tr("Product"),
                self.tr("Qty"), self.tr("Unit price"), self.tr("Paid"), self.tr("Refunded"),
                self.tr("Livestream"), self.tr("Source"))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.SORT_KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if section in self.NUMERIC else ALIGN_LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            numeric = section in self.NUMERIC or section == self.PAID_AT
            return Qt.SortOrder.DescendingOrder if numeric else Qt.SortOrder.AscendingOrder
        return None

    def source_text(self, source: str) -> str:
        if source == "manual":
            return self.tr("Manual")
        if source == "import":
            return self.tr("Import")
        if source == "demo":
            return self.tr("Demo")
        return source

    def _row_texts(self, row_number: int, r: SaleRow) -> tuple[str, ...]:
        texts = self._texts.get(row_number)
        if texts is None:
            product = r.product_name + (f" {r.spec}" if r.spec else "")
            texts = (
                fmt.when(r.paid_at), platform_name(r.platform), r.order_id, product, fmt.count(r.quantity),
                fmt.money(r.unit_price_fen), fmt.money(r.paid_fen),
                fmt.money(r.refunded_fen) if r.refunded_fen or r.refunded_quantity else "",
                r.livestream_title, self.source_text(r.source),
            )
            self._texts[row_number] = texts
        return texts

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return ALIGN_RIGHT if column in self.NUMERIC else ALIGN_LEFT
        if role not in (_DISPLAY, _FOREGROUND, _TOOLTIP, SALE_ROW_ROLE):
            return None
        row = self.sale(index.row())
        if row is None:
            return None
        if role == _DISPLAY:
            return self._row_texts(index.row(), row)[column]
        if role == SALE_ROW_ROLE:
            return row
        if role == _FOREGROUND:
            if row.paid_at is None:
                return self._muted_brush
            if column == self.REFUNDED:
                return self._refund_brush
            return None
        if role == _TOOLTIP:
            if column == self.REFUNDED and (row.refunded_fen or row.refunded_quantity):
                return self.tr("Refunded {amount} for {units} units").format(
                    amount=fmt.money(row.refunded_fen), units=row.refunded_quantity)
            if column in (self.PRODUCT, self.LIVESTREAM, self.ORDER):
                return self._row_texts(index.row(), row)[column] or None
        return None


__all__ = ["SalesTableModel", "PAGE_SIZE", "SALE_ROW_ROLE", "SalesWindow", "load_sales_window"]
