"""The dashboard's box of the next planned livestreams (time, platform in its colour, room, host).

It lives on another page: it runs its query as an operation of that page (a ui.page.Page)
and reloads whenever that page has loaded its own figures or comes on screen — only while
the page is the active one, so a page that is not shown (or is being torn down) starts no
work of its own.
"""
from __future__ import annotations

import html
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...services import schedule
from ..operation import PageOp
from ..platforms import platform_name
from . import texts

SHOWN = 5


class UpcomingLivestreams(QFrame):
    """`UpcomingLivestreams(page)`: reloads on `page.loaded`; `refresh()` to reload by hand."""

    def __init__(self, page, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or page)
        self.page = page
        self.setObjectName("upcomingLivestreams")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Next livestreams"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list_label = QLabel(self)
        self.list_label.setObjectName("upcomingList")
        self.list_label.setTextFormat(Qt.TextFormat.RichText)
        self.list_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list_label)
        self._running = False
        page.loaded.connect(self.refresh)
        page.activeChanged.connect(lambda active: self.refresh() if active else None)

    def refresh(self) -> None:
        if self._running or not self.page.is_active():
            return
        self._running = True

        def show(upcoming) -> None:
            self._running = False
            self.show_rows(upcoming)

        def failed(_exc) -> None:
            self._running = False

        PageOp(self.page, lambda db: schedule.upcoming_livestreams(db, SHOWN), success=show, failure=failed).run()

    def show_rows(self, upcoming) -> None:
        if not upcoming:
            self.list_label.setText(html.escape(self.tr("No livestreams planned. Plan one on the Schedule page.")))
            return
        lines = []
        for item in upcoming:
            row = item.livestream
            colour = texts.platform_colour(row.platform).name()
            who = " · ".join(html.escape(part) for part in (row.account_name, row.host_name) if part)
            lines.append(
                f"<span style='color:{colour}'>■</span> <b>{row.scheduled_start:%m-%d %H:%M}</b> "
                f"{html.escape(platform_name(row.platform))} {('· ' + who) if who else ''} — {html.escape(row.title)}"
            )
        self.list_label.setText("<br>".join(lines))


__all__ = ["UpcomingLivestreams"]
