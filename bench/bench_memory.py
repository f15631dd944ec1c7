"""Peak memory of the window on the 1,000,000-line database after visiting every page, against
a bare QMainWindow shown and closed (bench/bare_window.py) in the same run (goal: ≤ 5×; the
office PCs have 4 GB).

Each round starts both in fresh processes (baseline first) and reads their peak RSS from the
kernel (wait4's ru_maxrss). The window is started as users start it (app.run_gui: the frame
first, the database opened on a worker); once the pages are built, it shows every page of
MainWindow.PAGES in turn, waits until the page has loaded (no operation running), lets it
settle, and notes the process's RSS after each page; then it closes.

    python bench/bench_memory.py [--sales N | --db FILE] [--rounds N] [--tracemalloc]

Prints each round's ratio, the median and the worst, and the RSS after each page (last
round). --tracemalloc also lists the Python allocations alive at the end, by file (slower;
the RSS of that run is not comparable).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import OUT, ROOT, bench_env, demo_database

GOAL = 5.0
SETTLE_S = 1.0  # after a page has loaded: let its charts and tables paint and timers fire


def rss_kib() -> int:
    """Resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def child(database: str, report: str, trace: bool) -> int:
    """The app on `database`: visit every page, write {page: RSS KiB} to `report`, quit."""
    if trace:
        import tracemalloc

        tracemalloc.start(1)
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from livestream_desk import app as app_module
    from livestream_desk.ui.main_window import MainWindow
    from livestream_desk.ui.screenshot import wait_until_idle

    figures: dict[str, int] = {}

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)

    def visit() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or window.database is None:
            QTimer.singleShot(20, visit)
            return
        figures["pages built"] = rss_kib()
        for key in window.page_keys():
            window.show_page(key)
            if not wait_until_idle(window, timeout=120):
                print(f"page {key} still loading after 120 s", file=sys.stderr)
            settle(SETTLE_S)
            figures[key] = rss_kib()
        if trace:
            import tracemalloc

            snapshot = tracemalloc.take_snapshot()
            top = snapshot.statistics("filename")[:25]
            figures["tracemalloc"] = [(str(stat.traceback[0].filename), stat.size // 1024) for stat in top]
        Path(report).write_text(json.dumps(figures), encoding="utf-8")
        window.close()

    QTimer.singleShot(0, visit)
    return app_module.run_gui(database, None)


def measure(command: list[str], env: dict[str, str]) -> int:
    """Peak RSS (KiB) of one run of `command`."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="use this database instead of the cached demo one (--sales is then ignored)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("DB", "REPORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child, trace=args.tracemalloc)

    database = args.db or demo_database(args.sales)
    env = bench_env()
    env["XDG_CONFIG_HOME"] = str(OUT / "config")  # the window's QSettings stay out of the user's
    report = OUT / "memory-pages.json"
    bare = [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
    window = [sys.executable, str(Path(__file__).resolve()), "--child", str(database), str(report)]
    if args.tracemalloc:
        window.append("--tracemalloc")
    measure(bare, env), measure(window, env)  # warm the file cache (and upgrade the database once)

    ratios = []
    print(f"peak RSS: the window on {args.sales:,} sale lines after visiting every page vs a bare QMainWindow")
    for round_number in range(1, args.rounds + 1):
        base, subject = measure(bare, env), measure(window, env)
        ratios.append(subject / base)
        print(f"  round {round_number}: {subject / 1024:6.1f} MiB vs {base / 1024:5.1f} MiB = {subject / base:.2f}×", flush=True)
    median, worst = statistics.median(ratios), max(ratios)
    verdict = "ok" if worst <= GOAL else ("median ok, worst OVER" if median <= GOAL else "OVER")
    print(f"  ratio median {median:.2f}×, worst {worst:.2f}×  (goal ≤ {GOAL}×: {verdict})")

    figures = json.loads(report.read_text(encoding="utf-8"))
    trace = figures.pop("tracemalloc", None)
    print("RSS after each page (last round):")
    previous = None
    for name, kib in figures.items():
        growth = f"  (+{(kib - previous) / 1024:.1f})" if previous is not None else ""
        print(f"  {name:12s} {kib / 1024:7.1f} MiB{growth}")
        previous = kib
    if trace:
        print("Python allocations alive at the end, by file (KiB):")
        for filename, kib in trace:
            print(f"  {kib:8,d}  {filename.replace(str(ROOT) + os.sep, '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
