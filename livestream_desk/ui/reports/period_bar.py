"""The period picker of the reports page: a month, a quarter, a year or a custom range of
months, with ◀ ▶ to step to the period before or after. Emits the ReportPeriod chosen."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ...domain.period import Month
from ...services.reports.period import PeriodKind, ReportPeriod
from ..widgets.period_editors import MonthEdit, PeriodError, YearSpin


class PeriodBar(QWidget):
    period_changed = Signal(object)  # ReportPeriod

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._period = ReportPeriod.month(Month.current())
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("periodKind")
        for kind, label in (
            (PeriodKind.MONTH, self.tr("Month")),
            (PeriodKind.QUARTER, self.tr("Quarter")),
            (PeriodKind.YEAR, self.tr("Year")),
            (PeriodKind.CUSTOM, self.tr("Custom")),
        ):
            self.kind_combo.addItem(label, kind.value)
        self.kind_combo.setToolTip(self.tr("What kind of period to report on"))

        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previousPeriod")
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("The period before"))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("nextPeriod")
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("The period after"))

        self.month_edit = MonthEdit("periodMonth", self)
        self.year_spin = YearSpin("periodYear", self)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.quarter_combo = QComboBox(self)
        self.quarter_combo.setObjectName("periodQuarter")
        for quarter in range(1, 5):
            self.quarter_combo.addItem(self.tr("Q%1").replace("%1", str(quarter)), quarter)
        self.from_edit = MonthEdit("periodFrom", self)
        self.to_label = QLabel(self.tr("to"), self)
        self.to_edit = MonthEdit("periodTo", self)
        self.error_label = PeriodError("periodError", self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (
            self.kind_combo, self.previous_button, self.month_edit, self.year_spin, self.quarter_combo,
            self.from_edit, self.to_label, self.to_edit, self.next_button, self.error_label,
        ):
            layout.addWidget(widget)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.previous_button.clicked.connect(self.step_back)
        self.next_button.clicked.connect(self.step_forward)
        self.month_edit.dateChanged.connect(self._edited)
        self.year_spin.valueChanged.connect(self._edited)
        self.quarter_combo.currentIndexChanged.connect(self._edited)
        self.from_edit.dateChanged.connect(self._edited)
        self.to_edit.dateChanged.connect(self._edited)
        self._show(self._period)

    # --- the period ------------------------------------------------------------------
    def period(self) -> ReportPeriod:
        return self._period

    def set_period(self, period: ReportPeriod, emit: bool = True) -> None:
        """Show `period` in the editors (and tell the page unless `emit` is False)."""
        changed = period != self._period
        self._period = period
        self._show(period)
        if changed and emit:
            self.period_changed.emit(period)

    def step_back(self) -> None:
        self.set_period(self._period.previous())

    def step_forward(self) -> None:
        length = len(self._period)
        self.set_period(ReportPeriod(self._period.kind, self._period.first + length, self._period.last + length))

    def _show(self, period: ReportPeriod) -> None:
        widgets = (self.kind_combo, self.month_edit, self.year_spin, self.quarter_combo, self.from_edit, self.to_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind.value))
            self.month_edit.set_month(period.last)
            self.year_spin.setValue(period.first.year)
            self.quarter_combo.setCurrentIndex((period.first.month - 1) // 3)
            self.from_edit.set_month(period.first)
            self.to_edit.set_month(period.last)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        kind = period.kind
        self.month_edit.setVisible(kind is PeriodKind.MONTH)
        self.year_spin.setVisible(kind in (PeriodKind.QUARTER, PeriodKind.YEAR))
        self.quarter_combo.setVisible(kind is PeriodKind.QUARTER)
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(kind is PeriodKind.CUSTOM)
        self.error_label.hide()

    def _kind_changed(self, _index: int) -> None:
        kind = PeriodKind(self.kind_combo.currentData())
        last = self._period.last
        if kind is PeriodKind.MONTH:
            period = ReportPeriod.month(last)
        elif kind is PeriodKind.QUARTER:
            period = ReportPeriod.quarter_of(last)
        elif kind is PeriodKind.YEAR:
            period = ReportPeriod.year(last.year)
        else:
            period = ReportPeriod(PeriodKind.CUSTOM, last - 5, last)  # six months to the one shown
        self.set_period(period)

    def _edited(self, *_args) -> None:
        kind = PeriodKind(self.kind_combo.currentData())
        if kind is PeriodKind.MONTH:
            period = ReportPeriod.month(self.month_edit.month())
        elif kind is PeriodKind.QUARTER:
            period = ReportPeriod.quarter(self.year_spin.value(), int(self.quarter_combo.currentData()))
        elif kind is PeriodKind.YEAR:
            period = ReportPeriod.year(self.year_spin.value())
        else:
            first, last = self.from_edit.month(), self.to_edit.month()
            if last < first:
                self.error_label.setText(self.tr("The last month is before the first month."))
                self.error_label.show()
                return
            period = ReportPeriod(PeriodKind.CUSTOM, first, last)
        self.error_label.hide()
        if period != self._period:
            self._period = period
            self.period_changed.emit(period)


__all__ = ["PeriodBar"]
