"""Ask before an editor's typed changes are thrown away (Esc, 取消/关闭, the window's close button).

An editor dialog keeps one `UnsavedChanges(dialog, state, save)`: `state()` is what the user
has typed (a comparable value, e.g. the dialog's input dataclass), remembered by
`mark_clean()` once the fields are filled; its `reject()` calls `guard.close(super().reject)`.
Nothing changed: the dialog closes at once. Changed: 保存 / 放弃 / 继续编辑 (save as the Save
button does, close without saving, or stay). The question is a window-modal box opened with
`open()`, like the app's other questions, so the dialog stays responsive and tests can answer it.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox


class UnsavedChanges(QObject):
    """`UnsavedChanges(dialog, state, save)`; `mark_clean()`, `has_changes()`, `close(discard)`."""

    def __init__(self, dialog: QDialog, state: Callable[[], Any], save: Callable[[], None]) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._state = state
        self._save = save
        self._clean: Any = None
        self._marked = False
        self.box: Optional[QMessageBox] = None  # the question while it is open
        self.save_button = self.discard_button = self.keep_button = None

    def mark_clean(self) -> None:
        """What is in the fields now is what is saved (after filling them)."""
        self._clean = self._state()
        self._marked = True

    def has_changes(self) -> bool:
        return self._marked and self._state() != self._clean

    def close(self, discard: Callable[[], None]) -> None:
        """Close with `discard()` when nothing changed; else ask 保存 / 放弃 / 继续编辑."""
        if self.box is not None:
            self.box.raise_()
            return
        if not self.has_changes():
            discard()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Save the changes before closing?"), QMessageBox.StandardButton.NoButton,
                          self._dialog)
        box.setObjectName("unsavedChangesBox")
        box.setInformativeText(self.tr("Discard throws away what you typed."))
        self.save_button = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.save_button)
        box.setEscapeButton(self.keep_button)  # Esc again keeps what was typed

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            self.box = None
            if clicked is self.save_button:
                self._save()  # the dialog closes when the save succeeds, as with its Save button
            elif clicked is self.discard_button:
                discard()

        box.finished.connect(answered)
        self.box = box
        box.open()


__all__ = ["UnsavedChanges"]
