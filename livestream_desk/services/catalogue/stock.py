"""Stock: every change is a DELTA applied inside the writing transaction, recorded as a
StockMovement with its reason (the stock history).

So two changes made at the same time (the stock dialog here, an edit on another PC on
PostgreSQL) both count: nothing reads the stock in one transaction and writes it in
another. The reasons written by the app itself are the REASON_* constants (stored text, in
Chinese like the rest of the user's data).
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Product, StockMovement
from ...domain.validation import normalise_text
from ...messages import Message
from ..uow import now, reading, writing
from .errors import CatalogueProblem, NotFound, ProductInvalid, product_label
from .rows import ProductRow, StockMovementRow, row_in

REASON_INITIAL = "初始库存"
REASON_EDITED = "编辑商品时修改"
REASON_IMPORT = "导入商品表"
REASON_STOCKTAKE = "盘点"
MAX_REASON = 200


def record_movement(session: Session, product_id: int, delta: int, reason: str, at: datetime) -> int:
    return session.execute(
        insert(StockMovement)
        .values(product_id=product_id, delta=delta, reason=reason[:MAX_REASON], at=at)
        .returning(StockMovement.id)
    ).scalar_one()


def apply_stock_delta(session: Session, product_id: int, delta: int, reason: str, at: datetime) -> StockMovementRow:
    """Add `delta` to the product's stock in the caller's transaction, with a movement.
    Refused (nothing written) when the stock would go below zero."""
    row = session.execute(
        select(Product.stock, Product.name, Product.spec, Product.sku).where(Product.id == product_id)
    ).first()
    if row is None:
        raise NotFound("product", product_id)
    if row.stock + delta < 0:
        raise CatalogueProblem(
            "catalogue.stock_too_low", product=product_label(row.name, row.spec), stock=row.stock, amount=-delta
        )
    session.execute(update(Product).where(Product.id == product_id).values(stock=Product.stock + delta, updated_at=at))
    movement_id = record_movement(session, product_id, delta, reason, at)
    return StockMovementRow(
        id=movement_id, product_id=product_id, delta=delta, reason=reason[:MAX_REASON], at=at,
        stock_after=row.stock + delta,
    )


def _reason(reason: str) -> str:
    reason = normalise_text(reason)
    if not reason:
        raise CatalogueProblem("catalogue.stock_reason_required")
    if len(reason) > MAX_REASON:
        raise CatalogueProblem("catalogue.stock_reason_too_long", limit=MAX_REASON)
    return reason


def adjust_stock(db: Database, product_id: int, delta: int, reason: str) -> StockMovementRow:
    """Add (or with a negative delta take away) stock, kept in the history with its reason.

    Refused when the reason is empty, delta is 0 or the stock would go below zero.
    """
    if isinstance(delta, bool) or not isinstance(delta, int):
        raise CatalogueProblem("catalogue.stock_change_not_whole")
    if delta == 0:
        raise CatalogueProblem("catalogue.stock_change_zero")
    reason = _reason(reason)
    with writing(db) as session:
        return apply_stock_delta(session, product_id, delta, reason, now())


def set_stock(
    db: Database, product_id: int, new_stock: int, reason: str = REASON_STOCKTAKE
) -> Optional[StockMovementRow]:
    """Stock-taking: set the stock to what was counted; None when it was already right.
    The count is compared with the stock in the same transaction that writes it."""
    if isinstance(new_stock, bool) or not isinstance(new_stock, int) or new_stock < 0:
        raise CatalogueProblem("catalogue.stock_not_whole")
    reason = _reason(reason)
    with writing(db) as session:
        current = session.execute(select(Product.stock).where(Product.id == product_id)).scalar()
        if current is None:
            raise NotFound("product", product_id)
        if current == new_stock:
            return None
        return apply_stock_delta(session, product_id, new_stock - current, reason, now())


def stock_history(db: Database, product_id: int) -> list[StockMovementRow]:
    """The product's stock movements, newest first, each with the stock after it."""
    with reading(db) as conn:
        stock = conn.execute(select(Product.stock).where(Product.id == product_id)).scalar()
        if stock is None:
            raise NotFound("product", product_id)
        rows = conn.execute(
            select(StockMovement)
            .where(StockMovement.product_id == product_id)
            .order_by(StockMovement.at.desc(), StockMovement.id.desc())
        ).all()
    history = []
    after = stock
    for r in rows:
        history.append(StockMovementRow(id=r.id, product_id=r.product_id, delta=r.delta, reason=r.reason, at=r.at,
                                        stock_after=after))
        after -= r.delta
    return history


def set_low_stock_threshold(db: Database, product_id: int, threshold: int) -> ProductRow:
    """Warn when the stock is at or under `threshold` (0 = never)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ProductInvalid({"low_stock_threshold": Message("catalogue.threshold_not_whole")})
    with writing(db) as session:
        result = session.execute(
            update(Product).where(Product.id == product_id).values(low_stock_threshold=threshold, updated_at=now())
        )
        if result.rowcount == 0:
            raise NotFound("product", product_id)
        return row_in(session, product_id)


__all__ = [
    "REASON_INITIAL", "REASON_EDITED", "REASON_IMPORT", "REASON_STOCKTAKE", "record_movement",
    "apply_stock_delta", "adjust_stock", "set_stock", "stock_history", "set_low_stock_threshold",
]
