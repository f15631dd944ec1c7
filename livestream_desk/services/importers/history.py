"""The import history: the batches written, their rejected rows, and undoing a batch.

Undoing a batch removes every line it added (through SaleLineWriter, so the monthly summary
and the stock follow: the units those lines took off the shelf go back, less what later
refunds already gave back) and takes back out the stock it had booked in for missing
units. The batch row stays in the history, marked undone; products it created stay in the
catalogue (they may have been completed or mapped since).

Lines a batch only UPDATED (an older line whose refund or status a later export moved on)
keep their newer refund and status: the platform reported that refund, and removing the
file that said so does not make it un-happen. Importing the same file again after an undo
adds its lines again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import func, select, update

from ...db.engine import Database
from ...db.models import ImportBatch, Product, Sale, StockMovement
from ...messages import Problem
from .. import uow
from ..sale_lines import SaleLineWriter
from .commit import ORDERS, topped_up_reason
from .lines import RejectedRow


def undo_reason(batch_id: int) -> str:
    return f"撤销导入订单（批次 #{batch_id}）"


@dataclass(frozen=True)
class BatchRow:
    id: int
    imported_at: datetime
    file_name: str
    platform: str
    new_rows: int
    duplicate_rows: int
    updated_rows: int
    rejected_rows: int
    undone_at: Optional[datetime]
    lines: int  # its lines in the database now

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    lines_removed: int


def list_batches(db: Database, limit: int = 500) -> list[BatchRow]:
    """Order import batches, newest first."""
    counts = (
        select(Sale.import_batch_id, func.count().label("n")).where(Sale.import_batch_id.is_not(None))
        .group_by(Sale.import_batch_id).subquery()
    )
    with uow.reading(db) as conn:
        rows = conn.execute(
            select(ImportBatch, func.coalesce(counts.c.n, 0).label("lines"))
            .outerjoin(counts, counts.c.import_batch_id == ImportBatch.id)
            .where(ImportBatch.kind == ORDERS)
            .order_by(ImportBatch.id.desc())
            .limit(limit)
        )
        return [
            BatchRow(r.id, r.imported_at, r.file_name, r.platform, r.new_rows, r.duplicate_rows, r.updated_rows,
                     r.rejected_rows, r.undone_at, int(r.lines))
            for r in rows
        ]


def batch_rejected_rows(db: Database, batch_id: int) -> list[RejectedRow]:
    with uow.reading(db) as conn:
        text = conn.execute(select(ImportBatch.rejected_detail).where(ImportBatch.id == batch_id)).scalar()
    if not text:
        return []
    try:
        return [RejectedRow.from_json(item) for item in json.loads(text)]
    except (ValueError, KeyError, TypeError):
        return []


def undo_batch(db: Database, batch_id: int) -> UndoResult:
    """Remove everything batch `batch_id` added (see the module docstring), in one transaction."""
    with uow.writing(db) as session:
        batch = session.execute(
            select(ImportBatch.id, ImportBatch.undone_at).where(ImportBatch.id == batch_id, ImportBatch.kind == ORDERS)
        ).first()
        if batch is None:
            raise Problem("orders.batch_missing", batch=batch_id)
        if batch.undone_at is not None:
            raise Problem("orders.batch_already_undone", batch=batch_id, when=batch.undone_at)
        at = uow.now()
        # The batch row is never deleted before its lines: sales.import_batch_id cascades.
        with SaleLineWriter(session, adjust_stock=True, stock_reason=undo_reason(batch_id), now=at) as writer:
            removed = writer.delete_where(Sale.import_batch_id == batch_id)
        booked = session.execute(
            select(StockMovement.product_id, func.sum(StockMovement.delta))
            .where(StockMovement.reason == topped_up_reason(batch_id))
            .group_by(StockMovement.product_id)
        ).all()
        for product_id, units in booked:
            stock = session.execute(select(Product.stock).where(Product.id == product_id)).scalar()
            take = min(int(units or 0), int(stock or 0))
            if take > 0:
                session.execute(update(Product).where(Product.id == product_id).values(stock=Product.stock - take))
                session.add(StockMovement(product_id=product_id, delta=-take, reason=undo_reason(batch_id), at=at))
        session.execute(update(ImportBatch).where(ImportBatch.id == batch_id).values(undone_at=at))
        return UndoResult(batch_id, removed)


__all__ = ["BatchRow", "UndoResult", "list_batches", "batch_rejected_rows", "undo_batch", "undo_reason"]
