"""The period selector: last 6 / 12 / 24 months, this year, or a custom range of months."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...domain.period import Month, MonthRange
from ...services.dashboard import DEFAULT_PERIOD, PeriodChoice
from ..widgets.period_editors import MonthEdit, PeriodError


class PeriodSelector(QWidget):
    period_changed = Signal(object)  # PeriodChoice
    custom_range_changed = Signal(object, object)  # first Month, last Month (not yet validated)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("periodCombo")
        for choice, label in (
            (PeriodChoice.LAST_6, self.tr("Last 6 months")),
            (PeriodChoice.LAST_12, self.tr("Last 12 months")),
            (PeriodChoice.LAST_24, self.tr("Last 24 months")),
            (PeriodChoice.THIS_YEAR, self.tr("This year")),
            (PeriodChoice.CUSTOM, self.tr("Custom…")),
        ):
            self.combo.addItem(label, choice.value)
        self.combo.setCurrentIndex(self.combo.findData(DEFAULT_PERIOD.value))
        self.combo.setToolTip(self.tr("Which months to show"))

        self.from_label = QLabel(self.tr("From"), self)
        self.from_edit = MonthEdit("fromMonth", self)
        self.from_label.setBuddy(self.from_edit)
        self.to_label = QLabel(self.tr("to"), self)
        self.to_edit = MonthEdit("toMonth", self)
        self.to_label.setBuddy(self.to_edit)
        self.error_label = PeriodError("rangeError", self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit, self.error_label):
            layout.addWidget(widget)
        self._show_custom(False)

        self.combo.currentIndexChanged.connect(self._on_combo)
        self.from_edit.dateChanged.connect(self._on_dates)
        self.to_edit.dateChanged.connect(self._on_dates)

    # --- state -----------------------------------------------------------------
    def choice(self) -> PeriodChoice:
        return PeriodChoice(self.combo.currentData())

    def set_choice(self, choice: PeriodChoice) -> None:
        self.combo.setCurrentIndex(self.combo.findData(PeriodChoice(choice).value))

    def custom_months(self) -> tuple[Month, Month]:
        return self.from_edit.month(), self.to_edit.month()

    def set_custom_months(self, months: MonthRange) -> None:
        """Put a range in the editors without announcing it (it is already the one shown)."""
        for edit, month in ((self.from_edit, months.first), (self.to_edit, months.last)):
            with QSignalBlocker(edit):
                edit.set_month(month)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message) and self.choice() is PeriodChoice.CUSTOM)

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    # --- reactions -----------------------------------------------------------
    def _show_custom(self, show: bool) -> None:
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(show)
        self.error_label.setVisible(show and bool(self.error_label.text()))

    def _on_combo(self, _index: int) -> None:
        choice = self.choice()
        self._show_custom(choice is PeriodChoice.CUSTOM)
        self.period_changed.emit(choice)

    def _on_dates(self, _date: QDate) -> None:
        first, last = self.custom_months()
        self.custom_range_changed.emit(first, last)
