"""What the app says when no installed font draws Chinese (issue 7 item 21).

Every Chinese label would be a box, and nothing would say why. At start the app checks
(app.configure_fonts) and, when no font draws Chinese, says so on stderr and in a notice
across the top of the window, with the font package to install and a button that restarts
in English. Both are written in English on purpose: a Chinese translation of this notice
would itself be drawn as boxes.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess

from .. import i18n
from ..messages import Message, render
from .widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from .main_window import MainWindow

PROG = "livestream-desk"


def install_hint() -> Message:
    """Which font to install here (Windows and macOS always have one)."""
    if sys.platform.startswith("linux"):
        return Message("fonts.install_debian")
    return Message("fonts.install_other")


def no_chinese_font_text() -> str:
    return render(Message("fonts.no_chinese", install=install_hint()))  # English: see the module


def relaunch_arguments(argv: list[str]) -> list[str]:
    """The command line of this run (after the program) with `--lang en` instead of any --lang."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if arg.startswith("--lang="):
            continue
        out.append(arg)
    return out + ["--lang", i18n.ENGLISH]


def restart_in_english(window: "MainWindow") -> bool:
    """Save English as the language and start the app again in it; True when started."""
    i18n.save_language(i18n.ENGLISH)
    argv = list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
    started = QProcess.startDetached(sys.executable, relaunch_arguments(argv[1:]))
    ok = bool(started[0] if isinstance(started, tuple) else started)
    if ok:
        window.close()
    return ok


def warn_no_chinese_font(window: "MainWindow", language: str) -> NoticeBar:
    """stderr names the font package; the window shows the same, and offers English."""
    text = no_chinese_font_text()
    sys.stderr.write(f"{PROG}: warning: {text}\n")
    sys.stderr.flush()
    notice = NoticeBar(text.capitalize() if text[:1].islower() else text, "warning")
    notice.setObjectName("noChineseFontNotice")
    if language != i18n.ENGLISH:
        notice.add_button("Restart in English", lambda: restart_in_english(window), "restartInEnglish")
    window.add_notice(notice)
    window.font_notice = notice
    return notice


__all__ = ["warn_no_chinese_font", "restart_in_english", "relaunch_arguments", "no_chinese_font_text"]
