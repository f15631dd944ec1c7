"""The question an editor asks when its save met a change made elsewhere since it opened
(services.versions.ChangedElsewhere): who changed it and when, then 重新载入 (show the saved
values, dropping what was typed here), 覆盖 (save what was typed here over them) or go back
to the editor with nothing saved. Never a silent overwrite."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ...messages import render
from ...services.versions import ChangedElsewhere


class ChangedElsewhereQuestion(QMessageBox):
    """Non-modal to the app (window-modal, opened with open()); the buttons are attributes so
    tests and keyboard users reach them."""

    def __init__(self, parent: QWidget, problem: ChangedElsewhere, *, reload: Callable[[], None],
                 overwrite: Callable[[], None], went_back: Optional[Callable[[], None]] = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, "", render(problem.message, QCoreApplication.translate),
                         QMessageBox.StandardButton.NoButton, parent)
        self.setWindowTitle(self.tr("Changed on another computer"))
        self.setObjectName("changedElsewhereBox")
        self.problem = problem
        self.setInformativeText(self.tr(
            "Reload shows the saved values (what you typed here is dropped). Overwrite saves what you "
            "typed over the other change."))
        self.reload_button = self.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.overwrite_button = self.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        self.back_button = self.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.reload_button)
        self._actions: dict[QAbstractButton, Optional[Callable[[], None]]] = {
            self.reload_button: reload, self.overwrite_button: overwrite, self.back_button: went_back,
        }
        self.finished.connect(self._answered)

    def _answered(self, _result: int) -> None:
        action = self._actions.get(self.clickedButton()) if self.clickedButton() else None
        if action is None:
            action = self._actions[self.back_button]
        if action is not None:
            action()


def ask_changed_elsewhere(parent: QWidget, problem: ChangedElsewhere, *, reload: Callable[[], None],
                          overwrite: Callable[[], None],
                          went_back: Optional[Callable[[], None]] = None) -> ChangedElsewhereQuestion:
    """Open the question over `parent` (an editor) and return it."""
    box = ChangedElsewhereQuestion(parent, problem, reload=reload, overwrite=overwrite, went_back=went_back)
    box.open()
    return box


__all__ = ["ChangedElsewhereQuestion", "ask_changed_elsewhere"]
