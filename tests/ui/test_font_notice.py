"""No Chinese font installed (issue 7 item 21): stderr and the window say which font to
install, and the window offers English. Qt is pointed at an empty font folder in a child
process (fontconfig's own file, and QT_QPA_FONTDIR where Qt reads fonts itself)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SHOW_NOTICE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from livestream_desk import app as app_module
from livestream_desk.ui.main_window import MainWindow

def check():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    notice = getattr(window, "font_notice", None)
    print("NOTICE:", notice.text() if notice is not None and notice.isVisible() else None)
    print("BUTTONS:", [b.text() for b in notice.buttons] if notice is not None else [])
    QApplication.exit(0)  # the notice is there before the database opens: no need to wait for the pages

application = QApplication(["livestream-desk"])  # the timer needs the event loop's thread set up
QTimer.singleShot(200, check)
sys.exit(app_module.run_gui(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
"""


def run_without_fonts(tmp_path: Path, args: list[str], fonts: bool = False) -> subprocess.CompletedProcess:
    empty = tmp_path / "fonts"
    empty.mkdir(exist_ok=True)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LIVESTREAM_DESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    if not fonts:
        env.update(FONTCONFIG_FILE=str(config), QT_QPA_FONTDIR=str(empty))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)


def test_smoke_without_a_chinese_font_says_which_package_to_install(tmp_path, db):
    result = run_without_fonts(tmp_path, ["-m", "livestream_desk", "--db", str(db.path), "--smoke"])
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stderr.splitlines() if line.startswith("livestream-desk: warning:")]
    assert len(warning) == 1, result.stderr
    assert "Chinese" in warning[0] and "fonts-noto-cjk" in warning[0] and "--lang en" in warning[0]


def test_the_window_shows_the_notice_and_offers_english(tmp_path, db):
    result = run_without_fonts(tmp_path, ["-c", SHOW_NOTICE, str(db.path)])
    assert result.returncode == 0, result.stderr
    notice = next(line for line in result.stdout.splitlines() if line.startswith("NOTICE:"))
    assert "fonts-noto-cjk" in notice and "boxes" in notice
    assert "BUTTONS: ['Restart in English']" in result.stdout
    # Already in English: the notice stays (product names are Chinese), no button to switch.
    english = run_without_fonts(tmp_path, ["-c", SHOW_NOTICE, str(db.path), "en"])
    assert "fonts-noto-cjk" in english.stdout and "BUTTONS: []" in english.stdout


def test_with_a_chinese_font_nothing_is_said(tmp_path, db):
    from PySide6.QtGui import QFontDatabase

    from livestream_desk.app import chinese_fonts

    if not chinese_fonts():
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    result = run_without_fonts(tmp_path, ["-c", SHOW_NOTICE, str(db.path)], fonts=True)
    assert result.returncode == 0, result.stderr
    assert "NOTICE: None" in result.stdout
    assert "warning" not in result.stderr
    assert QFontDatabase.families()


def test_restart_in_english_saves_the_choice_and_relaunches(qtbot, monkeypatch, db):
    from PySide6.QtCore import QProcess

    from livestream_desk import i18n
    from livestream_desk.ui import font_notice
    from livestream_desk.ui.main_window import MainWindow

    started = []
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda program, args: started.append((program, args)) or True))
    monkeypatch.setattr(sys, "orig_argv", [sys.executable, "-m", "livestream_desk", "--lang", "zh_CN", "--db", "x"])
    window = MainWindow(None, remember_state=False)
    qtbot.addWidget(window)
    notice = font_notice.warn_no_chinese_font(window, i18n.CHINESE)
    window.show()
    assert notice in window.notices() and notice.isVisible()
    notice.buttons[0].click()
    assert started == [(sys.executable, ["-m", "livestream_desk", "--db", "x", "--lang", "en"])]
    assert i18n.saved_language() == i18n.ENGLISH
    assert not window.isVisible()
