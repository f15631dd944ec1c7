"""The dashboard's refresh against the report service alone (goal: ≤ 1.5×).

    python bench/bench_dashboard.py [--sales N] [--db PATH] [--repeats N]

Both are measured in the same process on the same demo database (built with the demo
generator on first use and kept in bench/out/, or the file given with --db or the
LIVESTREAM_DESK_BENCH_DB environment variable):

  (a) `monthly_report()` for the last 24 months, alone;
  (b) the dashboard page, offscreen at 1366×768 showing the last 24 months: from `refresh()`
      to `loaded` (the background query, the hop back to the GUI thread, and updating the
      cards and the chart), plus (b+paint) the same followed by a synchronous repaint;
  (c) for information: refreshes whose figures change every time (switching between all
      platforms and one), so the cards and the chart are redrawn, against the report for the
      same platform. (On F5 with unchanged figures the page skips redrawing what is on screen.)

Medians of --repeats runs after a warm-up; (a) and (b) are interleaved so that both see the
same machine state. The first refresh imports pyqtgraph and builds the chart: a one-off
cost, reported separately.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

GOAL = 1.5


def build_database(path: Path, sales: int) -> None:
    from livestream_desk.db.engine import open_database
    from livestream_desk.services.demo import generate_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {path} with {sales:,} sale lines…", flush=True)
    started = time.perf_counter()
    database = open_database(path)
    try:
        summary = generate_demo(database, sales=sales, seed=1)
    finally:
        database.dispose()
    print(f"  built in {time.perf_counter() - started:.1f} s: {summary}", flush=True)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=1_000_000, help="sale lines of the demo database")
    parser.add_argument("--db", type=Path, default=os.environ.get("LIVESTREAM_DESK_BENCH_DB"), help="use this database")
    parser.add_argument("--repeats", type=int, default=41)
    args = parser.parse_args()

    path = args.db or ROOT / "bench" / "out" / f"demo-{args.sales}.sqlite3"
    if not Path(path).exists():
        build_database(Path(path), args.sales)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from livestream_desk.db.engine import open_database
    from livestream_desk.services.dashboard import PeriodChoice
    from livestream_desk.services.reports import monthly_report, sales_span
    from livestream_desk.ui.dashboard import DashboardPage
    from livestream_desk.ui.tasks import TaskRunner

    database = open_database(path)
    span = sales_span(database)
    if span is None:
        raise SystemExit(f"{path} has no sales")
    last = span.last
    first = last + (-23)
    with database.engine.connect() as conn:
        lines = conn.exec_driver_sql("SELECT count(*) FROM sales").scalar()
    print(f"database: {path} ({lines:,} sale lines), months {first} to {last}")

    from PySide6.QtWidgets import QMainWindow

    from livestream_desk.ui.main_window import MINIMUM_SIZE

    runner = TaskRunner()
    # Hosted as in the app: the page inside a main window whose minimum size is its own
    # (a bare page shown as a window would ask the platform to resize it as it fills).
    window = QMainWindow()
    window.setMinimumSize(MINIMUM_SIZE)
    page = DashboardPage(database, runner)
    window.setCentralWidget(page)
    window.resize(1366, 768)
    loop = QEventLoop()
    page.loaded.connect(loop.quit)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(lambda: (loop.quit(), print("timed out waiting for `loaded`", flush=True)))

    def settle() -> None:
        """Let Qt finish what earlier steps queued (a scene change takes a few rounds to
        become a paint), so that no timing pays for the previous step's drawing."""
        for _ in range(4):
            app.processEvents()

    def wait_loaded() -> None:
        timeout.start(60_000)
        loop.exec()
        timeout.stop()

    started = time.perf_counter()
    window.show()  # the first refresh: runs after the first paint, imports pyqtgraph, builds the chart
    wait_loaded()
    first_load = time.perf_counter() - started
    combo = page.period_selector.combo
    combo.setCurrentIndex(combo.findData(PeriodChoice.LAST_24.value))
    wait_loaded()
    assert page.data().range.first == first and page.data().range.last == last
    assert len(page.chart.bar_heights()) == 24
    app.processEvents()

    monthly_report(database, first, last)  # warm-up
    page.refresh()
    wait_loaded()
    # Interleaved, so that both see the same machine state (caches, clock speed, other load).
    report_times, refresh_times, paint_times = [], [], []
    for _ in range(args.repeats):
        settle()
        # (a) the report service alone
        started = time.perf_counter()
        monthly_report(database, first, last)
        report_times.append(time.perf_counter() - started)
        settle()
        # (b) the dashboard: refresh() → loaded (the task, the hop back, updating cards and chart)
        started = time.perf_counter()
        page.refresh()
        wait_loaded()
        loaded = time.perf_counter()
        page.repaint()
        painted = time.perf_counter()
        refresh_times.append(loaded - started)
        paint_times.append(painted - started)

    # (c) figures that change every time (all platforms ↔ one platform): the full redraw.
    platform = page.data().platforms[0]
    changed_report_times, changed_refresh_times = [], []
    for index in range(args.repeats + 1):
        choice = platform if index % 2 == 0 else None
        settle()
        started = time.perf_counter()
        monthly_report(database, first, last, platform=choice)
        report_time = time.perf_counter() - started
        settle()
        started = time.perf_counter()
        page.controller.set_platform(choice)  # what choosing it in the platform box does
        wait_loaded()
        if index:  # the first switch warms the other platform's path
            changed_report_times.append(report_time)
            changed_refresh_times.append(time.perf_counter() - started)
    runner.wait()

    a = median_ms(report_times)
    b = median_ms(refresh_times)
    b_paint = median_ms(paint_times)
    print()
    print(f"first dashboard load (import pyqtgraph, build chart, query): {first_load * 1000:8.1f} ms (one-off)")
    print(f"(a) monthly_report(), 24 months, alone      median {a:8.2f} ms  over {args.repeats} runs")
    print(f"(b) dashboard refresh() → loaded            median {b:8.2f} ms  ratio b/a = {b / a:.2f}×")
    print(f"    … and a synchronous repaint of the page median {b_paint:8.2f} ms  ratio = {b_paint / a:.2f}×")
    c_a, c_b = median_ms(changed_report_times), median_ms(changed_refresh_times)
    print(
        f"(c) with figures that change each time (all platforms ↔ {platform}): "
        f"report {c_a:.2f} ms, dashboard {c_b:.2f} ms, ratio {c_b / c_a:.2f}×"
    )
    verdict = "OK" if b / a <= GOAL else "OVER"
    print(f"goal: b ≤ {GOAL}× a → {verdict}")
    database.dispose()
    return 0 if b / a <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
