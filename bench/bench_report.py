"""`report monthly` on a 1M-sale database against the same command on an empty one (goal ≤ 1.5×).

    python bench/bench_report.py [--sales N] [--repeats N]
"""
import argparse

from _common import CLI, compare, demo_database, empty_database

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--sales", type=int, default=1_000_000)
parser.add_argument("--repeats", type=int, default=9)
args = parser.parse_args()

database = demo_database(args.sales)
empty = empty_database()
compare(
    f"report monthly on {args.sales:,} sale lines vs an empty database",
    [*CLI, "report", "monthly", "--db", str(empty), "--format", "csv", "--from", "2024-01", "--to", "2025-12"],
    [*CLI, "report", "monthly", "--db", str(database), "--format", "csv"],
    repeats=args.repeats,
    limit_time=1.5,
)
