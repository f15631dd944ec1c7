"""Progress of background work in the status bar: one small indicator while anything runs,
named after the newest task (its `label`, e.g. a PageOp's) with that task's progress."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ..tasks import TaskHandle, TaskRunner

SHOW_AFTER_MS = 250  # quick tasks (most dashboard loads) never flash an indicator


class TaskStatus(QWidget):
    """'Working…' with a progress bar while tasks run; hidden otherwise."""

    def __init__(self, runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._latest: Optional[TaskHandle] = None
        self.label = QLabel(self.tr("Working…"), self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.setInterval(SHOW_AFTER_MS)
        self._show_later.timeout.connect(self._show_if_busy)
        runner.taskStarted.connect(self._on_started)
        runner.activeChanged.connect(self._on_active_changed)
        self.hide()

    def is_busy(self) -> bool:
        return self._runner.active() > 0

    def _on_started(self, handle: TaskHandle) -> None:
        self._latest = handle
        self.label.setText(handle.label or self.tr("Working…"))
        handle.signals.progress.connect(lambda done, total, h=handle: self._on_progress(h, done, total))
        self.bar.setRange(0, 0)  # busy until the newest task reports a total
        if not self.isVisible() and not self._show_later.isActive():
            self._show_later.start()

    def _on_progress(self, handle: TaskHandle, done: int, total: int) -> None:
        if handle is not self._latest or total <= 0:
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * min(max(done, 0), total) / total))

    def _on_active_changed(self, active: int) -> None:
        if active == 0:
            self._show_later.stop()
            self._latest = None
            self.hide()

    def _show_if_busy(self) -> None:
        if self.is_busy():
            self.show()
