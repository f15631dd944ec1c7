"""The figures of the 战报 cards (a livestream's, a month's) that sellers post in WeChat groups.

The drawing is Qt's (ui/cards/render.py); this module only reads the numbers, so the card,
the GUI and the tests agree on them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional

from sqlalchemy import select

from ...db.engine import Database
from ...db.models import Account, Host, Livestream
from ...domain import metrics
from ...domain.period import Month
from ...messages import Problem
from ..sales.livestream import figures_in as livestream_figures_in
from ..uow import now, reading
from . import queries
from .breakdowns import figures_in, livestreams_from, producers_from, products_from
from .period import ReportPeriod


@dataclass(frozen=True)
class CardProduct:
    name: str
    spec: str
    units: int
    net_sales_fen: int


@dataclass(frozen=True)
class LivestreamCard:
    livestream_id: int
    title: str
    platform: str
    start: datetime
    host_name: str
    account_name: str
    gmv_fen: int
    net_sales_fen: int
    orders: int
    units: int
    viewers: Optional[int]
    gpm_fen: Optional[Decimal]
    conversion: Optional[Decimal]  # orders per viewer
    top_products: tuple[CardProduct, ...]
    made_at: datetime


@dataclass(frozen=True)
class CardLivestream:
    livestream_id: int
    title: str
    platform: str
    start: datetime
    host_name: str
    net_sales_fen: int


@dataclass(frozen=True)
class CardProducer:
    name: str
    kind: str
    village: str
    net_sales_fen: int
    units: int


@dataclass(frozen=True)
class MonthCard:
    month: Month
    net_sales_fen: int
    previous_net_fen: int  # the month before
    growth_pct: Optional[Decimal]  # vs the month before; None when that was 0
    orders: int
    units: int
    livestreams: int
    best_livestream: Optional[CardLivestream]  # by net sales of its lines
    top_producers: tuple[CardProducer, ...]  # 助农: producers whose products sold most
    producers_helped: int  # producers with a paid line this month
    made_at: datetime


def livestream_card(db: Database, livestream_id: int, top: int = 5) -> LivestreamCard:
    """One livestream's card: its lines' figures (whenever paid) and its best-selling products.
    Raises Problem("schedule.not_found") for an unknown id."""
    with reading(db) as conn:
        figures = livestream_figures_in(conn, livestream_id)
        host, account = conn.execute(
            select(Host.name, Account.name)
            .select_from(Livestream)
            .outerjoin(Host, Host.id == Livestream.host_id)
            .outerjoin(Account, Account.id == Livestream.account_id)
            .where(Livestream.id == livestream_id)
        ).one()
        per_product = queries.per_product(conn, None, queries.row_filters(livestream_id=livestream_id))
        info = queries.product_info(conn, per_product)
    products = products_from(per_product, info, top)
    return LivestreamCard(
        livestream_id=figures.livestream_id,
        title=figures.title,
        platform=figures.platform,
        start=figures.start,
        host_name=host or "",
        account_name=account or "",
        gmv_fen=figures.gmv_fen,
        net_sales_fen=figures.net_sales_fen,
        orders=figures.orders,
        units=figures.units,
        viewers=figures.viewers,
        gpm_fen=figures.gpm_fen,
        conversion=figures.conversion,
        top_products=tuple(CardProduct(row.name, row.spec, row.units, row.net_sales_fen) for row in products.rows),
        made_at=now(),
    )


def month_card(db: Database, month: Month, top: int = 3) -> MonthCard:
    """One month's card: net sales and growth, the best livestream, the producers helped most."""
    if not isinstance(month, Month):
        raise Problem("period.not_a_month", value=str(month))
    period = ReportPeriod.month(month)
    with reading(db) as conn:
        streams = queries.done_livestreams(conn, period.start(), period.end())
        sums = queries.per_livestream(conn, period.start(), period.end())
        current = figures_in(conn, period, streams, sums)
        previous = figures_in(conn, period.previous())
        per_product = queries.per_product(conn, period)
        info = queries.product_info(conn, per_product)
    ranking = livestreams_from(streams, sums)
    best = None
    if ranking and ranking[0].net_sales_fen > 0:
        row = ranking[0]
        best = CardLivestream(row.livestream_id, row.title, row.platform, row.start, row.host_name, row.net_sales_fen)
    producers = [row for row in producers_from(per_product, info).rows if row.key is not None]
    return MonthCard(
        month=month,
        net_sales_fen=current.net_sales_fen,
        previous_net_fen=previous.net_sales_fen,
        growth_pct=metrics.growth_pct(current.net_sales_fen, previous.net_sales_fen),
        orders=current.orders,
        units=current.units,
        livestreams=current.livestreams,
        best_livestream=best,
        top_producers=tuple(
            CardProducer(row.name, row.kind, row.village, row.net_sales_fen, row.units) for row in producers[:top]
        ),
        producers_helped=len(producers),
        made_at=now(),
    )


__all__ = ["CardProduct", "LivestreamCard", "CardLivestream", "CardProducer", "MonthCard", "livestream_card", "month_card"]
