"""Table models of the import dialogs: preview rows, unmatched products, batches."""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ...domain.money import format_display
from ...messages import render
from ...services.importers import BatchRow, Create, ImportPreview, Leave, MapTo, ProductChoice, Resolution, UnmatchedProduct
from ..platforms import platform_name

Index = QModelIndex | QPersistentModelIndex
NEW, UPDATED, REJECTED = "new", "updated", "rejected"


class PreviewModel(QAbstractTableModel):
    """The file's rows as the import would treat them: new, updated or rejected (with why)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # The preview's own sequences, not a row list: a 100,000-line file would otherwise be
        # copied row by row on the GUI thread (a ~150 ms freeze); rows are made as painted.
        self._parts: list[tuple[str, tuple]] = []
        self._count = 0

    def set_preview(self, preview: Optional[ImportPreview]) -> None:
        self.beginResetModel()
        self._parts = []
        if preview is not None:
            self._parts = [(REJECTED, preview.rejected), (UPDATED, preview.updated_lines), (NEW, preview.new_lines)]
        self._count = sum(len(items) for _, items in self._parts)
        self.endResetModel()

    def _row(self, row: int) -> tuple:
        for kind, items in self._parts:
            if row < len(items):
                item = items[row]
                if kind == REJECTED:
                    return (REJECTED, item.row, "", "", item.column, item.value, item)
                return (kind, item.row, item.order_id, item.item_name, item.quantity, item.paid_fen, item)
            row -= len(items)
        raise IndexError(row)

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("OrderImport", "Result"), QCoreApplication.translate("OrderImport", "Row"), QCoreApplication.translate("OrderImport", "Order"), QCoreApplication.translate("OrderImport", "Product"), QCoreApplication.translate("OrderImport", "Quantity / column"),
                QCoreApplication.translate("OrderImport", "Paid / value"), QCoreApplication.translate("OrderImport", "Reason")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def kind(self, row: int) -> str:
        return self._row(row)[0]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        kind, number, order, name, third, fourth, source = self._row(index.row())
        column = index.column()
        if column == 0:
            return {NEW: QCoreApplication.translate("OrderImport", "New"), UPDATED: QCoreApplication.translate("OrderImport", "Updated"), REJECTED: QCoreApplication.translate("OrderImport", "Rejected")}[kind]
        if column == 1:
            return number
        if column == 2:
            return order
        if column == 3:
            return name
        if column == 4:
            return str(third)
        if column == 5:
            return format_display(fourth) if kind != REJECTED else fourth
        if column == 6:
            if kind == REJECTED:
                return render(source.reason, QCoreApplication.translate)
            return QCoreApplication.translate("OrderImport", "Refund or status moved on") if kind == UPDATED else ""
        return None


class UnmatchedModel(QAbstractTableModel):
    """Products of the file no catalogue product matches, and what to do with each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[UnmatchedProduct] = []
        self._choices: dict[int, ProductChoice] = {}
        self.resolutions: dict[str, Resolution] = {}

    def set_items(self, items: tuple[UnmatchedProduct, ...]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.resolutions = {item.key: Create() for item in items}
        self.endResetModel()

    def set_choices(self, choices: list[ProductChoice]) -> None:
        self._choices = {c.id: c for c in choices}
        self._changed()

    def item(self, row: int) -> UnmatchedProduct:
        return self._items[row]

    def resolve(self, row: int, resolution: Resolution) -> None:
        self.resolutions[self._items[row].key] = resolution
        self._changed(row)

    def _changed(self, row: Optional[int] = None) -> None:
        if not self._items:
            return
        first = self.index(row if row is not None else 0, 5)
        last = self.index(row if row is not None else len(self._items) - 1, 5)
        self.dataChanged.emit(first, last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("OrderImport", "Product in the file"), QCoreApplication.translate("OrderImport", "Platform"), QCoreApplication.translate("OrderImport", "Seller code"), QCoreApplication.translate("OrderImport", "Lines"), QCoreApplication.translate("OrderImport", "Units"),
                    QCoreApplication.translate("OrderImport", "Import as")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._items[index.row()]
        column = index.column()
        if column == 0:
            return f"{item.name} {item.spec}".strip()
        if column == 1:
            return platform_name(item.platform)
        if column == 2:
            return item.seller_code or item.platform_product_id
        if column == 3:
            return item.lines
        if column == 4:
            return item.units
        resolution = self.resolutions.get(item.key)
        if isinstance(resolution, MapTo):
            choice = self._choices.get(resolution.product_id)
            return QCoreApplication.translate("OrderImport", "Product: {name}").format(name=choice.label if choice else f"#{resolution.product_id}")
        if isinstance(resolution, Leave):
            return QCoreApplication.translate("OrderImport", "No product")
        return QCoreApplication.translate("OrderImport", "New product (needs review)")


class BatchModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []

    def set_rows(self, rows: list[BatchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def batch(self, row: int) -> BatchRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("OrderImport", "Batch"), QCoreApplication.translate("OrderImport", "Imported at"), QCoreApplication.translate("OrderImport", "File"), QCoreApplication.translate("OrderImport", "Platform"), QCoreApplication.translate("OrderImport", "New"), QCoreApplication.translate("OrderImport", "Duplicate"),
                    QCoreApplication.translate("OrderImport", "Updated"), QCoreApplication.translate("OrderImport", "Rejected")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        b = self._rows[index.row()]
        values = [
            f"#{b.id}" + (" " + QCoreApplication.translate("OrderImport", "(undone)") if b.undone else ""),
            b.imported_at.strftime("%Y-%m-%d %H:%M"),
            b.file_name,
            platform_name(b.platform),
            b.new_rows,
            b.duplicate_rows,
            b.updated_rows,
            b.rejected_rows,
        ]
        return values[index.column()]
