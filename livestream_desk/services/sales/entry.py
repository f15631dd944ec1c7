"""Manual sale entry after the fact: check, create, edit, delete and put back (undo).

Every write goes through services.sale_lines.SaleLineWriter with `adjust_stock=True`, so
the monthly summary and the product's stock follow in the same transaction. Checks follow
DESIGN §4 (money in fen as typed, Beijing local times); each failed check is a Message
next to its field (SaleInvalid.errors), and nothing is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional, Sequence, Union

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ...db.engine import Database
from ...db.models import Livestream, Platform, Product, Sale, SaleSource
from ...domain.validation import FieldError, normalise_text, parse_money_field, parse_whole_number
from ...messages import Message
from .. import uow
from ..versions import numbering_lock
from ..sale_lines import REASON_SALE_CHANGED, REASON_SALE_REMOVED, REASON_SOLD, SaleLineWriter
from .errors import SaleInvalid, SaleNotFound, SalesProblem
from .rows import SaleSnapshot

REASON_MANUAL = "手工录入销售"
MAX_ORDER_ID = 64
MAX_QUANTITY = 100_000
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d")

Typed = Union[str, int, None]


@dataclass(frozen=True)
class SaleInput:
    """A sale as the entry dialog (or a caller) gives it: money as typed text ("¥12.50") or
    int fen; quantity as text or int; `paid_amount` blank = unit price × quantity;
    `order_id` blank = generated; `platform` blank = the livestream's, else "other"."""

    product_id: Optional[int]
    quantity: Typed = 1
    unit_price: Typed = None
    paid_amount: Typed = None
    paid_at: Union[datetime, str, None] = None
    order_id: str = ""
    livestream_id: Optional[int] = None
    platform: str = ""


@dataclass(frozen=True)
class ValidSale:
    """A checked sale, ready to store."""

    product_id: int
    product_name: str
    quantity: int
    unit_price_fen: int
    paid_fen: int
    paid_at: datetime
    order_id: str  # "" = generate one
    livestream_id: Optional[int]
    platform: str


FIELDS = ("product_id", "quantity", "unit_price", "paid_amount", "paid_at", "order_id", "livestream_id", "platform")


def parse_paid_at(value: Union[datetime, str, None]) -> Optional[datetime]:
    """A paid time as typed: 2026-09-10 08:00[:00] or 2026/9/10 8:00 (Beijing time)."""
    if value is None or isinstance(value, datetime):
        return value.replace(microsecond=0) if isinstance(value, datetime) else None
    text = normalise_text(value)
    if not text:
        return None
    text = re.sub(r"\s+", " ", text.replace("T", " "))
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise FieldError(Message("sales.bad_time", value=text))


def _field(errors: dict, name: str, parse, *args, **kwargs):
    try:
        return parse(*args, **kwargs)
    except FieldError as exc:
        errors[name] = exc.message
        return None


def check_sale(conn, data: SaleInput, *, now: Optional[datetime] = None) -> ValidSale:
    """The checked sale; SaleInvalid with a Message per bad field."""
    errors: dict[str, Message] = {}
    product = None
    if data.product_id is None:
        errors["product_id"] = Message("sales.product_required")
    else:
        product = conn.execute(
            select(Product.id, Product.name, Product.spec, Product.list_price_fen, Product.live_price_fen)
            .where(Product.id == data.product_id)
        ).first()
        if product is None:
            errors["product_id"] = Message("sales.product_missing")
    quantity = _field(errors, "quantity", parse_whole_number, data.quantity,
                      what=Message("sales.what.quantity"), allow_blank=False)
    if quantity is not None and quantity < 1:
        errors["quantity"] = Message("sales.quantity_zero")
    elif quantity is not None and quantity > MAX_QUANTITY:
        errors["quantity"] = Message("sales.quantity_too_large", limit=MAX_QUANTITY)
    unit = _field(errors, "unit_price", parse_money_field, data.unit_price, allow_blank=True,
                  what=Message("sales.what.unit_price"))
    if unit is None and "unit_price" not in errors and product is not None:
        unit = product.live_price_fen if product.live_price_fen is not None else product.list_price_fen
    paid = _field(errors, "paid_amount", parse_money_field, data.paid_amount, allow_blank=True,
                  what=Message("sales.what.paid_amount"))
    if paid is None and "paid_amount" not in errors and unit is not None and quantity is not None:
        paid = unit * quantity
    paid_at = _field(errors, "paid_at", parse_paid_at, data.paid_at)
    moment = now or uow.now()
    if paid_at is None and "paid_at" not in errors:
        errors["paid_at"] = Message("sales.paid_at_required")
    elif paid_at is not None and paid_at > moment + timedelta(minutes=1):
        errors["paid_at"] = Message("sales.paid_at_future", value=paid_at)
    order_id = normalise_text(data.order_id)
    if len(order_id) > MAX_ORDER_ID:
        errors["order_id"] = Message("sales.order_id_too_long", limit=MAX_ORDER_ID)
    platform = (data.platform or "").strip()
    livestream = None
    if data.livestream_id is not None:
        livestream = conn.execute(
            select(Livestream.id, Livestream.platform).where(Livestream.id == data.livestream_id)
        ).first()
        if livestream is None:
            errors["livestream_id"] = Message("sales.livestream_missing")
    if not platform:
        platform = livestream.platform if livestream is not None else Platform.OTHER
    elif platform not in Platform.ALL:
        errors["platform"] = Message("common.unknown_platform", value=platform, choices=", ".join(Platform.ALL))
    elif livestream is not None and livestream.platform != platform:
        errors["platform"] = Message("sales.platform_not_livestreams")
    if errors:
        raise SaleInvalid(errors)
    name = product.name + (" " + product.spec if product.spec else "")
    return ValidSale(product.id, name, quantity, unit, paid, paid_at, order_id, data.livestream_id, platform)


def _free_order_id(conn, platform: str, stem: str) -> str:
    """A new order number: M + the paid day + a running number (M20260910-0003)."""
    prefix = f"{stem}-"
    numbering_lock(conn, f"order:{platform}:{stem}")
    taken = conn.execute(
        select(func.count()).select_from(Sale).where(Sale.platform == platform, Sale.order_id.like(prefix + "%"))
    ).scalar_one()
    number = int(taken) + 1
    while conn.execute(
        select(Sale.id).where(Sale.platform == platform, Sale.order_id == f"{prefix}{number:04d}").limit(1)
    ).first():
        number += 1
    return f"{prefix}{number:04d}"


def _free_line_id(conn, platform: str, order_id: str) -> str:
    """Line ids "1", "2"… within a typed order number (several products in one order)."""
    numbering_lock(conn, f"line:{platform}:{order_id}")
    taken = set(conn.execute(select(Sale.line_id).where(Sale.platform == platform, Sale.order_id == order_id)).scalars())
    number = 1
    while str(number) in taken:
        number += 1
    return str(number)


def _values(conn, sale: ValidSale, *, keep_order: Optional[tuple[str, str]] = None) -> dict:
    if sale.order_id:
        order_id = sale.order_id
        if keep_order is not None and keep_order == (sale.platform, order_id):
            line_id = None  # unchanged: keep its line id
        else:
            line_id = _free_line_id(conn, sale.platform, order_id)
    elif keep_order is not None and keep_order[0] == sale.platform:
        order_id, line_id = keep_order[1], None
    else:
        order_id = _free_order_id(conn, sale.platform, f"M{sale.paid_at:%Y%m%d}")
        line_id = "1"
    values = {
        "product_id": sale.product_id,
        "item_name": sale.product_name[:200],
        "platform": sale.platform,
        "order_id": order_id,
        "quantity": sale.quantity,
        "unit_price_fen": sale.unit_price_fen,
        "paid_fen": sale.paid_fen,
        "paid_at": sale.paid_at,
        "livestream_id": sale.livestream_id,
    }
    if line_id is not None:
        values["line_id"] = line_id
    return values


def _stock_problem(exc: IntegrityError) -> SalesProblem:
    text = str(exc.orig).lower()
    if "stock" in text:
        return SalesProblem("sales.not_enough_stock")
    if "unique" in text or "duplicate" in text:
        return SalesProblem("sales.duplicate_order_line")
    raise exc


def _check_stock(conn, product_id: int, needed: int, field: str = "quantity") -> None:
    """Refuse a sale that takes more than the product's stock (the table forbids negative stock)."""
    if needed <= 0:
        return
    stock = conn.execute(select(Product.stock).where(Product.id == product_id)).scalar()
    if stock is not None and needed > stock:
        raise SaleInvalid({field: Message("sales.stock_short", stock=int(stock), quantity=needed)})


def create_sale(db: Database, data: SaleInput) -> int:
    """Store a manually entered sale (stock goes down by its quantity); returns its id."""
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            sale = check_sale(conn, data)
            _check_stock(conn, sale.product_id, sale.quantity)
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_MANUAL) as lines:
                values = _values(conn, sale)
                values["source"] = SaleSource.MANUAL
                return lines.add(values)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def snapshot_of(conn, sale_id: int) -> SaleSnapshot:
    row = conn.execute(select(Sale.__table__).where(Sale.id == sale_id)).mappings().first()
    if row is None:
        raise SaleNotFound(sale_id)
    values = {k: v for k, v in dict(row).items() if k != "id"}
    return SaleSnapshot(sale_id, values)


def _snapshot_rows(conn, ids: Sequence[int]) -> list[SaleSnapshot]:
    found = []
    for start in range(0, len(ids), 900):
        part = list(ids[start:start + 900])
        for row in conn.execute(select(Sale.__table__).where(Sale.id.in_(part))).mappings():
            found.append(SaleSnapshot(row["id"], {k: v for k, v in dict(row).items() if k != "id"}))
    order = {sale_id: index for index, sale_id in enumerate(ids)}
    return sorted(found, key=lambda s: order[s.id])


def update_sale(db: Database, sale_id: int, data: SaleInput, *, expected_version: Optional[int] = None) -> SaleSnapshot:
    """Change a line to `data` (stock follows the change); returns the line as it was, for undo
    (`restore_sale_values`). With `expected_version` (the version the editor read),
    versions.ChangedElsewhere when the line was changed since (on this or another PC)."""
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            before = snapshot_of(conn, sale_id)
            sale = check_sale(conn, data)
            old = before.values
            refunded_qty = int(old["refunded_quantity"] or 0)
            refunded_fen = int(old["refunded_fen"] or 0)
            if sale.quantity < refunded_qty:
                raise SaleInvalid({"quantity": Message("sales.quantity_below_refund", refunded=refunded_qty)})
            if sale.paid_fen < refunded_fen:
                raise SaleInvalid({"paid_amount": Message("sales.paid_below_refund", refunded=_yuan(refunded_fen))})
            kept_before = (int(old["quantity"]) - refunded_qty) if old["paid_at"] is not None else 0
            if sale.product_id == old["product_id"]:
                _check_stock(conn, sale.product_id, (sale.quantity - refunded_qty) - kept_before)
            else:
                _check_stock(conn, sale.product_id, sale.quantity - refunded_qty)
            values = _values(conn, sale, keep_order=(old["platform"], old["order_id"]))
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_SALE_CHANGED) as lines:
                lines.update(sale_id, values, expected_version=expected_version)
            return before
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def restore_sale_values(db: Database, snapshot: SaleSnapshot) -> SaleSnapshot:
    """Put a line's stored values back (the undo of an edit or refund); returns the values it
    had just before, so the redo is the same call with them."""
    try:
        with uow.writing(db) as session:
            conn = session.connection()
            before = snapshot_of(conn, snapshot.id)
            values = {k: v for k, v in snapshot.values.items() if k != "created_at"}
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_SALE_CHANGED) as lines:
                lines.update(snapshot.id, values)
            return before
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def delete_sales(db: Database, sale_ids: Sequence[int]) -> tuple[SaleSnapshot, ...]:
    """Remove lines (their kept units go back into stock); returns their snapshots for
    `restore_sales`. Lines deleted meanwhile are skipped."""
    ids = list(dict.fromkeys(sale_ids))
    with uow.writing(db) as session:
        conn = session.connection()
        snapshots = _snapshot_rows(conn, ids)
        if snapshots:
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_SALE_REMOVED) as lines:
                lines.delete([s.id for s in snapshots])
        return tuple(snapshots)


def restore_sales(db: Database, snapshots: Sequence[SaleSnapshot]) -> tuple[int, ...]:
    """Put deleted lines back (stock goes down again); returns their new ids, in order."""
    try:
        with uow.writing(db) as session:
            ids = []
            with SaleLineWriter(session, adjust_stock=True, stock_reason=REASON_SOLD) as lines:
                for snapshot in snapshots:
                    values = {k: v for k, v in snapshot.values.items()}
                    ids.append(lines.add(values))
            return tuple(ids)
    except IntegrityError as exc:
        raise _stock_problem(exc) from None


def _yuan(fen: int) -> str:
    from ...domain.money import format_plain

    return format_plain(fen)


def input_of(snapshot_or_row: Any) -> SaleInput:
    """The SaleInput that would store a line as it is (fills the edit dialog)."""
    get = (lambda k: snapshot_or_row.values.get(k)) if isinstance(snapshot_or_row, SaleSnapshot) else (
        lambda k: getattr(snapshot_or_row, k, None))
    return SaleInput(
        product_id=get("product_id"),
        quantity=get("quantity"),
        unit_price=get("unit_price_fen"),
        paid_amount=get("paid_fen"),
        paid_at=get("paid_at"),
        order_id=get("order_id") or "",
        livestream_id=get("livestream_id"),
        platform=get("platform") or "",
    )


__all__ = [
    "SaleInput", "ValidSale", "FIELDS", "check_sale", "parse_paid_at", "create_sale", "update_sale",
    "restore_sale_values", "delete_sales", "restore_sales", "input_of", "REASON_MANUAL",
]
