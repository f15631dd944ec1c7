"""The reports page's refresh for a year over 1,000,000 sale lines against the monthly report
service alone for the same year (issue 10 item 6 goal: ≤ 2×).

    python bench/bench_reports_page.py [--sales N] [--db PATH] [--repeats N]

Measured in one process on the same demo database (bench/_common.py's cached demo-N.sqlite3,
built with the demo generator on first use, or --db):

  (a) the baseline: `monthly_report()` for the year alone (the monthly summary table);
  (b) the reports page offscreen at 1366×768: from `set_period(year)` to `loaded` (the
      background queries — `period_report`, the monthly table's `monthly_report` — the hop
      back to the GUI thread, filling eight tables and three charts), then a synchronous repaint;
  (c) for information: `period_report()` for the year alone (what the page's worker reads;
      the report tables since migration 0006, no sale line).

The ratio is (b) / (a). They alternate so that both see the same machine state; medians of
--repeats runs after a warm-up (the first refresh imports pyqtgraph and builds the charts).
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
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

GOAL = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from _common import demo_database

    path = args.db or demo_database(args.sales)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from livestream_desk.db.engine import open_database
    from livestream_desk.services.reports import ReportPeriod, monthly_report, period_report, report_span
    from livestream_desk.ui.reports import ReportsPage
    from livestream_desk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    database = open_database(path)
    span = report_span(database)
    if span is None:
        print("the database has no sales")
        return 1
    year = ReportPeriod.year(span[1].year)
    other = ReportPeriod.year(span[1].year - 1)
    runner = TaskRunner()
    page = ReportsPage(database, runner)
    page.resize(1366, 700)

    def wait_loaded(action) -> float:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        started = time.perf_counter()
        action()
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        page.loaded.disconnect(loop.quit)
        page.repaint()
        return time.perf_counter() - started

    first = wait_loaded(page.show)  # the newest month; imports pyqtgraph, builds the charts
    wait_loaded(lambda: page.set_period(other))  # warm-up of the year queries
    service, page_times, monthly = [], [], []
    for _ in range(args.repeats):
        started = time.perf_counter()
        period_report(database, year)
        service.append(time.perf_counter() - started)
        started = time.perf_counter()
        monthly_report(database, year.first, year.last)
        monthly.append(time.perf_counter() - started)
        wait_loaded(lambda: page.set_period(other))  # so that the next one is a real change
        page_times.append(wait_loaded(lambda: page.set_period(year)))
    figures = page.data().report.figures
    s, p, m = (statistics.median(x) * 1000 for x in (service, page_times, monthly))

    def runs(values) -> str:
        return ", ".join(f"{x * 1000:.1f}" for x in values)

    print(f"database: {path} ({figures.gmv_fen / 100:,.2f} yuan GMV in {year.label})")
    print(f"first show (newest month, imports pyqtgraph): {first * 1000:.0f} ms")
    print(f"(a) monthly_report({year.label}) alone: median {m:.1f} ms  (runs: {runs(monthly)})")
    print(f"(b) reports page refresh to loaded + repaint: median {p:.1f} ms  (runs: {runs(page_times)})")
    print(f"(c) period_report({year.label}) alone: median {s:.1f} ms  (runs: {runs(service)})")
    ratio = p / m
    print(f"page / monthly report: {ratio:.2f}× (goal ≤ {GOAL}×) {'OK' if ratio <= GOAL else 'OVER'}")
    print(f"page / period_report: {p / s:.2f}×")
    runner.wait(10_000)
    page.close()
    database.dispose()
    del app
    return 0 if ratio <= GOAL else 2


if __name__ == "__main__":
    raise SystemExit(main())
