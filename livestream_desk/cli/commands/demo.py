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
        "lineups and traffic, sales with refunds and seasonality over whole months ending last month, and "
        "four weeks of planned livestreams from tomorrow; with --up-to-today (what the window's 'load demo "
        "data' makes) the months end with this one, up to yesterday. Refuses a database that holds data.\n\n"
        "--remove takes the demo data out again and leaves your own products and sales: demo sale lines, "
        "products, livestreams, live rooms, hosts, categories, producers and targets go; a demo product "
        "or livestream that one of your own sales uses stays, as yours.",
    )
    demo.add_argument("--remove", action="store_true", help="remove the demo data, keep your own data")
    demo.add_argument("--months", type=whole_number(1), metavar="N", help="whole months ending last month (default 24)")
    demo.add_argument("--up-to-today", action="store_true",
                      help="end with this month, up to yesterday, as the window's demo data does")
    demo.add_argument("--sales", type=whole_number(0), metavar="N", help="how many sale lines to make, exactly")
    demo.add_argument("--seed", type=whole_number(None), default=1, metavar="N", help="random seed (default 1)")


def remove(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import open_existing
    from ...services.demo.removal import demo_present, remove_demo
    from ...services.errors import UserError

    for option, value in (("--months", args.months), ("--sales", args.sales)):
        if value is not None:
            raise UserError("demo.remove_with_options", option=option)
    database = open_existing(args.db, migrate=True)
    try:
        where = database.describe()
        if not demo_present(database):
            console.say("demo.none_found", path=where)
            return EXIT_OK
        removal = remove_demo(database)
    finally:
        database.dispose()
    console.say("demo.removed", path=where, sale_lines=removal.sale_lines, products=removal.products,
                livestreams=removal.livestreams)
    if removal.kept_products or removal.kept_livestreams:
        console.say("demo.removed_kept", products=removal.kept_products, livestreams=removal.kept_livestreams)
    return EXIT_OK


def run(args: argparse.Namespace, console: Console) -> int:
    import time

    if args.remove:
        return remove(args, console)

    from ...services.database import open_for_writing
    from ...services.demo import generate_demo

    options = {"seed": args.seed}
    if args.months is not None:
        options["months"] = args.months
    if args.sales is not None:
        options["sales"] = args.sales
    if args.up_to_today:
        options["up_to_today"] = True
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
