"""The sales filters: period, platform, livestream, product, refunded, order number."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...db.models import Platform
from ...domain.period import Month
from ...services import uow
from ...services.sales import NO_LIVESTREAM, RefundFilter, SaleQuery, SalesOptions
from ..platforms import platform_name

PERIODS = ("all", "this_month", "last_month", "last_3_months", "last_12_months", "this_year", "last_year", "custom")
TEXT_DELAY_MS = 250


def period_range(key: str, today: datetime, first: Optional[QDate] = None,
                 last: Optional[QDate] = None) -> tuple[Optional[datetime], Optional[datetime]]:
    """(start, end) of a period choice: whole months (so the summary answers), or custom days."""
    month = Month.of(today)
    if key == "this_month":
        return month.start(), month.end()
    if key == "last_month":
        return month.previous().start(), month.start()
    if key == "last_3_months":
        return (month - 2).start(), month.end()
    if key == "last_12_months":
        return (month - 11).start(), month.end()
    if key == "this_year":
        return datetime(today.year, 1, 1), datetime(today.year + 1, 1, 1)
    if key == "last_year":
        return datetime(today.year - 1, 1, 1), datetime(today.year, 1, 1)
    if key == "custom" and first is not None and last is not None:
        start = datetime(first.year(), first.month(), first.day())
        end = datetime(last.year(), last.month(), last.day()) + timedelta(days=1)
        return start, max(end, start)
    return None, None


class SalesFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.period = QComboBox(self)
        self.period.setObjectName("periodFilter")
        names = {
            "all": self.tr("All time"), "this_month": self.tr("This month"), "last_month": self.tr("Last month"),
            "last_3_months": self.tr("Last 3 months"), "last_12_months": self.tr("Last 12 months"),
            "this_year": self.tr("This year"), "last_year": self.tr("Last year"), "custom": self.tr("Dates…"),
        }
        for key in PERIODS:
            self.period.addItem(names[key], key)
        today = QDate.currentDate()
        self.first_date = QDateEdit(today.addDays(-6), self)
        self.last_date = QDateEdit(today, self)
        for edit in (self.first_date, self.last_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.dash = QLabel("–", self)
        self.dash.setVisible(False)

        self.platform = QComboBox(self)
        self.platform.setObjectName("platformFilter")
        self.platform.addItem(self.tr("All platforms"), None)
        for code in Platform.ALL:
            self.platform.addItem(platform_name(code), code)

        self.livestream = QComboBox(self)
        self.livestream.setObjectName("livestreamFilter")
        self.livestream.setMinimumContentsLength(14)
        self.livestream.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.livestream.addItem(self.tr("All livestreams"), None)

        self.product = QComboBox(self)
        self.product.setObjectName("productFilter")
        self.product.setMinimumContentsLength(10)
        self.product.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.product.addItem(self.tr("All products"), None)

        self.refunded = QComboBox(self)
        self.refunded.setObjectName("refundFilter")
        self.refunded.addItem(self.tr("Refunded or not"), RefundFilter.ANY.value)
        self.refunded.addItem(self.tr("Refunded"), RefundFilter.REFUNDED.value)
        self.refunded.addItem(self.tr("Not refunded"), RefundFilter.NOT_REFUNDED.value)

        self.order_text = QLineEdit(self)
        self.order_text.setObjectName("orderSearch")
        self.order_text.setPlaceholderText(self.tr("Order number…"))
        self.order_text.setClearButtonEnabled(True)
        self.order_text.setMaximumWidth(170)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.changed)
        self.order_text.textChanged.connect(lambda _t: self._text_timer.start())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.period, self.first_date, self.dash, self.last_date, self.platform, self.livestream,
                       self.product, self.refunded, self.order_text):
            layout.addWidget(widget)
        layout.addStretch(1)

        self.period.currentIndexChanged.connect(self._on_period)
        for combo in (self.platform, self.livestream, self.product, self.refunded):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _on_period(self, _index: int) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.first_date, self.dash, self.last_date):
            widget.setVisible(custom)
        self.changed.emit()

    def set_options(self, options: SalesOptions) -> None:
        """Fill the livestream and product lists, keeping the current choices."""
        livestream_id, product_id = self.livestream.currentData(), self.product.currentData()
        for combo in (self.livestream, self.product):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
        self.livestream.addItem(self.tr("No livestream"), NO_LIVESTREAM)
        for stream in options.livestreams:
            self.livestream.addItem(f"{stream.start:%m-%d %H:%M} {stream.title}", stream.id)
        for product in options.products:
            self.product.addItem(product.label, product.id)
        for combo, value in ((self.livestream, livestream_id), (self.product, product_id)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def select_livestream(self, livestream_id: Optional[int], title: str = "") -> None:
        index = self.livestream.findData(livestream_id)
        if index < 0 and livestream_id is not None:
            self.livestream.addItem(title or f"#{livestream_id}", livestream_id)
            index = self.livestream.count() - 1
        self.livestream.setCurrentIndex(max(index, 0))

    def query(self, base: Optional[SaleQuery] = None) -> SaleQuery:
        base = base or SaleQuery()
        start, end = period_range(self.period.currentData(), uow.now(), self.first_date.date(), self.last_date.date())
        return SaleQuery(
            start=start, end=end, platform=self.platform.currentData(), livestream_id=self.livestream.currentData(),
            product_id=self.product.currentData(), refunded=RefundFilter(self.refunded.currentData()),
            order_text=self.order_text.text().strip(), sort=base.sort, descending=base.descending,
        )

    def is_filtered(self) -> bool:
        return self.query().filters_only() != SaleQuery().filters_only()


__all__ = ["SalesFilterBar", "period_range", "PERIODS"]
