"""Start the real app on a database and quit as soon as the dashboard has drawn its figures.

Used by bench_startup.py to report how long a user waits for data, beside the --smoke figure
(which stops at the first paint of the window frame).
"""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from livestream_desk import app as app_module
from livestream_desk.ui.main_window import MainWindow


def watch() -> None:
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window.database is None:
        QTimer.singleShot(5, watch)
        return
    dashboard = window.page("dashboard")
    if dashboard.is_loading() or dashboard.data() is None:
        dashboard.loaded.connect(window.close)
    else:
        window.close()


QTimer.singleShot(0, watch)
sys.exit(app_module.run_gui(sys.argv[1], None))
