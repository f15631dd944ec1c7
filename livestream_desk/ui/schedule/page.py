"""The schedule page (直播排期): month calendar, week agenda and list of livestreams.

Loading: each period's livestreams come from one background query (livestreams_between);
answers are kept per period, and the previous and next periods are fetched after the shown
one, so moving a month on shows at once. Any change empties that cache.

Changes go through ui/schedule/actions.py (undoable page operations); dialogs never touch
the database (editor.py, review.py), or do so only through this page's operations
(lineup.py, people_dialog.py).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Optional

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...messages import Problem
from ...services import schedule, uow
from ...services.schedule import LivestreamRow
from ...services.versions import ChangedElsewhere
from ..errors import report_error
from ..operation import PageOp, UndoActions
from ..page import Page, PageMenus
from ..widgets.changed_elsewhere import ask_changed_elsewhere
from ..widgets.flow_layout import FlowBar
from . import actions, files, texts
from .calendar_view import MONTH, WEEK, CalendarView, month_grid_start, monday_of
from .details import DetailsPanel
from .editor import CREATE, CREATE_SERIES, UPDATE, UPDATE_SERIES, EditorRequest, LivestreamEditor
from .list_model import LIVESTREAM_ID_ROLE, LivestreamSortProxy, LivestreamTableModel
from .reminders import Reminders, reminder_minutes, set_reminder_minutes
from .totals import PlanTotalsBar, plan_totals

LIST = "list"
SETTINGS_MODE = "schedule/mode"
SETTINGS_LIST_COLUMNS = "schedule/list_columns"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class SchedulePage(Page):
    """`SchedulePage(database, task_runner, parent)`."""

    def __init__(self, database, task_runner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("schedulePage")
        self.undo_stack = QUndoStack(self)
        self.undo = UndoActions(self, self.undo_stack)
        self.mode = MONTH
        self.anchor = uow.now().date()
        self.rows: list[LivestreamRow] = []
        self._cache: dict[tuple[date, date], tuple[LivestreamRow, ...]] = {}
        self._generation = 0
        self.editor: Optional[LivestreamEditor] = None
        self.review_dialog = None
        self.lineup_dialog = None
        self.people_dialog = None
        self._select_after_load = 0  # a livestream just saved: select it once it is on screen
        self._build_actions()
        self._build_ui()
        self.reminders = Reminders(self, open_livestream=self.open_livestream)

    # --- building -----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut=None) -> QAction:
            made = QAction(text, self)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(made)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.new_action = action(self.tr("&New Livestream…"), self.new_livestream, QKeySequence.StandardKey.New)
        self.today_action = action(self.tr("Today"), self.go_today, QKeySequence("Ctrl+T"))
        self.previous_action = action(self.tr("Previous"), lambda: self.step(-1), QKeySequence("Alt+Left"))
        self.next_action = action(self.tr("Next"), lambda: self.step(1), QKeySequence("Alt+Right"))
        self.delete_action = action(self.tr("&Delete Livestream"), self.delete_selected, QKeySequence.StandardKey.Delete)
        self.accounts_action = action(self.tr("Live &Rooms…"), lambda: self.manage_people("accounts"))
        self.hosts_action = action(self.tr("&Hosts…"), lambda: self.manage_people("hosts"))
        self.export_calendar_action = action(self.tr("Export Calendar for &Phones (.ics)…"), self.export_calendar)
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for mode, text in ((MONTH, self.tr("Month")), (WEEK, self.tr("Week")), (LIST, self.tr("List"))):
            made = QAction(text, self)
            made.setCheckable(True)
            made.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.mode_group.addAction(made)
            self.mode_actions[mode] = made
        self.mode_actions[MONTH].setChecked(True)

    def _build_ui(self) -> None:
        def tool(action: QAction) -> QToolButton:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            return button

        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        font = self.period_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.period_label.setFont(font)
        self.previous_action.setText("◀")
        self.previous_action.setToolTip(self.tr("Previous month or week"))
        self.next_action.setText("▶")
        self.next_action.setToolTip(self.tr("Next month or week"))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("listFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter: title, room, host, theme"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(240)
        self.reminder_spin = QSpinBox(self)
        self.reminder_spin.setObjectName("reminderSpin")
        self.reminder_spin.setRange(0, 24 * 60)
        self.reminder_spin.setSingleStep(5)
        self.reminder_spin.setSuffix(self.tr(" min"))
        self.reminder_spin.setSpecialValueText(self.tr("Off"))
        self.reminder_spin.setValue(reminder_minutes())
        self.reminder_spin.setToolTip(self.tr("Remind this many minutes before a planned livestream"))
        self.reminder_spin.valueChanged.connect(set_reminder_minutes)

        # One line at 1366×768; wraps in a narrower window (or in English, with icons) instead
        # of squeezing the buttons' words.
        bar = FlowBar(self)
        bar.setObjectName("scheduleToolbar")
        new_button = tool(self.new_action)
        new_button.setText(self.tr("+ New livestream"))
        bar.add(new_button)
        for index, made in enumerate((self.today_action, self.previous_action, self.next_action)):
            bar.add(tool(made), gap_before=10 if index == 0 else 0)
        bar.add(self.period_label, stretch=True)
        bar.add(self.filter_edit)
        for mode in (MONTH, WEEK, LIST):
            button = tool(self.mode_actions[mode])
            button.setObjectName(f"{mode}Button")
            bar.add(button)
        bar.add(tool(self.accounts_action), gap_before=10)
        bar.add(tool(self.hosts_action))
        bar.add(QLabel(self.tr("Remind"), self))
        bar.add(self.reminder_spin)

        self.month_view = CalendarView(self)
        self.month_view.setObjectName("monthView")
        self.week_view = CalendarView(self)
        self.week_view.setObjectName("weekView")
        self.week_view.set_period(WEEK, self.anchor)
        self.week_scroll = QScrollArea(self)
        self.week_scroll.setWidgetResizable(True)
        self.week_scroll.setWidget(self.week_view)
        self.list_model = LivestreamTableModel(self)
        self.list_proxy = LivestreamSortProxy(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_view = QTableView(self)
        self.list_view.setObjectName("listView")
        self.list_view.setModel(self.list_proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 130), (1, 60), (2, 220), (3, 90), (4, 130), (5, 90), (6, 70), (7, 110)):
            self.list_view.setColumnWidth(column, width)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.month_view)
        self.views.addWidget(self.week_scroll)
        self.views.addWidget(self.list_view)
        self.details = DetailsPanel(self)
        self.totals_bar = PlanTotalsBar(self)  # 合计: the month's (week's) livestreams, hours, value

        body = QHBoxLayout()
        body.addWidget(self.views, 1)
        body.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.totals_bar)

        for view in (self.month_view, self.week_view):
            view.openRequested.connect(self.open_livestream)
            view.selectionChanged.connect(self._selected)
            view.rescheduleRequested.connect(self.reschedule)
            view.dayActivated.connect(lambda day: self.new_livestream(day))
            view.moreRequested.connect(self._show_week_of)
        self.list_view.doubleClicked.connect(lambda index: self.open_livestream(index.data(LIVESTREAM_ID_ROLE)))
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda index, _prev: self._selected(index.data(LIVESTREAM_ID_ROLE) or 0))
        self.filter_edit.textChanged.connect(self.list_proxy.set_text)
        self.filter_edit.textChanged.connect(lambda _text: self._update_totals())
        d = self.details
        d.editRequested.connect(lambda: self.open_livestream(self.selected_id()))
        d.lineupRequested.connect(self.open_lineup)
        d.startRequested.connect(lambda: self.change_status("start"))
        d.finishRequested.connect(lambda: self.change_status("finish"))
        d.cancelRequested.connect(lambda: self.change_status("cancel"))
        d.reopenRequested.connect(lambda: self.change_status("reopen"))
        d.reviewRequested.connect(self.open_review)
        d.previewRequested.connect(self.preview_runsheet)
        d.pdfRequested.connect(self.export_runsheet)
        d.duplicateRequested.connect(lambda: self.duplicate(self.selected_id()))
        self.filter_edit.setVisible(False)
        self._update_period_label()

    # --- the page interface ---------------------------------------------------------------------
    def editing_controls(self) -> list:
        return [*self.undo.actions(), self.new_action, self.delete_action, self.accounts_action, self.hosts_action]

    def menu_actions(self) -> PageMenus:
        return PageMenus(
            file=[self.new_action, self.export_calendar_action],
            edit=[*self.undo.actions(), None, self.delete_action, self.accounts_action, self.hosts_action, None,
                  self.today_action, self.previous_action, self.next_action],
        )

    def data_areas(self) -> frozenset:
        """What other PCs' changes reload here: livestreams, their lineups and the products in them."""
        return frozenset({"schedule", "catalogue"})

    def refresh(self) -> None:
        self._cache.clear()
        self.load()

    def first_shown(self) -> None:
        self.load()

    def database_attached(self, database) -> None:
        self.reminders.start()

    def database_detached(self) -> None:
        self.reminders.stop()
        super().database_detached()

    def save_view_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_MODE, self.mode)
        settings.setValue(SETTINGS_LIST_COLUMNS, self.list_view.horizontalHeader().saveState())

    def restore_view_state(self, settings: QSettings) -> None:
        mode = settings.value(SETTINGS_MODE, MONTH, type=str)
        state = settings.value(SETTINGS_LIST_COLUMNS)
        if state is not None:
            self.list_view.horizontalHeader().restoreState(state)
        if mode in (MONTH, WEEK, LIST) and mode != self.mode:
            self.set_mode(mode, load=self.shown_once())

    # --- periods --------------------------------------------------------------------------------
    def period(self, mode: Optional[str] = None, anchor: Optional[date] = None) -> tuple[date, date]:
        """The first day and the day after the last of what `mode` shows around `anchor`."""
        mode, anchor = mode or self.mode, anchor or self.anchor
        if mode == MONTH:
            first = month_grid_start(anchor)
            return first, first + timedelta(days=42)
        if mode == WEEK:
            first = monday_of(anchor)
            return first, first + timedelta(days=7)
        first = anchor.replace(day=1)
        return first, _add_months(first, 1)

    def _neighbour(self, step: int) -> date:
        if self.mode == WEEK:
            return self.anchor + timedelta(days=7 * step)
        return _add_months(self.anchor.replace(day=1), step)

    def step(self, step: int) -> None:
        self.anchor = self._neighbour(step)
        self._period_changed()

    def go_today(self) -> None:
        self.anchor = uow.now().date()
        self._period_changed()

    def set_mode(self, mode: str, load: bool = True) -> None:
        keep = self.selected_id()  # the same livestream stays selected in the other view
        self.mode = mode
        if keep:
            self._select_after_load = keep
        self.mode_actions[mode].setChecked(True)
        self.views.setCurrentIndex((MONTH, WEEK, LIST).index(mode))
        self.filter_edit.setVisible(mode == LIST)
        if load:
            self._period_changed()
        else:
            self._update_period_label()

    def _show_week_of(self, day: date) -> None:
        self.anchor = day
        self.set_mode(WEEK)

    def show_date(self, day: date, mode: Optional[str] = None) -> None:
        self.anchor = day
        self.set_mode(mode or self.mode)

    def _update_period_label(self) -> None:
        if self.mode == WEEK:
            first, end = self.period()
            last = end - timedelta(days=1)
            self.period_label.setText(self.tr("{first} – {last}").format(first=f"{first:%Y-%m-%d}", last=f"{last:%m-%d}"))
        else:
            self.period_label.setText(texts.month_title(self.anchor))

    def _period_changed(self) -> None:
        self._update_period_label()
        today = uow.now().date()
        if self.mode == MONTH:
            self.month_view.set_period(MONTH, self.anchor)
            self.month_view.set_today(today)
        elif self.mode == WEEK:
            self.week_view.set_period(WEEK, self.anchor)
            self.week_view.set_today(today)
        cached = self._cache.get(self.period())
        if cached is not None:
            self._show_rows(cached)
            self._prefetch()
        else:
            self.load()

    # --- loading ----------------------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        generation, key = self._generation, self.period()

        def show(rows) -> None:
            self._cache[key] = rows
            if generation == self._generation and key == self.period():
                self._show_rows(rows)
                self._prefetch()
            self.loaded.emit()

        PageOp(self, lambda db: schedule.livestreams_between(db, datetime.combine(key[0], datetime.min.time()),
                                                             datetime.combine(key[1], datetime.min.time())),
               success=show, title=self.tr("Cannot load the schedule")).run()

    def _prefetch(self) -> None:
        """Load the periods before and after the shown one, so moving on shows at once."""
        for step in (1, -1):
            key = self.period(anchor=self._neighbour(step))
            if key in self._cache:
                continue
            self._cache[key] = None  # type: ignore[assignment]  # asked for

            def keep(rows, key=key) -> None:
                if key in self._cache:  # not emptied by a change meanwhile
                    self._cache[key] = rows
                    if self.mode == MONTH:
                        QTimer.singleShot(0, self, lambda: self.month_view.warm(rows))

            PageOp(self, lambda db, key=key: schedule.livestreams_between(
                db, datetime.combine(key[0], datetime.min.time()), datetime.combine(key[1], datetime.min.time())),
                success=keep, failure=lambda _exc: None).run()

    def _show_rows(self, rows) -> None:
        self.rows = list(rows)
        today = uow.now().date()
        if self.mode == MONTH:
            self.month_view.set_today(today)
            self.month_view.set_rows(rows)
        elif self.mode == WEEK:
            self.week_view.set_today(today)
            self.week_view.set_rows(rows)
        else:
            self.list_model.set_rows(rows)
        pending = self._select_after_load
        if pending and any(row.id == pending for row in self.rows):
            self._select_after_load = 0
            self.select(pending)
        self._selected(self.selected_id())
        self._update_totals()

    def _update_totals(self) -> None:
        """The totals line: the month's livestreams (the week's in the week view; in the list,
        those the filter leaves)."""
        if self.mode == WEEK:
            first, end = self.period()
        else:
            first = self.anchor.replace(day=1)
            end = _add_months(first, 1)
        rows = self.rows
        if self.mode == LIST:
            proxy = self.list_proxy
            rows = [self.list_model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())]
        self.totals_bar.show_totals(plan_totals([row for row in rows if row is not None], first, end),
                                    week=self.mode == WEEK)

    def _changed(self, _state=None) -> None:
        self._cache.clear()
        self.databaseChanged.emit()
        self.load()

    # --- selection -------------------------------------------------------------------------------
    def selected_id(self) -> int:
        if self.mode == LIST:
            index = self.list_view.currentIndex()
            return int(index.data(LIVESTREAM_ID_ROLE) or 0) if index.isValid() else 0
        view = self.month_view if self.mode == MONTH else self.week_view
        return view.selected_id

    def selected_row(self) -> Optional[LivestreamRow]:
        wanted = self.selected_id()
        return next((row for row in self.rows if row.id == wanted), None)

    def _selected(self, _livestream_id: int = 0) -> None:
        self.details.set_row(self.selected_row())

    def select(self, livestream_id: int) -> None:
        if self.mode == LIST:
            row = self.list_model.row_of(livestream_id)
            if row >= 0:
                self.list_view.setCurrentIndex(self.list_proxy.mapFromSource(self.list_model.index(row, 0)))
        else:
            (self.month_view if self.mode == MONTH else self.week_view).select(livestream_id)
        self._selected()

    # --- the editor -------------------------------------------------------------------------------
    def new_livestream(self, day: Optional[date] = None) -> None:
        self._open_editor(None, day)

    def open_livestream(self, livestream_id: int) -> None:
        if livestream_id:
            self._open_editor(livestream_id, None)

    def _open_editor(self, livestream_id: Optional[int], day: Optional[date]) -> None:
        def work(db):
            row = schedule.get_livestream(db, livestream_id) if livestream_id else None
            future = len(schedule.future_occurrence_ids(db, row.series_id)) if row is not None and row.in_series else 0
            return schedule.list_accounts(db), schedule.list_hosts(db), row, future

        def show(result) -> None:
            accounts, hosts, row, future = result
            editor = LivestreamEditor(accounts, hosts, uow.now(), livestream=row, day=day, future_in_series=future,
                                      parent=self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.saveRequested.connect(lambda request: self._check_and_save(editor, request))
            editor.duplicateRequested.connect(lambda ls_id: (editor.accept(), self.duplicate(ls_id)))
            editor.cancelRequested.connect(lambda ls_id: (editor.accept(), self.change_status("cancel", ls_id)))
            editor.cancelSeriesRequested.connect(lambda series_id: (editor.accept(), self.cancel_series(series_id)))
            editor.finished.connect(lambda _r: setattr(self, "editor", None))
            self.editor = editor
            editor.open()

        PageOp(self, work, success=show).run()

    def _check_and_save(self, editor: LivestreamEditor, request: EditorRequest) -> None:
        def checked(clashes) -> None:
            if clashes:
                editor.confirm_clashes(request, clashes, lambda: self._save(editor, request))
            else:
                self._save(editor, request)

        PageOp(self, lambda db: actions.editor_clashes(db, request), success=checked, failure=lambda exc: self._editor_failed(editor, exc)).run()

    def _editor_failed(self, editor: LivestreamEditor, exc: BaseException) -> None:
        if isinstance(exc, Problem):
            editor.show_problem(exc)
        else:
            editor.save_button.setEnabled(True)
            report_error(editor, exc)

    def _update_failed(self, editor: LivestreamEditor, request: EditorRequest, exc: BaseException) -> None:
        """Another PC saved the livestream since the editor opened: reload, overwrite or go back."""
        if not isinstance(exc, ChangedElsewhere):
            self._editor_failed(editor, exc)
            return

        def reload() -> None:
            PageOp(self, lambda db: schedule.get_livestream(db, request.livestream_id),
                   success=editor.reload_from, failure=lambda e: self._editor_failed(editor, e)).run()

        def overwrite() -> None:
            editor.version = exc.version  # knowingly over the other change
            self._save(editor, request)

        editor.conflict_box = ask_changed_elsewhere(editor, exc, reload=reload, overwrite=overwrite,
                                                    went_back=lambda: editor.save_button.setEnabled(True))

    def _save(self, editor: LivestreamEditor, request: EditorRequest) -> None:
        data, title = request.data, request.data.title.strip()

        def saved(result) -> None:
            editor.saved()
            self.show_date(result.scheduled_start.date() if hasattr(result, "scheduled_start") else data.scheduled_start.date())
            self._select_after_load = getattr(result, "livestream_id", 0)

        failed = lambda exc: self._editor_failed(editor, exc)  # noqa: E731
        if request.kind == CREATE:
            actions.create_op(self, self.undo_stack, self.tr("Plan {title}").format(title=title),
                              lambda db: schedule.create_livestream(db, data), changed=self._changed,
                              success=saved, failure=failed)
        elif request.kind == CREATE_SERIES:
            rule = request.rule
            actions.create_op(self, self.undo_stack, self.tr("Plan the series {title}").format(title=title),
                              lambda db: schedule.create_series(db, data, rule), changed=self._changed,
                              success=saved, failure=failed)
        elif request.kind == UPDATE:
            ls_id, version = request.livestream_id, editor.version
            actions.edit_op(self, self.undo_stack, self.tr("Change {title}").format(title=title), lambda db: [ls_id],
                            lambda db: schedule.update_livestream(db, ls_id, data, expected_version=version),
                            changed=self._changed, success=saved,
                            failure=lambda exc: self._update_failed(editor, request, exc))
        elif request.kind == UPDATE_SERIES:
            series_id = request.series_id
            actions.edit_op(self, self.undo_stack, self.tr("Change the series {title}").format(title=title),
                            lambda db: schedule.future_occurrence_ids(db, series_id),
                            lambda db: schedule.update_series(db, series_id, data), changed=self._changed,
                            success=saved, failure=failed)

    # --- changes ------------------------------------------------------------------------------------
    def reschedule(self, livestream_id: int, day: date) -> None:
        row = next((r for r in self.rows if r.id == livestream_id), None)
        title = row.title if row else str(livestream_id)

        def moved(result) -> None:
            if result.clashes:
                from ...messages import render
                from PySide6.QtCore import QCoreApplication

                self.show_message(render(result.clashes[0].message, QCoreApplication.translate))

        actions.reschedule_op(self, self.undo_stack, self.tr("Move {title} to {day}").format(
            title=title, day=f"{day:%m-%d}"), livestream_id, day, changed=self._changed, success=moved)

    def change_status(self, action: str, livestream_id: int = 0) -> None:
        ls_id = livestream_id or self.selected_id()
        if not ls_id:
            return
        row = next((r for r in self.rows if r.id == ls_id), None)
        title = row.title if row else ""
        work = {"start": schedule.start_livestream, "finish": schedule.finish_livestream,
                "cancel": schedule.cancel_livestream, "reopen": schedule.reopen_livestream}[action]
        text = {"start": self.tr("Go live: {title}"), "finish": self.tr("End: {title}"),
                "cancel": self.tr("Cancel {title}"), "reopen": self.tr("Plan {title} again")}[action]
        actions.edit_op(self, self.undo_stack, text.format(title=title), lambda db: [ls_id],
                        lambda db: work(db, ls_id), changed=self._changed)

    def cancel_series(self, series_id: str) -> None:
        actions.edit_op(self, self.undo_stack, self.tr("Cancel a series"),
                        lambda db: schedule.future_occurrence_ids(db, series_id),
                        lambda db: schedule.cancel_series(db, series_id), changed=self._changed)

    def duplicate(self, livestream_id: int) -> None:
        if not livestream_id:
            return

        def made(result) -> None:
            self.show_message(self.tr("Duplicated: the copy is planned a week later."))
            self._select_after_load = result.livestream_id

        actions.create_op(self, self.undo_stack, self.tr("Duplicate a livestream"),
                          lambda db: schedule.duplicate_livestream(db, livestream_id), changed=self._changed,
                          success=made)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete livestream"), self.tr(
            "Delete “{title}” with its lineup? Its sales stay, without the livestream. You can undo this.").format(
            title=row.title))
        if answer == QMessageBox.StandardButton.Yes:
            actions.delete_op(self, self.undo_stack, self.tr("Delete {title}").format(title=row.title), [row.id],
                              changed=self._changed)

    # --- dialogs --------------------------------------------------------------------------------------
    def open_review(self) -> None:
        from .review import ReviewDialog

        row = self.selected_row()
        if row is None:
            return
        dialog = ReviewDialog(row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save(review) -> None:
            actions.edit_op(self, self.undo_stack, self.tr("Review figures of {title}").format(title=row.title),
                            lambda db: [row.id], lambda db: schedule.save_review(db, row.id, review),
                            changed=self._changed, success=lambda _r: dialog.accept(),
                            failure=lambda exc: dialog.show_problem(exc) if isinstance(exc, Problem)
                            else report_error(dialog, exc))

        dialog.saveRequested.connect(save)
        dialog.finished.connect(lambda _r: setattr(self, "review_dialog", None))
        self.review_dialog = dialog
        dialog.open()

    def open_lineup(self) -> None:
        from .lineup import LineupDialog

        row = self.selected_row()
        if row is None:
            return
        dialog = LineupDialog(self, row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: (self._cache.clear(), self.databaseChanged.emit()))
        dialog.finished.connect(lambda _r: (setattr(self, "lineup_dialog", None), self.load()))
        self.lineup_dialog = dialog
        dialog.open()

    def manage_people(self, kind: str) -> None:
        from .people_dialog import PeopleDialog

        dialog = PeopleDialog(self, kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._changed)
        dialog.finished.connect(lambda _r: setattr(self, "people_dialog", None))
        self.people_dialog = dialog
        dialog.open()

    # --- run sheet and calendar files (files.py) ----------------------------------------------------------
    def preview_runsheet(self) -> None:
        files.preview_runsheet(self, self.selected_id())

    def export_runsheet(self, path: str = "") -> None:
        files.export_runsheet(self, self.selected_row(), path)

    def export_calendar(self) -> None:
        files.export_calendar(self)


__all__ = ["SchedulePage"]
