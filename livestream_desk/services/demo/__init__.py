"""Realistic demo data: a small Jiangxi specialty shop selling through livestreams.

`generate_demo()` fills an empty database with products, producers, live rooms, hosts,
livestreams with lineups and traffic figures, sale lines with refunds, and monthly targets,
for `months` whole months ending with `end_month` (by default last month: DESIGN §7's
contract for `demo`), and the livestreams planned for the four weeks from tomorrow
(ahead.py). With `up_to_today` (the window's 载入演示数据, `demo --up-to-today`) the range
ends with the current month instead, cut at today, so a trial shop was busy up to yesterday:
the current month's sale lines and ended livestreams fall on the days before today, its share
of the lines in proportion to them (on the 1st, which has no day behind it yet, the month
before is the last). Nothing but the planned livestreams lies at or after the start of today:
a later `end_month` is taken as the last month with a day behind it. The number of sale
lines is exact and scales to millions (Core executemany in
chunks); the same seed and range give the same database.

Everything is written in one transaction: a failure or a cancel leaves the database as it was.

The package, one job a module (`run` below calls them in order; they share one DemoState
and its random sequence, so that order is part of what a seed means):
  catalogue.py  static data: products, producers, accounts, hosts, themes, calendar
  state.py      the working state: products and livestreams drawn in memory, what was written
  seasons.py    festival campaigns by day, the growth curve by month
  reference.py  categories, producers, hosts, accounts, products, platform codes, opening stock
  schedule.py   the range's livestreams with lineups and their share of the sale lines
  sales.py      the sale lines (through SaleLineWriter)
  traffic.py    livestream traffic and costs, monthly targets
  ahead.py      the four planned weeks from today: the weekly series and the one clash
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Callable

from sqlalchemy import Connection, func, select

from ...db.engine import Database
from ...db.models import Product, Sale
from ...domain.period import Month, MonthRange
from .. import uow
from ..errors import UserError
from .ahead import plan_ahead
from .reference import write_reference_data
from .sales import flush, start_order_numbers, write_month_sales
from .schedule import assign_quotas, draw_livestreams, write_livestreams
from .seasons import month_weights
from .state import DemoState, split
from .traffic import write_targets, write_traffic

DEFAULT_LINES_PER_MONTH = 500  # ≈ 12,000 lines over the default 24 months: a small shop
MAX_MONTHS = 240
MAX_SALES = 10_000_000
CHUNK_LINES = 5_000  # sale lines per insert; progress and cancel are checked between chunks


@dataclass(frozen=True)
class DemoSummary:
    months: MonthRange
    products: int
    livestreams: int
    sale_lines: int


def default_sales(months: int) -> int:
    """The number of sale lines a call without `sales` makes: a small shop's volume."""
    return DEFAULT_LINES_PER_MONTH * months


def generate_demo(
    db: Database,
    *,
    months: int = 24,
    sales: int | None = None,
    seed: int = 1,
    end_month: Month | None = None,
    up_to_today: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; see the module docstring.

    Raises UserError (nothing written) when the database already holds products or sales or
    the arguments are out of range, and Cancelled (everything rolled back) when `cancelled()`
    returns True. `progress(done, total)` counts sale lines written.
    """
    if not 1 <= months <= MAX_MONTHS:
        raise UserError("demo.months_out_of_range", maximum=MAX_MONTHS, value=months)
    total = default_sales(months) if sales is None else sales
    if not 0 <= total <= MAX_SALES:
        raise UserError("demo.sales_out_of_range", maximum=MAX_SALES, value=total)
    today = uow.now().date()
    # The last month with a day behind it: the current month, but on the 1st the month before.
    latest = Month.of(today - timedelta(days=1))
    if end_month is None:
        end_month = latest if up_to_today else Month.of(today).previous()
    end_month = min(end_month, latest)
    span = MonthRange.last_n(months, end_month)
    until = datetime.combine(today, time())  # the range's sales and livestreams stop before today

    with db.engine.begin() as conn:
        _refuse_unless_empty(conn)
        demo = DemoState(conn, span, total, random.Random(seed), progress, cancelled, CHUNK_LINES, until)
        result = run(demo)
    if db.is_sqlite:
        _shrink_wal(db)
    return result


def run(demo: DemoState) -> DemoSummary:
    """Every step, in the order that gives a seed its database."""
    # Drawn first, so the shape of the curve does not depend on the number of lines.
    month_lines = split(demo.total, month_weights(demo))
    start_order_numbers(demo)
    demo.report(0)
    write_reference_data(demo)
    draw_livestreams(demo)
    assign_quotas(demo, month_lines)
    write_livestreams(demo)
    demo.check_cancel()
    for index, lines in enumerate(month_lines):
        write_month_sales(demo, index, lines)
    flush(demo, force=True)
    write_traffic(demo)
    write_targets(demo)
    planned = plan_ahead(demo)
    demo.check_cancel()
    demo.sale_lines.settle()
    demo.report(demo.total)
    return DemoSummary(demo.span, len(demo.products), len(demo.streams) + planned, demo.written)


def _shrink_wal(db: Database) -> None:
    """Give back the disk space of the write-ahead log a big demo leaves (its size again)."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # outside any transaction: autocommit
        cursor.close()
    finally:
        raw.close()


def _refuse_unless_empty(conn: Connection) -> None:
    products = conn.execute(select(func.count()).select_from(Product)).scalar_one()
    sales = conn.execute(select(func.count()).select_from(Sale)).scalar_one()
    if products or sales:
        raise UserError("demo.not_empty", products=products, sales=sales)


__all__ = ["DemoSummary", "generate_demo", "default_sales", "DEFAULT_LINES_PER_MONTH"]
