"""The editor's list of platform codes: (platform, the platform's product id / SKU code).

A small editable table model with a platform combo delegate, and a widget with add / remove
buttons around its view.
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.models import Platform
from ..platforms import platform_name


class PlatformCodesModel(QAbstractTableModel):
    PLATFORM, CODE = range(2)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_codes(self, codes: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [[platform, code] for platform, code in codes]
        self.endResetModel()

    def codes(self) -> list[tuple[str, str]]:
        """The rows as typed, blank rows left out."""
        return [(p, c) for p, c in self._rows if p.strip() or c.strip()]

    def add_row(self, platform: str = Platform.DOUYIN, code: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([platform, code])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Platform") if section == self.PLATFORM else self.tr("Product ID / SKU code")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        platform, code = self._rows[index.row()]
        if index.column() == self.PLATFORM:
            if role == Qt.ItemDataRole.DisplayRole:
                return platform_name(platform)
            if role == Qt.ItemDataRole.EditRole:
                return platform
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return code
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = str(value or "")
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class PlatformDelegate(QStyledItemDelegate):
    """A combo of the platforms for the platform column."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        combo = QComboBox(parent)
        for code in Platform.ALL:
            combo.addItem(platform_name(code), code)
        return combo

    def setEditorData(self, editor: QWidget, index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model, index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PlatformCodesEditor(QWidget):
    """The view with 添加 / 删除 buttons; `changed` after any edit."""

    changed = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.model = PlatformCodesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("platformCodes")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(PlatformCodesModel.PLATFORM, PlatformDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PlatformCodesModel.PLATFORM, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PlatformCodesModel.PLATFORM, self.fontMetrics().horizontalAdvance("淘宝直播") + 48)
        header.setStretchLastSection(True)
        self.view.setMinimumHeight(self.fontMetrics().height() * 5)

        self.add_button = QPushButton(self.tr("Add code"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add_code)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.model.rowsInserted.connect(lambda *_: self.changed.emit())
        self.model.rowsRemoved.connect(lambda *_: self.changed.emit())

    def set_codes(self, codes: Sequence[tuple[str, str]]) -> None:
        self.model.set_codes(codes)

    def codes(self) -> list[tuple[str, str]]:
        return self.model.codes()

    def add_code(self, platform: str = Platform.DOUYIN, code: str = "") -> None:
        if isinstance(platform, bool):  # clicked(bool)
            platform = Platform.DOUYIN
        row = self.model.add_row(platform, code)
        index = self.model.index(row, PlatformCodesModel.CODE)
        self.view.setCurrentIndex(index)
        if not code:
            self.view.edit(index)

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())


__all__ = ["PlatformCodesModel", "PlatformCodesEditor"]
