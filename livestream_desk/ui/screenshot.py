"""Screenshots of every main page, made by the app itself (README images, visual checks).

Used by `livestream-desk screenshot --db PATH --out DIR [--lang en] [--scale 1.5]`. The window
is laid out at a fixed size (1366×768 by default, the screens our users have) without
appearing on screen, each page is shown and given time to load its data, then grabbed as a PNG.

`scale` is the screen's scaling (1.5: Windows' 150%): the layout is the same as at 100%, the
picture has 1.5× the pixels (2049×1152 for 1366×768). In a fresh process it is set as
QT_SCALE_FACTOR before the QApplication exists, so the window draws exactly as on such a
screen; in a process that already has its QApplication (tests) the window is rendered into a
picture of that pixel ratio instead.
"""
from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QPixmap
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


def _use_scale(scale: float) -> None:
    """Scaling as the screen would do it, when the QApplication is still to be made."""
    if QApplication.instance() is None and abs(scale - 1.0) > 1e-6:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"


def grab(window: MainWindow, scale: float = 1.0) -> QPixmap:
    """The window as a picture with `scale` device pixels per pixel of layout."""
    if abs(window.devicePixelRatioF() - scale) < 1e-6:
        return window.grab()
    pixmap = QPixmap(round(window.width() * scale), round(window.height() * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(window.palette().window().color())
    window.render(pixmap)
    return pixmap


def save_screenshots(
    db_target: Optional[str],
    out_dir: Path,
    lang: Optional[str] = None,
    size: tuple[int, int] = (1366, 768),
    scale: float = 1.0,
) -> list[Path]:
    """Write `NN-<page>.png` for each page of the main window into `out_dir`; returns the paths.
    Each picture is `size` × `scale` pixels.

    Raises DatabaseProblem (with a message for the user) when the database cannot be opened.
    """
    _use_offscreen_if_headless()
    _use_scale(scale)
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
            if not grab(window, scale).save(str(path), "PNG"):
                raise OSError(errno.EIO, "could not write the screenshot", str(path))
            written.append(path)
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        _process_events()
        database.dispose()
    return written


__all__ = ["grab", "save_screenshots", "wait_until_idle"]
