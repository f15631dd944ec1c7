"""The one helper for slow work off the GUI thread (DESIGN §2).

A task is a plain function `fn(context, *args)` that runs on a QThreadPool thread, opens
its own database connection, reports progress through `context.progress(done, total)`,
polls `context.cancelled()`, and returns plain data. It never touches widgets: results
and errors come back to the GUI thread as queued signals, like Anki's background ops.
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..services.errors import Cancelled

log = logging.getLogger(__name__)


class TaskContext:
    """What a running task may use: progress reports and the cancel flag."""

    def __init__(self, signals: "_TaskSignals", cancel_event: threading.Event) -> None:
        self._signals = signals
        self._cancel_event = cancel_event

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel_event.is_set():
            raise Cancelled()


class _TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; `.traceback_text` is attached for bugs
    cancelled = Signal()
    finished = Signal()


class TaskHandle(QObject):
    """The GUI side of one task: connect to its signals, or cancel it."""

    def __init__(
        self, signals: _TaskSignals, cancel_event: threading.Event, parent: QObject, label: str = ""
    ) -> None:
        super().__init__(parent)
        self.signals = signals
        self.label = label  # what the status bar says while it runs ("" = a generic "Working…")
        self._cancel_event = cancel_event
        self.done = False
        signals.finished.connect(self._mark_done)

    def cancel(self) -> None:
        self._cancel_event.set()

    def _mark_done(self) -> None:
        self.done = True


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, signals: _TaskSignals, cancel_event: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._signals = signals
        self._context = TaskContext(signals, cancel_event)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn(self._context, *self._args)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every error must reach the GUI, never vanish
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._signals.finished.emit()


class TaskRunner(QObject):
    """Runs tasks on its own small thread pool and keeps their signal objects alive."""

    # Emitted before the task can start, so listeners connected here never miss its signals.
    taskStarted = Signal(object)  # the TaskHandle
    activeChanged = Signal(int)  # number of tasks not yet finished

    def __init__(self, parent: Optional[QObject] = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[TaskHandle] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Optional[Callable[[Any], None]] = None,
        on_failure: Optional[Callable[[BaseException], None]] = None,
        on_progress: Optional[Callable[[int, int], None]] = None,
        on_cancelled: Optional[Callable[[], None]] = None,
        label: str = "",
    ) -> TaskHandle:
        signals = _TaskSignals()  # created on the GUI thread: its slots run there
        cancel_event = threading.Event()
        handle = TaskHandle(signals, cancel_event, self, label)
        signals.setParent(handle)
        if on_success is not None:
            signals.succeeded.connect(on_success)
        if on_failure is not None:
            signals.failed.connect(on_failure)
        else:
            signals.failed.connect(self._log_failure)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_cancelled is not None:
            signals.cancelled.connect(on_cancelled)
        self._live.add(handle)
        signals.finished.connect(lambda: self._forget(handle))
        self.taskStarted.emit(handle)
        self.activeChanged.emit(len(self._live))
        self.pool.start(_Runnable(fn, args, signals, cancel_event))
        return handle

    def active(self) -> int:
        return len(self._live)

    def cancel_all(self) -> None:
        for handle in list(self._live):
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (shutdown and tests)."""
        return self.pool.waitForDone(msecs)

    def _forget(self, handle: TaskHandle) -> None:
        self._live.discard(handle)
        handle.deleteLater()
        self.activeChanged.emit(len(self._live))

    @staticmethod
    def _log_failure(exc: BaseException) -> None:
        log.error("background task failed: %s\n%s", exc, getattr(exc, "traceback_text", ""))
