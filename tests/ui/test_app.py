"""Starting the app: --smoke in a real process, a refused database, start-up imports, screenshots."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LIVESTREAM_DESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings of the child process
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=env, cwd=tmp_path
    )


def test_smoke_shows_the_window_and_exits_after_the_first_paint(tmp_path, db):
    started = time.monotonic()
    result = _run(
        "import sys\n"
        "from livestream_desk.app import run_gui\n"
        f"code = run_gui({str(db.path)!r}, None, smoke=True)\n"
        "print('pyqtgraph' in sys.modules, 'sqlalchemy' in sys.modules)\n"
        "sys.exit(code)\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    # The frame paints before the database is opened: neither the chart library nor
    # SQLAlchemy is loaded by then (the file itself was checked with sqlite3).
    assert result.stdout.strip() == "False False"
    assert "Traceback" not in result.stderr


def test_smoke_does_not_create_a_missing_database(tmp_path, db_path):
    result = _run(
        "import sys\n"
        "from livestream_desk.app import run_gui\n"
        f"sys.exit(run_gui({str(db_path)!r}, None, smoke=True))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert not db_path.exists()


def test_the_gui_opens_the_database_after_the_first_paint_and_builds_the_pages(tmp_path, db_path):
    result = _run(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from livestream_desk import app as app_module\n"
        "from livestream_desk.ui.main_window import MainWindow\n"
        "def check():\n"
        "    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))\n"
        "    if window.database is None:\n"
        "        QTimer.singleShot(50, check)\n"
        "        return\n"
        "    print(window.page_keys(), window.current_page_key(), window.nav.isEnabled())\n"
        "    window.close()\n"
        "QTimer.singleShot(0, check)\n"
        f"sys.exit(app_module.run_gui({str(db_path)!r}, None))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['dashboard', 'schedule', 'catalogue', 'sales', 'reports', 'settings'] dashboard True"
    assert db_path.exists()  # a new database is created and migrated on first start


def test_smoke_on_a_corrupt_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    result = _run(
        "import sys\n"
        "from livestream_desk.app import run_gui\n"
        f"sys.exit(run_gui({str(bad)!r}, None, smoke=True))\n",
        tmp_path,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "broken.sqlite3" in lines[0] and "Traceback" not in result.stderr
    assert bad.read_bytes() == b"this is not a database at all" * 100  # never touched


def test_start_up_does_not_import_pyqtgraph(tmp_path):
    result = _run(
        "import sys\n"
        "import livestream_desk.app, livestream_desk.ui.main_window\n"
        "print(sorted(m for m in ('pyqtgraph', 'alembic') if m in sys.modules))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_create_application_reuses_the_one_qapplication(qapp):
    from livestream_desk.app import ORGANIZATION, create_application

    app = create_application(["x"], None)
    assert app is qapp
    assert app.organizationName() == ORGANIZATION
    assert app.applicationName() == "livestream_desk"


def test_a_chinese_font_comes_first(qapp):
    from PySide6.QtGui import QFontDatabase

    from livestream_desk.app import CJK_FONTS, configure_fonts

    if not set(CJK_FONTS) & set(QFontDatabase.families()):
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    family = configure_fonts(qapp)
    assert qapp.font().families()[0] == family
    assert family in CJK_FONTS


def test_screenshots_of_every_page(qtbot, sales_db, tmp_path):
    from livestream_desk.ui.screenshot import save_screenshots

    paths = save_screenshots(str(sales_db.path), tmp_path / "shots")
    assert [p.name for p in paths] == [
        "01-dashboard.png", "02-schedule.png", "03-catalogue.png", "04-sales.png", "05-reports.png", "06-settings.png"
    ]
    for path in paths:
        assert path.stat().st_size > 10_000
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
