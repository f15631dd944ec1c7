"""The manual sale entry dialog (new and edit), with a message next to each field it refuses.

The dialog only gathers the input: `save_requested(SaleInput)` asks the page to save it in
the background; the page calls `show_errors()` when the service refuses (the dialog stays
open with what was typed) or `accept()` when it saved.
"""
from __future__ import annotations

from datetime import datetime
from typing import Mapping, Optional

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.models import Platform
from ...domain.money import format_plain
from ...messages import Message, render
from ...services import uow
from ...services.sales import SaleInput, SaleRow, SalesOptions
from ...services.sales.entry import MAX_QUANTITY
from ..platforms import platform_name
from ..widgets.unsaved_changes import UnsavedChanges

ERROR_STYLE = "color: #b3261e;"


class SaleEntryDialog(QDialog):
    save_requested = Signal(object)  # a SaleInput

    def __init__(self, options: SalesOptions, parent: Optional[QWidget] = None, *,
                 sale: Optional[SaleRow] = None, livestream_id: Optional[int] = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleEntryDialog")
        self.sale = sale
        # the line's version when opened; a save over a newer one asks first (services.versions)
        self.version: Optional[int] = sale.version if sale is not None else None
        self.conflict_box = None  # the changed-elsewhere question while it is open
        self.options = options
        self.setWindowTitle(self.tr("Edit Sale") if sale else self.tr("New Sale"))
        self.setMinimumWidth(460)

        self.product = QComboBox(self)
        self.product.setObjectName("productCombo")
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.lineEdit().setPlaceholderText(self.tr("Type to find a product"))
        self.product.addItem("", None)
        for choice in options.products:
            self.product.addItem(choice.label + (f" ({choice.sku})" if choice.sku else ""), choice.id)
        completer = self.product.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        self._prices = {c.id: c.price_fen for c in options.products}

        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("quantitySpin")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.unit_price = QLineEdit(self)
        self.unit_price.setObjectName("unitPriceEdit")
        self.unit_price.setPlaceholderText(self.tr("e.g. 29.90"))
        self.paid_amount = QLineEdit(self)
        self.paid_amount.setObjectName("paidAmountEdit")
        self.paid_amount.setPlaceholderText(self.tr("empty = unit price × quantity"))
        self.paid_at = QDateTimeEdit(self)
        self.paid_at.setObjectName("paidAtEdit")
        self.paid_at.setCalendarPopup(True)
        self.paid_at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.order_id = QLineEdit(self)
        self.order_id.setObjectName("orderIdEdit")
        self.order_id.setPlaceholderText(self.tr("empty = a new number is made"))
        self.livestream = QComboBox(self)
        self.livestream.setObjectName("livestreamCombo")
        self.livestream.addItem(self.tr("No livestream"), None)
        for stream in options.livestreams:
            self.livestream.addItem(f"{stream.start:%Y-%m-%d %H:%M} {stream.title}", stream.id)
        self._stream_platforms = {s.id: s.platform for s in options.livestreams}
        self.platform = QComboBox(self)
        self.platform.setObjectName("platformCombo")
        for code in Platform.ALL:
            self.platform.addItem(platform_name(code), code)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, widget in (
            ("product_id", self.tr("Product"), self.product),
            ("quantity", self.tr("Quantity"), self.quantity),
            ("unit_price", self.tr("Unit price (¥)"), self.unit_price),
            ("paid_amount", self.tr("Paid amount (¥)"), self.paid_amount),
            ("paid_at", self.tr("Paid at"), self.paid_at),
            ("order_id", self.tr("Order number"), self.order_id),
            ("livestream_id", self.tr("Livestream"), self.livestream),
            ("platform", self.tr("Platform"), self.platform),
        ):
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

        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.product.currentIndexChanged.connect(self._on_product)
        self.livestream.currentIndexChanged.connect(self._on_livestream)
        if sale is not None:
            self._fill(sale)
        else:
            self.paid_at.setDateTime(QDateTime(uow.now()))
            if livestream_id is not None:
                self.livestream.setCurrentIndex(max(self.livestream.findData(livestream_id), 0))
            self.platform.setCurrentIndex(max(self.platform.findData(Platform.OTHER), 0))
            self._on_livestream(self.livestream.currentIndex())
        # Esc, 取消 and the close button ask before throwing typed changes away.
        self.unsaved = UnsavedChanges(self, self.sale_input, self.submit)
        self.unsaved.mark_clean()

    def reject(self) -> None:
        self.unsaved.close(super().reject)

    def reload_from(self, sale: SaleRow) -> None:
        """Show the line as it is saved now (after a change made elsewhere)."""
        self.sale = sale
        self.version = sale.version
        self.clear_errors()
        self._fill(sale)
        self.unsaved.mark_clean()
        self.buttons.setEnabled(True)

    def _fill(self, sale: SaleRow) -> None:
        index = self.product.findData(sale.product_id)
        if index < 0 and sale.product_id is not None:
            self.product.addItem(sale.product_name, sale.product_id)
            index = self.product.count() - 1
        self.product.setCurrentIndex(max(index, 0))
        self.quantity.setValue(max(1, sale.quantity))
        self.unit_price.setText(format_plain(sale.unit_price_fen))
        self.paid_amount.setText(format_plain(sale.paid_fen))
        self.paid_at.setDateTime(QDateTime(sale.paid_at or uow.now()))
        self.order_id.setText(sale.order_id)
        index = self.livestream.findData(sale.livestream_id)
        if index < 0 and sale.livestream_id is not None:
            self.livestream.addItem(sale.livestream_title, sale.livestream_id)
            self._stream_platforms[sale.livestream_id] = sale.platform
            index = self.livestream.count() - 1
        self.livestream.setCurrentIndex(max(index, 0))
        self.platform.setCurrentIndex(max(self.platform.findData(sale.platform), 0))

    def _on_product(self, _index: int) -> None:
        product_id = self.product.currentData()
        if product_id in self._prices and not self.unit_price.text().strip():
            self.unit_price.setText(format_plain(self._prices[product_id]))

    def _on_livestream(self, _index: int) -> None:
        platform = self._stream_platforms.get(self.livestream.currentData())
        if platform is not None:
            self.platform.setCurrentIndex(max(self.platform.findData(platform), 0))
        self.platform.setEnabled(platform is None)

    def sale_input(self) -> SaleInput:
        stamp = self.paid_at.dateTime().toPython()
        paid_at = stamp.replace(microsecond=0) if isinstance(stamp, datetime) else None
        product_id = self.product.currentData() if self.product.currentText().strip() else None
        return SaleInput(
            product_id=product_id, quantity=self.quantity.value(), unit_price=self.unit_price.text(),
            paid_amount=self.paid_amount.text(), paid_at=paid_at, order_id=self.order_id.text(),
            livestream_id=self.livestream.currentData(), platform=self.platform.currentData() or "",
        )

    def submit(self) -> None:
        self.clear_errors()
        self.buttons.setEnabled(False)
        self.save_requested.emit(self.sale_input())

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)
        self.general_error.setVisible(False)

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        """The service refused the sale: each message under its field; the dialog stays open."""
        self.buttons.setEnabled(True)
        first = None
        for name, message in errors.items():
            label = self.errors.get(name, self.general_error)
            label.setText(render(message, QCoreApplication.translate))
            label.setVisible(True)
            first = first or name
        focus = {"product_id": self.product, "quantity": self.quantity, "unit_price": self.unit_price,
                 "paid_amount": self.paid_amount, "paid_at": self.paid_at, "order_id": self.order_id,
                 "livestream_id": self.livestream, "platform": self.platform}.get(first or "")
        if focus is not None:
            focus.setFocus()

    def show_problem(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.general_error.setText(text)
        self.general_error.setVisible(True)


__all__ = ["SaleEntryDialog"]
