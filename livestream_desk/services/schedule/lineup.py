"""A livestream's lineup (排品): products in order with live price, allotted stock, talking points.

Positions are kept 1…n. A product archived after it was put in a lineup still shows there
(with its archived flag). For undo, take `lineup(db, id)` before a change and give it back
to `restore_lineup`.
"""
from __future__ import annotations

from typing import Optional, Sequence

from sqlalchemy import delete, func, insert, select, update

from ...db.engine import Database
from ...db.models import LineupItem, Livestream, Product
from ...messages import Message, Problem
from .. import uow
from ..versions import check_version
from .editing import copy_lineup_rows
from .queries import lineup_price
from .rows import LineupItemRow, LineupTotal
from .status import _count, _money

_li = LineupItem.__table__
_prod = Product.__table__
_ls = Livestream.__table__


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()  # set_lineup_item: leave this field as it is


def lineup(db: Database, livestream_id: int) -> tuple[LineupItemRow, ...]:
    """The lineup in order, with each product's name, spec, prices and archived flag."""
    query = (
        select(
            _li.c.id, _li.c.livestream_id, _li.c.product_id, _li.c.position, _prod.c.name, _prod.c.spec,
            _prod.c.unit, func.coalesce(_prod.c.sku, ""), _prod.c.list_price_fen, _prod.c.live_price_fen,
            _li.c.live_price_fen, _li.c.allotted_stock, _li.c.talking_points, _prod.c.archived, _prod.c.stock,
            _li.c.version,
        )
        .select_from(_li.join(_prod, _prod.c.id == _li.c.product_id))
        .where(_li.c.livestream_id == livestream_id)
        .order_by(_li.c.position, _li.c.id)
    )
    with uow.reading(db) as conn:
        rows = conn.execute(query).all()
    return tuple(
        LineupItemRow(*row[:13], archived=bool(row[13]), stock=int(row[14]), version=int(row[15])) for row in rows
    )


def lineup_total(db: Database, livestream_id: int) -> LineupTotal:
    """Number of items and planned value (Σ live price × allotted stock)."""
    query = (
        select(func.count(), func.coalesce(func.sum(lineup_price * func.coalesce(_li.c.allotted_stock, 0)), 0))
        .select_from(_li.join(_prod, _prod.c.id == _li.c.product_id))
        .where(_li.c.livestream_id == livestream_id)
    )
    with uow.reading(db) as conn:
        count, value = conn.execute(query).one()
    return LineupTotal(int(count), int(value))


def _require_livestream(session, livestream_id: int) -> None:
    if session.execute(select(_ls.c.id).where(_ls.c.id == livestream_id)).first() is None:
        raise Problem("schedule.not_found", id=livestream_id)


def _ordered_ids(session, livestream_id: int) -> list[int]:
    return list(
        session.execute(
            select(_li.c.id).where(_li.c.livestream_id == livestream_id).order_by(_li.c.position, _li.c.id)
        ).scalars()
    )


def _renumber(session, ids: Sequence[int]) -> None:
    for position, item_id in enumerate(ids, start=1):
        session.execute(update(_li).where(_li.c.id == item_id, _li.c.position != position).values(position=position))


def add_to_lineup(db: Database, livestream_id: int, product_ids: Sequence[int], *,
                  position: Optional[int] = None) -> tuple[int, ...]:
    """Add products (in the given order) at `position` (1-based; default the end). Each gets the
    product's live price, else its list price. Returns the new items' ids."""
    if not product_ids:
        return ()
    with uow.writing(db) as session:
        _require_livestream(session, livestream_id)
        products = {
            row.id: row
            for row in session.execute(
                select(_prod.c.id, _prod.c.live_price_fen, _prod.c.list_price_fen).where(_prod.c.id.in_(list(product_ids)))
            )
        }
        for product_id in product_ids:
            if product_id not in products:
                raise Problem("schedule.product_missing", id=product_id)
        ids = _ordered_ids(session, livestream_id)
        new_ids = []
        for n, product_id in enumerate(product_ids):
            product = products[product_id]
            price = product.live_price_fen if product.live_price_fen is not None else product.list_price_fen
            new_ids.append(
                session.execute(
                    insert(_li).values(livestream_id=livestream_id, product_id=product_id, position=len(ids) + n + 1,
                                       live_price_fen=price, allotted_stock=None, talking_points="")
                ).inserted_primary_key[0]
            )
        at = len(ids) if position is None else max(0, min(len(ids), position - 1))
        _renumber(session, ids[:at] + new_ids + ids[at:])
    return tuple(new_ids)


def _item(session, item_id: int):
    row = session.execute(select(_li).where(_li.c.id == item_id)).mappings().first()
    if row is None:
        raise Problem("schedule.lineup_item_missing")
    return row


def remove_from_lineup(db: Database, item_ids: Sequence[int]) -> None:
    """Remove items; the others close up."""
    with uow.writing(db) as session:
        owners = set(session.execute(select(_li.c.livestream_id).where(_li.c.id.in_(list(item_ids)))).scalars())
        session.execute(delete(_li).where(_li.c.id.in_(list(item_ids))))
        for owner in owners:
            _renumber(session, _ordered_ids(session, owner))


def move_lineup_item(db: Database, item_id: int, position: int) -> int:
    """Move an item to `position` (1-based, clamped to the lineup); its new position."""
    with uow.writing(db) as session:
        row = _item(session, item_id)
        ids = _ordered_ids(session, row["livestream_id"])
        ids.remove(item_id)
        at = max(0, min(len(ids), position - 1))
        ids.insert(at, item_id)
        _renumber(session, ids)
        return at + 1


def move_lineup_item_up(db: Database, item_id: int) -> int:
    """One place earlier (stays first when first); its new position."""
    with uow.writing(db) as session:
        row = _item(session, item_id)
        index = _ordered_ids(session, row["livestream_id"]).index(item_id)
    return move_lineup_item(db, item_id, max(1, index))


def move_lineup_item_down(db: Database, item_id: int) -> int:
    """One place later (stays last when last); its new position."""
    with uow.writing(db) as session:
        row = _item(session, item_id)
        index = _ordered_ids(session, row["livestream_id"]).index(item_id)
    return move_lineup_item(db, item_id, index + 2)


def set_lineup_order(db: Database, livestream_id: int, item_ids: Sequence[int]) -> None:
    """Put the lineup in exactly this order (a drag that moved several rows). Items not named
    keep their relative order after the named ones."""
    with uow.writing(db) as session:
        current = _ordered_ids(session, livestream_id)
        named = [i for i in item_ids if i in current]
        _renumber(session, named + [i for i in current if i not in named])


def set_lineup_item(db: Database, item_id: int, *, live_price=UNCHANGED, allotted_stock=UNCHANGED,
                    talking_points=UNCHANGED, expected_version: Optional[int] = None) -> LineupItemRow:
    """Change an item's live price (typed text / Money; blank = the product's price),
    allotted stock (whole number ≥ 0 or blank) or talking points. With `expected_version`
    (the version shown), versions.ChangedElsewhere when it was changed since."""
    values: dict = {}
    if live_price is not UNCHANGED:
        values["live_price_fen"] = None if live_price is None or str(live_price).strip() == "" else _money(live_price, "live_price")
    if allotted_stock is not UNCHANGED:
        values["allotted_stock"] = _count(allotted_stock, "allotted_stock")
    if talking_points is not UNCHANGED:
        values["talking_points"] = (talking_points or "").strip()
    with uow.writing(db) as session:
        row = _item(session, item_id)
        if expected_version is not None:
            name = session.execute(select(_prod.c.name).where(_prod.c.id == row["product_id"])).scalar() or ""
            check_version(session.connection(), LineupItem, item_id, expected_version,
                          Message("concurrency.lineup_item", name=name))
        if values:
            session.execute(update(_li).where(_li.c.id == item_id).values(**values))
    return next(item for item in lineup(db, row["livestream_id"]) if item.id == item_id)


def copy_lineup(db: Database, from_livestream_id: int, to_livestream_id: int, *, replace: bool = False) -> int:
    """Copy an earlier livestream's lineup (prices, stock, talking points) onto another: appended,
    or replacing its lineup when `replace`. The number of items copied."""
    if from_livestream_id == to_livestream_id:
        raise Problem("schedule.lineup_copy_same")
    with uow.writing(db) as session:
        _require_livestream(session, from_livestream_id)
        _require_livestream(session, to_livestream_id)
        if replace:
            session.execute(delete(_li).where(_li.c.livestream_id == to_livestream_id))
        return copy_lineup_rows(session, from_livestream_id, to_livestream_id)


def restore_lineup(db: Database, livestream_id: int, items: Sequence[LineupItemRow]) -> None:
    """Make the lineup exactly `items` again (undo of any lineup change)."""
    with uow.writing(db) as session:
        _require_livestream(session, livestream_id)
        session.execute(delete(_li).where(_li.c.livestream_id == livestream_id))
        if items:
            session.execute(
                insert(_li),
                [
                    {"id": i.id, "livestream_id": livestream_id, "product_id": i.product_id, "position": n,
                     "live_price_fen": i.live_price_fen, "allotted_stock": i.allotted_stock,
                     "talking_points": i.talking_points}
                    for n, i in enumerate(items, start=1)
                ],
            )


__all__ = [
    "UNCHANGED", "lineup", "lineup_total", "add_to_lineup", "remove_from_lineup", "move_lineup_item",
    "move_lineup_item_up", "move_lineup_item_down", "set_lineup_order", "set_lineup_item", "copy_lineup",
    "restore_lineup",
]
