"""Issue 7 item 15: Chinese names sort by pinyin (安福火腿 before 万年贡米), not by code point,
through the stored key products.name_sort: in the catalogue (with and without a search,
both directions), the sales entry's product list and the order import's product choices
(not the producer list: that would load pypinyin into the window). Runs on PostgreSQL too
(tests/postgresql/test_name_sort_service.py)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from livestream_desk.db import models
from livestream_desk.services import catalogue
from livestream_desk.services.catalogue import ProductInput, ProductQuery, create_product, list_products
from livestream_desk.services.importers.matching import product_choices
from livestream_desk.domain.pinyin_keys import name_sort_key
from livestream_desk.services.sales import sales_options

# In code point order these come out 万, 婺, 安, 李 …; by pinyin: an, apple, chong (重庆 read in
# context), li, wan (2斤 before 10斤), wu, xiu.
NAMES = ["万年贡米 10斤", "婺源皇菊", "安福火腿", "李渡烧酒", "万年贡米 2斤", "重庆小面", "修水宁红茶", "Apple 苹果"]
BY_PINYIN = ["安福火腿", "Apple 苹果", "重庆小面", "李渡烧酒", "万年贡米 2斤", "万年贡米 10斤", "婺源皇菊", "修水宁红茶"]


@pytest.fixture
def shop(db):
    for index, name in enumerate(NAMES):
        create_product(db, ProductInput(name=name, sku=f"S-{index}", list_price="10",
                                        producer=f"{name.split()[0]}合作社"))
    return db


def test_the_sort_key():
    assert name_sort_key("安福火腿") < name_sort_key("万年贡米")
    assert name_sort_key("万年贡米 5斤") == "wan nian gong mi 0000000005 jin"
    assert name_sort_key("重庆小面").startswith("chong qing")  # read in context, not zhong
    assert name_sort_key("绿茶·明前") == "lv cha ming qian"  # punctuation left out
    assert name_sort_key("ＡＢ 苹果") == "ab ping guo"


def test_the_key_is_stored_by_every_writer(shop):
    with shop.engine.connect() as conn:
        stored = dict(conn.execute(select(models.Product.name, models.Product.name_sort)).all())
    assert stored == {name: name_sort_key(name) for name in NAMES}
    row = list_products(shop, ProductQuery(text="安福"))[0]
    catalogue.update_product(shop, row.id, ProductInput(name="新干板鸭", sku="S-2", list_price="10"))
    with shop.engine.connect() as conn:
        assert conn.execute(select(models.Product.name_sort).where(models.Product.id == row.id)).scalar() == \
            "xin gan ban ya"


@pytest.mark.parametrize("limit", [None, 100, 3])
def test_the_catalogue_sorts_names_by_pinyin(shop, limit):
    rows = list_products(shop, ProductQuery(sort="name", limit=limit))
    assert [r.name for r in rows] == BY_PINYIN[: limit or None]
    rows = list_products(shop, ProductQuery(sort="name", descending=True, limit=limit))
    assert [r.name for r in rows] == BY_PINYIN[::-1][: limit or None]


@pytest.mark.parametrize("text", ["hzs", "合作社", "s-"])
def test_a_search_sorts_by_pinyin_too(shop, text):
    rows, total = catalogue.search_products(shop, text, limit=100)
    assert total == len(NAMES)
    assert [r.name for r in rows] == BY_PINYIN


def test_pickers_sort_by_pinyin(shop):
    assert [p.name for p in sales_options(shop).products] == BY_PINYIN
    assert [c.name for c in product_choices(shop)] == BY_PINYIN
