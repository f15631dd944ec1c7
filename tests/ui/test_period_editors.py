"""The period pickers' editors (ui/widgets/period_editors.py): a month in and out as `Month`,
the month part stepped by the arrows, one range of years for months and years."""
from __future__ import annotations

from PySide6.QtCore import Qt

from livestream_desk.domain.period import Month
from livestream_desk.ui.widgets.period_editors import MonthEdit, PeriodError, YearSpin


def test_a_month_edit_shows_and_reads_a_month_and_steps_by_month(qtbot):
    edit = MonthEdit("someMonth")
    qtbot.addWidget(edit)
    edit.set_month(Month(2026, 12))
    assert edit.objectName() == "someMonth" and edit.text() == "2026-12" and edit.month() == Month(2026, 12)
    edit.set_month(Month(2026, 10))
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # the arrows step the month, not the year
    assert edit.month() == Month(2026, 11)
    edit.set_month(Month(1999, 5))  # before the first year: held at the first month
    assert edit.month() == Month(2000, 1)


def test_a_year_spin_has_the_month_editors_years(qtbot):
    spin = YearSpin("someYear")
    qtbot.addWidget(spin)
    assert (spin.minimum(), spin.maximum()) == (2000, 2099)
    assert MonthEdit("m").maximumDate().year() == spin.maximum()


def test_the_period_error_is_hidden_until_shown(qtbot):
    label = PeriodError("someError")
    qtbot.addWidget(label)
    assert label.isHidden() and "color" in label.styleSheet()
