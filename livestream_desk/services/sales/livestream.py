"""One livestream's sales: its DESIGN §5 figures and a per-product breakdown against its lineup."""
from __future__ import annotations

from sqlalchemy import func, select

from ...db.engine import Database
from ...db.models import LineupItem, Livestream, Product, Sale
from ...domain.metrics import Totals
from ...messages import Problem
from ..uow import reading
from .rows import LivestreamFigures, ProductBreakdown
from .window import totals_where


def _livestream(conn, livestream_id: int):
    row = conn.execute(
        select(Livestream.id, Livestream.title, Livestream.platform, Livestream.status, Livestream.viewers,
               Livestream.ad_spend_fen, func.coalesce(Livestream.actual_start, Livestream.scheduled_start).label("start"))
        .where(Livestream.id == livestream_id)
    ).first()
    if row is None:
        raise Problem("schedule.not_found", id=livestream_id)
    return row


def figures_in(conn, livestream_id: int) -> LivestreamFigures:
    stream = _livestream(conn, livestream_id)
    summed = totals_where(conn, [Sale.livestream_id == livestream_id])
    return LivestreamFigures(
        stream.id, stream.title, stream.platform, stream.start, stream.status, stream.viewers,
        int(stream.ad_spend_fen or 0), summed.totals, summed.lines,
    )


def livestream_figures(db: Database, livestream_id: int) -> LivestreamFigures:
    """gmv, refunds, net sales, orders, units of the livestream's lines, with gpm, uv value,
    conversion and roi from its viewers and ad spend (properties of the result)."""
    with reading(db) as conn:
        return figures_in(conn, livestream_id)


def product_breakdown(db: Database, livestream_id: int) -> tuple[ProductBreakdown, ...]:
    """Per product: sold units and money against the lineup's allotment and live price.
    Lineup products come first in lineup order (also those that sold nothing), then products
    sold without being in the lineup, by gmv."""
    paid = Sale.paid_at.is_not(None)
    with reading(db) as conn:
        _livestream(conn, livestream_id)
        sold = {}
        per_product = conn.execute(
            select(
                Sale.product_id,
                func.max(Sale.item_name),
                func.count(func.distinct(Sale.platform + "\x1f" + Sale.order_id)),
                func.coalesce(func.sum(Sale.quantity), 0),
                func.coalesce(func.sum(Sale.paid_fen), 0),
                func.coalesce(func.sum(Sale.refunded_fen), 0),
            )
            .where(Sale.livestream_id == livestream_id, paid)
            .group_by(Sale.product_id)
        )
        for product_id, item_name, orders, units, gmv, refunds in per_product:
            sold[product_id] = (item_name or "", Totals(int(orders), int(units), int(gmv), int(refunds)))
        lineup = conn.execute(
            select(LineupItem.product_id, LineupItem.position, LineupItem.allotted_stock,
                   func.coalesce(LineupItem.live_price_fen, Product.live_price_fen, Product.list_price_fen),
                   Product.name, Product.spec)
            .join(Product, Product.id == LineupItem.product_id)
            .where(LineupItem.livestream_id == livestream_id)
            .order_by(LineupItem.position, LineupItem.id)
        ).all()
        rows: list[ProductBreakdown] = []
        seen = set()
        for product_id, position, allotted, price, name, spec in lineup:
            if product_id in seen:
                continue
            seen.add(product_id)
            totals = sold.get(product_id, ("", Totals()))[1]
            rows.append(ProductBreakdown(product_id, name, spec or "", position, allotted, int(price), totals))
        extra_ids = [p for p in sold if p not in seen]
        names = {}
        known = [p for p in extra_ids if p is not None]
        if known:
            names = {r.id: (r.name, r.spec) for r in conn.execute(
                select(Product.id, Product.name, Product.spec).where(Product.id.in_(known)))}
        extras = []
        for product_id in extra_ids:
            item_name, totals = sold[product_id]
            name, spec = names.get(product_id, (item_name, ""))
            extras.append(ProductBreakdown(product_id, name, spec or "", None, None, None, totals))
        extras.sort(key=lambda r: -r.totals.gmv_fen)
        return tuple(rows + extras)


__all__ = ["livestream_figures", "product_breakdown", "figures_in"]
