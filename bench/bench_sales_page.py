"""The sales page's first paint with 1,000,000 sale lines against 1,000 lines (goal: at most 3×).

    python bench/bench_sales_page.py [--rounds N] [--large N] [--small N]

The demo databases (`livestream-desk demo --sales N --seed 1`) are built once and kept in
bench/out/. Each round builds the real SalesPage offscreen at 1366×768 on each database in
turn (same run, alternating) and times:

  first paint   from building the page to its first window of lines on screen: the count and
                the window in the TaskRunner, the model reset and a synchronous repaint of the
                table (view.viewport().repaint()).
  totals        from building the page to the totals row (合计) filled: the §5 figures of the
                whole list, read after the rows (from the monthly summary when no filter asks
                for the raw lines).
  scroll        a jump to the middle of the list: the window there read and painted.

Medians of --rounds rounds (default 3) and the worst, with the ratio large ÷ small.
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
os.environ.setdefault("LIVESTREAM_DESK_DATA_DIR", str(ROOT / "bench" / "out" / "data"))

from _common import demo_database  # noqa: E402

GOAL = 3.0


def wait(app, condition, timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise SystemExit("timed out waiting for the sales page")
        app.processEvents()
        time.sleep(0.0005)


def one_round(app, path: Path) -> dict[str, float]:
    from livestream_desk.db.engine import open_database
    from livestream_desk.ui.sales.page import SalesPage
    from livestream_desk.ui.tasks import TaskRunner

    database = open_database(path)
    runner = TaskRunner()
    try:
        started = time.perf_counter()
        page = SalesPage(database, runner)
        page.resize(1366, 768)
        page.show()
        page.refresh()
        wait(app, lambda: page.model.has_loaded())
        page.view.viewport().repaint()
        first_paint = time.perf_counter() - started
        wait(app, lambda: not page.totals_load.is_loading())
        totals = time.perf_counter() - started
        wait(app, lambda: not page.is_loading())
        middle = page.model.rowCount() // 2
        scroll_started = time.perf_counter()
        page.view.scrollTo(page.model.index(middle, 0))
        page.view.viewport().repaint()
        wait(app, lambda: page.model.sale(middle) is not None)
        page.view.viewport().repaint()
        scroll = time.perf_counter() - scroll_started
        rows = page.model.rowCount()
        page.close()
        page.deleteLater()
        app.processEvents()
        return {"first paint": first_paint * 1000, "totals": totals * 1000, "scroll": scroll * 1000, "rows": rows}
    finally:
        runner.cancel_all()
        runner.wait(10_000)
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    small_path, large_path = demo_database(args.small), demo_database(args.large)

    from PySide6.QtWidgets import QApplication

    from livestream_desk import i18n

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install_translators(app, i18n.CHINESE)
    one_round(app, small_path), one_round(app, large_path)  # warm caches and imports
    results: dict[str, list[dict]] = {"small": [], "large": []}
    for _ in range(args.rounds):
        results["small"].append(one_round(app, small_path))
        results["large"].append(one_round(app, large_path))

    print(f"sales page at 1366×768, {args.rounds} rounds; "
          f"{results['small'][0]['rows']:,} lines vs {results['large'][0]['rows']:,} lines")
    print(f"{'':12} {'small median':>13} {'worst':>8} {'large median':>13} {'worst':>8} {'ratio':>7}")
    ratios = {}
    for key in ("first paint", "totals", "scroll"):
        small = [r[key] for r in results["small"]]
        large = [r[key] for r in results["large"]]
        ratio = statistics.median(large) / statistics.median(small)
        ratios[key] = ratio
        print(f"{key:12} {statistics.median(small):10.1f} ms {max(small):5.1f} ms "
              f"{statistics.median(large):10.1f} ms {max(large):5.1f} ms {ratio:6.2f}×")
    verdict = "OK" if ratios["first paint"] <= GOAL else "OVER"
    print(f"first paint ratio {ratios['first paint']:.2f}× (goal ≤ {GOAL:.0f}×): {verdict}")


if __name__ == "__main__":
    main()
