"""The demo-data notice across the top of the main window, with 清除演示数据 (issue 7 item 22).

Demo data looks like real data; while it is in the database the window says so and offers
to clear it. Clearing asks first, then runs `services.demo.removal.remove_demo` as a page
operation (in the background, busy while it runs, errors shown) and tells every page that
the data changed. What is removed and what stays is the service's rule (its docstring).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from .operation import BusyCounter, PageOp
from .page import STATUS_MESSAGE_MS
from .widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from ..db.engine import Database
    from .tasks import TaskRunner


def _present(db) -> bool:
    from ..services.demo.removal import demo_present

    return demo_present(db)


def _remove(db):
    from ..services.demo.removal import remove_demo

    return remove_demo(db)


class DemoNotice(NoticeBar):
    """Shown while demo data is present (`check()` looks, in the background); hosts its own
    operations, so it works whichever page is on screen."""

    removed = Signal(object)  # services.demo.removal.DemoRemoval: the database changed
    checked = Signal(bool)  # the answer of the latest check (tests wait for it)

    def __init__(self, database: "Database", task_runner: "TaskRunner", parent: Optional[QWidget] = None) -> None:
        super().__init__("", "info", parent)
        self.set_text(
            self.tr(
                "This database holds demo data: made-up products, livestreams and sales. "
                "Clear it before you enter your own, or keep it to look around."
            )
        )
        self.setObjectName("demoNotice")
        self.database = database
        self.task_runner = task_runner
        self.busy_counter = BusyCounter(self)
        self.last_message = ""
        self.confirm_box: Optional[QMessageBox] = None
        self.clear_button = self.add_button(self.tr("Clear demo data…"), self.ask_to_clear, "clearDemoData")
        self.clear_button.setVisible(not getattr(database, "readonly", False))  # nothing can be written
        self.hide()

    # --- OpHost -------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # --- looking ------------------------------------------------------------------
    def check(self) -> None:
        """Look for demo data in the background; show or hide the notice with the answer."""
        PageOp(self, _present, success=self._on_checked, title=self.tr("Could not look for demo data")).run()

    def _on_checked(self, present: bool) -> None:
        self.setVisible(bool(present))
        self.checked.emit(bool(present))

    # --- clearing -----------------------------------------------------------------
    def ask_to_clear(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Clear demo data"),
            self.tr("Remove the demo products, livestreams and sales?"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmClearDemo")
        box.setInformativeText(
            self.tr(
                "Your own products and sales stay. A demo product or livestream that one of your "
                "own sales uses stays too, as yours."
            )
        )
        clear = box.addButton(self.tr("Clear demo data"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._on_answer(box.clickedButton() is clear))
        self.confirm_box = box
        box.open()

    def _on_answer(self, confirmed: bool) -> None:
        self.confirm_box = None
        if confirmed:
            self.clear()

    def clear(self) -> PageOp:
        """Remove the demo data in the background (after the user confirmed)."""
        self.clear_button.setEnabled(False)
        return PageOp(
            self,
            _remove,
            success=self._on_removed,
            failure=self._on_failed,
            title=self.tr("Could not clear the demo data"),
            label=self.tr("Clearing demo data…"),
        ).run()

    def _on_removed(self, removal) -> None:
        self.clear_button.setEnabled(True)
        self.hide()
        self.show_message(
            self.tr("Demo data cleared: {count} sale lines removed; your own data is unchanged.").format(
                count=f"{removal.sale_lines:,}"
            )
        )
        self.removed.emit(removal)

    def _on_failed(self, exc: BaseException) -> None:
        from .errors import report_error

        self.clear_button.setEnabled(True)
        report_error(self, exc, self.tr("Could not clear the demo data"))


__all__ = ["DemoNotice"]
