"""Start the real app on a database and quit as soon as the dashboard's figures are on screen.

    python bench/first_figures.py DATABASE [--until cards|chart]

`cards` (default): quit right after the first paint that shows the KPI cards with figures —
the early figures read with plain sqlite3 (db/quick_figures.py), or the dashboard's own when
there are none (a server, an empty database). `chart`: quit when the dashboard has loaded
its figures and drawn its chart.

Used by bench_startup.py to report how long a user waits for data, beside the --smoke figure
(which stops at the first paint of the window frame).
"""
import argparse
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

parser = argparse.ArgumentParser()
parser.add_argument("database")
parser.add_argument("--until", choices=("cards", "chart"), default="cards")
args = parser.parse_args()

application = QApplication(["livestream-desk"])  # timers need the application's event loop

from livestream_desk import app as app_module  # noqa: E402 - after the QApplication, as the app does
from livestream_desk.ui.main_window import MainWindow  # noqa: E402


class QuitAfterPaint(QObject):
    """The figures are on screen once this paint is done: leave at once. The process does
    not wait for the database that is still opening behind them (the bare window it is
    compared with has nothing to wait for either)."""

    def eventFilter(self, watched, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, leave_now)
        return False


def leave_now() -> None:
    sys.stdout.flush()
    os._exit(0)


quitter = QuitAfterPaint()


def watch() -> None:
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None:
        QTimer.singleShot(5, watch)
        return
    if args.until == "cards" and window.early_view is not None:
        window.early_view.cards.net.value_label.installEventFilter(quitter)
        if window.early_view.cards.net.value_label.isVisible():
            window.early_view.cards.net.value_label.update()
        return
    if window.database is None:
        QTimer.singleShot(5, watch)
        return
    dashboard = window.page("dashboard")
    if dashboard.is_loading() or dashboard.data() is None:
        dashboard.loaded.connect(window.close)
    else:
        window.close()


QTimer.singleShot(0, watch)
sys.exit(app_module.run_gui(args.database, None))
