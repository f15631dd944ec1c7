"""Reminders before planned livestreams, while the app runs (also from the system tray).

Every minute the schedule asks `due_reminders(db, lead)` in the background; each planned
livestream starting within the lead time (QSettings `schedule/reminder_minutes`, default 30)
is announced once: as a tray notification when the system has a tray (QSystemTrayIcon),
else in a small non-modal message box. With a tray, minimising the main window hides it to
the tray (its icon brings it back), so reminders keep coming while it is out of the way.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QStyle, QSystemTrayIcon, QWidget

from ...services import schedule
from ...services.schedule import Upcoming
from ..operation import PageOp
from ..platforms import platform_name

SETTINGS_MINUTES = "schedule/reminder_minutes"
DEFAULT_MINUTES = 30
CHECK_INTERVAL_MS = 60_000
FIRST_CHECK_MS = 3_000


def reminder_minutes() -> int:
    value = QSettings().value(SETTINGS_MINUTES, DEFAULT_MINUTES)
    try:
        return max(0, min(24 * 60, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


def set_reminder_minutes(minutes: int) -> None:
    QSettings().setValue(SETTINGS_MINUTES, int(minutes))


def reminder_text(upcoming: Upcoming) -> tuple[str, str]:
    """(title, body) of the notification for one livestream."""
    row = upcoming.livestream
    title = QCoreApplication.translate("Reminders", "Livestream in {minutes} min: {title}").format(
        minutes=max(upcoming.minutes_until, 0), title=row.title)
    parts = [f"{row.scheduled_start:%H:%M}", platform_name(row.platform)]
    if row.account_name:
        parts.append(row.account_name)
    if row.host_name:
        parts.append(QCoreApplication.translate("Reminders", "host {name}").format(name=row.host_name))
    body = " · ".join(parts)
    if row.lineup_size:
        body += "\n" + QCoreApplication.translate("Reminders", "{count} products in the lineup").format(count=row.lineup_size)
    return title, body


class Reminders(QObject):
    """`Reminders(page)`: checks every minute; `check_now()`; `reminded(title, body)` for each one shown."""

    reminded = Signal(str, str)

    def __init__(self, page, open_livestream: Optional[Callable[[int], None]] = None) -> None:
        super().__init__(page)
        self.page = page
        self.open_livestream = open_livestream
        self.announced: set[tuple[int, str]] = set()  # (id, start) — a moved livestream is announced again
        self.tray: Optional[QSystemTrayIcon] = None
        self.last_box: Optional[QMessageBox] = None
        self._last_id = 0
        self._running: Optional[PageOp] = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() and self.tray is None:
            self._make_tray()
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_now)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def _make_tray(self) -> None:
        window = self.page.window()
        icon = window.windowIcon() if not window.windowIcon().isNull() else QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_ComputerIcon)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip(QCoreApplication.translate("Reminders", "Livestream Desk: livestream reminders"))
        menu = QMenu(window)
        menu.addAction(QCoreApplication.translate("Reminders", "Show window"), self.show_window)
        menu.addAction(QCoreApplication.translate("Reminders", "Quit"), window.close)
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(lambda reason: self.show_window()
                                    if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
        self.tray.messageClicked.connect(self._message_clicked)
        self.tray.show()
        window.installEventFilter(self)

    def show_window(self) -> None:
        window = self.page.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # minimised with a tray: hide to the tray, so the taskbar stays free and reminders still come
        if (event.type() == QEvent.Type.WindowStateChange and isinstance(watched, QWidget)
                and watched.windowState() & Qt.WindowState.WindowMinimized and self.tray is not None
                and self.tray.isVisible()):
            QTimer.singleShot(0, watched.hide)
        return False

    def check_now(self) -> None:
        if self._running is not None and self._running.is_running():
            return
        lead = reminder_minutes()
        if lead <= 0:
            return
        self._running = PageOp(self.page, lambda db: schedule.due_reminders(db, lead), success=self._show,
                               failure=lambda exc: None).run()  # a reminder check that fails says nothing

    def _show(self, due) -> None:
        for upcoming in due:
            key = (upcoming.livestream.id, f"{upcoming.livestream.scheduled_start}")
            if key in self.announced:
                continue
            self.announced.add(key)
            title, body = reminder_text(upcoming)
            self._last_id = upcoming.livestream.id
            if self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
                self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15_000)
            else:
                box = QMessageBox(QMessageBox.Icon.Information, title, body, QMessageBox.StandardButton.Ok,
                                  self.page.window())
                box.setObjectName("reminderBox")
                box.setWindowModality(Qt.WindowModality.NonModal)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.last_box = box
                box.show()
            self.reminded.emit(title, body)

    def _message_clicked(self) -> None:
        self.show_window()
        if self.open_livestream is not None and self._last_id:
            self.open_livestream(self._last_id)


__all__ = ["Reminders", "reminder_minutes", "set_reminder_minutes", "reminder_text", "SETTINGS_MINUTES",
           "DEFAULT_MINUTES"]
