"""Progress of background work in the status bar.

`ObservedTaskRunner` is the TaskRunner (ui/tasks.py) that also announces each task it starts,
so the window can show one small progress indicator while anything runs.
"""
from __future__ import annotations

import time
from typing import Any, Optional

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ..tasks import TaskHandle, TaskRunner

SHOW_AFTER_MS = 250  # quick tasks (most dashboard loads) never flash an indicator
POLL_MS = 100


class ObservedTaskRunner(TaskRunner):
    taskStarted = Signal(object)  # the TaskHandle

    def submit(self, fn, *args: Any, **callbacks: Any) -> TaskHandle:  # type: ignore[override]
        handle = super().submit(fn, *args, **callbacks)
        # The task may already have emitted its signals (queued connections made after an
        # emission never see it): listeners use the handle for progress only, and
        # `active()` (kept by TaskRunner itself) to know when all work is done.
        self.taskStarted.emit(handle)
        return handle


class TaskStatus(QWidget):
    """'Working…' with a progress bar while tasks run; hidden otherwise."""

    def __init__(self, runner: ObservedTaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._latest: Optional[TaskHandle] = None
        self._busy_since: Optional[float] = None
        self.label = QLabel(self.tr("Working…"), self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        runner.taskStarted.connect(self._on_started)
        self.hide()

    def is_busy(self) -> bool:
        return self._runner.active() > 0

    def _on_started(self, handle: TaskHandle) -> None:
        self._latest = handle
        handle.signals.progress.connect(lambda done, total, h=handle: self._on_progress(h, done, total))
        self.bar.setRange(0, 0)  # busy until the newest task reports a total
        if self._busy_since is None:
            self._busy_since = time.monotonic()
        if not self._poll.isActive():
            self._poll.start()

    def _on_progress(self, handle: TaskHandle, done: int, total: int) -> None:
        if handle is not self._latest or total <= 0:
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * min(max(done, 0), total) / total))

    def _check(self) -> None:
        if not self.is_busy():
            self._poll.stop()
            self._busy_since = None
            self._latest = None
            self.hide()
        elif not self.isVisible() and self._busy_since is not None:
            if (time.monotonic() - self._busy_since) * 1000 >= SHOW_AFTER_MS:
                self.show()
