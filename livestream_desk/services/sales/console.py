"""The live console: one key press logs one sale of a lineup product at its live price.

Each entry is its own committed transaction (SaleLineWriter, stock adjusted), so a crash or
a power cut loses at most the key press in flight, and reopening the console reads the
running totals back from the database. Console entries are manual lines of the livestream
whose order numbers are `L<livestream id>-<n>`; "undo last" removes the newest of them.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ...db.engine import Database
from ...db.models import LineupItem, Product, Sale, SaleSource
from ...messages import Message
from .. import uow
from ..versions import numbering_lock
from ..sale_lines import SaleLineWriter
from .entry import MAX_QUANTITY, _check_stock, _stock_problem
from .errors import SaleInvalid, SaleNotFound, SalesProblem
from .livestream import _livestream
from .rows import ConsoleButton, ConsoleEntry, ConsoleState
from .window import totals_where

REASON_CONSOLE = "直播快捷录入"
RECENT = 8


def console_prefix(livestream_id: int) -> str:
    return f"L{livestream_id}-"


def _is_console_line(livestream_id: int):
    return (Sale.livestream_id == livestream_id) & (Sale.source == SaleSource.MANUAL) & (
        Sale.order_id.like(console_prefix(livestream_id) + "%"))


def _buttons(conn, livestream_id: int) -> tuple[ConsoleButton, ...]:
    sold = dict(conn.execute(
        select(Sale.product_id, func.coalesce(func.sum(Sale.quantity - Sale.refunded_quantity), 0))
        .where(Sale.livestream_id == livestream_id, Sale.paid_at.is_not(None))
        .group_by(Sale.product_id)
    ).all())
    rows = conn.execute(
        select(LineupItem.id, LineupItem.product_id, LineupItem.allotted_stock,
               func.coalesce(LineupItem.live_price_fen, Product.live_price_fen, Product.list_price_fen),
               Product.name, Product.spec, Product.stock)
        .join(Product, Product.id == LineupItem.product_id)
        .where(LineupItem.livestream_id == livestream_id)
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    return tuple(
        ConsoleButton(number, item_id, product_id, name, spec or "", int(price), allotted, int(stock),
                      int(sold.get(product_id, 0)))
        for number, (item_id, product_id, allotted, price, name, spec, stock) in enumerate(rows, start=1)
    )


def _recent(conn, livestream_id: int) -> tuple[ConsoleEntry, ...]:
    rows = conn.execute(
        select(Sale.id, Sale.product_id, Sale.item_name, Sale.quantity, Sale.paid_fen, Sale.paid_at, Sale.line_id)
        .where(_is_console_line(livestream_id))
        .order_by(Sale.id.desc())
        .limit(RECENT)
    ).all()
    return tuple(
        ConsoleEntry(r.id, int(r.line_id) if (r.line_id or "").isdigit() else 0, r.product_id, r.item_name,
                     int(r.quantity), int(r.paid_fen), r.paid_at)
        for r in rows
    )


def console_state(db: Database, livestream_id: int) -> ConsoleState:
    """The console of a livestream: its lineup buttons, running totals (all its lines, imported
    ones too) and the latest console entries."""
    with uow.reading(db) as conn:
        stream = _livestream(conn, livestream_id)
        totals = totals_where(conn, [Sale.livestream_id == livestream_id]).totals
        return ConsoleState(stream.id, stream.title, stream.platform, stream.status, _buttons(conn, livestream_id),
                            totals, _recent(conn, livestream_id))


def log_sale(db: Database, livestream_id: int, lineup_item_id: int, quantity: int = 1) -> ConsoleEntry:
    """Log (and commit) one sale of a lineup product at its live price, paid now."""
    if quantity < 1 or quantity > MAX_QUANTITY:
        raise SaleInvalid({"quantity": Message("sales.quantity_zero" if quantity < 1 else "sales.quantity_too_large",
                                               limit=MAX_QUANTITY)})
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            stream = _livestream(conn, livestream_id)
            item = conn.execute(
                select(LineupItem.id, LineupItem.product_id,
                       func.coalesce(LineupItem.live_price_fen, Product.live_price_fen, Product.list_price_fen),
                       Product.name, Product.spec)
                .join(Product, Product.id == LineupItem.product_id)
                .where(LineupItem.id == lineup_item_id, LineupItem.livestream_id == livestream_id)
            ).first()
            if item is None:
                raise SalesProblem("sales.not_in_lineup")
            _, product_id, price, name, spec = item
            _check_stock(conn, product_id, quantity)
            prefix = console_prefix(livestream_id)
            numbering_lock(conn, f"console:{stream.platform}:{prefix}")
            if conn.dialect.name == "sqlite":
                # A range on the unique (platform, order_id, line_id) index: SQLite's LIKE cannot
                # use it (case-insensitive) and read all 1,000,000 lines (≈ 90 ms) per key press.
                # (Not on PostgreSQL: a locale's collation may order "-" apart from the digits.)
                numbered = (Sale.order_id >= prefix) & (Sale.order_id < prefix[:-1] + chr(ord(prefix[-1]) + 1))
            else:
                numbered = Sale.order_id.like(prefix + "%")
            count = conn.execute(select(func.count()).select_from(Sale).where(
                Sale.platform == stream.platform, numbered)).scalar_one()
            number = int(count) + 1
            while conn.execute(select(Sale.id).where(Sale.platform == stream.platform,
                                                     Sale.order_id == f"{prefix}{number:05d}").limit(1)).first():
                number += 1
            paid_at = uow.now()
            label = name + (" " + spec if spec else "")
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_CONSOLE) as lines:
                sale_id = lines.add({
                    "livestream_id": livestream_id, "product_id": product_id, "item_name": label[:200],
                    "platform": stream.platform, "order_id": f"{prefix}{number:05d}",
                    "line_id": str(lineup_item_id), "quantity": quantity, "unit_price_fen": int(price),
                    "paid_fen": int(price) * quantity, "paid_at": paid_at, "source": SaleSource.MANUAL,
                })
            return ConsoleEntry(sale_id, lineup_item_id, product_id, label, quantity, int(price) * quantity, paid_at)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def change_quantity(db: Database, livestream_id: int, sale_id: int, quantity: int) -> ConsoleEntry:
    """Change the quantity of a console entry after the fact (paid amount follows the unit price)."""
    if quantity < 1 or quantity > MAX_QUANTITY:
        raise SaleInvalid({"quantity": Message("sales.quantity_zero" if quantity < 1 else "sales.quantity_too_large",
                                               limit=MAX_QUANTITY)})
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            row = conn.execute(
                select(Sale.id, Sale.product_id, Sale.item_name, Sale.quantity, Sale.unit_price_fen, Sale.paid_at,
                       Sale.line_id, Sale.refunded_quantity)
                .where(Sale.id == sale_id, _is_console_line(livestream_id))
            ).first()
            if row is None:
                raise SaleNotFound(sale_id)
            _check_stock(conn, row.product_id, quantity - int(row.quantity))
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_CONSOLE) as lines:
                lines.update(sale_id, {"quantity": quantity, "paid_fen": int(row.unit_price_fen) * quantity})
            return ConsoleEntry(sale_id, int(row.line_id) if (row.line_id or "").isdigit() else 0, row.product_id,
                                row.item_name, quantity, int(row.unit_price_fen) * quantity, row.paid_at)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def undo_last(db: Database, livestream_id: int) -> Optional[ConsoleEntry]:
    """Remove the newest console entry of the livestream (stock goes back); None when there is none."""
    with uow.writing(db) as session:
        conn = session.connection()
        row = conn.execute(
            select(Sale.id, Sale.product_id, Sale.item_name, Sale.quantity, Sale.paid_fen, Sale.paid_at, Sale.line_id)
            .where(_is_console_line(livestream_id)).order_by(Sale.id.desc()).limit(1)
        ).first()
        if row is None:
            return None
        with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_CONSOLE) as lines:
            lines.delete([row.id])
        return ConsoleEntry(row.id, int(row.line_id) if (row.line_id or "").isdigit() else 0, row.product_id,
                            row.item_name, int(row.quantity), int(row.paid_fen), row.paid_at)


__all__ = ["console_state", "log_sale", "change_quantity", "undo_last", "console_prefix", "REASON_CONSOLE"]
