"""The catalogue search through the trigram index (migration 0002_product_search) finds exactly
what LIKE finds: the same products, the same count, in the same order, for every way a window
is read (services/catalogue.py: the index alone, the walk of the name index, the sort), and the
index stays equal to the products whatever writes them."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import insert

from livestream_desk.db import models
from livestream_desk.services import catalogue, product_io, uow
from livestream_desk.services.catalogue import window
from livestream_desk.services.catalogue import (
    ArchivedFilter,
    ProductInput,
    ProductQuery,
    archive_product,
    count_products,
    create_product,
    delete_product,
    list_products_and_count,
    list_products_window,
    restore_deleted_product,
    unarchive_product,
    update_product,
)
from livestream_desk.domain.pinyin_keys import search_keys_for
from livestream_desk.domain.pinyin_keys import search_terms

PLACES = [("婺源县", "江湾镇", "婺源"), ("修水县", "漫江乡", "修水"), ("信丰县", "安西镇", "赣南"),
          ("南丰县", "太和镇", "南丰"), ("万年县", "裴梅镇", "万年"), ("井冈山市", "茅坪乡", "井冈山")]
GOODS = ["皇菊", "绿茶", "脐橙", "蜜桔", "贡米", "竹笋干", "白莲", "火腿", "香菇", "山茶油", "土鸡蛋", "豆腐乳"]
GRADES = ["", "特级", "一级", "礼盒装", "野生", "Ａ级", "50%off", "买_送", 'a"b', "it's"]
PRODUCERS = ["李家合作社", "王氏家庭农场", "张记农户", "生态农业有限公司", ""]


def searching_with_like_only(monkeypatch) -> None:
    """The same service without the index: every word with LIKE, as on PostgreSQL."""
    monkeypatch.setattr(catalogue, "has_search_index", lambda conn: False)


@pytest.fixture
def small_thresholds(monkeypatch):
    """Thresholds scaled down to a catalogue of a few hundred products, so that every way
    of reading a window is taken (see catalogue.window._window_ids)."""
    monkeypatch.setattr(window, "PROBE_ROWS", 120)
    monkeypatch.setattr(window, "SORT_IDS", 40)
    monkeypatch.setattr(window, "WALK_ROWS", 150)


def fill(db, n: int, seed: int = 3) -> list[tuple[int, str, bool]]:
    """`n` products with Core inserts (the triggers index them); (id, search keys, archived)."""
    rng = random.Random(seed)
    with db.engine.begin() as conn:
        categories = [conn.execute(insert(models.Category).values(name=name, position=i).returning(models.Category.id))
                      .scalar_one() for i, name in enumerate(["茶叶", "水果", "干货"])]
        rows = []
        for i in range(n):
            county, town, short = rng.choice(PLACES)
            # Names bunched at the end of the alphabet too (婺源…), and some without pinyin.
            name = f"{short}{rng.choice(GOODS)}{rng.choice(GRADES)}{i % 37}号" if i % 11 else f"JX box {i}"
            sku = f"JX-{i:05d}" if i % 3 else None
            producer = rng.choice(PRODUCERS)
            rows.append(dict(
                sku=sku, name=name, spec=rng.choice(["500g", "1斤", "礼盒"]), unit="袋",
                category_id=rng.choice(categories), list_price_fen=rng.randrange(100, 50000),
                cost_fen=rng.choice([None, rng.randrange(50, 20000)]), stock=rng.randrange(0, 100),
                low_stock_threshold=rng.choice([0, 10]), origin_province="江西省", origin_county=county,
                origin_town=town, certifications=rng.choice(["", "地理标志", "绿色食品"]),
                search_keys=search_keys_for(name, sku or "", ["江西省", county, town], producer),
                archived=rng.random() < 0.1,
            ))
        conn.execute(insert(models.Product), rows)
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT id, search_keys, archived FROM products")]


def words_to_try(products: list[tuple[int, str, bool]], seed: int = 5, count: int = 60) -> list[str]:
    """Substrings of the keys of every length from 1 to 7 (2-character ones at the very end
    of the keys included), words found nowhere, across two keys, and awkward characters."""
    rng = random.Random(seed)
    words = {"", " ", "h", "w", "j", "z", "1", "0", "x", "-", "号", "县", "皇菊", "婺源", "wy", "hj", "wyhj", "huangju",
             "jx-0", "%", "_", "50%", "买_", '"', 'a"b', "'", "it's", "ａ级", "ＨＪ", "HuangJu", "zzzz", "qq",
             "婺源 皇菊", "wy hj", "h u", "jx box", "号 wy"}
    for _ in range(count):
        _, keys, _ = rng.choice(products)
        key = rng.choice(keys.split())
        size = rng.randint(1, 7)
        start = rng.randint(0, max(0, len(key) - size))
        words.add(key[start:start + size])
        words.add(key[-2:])  # the last two characters of a key
    _, keys, _ = rng.choice(products)
    first, second = keys.split()[:2]
    words.add(first[-1] + second[:1])  # across the space between two keys: found only elsewhere
    words.add(keys.split()[-1][-2:])  # the last two characters of all the keys
    return sorted(words)


def answers(db, query: ProductQuery) -> tuple[list[int], int]:
    rows, total = list_products_and_count(db, query)
    return [r.id for r in rows], total


QUERIES = [
    ProductQuery(limit=100),
    ProductQuery(limit=30, offset=30),
    ProductQuery(limit=100, descending=True),
    ProductQuery(limit=50, archived="include"),
    ProductQuery(limit=50, archived="only"),
    ProductQuery(limit=40, sort="list_price_fen", descending=True),
    ProductQuery(limit=40, sort="category"),
    ProductQuery(limit=40, certification="地理标志"),
    ProductQuery(limit=40, origin="婺源", sort="margin_pct"),
]


@pytest.mark.parametrize("thresholds", ["as shipped", "small"])
def test_the_index_finds_what_like_finds(db, monkeypatch, request, thresholds):
    if thresholds == "small":
        request.getfixturevalue("small_thresholds")
    products = fill(db, 700)
    with db.engine.connect() as conn:
        assert catalogue.has_search_index(conn)
    words = words_to_try(products)
    indexed = {}
    for word in words:
        for query in QUERIES:
            query = replace(query, text=word)
            indexed[(word, repr(query))] = (answers(db, query), count_products(db, query))
    # Every word as a substring of the keys, straight from Python: the counts.
    for word in words:
        terms = search_terms(word)
        expected = sum(1 for _, keys, archived in products
                       if not archived and all(any(t in key for key in keys.split()) for t in terms))
        assert indexed[(word, repr(replace(QUERIES[0], text=word)))][1] == expected, word
    searching_with_like_only(monkeypatch)
    for word in words:
        for query in QUERIES:
            query = replace(query, text=word)
            assert indexed[(word, repr(query))] == (answers(db, query), count_products(db, query)), (word, query)


@pytest.mark.parametrize("thresholds", ["as shipped", "small"])
def test_a_window_without_its_count_is_the_same_window(db, request, thresholds):
    """list_products_window (what the table shows while typing) gives the rows of
    list_products_and_count; its total is either the same or, for a search too many to list
    whose window is not the last, None (count_products tells it then)."""
    if thresholds == "small":
        request.getfixturevalue("small_thresholds")
    products = fill(db, 700, seed=23)
    untold = 0
    for word in words_to_try(products, seed=29, count=40):
        for query in QUERIES + [ProductQuery(limit=40, offset=600), ProductQuery(limit=20, offset=15, descending=True)]:
            query = replace(query, text=word)
            rows, total = list_products_and_count(db, query)
            shown, told = list_products_window(db, query)
            assert [r.id for r in shown] == [r.id for r in rows], (word, query)
            if told is None:
                untold += 1
                # a full window, or none past the end (which cannot tell how far the end is)
                assert len(rows) == query.limit or not rows and query.offset >= total, (word, query, total)
            else:
                assert told == total, (word, query)
    if thresholds == "small":
        assert untold  # the case is met: many matches, counted later
    else:
        assert not untold  # 700 products: the index lists them all, with their count
    assert list_products_window(db, ProductQuery(text="zzzz", limit=10)) == ([], 0)


def test_the_original_one_query_window_agrees(db, small_thresholds):
    """PostgreSQL's way (no index: ids and total in one query) gives the same windows."""
    products = fill(db, 400, seed=11)
    for word in words_to_try(products, seed=13, count=30):
        for query in QUERIES[:5]:
            query = replace(query, text=word)
            with uow.reading(db) as conn:
                ids, total = window._window_ids_in_one_query(conn, query, True)
            assert answers(db, query) == (ids, total), (word, query)


def test_windows_read_one_after_another_cover_every_match_once(db, small_thresholds):
    products = fill(db, 600, seed=17)
    for word in ("h", "hu", "jx", "huangju", "婺源", "1"):
        first, total = answers(db, ProductQuery(text=word, limit=35))
        seen = list(first)
        while len(seen) < total:
            more, again = answers(db, ProductQuery(text=word, limit=35, offset=len(seen)))
            assert again == total and more
            seen += more
        terms = search_terms(word)
        expected = {pid for pid, keys, archived in products if not archived and all(t in keys for t in terms)}
        assert len(seen) == len(set(seen)) and set(seen) == expected, word


def test_a_walk_of_the_name_index_that_finds_too_little_falls_back_to_sorting(db):
    """Half the products match, all at the far end of the alphabet: the walk's estimate (ten
    matches in about twenty products) is wrong, it stops at its bound, and the sort answers."""
    with db.engine.begin() as conn:
        conn.execute(insert(models.Product), [
            dict(name=f"{'A' if i < 300 else 'Z'}{i:03d}", spec="", unit="", list_price_fen=100, stock=1,
                 certifications="" if i < 300 else "地理标志", search_keys=f"p{i:03d}")
            for i in range(600)
        ])
    for query in (ProductQuery(certification="地理标志", limit=10), ProductQuery(text="p", certification="地理标志", limit=10),
                  ProductQuery(certification="地理标志", limit=10, offset=290)):
        rows, total = list_products_and_count(db, query)
        assert total == 300
        expected = [f"Z{i:03d}" for i in range(300, 600)][query.offset:query.offset + 10]
        assert [r.name for r in rows] == expected


def test_listed_matches_bunched_at_the_far_end_are_sorted_after_a_short_walk(db, monkeypatch):
    """The index lists the matches (few enough), too many to sort at once: the name index is
    walked for about twice what the window needs. All 300 matches sort after the 900 others,
    so that walk stops at its bound and the listed ids are sorted instead: the same answers."""
    monkeypatch.setattr(window, "SORT_IDS", 40)
    with db.engine.begin() as conn:
        conn.execute(insert(models.Product), [
            dict(name=f"{'A' if i < 900 else 'Z'}{i:04d}", spec="", unit="", list_price_fen=100, stock=1,
                 search_keys=f"p{i:04d} {'' if i < 900 else 'wyhj'}")
            for i in range(1200)
        ])
    walks = []
    walk = window._walk_name_index
    monkeypatch.setattr(window, "_walk_name_index", lambda *args: walks.append(walk(*args)) or walks[-1])
    for query in (ProductQuery(text="wy", limit=20), ProductQuery(text="wyhj", limit=20, offset=30),
                  ProductQuery(text="wy", limit=20, descending=True)):
        walks.clear()
        rows, total = list_products_and_count(db, query)
        assert total == 300
        names = [f"Z{i:04d}" for i in range(900, 1200)]
        expected = (names[::-1] if query.descending else names)[query.offset:query.offset + 20]
        assert [r.name for r in rows] == expected
        if query.descending:  # from the far end the walk finds them at once
            assert len(walks) == 1 and walks[0] is not None, walks
        else:
            assert walks == [None], (query, walks)


def index_problems(db) -> list[str]:
    with db.engine.connect() as conn:
        try:
            conn.exec_driver_sql("INSERT INTO product_search (product_search, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:  # noqa: BLE001 - the index differs from the products
            return [str(exc)]
    return []


def found(db, text: str, archived: str = "exclude") -> set[str]:
    rows, total = list_products_and_count(db, ProductQuery(text=text, archived=archived, limit=100))
    assert total == len(rows)
    return {r.name for r in rows}


HUANGJU = ProductInput(name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", unit="盒", category="花草茶", list_price="39.9",
                       stock=20, origin_province="江西省", origin_county="婺源县", producer="篁岭合作社")


def test_every_writer_keeps_the_index_equal_to_the_products(db, tmp_path):
    row = create_product(db, HUANGJU)
    assert found(db, "hj") == found(db, "皇菊") == found(db, "wyhj") == {"婺源皇菊"}
    update_product(db, row.id, replace(HUANGJU, name="婺源贡菊", platform_codes=None))
    assert found(db, "皇菊") == set() and found(db, "gj") == {"婺源贡菊"}
    archive_product(db, row.id)
    assert found(db, "gj") == set() and found(db, "gj", "only") == {"婺源贡菊"}
    unarchive_product(db, row.id)
    assert found(db, "gongju") == {"婺源贡菊"}
    producer = next(p for p in catalogue.list_producers(db) if p.name == "篁岭合作社")
    catalogue.rename_producer(db, producer.id, "王家农场")
    assert found(db, "wjnc") == {"婺源贡菊"} and found(db, "hlhzs") == set()
    snapshot = delete_product(db, row.id)
    assert found(db, "gj") == set()
    restore_deleted_product(db, snapshot)
    assert found(db, "wjnc") == {"婺源贡菊"}
    path = tmp_path / "products.csv"
    path.write_text(",".join(product_io.PRODUCT_COLUMNS) + "\n"
                    + "赣南脐橙,5斤/箱,箱,水果,JX-QC-5,59.80,,30,50,,江西省 信丰县,信丰果农,,20,,\n", encoding="utf-8")
    product_io.import_product_file(db, path)
    assert found(db, "qc") == {"赣南脐橙"} and found(db, "jx") == {"婺源贡菊", "赣南脐橙"}
    with db.engine.begin() as conn:  # any other writer: plain SQL
        conn.exec_driver_sql("UPDATE products SET search_keys = 'abc xyz' WHERE sku = 'JX-QC-5'")
    assert found(db, "qc") == set() and found(db, "xyz") == {"赣南脐橙"}
    catalogue.refresh_search_keys(db)
    assert found(db, "qc") == {"赣南脐橙"}
    assert index_problems(db) == []


def test_demo_data_is_indexed(demo_db):
    assert index_problems(demo_db) == []
    assert "婺源皇菊" in {r.name for r in catalogue.search_products(demo_db, "hj")[0]}


def test_one_letter_and_two_letter_words_at_the_end_of_the_keys(db):
    create_product(db, ProductInput(name="ABC", sku="Q7", list_price="1"))  # keys "abc q7"
    assert found(db, "7") == found(db, "q7") == found(db, "c") == {"ABC"}
    assert found(db, "c q") == {"ABC"}  # two words
    assert found(db, "cq") == set()  # across the space between two keys


def test_without_the_index_the_search_uses_like(db, monkeypatch):
    create_product(db, HUANGJU)
    searching_with_like_only(monkeypatch)
    assert found(db, "hj") == found(db, "h") == found(db, "huangju") == {"婺源皇菊"}
    assert count_products(db, ProductQuery(text="wyhj", archived=ArchivedFilter.INCLUDE)) == 1
