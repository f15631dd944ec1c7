"""One place that shows errors to the user: known errors versus bugs.

Which errors are known is decided by `services.errors` (the same rule the command line
uses): problems carrying a message code, a file that could not be used, a database that is
busy or unreadable. Their message is rendered through `QCoreApplication.translate` and shown
in a plain message box. Anything else is a bug: the user gets a dialog that says so, with the
traceback to copy into a report, and the traceback goes to the log.
"""
from __future__ import annotations

import logging
import sys
import traceback
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..messages import render
from ..services.errors import is_known_error, message_of

log = logging.getLogger(__name__)


def error_message(exc: BaseException) -> str:
    """The one-paragraph message for a known error, in the window's language."""
    message = message_of(exc)
    if message is None:  # a bug: callers show it as one; the text is for the log
        return str(exc) or type(exc).__name__
    return render(message, QCoreApplication.translate)


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
