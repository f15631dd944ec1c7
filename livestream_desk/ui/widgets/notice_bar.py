"""A notice across the top of the main window: one sentence and a few buttons.

Used for what the user should know before trusting the screen (no Chinese font, demo data);
the window stacks them in its notice area (`MainWindow.add_notice`).
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

STYLES = {
    "info": "background: #e6f4ff; border-bottom: 1px solid #91caff;",
    "warning": "background: #fffbe6; border-bottom: 1px solid #ffe58f;",
}


class NoticeBar(QFrame):
    """`NoticeBar(text, kind="info")`; `add_button(text, slot)` adds an action on the right."""

    def __init__(self, text: str, kind: str = "info", parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setProperty("noticeKind", kind)  # the selector: labels inside are QFrames too
        self.setStyleSheet(f'*[noticeKind="{kind}"] {{ {STYLES.get(kind, STYLES["info"])} }}')
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.label = QLabel(text, self)
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def add_button(self, text: str, slot: Callable[[], None], object_name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        if object_name:
            button.setObjectName(object_name)
        button.clicked.connect(lambda _checked=False: slot())
        self._layout.addWidget(button)
        self.buttons.append(button)
        return button


__all__ = ["NoticeBar"]
