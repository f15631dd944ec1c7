"""The livestream editor: one livestream or a weekly series, with messages next to the fields.

The dialog never touches the database: the page gives it the live rooms and hosts to pick
from and `now`, and does the checking and saving in the background when the dialog emits
`saveRequested(EditorRequest)`. The page answers with `show_problem` (a message next to the
field it is about), `confirm_clashes` (save anyway / go back) or `accept()`.
Questions are non-modal message boxes (`open()`), kept as attributes so tests can answer them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.models import Platform
from ...messages import Message, Problem, render
from ...services.schedule import AccountRow, Clash, HostRow, LivestreamInput, LivestreamRow, SeriesRule, series_dates
from ..platforms import platform_name
from ..widgets.unsaved_changes import UnsavedChanges
from . import texts

DEFAULT_MINUTES = 120
CREATE, UPDATE, CREATE_SERIES, UPDATE_SERIES = "create", "update", "create_series", "update_series"

# which field a message code is about (the rest show under the form)
FIELD_OF_CODE = {
    "schedule.title_required": "title",
    "schedule.platform_required": "platform",
    "common.unknown_platform": "platform",
    "schedule.start_required": "start",
    "schedule.planned_in_past": "start",
    "schedule.end_before_start": "end",
    "schedule.too_long": "end",
    "schedule.unknown_account": "account",
    "schedule.account_other_platform": "account",
    "schedule.account_retired": "account",
    "schedule.unknown_host": "host",
    "schedule.host_retired": "host",
    "schedule.series_no_weekdays": "series",
    "schedule.series_needs_end": "series",
    "schedule.series_until_before_first": "series",
    "schedule.series_too_many": "series",
    "schedule.series_empty": "series",
    "schedule.series_no_future": "series",
}


def to_datetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class EditorRequest:
    """What the editor asks the page to save."""

    kind: str  # CREATE, UPDATE, CREATE_SERIES, UPDATE_SERIES
    data: LivestreamInput
    livestream_id: Optional[int] = None
    series_id: Optional[str] = None
    rule: Optional[SeriesRule] = None
    confirmed_clashes: bool = False  # the user said "save anyway"


class LivestreamEditor(QDialog):
    """`LivestreamEditor(accounts, hosts, now, livestream=None, day=None, parent)`."""

    saveRequested = Signal(object)  # EditorRequest
    duplicateRequested = Signal(int)
    cancelRequested = Signal(int)  # cancel this livestream
    cancelSeriesRequested = Signal(str)

    def __init__(self, accounts: Sequence[AccountRow], hosts: Sequence[HostRow], now: datetime, *,
                 livestream: Optional[LivestreamRow] = None, day: Optional[date] = None,
                 future_in_series: int = 0, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("livestreamEditor")
        self.accounts = list(accounts)
        self.hosts = list(hosts)
        self.now = now
        self.livestream = livestream
        # the row version this editor shows; a save over a newer one asks first (services.versions)
        self.version: Optional[int] = livestream.version if livestream is not None else None
        self.future_in_series = future_in_series
        self.conflict_box: Optional[QMessageBox] = None
        self.clash_box: Optional[QMessageBox] = None
        self.scope_box: Optional[QMessageBox] = None
        self.pending: Optional[EditorRequest] = None
        self.setWindowTitle(self.tr("Edit livestream") if livestream else self.tr("New livestream"))
        self.setMinimumWidth(560)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText(self.tr("e.g. 婺源皇菊 year-end special"))
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("platformCombo")
        for key in Platform.ALL:
            self.platform_combo.addItem(platform_name(key), key)
        self.account_combo = QComboBox(self)
        self.account_combo.setObjectName("accountCombo")
        self.host_combo = QComboBox(self)
        self.host_combo.setObjectName("hostCombo")
        self.start_edit = QDateTimeEdit(self)
        self.start_edit.setObjectName("startEdit")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end_edit = QDateTimeEdit(self)
        self.end_edit.setObjectName("endEdit")
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.length_label = QLabel(self)
        self.length_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        self.theme_edit = QLineEdit(self)
        self.theme_edit.setObjectName("themeEdit")
        self.theme_edit.setPlaceholderText(self.tr("e.g. 年货节, 双十一"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_edit, 1)
        end_row.addWidget(self.length_label)
        for key, label, field in (
            ("title", self.tr("&Title"), self.title_edit),
            ("platform", self.tr("&Platform"), self.platform_combo),
            ("account", self.tr("Live &room"), self.account_combo),
            ("host", self.tr("&Host"), self.host_combo),
            ("start", self.tr("&Starts"), self.start_edit),
            ("end", self.tr("Ends"), end_row),
            ("theme", self.tr("T&heme"), self.theme_edit),
            ("notes", self.tr("&Notes"), self.notes_edit),
        ):
            form.addRow(label, field)
            error = QLabel(self)
            error.setObjectName(f"{key}Error")
            error.setStyleSheet(texts.ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            form.addRow("", error)

        # --- the weekly series --------------------------------------------------------------
        self.series_box = QGroupBox(self.tr("Repeat every week"), self)
        self.series_box.setObjectName("seriesBox")
        self.series_box.setCheckable(True)
        self.series_box.setChecked(False)
        self.weekday_checks: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for weekday in range(7):
            check = QCheckBox(texts.weekday_short(weekday), self.series_box)
            check.setObjectName(f"weekday{weekday}")
            self.weekday_checks.append(check)
            days_row.addWidget(check)
        days_row.addStretch(1)
        self.until_radio = QRadioButton(self.tr("Until"), self.series_box)
        self.until_radio.setObjectName("untilRadio")
        self.until_edit = QDateEdit(self.series_box)
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.count_radio = QRadioButton(self.tr("Number of livestreams"), self.series_box)
        self.count_radio.setObjectName("countRadio")
        self.count_spin = QSpinBox(self.series_box)
        self.count_spin.setObjectName("countSpin")
        self.count_spin.setRange(1, 200)
        self.count_spin.setValue(8)
        group = QButtonGroup(self)
        group.addButton(self.until_radio)
        group.addButton(self.count_radio)
        self.count_radio.setChecked(True)
        end_choice = QHBoxLayout()
        end_choice.addWidget(self.until_radio)
        end_choice.addWidget(self.until_edit)
        end_choice.addSpacing(16)
        end_choice.addWidget(self.count_radio)
        end_choice.addWidget(self.count_spin)
        end_choice.addStretch(1)
        self.series_preview = QLabel(self.series_box)
        self.series_preview.setObjectName("seriesPreview")
        self.series_preview.setWordWrap(True)
        self.series_preview.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        series_layout = QVBoxLayout(self.series_box)
        series_layout.addWidget(QLabel(self.tr("On these days, at the start time above:"), self.series_box))
        series_layout.addLayout(days_row)
        series_layout.addLayout(end_choice)
        series_layout.addWidget(self.series_preview)
        series_error = QLabel(self.series_box)
        series_error.setObjectName("seriesError")
        series_error.setStyleSheet(texts.ERROR_STYLE)
        series_error.setWordWrap(True)
        series_error.hide()
        self.errors["series"] = series_error
        series_layout.addWidget(series_error)
        self.series_note = QLabel(self)
        self.series_note.setObjectName("seriesNote")
        self.series_note.setWordWrap(True)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet(texts.ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.errors["general"] = self.general_error

        # --- buttons ------------------------------------------------------------------------
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.duplicate_button = QPushButton(self.tr("&Duplicate"), self)
        self.duplicate_button.setObjectName("duplicateButton")
        self.cancel_stream_button = QPushButton(self.tr("Cancel &livestream"), self)
        self.cancel_stream_button.setObjectName("cancelLivestreamButton")
        self.cancel_series_button = QPushButton(self.tr("Cancel s&eries"), self)
        self.cancel_series_button.setObjectName("cancelSeriesButton")
        actions = QHBoxLayout()
        actions.addWidget(self.duplicate_button)
        actions.addWidget(self.cancel_stream_button)
        actions.addWidget(self.cancel_series_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.series_box)
        layout.addWidget(self.series_note)
        layout.addWidget(self.general_error)
        layout.addLayout(actions)

        self._fill(livestream, day)
        self.platform_combo.currentIndexChanged.connect(lambda _i: self._fill_accounts())
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.end_edit.dateTimeChanged.connect(lambda _v: self._check_times())
        self.series_box.toggled.connect(lambda _on: self._update_preview())
        for check in self.weekday_checks:
            check.toggled.connect(lambda _on: self._update_preview())
        self.until_edit.dateChanged.connect(lambda _d: self._update_preview())
        self.count_spin.valueChanged.connect(lambda _v: self._update_preview())
        self.until_radio.toggled.connect(lambda _on: self._update_preview())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.duplicate_button.clicked.connect(lambda: self.duplicateRequested.emit(self.livestream.id))
        self.cancel_stream_button.clicked.connect(lambda: self.cancelRequested.emit(self.livestream.id))
        self.cancel_series_button.clicked.connect(lambda: self.cancelSeriesRequested.emit(self.livestream.series_id))
        self._check_times()
        self._update_preview()
        # Esc, 关闭 and the close button ask before throwing typed changes away.
        self.unsaved = UnsavedChanges(self, self._typed, self.save)
        self.unsaved.mark_clean()

    def _typed(self) -> tuple:
        """What the user has typed, to tell whether closing would lose something."""
        return self.input(), self.series_box.isChecked(), self.rule()

    def reject(self) -> None:
        self.unsaved.close(super().reject)

    # --- filling -------------------------------------------------------------------------------
    def _fill(self, row: Optional[LivestreamRow], day: Optional[date]) -> None:
        if row is None:
            start = self._default_start(day)
            self.platform_combo.setCurrentIndex(0)
            self._fill_accounts()
            self._fill_hosts(None)
            self.start_edit.setDateTime(to_qdatetime(start))
            self.end_edit.setDateTime(to_qdatetime(start + timedelta(minutes=DEFAULT_MINUTES)))
            self.until_edit.setDate(QDate(start.year, start.month, start.day).addMonths(1))
            self.weekday_checks[start.weekday()].setChecked(True)
            for button in (self.duplicate_button, self.cancel_stream_button, self.cancel_series_button):
                button.hide()
            self.series_note.hide()
            return
        self.title_edit.setText(row.title)
        self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData(row.platform)))
        self._fill_accounts(row.account_id)
        self._fill_hosts(row.host_id)
        self.start_edit.setDateTime(to_qdatetime(row.scheduled_start))
        self.end_edit.setDateTime(to_qdatetime(row.scheduled_end))
        self.theme_edit.setText(row.theme)
        self.notes_edit.setPlainText(row.notes)
        self.series_box.hide()  # an existing livestream's series is edited through the scope question
        self.cancel_stream_button.setVisible(row.is_planned)
        self.cancel_series_button.setVisible(row.in_series and self.future_in_series > 0)
        if row.in_series:
            self.series_note.setText(self.tr("Part of a weekly series ({count} planned ahead). Saving asks whether to "
                                             "change only this livestream or the whole series.").format(
                count=self.future_in_series))
        else:
            self.series_note.hide()

    def _default_start(self, day: Optional[date]) -> datetime:
        day = day or self.now.date()
        start = datetime(day.year, day.month, day.day, 20, 0)
        if start < self.now:
            start = (self.now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        return start

    def _fill_accounts(self, current_id: Optional[int] = None) -> None:
        if current_id is None and self.account_combo.count():
            current_id = self.account_combo.currentData()
        platform = self.platform_combo.currentData()
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("(none)"), None)
        for account in self.accounts:
            if account.platform != platform or (account.retired and account.id != current_id):
                continue
            label = account.name if not account.retired else self.tr("{name} (retired)").format(name=account.name)
            self.account_combo.addItem(label, account.id)
        index = self.account_combo.findData(current_id) if current_id is not None else 0
        self.account_combo.setCurrentIndex(max(index, 0))
        self.account_combo.blockSignals(False)

    def _fill_hosts(self, current_id: Optional[int]) -> None:
        self.host_combo.clear()
        self.host_combo.addItem(self.tr("(none)"), None)
        for host in self.hosts:
            if host.retired and host.id != current_id:
                continue
            label = host.name if not host.retired else self.tr("{name} (retired)").format(name=host.name)
            self.host_combo.addItem(label, host.id)
        index = self.host_combo.findData(current_id) if current_id is not None else 0
        self.host_combo.setCurrentIndex(max(index, 0))

    # --- live checks ------------------------------------------------------------------------------
    def _start_changed(self, value: QDateTime) -> None:
        # keep the length when the start moves, as calendars do
        minutes = self._minutes_before_change
        self.end_edit.setDateTime(value.addSecs(minutes * 60))
        self._check_times()
        self._update_preview()

    @property
    def _minutes_before_change(self) -> int:
        return getattr(self, "_last_minutes", DEFAULT_MINUTES)

    def planned_minutes(self) -> int:
        start, end = to_datetime(self.start_edit.dateTime()), to_datetime(self.end_edit.dateTime())
        return int((end - start).total_seconds() // 60)

    def _check_times(self) -> None:
        minutes = self.planned_minutes()
        if minutes > 0:
            self._last_minutes = minutes
            self.length_label.setText(texts.minutes_text(minutes))
            self.set_error("end", "")
        else:
            self.length_label.setText("")
            self.set_error("end", render(Message("schedule.end_before_start", minutes=minutes), QCoreApplication.translate))
        start = to_datetime(self.start_edit.dateTime())
        planned = self.livestream is None or self.livestream.is_planned
        moved = self.livestream is None or self.livestream.scheduled_start != start
        if planned and moved and start < self.now.replace(second=0, microsecond=0):
            self.set_error("start", render(Message("schedule.planned_in_past", start=start), QCoreApplication.translate))
        else:
            self.set_error("start", "")

    def rule(self) -> SeriesRule:
        weekdays = frozenset(i for i, check in enumerate(self.weekday_checks) if check.isChecked())
        start = to_datetime(self.start_edit.dateTime())
        until = to_date(self.until_edit.date()) if self.until_radio.isChecked() else None
        count = self.count_spin.value() if self.count_radio.isChecked() else None
        return SeriesRule(weekdays=weekdays, start_time=start.time(), planned_minutes=self.planned_minutes(),
                          first_day=start.date(), until=until, count=count)

    def _update_preview(self) -> None:
        self.until_edit.setEnabled(self.until_radio.isChecked())
        self.count_spin.setEnabled(self.count_radio.isChecked())
        if not self.series_box.isChecked() or self.livestream is not None:
            self.series_preview.setText("")
            self.set_error("series", "")
            return
        try:
            days = series_dates(self.rule())
        except Problem as problem:
            self.series_preview.setText("")
            self.set_error("series", render(problem.message, QCoreApplication.translate))
            return
        self.set_error("series", "")
        shown = ", ".join(f"{d:%m-%d}" for d in days[:6]) + (" …" if len(days) > 6 else "")
        self.series_preview.setText(self.tr("{count} livestreams: {days} (last {last})").format(
            count=len(days), days=shown, last=f"{days[-1]:%Y-%m-%d}"))

    # --- messages ------------------------------------------------------------------------------------
    def set_error(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(text)
        label.setVisible(bool(text))

    def error_text(self, field: str) -> str:
        label = self.errors[field]
        return label.text() if label.isVisible() or not label.isHidden() else ""

    def show_problem(self, problem: Problem) -> None:
        """Show the message next to the field it is about (or under the form)."""
        self.set_error(FIELD_OF_CODE.get(problem.code, "general"), render(problem.message, QCoreApplication.translate))
        self.save_button.setEnabled(True)

    def clear_errors(self) -> None:
        for key in self.errors:
            if key not in ("start", "end"):
                self.set_error(key, "")

    # --- saving ---------------------------------------------------------------------------------------
    def input(self) -> LivestreamInput:
        return LivestreamInput(
            title=self.title_edit.text(),
            platform=self.platform_combo.currentData(),
            scheduled_start=to_datetime(self.start_edit.dateTime()),
            planned_minutes=self.planned_minutes(),
            account_id=self.account_combo.currentData(),
            host_id=self.host_combo.currentData(),
            theme=self.theme_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def save(self) -> None:
        """Save pressed: a series occurrence asks for the scope first."""
        self.clear_errors()
        data = self.input()
        row = self.livestream
        if row is None:
            if self.series_box.isChecked():
                self._send(EditorRequest(CREATE_SERIES, data, rule=self.rule()))
            else:
                self._send(EditorRequest(CREATE, data))
            return
        if row.in_series and row.is_planned and self.future_in_series > 0:
            self._ask_scope(data)
            return
        self._send(EditorRequest(UPDATE, data, livestream_id=row.id))

    def _ask_scope(self, data: LivestreamInput) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change the series?"),
                          self.tr("This livestream is part of a weekly series. Change only this livestream, or "
                                  "this and all {count} planned livestreams of the series ahead?").format(
                              count=self.future_in_series), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("scopeBox")
        self.only_this_button = box.addButton(self.tr("Only this one"), QMessageBox.ButtonRole.AcceptRole)
        self.whole_series_button = box.addButton(self.tr("The whole series"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        row = self.livestream

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            self.scope_box = None
            if clicked is self.only_this_button:
                self._send(EditorRequest(UPDATE, data, livestream_id=row.id))
            elif clicked is self.whole_series_button:
                self._send(EditorRequest(UPDATE_SERIES, data, livestream_id=row.id, series_id=row.series_id))

        box.finished.connect(answered)
        self.scope_box = box
        box.open()

    def _send(self, request: EditorRequest) -> None:
        self.pending = request
        self.save_button.setEnabled(False)
        self.saveRequested.emit(request)

    def confirm_clashes(self, request: EditorRequest, clashes: Sequence[Clash], go_on: Callable[[], None]) -> None:
        """Warn of the clashes, naming the other livestreams; `go_on()` when the user saves anyway."""
        lines = []
        for clash in clashes[:8]:
            lines.append("• " + render(clash.message, QCoreApplication.translate))
        if len(clashes) > 8:
            lines.append(self.tr("… and {count} more").format(count=len(clashes) - 8))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Double-booked"),
                          self.tr("The same host or live room is already booked at that time:"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("clashBox")
        box.setInformativeText("\n".join(lines))
        self.save_anyway_button = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.go_back_button = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.go_back_button)

        def answered(_result: int) -> None:
            self.clash_box = None
            if box.clickedButton() is self.save_anyway_button:
                go_on()
            else:
                self.save_button.setEnabled(True)
                self.set_error("general", self.tr("Not saved: change the time, the host or the live room."))

        box.finished.connect(answered)
        self.clash_box = box
        box.open()

    def saved(self) -> None:
        self.pending = None
        self.accept()

    def reload_from(self, row: LivestreamRow) -> None:
        """Show the livestream as it is saved now (after a change made elsewhere)."""
        self.livestream = row
        self.version = row.version
        self.clear_errors()
        self._fill(row, None)
        self.unsaved.mark_clean()
        self.pending = None
        self.save_button.setEnabled(True)


__all__ = ["LivestreamEditor", "EditorRequest", "CREATE", "UPDATE", "CREATE_SERIES", "UPDATE_SERIES",
           "FIELD_OF_CODE", "to_datetime", "to_qdatetime"]
