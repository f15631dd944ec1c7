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


def test_smoke_shows_the_window_and_exits_after_the_first_paint(tmp_path, db_path):
    started = time.monotonic()
    result = _run(
        "import sys\n"
        "from livestream_desk.app import run_gui\n"
        f"code = run_gui({str(db_path)!r}, None, smoke=True)\n"
        "print('pyqtgraph' in sys.modules)\n"
        "sys.exit(code)\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    assert db_path.exists()
    # An empty database shows the empty state: no chart, so pyqtgraph was never imported.
    assert result.stdout.strip() == "False"
    assert "Traceback" not in result.stderr


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
    assert [p.name for p in paths] == ["01-dashboard.png", "02-catalogue.png", "03-reports.png", "04-settings.png"]
    for path in paths:
        assert path.stat().st_size > 10_000
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
