"""Start-up figures before SQLAlchemy (issue 7 item 6): the latest month's KPI figures read
with plain sqlite3 equal the report service's, are in the window's first paint, and stay
until the dashboard has drawn its own."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from livestream_desk.db.quick_figures import latest_month_figures
from livestream_desk.domain.money import format_short
from livestream_desk.services.dashboard import load_dashboard
from livestream_desk.services.reports import monthly_report, sales_span

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
application = QApplication(["livestream-desk"])
from livestream_desk import app as app_module
from livestream_desk.ui.main_window import MainWindow

class AtPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("NET:", watched.text())
            print("LOADED:", sorted(m for m in ("sqlalchemy", "pyqtgraph") if m in sys.modules))
            QTimer.singleShot(0, QApplication.instance().closeAllWindows)
        return False

spy = AtPaint()

def watch():
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None:
        QTimer.singleShot(5, watch)
        return
    print("EARLY:", window.early_view is not None)
    if window.early_view is not None:
        window.early_view.cards.net.value_label.installEventFilter(spy)
    else:
        window.close()

QTimer.singleShot(0, watch)
sys.exit(app_module.run_gui(sys.argv[1], "zh_CN"))
"""


def test_quick_figures_equal_the_report_service(demo_db):
    span = sales_span(demo_db)
    expected = monthly_report(demo_db, span.last, span.last).latest
    assert latest_month_figures(demo_db.path) == expected
    assert load_dashboard(demo_db).report.latest == expected  # what the dashboard then shows


def test_no_quick_figures_without_sales_or_file(db, tmp_path):
    assert latest_month_figures(db.path) is None
    assert latest_month_figures(tmp_path / "missing.sqlite3") is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert latest_month_figures(garbage) is None


def test_first_paint_shows_the_figures_before_sqlalchemy_is_loaded(demo_db, tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LIVESTREAM_DESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(demo_db.path)], capture_output=True,
                            text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = latest_month_figures(demo_db.path)
    assert "EARLY: True" in result.stdout
    assert f"NET: {format_short(figures.net_sales_fen)}" in result.stdout
    assert "LOADED: []" in result.stdout  # neither SQLAlchemy nor pyqtgraph before the figures


def test_early_figures_stay_until_the_dashboard_has_its_own(qtbot, window_factory, demo_db):
    from livestream_desk.ui.screenshot import wait_until_idle

    figures = latest_month_figures(demo_db.path)
    window = window_factory(None, remember_state=False, early_figures=figures)
    window.resize(1366, 768)
    window.show()
    assert window.early_view is not None and window.front.currentWidget() is window.early_view
    assert window.early_view.cards.net.value_label.text() == format_short(figures.net_sales_fen)
    dashboard_loaded = []
    window.attach_database(demo_db)
    window.page("dashboard").loaded.connect(lambda: dashboard_loaded.append(True))
    assert window.early_view is not None  # still in front while the dashboard loads behind it
    qtbot.waitUntil(lambda: window.early_view is None, timeout=15_000)
    assert wait_until_idle(window)
    assert window.front.currentWidget() is window.stack
    dashboard = window.page("dashboard")
    assert dashboard.isVisible() and dashboard.data().report.latest == figures
    assert dashboard.cards.net.value_label.text() == format_short(figures.net_sales_fen)
