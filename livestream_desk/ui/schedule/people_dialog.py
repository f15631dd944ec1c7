"""Small dialogs to manage live rooms (直播间, per platform) and hosts (主播): add, rename, retire.

Retired ones stay on old livestreams and are hidden from the editor's lists (except on a
livestream that already has them). The work runs as page operations of the schedule page.
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.models import Platform
from ...messages import Problem
from ...services import schedule
from ..errors import error_message
from ..operation import PageOp
from ..platforms import platform_name
from . import texts

ACCOUNTS, HOSTS = "accounts", "hosts"


class PeopleModel(QAbstractTableModel):
    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._rows: list = []
        self._muted = QBrush(QColor(texts.MUTED_COLOUR))

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Livestreams"), self.tr("State"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.name
            if index.column() == 1:
                return f"{row.livestreams:,}"
            return self.tr("Retired") if row.retired else self.tr("In use")
        if role == Qt.ItemDataRole.ForegroundRole and row.retired:
            return self._muted
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PeopleDialog(QDialog):
    """`PeopleDialog(page, ACCOUNTS | HOSTS)`: list, add, rename, retire / bring back."""

    changed = Signal()  # something was written: the page reloads its lists

    def __init__(self, page, kind: str, parent: Optional[QWidget] = None, platform: str = Platform.DOUYIN) -> None:
        super().__init__(parent or page)
        self.page = page
        self.kind = kind
        self.setObjectName("accountsDialog" if kind == ACCOUNTS else "hostsDialog")
        self.setWindowTitle(self.tr("Live rooms") if kind == ACCOUNTS else self.tr("Hosts"))
        self.resize(520, 420)
        self.model = PeopleModel(kind, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("platformCombo")
        for key in Platform.ALL:
            self.platform_combo.addItem(platform_name(key), key)
        self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData(platform)))
        self.platform_combo.setVisible(kind == ACCOUNTS)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("Name of a new live room") if kind == ACCOUNTS
                                          else self.tr("Name of a new host"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("addButton")
        self.rename_button = QPushButton(self.tr("&Rename to this"), self)
        self.rename_button.setObjectName("renameButton")
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        self.retire_button.setObjectName("retireButton")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(texts.ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        hint = QLabel(self.tr("Retired ones stay on old livestreams but are no longer offered for new ones."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        if kind == ACCOUNTS:
            top.addWidget(QLabel(self.tr("Platform"), self))
            top.addWidget(self.platform_combo)
            top.addStretch(1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.name_edit, 1)
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.error_label)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self.platform_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.name_edit.returnPressed.connect(self.add)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self._selection_changed()
        self.reload()

    def platform(self) -> str:
        return self.platform_combo.currentData()

    def selected(self):
        return self.model.row_at(self.view.currentIndex().row())

    def _selection_changed(self) -> None:
        row = self.selected()
        self.rename_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(self.tr("&Bring back") if row is not None and row.retired else self.tr("Re&tire"))
        if row is not None:
            self.name_edit.setText(row.name)

    def reload(self, select_name: str = "") -> None:
        kind, platform = self.kind, self.platform()

        def work(db):
            if kind == ACCOUNTS:
                return schedule.list_accounts(db, platform)
            return schedule.list_hosts(db)

        def show(rows) -> None:
            self.model.set_rows(rows)
            for number, row in enumerate(rows):
                if row.name == select_name:
                    self.view.selectRow(number)
            self._selection_changed()

        PageOp(self.page, work, success=show).run()

    def _write(self, work, select_name: str) -> None:
        def done(_result) -> None:
            self.error_label.hide()
            self.changed.emit()
            self.reload(select_name)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Problem):
                self.error_label.setText(error_message(exc))
                self.error_label.show()
            else:
                from ..errors import report_error

                report_error(self, exc)

        PageOp(self.page, work, success=done, failure=failed).run()

    def add(self) -> None:
        name, platform = self.name_edit.text(), self.platform()
        if self.kind == ACCOUNTS:
            self._write(lambda db: schedule.add_account(db, platform, name), name.strip())
        else:
            self._write(lambda db: schedule.add_host(db, name), name.strip())

    def rename(self) -> None:
        row, name = self.selected(), self.name_edit.text()
        if row is None:
            return
        if self.kind == ACCOUNTS:
            self._write(lambda db: schedule.rename_account(db, row.id, name), name.strip())
        else:
            self._write(lambda db: schedule.rename_host(db, row.id, name), name.strip())

    def toggle_retired(self) -> None:
        row = self.selected()
        if row is None:
            return
        retired = not row.retired
        if self.kind == ACCOUNTS:
            self._write(lambda db: schedule.set_account_retired(db, row.id, retired), row.name)
        else:
            self._write(lambda db: schedule.set_host_retired(db, row.id, retired), row.name)


__all__ = ["PeopleDialog", "PeopleModel", "ACCOUNTS", "HOSTS"]
