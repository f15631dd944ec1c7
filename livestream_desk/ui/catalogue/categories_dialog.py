"""Categories: add, rename, merge one into another, delete an empty one."""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...services.catalogue import (
    CategoryRow,
    add_category,
    delete_category,
    list_categories,
    merge_categories,
    rename_category,
)
from ..errors import error_message
from ..tasks import TaskContext, TaskRunner

ERROR_STYLE = "color: #c62828;"


def _load(context: TaskContext, database: Database) -> list[CategoryRow]:
    return list_categories(database)


def _then_load(fn):
    def task(context: TaskContext, database: Database, *args: Any) -> list[CategoryRow]:
        fn(database, *args)
        return list_categories(database)

    return task


class CategoryModel(QAbstractTableModel):
    NAME, COUNT = range(2)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CategoryRow] = []

    def set_categories(self, rows: list[CategoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def category(self, row: int) -> CategoryRow:
        return self._rows[row]

    def categories(self) -> list[CategoryRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Category") if section == self.NAME else self.tr("Products")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name if index.column() == self.NAME else f"{row.product_count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CategoriesDialog(QDialog):
    """`changed` after each change (the page reloads its list and filters)."""

    changed = Signal()

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Categories"))
        self.database = database
        self.task_runner = task_runner
        self._busy = 0
        self._loaded_once = False

        self.model = CategoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("categoryList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.horizontalHeader().setSectionResizeMode(CategoryModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(CategoryModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _index: self.rename_selected())

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.merge_button = QPushButton(self.tr("Merge into…"), self)
        self.merge_button.setToolTip(self.tr("Move this category's products to another category and remove it"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.merge_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("categoryError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.hint_label = QLabel(self.tr("A category with products can be merged into another, not deleted."), self)
        self.hint_label.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.hint_label)
        left.addWidget(self.error_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(buttons)
        self.resize(520, 440)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self._run(_load)

    # --- state ------------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._busy > 0

    def selected(self) -> Optional[CategoryRow]:
        rows = self.view.selectionModel().selectedRows()
        return self.model.category(rows[0].row()) if rows else None

    def select_name(self, name: str) -> None:
        for row, category in enumerate(self.model.categories()):
            if category.name == name:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        idle = self._busy == 0
        self.add_button.setEnabled(idle)
        self.rename_button.setEnabled(idle and chosen is not None)
        self.merge_button.setEnabled(idle and chosen is not None and self.model.rowCount() > 1)
        self.delete_button.setEnabled(idle and chosen is not None and chosen.product_count == 0)

    def _run(self, fn, *args: Any, select: Optional[str] = None) -> None:
        self._busy += 1
        self._update_buttons()
        self.task_runner.submit(
            fn, self.database, *args,
            on_success=lambda rows: self._on_loaded(rows, select, fn is not _load),
            on_failure=self._on_failed,
        )

    def _on_loaded(self, rows: list[CategoryRow], select: Optional[str], wrote: bool) -> None:
        self._busy -= 1
        chosen = select or (self.selected().name if self.selected() else None)
        self.model.set_categories(rows)
        if chosen:
            self.select_name(chosen)
        self._update_buttons()
        if wrote:
            self.error_label.hide()
            self.changed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy -= 1
        self.error_label.setText(error_message(exc))
        self.error_label.show()
        self._update_buttons()

    # --- commands ---------------------------------------------------------------------
    def add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name of the new category:"))
        if ok and name.strip():
            self._run(_then_load(add_category), name, select=name.strip())

    def rename_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename category"), self.tr("New name for {name}:").format(name=chosen.name),
            QLineEdit.EchoMode.Normal, chosen.name,
        )
        if ok and name.strip() and name.strip() != chosen.name:
            self._run(_then_load(rename_category), chosen.id, name, select=name.strip())

    def merge_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        others = [c for c in self.model.categories() if c.id != chosen.id]
        if not others:
            return
        names = [c.name for c in others]
        target, ok = QInputDialog.getItem(
            self, self.tr("Merge category"),
            self.tr("Move the {count} products of {name} to:").format(count=f"{chosen.product_count:,}", name=chosen.name),
            names, 0, False,
        )
        if not ok or target not in names:
            return
        target_row = others[names.index(target)]
        self._run(_then_load(merge_categories), chosen.id, target_row.id, select=target_row.name)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.product_count:
            return
        self._run(_then_load(delete_category), chosen.id)


__all__ = ["CategoriesDialog", "CategoryModel"]
