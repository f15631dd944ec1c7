"""A random shop for the report tests (catalogue, hosts, livestreams, sale lines, targets) and the
report figures computed from it by brute force, straight from the DESIGN §5 definitions.

The brute force reads only the generated rows (never the database): orders of a period are
distinct orders per month and platform (as the monthly report), orders of a livestream are its
distinct (platform, order id); a livestream's figures sum all its paid lines, whenever paid.
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Optional

from sqlalchemy import delete, insert

from livestream_desk.db import models
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services.summary import refresh_months

PLATFORMS = ("douyin", "kuaishou", "shipinhao", "taobao")
SPAN = MonthRange(Month(2024, 11), Month(2026, 3))
ORIGINS = [("", "", ""), ("婺源县", "江湾镇", "篁岭村"), ("婺源县", "江湾镇", "汪口村"), ("婺源县", "秋口镇", ""),
           ("修水县", "", ""), ("万年县", "裴梅镇", "荷溪村")]


@dataclass
class Shop:
    categories: list = field(default_factory=list)
    producers: list = field(default_factory=list)
    products: list = field(default_factory=list)
    hosts: list = field(default_factory=list)
    livestreams: list = field(default_factory=list)
    sales: list = field(default_factory=list)
    targets: list = field(default_factory=list)


def moment(rng: random.Random, month: Month) -> datetime:
    pick = rng.random()
    if pick < 0.1:
        return month.start()
    if pick < 0.2:
        return month.end() - timedelta(seconds=1)
    days = (month.end() - month.start()).days
    return month.start() + timedelta(days=rng.randrange(days), seconds=rng.randrange(86400))


def random_shop(rng: random.Random, n_orders: int = 150, n_streams: int = 30) -> Shop:
    shop = Shop()
    shop.categories = [{"id": i, "name": name} for i, name in enumerate(("茶叶", "粮油", "=SUM(A1)"), start=1)]
    shop.producers = [
        {"id": i, "name": name, "kind": kind, "village": village}
        for i, (name, kind, village) in enumerate(
            [("篁岭皇菊合作社", "合作社", "篁岭村"), ("李大姐", "农户", "汪口村"), ("裴梅贡米合作社", "合作社", "荷溪村"),
             ("+修水茶厂", "企业", "")], start=1)
    ]
    for i in range(1, 11):
        county, town, village = rng.choice(ORIGINS)
        shop.products.append({
            "id": i, "name": f"商品{i}", "spec": rng.choice(("", "500g", "1kg")),
            "category_id": rng.choice([None, 1, 2, 3]), "producer_id": rng.choice([None, 1, 2, 3, 4]),
            "origin_county": county, "origin_town": town, "origin_village": village,
        })
    shop.hosts = [{"id": i, "name": name} for i, name in enumerate(("李知", "王芳", "@张三"), start=1)]
    for i in range(1, n_streams + 1):
        month = rng.choice(list(SPAN))
        scheduled = moment(rng, month)
        status = rng.choice(models.LivestreamStatus.ALL + ("done", "done"))
        actual = scheduled + timedelta(minutes=rng.randint(-90, 90)) if status == "done" and rng.random() < 0.6 else None
        shop.livestreams.append({
            "id": i, "title": f"直播{i}", "platform": rng.choice(PLATFORMS), "scheduled_start": scheduled,
            "actual_start": actual, "actual_end": actual + timedelta(hours=2) if actual else None, "status": status,
            "host_id": rng.choice([None, 1, 2, 3]), "viewers": rng.choice([None, 0, rng.randint(1, 50_000)]),
            "ad_spend_fen": rng.choice([0, 0, rng.randint(1, 100_000)]),
        })
    for number in range(n_orders):
        platform = rng.choice(PLATFORMS)
        order_id = f"{number:05d}"
        paid_at = moment(rng, rng.choice(list(SPAN)))
        if rng.random() < 0.08:
            paid_at = None
        livestream_id = rng.choice([None] + [s["id"] for s in shop.livestreams])
        for line in range(rng.choice((1, 1, 2, 3))):
            quantity = rng.randint(1, 5)
            paid_fen = quantity * rng.choice((990, 4990, 12800, 1))
            refund = 0
            if rng.random() < 0.15:
                refund = rng.randint(1, paid_fen)
            shop.sales.append({
                "platform": platform, "order_id": order_id, "line_id": f"{number}-{line}",
                "product_id": rng.choice([None] + [p["id"] for p in shop.products]),
                "livestream_id": livestream_id, "item_name": "x", "quantity": quantity, "unit_price_fen": paid_fen,
                "paid_fen": paid_fen, "paid_at": paid_at if rng.random() > 0.05 else None, "refunded_fen": refund,
                "source": "import",
            })
    for month in SPAN:
        if rng.random() < 0.5:
            shop.targets.append({"month": month.key, "platform": "", "target_fen": rng.randrange(1, 10**7)})
        for platform in PLATFORMS:
            if rng.random() < 0.15:
                shop.targets.append({"month": month.key, "platform": platform, "target_fen": rng.randrange(1, 10**6)})
    return shop


TABLES = (models.Sale, models.MonthlyTarget, models.MonthlySalesSummary, models.Livestream, models.Host,
          models.Product, models.Producer, models.Category)


def load(db, shop: Shop) -> None:
    with db.engine.begin() as conn:
        for model in TABLES:
            conn.execute(delete(model))
        for model, rows in ((models.Category, shop.categories), (models.Producer, shop.producers),
                            (models.Product, shop.products), (models.Host, shop.hosts),
                            (models.Livestream, shop.livestreams), (models.Sale, shop.sales),
                            (models.MonthlyTarget, shop.targets)):
            if rows:
                conn.execute(insert(model), rows)
        refresh_months(conn)
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for model in (models.Category, models.Producer, models.Product, models.Host, models.Livestream):
                table = model.__tablename__
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)")


# --- brute force ---------------------------------------------------------------------------


def in_period(row, first: Month, last: Month) -> bool:
    return row["paid_at"] is not None and first.start() <= row["paid_at"] < last.end()


def sums_of(lines) -> tuple[int, int, int, int]:
    """(gmv, refunds, units, lines) of paid lines."""
    lines = [r for r in lines if r["paid_at"] is not None]
    return (sum(r["paid_fen"] for r in lines), sum(r["refunded_fen"] for r in lines), sum(r["quantity"] for r in lines),
            len(lines))


def period_orders(lines) -> int:
    """Distinct orders per month and platform (the monthly report's count), summed."""
    return len({(Month.of(r["paid_at"]), r["platform"], r["order_id"]) for r in lines if r["paid_at"] is not None})


def done_streams(shop: Shop, first: Month, last: Month) -> list[dict]:
    return [s for s in shop.livestreams
            if s["status"] == "done" and first.start() <= (s["actual_start"] or s["scheduled_start"]) < last.end()]


def stream_lines(shop: Shop, stream_id: int) -> list[dict]:
    return [r for r in shop.sales if r["livestream_id"] == stream_id and r["paid_at"] is not None]


def group_by(shop: Shop, first: Month, last: Month, key) -> dict:
    """{key(product or None): (gmv, refunds, units, lines)} of the period's lines."""
    products = {p["id"]: p for p in shop.products}
    grouped = defaultdict(list)
    for row in shop.sales:
        if in_period(row, first, last):
            grouped[key(products.get(row["product_id"]))].append(row)
    return {k: sums_of(v) for k, v in grouped.items()}


def expected_figures(shop: Shop, first: Month, last: Month) -> dict:
    lines = [r for r in shop.sales if in_period(r, first, last)]
    gmv, refunds, units, _ = sums_of(lines)
    streams = done_streams(shop, first, last)
    viewers = viewed = spend = advertised = 0
    for stream in streams:
        stream_gmv = sums_of(stream_lines(shop, stream["id"]))[0]
        if stream["viewers"]:
            viewers += stream["viewers"]
            viewed += stream_gmv
        if stream["ad_spend_fen"]:
            spend += stream["ad_spend_fen"]
            advertised += stream_gmv
    return {"gmv_fen": gmv, "refunds_fen": refunds, "orders": period_orders(lines), "units": units,
            "livestreams": len(streams), "viewers": viewers, "viewed_gmv_fen": viewed, "ad_spend_fen": spend,
            "advertised_gmv_fen": advertised}


def expected_share(part: int, whole: int) -> Optional[Decimal]:
    return None if not whole else Decimal(part) / Decimal(whole)


def expected_livestreams(shop: Shop, first: Month, last: Month, product_filter=None) -> dict:
    """{livestream id: (orders, (gmv, refunds, units, lines))}; with a filter only lines (and
    livestreams with lines) that pass it."""
    out = {}
    products = {p["id"]: p for p in shop.products}
    for stream in done_streams(shop, first, last):
        lines = stream_lines(shop, stream["id"])
        if product_filter is not None:
            lines = [r for r in lines if product_filter(products.get(r["product_id"]), r)]
            if not lines:
                continue
        out[stream["id"]] = (len({(r["platform"], r["order_id"]) for r in lines}), sums_of(lines))
    return out
