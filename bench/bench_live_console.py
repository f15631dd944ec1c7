"""One live-console key press (services/sales/console.py log_sale) on the 1,000,000-line demo
database, against the same sale line inserted with plain sqlite3, in the same run.

    python bench/bench_live_console.py [--entries N] [--recompute N] [--no-check]

Works on a copy of bench/out/demo-1000000.sqlite3 (built once by `demo --sales 1000000
--seed 1`) in /tmp. The clock is pinned inside the demo's busiest month (October 2026, about
68,000 lines), on its busiest livestream: each entry adds a line to that month and that
livestream, so the summary and report tables have the most to follow. Entries alternate:

  baseline   INSERT of the same line with sqlite3 and a commit (no checks, no stock, no tables);
  console    log_sale: the lineup item and stock checked, the order number picked, the line
             written through SaleLineWriter (the tables follow by deltas), stock moved, committed;
  recompute  (--recompute N entries, 0 to skip) log_sale with the month recomputed instead of
             the deltas (SaleLineWriter.SMALL_CHANGE = 0): what every key press cost before.

Prints the median and worst of each and the ratios to the baseline; at the end checks that the
summary and the report tables equal the lines (summary_mismatches(), a full pass: --no-check
skips it).
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import demo_database  # noqa: E402

COPY = Path("/tmp/bench-live-console.sqlite3")
MONTH = 202610
START = datetime(2026, 10, 20, 20, 0, 0)


def pick(conn) -> tuple[int, str, int, int]:
    """(livestream id, platform, lineup item id, product id): the busiest livestream of MONTH
    with a lineup, and its lineup item whose product has the most stock."""
    row = conn.execute(
        "SELECT r.livestream_id, r.platform FROM report_livestream_month r WHERE r.month = ? "
        "AND EXISTS (SELECT 1 FROM lineup_items li WHERE li.livestream_id = r.livestream_id) "
        "GROUP BY r.livestream_id, r.platform ORDER BY SUM(r.lines) DESC LIMIT 1", (MONTH,)).fetchone()
    livestream_id, platform = row
    item_id, product_id = conn.execute(
        "SELECT li.id, li.product_id FROM lineup_items li JOIN products p ON p.id = li.product_id "
        "WHERE li.livestream_id = ? ORDER BY p.stock DESC LIMIT 1", (livestream_id,)).fetchone()
    return livestream_id, platform, item_id, product_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--recompute", type=int, default=10)
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()

    source = demo_database(1_000_000)
    for suffix in ("", "-wal", "-shm"):
        Path(str(COPY) + suffix).unlink(missing_ok=True)
    shutil.copy(source, COPY)

    from livestream_desk.db.engine import open_database
    from livestream_desk.services import sale_lines, uow
    from livestream_desk.services.sales.console import log_sale
    from livestream_desk.services.summary import summary_mismatches

    plain = sqlite3.connect(COPY, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):  # as the app's connections
        plain.execute(f"PRAGMA {pragma}")
    livestream_id, platform, item_id, product_id = pick(plain)
    plain.execute("UPDATE products SET stock = stock + 100000 WHERE id = ?", (product_id,))
    price = plain.execute("SELECT list_price_fen FROM products WHERE id = ?", (product_id,)).fetchone()[0]
    month_lines = plain.execute("SELECT SUM(lines) FROM monthly_sales_summary WHERE month = ?", (MONTH,)).fetchone()[0]
    total = plain.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    print(f"{total:,} sale lines; livestream {livestream_id} ({platform}), {month_lines:,} lines in {MONTH}")

    db = open_database(COPY)
    ticks = iter(range(10**6))
    uow.clock = lambda: START + timedelta(seconds=next(ticks))

    def baseline(n: int) -> float:
        started = time.perf_counter()
        plain.execute("BEGIN IMMEDIATE")
        plain.execute(
            "INSERT INTO sales (livestream_id, product_id, item_name, platform, order_id, line_id, quantity, "
            "unit_price_fen, paid_fen, paid_at, refunded_fen, refunded_quantity, order_status, traffic_source, "
            "source, created_at, version, updated_by) VALUES (?, ?, 'x', ?, ?, ?, 1, ?, ?, ?, 0, 0, '', '', 'manual', ?, 1, '')",
            (livestream_id, product_id, platform, f"B{n:05d}", str(item_id), price, price,
             (START + timedelta(seconds=n)).isoformat(" "), START.isoformat(" ")))
        plain.execute("COMMIT")
        return time.perf_counter() - started

    def console() -> float:
        started = time.perf_counter()
        log_sale(db, livestream_id, item_id)
        return time.perf_counter() - started

    baseline(0), console()  # warm the caches and the statements
    runs: dict[str, list[float]] = {"baseline": [], "console": [], "recompute": []}
    for n in range(1, args.entries + 1):
        runs["baseline"].append(baseline(n))
        runs["console"].append(console())
    if args.recompute:
        small = sale_lines.SMALL_CHANGE
        sale_lines.SMALL_CHANGE = 0  # every write is "large": the month recomputed, as before
        try:
            for _ in range(args.recompute):
                runs["recompute"].append(console())
        finally:
            sale_lines.SMALL_CHANGE = small
    for label, times in runs.items():
        if times:
            print(f"  {label:10s} median {statistics.median(times) * 1000:7.1f} ms  worst {max(times) * 1000:7.1f} ms"
                  f"  ({len(times)} entries)")
    base = statistics.median(runs["baseline"])
    print(f"  console ÷ baseline: median {statistics.median(runs['console']) / base:5.1f}×, "
          f"worst {max(runs['console']) / base:5.1f}×")
    if runs["recompute"]:
        print(f"  recompute ÷ baseline: median {statistics.median(runs['recompute']) / base:5.1f}×, "
              f"worst {max(runs['recompute']) / base:5.1f}×")
    if not args.no_check:
        with uow.reading(db) as conn:
            problems = summary_mismatches(conn)
        print(f"  summary and report tables equal to the lines: {'yes' if not problems else problems[:3]}")
    db.dispose()
    plain.close()


if __name__ == "__main__":
    main()
