"""Menu texts on buttons: without their mnemonic.

A Chinese menu entry carries its access key in brackets, 新建直播(&N); Qt strips only the `&`
for a toolbar button (新建直播(N)) or a button made from the text. On a button the key is
noise: 新建直播.
"""
from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

_BRACKETED = re.compile(r"\s*[(（]&[^)）][)）]")


def button_text(menu_text: str) -> str:
    """新建直播(&N)… → 新建直播…; &New… → New… (a literal && stays one &)."""
    text = _BRACKETED.sub("", menu_text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def plain_button_texts(owner: QWidget) -> None:
    """Every action `owner` holds shows its text without the bracketed key on tool buttons
    (QAction.iconText); menus keep the key."""
    for action in owner.findChildren(QAction):
        text = action.text()
        if _BRACKETED.search(text):
            action.setIconText(button_text(text))


__all__ = ["button_text", "plain_button_texts"]
