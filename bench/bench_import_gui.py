"""The window stays responsive during a GUI order import (issue 9 item 11).

    python bench/bench_import_gui.py [--lines N] [--rounds N] [--idle SECONDS]

A QTimer ticks every 10 ms on the GUI thread and the longest gap between two ticks is recorded:

  idle     the order import dialog shown, nothing running, for --idle seconds (default 2);
  preview  the dialog reads and previews a --lines (default 100,000) line 抖店 CSV
           (`load_file`, as after choosing the file): from the call until the preview is on
           screen, plus a few ticks after so the work done when the answer lands is counted;
  commit   the Import button pressed: until the batch is written and shown.

The CSV is made by bench_import_orders.make_douyin (kept in bench/out/). Each round imports into
a fresh copy of an empty database. Goal: the longest gap of each import phase at most 10× the
idle longest gap of the same round. Prints each round, then the median of the rounds and the
worst. "GUI-thread callback" is the time spent in the dialog's own answer handler (building the
preview table, the counts, the product list), which runs on the GUI thread.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ.setdefault("LIVESTREAM_DESK_DATA_DIR", str(ROOT / "bench" / "out" / "data"))

from _common import OUT, empty_database  # noqa: E402
from bench_import_orders import make_douyin  # noqa: E402

GOAL = 10.0
TICK_MS = 10
SETTLE_S = 0.2  # ticks kept after a phase ends, so a block in its answer handler is counted


class Ticker:
    """A 10 ms QTimer on the GUI thread; remembers the longest gap between ticks since reset()."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer, Qt

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1


def run_until(condition, timeout: float) -> None:
    """Run the real event loop (no processEvents polling from here) until `condition()`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.perf_counter() + timeout
    expired = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.perf_counter() > end:
            expired.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if expired:
        raise SystemExit("timed out waiting for the import dialog")


def settle(seconds: float) -> None:
    end = time.perf_counter() + seconds
    run_until(lambda: time.perf_counter() >= end, seconds + 5)


def timed_handler(dialog, name: str, spent: dict) -> None:
    """Wrap the dialog's answer handler `name` to time what it does on the GUI thread."""
    original = getattr(dialog, name)

    def handler(*args):
        started = time.perf_counter()
        try:
            return original(*args)
        finally:
            spent[name] = time.perf_counter() - started

    setattr(dialog, name, handler)


def one_round(ticker: Ticker, csv_path: Path, idle_seconds: float) -> dict[str, float]:
    from livestream_desk.db.engine import open_database
    from livestream_desk.ui.imports import open_import_dialog

    target = OUT / "import-gui.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copy(empty_database(), target)
    database = open_database(target)
    spent: dict[str, float] = {}
    try:
        dialog = open_import_dialog(None, database)
        timed_handler(dialog, "_previewed", spent)
        timed_handler(dialog, "_committed", spent)
        settle(0.3)  # first paint of the dialog

        ticker.reset()
        settle(idle_seconds)
        idle = ticker.longest

        ticker.reset()
        started = time.perf_counter()
        dialog.load_file(str(csv_path))
        run_until(lambda: not dialog.is_busy(), 600)
        preview_seconds = time.perf_counter() - started
        settle(SETTLE_S)
        preview = ticker.longest
        if dialog.preview is None or not dialog.import_button.isEnabled():
            raise SystemExit(f"the preview failed: {dialog.detected_label.text()}")
        new_lines = dialog.preview.new

        ticker.reset()
        started = time.perf_counter()
        dialog.import_button.click()
        run_until(lambda: not dialog.is_busy(), 600)
        commit_seconds = time.perf_counter() - started
        settle(SETTLE_S)
        commit = ticker.longest
        if dialog.result is None or dialog.result.new != new_lines:
            raise SystemExit(f"the import failed: {dialog.detected_label.text()}")

        dialog.close()
        settle(0.1)
        return {"idle": idle * 1000, "preview": preview * 1000, "commit": commit * 1000,
                "preview ratio": preview / idle, "commit ratio": commit / idle,
                "preview s": preview_seconds, "commit s": commit_seconds,
                "preview handler": spent.get("_previewed", 0.0) * 1000,
                "commit handler": spent.get("_committed", 0.0) * 1000, "lines": new_lines}
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--idle", type=float, default=2.0)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    csv_path = make_douyin(OUT / f"douyin-{args.lines}.csv", args.lines)

    from PySide6.QtWidgets import QApplication

    from livestream_desk import i18n

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("livestream-desk-bench")
    i18n.install_translators(app, i18n.CHINESE)
    ticker = Ticker()

    rounds = []
    print(f"order import dialog, 抖店 CSV of {args.lines:,} lines, {TICK_MS} ms timer on the GUI thread, "
          f"{args.rounds} rounds (idle {args.idle:.1f} s)")
    print(f"{'round':>5} {'idle gap':>9} {'preview gap':>12} {'ratio':>7} {'commit gap':>11} {'ratio':>7}"
          f"   {'preview':>8} {'commit':>8}   GUI-thread callback preview / commit")
    for number in range(1, args.rounds + 1):
        r = one_round(ticker, csv_path, args.idle)
        rounds.append(r)
        print(f"{number:5d} {r['idle']:6.1f} ms {r['preview']:9.1f} ms {r['preview ratio']:6.1f}× "
              f"{r['commit']:8.1f} ms {r['commit ratio']:6.1f}×   {r['preview s']:6.2f} s {r['commit s']:6.2f} s"
              f"   {r['preview handler']:.1f} ms / {r['commit handler']:.1f} ms", flush=True)

    print(f"{'':14} {'median':>10} {'worst':>10}")
    for key, unit in (("idle", "ms"), ("preview", "ms"), ("preview ratio", "×"), ("commit", "ms"), ("commit ratio", "×")):
        values = [r[key] for r in rounds]
        print(f"{key:14} {statistics.median(values):8.1f} {unit:2} {max(values):8.1f} {unit}")
    worst = max(max(r["preview ratio"], r["commit ratio"]) for r in rounds)
    median = max(statistics.median(r["preview ratio"] for r in rounds), statistics.median(r["commit ratio"] for r in rounds))
    print(f"longest gap during the import: median {median:.1f}× idle, worst {worst:.1f}× "
          f"(goal ≤ {GOAL:.0f}×): {'OK' if worst <= GOAL else ('OVER in the worst round' if median <= GOAL else 'OVER')}")
    app.processEvents()


if __name__ == "__main__":
    main()
