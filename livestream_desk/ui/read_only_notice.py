"""A database the app cannot write (a write-protected file, folder or disk) is still shown:
a notice across the top says 只读 and why, and every page keeps its editing controls disabled
(ui/page.py Page.set_read_only)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QCoreApplication

from ..messages import render
from ..services.database import read_only_message
from .widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from ..db.engine import Database
    from .main_window import MainWindow
    from .page import Page


def read_only_text(database: "Database") -> str:
    why = read_only_message(database.path)
    reason = (
        render(why, QCoreApplication.translate)
        if why is not None
        else QCoreApplication.translate("ReadOnlyNotice", "the database was opened read-only")
    )
    return QCoreApplication.translate(
        "ReadOnlyNotice",
        "Read-only: {reason}. Everything can be looked at, exported and backed up; nothing can be "
        "changed. To edit, copy the file to a folder you can write to and open the copy.",
    ).format(reason=reason)


def show_read_only(window: "MainWindow", database: "Database", pages: Iterable["Page"]) -> NoticeBar:
    """Disable the pages' editing and put the notice at the top of `window`."""
    for page in pages:
        page.set_read_only(True)
    notice = NoticeBar(read_only_text(database), "warning")
    notice.setObjectName("readOnlyNotice")
    window.add_notice(notice)
    return notice


__all__ = ["show_read_only", "read_only_text"]
