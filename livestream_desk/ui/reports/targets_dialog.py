"""The targets dialog: a year's net-sales targets, months × (all platforms, each platform).

Amounts are typed in yuan (`50000`, `5万`, `¥50,000.00`) and checked as typed by the service's
`parse_target` (domain.money.parse_fen plus the target rules); a bad amount stays in the cell
in red with the message (from its code) next to the table, and nothing is saved until every
cell reads. An emptied cell clears that target. Reached from the reports page and the
dashboard; saving runs in the background and emits `saved`.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...db.models import Platform
from ...domain.money import format_plain
from ...domain.period import Month
from ...messages import Problem, render
from ...services.reports import list_targets, parse_target, set_targets
from ..errors import report_error
from ..operation import BusyCounter, PageOp
from ..platforms import platform_name
from ..tasks import TaskRunner
from ..widgets.period_editors import YearSpin

ERROR_BRUSH = QBrush(QColor("#fff1f0"))
EDITED_BRUSH = QBrush(QColor("#e6f4ff"))


def yuan_text(fen: Optional[int]) -> str:
    """A stored target as the editor shows it: plain yuan, no separators (50000 / 1234.5)."""
    if fen is None:
        return ""
    text = format_plain(fen)
    return text[:-3] if text.endswith(".00") else text


class TargetTableModel(QAbstractTableModel):
    """Rows: the twelve months of `year`; columns: all platforms ("") and each platform.

    `stored` holds the database's targets, `edits` what the user typed (fen, None = clear),
    `errors` the cells whose text does not read (text, message)."""

    PLATFORMS = ("",) + Platform.ALL

    def __init__(self, year: int, parent=None) -> None:
        super().__init__(parent)
        self.year = year
        self.stored: dict[tuple[int, str], int] = {}
        self.edits: dict[tuple[int, str], Optional[int]] = {}
        self.errors: dict[tuple[int, str], tuple[str, str]] = {}

    def months(self) -> list[Month]:
        return [Month(self.year, m) for m in range(1, 13)]

    def set_targets(self, year: int, targets) -> None:
        self.beginResetModel()
        self.year = year
        self.stored = {(t.month.key, t.platform): t.target_fen for t in targets if t.month.year == year}
        self.edits = {}
        self.errors = {}
        self.endResetModel()

    def _key(self, index: QModelIndex | QPersistentModelIndex) -> tuple[int, str]:
        return Month(self.year, index.row() + 1).key, self.PLATFORMS[index.column()]

    def value(self, month: Month, platform: str = "") -> Optional[int]:
        key = (month.key, platform)
        return self.edits[key] if key in self.edits else self.stored.get(key)

    def changes(self) -> list[tuple[Month, str, Optional[int]]]:
        """(month, platform, fen or None to clear) of every cell that differs from the database."""
        out = []
        for (month_key, platform), fen in sorted(self.edits.items()):
            if self.stored.get((month_key, platform)) != fen:
                out.append((Month.from_key(month_key), platform, fen))
        return out

    def first_error(self) -> str:
        if not self.errors:
            return ""
        (month_key, platform), (_text, message) = sorted(self.errors.items())[0]
        where = f"{Month.from_key(month_key)} {platform_name(platform) if platform else self.tr('All platforms')}"
        return f"{where}: {message}"

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 12

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.PLATFORMS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(Month(self.year, section + 1))
        platform = self.PLATFORMS[section]
        return platform_name(platform) if platform else self.tr("All platforms")

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self._key(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key in self.errors:
                return self.errors[key][0]
            return yuan_text(self.edits[key] if key in self.edits else self.stored.get(key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in self.errors:
                return ERROR_BRUSH
            if key in self.edits and self.edits[key] != self.stored.get(key):
                return EDITED_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and key in self.errors:
            return self.errors[key][1]
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self._key(index)
        text = str(value or "").strip()
        self.errors.pop(key, None)
        if not text:
            self.edits[key] = None
        else:
            try:
                self.edits[key] = parse_target(text)
            except Problem as problem:
                self.edits.pop(key, None)
                self.errors[key] = (text, render(problem.message, QCoreApplication.translate))
        self.dataChanged.emit(index, index)
        return True


class TargetsDialog(QDialog):
    """`TargetsDialog(database, task_runner, year, parent)`; `saved` after the targets are written."""

    saved = Signal()
    loaded = Signal()

    def __init__(self, database: Database, task_runner: TaskRunner, year: int,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsDialog")
        self.database = database
        self.task_runner = task_runner
        self.busy_counter = BusyCounter(self)
        self.last_message = ""
        self.setWindowTitle(self.tr("Net sales targets"))
        self.resize(980, 520)

        self.year_spin = YearSpin("targetsYear", self)
        self.year_spin.setValue(year)
        year_label = QLabel(self.tr("&Year"), self)
        year_label.setBuddy(self.year_spin)
        hint = QLabel(self.tr("Type amounts in yuan (50000, 5万, ¥50,000.00); empty a cell to clear its target."), self)
        hint.setStyleSheet("color: #595959;")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(hint, 1)

        self.model = TargetTableModel(year, self)
        self.view = QTableView(self)
        self.view.setObjectName("targetsTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("targetsError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.model.dataChanged.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.year_spin.valueChanged.connect(self.load)
        self.load()

    def show_message(self, text: str) -> None:
        self.last_message = text

    def is_loading(self) -> bool:
        return self.busy_counter.is_busy()

    def load(self, *_args) -> None:
        year = self.year_spin.value()
        PageOp(self, lambda db: list_targets(db, Month(year, 1), Month(year, 12)),
               success=lambda targets, y=year: self._loaded(y, targets)).run()

    def _loaded(self, year: int, targets) -> None:
        if year != self.year_spin.value():
            return
        self.model.set_targets(year, targets)
        self.loaded.emit()

    def _update_state(self, *_args) -> None:
        self.error_label.setText(self.model.first_error())
        self.save_button.setEnabled(not self.model.errors)

    def cell(self, month: int, platform: str = "") -> QModelIndex:
        return self.model.index(month - 1, TargetTableModel.PLATFORMS.index(platform))

    def save(self) -> None:
        if self.model.errors:
            self._update_state()
            return
        changes = self.model.changes()
        if not changes:
            self.accept()
            return
        self.save_button.setEnabled(False)

        PageOp(self, lambda db: set_targets(db, changes), success=self._saved,
               failure=lambda exc: self._failed(exc)).run()

    def _saved(self, _count: int) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        report_error(self, exc, self.tr("Cannot save the targets"))


__all__ = ["TargetsDialog", "TargetTableModel"]
