"""Importing a product list: read with progress → preview → confirm → write with progress.

`ProductImporter.start(path)` reads the file in the TaskRunner (read_product_file writes
nothing) under a QProgressDialog whose Cancel stops the reading. The preview dialog shows
the counts (新增 / 更新 / 未变 / 拒绝) and every row with what would change or why it is
rejected. Only its Import button writes, again in the TaskRunner with progress, in one
transaction (apply_product_import).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...services.product_io import (
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ProductImportPreview,
    ProductImportResult,
    ProductImportRow,
    apply_product_import,
    read_product_file,
)
from ...messages import render
from ..errors import report_error
from ..tasks import TaskContext, TaskHandle, TaskRunner

PROGRESS_STEPS = 1000
STATUS_COLORS = {NEW: "#2e7d32", UPDATE: "#1565c0", UNCHANGED: "#757575", REJECTED: "#c62828"}


def _read(context: TaskContext, database: Database, path: Path) -> ProductImportPreview:
    return read_product_file(database, path, context.progress, context.cancelled)


def _apply(context: TaskContext, database: Database, preview: ProductImportPreview) -> ProductImportResult:
    return apply_product_import(database, preview, context.progress, context.cancelled)


def status_text(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        NEW: QCoreApplication.translate("ImportPreview", "New"),
        UPDATE: QCoreApplication.translate("ImportPreview", "Update"),
        UNCHANGED: QCoreApplication.translate("ImportPreview", "Unchanged"),
        REJECTED: QCoreApplication.translate("ImportPreview", "Rejected"),
    }[status]


class ImportPreviewModel(QAbstractTableModel):
    STATUS, ROW, NAME, SPEC, SKU, DETAILS = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ProductImportRow] = []
        self._rows: list[ProductImportRow] = []
        self._status: Optional[str] = None

    def set_rows(self, rows: list[ProductImportRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = [r for r in self._all if self._status is None or r.status == self._status]
        self.endResetModel()

    def set_status_filter(self, status: Optional[str]) -> None:
        self._status = status or None
        self.set_rows(self._all)

    def import_row(self, row: int) -> ProductImportRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Status"), self.tr("Row"), self.tr("Name"), self.tr("Spec"), self.tr("Seller code"),
                self.tr("Changes or reason"))[section]

    def details(self, row: ProductImportRow) -> str:
        if row.status == REJECTED:
            parts = []
            for problem in row.problems:
                where = problem.column
                if problem.value:
                    where = f"{where} “{problem.value}”" if where else f"“{problem.value}”"
                reason = render(problem.reason, QCoreApplication.translate)
                parts.append(f"{where}：{reason}" if where else reason)
            return "；".join(parts)
        if row.status == UPDATE:
            return "；".join(f"{column} {old or '—'} → {new or '—'}" for column, (old, new) in row.changes.items())
        if row.status == NEW:
            shown = [f"{column} {text}" for column, text in row.cells.items()
                     if text and column not in ("商品名称", "规格", "商家编码")]
            return "；".join(shown[:6])
        return self.tr("Same as in the catalogue")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.STATUS:
                return status_text(row.status)
            if column == self.ROW:
                return str(row.row)
            if column == self.NAME:
                return row.name or row.cells.get("商品名称", "")
            if column == self.SPEC:
                return row.spec
            if column == self.SKU:
                return row.sku
            return self.details(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportPreviewDialog(QDialog):
    """The preview; `confirmed` when the user clicks Import."""

    confirmed = Signal()

    def __init__(self, preview: ProductImportPreview, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.preview = preview
        self.setWindowTitle(self.tr("Import products — {file}").format(file=preview.file_name))
        counts = preview.counts

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setText(
            self.tr("New {new} · Update {update} · Unchanged {unchanged} · Rejected {rejected}").format(
                new=counts[NEW], update=counts[UPDATE], unchanged=counts[UNCHANGED], rejected=counts[REJECTED])
        )
        font = self.counts_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.counts_label.setFont(font)

        notes = []
        if preview.new_categories:
            notes.append(self.tr("New categories: {names}").format(names="、".join(preview.new_categories)))
        if preview.new_producers:
            notes.append(self.tr("New producers: {names}").format(names="、".join(preview.new_producers)))
        if preview.ignored_columns:
            notes.append(self.tr("Columns not used: {names}").format(names="、".join(preview.ignored_columns)))
        if preview.previously_imported_at is not None:
            notes.append(self.tr("This same file was already imported on {when}.").format(
                when=preview.previously_imported_at.strftime("%Y-%m-%d %H:%M")))
        if counts[REJECTED]:
            notes.append(self.tr("Rejected rows are left out; the other rows can still be imported."))
        self.notes_label = QLabel("\n".join(notes), self)
        self.notes_label.setObjectName("importNotes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(bool(notes))

        self.filter_combo = QComboBox(self)
        self.filter_combo.addItem(self.tr("All rows ({count})").format(count=f"{len(preview.rows):,}"), "")
        for status in (NEW, UPDATE, REJECTED, UNCHANGED):
            if counts[status]:
                self.filter_combo.addItem(f"{status_text(status)} ({counts[status]})", status)
        self.model = ImportPreviewModel(self)
        self.model.set_rows(preview.rows)
        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_status_filter(self.filter_combo.currentData()))
        if counts[REJECTED]:
            self.filter_combo.setCurrentIndex(self.filter_combo.findData(REJECTED))

        self.view = QTableView(self)
        self.view.setObjectName("importRows")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        metrics = self.fontMetrics()
        header.resizeSection(ImportPreviewModel.STATUS, metrics.horizontalAdvance("未变化") + 24)
        header.resizeSection(ImportPreviewModel.ROW, metrics.horizontalAdvance("100000") + 16)
        header.resizeSection(ImportPreviewModel.NAME, metrics.horizontalAdvance("婺源皇菊特级礼盒装") + 24)
        header.resizeSection(ImportPreviewModel.SPEC, metrics.horizontalAdvance("50朵/盒") + 24)
        header.resizeSection(ImportPreviewModel.SKU, metrics.horizontalAdvance("JX-HJ-050-X") + 16)
        header.setStretchLastSection(True)

        writes = counts[NEW] + counts[UPDATE]
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("confirmImport")
        if writes:
            self.import_button.setText(self.tr("Import {count} products").format(count=f"{writes:,}"))
        else:
            self.import_button.setText(self.tr("Nothing to import"))
        self.import_button.setEnabled(bool(writes))
        self.import_button.setDefault(bool(writes))
        self.import_button.clicked.connect(self._confirm)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.filter_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Nothing has been written yet."), self), 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(1000, 600)

    def _confirm(self) -> None:
        self.import_button.setEnabled(False)
        self.confirmed.emit()
        self.accept()


class ProductImporter(QObject):
    """Runs one import after the other for the page; `imported(result)` when written."""

    imported = Signal(object)  # ProductImportResult
    finished = Signal()  # done, cancelled or failed

    def __init__(self, database: Database, task_runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.database = database
        self.task_runner = task_runner
        self.parent_widget = parent_widget
        self.progress: Optional[QProgressDialog] = None
        self.preview_dialog: Optional[ImportPreviewDialog] = None
        self.handle: Optional[TaskHandle] = None
        self._busy = False

    def is_busy(self) -> bool:
        return self._busy

    def _progress_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, PROGRESS_STEPS, self.parent_widget)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Import products"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # small files never flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        return dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setValue(int(PROGRESS_STEPS * min(done, total) / total))

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    # --- reading ---------------------------------------------------------------------
    def start(self, path: Path) -> None:
        if self._busy:
            return
        self._busy = True
        self.progress = self._progress_dialog(self.tr("Reading {file}…").format(file=Path(path).name))
        self.handle = self.task_runner.submit(
            _read, self.database, Path(path),
            on_success=self._on_read, on_failure=self._on_failed, on_cancelled=self._on_cancelled,
            on_progress=self._on_progress,
        )

    def _on_read(self, preview: ProductImportPreview) -> None:
        self.handle = None
        self._close_progress()
        dialog = ImportPreviewDialog(preview, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda: self._apply(preview))
        dialog.rejected.connect(self._done)
        self.preview_dialog = dialog
        dialog.open()

    # --- writing -----------------------------------------------------------------------
    def _apply(self, preview: ProductImportPreview) -> None:
        self.preview_dialog = None
        self.progress = self._progress_dialog(self.tr("Importing {file}…").format(file=preview.file_name))
        self.handle = self.task_runner.submit(
            _apply, self.database, preview,
            on_success=self._on_applied, on_failure=self._on_failed, on_cancelled=self._on_cancelled,
            on_progress=self._on_progress,
        )

    def _on_applied(self, result: ProductImportResult) -> None:
        self.handle = None
        self._close_progress()
        self._busy = False
        self.imported.emit(result)
        self.finished.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.handle = None
        self._close_progress()
        self._done()
        report_error(self.parent_widget, exc, self.tr("Cannot import this file"))

    def _on_cancelled(self) -> None:
        self.handle = None
        self._close_progress()
        self._done()

    def _done(self) -> None:
        self.preview_dialog = None
        if self._busy:
            self._busy = False
            self.finished.emit()


__all__ = ["ProductImporter", "ImportPreviewDialog", "ImportPreviewModel", "status_text"]
