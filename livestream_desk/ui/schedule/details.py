"""The side panel of the schedule: the selected livestream and what can be done with it.

The status buttons follow the flow planned → live → done (or cancelled, and back to
planned); a button shows only when its step is allowed. The panel only emits; the page does.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...db.models import LivestreamStatus
from ...services.schedule import LivestreamRow
from ..platforms import platform_name
from . import texts


class DetailsPanel(QFrame):
    editRequested = Signal()
    lineupRequested = Signal()
    startRequested = Signal()
    finishRequested = Signal()
    cancelRequested = Signal()
    reopenRequested = Signal()
    reviewRequested = Signal()
    previewRequested = Signal()
    pdfRequested = Signal()
    duplicateRequested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(270)
        self.row: Optional[LivestreamRow] = None
        self.title_label = QLabel(self)
        self.title_label.setObjectName("detailsTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.colour_bar = QFrame(self)
        self.colour_bar.setFixedHeight(4)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("detailsInfo")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = QLabel(self.tr("Select a livestream to see it here. Double-click a day to plan one."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")

        def button(text: str, name: str, signal) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setObjectName(name)
            widget.clicked.connect(signal)
            return widget

        self.edit_button = button(self.tr("Edit…"), "editButton", self.editRequested)
        self.lineup_button = button(self.tr("Lineup…"), "lineupButton", self.lineupRequested)
        self.start_button = button(self.tr("Go live"), "startButton", self.startRequested)
        self.finish_button = button(self.tr("End"), "finishButton", self.finishRequested)
        self.cancel_button = button(self.tr("Cancel livestream"), "cancelButton", self.cancelRequested)
        self.reopen_button = button(self.tr("Plan again"), "reopenButton", self.reopenRequested)
        self.review_button = button(self.tr("Review figures…"), "reviewButton", self.reviewRequested)
        self.preview_button = button(self.tr("Print run sheet…"), "previewButton", self.previewRequested)
        self.pdf_button = button(self.tr("Save run sheet…"), "pdfButton", self.pdfRequested)
        self.duplicate_button = button(self.tr("Duplicate"), "duplicateButton", self.duplicateRequested)
        self.start_button.setStyleSheet("font-weight: bold;")

        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.start_button, 0, 0)
        grid.addWidget(self.finish_button, 0, 1)
        grid.addWidget(self.reopen_button, 0, 1)
        grid.addWidget(self.cancel_button, 1, 0, 1, 2)
        grid.addWidget(self.edit_button, 2, 0)
        grid.addWidget(self.lineup_button, 2, 1)
        grid.addWidget(self.review_button, 3, 0, 1, 2)
        grid.addWidget(self.preview_button, 4, 0)
        grid.addWidget(self.pdf_button, 4, 1)
        grid.addWidget(self.duplicate_button, 5, 0, 1, 2)
        self.buttons = QWidget(self)
        self.buttons.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.colour_bar)
        layout.addWidget(self.title_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        layout.addStretch(1)
        self.set_row(None)

    def set_row(self, row: Optional[LivestreamRow]) -> None:
        self.row = row
        has = row is not None
        for widget in (self.title_label, self.info_label, self.buttons, self.colour_bar):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        if row is None:
            return
        self.title_label.setText(row.title)
        self.colour_bar.setStyleSheet(f"background: {texts.platform_colour(row.platform).name()};")
        lines = [
            f"{texts.datetime_text(row.scheduled_start)}–{texts.time_text(row.scheduled_end)}"
            f" ({texts.minutes_text(row.planned_minutes)})",
            platform_name(row.platform) + (f" · {row.account_name}" if row.account_name else ""),
        ]
        if row.host_name:
            lines.append(self.tr("Host: {name}").format(name=row.host_name))
        if row.theme:
            lines.append(self.tr("Theme: {theme}").format(theme=row.theme))
        lines.append(self.tr("Status: {status}").format(status=texts.status_name(row.status)))
        if row.actual_start:
            actual = texts.datetime_text(row.actual_start)
            if row.actual_end:
                actual += f"–{texts.time_text(row.actual_end)}"
            lines.append(self.tr("Actual: {times}").format(times=actual))
        lines.append(self.tr("Lineup: {count} products · {value}").format(
            count=row.lineup_size, value=texts.money_text(row.planned_value_fen)))
        if row.viewers is not None:
            lines.append(self.tr("Viewers: {count}").format(count=texts.count_text(row.viewers)))
        if row.in_series:
            lines.append(self.tr("Part of a weekly series"))
        if row.notes:
            lines.append(row.notes)
        self.info_label.setText("\n".join(lines))
        status = row.status
        self.start_button.setVisible(status == LivestreamStatus.PLANNED)
        self.finish_button.setVisible(status in (LivestreamStatus.LIVE, LivestreamStatus.PLANNED))
        self.finish_button.setText(self.tr("End") if status == LivestreamStatus.LIVE else self.tr("Mark done"))
        self.cancel_button.setVisible(status == LivestreamStatus.PLANNED)
        self.reopen_button.setVisible(status == LivestreamStatus.CANCELLED)
        self.review_button.setVisible(status in (LivestreamStatus.LIVE, LivestreamStatus.DONE))


__all__ = ["DetailsPanel"]
