"""`report monthly`: the monthly report as a table, csv or json."""
from __future__ import annotations

import argparse
from typing import Optional

from ..console import EXIT_OK, Console
from ..parser import Registrar, month, platform

DESCRIPTION = (
    "Print one row per month in the range, months without sales included with zeros.\n\n"
    "formats:\n"
    "  table  aligned columns for people, money as ¥1,234.50, growth as +12.3%, a total row\n"
    "  csv    month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\n"
    "         money in yuan with two decimals (1234.50), growth with one decimal, empty\n"
    "         when the previous month's net sales were 0\n"
    "  json   a list of objects with the same keys as the csv columns; livestreams, orders\n"
    '         and units are numbers, money is a string with two decimals ("1234.50"),\n'
    '         mom_growth_pct a string with one decimal ("-5.3") or null\n\n'
    "csv and json do not change with --lang. Without --from/--to the range runs from the\n"
    "first to the last month with a paid sale. Growth of the first month compares with the\n"
    "calendar month before it."
)


def register(commands: Registrar) -> None:
    report = commands.add("report", "print the monthly report", run, DESCRIPTION)
    report.add_argument("kind", choices=("monthly",), metavar="monthly", help="the report (monthly)")
    report.add_argument("--from", dest="first", type=month, metavar="YYYY-MM", help="first month")
    report.add_argument("--to", dest="last", type=month, metavar="YYYY-MM", help="last month")
    report.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default table)")
    report.add_argument(
        "--platform",
        type=platform,
        metavar="PLATFORM",
        help="only this platform: douyin, kuaishou, shipinhao, taobao, jd, pinduoduo, other, "
        "or 抖音, 快手, 视频号, 淘宝, 京东, 拼多多, 其他",
    )


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import open_for_reading
    from ..parser import check_month_order

    check_month_order(args.first, args.last, "--to")
    database = open_for_reading(args.db)
    try:
        report = monthly_report_for(database, args.first, args.last, args.platform)
    finally:
        database.dispose()

    if args.format == "csv":
        import csv
        import sys

        from ...services.report_export import monthly_report_csv_rows

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows(monthly_report_csv_rows(report))
        sys.stdout.flush()
    elif args.format == "json":
        from ...services.report_format import monthly_report_json

        console.write(monthly_report_json(report))
    else:
        from ...services.report_format import monthly_report_table

        console.write(monthly_report_table(report, console.translate))
    return EXIT_OK


def monthly_report_for(database, first, last, platform: Optional[str]):
    """The monthly report for --from / --to (export: --until); a missing end is taken from
    the months with paid sales, as DESIGN §7 says."""
    from ...domain.period import PeriodError
    from ...services.errors import UserError
    from ...services.reports import monthly_report, sales_span

    if (first is None) != (last is None):
        span = sales_span(database, platform)
        if first is None:
            first = min(last, span.first) if span else last
        else:
            last = max(first, span.last) if span else first
    try:
        return monthly_report(database, first, last, platform)
    except PeriodError as exc:  # e.g. the month before --from 1900-01 does not exist
        raise UserError("reports.cannot_report", first=str(first), last=str(last), reason=exc.message) from exc
