"""A period's figures and breakdowns (DESIGN §5), built from the aggregates of queries.py.

The `*_from` builders take already-summed rows so that `report.period_report` can make every
product-based breakdown from one query; the public functions open their own read
transaction for callers that need only one table.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Callable, Iterable, Optional

from sqlalchemy import Connection

from ...db.engine import Database
from ...db.models import Platform
from ...domain.period import Month
from ..uow import now, reading
from . import queries
from .period import ReportPeriod
from .rows import (
    OTHERS,
    Breakdown,
    CumulativeSeries,
    GroupRow,
    HostRow,
    LivestreamRow,
    PeriodFigures,
    PeriodSummary,
    PlatformRow,
    PlatformSeries,
    Sums,
    share_of,
)

ORIGIN_LEVELS = ("county", "town", "village")
LIVESTREAM_ORDERS = ("net_sales", "gpm", "roi", "viewers", "gmv", "orders", "start")


def _platform_rank(platform: str) -> tuple[int, str]:
    return (Platform.ALL.index(platform) if platform in Platform.ALL else len(Platform.ALL), platform)


# --- the period's figures ------------------------------------------------------------------


def figures_in(conn: Connection, period: ReportPeriod, streams=None, sums=None, prefetched=None) -> PeriodFigures:
    """`streams` / `sums`: the period's done_livestreams / per_livestream when already read;
    `prefetched`: a queries.Prefetched that may cover the period."""
    orders = units = gmv = refunds = 0
    for _month, _platform, o, u, g, r in queries.summary_between(conn, period.first.key, period.last.key, prefetched):
        orders, units, gmv, refunds = orders + o, units + u, gmv + g, refunds + r
    if streams is None or sums is None:
        streams, sums = queries.streams_between(conn, period.start(), period.end(), prefetched)
    viewers = viewed = spend = advertised = 0
    for stream in streams:
        stream_gmv = sums.get(stream.livestream_id, (0, Sums()))[1].gmv_fen
        if stream.viewers:
            viewers += stream.viewers
            viewed += stream_gmv
        if stream.ad_spend_fen:
            spend += stream.ad_spend_fen
            advertised += stream_gmv
    return PeriodFigures(period, gmv, refunds, orders, units, len(streams), viewers, viewed, spend, advertised)


def summary_in(conn: Connection, period: ReportPeriod, streams=None, sums=None, prefetched=None) -> PeriodSummary:
    current = figures_in(conn, period, streams, sums, prefetched)
    previous = figures_in(conn, period.previous(), prefetched=prefetched)
    year_ago = previous if period.year_ago() == period.previous() else figures_in(conn, period.year_ago(), prefetched=prefetched)
    return PeriodSummary(current, previous, year_ago)


def period_figures(db: Database, period: ReportPeriod) -> PeriodFigures:
    with reading(db) as conn:
        return figures_in(conn, period)


def period_summary(db: Database, period: ReportPeriod) -> PeriodSummary:
    """The period's figures with the previous period's and a year earlier's (for the changes)."""
    with reading(db) as conn:
        return summary_in(conn, period)


# --- by platform ---------------------------------------------------------------------------


def platforms_in(conn: Connection, period: ReportPeriod, prefetched=None) -> tuple[PlatformRow, ...]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for _month, platform, o, u, g, r in queries.summary_between(conn, period.first.key, period.last.key, prefetched):
        row = totals[platform]
        row[0] += o
        row[1] += u
        row[2] += g
        row[3] += r
    streams: dict[str, int] = defaultdict(int)
    if prefetched is not None:
        period_streams, _sums = queries.streams_between(conn, period.start(), period.end(), prefetched)
    else:
        period_streams = queries.done_livestreams(conn, period.start(), period.end())
    for stream in period_streams:
        streams[stream.platform] += 1
    net_total = sum(g - r for _o, _u, g, r in totals.values())
    rows = [
        PlatformRow(p, g, r, o, u, streams.get(p, 0), share_of(g - r, net_total))
        for p, (o, u, g, r) in totals.items()
    ]
    rows += [PlatformRow(p, 0, 0, 0, 0, n, None if not net_total else Decimal(0)) for p, n in streams.items() if p not in totals]
    rows.sort(key=lambda row: (-row.net_sales_fen, _platform_rank(row.platform)))
    return tuple(rows)


def platform_breakdown(db: Database, period: ReportPeriod) -> tuple[PlatformRow, ...]:
    """Per platform: gmv, refunds, net, orders, units, done livestreams, share of net sales;
    largest net sales first (platforms with livestreams but no sales included)."""
    with reading(db) as conn:
        return platforms_in(conn, period)


# --- by product attribute (one query per product, summed in Python) -------------------------


def _sorted_rows(rows: Iterable[GroupRow]) -> list[GroupRow]:
    return sorted(rows, key=lambda row: (-row.net_sales_fen, row.key is None, row.name, str(row.key)))


def _cut(rows: list[GroupRow], top: Optional[int], total_net: int) -> Breakdown:
    if top is None or len(rows) <= top:
        return Breakdown(tuple(rows), None, len(rows))
    kept, rest = rows[:top], rows[top:]
    sums = sum((row.sums for row in rest), Sums())
    others = GroupRow(OTHERS, "", sums, share_of(sums.net_sales_fen, total_net),
                      products=sum(row.products for row in rest))
    return Breakdown(tuple(kept), others, len(rows))


def _grouped(per_product: dict, info: dict, key_of: Callable, make: Callable, top: Optional[int]) -> Breakdown:
    sums: dict[object, Sums] = defaultdict(Sums)
    products: dict[object, int] = defaultdict(int)
    for product_id, product_sums in per_product.items():
        key = key_of(product_id, info.get(product_id) if product_id is not None else None)
        sums[key] = sums[key] + product_sums
        products[key] += 1
    total_net = sum(s.net_sales_fen for s in sums.values())
    rows = [make(key, s, share_of(s.net_sales_fen, total_net), products[key]) for key, s in sums.items()]
    return _cut(_sorted_rows(rows), top, total_net)


def products_from(per_product: dict, info: dict, top: Optional[int] = None) -> Breakdown:
    def make(key, sums, share, count):
        product = info.get(key) if key is not None else None
        if product is None:
            return GroupRow(None, "", sums, share, count)
        return GroupRow(key, product.name, sums, share, 1, spec=product.spec, category=product.category,
                        county=product.county, town=product.town, village=product.village)

    # a product deleted since (its lines keep the id) counts as "no product"
    return _grouped(per_product, info, lambda product_id, product: product_id if product is not None else None, make, top)


def categories_from(per_product: dict, info: dict, top: Optional[int] = None) -> Breakdown:
    names: dict[int, str] = {}

    def key_of(_product_id, product):
        if product is None or product.category_id is None:
            return None
        names[product.category_id] = product.category
        return product.category_id

    def make(key, sums, share, count):
        return GroupRow(key, names.get(key, "") if key is not None else "", sums, share, count)

    return _grouped(per_product, info, key_of, make, top)


def producers_from(per_product: dict, info: dict, top: Optional[int] = None) -> Breakdown:
    """The 助农 impact table: each producer's sales, units, share, kind and village."""
    details: dict[int, tuple[str, str, str, set]] = {}

    def key_of(_product_id, product):
        if product is None or product.producer_id is None:
            return None
        name, kind, village, counties = details.setdefault(
            product.producer_id, (product.producer, product.producer_kind, product.producer_village, set()))
        counties.add((product.county, product.town))
        return product.producer_id

    def make(key, sums, share, count):
        if key is None:
            return GroupRow(None, "", sums, share, count)
        name, kind, village, places = details[key]
        county, town = next(iter(places)) if len(places) == 1 else ("", "")
        return GroupRow(key, name, sums, share, count, kind=kind, village=village, county=county, town=town)

    return _grouped(per_product, info, key_of, make, top)


def origins_from(per_product: dict, info: dict, level: str = "village", top: Optional[int] = None) -> Breakdown:
    """By county, town or village of origin (`level`); key (county[, town[, village]]), None when
    the product has no origin or no product is linked."""
    if level not in ORIGIN_LEVELS:
        raise ValueError(level)
    depth = ORIGIN_LEVELS.index(level) + 1

    def key_of(_product_id, product):
        if product is None:
            return None
        key = (product.county, product.town, product.village)[:depth]
        return key if any(key) else None

    def make(key, sums, share, count):
        if key is None:
            return GroupRow(None, "", sums, share, count)
        padded = tuple(key) + ("",) * (3 - len(key))
        name = " ".join(part for part in key if part)
        return GroupRow(key, name, sums, share, count, county=padded[0], town=padded[1], village=padded[2])

    return _grouped(per_product, info, key_of, make, top)


def _per_product_in(conn: Connection, period: ReportPeriod, terms=()):
    per_product = queries.per_product(conn, period, terms)
    return per_product, queries.product_info(conn, per_product)


def product_breakdown(db: Database, period: ReportPeriod, top: Optional[int] = 10) -> Breakdown:
    """Top `top` products by net sales (units, share) and an OTHERS row (all when top is None)."""
    with reading(db) as conn:
        return products_from(*_per_product_in(conn, period), top)


def category_breakdown(db: Database, period: ReportPeriod) -> Breakdown:
    with reading(db) as conn:
        return categories_from(*_per_product_in(conn, period))


def origin_breakdown(db: Database, period: ReportPeriod, level: str = "village") -> Breakdown:
    with reading(db) as conn:
        return origins_from(*_per_product_in(conn, period), level)


def producer_breakdown(db: Database, period: ReportPeriod, top: Optional[int] = None) -> Breakdown:
    with reading(db) as conn:
        return producers_from(*_per_product_in(conn, period), top)


# --- livestreams and hosts -----------------------------------------------------------------


def _livestream_key(order_by: str) -> Callable:
    if order_by not in LIVESTREAM_ORDERS:
        raise ValueError(order_by)

    def missing_last(value):
        return (value is None, -(value or 0))

    keys = {
        "net_sales": lambda r: (-r.net_sales_fen,),
        "gmv": lambda r: (-r.gmv_fen,),
        "orders": lambda r: missing_last(r.orders),
        "gpm": lambda r: missing_last(r.gpm_fen),
        "roi": lambda r: missing_last(r.roi),
        "viewers": lambda r: missing_last(r.viewers),
        "start": lambda r: (r.start,),
    }
    key = keys[order_by]
    return lambda row: key(row) + (row.start, row.livestream_id)


def livestreams_from(streams, sums: dict, *, only_with_lines: bool = False, order_by: str = "net_sales") -> tuple[LivestreamRow, ...]:
    rows = []
    for s in streams:
        if only_with_lines and s.livestream_id not in sums:
            continue
        orders, line_sums = sums.get(s.livestream_id, (0, Sums()))
        rows.append(LivestreamRow(s.livestream_id, s.title, s.platform, s.start, s.host_id, s.host_name, s.account_name,
                                  s.viewers, s.ad_spend_fen, orders, line_sums))
    rows.sort(key=_livestream_key(order_by))
    return tuple(rows)


def livestream_ranking(db: Database, period: ReportPeriod, order_by: str = "net_sales") -> tuple[LivestreamRow, ...]:
    """The done livestreams that started in the period, with their lines' figures, ranked by
    `order_by` (one of LIVESTREAM_ORDERS; GPM, ROI and viewers put unknown values last)."""
    with reading(db) as conn:
        streams = queries.done_livestreams(conn, period.start(), period.end())
        sums = queries.per_livestream(conn, period.start(), period.end())
    return livestreams_from(streams, sums, order_by=order_by)


def hosts_from(livestreams: Iterable[LivestreamRow]) -> tuple[HostRow, ...]:
    grouped: dict[Optional[int], list[LivestreamRow]] = defaultdict(list)
    for row in livestreams:
        grouped[row.host_id].append(row)
    total_net = sum(row.net_sales_fen for rows in grouped.values() for row in rows)
    hosts = []
    for host_id, rows in grouped.items():
        sums = sum((row.sums for row in rows), Sums())
        viewed = [row for row in rows if row.viewers]
        advertised = [row for row in rows if row.ad_spend_fen]
        hosts.append(HostRow(
            host_id, rows[0].host_name if host_id is not None else "", len(rows), sum(row.orders for row in rows), sums,
            sum(row.viewers for row in viewed), sum(row.gmv_fen for row in viewed),
            sum(row.ad_spend_fen for row in advertised), sum(row.gmv_fen for row in advertised),
            share_of(sums.net_sales_fen, total_net),
        ))
    hosts.sort(key=lambda h: (-h.net_sales_fen, h.host_id is None, h.name))
    return tuple(hosts)


def livestreams_total(livestreams: Iterable[LivestreamRow]) -> HostRow:
    """All the livestreams summed as `hosts_from` sums one host's (host_id None, name '',
    share 1 of their net sales, None when that is 0): the 合计 of the host and livestream tables."""
    rows = list(livestreams)
    sums = sum((row.sums for row in rows), Sums())
    viewed = [row for row in rows if row.viewers]
    advertised = [row for row in rows if row.ad_spend_fen]
    return HostRow(
        None, "", len(rows), sum(row.orders for row in rows) if all(row.orders is not None for row in rows) else None, sums,
        sum(row.viewers for row in viewed), sum(row.gmv_fen for row in viewed),
        sum(row.ad_spend_fen for row in advertised), sum(row.gmv_fen for row in advertised),
        share_of(sums.net_sales_fen, sums.net_sales_fen),
    )


def host_breakdown(db: Database, period: ReportPeriod) -> tuple[HostRow, ...]:
    """Per host: the period's done livestreams and their lines' figures (None: no host)."""
    return hosts_from(livestream_ranking(db, period))


# --- series for the charts -----------------------------------------------------------------


def series_in(conn: Connection, period: ReportPeriod, prefetched=None) -> PlatformSeries:
    months = tuple(period.months)
    index = {month.key: i for i, month in enumerate(months)}
    values: dict[str, list[int]] = {}
    for month, platform, _o, _u, g, r in queries.summary_between(conn, period.first.key, period.last.key, prefetched):
        values.setdefault(platform, [0] * len(months))[index[month]] += g - r
    platforms = tuple(sorted(values, key=_platform_rank))
    return PlatformSeries(months, platforms, tuple(tuple(values[p][i] for p in platforms) for i in range(len(months))))


def platform_series(db: Database, period: ReportPeriod) -> PlatformSeries:
    """Net sales per month of the period and platform (the stacked bars)."""
    with reading(db) as conn:
        return series_in(conn, period)


def cumulative_in(conn: Connection, last: Month, today: Optional[Month] = None, prefetched=None) -> CumulativeSeries:
    """Up to `last`, and never past `today` (the current Beijing month unless given)."""
    last = min(last, today or Month.of(now()))
    year = last.year
    net: dict[int, int] = defaultdict(int)
    # Months after `last` are never shown (this year stops there): not needed.
    for month, _p, _o, _u, g, r in queries.summary_between(conn, (year - 1) * 100 + 1, last.key, prefetched):
        net[month] += g - r
    this_year: list[Optional[int]] = []
    last_year: list[int] = []
    running_this = running_last = 0
    for m in range(1, 13):
        running_last += net.get((year - 1) * 100 + m, 0)
        last_year.append(running_last)
        running_this += net.get(year * 100 + m, 0)
        this_year.append(running_this if m <= last.month else None)
    return CumulativeSeries(year, tuple(this_year), tuple(last_year))


def cumulative_series(db: Database, period: ReportPeriod) -> CumulativeSeries:
    """The cumulative net sales of the year of the period's last month, up to that month,
    against the whole previous year's, month by month."""
    with reading(db) as conn:
        return cumulative_in(conn, period.last)


__all__ = [
    "ORIGIN_LEVELS",
    "LIVESTREAM_ORDERS",
    "figures_in",
    "summary_in",
    "period_figures",
    "period_summary",
    "platforms_in",
    "platform_breakdown",
    "products_from",
    "categories_from",
    "producers_from",
    "origins_from",
    "product_breakdown",
    "category_breakdown",
    "origin_breakdown",
    "producer_breakdown",
    "livestreams_from",
    "livestream_ranking",
    "hosts_from",
    "livestreams_total",
    "host_breakdown",
    "series_in",
    "platform_series",
    "cumulative_in",
    "cumulative_series",
]
