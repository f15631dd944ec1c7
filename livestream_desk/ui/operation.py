"""The one way a page runs a service call: in the background, busy while it runs, errors shown.

In the spirit of Anki's `CollectionOp`: the page says what to do with the database and what to
do with the answer; this module does the rest, on top of the TaskRunner (ui/tasks.py):

- the work runs on a pool thread with the page's `Database` and never touches widgets;
- the page is busy while any of its operations runs (`BusyCounter`, a count, not a flag);
- the window's status bar shows the work and its progress (TaskStatus, with `label`);
- `success(result)` runs on the GUI thread; a known error is shown translated, a bug as a bug
  (`ui/errors.py` `report_error`), unless the page passes its own `failure`;
- `cancel()` stops it (the work polls `task.cancelled()` / `task.raise_if_cancelled()`);
- an `UndoableOp` pushes a command on a QUndoStack once its work succeeded; Undo and Redo run
  the command's steps in the background too (`undo_in_background` / `redo_in_background`,
  or the ready-made `UndoActions`), and move the stack only when the step succeeded, so a
  failed undo leaves the stack where it was.

A new page needs a few lines per operation::

    from ..operation import PageOp, UndoableOp, UndoActions
    from ..page import Page

    class SchedulePage(Page):
        def __init__(self, database, task_runner, parent=None):
            super().__init__(database, task_runner, parent)
            self.undo_stack = QUndoStack(self)
            self.undo_actions = UndoActions(self, self.undo_stack)  # Edit → Undo / Redo, kept up to date

        def refresh(self):
            PageOp(self, lambda db: schedule.week(db, self.monday), success=self.model.set_rows).run()

        def save(self, data):
            UndoableOp(
                self, self.undo_stack, self.tr("Plan {name}").format(name=data.title),
                do=lambda db: schedule.create_livestream(db, data),          # → the new row
                undo=lambda db, row: schedule.delete_livestream(db, row.id),  # → a snapshot
                redo=lambda db, snapshot: schedule.restore_livestream(db, snapshot),
                changed=lambda _state: self.refresh(),  # after do, undo and redo
            ).run()

        def export(self, path):  # with progress and cancel: the work also gets the task
            self.export_op = PageOp(self, lambda db, task: export_week(db, path, task.progress, task.cancelled),
                                    with_task=True, label=self.tr("Exporting…"), title=self.tr("Cannot export"))
            self.export_op.run()

Each step gets what the step before it returned (do → undo → redo → undo …); without `redo`,
redo runs `do` again.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Optional, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from .errors import report_error
from .tasks import TaskContext, TaskHandle, TaskRunner

log = logging.getLogger(__name__)


class BusyCounter(QObject):
    """How many operations of one page run now; `changed(busy)` when it goes 0 ↔ 1."""

    changed = Signal(bool)

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._running: list["PageOp"] = []

    def count(self) -> int:
        return len(self._running)

    def is_busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()

    def _begin(self, op: "PageOp") -> None:
        self._running.append(op)
        if len(self._running) == 1:
            self.changed.emit(True)

    def _end(self, op: "PageOp") -> None:
        if op in self._running:
            self._running.remove(op)
            if not self._running:
                self.changed.emit(False)


class OpHost(Protocol):
    """What an operation needs from the widget it runs for (a `Page` has all of it)."""

    database: Any
    task_runner: TaskRunner
    busy_counter: BusyCounter

    def show_message(self, text: str) -> None: ...


class PageOp:
    """`PageOp(page, work, success=…).run()`: `work(db)` (or `work(db, task)` with
    `with_task=True`) on a worker thread, then `success(result)` on the GUI thread.

    `failure(exc)` replaces the standard error box (titled `title`); `cancelled()` is called
    when the work stopped on `cancel()`; `progress(done, total)` sees the work's progress
    reports (the status bar shows them anyway, under `label`).
    """

    def __init__(
        self,
        page: QWidget,
        work: Callable[..., Any],
        *,
        success: Optional[Callable[[Any], None]] = None,
        failure: Optional[Callable[[BaseException], None]] = None,
        cancelled: Optional[Callable[[], None]] = None,
        progress: Optional[Callable[[int, int], None]] = None,
        title: Optional[str] = None,
        label: str = "",
        with_task: bool = False,
    ) -> None:
        self.page = page
        self.work = work
        self.success = success
        self.failure = failure
        self.cancelled = cancelled
        self.progress = progress
        self.title = title
        self.label = label
        self.with_task = with_task
        self.handle: Optional[TaskHandle] = None
        self._running = False

    def run(self) -> "PageOp":
        """Start the work; returns the op (keep it to `cancel()` it)."""
        if self.handle is not None:
            raise RuntimeError("an operation runs once; make a new one")
        host: OpHost = self.page  # type: ignore[assignment]
        database, work, with_task = host.database, self.work, self.with_task

        def in_background(task: TaskContext) -> Any:
            task.raise_if_cancelled()  # cancelled while it waited for a thread: never starts
            return work(database, task) if with_task else work(database)

        self._running = True
        host.busy_counter._begin(self)
        self.handle = host.task_runner.submit(
            in_background,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_cancelled=self._cancelled,
            on_progress=self.progress,
            label=self.label,
        )
        return self

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def is_running(self) -> bool:
        return self._running

    # --- GUI thread: exactly one of these runs, after the work ------------------------------
    def _finish(self) -> bool:
        """Not busy any more; False when the page is gone (nothing left to tell)."""
        self._running = False
        if not shiboken6.isValid(self.page):
            return False
        self.page.busy_counter._end(self)  # type: ignore[attr-defined]
        return True

    def _succeeded(self, result: Any) -> None:
        if self._finish() and self.success is not None:
            self.success(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._finish():
            log.error("operation failed after its page closed: %r", exc)
            return
        if self.failure is not None:
            self.failure(exc)
        else:
            report_error(self.page, exc, self.title)

    def _cancelled(self) -> None:
        if self._finish() and self.cancelled is not None:
            self.cancelled()


# --- undoable operations ------------------------------------------------------------------------


class BackgroundCommand(QUndoCommand):
    """A command whose steps ran (or will run) in the background.

    QUndoStack calls `redo()` on push and `undo()` / `redo()` when it moves; here they do
    nothing, because the step already ran on a worker before the stack was moved.
    `state` is what the latest step returned; the next step receives it.
    """

    def __init__(
        self,
        text: str,
        state: Any,
        undo_step: Callable[[Any, Any], Any],
        redo_step: Callable[[Any, Any], Any],
        changed: Optional[Callable[[Any], None]],
    ) -> None:
        super().__init__(text)
        self.state = state
        self.undo_step = undo_step
        self.redo_step = redo_step
        self.changed = changed

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


class UndoableOp:
    """`UndoableOp(page, stack, text, do=…, undo=…).run()`: `do(db)` in the background, then a
    command named `text` on `stack` whose undo runs `undo(db, result)` in the background.

    `redo(db, state)` (default: `do(db)` again) and `undo` each get what the step before them
    returned. `changed(state)` runs after do, undo and redo (reload the page there);
    `success(result)` and `failure(exc)` only after the first do (nothing is pushed when it fails).
    """

    def __init__(
        self,
        page: QWidget,
        stack: QUndoStack,
        text: str,
        *,
        do: Callable[[Any], Any],
        undo: Callable[[Any, Any], Any],
        redo: Optional[Callable[[Any, Any], Any]] = None,
        changed: Optional[Callable[[Any], None]] = None,
        success: Optional[Callable[[Any], None]] = None,
        failure: Optional[Callable[[BaseException], None]] = None,
        title: Optional[str] = None,
        label: str = "",
    ) -> None:
        self.page = page
        self.stack = stack
        self.text = text
        self.do = do
        self.undo = undo
        self.redo = redo if redo is not None else (lambda db, _state: do(db))
        self.changed = changed
        self.success = success
        self.failure = failure
        self.title = title
        self.label = label
        self.command: Optional[BackgroundCommand] = None

    def run(self) -> PageOp:
        return PageOp(self.page, self.do, success=self._done, failure=self.failure, title=self.title,
                      label=self.label or self.text).run()

    def _done(self, result: Any) -> None:
        self.command = BackgroundCommand(self.text, result, self.undo, self.redo, self.changed)
        self.stack.push(self.command)
        if self.changed is not None:
            self.changed(result)
        if self.success is not None:
            self.success(result)


def _step(page: QWidget, stack: QUndoStack, backward: bool) -> Optional[PageOp]:
    host: OpHost = page  # type: ignore[assignment]
    if host.busy_counter.is_busy() or not (stack.canUndo() if backward else stack.canRedo()):
        return None  # one change at a time: the stack must not move under a running step
    index = stack.index()
    command = stack.command(index - 1 if backward else index)
    if not isinstance(command, BackgroundCommand):
        raise TypeError(f"{type(command).__name__} is not a BackgroundCommand: push commands with UndoableOp")
    text = command.text()
    step = command.undo_step if backward else command.redo_step
    state = command.state

    def done(new_state: Any) -> None:
        if stack.index() != index:  # pragma: no cover - busy_counter keeps the stack still
            log.warning("undo stack moved while a step ran; not moving it again")
            return
        command.state = new_state
        if backward:
            stack.undo()
            host.show_message(QCoreApplication.translate("PageOperation", "Undone: {action}").format(action=text))
        else:
            stack.redo()
            host.show_message(QCoreApplication.translate("PageOperation", "Redone: {action}").format(action=text))
        if command.changed is not None:
            command.changed(new_state)

    return PageOp(
        page, lambda db: step(db, state), success=done,
        title=(QCoreApplication.translate("PageOperation", "Cannot undo") if backward
               else QCoreApplication.translate("PageOperation", "Cannot redo")),
        label=text,
    ).run()


def undo_in_background(page: QWidget, stack: QUndoStack) -> Optional[PageOp]:
    """Undo the command before the stack's index; the stack moves only if that worked.
    None when there is nothing to undo or the page is busy."""
    return _step(page, stack, backward=True)


def redo_in_background(page: QWidget, stack: QUndoStack) -> Optional[PageOp]:
    """Redo the command at the stack's index; the stack moves only if that worked."""
    return _step(page, stack, backward=False)


class UndoActions(QObject):
    """Edit → Undo / Redo for a page's stack: named after the command, enabled only while the
    page is active (on screen) and idle, running the steps with `undo_in_background`."""

    def __init__(self, page: QWidget, stack: QUndoStack) -> None:
        super().__init__(page)
        self.page = page
        self.stack = stack
        self.undo_action = QAction(QCoreApplication.translate("PageOperation", "&Undo"), page)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda _checked=False: undo_in_background(page, stack))
        self.redo_action = QAction(QCoreApplication.translate("PageOperation", "&Redo"), page)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda _checked=False: redo_in_background(page, stack))
        self.undo_action.setProperty("iconMeaning", "undo")  # ui/icons.py draws them
        self.redo_action.setProperty("iconMeaning", "redo")
        stack.indexChanged.connect(lambda _index: self.update())
        page.busy_counter.changed.connect(lambda _busy: self.update())  # type: ignore[attr-defined]
        page.activeChanged.connect(lambda _active: self.update())  # type: ignore[attr-defined]
        self.update()

    def actions(self) -> list[QAction]:
        return [self.undo_action, self.redo_action]

    def update(self) -> None:
        if not (shiboken6.isValid(self.stack) and shiboken6.isValid(self.undo_action)
                and shiboken6.isValid(self.redo_action)):
            return  # the stack clears itself while the page is being destroyed
        ready = self.page.is_active() and not self.page.busy_counter.is_busy()  # type: ignore[attr-defined]
        can_undo, can_redo = self.stack.canUndo(), self.stack.canRedo()
        self.undo_action.setEnabled(ready and can_undo)
        self.redo_action.setEnabled(ready and can_redo)
        if can_undo:
            undo = QCoreApplication.translate("PageOperation", "&Undo {action}").format(action=self.stack.undoText())
        else:
            undo = QCoreApplication.translate("PageOperation", "&Undo")
        if can_redo:
            redo = QCoreApplication.translate("PageOperation", "&Redo {action}").format(action=self.stack.redoText())
        else:
            redo = QCoreApplication.translate("PageOperation", "&Redo")
        self.undo_action.setText(undo)
        self.redo_action.setText(redo)


__all__ = [
    "BusyCounter",
    "OpHost",
    "PageOp",
    "UndoableOp",
    "BackgroundCommand",
    "undo_in_background",
    "redo_in_background",
    "UndoActions",
]
