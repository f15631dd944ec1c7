"""What the pages' period pickers are made of (the dashboard's period selector, the reports
page's period bar and its targets dialog): a month editor and a year spin box over one range
of years, and the red note shown beside them while a range ends before it starts."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QSpinBox, QWidget

from ...domain.period import Month
from .. import theme

FIRST_YEAR, LAST_YEAR = 2000, 2099
ERROR_COLOUR = theme.UP  # the pickers' red, the same as a figure going up


class MonthEdit(QDateEdit):
    """A month as yyyy-MM (the month part is the one the arrows step); reads and shows `Month`."""

    def __init__(self, name: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setDisplayFormat("yyyy-MM")
        self.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.setMaximumDate(QDate(LAST_YEAR, 12, 1))
        self.setCurrentSection(QDateEdit.Section.MonthSection)

    def month(self) -> Month:
        date = self.date()
        return Month(date.year(), date.month())

    def set_month(self, month: Month) -> None:
        self.setDate(QDate(month.year, month.month, 1))


class YearSpin(QSpinBox):
    """A year between the same first and last year as the month editors."""

    def __init__(self, name: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRange(FIRST_YEAR, LAST_YEAR)


class PeriodError(QLabel):
    """The red note about the period typed; hidden until there is something to say."""

    def __init__(self, name: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()


__all__ = ["MonthEdit", "YearSpin", "PeriodError", "FIRST_YEAR", "LAST_YEAR"]
