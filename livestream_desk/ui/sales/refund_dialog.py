"""Mark a sale line refunded, fully or partly (amount and units)."""
from __future__ import annotations

from typing import Mapping, Optional

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_plain
from ...messages import Message, render
from ...services.sales import SaleRow
from . import format as fmt
from .entry_dialog import ERROR_STYLE


class RefundDialog(QDialog):
    refund_requested = Signal(object, object)  # amount as typed, units

    def __init__(self, sale: SaleRow, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.sale = sale
        self.setWindowTitle(self.tr("Refund"))
        self.setMinimumWidth(400)
        summary = QLabel(self.tr("{product} × {quantity}, paid {paid} on {when}\nOrder {order}").format(
            product=sale.product_name, quantity=sale.quantity, paid=fmt.money(sale.paid_fen), when=fmt.when(sale.paid_at),
            order=sale.order_id), self)
        summary.setWordWrap(True)
        self.amount = QLineEdit(format_plain(sale.refunded_fen or sale.paid_fen), self)
        self.amount.setObjectName("refundAmountEdit")
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("refundQuantitySpin")
        self.quantity.setRange(0, max(sale.quantity, 0))
        self.quantity.setValue(sale.refunded_quantity or sale.quantity)
        self.full_button = QPushButton(self.tr("Full refund"), self)
        self.full_button.clicked.connect(self.fill_full)
        self.none_button = QPushButton(self.tr("No refund"), self)
        self.none_button.setToolTip(self.tr("Take the refund off this line"))
        self.none_button.clicked.connect(self.fill_none)
        self.errors = {}
        form = QFormLayout()
        for name, label, widget in (("amount", self.tr("Refund amount (¥)"), self.amount),
                                    ("quantity", self.tr("Refunded units"), self.quantity)):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            error = QLabel(self)
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            column.addWidget(error)
            self.errors[name] = error
            form.addRow(label, column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save Refund"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.addButton(self.full_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.none_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def fill_full(self) -> None:
        self.amount.setText(format_plain(self.sale.paid_fen))
        self.quantity.setValue(self.sale.quantity)

    def fill_none(self) -> None:
        self.amount.setText("0")
        self.quantity.setValue(0)

    def submit(self) -> None:
        for label in self.errors.values():
            label.setVisible(False)
        self.buttons.setEnabled(False)
        self.refund_requested.emit(self.amount.text(), self.quantity.value())

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        self.buttons.setEnabled(True)
        for name, message in errors.items():
            label = self.errors.get(name, self.errors["amount"])
            label.setText(render(message, QCoreApplication.translate))
            label.setVisible(True)


__all__ = ["RefundDialog"]
