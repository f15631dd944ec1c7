"""`export monthly --to FILE [--from YYYY-MM] [--until YYYY-MM]`: the monthly report as a table file."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar, month

SUFFIXES = (".xlsx", ".csv")
SUMMARY = (
    "  monthly   the monthly report (.xlsx or .csv), the columns of `report monthly --format csv`:\n"
    "            month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct, one row\n"
    "            per month (months without sales included); --from YYYY-MM / --until YYYY-MM\n"
    "            choose the months, by default the first to the last month with a paid sale"
)


def register(kinds: Registrar) -> None:
    parser = kinds.add("monthly", "the monthly report (.xlsx or .csv)", run)
    parser.add_argument("--from", dest="first", type=month, metavar="YYYY-MM", help="first month")
    parser.add_argument("--until", dest="last", type=month, metavar="YYYY-MM", help="last month")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.monthly_export import save_monthly_report
    from ..commands.report import monthly_report_for
    from .output import exporting

    with exporting(args, SUFFIXES, month_option="--until") as (target, database):
        report = monthly_report_for(database, args.first, args.last, None)
        count = save_monthly_report(report, target)
    if report.rows:
        console.say("cli.exported_month" if count == 1 else "cli.exported_months", count=count, first=str(report.rows[0].month),
                    last=str(report.rows[-1].month), target=str(target))
    else:
        console.say("cli.exported_no_months", target=str(target))
    return EXIT_OK
