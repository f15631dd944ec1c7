"""The 战报 preview: a month's or a livestream's card as it will be shared, with 复制到剪贴板
and 保存 PNG. The card's figures are read in the background (services.reports.cards); the
picture is painted on the GUI thread by render.py (1080 px wide) and shown scaled to fit."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.period import Month
from ..errors import report_error
from ..operation import BusyCounter, PageOp

PREVIEW_WIDTH = 400  # the card shown about phone-sized on a 1366×768 screen


class CardDialog(QDialog):
    """`CardDialog.for_month(page, month)` / `.for_livestream(page, livestream_id)`: opens at
    once and fills in when the figures arrive (`loaded`)."""

    loaded = Signal()

    def __init__(self, host: QWidget, title: str, file_name: str, fetch: Callable[[Any], Any],
                 render: Callable[[Any], QImage]) -> None:
        super().__init__(host)
        self.setObjectName("cardDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database = host.database
        self.task_runner = host.task_runner
        self.busy_counter = BusyCounter(self)
        self.last_message = ""
        self.file_name = file_name
        self.render = render
        self.card: Any = None
        self.image: Optional[QImage] = None
        self.setWindowTitle(title)

        self.preview = QLabel(self.tr("Loading…"), self)
        self.preview.setObjectName("cardPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(PREVIEW_WIDTH + 40)

        self.copy_button = QPushButton(self.tr("Copy to clipboard"), self)
        self.copy_button.setObjectName("copyCard")
        self.save_button = QPushButton(self.tr("Save PNG…"), self)
        self.save_button.setObjectName("saveCard")
        for button in (self.copy_button, self.save_button):
            button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(lambda: self.save_png())

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(720, screen.height() - 60) if screen is not None else 700
        self.resize(PREVIEW_WIDTH + 60, height)

        PageOp(self, fetch, success=self._show, failure=self._failed).run()
        self.show()

    # --- making one ----------------------------------------------------------------------
    @classmethod
    def for_month(cls, host: QWidget, month: Month) -> "CardDialog":
        from ...services.reports.cards import month_card
        from .render import render_month_card

        return cls(host, cls._month_title(month), QCoreApplication.translate("CardDialog", "results-%1.png").replace("%1", str(month)),
                   lambda db: month_card(db, month), render_month_card)

    @classmethod
    def for_livestream(cls, host: QWidget, livestream_id: int) -> "CardDialog":
        from ...services.reports.cards import livestream_card
        from .render import render_livestream_card

        return cls(host, cls._livestream_title(), QCoreApplication.translate("CardDialog", "results-livestream-%1.png").replace("%1", str(livestream_id)),
                   lambda db: livestream_card(db, livestream_id), render_livestream_card)

    @staticmethod
    def _month_title(month: Month) -> str:
        return QCoreApplication.translate("CardDialog", "Monthly results — %1").replace("%1", str(month))

    @staticmethod
    def _livestream_title() -> str:
        return QCoreApplication.translate("CardDialog", "Livestream results")

    # --- the page-operation host ------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.last_message = text

    def is_loading(self) -> bool:
        return self.busy_counter.is_busy()

    # --- showing and sharing --------------------------------------------------------------
    def _show(self, card: Any) -> None:
        self.card = card
        self.image = self.render(card)
        preview = QPixmap.fromImage(self.image).scaledToWidth(
            PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(preview)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.preview.setText(self.tr("The card could not be made."))
        report_error(self, exc, self.tr("Cannot make the card"))
        self.loaded.emit()

    def copy_to_clipboard(self) -> None:
        if self.image is not None:
            QGuiApplication.clipboard().setImage(self.image)
            self.last_message = self.tr("Card copied: paste it into WeChat")

    def save_png(self, path: Optional[Path] = None) -> Optional[Path]:
        if self.image is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the card"), str(Path.home() / self.file_name), self.tr("PNG images (*.png)"))
            if not chosen:
                return None
            path = Path(chosen)
        from .render import save_card_png

        try:
            path = save_card_png(self.image, path)
        except OSError as exc:
            report_error(self, exc)
            return None
        self.last_message = self.tr("Card saved to %1").replace("%1", str(path))
        return path


__all__ = ["CardDialog"]
