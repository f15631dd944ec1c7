"""Lines already in the database: a duplicate, or an update when the export moved them on.

Sellers export every week and the files overlap (DESIGN §6). A line already imported (same
platform, order id and line id) is updated by another export only when its refund grew or
its status went further along (`status_rank`); refunds only grow and a status never goes
back, so importing a set of exports in any order ends with the same lines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from ...db.models import Sale
from .lines import OrderLine

CHUNK = 500  # order ids per lookup (SQLite allows 32,766 parameters; PostgreSQL more)

# How far along an order is; a later export never moves a line back down this list.
_STATUS_STEPS = (
    (5, ("(删除)", "（删除）", "已关闭", "交易关闭", "已取消", "取消")),
    (4, ("完成", "交易成功", "已签收")),
    (3, ("已发货", "等待确认收货", "待收货")),
    (2, ("待发货", "等待出库", "已支付", "待出库")),
    (1, ("待支付", "待付款", "等待付款")),
)


def status_rank(status: str) -> int:
    if not status:
        return 0
    for rank, words in _STATUS_STEPS:
        if any(word in status for word in words):
            return rank
    return 0


@dataclass(frozen=True, slots=True)
class Existing:
    id: int
    refunded_fen: int
    refunded_quantity: int
    status: str


def existing_lines(conn: Connection, lines: list[OrderLine]) -> dict[tuple[str, str, str], Existing]:
    """The lines of `lines` already stored, by (platform, order id, line id)."""
    wanted: dict[str, set[str]] = {}
    for platform in {line.platform for line in lines}:
        # The first import of a platform has nothing to look up.
        if conn.execute(select(Sale.id).where(Sale.platform == platform).limit(1)).first() is not None:
            wanted[platform] = set()
    if not wanted:
        return {}
    for line in lines:
        order_ids = wanted.get(line.platform)
        if order_ids is not None:
            order_ids.add(line.order_id)
    found: dict[tuple[str, str, str], Existing] = {}
    for platform, order_ids in wanted.items():
        ordered = sorted(order_ids)
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            rows = conn.execute(
                select(Sale.id, Sale.order_id, Sale.line_id, Sale.refunded_fen, Sale.refunded_quantity, Sale.order_status)
                .where(Sale.platform == platform, Sale.order_id.in_(chunk))
            )
            for r in rows:
                found[(platform, r.order_id, r.line_id)] = Existing(r.id, r.refunded_fen, r.refunded_quantity, r.order_status)
    return found


def changes(existing: Existing, line: OrderLine) -> dict[str, Any]:
    """What `line` moves on in the stored line (empty: a plain duplicate)."""
    values: dict[str, Any] = {}
    if line.refunded_fen > existing.refunded_fen:
        values["refunded_fen"] = line.refunded_fen
    if line.refunded_quantity > existing.refunded_quantity:
        values["refunded_quantity"] = line.refunded_quantity
    if line.status and line.status != existing.status and status_rank(line.status) > status_rank(existing.status):
        values["order_status"] = line.status[:32]
    return values


@dataclass
class Classified:
    new: list[int]  # indexes into the lines
    updates: list[tuple[int, int, dict]]  # (line index, sale id, values)
    duplicates: int


def classify(conn: Connection, lines: list[OrderLine]) -> Classified:
    stored = existing_lines(conn, lines)
    if not stored:
        return Classified(list(range(len(lines))), [], 0)
    result = Classified([], [], 0)
    for index, line in enumerate(lines):
        old = stored.get(line.key)
        if old is None:
            result.new.append(index)
            continue
        values = changes(old, line)
        if values:
            result.updates.append((index, old.id, values))
        else:
            result.duplicates += 1
    return result


__all__ = ["status_rank", "existing_lines", "changes", "classify", "Classified", "Existing"]
