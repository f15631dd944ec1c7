"""The schedule page's files: the run sheet (print preview, PDF) and the phones' calendar (.ics).

Data is read in the background; the PDF is laid out on the GUI thread (text layout uses the
application's fonts) — one page takes a few milliseconds. Texts are in the page's context ("SchedulePage"), spelled out for lupdate.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ...messages import Problem
from ...services import schedule
from ...services.schedule import LivestreamRow
from ..errors import report_error
from ..operation import PageOp
from .reminders import reminder_minutes


def preview_runsheet(page, livestream_id: int) -> None:
    from .runsheet import show_print_preview

    if livestream_id:
        PageOp(page, lambda db: schedule.runsheet(db, livestream_id),
               success=lambda data: show_print_preview(page, data)).run()


def export_runsheet(page, row: Optional[LivestreamRow], path: str = "") -> None:
    """Ask where (unless `path` is given) and write the run sheet of `row` as an A4 PDF."""
    from .runsheet import render_runsheet_pdf

    if row is None:
        return
    if not path:
        name = f"{row.scheduled_start:%Y%m%d-%H%M}-{row.title}.pdf".replace("/", "-")
        title = QCoreApplication.translate("SchedulePage", "Save run sheet")
        kinds = QCoreApplication.translate("SchedulePage", "PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(page, title, name, kinds)
        if not path:
            return

    def write(data) -> None:
        try:
            render_runsheet_pdf(data, path)
        except OSError as exc:
            report_error(page, Problem("common.file_unusable", path=path, reason=exc.strerror or str(exc)))
            return
        page.show_message(QCoreApplication.translate("SchedulePage", "Run sheet saved: {path}").format(path=path))

    PageOp(page, lambda db: schedule.runsheet(db, row.id), success=write).run()


def export_calendar(page) -> None:
    title = QCoreApplication.translate("SchedulePage", "Export calendar")
    kinds = QCoreApplication.translate("SchedulePage", "Calendar files (*.ics)")
    path, _ = QFileDialog.getSaveFileName(page, title, "livestreams.ics", kinds)
    if not path:
        return
    minutes = reminder_minutes()
    written = QCoreApplication.translate("SchedulePage", "{count} planned livestreams written to {path}")
    PageOp(page, lambda db: schedule.export_calendar(db, path, reminder_minutes=minutes),
           success=lambda count: page.show_message(written.format(count=count, path=path)),
           title=QCoreApplication.translate("SchedulePage", "Cannot export the calendar")).run()


__all__ = ["preview_runsheet", "export_runsheet", "export_calendar"]
