"""`demo`: fill an empty database with demo data."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar, whole_number


def register(commands: Registrar) -> None:
    demo = commands.add(
        "demo",
        "fill an empty database with realistic demo data",
        run,
        "Fill an empty database with realistic demo data: Jiangxi specialty products, livestreams with "
        "lineups and traffic, sales with refunds and seasonality. Refuses a database that holds data.",
    )
    demo.add_argument("--months", type=whole_number(1), metavar="N", help="whole months ending last month (default 24)")
    demo.add_argument("--sales", type=whole_number(0), metavar="N", help="about how many sale lines to make")
    demo.add_argument("--seed", type=whole_number(None), default=1, metavar="N", help="random seed (default 1)")


def run(args: argparse.Namespace, console: Console) -> int:
    import time

    from ...services.database import open_for_writing
    from ...services.demo import generate_demo

    options = {"seed": args.seed}
    if args.months is not None:
        options["months"] = args.months
    if args.sales is not None:
        options["sales"] = args.sales
    started = time.perf_counter()
    database = open_for_writing(args.db)  # refuses a corrupt, foreign or newer file untouched
    try:
        with console.progress("cli.progress_demo") as progress:
            summary = generate_demo(database, progress=progress, **options)
        where = database.describe()
    finally:
        database.dispose()
    months = summary.months
    console.say(
        "cli.demo_done",
        path=where,
        first=str(months.first),
        last=str(months.last),
        months=len(months),
        products=summary.products,
        livestreams=summary.livestreams,
        sale_lines=summary.sale_lines,
        seconds=f"{time.perf_counter() - started:.1f}",
    )
    return EXIT_OK
