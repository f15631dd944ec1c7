"""The one write path of sale lines (the `sales` table).

Every use case that adds, changes or removes sale lines — demo data, manual entry, the live
console, order imports and the undo of an import batch — goes through `SaleLineWriter`, and
only this module touches the table (tests/services/test_sale_write_path.py fails otherwise).
In the same transaction it keeps:

- the monthly summary and the report tables equal to the raw lines: a small change (at most
  `SMALL_CHANGE` lines in one writer) adjusts the rows of the orders it touched
  (services.summary_deltas, a few index look-ups: the live console's key press), a large
  one (imports, the undo of a batch, demo data) recomputes its months (services.summary);
- the products' stock, when asked (`adjust_stock=True`): sold quantities (less refunded ones)
  leave stock, deletes and refunds give it back, one stock movement per product and call.

Use it as a context manager inside a write transaction::

    with uow.writing(db) as session, SaleLineWriter(session, stock_reason="直播快捷录入") as lines:
        sale_id = lines.add({...})

Leaving the block normally settles the summary and the stock; an exception leaves them to
the rollback, which undoes the lines too.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import repeat
from operator import itemgetter
from datetime import datetime
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import Session

from ..db.bulk_insert import insert_rows, values_getter
from ..db.models import Product, Sale, StockMovement
from ..domain.period import Month
from ..messages import Message
from .summary import lock_summary, months_of_sales, refresh_months
from .summary_deltas import OrderDeltas

# Columns a caller may set on a line (the id is the table's own).
SALE_COLUMNS = frozenset(c.name for c in Sale.__table__.columns) - {"id"}

# Set by update_where itself (a snapshot put back by an undo carries old values of them).
_VERSION_COLUMNS = frozenset({"version", "updated_by", "updated_at"})

# Stock movement reasons written by the app (stored text, Chinese like the user's data).
REASON_SOLD = "销售"
REASON_SALE_REMOVED = "删除销售记录"
REASON_SALE_CHANGED = "修改销售记录"

# What a write reads of the lines it changes: their stock, months and orders.
_LINE_COLUMNS = (Sale.id, Sale.product_id, Sale.quantity, Sale.refunded_quantity, Sale.paid_at, Sale.import_batch_id,
                 Sale.platform, Sale.order_id)

# Up to this many changed lines per writer, the tables follow by deltas; beyond, the months
# touched are recomputed (one pass over a month's lines is cheaper than so many look-ups).
SMALL_CHANGE = 500


def _kept_units(quantity: int, refunded_quantity: int, paid_at: Optional[datetime]) -> int:
    """Units that left the shelf: paid and not refunded."""
    if paid_at is None:
        return 0
    return max(0, int(quantity or 0) - int(refunded_quantity or 0))


class SaleLineWriter:
    """Adds, changes and removes sale lines inside the caller's write transaction (one writer
    at a time in it: a writer's deltas are what changed since its own first write)."""

    def __init__(
        self,
        conn: Union[Connection, Session],
        *,
        adjust_stock: bool = False,
        stock_reason: str = REASON_SOLD,
        now: Optional[datetime] = None,
    ) -> None:
        self._conn = conn
        self._adjust_stock = adjust_stock
        self._stock_reason = stock_reason
        self._now = now
        self._months: set[Month] = set()
        self._stock: dict[int, int] = defaultdict(int)  # product id → units taken off the shelf
        self._all_months = False
        self._deltas = OrderDeltas()  # the orders touched, while the change stays small
        self._changed = 0  # lines changed so far, while the change stays small
        self._large = False  # beyond SMALL_CHANGE: the months noted are recomputed
        self._locked = False

    # --- the context -----------------------------------------------------------------------
    def __enter__(self) -> "SaleLineWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.settle()

    def _connection(self) -> Connection:
        return self._conn.connection() if isinstance(self._conn, Session) else self._conn

    def settle(self) -> None:
        """Bring the summary and the stock in step with the lines written so far."""
        conn = self._connection()
        if self._all_months:
            refresh_months(conn)
        elif self._large:
            if self._months:
                refresh_months(conn, self._months)
        else:
            self._deltas.apply(conn)
        self._months.clear()
        self._all_months = False
        self._deltas.clear()
        self._changed = 0
        self._large = False
        if self._adjust_stock:
            self._apply_stock(conn)

    def _apply_stock(self, conn: Connection) -> None:
        from .uow import now as clock_now  # here: uow imports the engine, this module is imported early

        at = self._now or clock_now()
        for product_id, taken in sorted(self._stock.items()):
            if taken == 0:
                continue
            # A delta inside the transaction: two PCs selling the same product both count.
            conn.execute(update(Product).where(Product.id == product_id).values(stock=Product.stock - taken))
            conn.execute(
                insert(StockMovement).values(product_id=product_id, delta=-taken, reason=self._stock_reason, at=at)
            )
        self._stock.clear()

    def _start_writing(self, conn: Connection) -> None:
        """Before the first write: the summary lock on PostgreSQL (services.summary.lock_summary),
        so the orders' lines read for the deltas stay as read until the commit."""
        if not self._locked:
            lock_summary(conn)
            self._locked = True

    def _room(self) -> int:
        """How many more changed lines the deltas can take."""
        return 0 if self._large or self._all_months else SMALL_CHANGE - self._changed

    def _go_large(self) -> None:
        """Recompute the months noted instead (they cover every change made so far too)."""
        self._large = True
        self._deltas.clear()

    def _small(self, lines: int, conn: Connection, orders: Iterable[tuple]) -> None:
        """`lines` lines of `orders` (platform, order id) are about to change: remember the
        orders' lines as they are, while the change stays small."""
        if self._large or self._all_months:
            return
        if lines > self._room():
            self._go_large()
            return
        self._changed += lines
        self._deltas.capture(conn, orders)

    def _note(self, paid_at: Optional[datetime]) -> None:
        if paid_at is not None:
            self._months.add(Month.of(paid_at))

    def _take(self, product_id: Optional[int], units: int) -> None:
        if self._adjust_stock and product_id is not None and units:
            self._stock[product_id] += units

    # --- writing -----------------------------------------------------------------------------
    @staticmethod
    def _checked(row: Mapping[str, Any]) -> dict:
        unknown = set(row) - SALE_COLUMNS
        if unknown:
            raise ValueError(f"not sale columns: {sorted(unknown)}")  # a bug in the caller
        return dict(row)

    def add(self, row: Mapping[str, Any]) -> int:
        """Insert one line; returns its id."""
        values = self._checked(row)
        conn = self._connection()
        self._start_writing(conn)
        self._small(1, conn, [(values.get("platform"), values.get("order_id"))])
        result = conn.execute(insert(Sale).values(**values).returning(Sale.id))
        sale_id = int(result.scalar_one())
        self._note(values.get("paid_at"))
        self._take(values.get("product_id"), _kept_units(values.get("quantity", 1), values.get("refunded_quantity", 0), values.get("paid_at")))
        return sale_id

    def add_many(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """Insert many lines at once (one executemany); returns how many."""
        if not rows:
            return 0
        keys = rows[0].keys()
        if all(r.keys() == keys for r in rows):
            self._checked(rows[0])
            full = rows
        else:
            checked = [self._checked(r) for r in rows]
            # executemany wants every row to name the same columns.
            names = sorted(set().union(*checked))
            defaults = {
                c.name: c.default.arg
                for c in Sale.__table__.columns
                if c.default is not None and not callable(c.default.arg)
            }
            full = [{name: r.get(name, defaults.get(name)) for name in names} for r in checked]
        names = list(full[0].keys())
        get = values_getter(names)
        conn = self._connection()
        self._start_writing(conn)
        if len(full) <= self._room():
            self._small(len(full), conn, {(r.get("platform"), r.get("order_id")) for r in full})
        else:
            self._go_large()
        if _plain_insert_fits(conn, names):
            values = [get(r) for r in full]
            insert_rows(conn, Sale.__table__, names, values)
        else:
            conn.execute(insert(Sale.__table__), list(full))
            values = [get(r) for r in full]
        self._note_values(names, values)
        return len(full)

    def add_values(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
        """Like `add_many`, each line given as its values in the order of `columns` (no dict
        per line: an order import writes 100,000 lines); returns how many."""
        columns = list(columns)
        unknown = set(columns) - SALE_COLUMNS
        if unknown or len(set(columns)) != len(columns):
            raise ValueError(f"not sale columns, or named twice: {columns}")  # a bug in the caller
        if not rows:
            return 0
        if set(map(len, rows)) != {len(columns)}:
            raise ValueError("every line needs one value per column")  # a bug in the caller
        conn = self._connection()
        self._start_writing(conn)
        if "platform" in columns and "order_id" in columns:
            platform, order_id = columns.index("platform"), columns.index("order_id")
            if len(rows) <= self._room():
                self._small(len(rows), conn, {(r[platform], r[order_id]) for r in rows})
            else:
                self._go_large()
        else:
            self._go_large()  # the insert fails anyway (both are required)
        if _plain_insert_fits(conn, columns):
            insert_rows(conn, Sale.__table__, columns, rows)
        else:
            conn.execute(insert(Sale.__table__), [dict(zip(columns, r)) for r in rows])
        self._note_values(columns, rows)
        return len(rows)

    def _note_values(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """The months and the stock of lines just inserted (what `add` notes for one line)."""
        if "paid_at" not in columns:
            return  # never paid: no month, no stock
        paid_at = columns.index("paid_at")
        if not self._all_months:  # a bulk load recomputes every month at the end anyway
            months = {(at.year, at.month) for at in {r[paid_at] for r in rows} if at is not None}
            self._months |= {Month(year, month) for year, month in months}
        if not self._adjust_stock or "product_id" not in columns:
            return
        def column(name: str, default: int):
            return map(itemgetter(columns.index(name)), rows) if name in columns else repeat(default, len(rows))

        stock = self._stock
        # What _kept_units gives each line, inline (an import notes 100,000 lines).
        for product_id, at, quantity, refunded in zip(column("product_id", 0), map(itemgetter(paid_at), rows),
                                                      column("quantity", 1), column("refunded_quantity", 0)):
            if product_id is not None and at is not None:
                units = int(quantity or 0) - int(refunded or 0)
                if units > 0:
                    stock[product_id] += units

    def _before(self, where, limit: Optional[int] = None) -> list:
        query = select(*_LINE_COLUMNS).where(where)
        return list(self._connection().execute(query if limit is None else query.limit(limit)))

    def update(self, sale_id: int, values: Mapping[str, Any], *, expected_version: Optional[int] = None) -> bool:
        """Change one line; False when it no longer exists. With `expected_version` (the
        version the editor read), versions.ChangedElsewhere when the line was changed since."""
        if expected_version is not None:
            from .versions import check_version  # lazily: this module is imported early

            line = self._connection().execute(select(Sale.order_id, Sale.line_id).where(Sale.id == sale_id)).first()
            if line is None:
                return False
            label = line.order_id + (f" / {line.line_id}" if line.line_id and line.line_id != line.order_id else "")
            check_version(self._connection(), Sale, sale_id, expected_version,
                          Message("concurrency.sale", order=label))
        return self.update_where(Sale.id == sale_id, values) > 0

    def update_where(self, where, values: Mapping[str, Any]) -> int:
        """Change every line matching `where` the same way; returns how many. Each changed
        line's version goes up by one and names this PC (services.versions)."""
        from .versions import stamp

        values = {k: v for k, v in self._checked(values).items() if k not in _VERSION_COLUMNS}
        conn = self._connection()
        self._start_writing(conn)
        before = self._before(where)
        if not before:
            return 0
        orders = {(r.platform, r.order_id) for r in before}
        if "platform" in values or "order_id" in values:  # the lines move to other orders too
            moved = {(values.get("platform", r.platform), values.get("order_id", r.order_id)) for r in before}
            if all(isinstance(p, str) and isinstance(o, str) for p, o in moved):
                orders |= moved
            else:
                self._go_large()  # an SQL expression: the orders are known only afterwards
        self._small(len(before), conn, orders)
        from .uow import now as clock_now

        conn.execute(
            update(Sale).where(Sale.id.in_([r.id for r in before])).values(**values, **stamp(Sale, self._now or clock_now()))
        )
        after = {r.id: r for r in conn.execute(select(*_LINE_COLUMNS).where(Sale.id.in_([r.id for r in before])))}
        for old in before:
            new = after[old.id]
            self._note(old.paid_at)
            self._note(new.paid_at)
            self._take(old.product_id, -_kept_units(old.quantity, old.refunded_quantity, old.paid_at))
            self._take(new.product_id, _kept_units(new.quantity, new.refunded_quantity, new.paid_at))
        return len(before)

    def update_each(self, changes: Iterable[tuple[int, Mapping[str, Any]]]) -> int:
        """Change several lines, each its own way (an import updating refunds); returns how many."""
        count = 0
        for sale_id, values in changes:
            count += self.update_where(Sale.id == sale_id, values)
        return count

    def delete(self, sale_ids: Iterable[int]) -> int:
        """Remove lines by id; returns how many existed."""
        ids = list(sale_ids)
        if not ids:
            return 0
        return self.delete_where(Sale.id.in_(ids))

    def delete_where(self, where) -> int:
        """Remove every line matching `where` (e.g. one import batch); returns how many."""
        conn = self._connection()
        self._start_writing(conn)
        rows: Optional[list] = None
        if self._adjust_stock:
            rows = self._before(where)
        elif self._room() > 0:  # a few lines: read them for the deltas; many: only their months
            rows = self._before(where, limit=self._room() + 1)
            if len(rows) > self._room():
                rows = None
        if rows is None:
            self._go_large()
            self._months |= months_of_sales(conn, where)
        else:
            self._small(len(rows), conn, {(r.platform, r.order_id) for r in rows})
            for r in rows:
                self._note(r.paid_at)
                self._take(r.product_id, -_kept_units(r.quantity, r.refunded_quantity, r.paid_at))
        result = conn.execute(delete(Sale).where(where))
        return int(result.rowcount or 0)

    def rebuild_summary(self) -> None:
        """Recompute every month at the end (bulk loads such as demo data)."""
        self._all_months = True


# Columns SQLAlchemy fills from a Python-side default when a row leaves them out; the plain
# insert below is used only when the rows name them all (so there is nothing to fill in).
_DEFAULTED = frozenset(c.name for c in Sale.__table__.columns if c.default is not None)


def _plain_insert_fits(conn: Connection, names: Sequence[str]) -> bool:
    return conn.dialect.name == "sqlite" and _DEFAULTED <= set(names)


def count_lines(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(Sale)).scalar_one())


__all__ = ["SaleLineWriter", "SALE_COLUMNS", "SMALL_CHANGE", "REASON_SOLD", "REASON_SALE_REMOVED", "REASON_SALE_CHANGED", "count_lines"]
