"""The period report service on a 1M-sale database: a month, a quarter and a year, against the
monthly report service in the same run (medians of --repeats warm runs, in process).

    python bench/bench_report_service.py [--sales N] [--repeats N]
"""
import argparse
import statistics
import time

from _common import demo_database

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--sales", type=int, default=1_000_000)
parser.add_argument("--repeats", type=int, default=5)
args = parser.parse_args()

from livestream_desk.db.engine import open_database  # noqa: E402
from livestream_desk.services.reports import ReportPeriod, monthly_report, period_report, report_span  # noqa: E402


def median_seconds(call) -> float:
    call()  # warm the page cache
    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


database = open_database(demo_database(args.sales))
first, last = report_span(database)
for period in (ReportPeriod.month(last), ReportPeriod.quarter_of(last), ReportPeriod.year(last.year)):
    report = median_seconds(lambda: period_report(database, period))
    monthly = median_seconds(lambda: monthly_report(database, period.first, period.last))
    print(f"{period.label:>10}: period_report {report * 1000:7.1f} ms   monthly_report {monthly * 1000:6.1f} ms")
database.dispose()
