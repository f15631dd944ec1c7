"""`export report --to FILE.xlsx|FILE.pdf [--from YYYY-MM] [--until YYYY-MM]`: a period's report.

The workbook comes from services.reports.workbook; the PDF is laid out by Qt
(ui/exports/report_pdf.py), with a QGuiApplication made offscreen-capable when there is no
display (as for `export runsheet`).
"""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar, month

SUFFIXES = (".xlsx", ".pdf")
SUMMARY = (
    "  report    a period's report: .xlsx (sheets 汇总, 平台, 品类, 商品, 产地, 生产者, 主播, 直播场次,\n"
    "            销售明细) or an A4 .pdf (figures, charts, tables); --from YYYY-MM / --until YYYY-MM\n"
    "            choose the months, by default the last month with a paid sale"
)


def register(kinds: Registrar) -> None:
    parser = kinds.add("report", "a period's report (.xlsx workbook or A4 .pdf)", run)
    parser.add_argument("--from", dest="first", type=month, metavar="YYYY-MM", help="first month")
    parser.add_argument("--until", dest="last", type=month, metavar="YYYY-MM", help="last month")


def report_period(database, first, last):
    """The period of --from / --until; a missing end is the other one, or the last month with a
    paid sale (the current month without sales)."""
    from ...domain.period import Month
    from ...services.reports import ReportPeriod, report_span
    from ..parser import check_month_order

    check_month_order(first, last, "--until")
    if first is None and last is None:
        span = report_span(database)
        last = span[1] if span else Month.current()
    first = first or last
    last = last or first
    return ReportPeriod.of_range(first, last)


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.reports import period_report
    from .output import exporting, qt_drawing

    with exporting(args, SUFFIXES, month_option="--until", needs_folder=True) as (target, database):
        period = report_period(database, args.first, args.last)
        report = period_report(database, period)
        if target.suffix.lower() == ".xlsx":
            from ...services.reports.workbook import save_report_workbook

            count = save_report_workbook(database, report, target)
            console.say("reports.exported_workbook", period=period.label, count=count, target=str(target))
            return EXIT_OK
    with qt_drawing():
        from ...ui.exports.report_pdf import render_report_pdf

        render_report_pdf(report, target, console.translate)
    console.say("reports.exported_pdf", period=period.label, target=str(target))
    return EXIT_OK
