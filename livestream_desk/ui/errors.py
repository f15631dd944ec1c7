"""One place that shows errors to the user: known errors versus bugs.

Known errors (services.errors.UserError, db.errors.DatabaseProblem, bad money or month
input, a database that is locked or unreachable, an OSError about a file) were foreseen:
their message is shown as it is, in a plain message box. Anything else is a bug: the user
gets a dialog that says so, with the traceback to copy into a report, and the traceback
goes to the log.
"""
from __future__ import annotations

import logging
import sys
import traceback
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import exc as sa_exc

from ..db.errors import DatabaseProblem, ForeignDatabase, NewerSchema, NotADatabase
from ..domain.money import MoneyError
from ..domain.period import PeriodError
from ..services.errors import Cancelled, UserError

log = logging.getLogger(__name__)

KNOWN_ERRORS = (UserError, DatabaseProblem, Cancelled, MoneyError, PeriodError)


def _database_unavailable(exc: BaseException) -> bool:
    """The database could not be reached or used (locked, disk full, server down)."""
    return isinstance(exc, sa_exc.OperationalError)


def is_known_error(exc: BaseException) -> bool:
    """True for errors the app foresaw and can explain; False for bugs."""
    if isinstance(exc, KNOWN_ERRORS) or _database_unavailable(exc):
        return True
    return isinstance(exc, OSError) and bool(getattr(exc, "filename", None))


def error_message(exc: BaseException) -> str:
    """The one-paragraph message for a known error."""
    if isinstance(exc, OSError) and getattr(exc, "filename", None):
        reason = exc.strerror or str(exc)
        text = QCoreApplication.translate("ErrorReporter", "Could not use the file {filename}: {reason}")
        return text.format(filename=exc.filename, reason=reason)
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("ErrorReporter", "Cancelled. Nothing was changed.")
    if _database_unavailable(exc):
        text = QCoreApplication.translate("ErrorReporter", "The database could not be used just now: {reason}")
        return text.format(reason=getattr(exc, "orig", None) or exc)
    explained = _database_problem_text(exc)
    if explained:
        return f"{explained}\n\n{exc}"  # the plain explanation first, the technical detail after
    return str(exc) or type(exc).__name__


def _database_problem_text(exc: BaseException) -> str:
    """A translated sentence for the database problems a user can meet at start-up."""
    if isinstance(exc, NewerSchema):
        return QCoreApplication.translate(
            "ErrorReporter",
            "This database was made by a newer version of Livestream Desk. Update the app to open it; "
            "the file was not changed.",
        )
    if isinstance(exc, ForeignDatabase):
        return QCoreApplication.translate(
            "ErrorReporter", "This database belongs to another program. It was not changed."
        )
    if isinstance(exc, NotADatabase):
        return QCoreApplication.translate(
            "ErrorReporter",
            "This file is not a Livestream Desk database, or it is damaged. Restore a backup "
            "(Settings shows where backups are kept) or choose another file.",
        )
    return ""


def traceback_text(exc: BaseException) -> str:
    """The traceback of `exc`: the one a TaskRunner attached, else the exception's own."""
    attached = getattr(exc, "traceback_text", None)
    if attached:
        return attached
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def build_error_box(parent: Optional[QWidget], exc: BaseException, title: Optional[str] = None) -> QMessageBox:
    """The message box for `exc`, not yet shown (tests inspect it)."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    if is_known_error(exc):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or QCoreApplication.translate("ErrorReporter", "Cannot do that"))
        box.setText(error_message(exc))
        box.setProperty("errorKind", "known")
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorReporter",
                "The app ran into a problem it did not expect. This is a bug, not something you did wrong.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorReporter",
                "Please copy the details below and send them to whoever looks after this app, "
                "then try again.",
            )
            + "\n\n"
            + f"{type(exc).__name__}: {exc}"
        )
        box.setDetailedText(traceback_text(exc))
        box.setProperty("errorKind", "bug")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def report_error(
    parent: Optional[QWidget],
    exc: BaseException,
    title: Optional[str] = None,
    *,
    modal: bool = False,
) -> QMessageBox:
    """Show `exc` to the user (and log it); returns the box.

    By default the box is window-modal but does not block (`open()`), so a background task's
    failure never nests an event loop; `modal=True` runs it with `exec()` (start-up errors,
    before the main loop runs).
    """
    if is_known_error(exc):
        log.info("%s", error_message(exc))
    else:
        log.error("bug: %s: %s\n%s", type(exc).__name__, exc, traceback_text(exc))
    box = build_error_box(parent, exc, title)
    if modal:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return box


def error_handler(parent: QWidget, title: Optional[str] = None) -> Callable[[BaseException], None]:
    """A TaskRunner `on_failure` callback that reports the error over `parent`."""

    def handle(exc: BaseException) -> None:
        report_error(parent, exc, title)

    return handle


def install_excepthook(parent_getter: Callable[[], Optional[QWidget]]) -> None:
    """Report exceptions that escape Qt slots and event handlers as bugs, instead of only
    printing them to a console the user never sees."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if exc is None or not isinstance(exc, Exception) or QApplication.instance() is None:
            previous(exc_type, exc, tb)
            return
        if not getattr(exc, "traceback_text", None):
            try:
                exc.traceback_text = "".join(traceback.format_exception(exc_type, exc, tb))
            except AttributeError:  # some built-in exceptions refuse attributes
                pass
        try:
            report_error(parent_getter(), exc)
        except Exception:  # noqa: BLE001 - never let the reporter itself take the app down
            previous(exc_type, exc, tb)

    sys.excepthook = hook


__all__ = [
    "is_known_error",
    "error_message",
    "traceback_text",
    "build_error_box",
    "report_error",
    "error_handler",
    "install_excepthook",
]
