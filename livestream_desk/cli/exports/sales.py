"""`export sales --to FILE [--from YYYY-MM] [--until YYYY-MM] [--platform P] [--livestream ID]
[--product ID] [--refunded yes|no]`: the sale lines of a filter, as the Sales page lists them."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar, month, platform, whole_number

SUFFIXES = (".xlsx", ".csv")
SUMMARY = (
    "  sales     sale lines (.xlsx or .csv), newest first, in the columns of the order template\n"
    "            and more (订单号, 商品名称, 商家编码, 数量, 单价, 实付金额, 支付时间, 退款金额, 平台…);\n"
    "            amounts as numbers in yuan; --from / --until YYYY-MM, --platform, --livestream ID,\n"
    "            --product ID and --refunded yes|no choose the lines (default: all of them)"
)


def register(kinds: Registrar) -> None:
    parser = kinds.add("sales", "sale lines, all or filtered (.xlsx or .csv)", run)
    parser.add_argument("--from", dest="first", type=month, metavar="YYYY-MM", help="paid in this month or later")
    parser.add_argument("--until", dest="last", type=month, metavar="YYYY-MM", help="paid in this month or earlier")
    parser.add_argument("--platform", type=platform, metavar="PLATFORM", help="douyin, kuaishou, jd… or 抖音, 快手, 京东…")
    parser.add_argument("--livestream", type=whole_number(1), metavar="ID", help="lines of one livestream")
    parser.add_argument("--product", type=whole_number(1), metavar="ID", help="lines of one product")
    parser.add_argument("--refunded", choices=("yes", "no"), help="only refunded (yes) or not refunded (no) lines")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.sales import RefundFilter, SaleQuery, export_sales
    from .output import exporting

    refunded = {"yes": RefundFilter.REFUNDED, "no": RefundFilter.NOT_REFUNDED}.get(args.refunded, RefundFilter.ANY)
    query = SaleQuery(
        start=args.first.start() if args.first else None, end=args.last.end() if args.last else None,
        platform=args.platform, livestream_id=args.livestream, product_id=args.product, refunded=refunded, limit=None,
    )
    with exporting(args, SUFFIXES, month_option="--until") as (target, database), \
            console.progress("sales.cli_progress") as progress:
        count = export_sales(database, target, query, progress=progress)
    console.say("sales.cli_exported", count=count, target=str(target))
    return EXIT_OK
