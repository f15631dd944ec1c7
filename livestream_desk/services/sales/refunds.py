"""Refunds: mark a line fully or partly refunded (amount and quantity), and take it back.

The refund is stored on the line itself (DESIGN §5: attributed to the line's own month and
livestream); refunded units go back into stock through SaleLineWriter.
"""
from __future__ import annotations


from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ...db.engine import Database
from ...db.models import Sale
from ...domain.money import format_plain
from ...domain.validation import FieldError, parse_money_field, parse_whole_number
from ...messages import Message
from .. import uow
from ..sale_lines import SaleLineWriter
from .entry import Typed, _stock_problem
from .errors import SaleInvalid, SaleNotFound
from .rows import RefundChange

REASON_REFUND = "退款"


def _line(conn, sale_id: int):
    row = conn.execute(
        select(Sale.id, Sale.quantity, Sale.paid_fen, Sale.paid_at, Sale.refunded_fen, Sale.refunded_quantity)
        .where(Sale.id == sale_id)
    ).first()
    if row is None:
        raise SaleNotFound(sale_id)
    return row


def check_refund(line, amount: Typed, quantity: Typed) -> tuple[int, int]:
    """(refunded fen, refunded units) as typed, checked against the line; SaleInvalid with
    the fields "amount" / "quantity"."""
    errors: dict[str, Message] = {}
    if line.paid_at is None:
        raise SaleInvalid({"amount": Message("sales.refund_unpaid")})
    fen = units = None
    try:
        fen = parse_money_field(amount, allow_blank=False, what=Message("sales.what.refund_amount"))
    except FieldError as exc:
        errors["amount"] = exc.message
    try:
        units = parse_whole_number(quantity, what=Message("sales.what.refund_quantity"), allow_blank=True)
    except FieldError as exc:
        errors["quantity"] = exc.message
    if units is None and "quantity" not in errors:
        units = 0
    if fen is not None and fen > line.paid_fen:
        errors["amount"] = Message("sales.refund_over_paid", paid=format_plain(int(line.paid_fen)))
    if units is not None and units > line.quantity:
        errors["quantity"] = Message("sales.refund_over_quantity", quantity=int(line.quantity))
    if errors:
        raise SaleInvalid(errors)
    return int(fen), int(units)


def refund_sale(db: Database, sale_id: int, amount: Typed, quantity: Typed = None) -> RefundChange:
    """Set the line's refund to `amount` (yuan as typed, or int fen) and `quantity` units
    (blank: 0; a money-only refund such as a partial price refund). An amount of 0 and no
    units takes the refund off. Returns the change (undo: `undo_refund`)."""
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            line = _line(conn, sale_id)
            fen, units = check_refund(line, amount, quantity)
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_REFUND) as lines:
                lines.update(sale_id, {"refunded_fen": fen, "refunded_quantity": units})
            return RefundChange(sale_id, int(line.refunded_fen), int(line.refunded_quantity), fen, units)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def refund_fully(db: Database, sale_id: int) -> RefundChange:
    """Refund the whole line: its paid amount and every unit."""
    with uow.reading(db) as conn:
        line = _line(conn, sale_id)
    return refund_sale(db, sale_id, int(line.paid_fen), int(line.quantity))


def undo_refund(db: Database, change: RefundChange) -> RefundChange:
    """Put the refund back as it was before `change`; returns the reverse change (for redo)."""
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            line = _line(conn, change.sale_id)
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_REFUND) as lines:
                lines.update(change.sale_id, {"refunded_fen": change.before_fen,
                                              "refunded_quantity": change.before_quantity})
            return RefundChange(change.sale_id, int(line.refunded_fen), int(line.refunded_quantity),
                                change.before_fen, change.before_quantity)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def redo_refund(db: Database, change: RefundChange) -> RefundChange:
    """Apply the refund of a change that `undo_refund` returned."""
    return undo_refund(db, change)


__all__ = ["refund_sale", "refund_fully", "undo_refund", "redo_refund", "check_refund", "REASON_REFUND"]
