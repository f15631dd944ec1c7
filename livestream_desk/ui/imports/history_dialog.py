"""The import history: every order import batch, with "Undo batch"."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from ...db.engine import Database
from ...services import importers
from ..operation import BusyCounter, PageOp
from ..tasks import TaskRunner
from .dialog import _fixed_rows
from .models import BatchModel


class ImportHistoryDialog(QDialog):
    def __init__(self, database: Database, parent: Optional[QWidget] = None, task_runner: Optional[TaskRunner] = None) -> None:
        super().__init__(parent)
        self.database = database
        self.task_runner = task_runner or TaskRunner(self)
        self.busy_counter = BusyCounter(self)
        self.setWindowTitle(self.tr("Order import history"))
        self.resize(860, 420)
        self.model = BatchModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        _fixed_rows(self.view)
        self.status = QLabel()
        self.undo_button = QPushButton(self.tr("Undo batch"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Undoing a batch removes the lines it added and gives their stock back; "
                                        "refunds it reported for older lines stay.")))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.undo_button.clicked.connect(self.undo_selected)
        self.close_button.clicked.connect(self.accept)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.confirm = True  # tests switch the question off
        self.refresh()

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def refresh(self) -> None:
        PageOp(self, importers.list_batches, success=self._loaded, title=self.tr("Cannot read the import history")).run()

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._update()

    def selected(self) -> Optional[importers.BatchRow]:
        rows = self.view.selectionModel().selectedRows()
        return self.model.batch(rows[0].row()) if rows else None

    def _update(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and not batch.undone)

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone:
            return
        if self.confirm:
            answer = QMessageBox.question(
                self, self.tr("Undo batch"),
                self.tr("Remove the {count} lines imported from {file} (batch #{batch})?").format(
                    count=batch.lines, file=batch.file_name, batch=batch.id),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        batch_id = batch.id
        PageOp(self, lambda db: importers.undo_batch(db, batch_id), success=self._undone,
               title=self.tr("Cannot undo the batch")).run()

    def _undone(self, result) -> None:
        self.status.setText(self.tr("Batch #{batch} undone: {count} lines removed.").format(
            batch=result.batch_id, count=result.lines_removed))
        self.refresh()


def open_import_history(parent: Optional[QWidget], db: Database) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(db, parent, getattr(parent, "task_runner", None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
