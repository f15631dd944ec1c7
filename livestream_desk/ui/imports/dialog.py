"""The order import dialog: choose a file → detect and preview (in the background, with
progress and Cancel) → map or create the unmatched products → import (one transaction).

Nothing is written before Import is pressed. The dialog hosts its own operations
(ui.operation.PageOp needs `database`, `task_runner`, `busy_counter`, `show_message`), so
the Sales page and the dashboard's empty state only call `open_import_dialog(parent, db)`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...messages import render
from ...services import importers
from ..operation import BusyCounter, PageOp
from ..tasks import TaskRunner
from .models import PreviewModel, UnmatchedModel

LAYOUT_KEYS = (None, "douyin", "kuaishou", "jd", "generic")


def _fixed_rows(view: QTableView) -> None:
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)


class OrderImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after a successful commit

    def __init__(self, database: Database, parent: Optional[QWidget] = None, task_runner: Optional[TaskRunner] = None) -> None:
        super().__init__(parent)
        self.database = database
        self.task_runner = task_runner or TaskRunner(self)
        self.busy_counter = BusyCounter(self)
        self.preview: Optional[importers.ImportPreview] = None
        self.result: Optional[importers.ImportResult] = None
        self.operation: Optional[PageOp] = None
        self.choices: list[importers.ProductChoice] = []
        self.setWindowTitle(self.tr("Import an order export"))
        self.resize(980, 620)

        self.path_edit = QLineEdit(readOnly=True)
        self.path_edit.setPlaceholderText(self.tr("An order export of Douyin, Kuaishou, JD or the app's template"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setShortcut(QKeySequence.StandardKey.Open)
        self.layout_combo = QComboBox()
        for text in (self.tr("Detect the platform"), self.tr("Douyin shop (抖店)"), self.tr("Kuaishou shop (快手小店)"),
                     self.tr("JD (京东)"), self.tr("The app's order template")):
            self.layout_combo.addItem(text)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.layout_combo)
        top.addWidget(self.choose_button)

        self.detected_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)

        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        _fixed_rows(self.preview_view)

        self.unmatched_model = UnmatchedModel(self)
        self.unmatched_view = QTableView()
        self.unmatched_view.setModel(self.unmatched_model)
        _fixed_rows(self.unmatched_view)
        self.product_combo = QComboBox()
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.product_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.product_combo.lineEdit().setPlaceholderText(self.tr("Search a product of the catalogue"))
        self.map_button = QPushButton(self.tr("Map to this product"))
        self.create_button = QPushButton(self.tr("Create a new product"))
        self.leave_button = QPushButton(self.tr("Import without a product"))
        mapping = QHBoxLayout()
        mapping.addWidget(self.product_combo, 1)
        mapping.addWidget(self.map_button)
        mapping.addWidget(self.create_button)
        mapping.addWidget(self.leave_button)
        unmatched_page = QWidget()
        unmatched_layout = QVBoxLayout(unmatched_page)
        unmatched_layout.addWidget(QLabel(self.tr("No catalogue product matches these products of the file. "
                                                  "Map each to a product (remembered for the next imports) or create it.")))
        unmatched_layout.addWidget(self.unmatched_view, 1)
        unmatched_layout.addLayout(mapping)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview_view, self.tr("Rows"))
        self.tabs.addTab(unmatched_page, self.tr("Unmatched products"))

        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_bar, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.detected_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.choose_button.clicked.connect(self.choose_file)
        self.layout_combo.currentIndexChanged.connect(lambda _i: self.path_edit.text() and self.load_file(self.path_edit.text()))
        self.map_button.clicked.connect(self.map_selected)
        self.create_button.clicked.connect(lambda: self._resolve_selected(importers.Create()))
        self.leave_button.clicked.connect(lambda: self._resolve_selected(importers.Leave()))
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button.clicked.connect(self.commit)
        self.close_button.clicked.connect(self.reject)
        self._update_buttons()

    # --- what PageOp needs of its host ----------------------------------------------------
    def show_message(self, text: str) -> None:
        self.detected_label.setText(text)

    # --- choosing and previewing -------------------------------------------------------------
    def choose_file(self) -> None:
        settings = QSettings()
        folder = settings.value("orderImport/folder", "", str)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an order export"), folder, self.tr("Order exports (*.csv *.xlsx *.xls);;All files (*)")
        )
        if path:
            settings.setValue("orderImport/folder", str(Path(path).parent))
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Detect and preview `path` in the background (nothing is written)."""
        self.cancel()
        self.path_edit.setText(str(path))
        self.preview = None
        self.preview_model.set_preview(None)
        self.unmatched_model.set_items(())
        self.detected_label.setText(self.tr("Reading {file}…").format(file=Path(path).name))
        self.counts_label.clear()
        layout = LAYOUT_KEYS[self.layout_combo.currentIndex()]

        def work(db, task):
            preview = importers.preview_import(db, path, layout, progress=task.progress, cancelled=task.cancelled)
            choices = importers.product_choices(db) if preview.unmatched else []
            return preview, choices

        self._start(work, self._previewed, self.tr("Cannot read the file"))

    def _previewed(self, answer) -> None:
        self.preview, self.choices = answer
        preview = self.preview
        self.detected_label.setText(self.tr("Detected: {layout}, {rows} rows").format(
            layout=render(preview.layout_title, QCoreApplication.translate), rows=preview.rows))
        self.counts_label.setText(self.tr("New: {new} · Duplicate: {duplicate} · Updated: {updated} · "
                                          "Rejected: {rejected} · Unpaid (ignored): {unpaid}").format(
            new=preview.new, duplicate=preview.duplicate, updated=preview.updated,
            rejected=len(preview.rejected), unpaid=preview.unpaid))
        self.preview_model.set_preview(preview)
        self.product_combo.clear()
        for choice in self.choices:
            self.product_combo.addItem(choice.label, choice.id)
        self.product_combo.setCurrentIndex(-1)
        self.unmatched_model.set_items(preview.unmatched)
        self.unmatched_model.set_choices(self.choices)
        self.tabs.setTabText(1, self.tr("Unmatched products ({count})").format(count=f"{len(preview.unmatched):,}"))
        if preview.unmatched:
            self.unmatched_view.selectRow(0)

    # --- unmatched products -----------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.unmatched_view.selectionModel().selectedRows()})

    def _resolve_selected(self, resolution) -> None:
        for row in self._selected_rows():
            self.unmatched_model.resolve(row, resolution)

    def map_selected(self) -> None:
        product_id = self.product_combo.currentData()
        if product_id is None:
            text = self.product_combo.currentText().strip()
            match = next((c for c in self.choices if c.label == text), None)
            product_id = match.id if match else None
        if product_id is not None:
            self._resolve_selected(importers.MapTo(int(product_id)))

    # --- importing ---------------------------------------------------------------------------
    def commit(self) -> None:
        if self.preview is None or not self.preview.has_work:
            return
        preview, resolutions = self.preview, dict(self.unmatched_model.resolutions)

        def work(db, task):
            return importers.commit_import(db, preview, resolutions, progress=task.progress, cancelled=task.cancelled)

        self._start(work, self._committed, self.tr("Cannot import the file"))

    def _committed(self, result) -> None:
        self.result = result
        self.preview = None
        self.import_button.setEnabled(False)
        if result.batch_id is None:
            self.detected_label.setText(self.tr("Nothing new to import; nothing was changed."))
        else:
            self.detected_label.setText(self.tr("Imported as batch #{batch}: {new} new, {updated} updated lines.").format(
                batch=result.batch_id, new=result.new, updated=result.updated))
        self.imported.emit(result)

    # --- the background work ------------------------------------------------------------------
    def _start(self, work, success, title: str) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.cancel_button.show()

        def finished_then(callback):
            def done(*args):
                self.operation = None
                if callback is not None:
                    callback(*args)
                self._stopped()
            return done

        def failed(exc):
            self._stopped()
            self.detected_label.setText(render(exc.message, QCoreApplication.translate) if hasattr(exc, "message") else str(exc))
            from ..errors import report_error

            report_error(self, exc, title)

        self.operation = PageOp(self, work, with_task=True, success=finished_then(success), failure=failed,
                                cancelled=finished_then(self._was_cancelled), progress=self._progress,
                                label=title).run()
        self._update_buttons()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _was_cancelled(self) -> None:
        self.detected_label.setText(self.tr("Cancelled. Nothing was changed."))

    def _stopped(self) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.operation = None
        self._update_buttons()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def is_busy(self) -> bool:
        return self.operation is not None

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        self.import_button.setEnabled(not busy and self.preview is not None and self.preview.has_work)
        self.choose_button.setEnabled(not busy)
        for button in (self.map_button, self.create_button, self.leave_button):
            button.setEnabled(not busy and self.preview is not None and bool(self.preview.unmatched))

    def reject(self) -> None:
        self.cancel()
        super().reject()


def open_import_dialog(parent: Optional[QWidget], db: Database) -> OrderImportDialog:
    """Show the order import dialog (non-modal; it deletes itself when closed)."""
    dialog = OrderImportDialog(db, parent, getattr(parent, "task_runner", None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
