"""The demo's reference data: categories, producers, hosts, accounts, and the products with
their platform codes and opening stock (from catalogue.py, with drawn stock and dates)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from ...db.models import Account, Category, Host, Platform, PlatformCode, Producer, Product, StockMovement
from ...domain.validation import ValidProduct, join_certifications
from ..catalogue import product_columns
from . import catalogue as cat
from .state import DemoProduct, DemoState


def _get_or_create(demo: DemoState, table, key_columns: dict, values: dict) -> int:
    found = demo.conn.execute(
        select(table.c.id).where(*[table.c[k] == v for k, v in key_columns.items()])
    ).scalar()
    if found is not None:
        return found
    return demo.conn.execute(insert(table).values(**key_columns, **values)).inserted_primary_key[0]


def write_reference_data(demo: DemoState) -> None:
    conn, rng = demo.conn, demo.rng
    start = demo.span.start()
    category_ids = {
        name: _get_or_create(demo, Category.__table__, {"name": name}, {"position": position})
        for position, name in enumerate(cat.CATEGORIES)
    }
    producer_ids = {
        p.key: _get_or_create(demo, 
            Producer.__table__,
            {"name": p.name},
            {"kind": p.kind, "contact": p.contact, "village": p.village, "notes": p.notes},
        )
        for p in cat.PRODUCERS
    }
    for name in cat.HOSTS:
        demo.host_ids[name] = _get_or_create(demo, Host.__table__, {"name": name}, {})
    for account in cat.ACCOUNTS:
        demo.account_ids[(account.platform, account.name)] = _get_or_create(demo, 
            Account.__table__,
            {"platform": account.platform, "name": account.name},
            {"platform_account_id": account.platform_account_id},
        )

    producer_names = {p.key: p.name for p in cat.PRODUCERS}
    end_season = demo.months[-1].month - 1
    rows = []
    for index, info in enumerate(cat.PRODUCTS):
        threshold = rng.randint(2, 6) * 5
        stock = rng.randint(6, 120) * 5
        if rng.random() < 0.12:
            stock = rng.randint(0, threshold - 1)  # running low: the catalogue warns
        if cat.SEASONS[info.season][end_season] == 0 or info.archived:
            stock = 0  # fresh fruit out of season, old packaging
        created = start - timedelta(days=rng.randint(5, 60), minutes=rng.randint(0, 600))
        valid = ValidProduct(
            name=info.name, sku=info.sku, spec=info.spec, unit=info.unit, category=info.category,
            list_price_fen=info.list_price_fen, live_price_fen=info.live_price_fen, cost_fen=info.cost_fen,
            stock=stock, low_stock_threshold=threshold, origin_province=cat.PROVINCE, origin_county=info.county,
            origin_town=info.town, origin_village=info.village, producer=producer_names[info.producer],
            certifications=join_certifications(info.certifications), shelf_life_days=info.shelf_life_days,
            photo_path="", notes=info.notes, archived=info.archived, needs_review=False,
        )
        row = product_columns(
            valid, category_id=category_ids[info.category], producer_id=producer_ids[info.producer]
        )
        row["created_at"] = created
        row["updated_at"] = min(
            created + timedelta(days=rng.randint(0, 30 * len(demo.months))),
            demo.until - timedelta(hours=rng.randint(1, 72)),
        )
        rows.append(row)
        demo.products.append(
            DemoProduct(
                index,
                info,
                platforms=frozenset(info.platforms),
                cheap="cheap" in info.tags or info.live_price_fen < 3000,
            )
        )
    table = Product.__table__
    ids = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars().all()
    for product, product_id in zip(demo.products, ids):
        product.id = product_id

    codes, seen = [], set()
    for product in demo.products:
        for platform in product.info.platforms:
            if platform == Platform.DOUYIN and product.info.douyin_id:
                code = product.info.douyin_id
            else:
                low, high = cat.PRODUCT_CODES[platform]
                code = str(rng.randrange(low, high))
                while (platform, code) in seen:
                    code = str(rng.randrange(low, high))
            seen.add((platform, code))
            demo.platform_codes[(platform, product.index)] = code
            codes.append({"platform": platform, "code": code, "product_id": product.id})
    conn.execute(insert(PlatformCode.__table__), codes)
    conn.execute(
        insert(StockMovement.__table__),
        [
            {"product_id": p.id, "delta": row["stock"], "reason": "期初库存", "at": row["created_at"]}
            for p, row in zip(demo.products, rows)
            if row["stock"]
        ],
    )
