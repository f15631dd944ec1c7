"""The reports' tables: a model over rows described by columns, a proxy that sorts numbers as
numbers, and a 合计 footer that stays under the rows whatever the sort.

A table is declared as a list of `Column`s (a header, how a row shows, how it sorts, what the
spreadsheet export writes); the figures come from the services' rows as they are, and the
footer shows a totals row the caller passes in (the service's totals, never sums made here).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QVBoxLayout, QWidget

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw figure behind a cell (numbers sort as numbers)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the service's row object (drill-down)
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the value a spreadsheet cell gets (numbers stay numbers)
FORMAT_ROLE = Qt.ItemDataRole.UserRole + 4  # the spreadsheet number format of the cell ("" = text)
PINNED_ROLE = Qt.ItemDataRole.UserRole + 5  # True: the row stays last whatever the sort (the 其他 row)

ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

EMPTY_SORT = float("-inf")  # an empty figure (no GPM, no growth) sorts below every real one

MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
RATIO_FORMAT = "0.00"


def _plain(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One column: `display(row)` the text, `sort(row)` the sort key, `export(row)` the cell
    value of the spreadsheet export (None = empty), `number_format` its Excel format."""

    key: str
    header: str
    display: Callable[[Any], str]
    sort: Callable[[Any], Any]
    numeric: bool = True
    export: Optional[Callable[[Any], Any]] = None
    number_format: str = ""
    tooltip: str = ""
    in_total: bool = True  # the 合计 row shows this column's figure
    stretch: bool = False

    def export_value(self, row: Any) -> Any:
        if self.export is not None:
            return self.export(row)
        return self.display(row)


def sort_number(value: Any) -> Any:
    """A sort key for a figure that may be empty or a Decimal."""
    if value is None:
        return EMPTY_SORT
    if isinstance(value, Decimal):
        return float(value)
    return value


class ReportTableModel(QAbstractTableModel):
    """Rows of one breakdown under the given columns; `totals()` is the 合计 row (or None)."""

    def __init__(self, columns: Sequence[Column], total_label: str, parent=None,
                 pinned: Optional[Callable[[Any], bool]] = None) -> None:
        super().__init__(parent)
        self.pinned = pinned or (lambda _row: False)
        self.columns: list[Column] = list(columns)
        self.total_label = total_label
        self.rows: list[Any] = []
        self.total_row: Any = None

    def set_rows(self, rows: Sequence[Any], total_row: Any = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total_row = total_row
        self.endResetModel()

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column.numeric else ALIGN_LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Any, column_index: int, role: int) -> Any:
        column = self.columns[column_index]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column.numeric else ALIGN_LEFT
        if role == ROW_ROLE:
            return row
        if role == PINNED_ROLE:
            return self.pinned(row)
        if role == EXPORT_ROLE:
            return column.export_value(row)
        if role == FORMAT_ROLE:
            return column.number_format
        return None

    def total_data(self, column_index: int, role: int) -> Any:
        """The 合计 row's cell: the label in the first column, the totals row's figures where
        they add up (shares, counts, money), nothing where a sum means nothing."""
        if self.total_row is None or not 0 <= column_index < len(self.columns):
            return None
        column = self.columns[column_index]
        if column_index == 0:
            if role in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE):
                return self.total_label
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_LEFT
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            return None
        if not column.in_total:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return self.cell(self.total_row, column_index, role)

    def export_table(self, proxy: Optional[QSortFilterProxyModel] = None) -> tuple[list[str], list[list[Any]], list[str]]:
        """Headers, the rows in the order on screen (then the 合计 row) and each column's
        number format: what the GUI's CSV / Excel export writes."""
        headers = [column.header for column in self.columns]
        formats = [column.number_format for column in self.columns]
        if proxy is not None:
            order = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
        else:
            order = list(range(len(self.rows)))
        body = [[column.export_value(self.rows[r]) for column in self.columns] for r in order]
        if self.total_row is not None:
            body.append([self.total_data(c, EXPORT_ROLE) for c in range(len(self.columns))])
        return headers, body, formats


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class NumericSortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE: numbers as numbers, names as text; an empty figure lowest."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802 - Qt name
        # The rows and columns of the ReportTableModel directly: the same values as data(PINNED_ROLE)
        # and data(SORT_ROLE), without four QModelIndex.data calls per comparison.
        source = self.sourceModel()
        left_row, right_row = source.rows[left.row()], source.rows[right.row()]
        left_pinned, right_pinned = bool(source.pinned(left_row)), bool(source.pinned(right_row))
        if left_pinned != right_pinned:
            # Qt reverses the answer for a descending sort; a pinned row is last either way.
            return left_pinned == (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        column = source.columns[left.column()]
        a = column.sort(left_row)
        b = column.sort(right_row)
        if isinstance(a, str) and isinstance(b, str):
            return super().lessThan(left, right)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class TotalsModel(QAbstractTableModel):
    """One row: the 合计 of a ReportTableModel (the footer's model)."""

    def __init__(self, source: ReportTableModel, parent=None) -> None:
        super().__init__(parent)
        self.source = source
        source.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.source.total_row is None else 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.source.columnCount()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.source.total_data(index.column(), role)


class ReportTable(QWidget):
    """A sortable table with its 合计 footer (a one-row view whose columns follow the table's).

    `rowActivated(row)` gives the service's row object of a clicked / Enter-ed row.
    """

    rowActivated = Signal(object)

    def __init__(self, model: ReportTableModel, name: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        self.proxy = NumericSortProxy(self)
        self.proxy.setSourceModel(model)
        row_height = self.fontMetrics().height() + 10

        self.view = QTableView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(row_height)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)

        self.totals = TotalsModel(model, self)
        self.footer = QTableView(self)
        self.footer.setObjectName(f"{name}Totals")
        self.footer.setModel(self.totals)
        self.footer.horizontalHeader().hide()
        self.footer.verticalHeader().hide()
        self.footer.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.footer.verticalHeader().setDefaultSectionSize(row_height)
        self.footer.setFixedHeight(row_height + 2 * self.footer.frameWidth())
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.footer.setFrameShape(QFrame.Shape.NoFrame)
        self.footer.setStyleSheet("QTableView { background: #f5f7fa; border-top: 1px solid #d9d9d9; }")

        header.sectionResized.connect(self._follow_width)
        self.view.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        model.modelReset.connect(self._after_reset)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)

    def _follow_width(self, section: int, _old: int, new: int) -> None:
        self.footer.setColumnWidth(section, new)

    def _after_reset(self) -> None:
        self.footer.setVisible(self.model.total_row is not None)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Widths from the header and a sample of rows; the stretch column takes what is left."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        # The texts straight from the rows (the same column.display the view shows): reading
        # them through QModelIndex.data costs ~20 µs a cell, most of a year's refresh.
        sample = self.model.rows[:60]
        widths = []
        for c, column in enumerate(self.model.columns):
            texts = [column.header] + [str(column.display(row) or "") for row in sample]
            total_text = self.model.total_data(c, Qt.ItemDataRole.DisplayRole)
            if total_text:
                texts.append(str(total_text))
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            widths.append(min(width, 320))
        for c, width in enumerate(widths):
            header.resizeSection(c, width)
            self.footer.setColumnWidth(c, width)
        stretch = [c for c, column in enumerate(self.model.columns) if column.stretch]
        for c in stretch:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)

    def activate_row(self, proxy_row: int) -> None:
        self._activated(self.proxy.index(proxy_row, 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.rowActivated.emit(index.data(ROW_ROLE))

    def column_texts(self, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
        """A column's cells in the order on screen (tests, export)."""
        c = self.model.column_index(key)
        return [self.proxy.index(r, c).data(role) for r in range(self.proxy.rowCount())]

    def total_text(self, key: str) -> Any:
        return self.model.total_data(self.model.column_index(key), Qt.ItemDataRole.DisplayRole)


__all__ = [
    "Column",
    "ReportTableModel",
    "NumericSortProxy",
    "ReportTable",
    "TotalsModel",
    "sort_number",
    "SORT_ROLE",
    "ROW_ROLE",
    "EXPORT_ROLE",
    "FORMAT_ROLE",
    "PINNED_ROLE",
    "MONEY_FORMAT",
    "COUNT_FORMAT",
    "PERCENT_FORMAT",
    "RATIO_FORMAT",
    "ALIGN_LEFT",
    "ALIGN_RIGHT",
]
