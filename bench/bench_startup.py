"""Start-up time and peak memory of `livestream-desk --smoke` on a 1M-sale database,
against a bare QMainWindow shown and closed (goals: ≤ 3× the time, ≤ 2× the memory).

--smoke stops at the first paint of the window frame, before the database is opened. The
second comparison stops when the KPI figures are on screen (goal: ≤ 5× the bare window;
they are read with plain sqlite3 and shown in the first paint, db/quick_figures.py); the
third when the dashboard has loaded through the services and drawn its chart (no goal).

    python bench/bench_startup.py [--sales N] [--repeats N]
"""
import argparse
import sys
from pathlib import Path

from _common import CLI, compare, demo_database

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--sales", type=int, default=1_000_000)
parser.add_argument("--repeats", type=int, default=7)
args = parser.parse_args()

database = demo_database(args.sales)
compare(
    f"start-up: --smoke on {args.sales:,} sale lines vs a bare QMainWindow",
    [sys.executable, str(Path(__file__).with_name("bare_window.py"))],
    [*CLI, "--db", str(database), "--smoke"],
    repeats=args.repeats,
    limit_time=3.0,
    limit_memory=2.0,
)
compare(
    f"start-up until the KPI figures are on screen, {args.sales:,} sale lines, vs a bare QMainWindow",
    [sys.executable, str(Path(__file__).with_name("bare_window.py"))],
    [sys.executable, str(Path(__file__).with_name("first_figures.py")), str(database), "--until", "cards"],
    repeats=args.repeats,
    limit_time=5.0,
    limit_memory=None,
)
compare(
    f"start-up until the dashboard has drawn its chart, {args.sales:,} sale lines, vs a bare QMainWindow",
    [sys.executable, str(Path(__file__).with_name("bare_window.py"))],
    [sys.executable, str(Path(__file__).with_name("first_figures.py")), str(database), "--until", "chart"],
    repeats=args.repeats,
    limit_time=None,
    limit_memory=None,
)
