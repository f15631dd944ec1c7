"""Backing up the database from the GUI: asks where, copies in the background with progress.

The copy is made by services.backup (the same code as `livestream-desk backup`): the SQLite
backup API, never a file copy, so it is consistent while the app keeps using the database.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from ...db.engine import Database
from ...services.backup import backup_database, default_backup_path
from ...services.errors import Cancelled, UserError
from ..errors import report_error
from ..tasks import TaskContext, TaskHandle, TaskRunner

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000


def run_backup(context: TaskContext, database: Database, target: Path) -> Path:
    """Worker side: copy the database to `target`, reporting progress; cancellable."""
    def progress(done: int, total: int) -> None:
        context.progress(done, total)
        if context.cancelled():
            raise Cancelled()

    # The file dialog has asked before replacing an existing file; a failed or cancelled
    # copy removes its own partial file.
    return backup_database(database, target, progress, overwrite=True)


class BackupController(QObject):
    """Runs one backup at a time for a window; `finished` carries the new file (or None)."""

    finished = Signal(object)

    def __init__(self, database: Database, task_runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.database = database
        self.task_runner = task_runner
        self._parent_widget = parent_widget
        self._handle: Optional[TaskHandle] = None
        self._dialog: Optional[QProgressDialog] = None

    def is_available(self) -> bool:
        return self.database.is_sqlite

    def unavailable_reason(self) -> str:
        return self.tr(
            "The app backs up SQLite database files. This database is on a PostgreSQL server: "
            "ask whoever runs the server to back it up (for example with pg_dump)."
        )

    def is_running(self) -> bool:
        return self._handle is not None

    def ask_target(self) -> Optional[Path]:
        suggested = default_backup_path(self.database)
        suggested.parent.mkdir(parents=True, exist_ok=True)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent_widget,
            self.tr("Back up database"),
            str(suggested),
            self.tr("Database backups (*.sqlite3 *.db);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".sqlite3")

    def start(self, target: Optional[Path] = None) -> Optional[TaskHandle]:
        """Back up to `target` (asks the user when None). Returns the running task, if any."""
        if self._handle is not None:
            return self._handle
        if not self.is_available():
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Back up database"),
                              self.unavailable_reason(), QMessageBox.StandardButton.Ok, self._parent_widget)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return None
        if target is None:
            target = self.ask_target()
            if target is None:
                return None
        target = Path(target).expanduser().resolve()
        if self.database.path is not None and target == self.database.path.resolve():
            report_error(self._parent_widget, UserError("backup.target_is_database", path=str(target)))
            return None

        dialog = QProgressDialog(self.tr("Backing up the database…"), self.tr("Cancel"), 0, PROGRESS_STEPS,
                                 self._parent_widget)
        dialog.setWindowTitle(self.tr("Back up database"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self._dialog = dialog

        handle = self.task_runner.submit(
            run_backup,
            self.database,
            target,
            on_success=self._on_success,
            on_failure=self._on_failure,
            on_progress=self._on_progress,
            on_cancelled=self._on_cancelled,
        )
        dialog.canceled.connect(handle.cancel)
        self._handle = handle
        return handle

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None and total > 0:
            self._dialog.setValue(int(PROGRESS_STEPS * min(done, total) / total))

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._handle = None

    def _on_success(self, path: Path) -> None:
        self._close_dialog()
        log.info("database backed up to %s", path)
        self._status(self.tr("Backup saved to {path}").format(path=path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup saved"),
                          self.tr("The database was backed up to:\n{path}").format(path=path),
                          QMessageBox.StandardButton.Ok, self._parent_widget)
        box.setObjectName("backupDoneBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.finished.emit(path)

    def _on_failure(self, exc: BaseException) -> None:
        self._close_dialog()
        report_error(self._parent_widget, exc, self.tr("Backup failed"))
        self.finished.emit(None)

    def _on_cancelled(self) -> None:
        self._close_dialog()
        self._status(self.tr("Backup cancelled; no file was written."))
        self.finished.emit(None)

    def _status(self, text: str) -> None:
        window = self._parent_widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
