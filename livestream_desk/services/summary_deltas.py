"""Keeping the summary and the report tables in step with a few changed sale lines, by deltas.

Recomputing a month from its lines costs hundreds of milliseconds on a big database (68,000
lines in a month, every livestream of the month from all its lines), far too slow for the
live console's one line per key press. A small change instead adjusts the rows it touches.

The unit is the platform order (platform, order_id): every figure of all three tables is a
sum over orders of what each order contributes, and one order's contribution depends on its
own paid lines only (the unique index on (platform, order_id, line_id) finds them):

- monthly_sales_summary: its lines' sums per (month, platform), and 1 order in each month
  where it has a paid line;
- report_product_month: its lines' sums per (month, platform, product, livestream);
- report_livestream_month: its lines' sums per (livestream, month, platform), and 1 order in
  the month of its first paid line of each livestream.

So `SaleLineWriter` reads an order's paid lines before its first write touching the order
(`OrderDeltas.capture`), and at the end applies after − before for every touched order
(`OrderDeltas.apply`): rows missing are inserted, rows left without lines deleted, exactly what
a recompute (services.summary.refresh_months) would give. Large changes (imports, the undo of
a batch, demo data) still recompute their months: one pass beats thousands of look-ups.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from sqlalchemy import Connection, and_, bindparam, delete, select

from ..db.models import MonthlySalesSummary, ReportLivestreamMonth, ReportProductMonth, Sale
from ..db.sql import month_key

_CHUNK = 500  # order ids per statement (SQLite's limit on bound parameters)

# One paid line as an order's contribution needs it.
_LINE = (month_key(Sale.paid_at), Sale.livestream_id, Sale.product_id, Sale.quantity, Sale.paid_fen,
         Sale.refunded_fen, Sale.refunded_quantity)

_ORDER_LINES = select(Sale.order_id, *_LINE).where(
    Sale.platform == bindparam("platform"), Sale.order_id.in_(bindparam("order_ids", expanding=True)),
    Sale.paid_at.is_not(None))

OrderKey = tuple  # (platform, order_id)

_SUMMARY = (MonthlySalesSummary.__table__, ("month", "platform"), ("orders", "units", "gmv_fen", "refunds_fen", "lines"))
_PRODUCTS = (ReportProductMonth.__table__, ("month", "platform", "product_id", "livestream_id"),
             ("units", "gmv_fen", "refunds_fen", "refunded_units", "lines"))
_STREAMS = (ReportLivestreamMonth.__table__, ("livestream_id", "month", "platform"),
            ("orders", "units", "gmv_fen", "refunds_fen", "lines"))


def paid_lines_of_orders(conn: Connection, keys: Iterable[OrderKey]) -> dict[OrderKey, list[tuple]]:
    """Every order's paid lines (month, livestream, product, quantity, paid, refunded,
    refunded quantity); orders without one are left out."""
    by_platform: dict[str, list[str]] = defaultdict(list)
    for platform, order_id in keys:
        by_platform[platform].append(order_id)
    found: dict[OrderKey, list[tuple]] = defaultdict(list)
    for platform, order_ids in by_platform.items():
        order_ids = sorted(set(order_ids))
        for start in range(0, len(order_ids), _CHUNK):
            rows = conn.execute(_ORDER_LINES, {"platform": platform, "order_ids": order_ids[start:start + _CHUNK]})
            for order_id, *line in rows:
                found[(platform, order_id)].append(tuple(line))
    return found


def _add(table: dict, key: tuple, values: Sequence[int], sign: int) -> None:
    row = table.get(key)
    if row is None:
        row = table[key] = [0] * len(values)
    for i, value in enumerate(values):
        row[i] += sign * int(value or 0)


def contribute(tables: tuple[dict, dict, dict], platform: str, lines: Sequence[tuple], sign: int) -> None:
    """Add (sign 1) or take away (sign −1) one order's contribution to the three tables'
    rows (dicts of key → list of the value columns, in the tables' column order)."""
    summary, products, streams = tables
    first_month: dict[int, int] = {}
    for month, livestream_id, product_id, quantity, paid, refunded, refunded_units in lines:
        _add(summary, (month, platform), (0, quantity, paid, refunded, 1), sign)
        _add(products, (month, platform, product_id or 0, livestream_id or 0),
             (quantity, paid, refunded, refunded_units, 1), sign)
        if livestream_id is not None:
            _add(streams, (livestream_id, month, platform), (0, quantity, paid, refunded, 1), sign)
            first_month[livestream_id] = min(first_month.get(livestream_id, month), month)
    for month in {line[0] for line in lines}:
        _add(summary, (month, platform), (1, 0, 0, 0, 0), sign)
    for livestream_id, month in first_month.items():
        _add(streams, (livestream_id, month, platform), (1, 0, 0, 0, 0), sign)


class OrderDeltas:
    """The orders a writer touched, each with its paid lines as they were before."""

    def __init__(self) -> None:
        self._before: dict[OrderKey, list[tuple]] = {}

    def __len__(self) -> int:
        return len(self._before)

    def capture(self, conn: Connection, keys: Iterable[OrderKey]) -> None:
        """Remember the paid lines of the orders in `keys` not seen yet; call it before a write
        may change them (an insert into the order, an update or delete of its lines, an update
        moving lines into it)."""
        # (An order without platform or number is a caller's bug: its insert fails anyway.)
        new = {key for key in keys if key not in self._before and None not in key}
        if not new:
            return
        found = paid_lines_of_orders(conn, new)
        for key in new:
            self._before[key] = found.get(key, [])

    def clear(self) -> None:
        self._before.clear()

    def apply(self, conn: Connection) -> None:
        """Adjust the three tables by after − before of every captured order; then forget them."""
        if not self._before:
            return
        after = paid_lines_of_orders(conn, self._before)
        tables: tuple[dict, dict, dict] = ({}, {}, {})
        for key, before in self._before.items():
            platform = key[0]
            contribute(tables, platform, before, -1)
            contribute(tables, platform, after.get(key, []), 1)
        self._before.clear()
        for (table, keys, values), deltas in zip((_SUMMARY, _PRODUCTS, _STREAMS), tables):
            _apply_table(conn, table, keys, values, deltas)


_STATEMENTS: dict = {}  # (dialect, table) → (upsert, delete): built once, they take longer to build than to run


def _statements(conn: Connection, table, keys: Sequence[str], values: Sequence[str]):
    found = _STATEMENTS.get((conn.dialect.name, table.name))
    if found is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        upsert = insert(table)
        upsert = upsert.on_conflict_do_update(
            index_elements=[table.c[k] for k in keys],
            set_={v: table.c[v] + upsert.excluded[v] for v in values},
        )
        # A recompute has no row for a key without lines: remove those that lost their last one.
        emptied = delete(table).where(and_(*(table.c[k] == bindparam(k) for k in keys), table.c.lines <= 0))
        found = _STATEMENTS[(conn.dialect.name, table.name)] = (upsert, emptied)
    return found


def _apply_table(conn: Connection, table, keys: Sequence[str], values: Sequence[str], deltas: dict) -> None:
    changed = {key: delta for key, delta in deltas.items() if any(delta)}
    if not changed:
        return
    upsert, remove = _statements(conn, table, keys, values)
    rows = [dict(zip(keys, key), **dict(zip(values, delta))) for key, delta in sorted(changed.items(), key=repr)]
    conn.execute(upsert, rows if len(rows) > 1 else rows[0])
    emptied = [dict(zip(keys, key)) for key, delta in changed.items() if delta[-1] < 0]
    if emptied:
        conn.execute(remove, emptied if len(emptied) > 1 else emptied[0])


__all__ = ["OrderDeltas", "paid_lines_of_orders", "contribute"]
