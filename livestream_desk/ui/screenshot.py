"""Screenshots of every main page, made by the app itself (README images, visual checks).

Used by `livestream-desk screenshot --db PATH --out DIR`. The window is laid out at a fixed
size (1366×768 by default, the screens our users have) without appearing on screen, each
page is shown and given time to load its data, then grabbed as a PNG.
"""
from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow

LOAD_TIMEOUT_S = 15.0
SETTLE_ROUNDS = 3  # idle rounds in a row before a page counts as drawn


def _process_events(ms: int = 10) -> None:
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)
    QCoreApplication.sendPostedEvents()


def wait_until_idle(window: MainWindow, timeout: float = LOAD_TIMEOUT_S) -> bool:
    """Process events until no background task runs and no page is loading; False on timeout."""
    deadline = time.monotonic() + timeout
    idle_rounds = 0
    while time.monotonic() < deadline:
        _process_events()
        if window.is_loading():
            idle_rounds = 0
            time.sleep(0.01)
            continue
        idle_rounds += 1
        if idle_rounds >= SETTLE_ROUNDS:
            return True
    return False


def _use_offscreen_if_headless() -> None:
    """Screenshots need no display: on a Linux machine without one, render offscreen."""
    if QApplication.instance() is not None or os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def save_screenshots(
    db_target: Optional[str],
    out_dir: Path,
    lang: Optional[str] = None,
    size: tuple[int, int] = (1366, 768),
) -> list[Path]:
    """Write `NN-<page>.png` for each page of the main window into `out_dir`; returns the paths.

    Raises DatabaseProblem (with a message for the user) when the database cannot be opened.
    """
    _use_offscreen_if_headless()
    from ..app import create_application
    from ..db.engine import open_database

    create_application(None, lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    database = open_database(db_target)
    window = MainWindow(database, remember_state=False)
    written: list[Path] = []
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*size)
        window.show()
        for index, key in enumerate(window.page_keys(), start=1):
            window.show_page(key)
            wait_until_idle(window)
            window.resize(*size)  # a page's size hints must not change the picture's size
            _process_events()
            path = out_dir / f"{index:02d}-{key}.png"
            if not window.grab().save(str(path), "PNG"):
                raise OSError(errno.EIO, "could not write the screenshot", str(path))
            written.append(path)
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        _process_events()
        database.dispose()
    return written


__all__ = ["save_screenshots", "wait_until_idle"]
