"""The stock dialog: add or take away stock with a reason, the stock history, and the
product's low-stock warning threshold."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...services.catalogue import (
    ProductDetail,
    StockMovementRow,
    adjust_stock,
    get_product,
    set_low_stock_threshold,
    stock_history,
)
from ..errors import error_message
from ..tasks import TaskContext, TaskRunner

REASONS = ("进货入库", "盘点调整", "损耗报废", "退货入库", "样品赠送", "线下销售")
ERROR_STYLE = "color: #c62828;"
MAX_CHANGE = 1_000_000


@dataclass(frozen=True)
class StockState:
    detail: ProductDetail
    history: list[StockMovementRow]


def load_stock(context: TaskContext, database: Database, product_id: int) -> StockState:
    """Runs on a worker thread."""
    return StockState(get_product(database, product_id), stock_history(database, product_id))


def _adjust(context: TaskContext, database: Database, product_id: int, delta: int, reason: str) -> StockState:
    adjust_stock(database, product_id, delta, reason)
    return load_stock(context, database, product_id)


def _set_threshold(context: TaskContext, database: Database, product_id: int, threshold: int) -> StockState:
    set_low_stock_threshold(database, product_id, threshold)
    return load_stock(context, database, product_id)


class StockHistoryModel(QAbstractTableModel):
    AT, CHANGE, AFTER, REASON = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[StockMovementRow] = []

    def set_history(self, rows: list[StockMovementRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def movement(self, row: int) -> StockMovementRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Change"), self.tr("Stock after"), self.tr("Reason"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if section in (
                self.CHANGE, self.AFTER) else int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.AT:
                return m.at.strftime("%Y-%m-%d %H:%M")
            if column == self.CHANGE:
                return f"+{m.delta:,}" if m.delta > 0 else f"−{-m.delta:,}"
            if column == self.AFTER:
                return "" if m.stock_after is None else f"{m.stock_after:,}"
            return m.reason
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.CHANGE, self.AFTER):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#2e7d32" if m.delta > 0 else "#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return m.reason
        return None


class StockDialog(QDialog):
    """`StockDialog(database, task_runner, product_id, parent)`; `changed` after each write."""

    changed = Signal()

    def __init__(self, database: Database, task_runner: TaskRunner, product_id: int,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockDialog")
        self.setWindowTitle(self.tr("Stock"))
        self.database = database
        self.task_runner = task_runner
        self.product_id = product_id
        self.state: Optional[StockState] = None
        self._busy = 0
        self._clear_on_success = False

        self.title_label = QLabel(self)
        self.title_label.setObjectName("stockTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.stock_label = QLabel(self)
        self.stock_label.setObjectName("currentStock")

        self.change_spin = QSpinBox(self)
        self.change_spin.setObjectName("stockChange")
        self.change_spin.setRange(-MAX_CHANGE, MAX_CHANGE)
        self.change_spin.setValue(0)
        self.change_spin.setToolTip(self.tr("A positive number adds stock, a negative one takes it away"))
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("stockReason")
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(REASONS)
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.setEditText("")
        self.reason_combo.lineEdit().setPlaceholderText(self.tr("required, e.g. 进货入库"))
        self.apply_button = QPushButton(self.tr("Record change"), self)
        self.apply_button.setObjectName("applyStock")
        self.apply_button.clicked.connect(self.apply_change)
        self.change_error = QLabel(self)
        self.change_error.setObjectName("stockError")
        self.change_error.setStyleSheet(ERROR_STYLE)
        self.change_error.setWordWrap(True)
        self.change_error.hide()

        change_box = QGroupBox(self.tr("Change the stock"), self)
        change_form = QFormLayout(change_box)
        change_form.addRow(self.tr("Add (+) or take away (−)"), self.change_spin)
        change_form.addRow(self.tr("Reason"), self.reason_combo)
        change_row = QHBoxLayout()
        change_row.addWidget(self.change_error, 1)
        change_row.addWidget(self.apply_button)
        change_form.addRow(change_row)

        self.threshold_spin = QSpinBox(self)
        self.threshold_spin.setObjectName("lowStockThreshold")
        self.threshold_spin.setRange(0, 1_000_000_000)
        self.threshold_spin.setSpecialValueText(self.tr("no warning"))
        self.threshold_button = QPushButton(self.tr("Save threshold"), self)
        self.threshold_button.setObjectName("saveThreshold")
        self.threshold_button.clicked.connect(self.save_threshold)
        threshold_box = QGroupBox(self.tr("Low-stock warning"), self)
        threshold_row = QHBoxLayout(threshold_box)
        threshold_row.addWidget(QLabel(self.tr("Warn at or under"), self))
        threshold_row.addWidget(self.threshold_spin)
        threshold_row.addWidget(self.threshold_button)
        threshold_row.addStretch(1)

        self.history_model = StockHistoryModel(self)
        self.history_view = QTableView(self)
        self.history_view.setObjectName("stockHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)
        vertical = self.history_view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.history_view.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(StockHistoryModel.AT, self.fontMetrics().horizontalAdvance("2026-10-31 23:59") + 24)
        header.resizeSection(StockHistoryModel.CHANGE, self.fontMetrics().horizontalAdvance("+100,000") + 24)
        header.resizeSection(StockHistoryModel.AFTER, max(
            self.fontMetrics().horizontalAdvance("100,000"),
            self.fontMetrics().horizontalAdvance(self.history_model.headerData(
                StockHistoryModel.AFTER, Qt.Orientation.Horizontal))) + 24)
        history_box = QGroupBox(self.tr("Stock history"), self)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_view)

        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stock_label)
        top = QHBoxLayout()
        top.addWidget(change_box, 3)
        top.addWidget(threshold_box, 2)
        layout.addLayout(top)
        layout.addWidget(history_box, 1)
        layout.addLayout(bottom)
        self.resize(820, 560)
        self._set_enabled(False)
        self.reload()

    # --- loading ----------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._busy > 0

    def _submit(self, fn, *args) -> None:
        self._busy += 1
        self._set_enabled(False)
        self.task_runner.submit(fn, self.database, *args, on_success=self._on_state, on_failure=self._on_failed)

    def reload(self) -> None:
        self._submit(load_stock, self.product_id)

    def _on_state(self, state: StockState) -> None:
        self._busy -= 1
        wrote = self.state is not None
        self.state = state
        d = state.detail
        self.setWindowTitle(self.tr("Stock — {name}").format(name=d.name))
        self.title_label.setText(f"{d.name} {d.spec}".strip())
        text = self.tr("Current stock: {stock} {unit}").format(stock=f"{d.stock:,}", unit=d.unit).strip()
        if d.low_stock:
            text += "  " + self.tr("(low: warning at {threshold} or fewer)").format(threshold=d.low_stock_threshold)
            self.stock_label.setStyleSheet(ERROR_STYLE)
        else:
            self.stock_label.setStyleSheet("")
        self.stock_label.setText(text)
        self.threshold_spin.setValue(d.low_stock_threshold)
        self.history_model.set_history(state.history)
        self._set_enabled(True)
        if self._clear_on_success:
            self._clear_on_success = False
            self.change_spin.setValue(0)
            self.reason_combo.setEditText("")
        if wrote:
            self.changed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy -= 1
        self._clear_on_success = False  # keep what the user typed
        self._set_enabled(self.state is not None)
        self.change_error.setText(error_message(exc))
        self.change_error.show()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.apply_button, self.threshold_button, self.change_spin, self.reason_combo,
                       self.threshold_spin):
            widget.setEnabled(enabled)

    # --- writing --------------------------------------------------------------------
    def apply_change(self) -> None:
        delta = self.change_spin.value()
        reason = self.reason_combo.currentText().strip()
        if delta == 0:
            self._complain(self.tr("Type how many to add (or, with a minus sign, to take away)."))
            self.change_spin.setFocus()
            return
        if not reason:
            self._complain(self.tr("Give a reason for the change; it is kept in the stock history."))
            self.reason_combo.setFocus()
            return
        self.change_error.hide()
        self._clear_on_success = True
        self._submit(_adjust, self.product_id, delta, reason)

    def save_threshold(self) -> None:
        self.change_error.hide()
        self._submit(_set_threshold, self.product_id, self.threshold_spin.value())

    def _complain(self, text: str) -> None:
        self.change_error.setText(text)
        self.change_error.show()


__all__ = ["StockDialog", "StockHistoryModel", "REASONS"]
