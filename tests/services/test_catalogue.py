"""The catalogue service: products, validation, safe delete/undo, codes, stock, categories, search."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from livestream_desk.db import models
from livestream_desk.services import catalogue
from livestream_desk.services.catalogue import (
    ArchivedFilter,
    ProductInput,
    ProductInvalid,
    ProductQuery,
    adjust_stock,
    archive_product,
    create_product,
    delete_product,
    get_product,
    list_products,
    count_products,
    restore_deleted_product,
    search_products,
    stock_history,
    unarchive_product,
    update_product,
)
from livestream_desk.services.errors import UserError

HUANGJU = ProductInput(
    name="婺源皇菊",
    sku="JX-HJ-050",
    spec="50朵/盒",
    unit="盒",
    category="花草茶",
    list_price="¥39.90",
    live_price="29.9",
    cost="18",
    stock="200",
    low_stock_threshold=20,
    origin_province="江西省",
    origin_county="婺源县",
    origin_town="江湾镇",
    origin_village="篁岭村",
    producer="婺源县篁岭皇菊专业合作社",
    certifications="地理标志、绿色食品",
    shelf_life_days="540",
    photo_path="photos/abc.jpg",
    notes="冷藏\n避光",
    platform_codes=[("douyin", "3581102234"), ("kuaishou", "KS-HJ-1")],
)
QICHENG = ProductInput(name="赣南脐橙", sku="JX-QC-5", spec="5斤/箱", unit="箱", category="水果", list_price="59.8",
                       cost="30", stock=50, origin_province="江西省", origin_county="信丰县", producer="信丰果农 李四")


def count(db, model) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def add_sale(db, product_id, order_id="o1"):
    with db.engine.begin() as conn:
        conn.execute(insert(models.Sale).values(product_id=product_id, platform="douyin", order_id=order_id,
                                                line_id="1", paid_fen=100, paid_at=datetime(2025, 10, 1, 12)))


def add_lineup_item(db, product_id):
    with db.engine.begin() as conn:
        stream = conn.execute(insert(models.Livestream).values(
            title="年货节", platform="douyin", scheduled_start=datetime(2025, 12, 1, 19)).returning(models.Livestream.id)
        ).scalar_one()
        conn.execute(insert(models.LineupItem).values(livestream_id=stream, product_id=product_id, position=1))


# --- create / get / update --------------------------------------------------------------


def test_create_and_get_every_field(db):
    row = create_product(db, HUANGJU)
    assert (row.name, row.sku, row.spec, row.unit, row.category) == ("婺源皇菊", "JX-HJ-050", "50朵/盒", "盒", "花草茶")
    assert (row.list_price_fen, row.live_price_fen, row.cost_fen) == (3990, 2990, 1800)
    assert row.margin_pct == Decimal("54.9")
    assert row.stock == 200 and not row.low_stock
    assert row.origin == "江西省 婺源县 江湾镇 篁岭村"
    assert row.producer == "婺源县篁岭皇菊专业合作社"
    detail = get_product(db, row.id)
    assert detail.shelf_life_days == 540
    assert detail.notes == "冷藏\n避光"
    assert detail.photo_path == "photos/abc.jpg"
    assert detail.certifications == "地理标志、绿色食品"
    assert [(c.platform, c.code) for c in detail.platform_codes] == [("douyin", "3581102234"), ("kuaishou", "KS-HJ-1")]
    assert detail.created_at is not None
    history = stock_history(db, row.id)
    assert [(m.delta, m.reason, m.stock_after) for m in history] == [(200, catalogue.REASON_INITIAL, 200)]


def test_bad_price_refused_with_field_message_and_nothing_written(db):
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, replace(HUANGJU, list_price="39.9.0", stock=-3))
    assert set(raised.value.errors) == {"list_price", "stock"}
    assert raised.value.errors["list_price"].code in ("money.two_decimal_points", "product.bad_amount")
    assert raised.value.errors["stock"].code == "product.negative"
    assert raised.value.errors["stock"].params["what"].code == "product.what.stock"
    assert isinstance(raised.value, UserError)
    assert count(db, models.Product) == 0
    assert count(db, models.Category) == 0


def test_name_required(db):
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, ProductInput(name="  "))
    assert list(raised.value.errors) == ["name"]


def test_duplicate_sku_refused_naming_the_other_product(db):
    create_product(db, HUANGJU)
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, replace(QICHENG, sku="JX-HJ-050", platform_codes=None))
    assert raised.value.errors["sku"].code == "catalogue.sku_taken"
    assert "婺源皇菊" in str(raised.value.errors["sku"])
    assert count(db, models.Product) == 1
    other = create_product(db, QICHENG)
    with pytest.raises(ProductInvalid) as raised:
        update_product(db, other.id, replace(QICHENG, sku=" jx-hj-050 ".upper()))
    assert "婺源皇菊" in str(raised.value.errors["sku"])


def test_same_name_and_spec_without_sku_refused(db):
    create_product(db, ProductInput(name="土鸡蛋", spec="30枚"))
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, ProductInput(name="土鸡蛋", spec="30枚"))
    assert raised.value.errors["name"].code == "catalogue.same_name_no_sku"
    assert "土鸡蛋" in str(raised.value.errors["name"])
    create_product(db, ProductInput(name="土鸡蛋", spec="60枚"))
    create_product(db, ProductInput(name="土鸡蛋", spec="30枚", sku="EGG-30"))


def test_check_product_reports_without_writing(db):
    create_product(db, HUANGJU)
    errors = catalogue.check_product(db, replace(QICHENG, sku="JX-HJ-050", cost="x"))
    assert "cost" in errors
    errors = catalogue.check_product(db, replace(QICHENG, sku="JX-HJ-050"))
    assert "sku" in errors
    assert count(db, models.Product) == 1


def test_update_keeps_codes_unless_given_and_records_stock_change(db):
    row = create_product(db, HUANGJU)
    changed = update_product(db, row.id, replace(HUANGJU, list_price="42", stock=180, platform_codes=None,
                                                 stock_reason="损耗"))
    assert changed.list_price_fen == 4200 and changed.stock == 180
    assert len(get_product(db, row.id).platform_codes) == 2
    assert [(m.delta, m.reason) for m in stock_history(db, row.id)] == [(-20, "损耗"), (200, catalogue.REASON_INITIAL)]
    update_product(db, row.id, replace(HUANGJU, platform_codes=[]))
    assert get_product(db, row.id).platform_codes == ()


def test_undo_of_an_edit_restores_the_old_values(db):
    row = create_product(db, HUANGJU)
    before = get_product(db, row.id)
    update_product(db, row.id, replace(HUANGJU, name="皇菊（特级）", category="新茶", cost="", platform_codes=[]))
    update_product(db, row.id, catalogue.product_input_from(before))
    after = get_product(db, row.id)
    assert after.version == before.version + 2  # two saves (services.versions)
    unversioned = dict(updated_at=None, version=0, updated_by="")
    assert replace(after, **unversioned) == replace(before, **unversioned, platform_codes=after.platform_codes)
    assert {(c.platform, c.code) for c in after.platform_codes} == {(c.platform, c.code) for c in before.platform_codes}


def test_a_failure_half_way_writes_nothing(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(catalogue.products, "record_movement", broken)
    with pytest.raises(RuntimeError):
        create_product(db, HUANGJU)
    for model in (models.Product, models.Category, models.Producer, models.PlatformCode, models.StockMovement):
        assert count(db, model) == 0


# --- archive / delete / restore --------------------------------------------------------------


def test_archive_hides_from_default_list(db):
    row = create_product(db, HUANGJU)
    create_product(db, QICHENG)
    assert archive_product(db, row.id).archived
    assert [r.name for r in list_products(db)] == ["赣南脐橙"]
    assert [r.name for r in list_products(db, ProductQuery(archived=ArchivedFilter.ONLY))] == ["婺源皇菊"]
    assert count_products(db, ProductQuery(archived="include")) == 2
    assert not unarchive_product(db, row.id).archived
    assert count_products(db) == 2


def test_delete_with_sales_refused(db):
    row = create_product(db, HUANGJU)
    add_sale(db, row.id, "o1")
    add_sale(db, row.id, "o2")
    with pytest.raises(UserError) as raised:
        delete_product(db, row.id)
    assert raised.value.code == "catalogue.product_in_use" and raised.value.params["sales"] == 2
    assert count(db, models.Product) == 1
    assert catalogue.usage_counts(db, row.id) == (2, 0)


def test_delete_with_lineup_refused(db):
    row = create_product(db, HUANGJU)
    add_lineup_item(db, row.id)
    with pytest.raises(UserError) as raised:
        delete_product(db, row.id)
    assert raised.value.code == "catalogue.product_in_use" and raised.value.params["lineup"] == 1


def test_delete_then_restore_brings_back_everything(db):
    row = create_product(db, HUANGJU)
    adjust_stock(db, row.id, -5, "样品")
    before = get_product(db, row.id)
    history = stock_history(db, row.id)
    snapshot = delete_product(db, row.id)
    assert count(db, models.Product) == 0
    assert count(db, models.PlatformCode) == 0
    assert count(db, models.StockMovement) == 0
    restored = restore_deleted_product(db, snapshot)
    assert restored.id == row.id
    assert get_product(db, row.id) == before
    assert stock_history(db, row.id) == history
    assert list_products(db, ProductQuery(text="wyhj"))[0].id == row.id  # search keys back too


def test_restore_after_category_gone_or_renamed(db):
    row = create_product(db, HUANGJU)
    snapshot = delete_product(db, row.id)
    category = catalogue.list_categories(db)[0]
    catalogue.delete_category(db, category.id)
    restored = restore_deleted_product(db, snapshot)
    assert restored.category == "花草茶"
    snapshot = delete_product(db, restored.id)
    catalogue.rename_category(db, restored.category_id, "花茶")
    assert restore_deleted_product(db, snapshot).category == "花茶"


def test_restore_with_its_id_taken_gets_a_new_id(db):
    row = create_product(db, HUANGJU)
    snapshot = delete_product(db, row.id)
    taker = create_product(db, QICHENG)  # SQLite hands out the freed id again
    assert taker.id == row.id
    restored = restore_deleted_product(db, snapshot)
    assert restored.id != taker.id
    assert restored.name == "婺源皇菊"
    assert get_product(db, restored.id).platform_codes == tuple(
        replace(c, id=get_product(db, restored.id).platform_codes[i].id) for i, c in enumerate(snapshot.detail.platform_codes))
    assert get_product(db, taker.id).name == "赣南脐橙"


def test_restore_refused_when_sku_now_used(db):
    row = create_product(db, HUANGJU)
    snapshot = delete_product(db, row.id)
    create_product(db, replace(QICHENG, sku="JX-HJ-050"))
    with pytest.raises(UserError, match="JX-HJ-050 is now used by"):
        restore_deleted_product(db, snapshot)
    assert count(db, models.Product) == 1


# --- platform codes -----------------------------------------------------------------------------


def test_platform_codes_unique_across_products(db):
    first = create_product(db, HUANGJU)
    second = create_product(db, QICHENG)
    with pytest.raises(ProductInvalid) as raised:
        catalogue.set_platform_codes(db, second.id, [("douyin", "3581102234")])
    assert raised.value.errors["platform_codes"].code == "catalogue.platform_code_taken"
    assert "婺源皇菊" in str(raised.value.errors["platform_codes"])
    codes = catalogue.set_platform_codes(db, second.id, [("douyin", "3581102242"), ("jd", "100200")])
    assert [(c.platform, c.code) for c in codes] == [("douyin", "3581102242"), ("jd", "100200")]
    assert catalogue.find_by_platform_code(db, "douyin", "3581102242") == second.id
    assert catalogue.find_by_platform_code(db, "douyin", "3581102234") == first.id
    with pytest.raises(ProductInvalid) as raised:
        catalogue.set_platform_codes(db, second.id, [("weibo", "1")])
    assert raised.value.errors["platform_codes"].code == "common.unknown_platform"


def test_platform_code_conflict_in_editor(db):
    create_product(db, HUANGJU)
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, replace(QICHENG, platform_codes=[("kuaishou", "KS-HJ-1")]))
    assert "婺源皇菊" in str(raised.value.errors["platform_codes"])


# --- stock ---------------------------------------------------------------------------------------


def test_stock_adjustments_history_and_no_negative(db):
    row = create_product(db, replace(HUANGJU, stock=10, low_stock_threshold=5))
    movement = adjust_stock(db, row.id, -6, "直播样品")
    assert movement.stock_after == 4
    assert list_products(db)[0].low_stock
    assert count_products(db, ProductQuery(low_stock_only=True)) == 1
    with pytest.raises(UserError) as raised:
        adjust_stock(db, row.id, -5, "卖出")
    assert raised.value.code == "catalogue.stock_too_low" and raised.value.params["stock"] == 4
    with pytest.raises(UserError, match="reason"):
        adjust_stock(db, row.id, 5, "  ")
    with pytest.raises(UserError):
        adjust_stock(db, row.id, 0, "无")
    adjust_stock(db, row.id, 20, "到货")
    assert catalogue.set_stock(db, row.id, 24) is None
    catalogue.set_stock(db, row.id, 30, "月底盘点")
    assert [(m.delta, m.reason, m.stock_after) for m in stock_history(db, row.id)] == [
        (6, "月底盘点", 30), (20, "到货", 24), (-6, "直播样品", 4), (10, catalogue.REASON_INITIAL, 10)]
    assert get_product(db, row.id).stock == 30
    with pytest.raises(ProductInvalid):
        create_product(db, replace(QICHENG, stock="-1"))


def test_low_stock_threshold(db):
    row = create_product(db, replace(HUANGJU, stock=3, low_stock_threshold=0))
    assert not list_products(db)[0].low_stock  # 0 means no warning
    assert catalogue.set_low_stock_threshold(db, row.id, 3).low_stock


# --- categories and producers ---------------------------------------------------------------------


def test_categories_add_rename_merge(db):
    tea = catalogue.add_category(db, "茶叶")
    with pytest.raises(UserError, match="already"):
        catalogue.add_category(db, "茶叶 ")
    flower = create_product(db, HUANGJU)  # makes 花草茶
    categories = {c.name: c for c in catalogue.list_categories(db)}
    assert categories["花草茶"].product_count == 1 and categories["茶叶"].product_count == 0
    with pytest.raises(UserError, match="merge"):
        catalogue.rename_category(db, tea.id, "花草茶")
    renamed = catalogue.rename_category(db, tea.id, "茶")
    assert renamed.name == "茶"
    moved = catalogue.merge_categories(db, categories["花草茶"].id, tea.id)
    assert moved == 1
    assert get_product(db, flower.id).category == "茶"
    assert [c.name for c in catalogue.list_categories(db)] == ["茶"]
    with pytest.raises(UserError):
        catalogue.merge_categories(db, tea.id, tea.id)


def test_producers_get_or_create_and_rename(db):
    first = catalogue.get_or_create_producer(db, "李知合作社")
    again = catalogue.get_or_create_producer(db, " 李知合作社 ")
    assert first.id == again.id
    row = create_product(db, replace(HUANGJU, producer="李知合作社"))
    assert [p.product_count for p in catalogue.list_producers(db)] == [1]
    catalogue.rename_producer(db, first.id, "王家农场")
    assert get_product(db, row.id).producer == "王家农场"
    assert search_products(db, "wjnc")[1] == 1  # the search keys followed the new name


# --- search and windows ----------------------------------------------------------------------------


@pytest.fixture
def shop(db):
    create_product(db, HUANGJU)
    create_product(db, QICHENG)
    create_product(db, ProductInput(name="手工竹编果篮", sku="JX-ZB-L", spec="大号", category="手工艺",
                                    list_price="68", origin_county="修水县", certifications="非遗"))
    create_product(db, ProductInput(name="绿色富硒大米", spec="5kg", list_price="45", stock=2, low_stock_threshold=5,
                                    origin_province="江西省", origin_county="万年县", certifications="绿色食品、富硒"))
    return db


@pytest.mark.parametrize("text", ["hj", "huangju", "wyhj", "皇菊", "婺源", "hj-05", "JX-HJ", "ＨＪ", "婺源 皇菊",
                                  "wuyuan", "篁岭", "hlc", "合作社"])
def test_search_finds_huangju(shop, text):
    rows, total = search_products(shop, text)
    assert "婺源皇菊" in [r.name for r in rows]
    assert total == len(rows)


def test_search_narrows(shop):
    assert [r.name for r in search_products(shop, "jx-")[0]] == ["赣南脐橙", "手工竹编果篮", "婺源皇菊"]  # by pinyin
    assert search_products(shop, "jx")[1] == 4  # 江西 (jx) is the origin of the fourth
    assert search_products(shop, "qc")[1] == 1
    assert search_products(shop, "lvse")[0][0].name == "绿色富硒大米"
    assert search_products(shop, "luse")[0][0].name == "绿色富硒大米"
    assert search_products(shop, "%")[1] == 0  # LIKE wildcards are escaped
    assert search_products(shop, "_")[1] == 0
    assert search_products(shop, "")[1] == 4


def test_filters(shop):
    def names(**kwargs):
        return sorted(r.name for r in list_products(shop, ProductQuery(**kwargs)))

    categories = {c.name: c.id for c in catalogue.list_categories(shop)}
    assert names(category_id=categories["水果"]) == ["赣南脐橙"]
    assert names(origin="婺源县") == ["婺源皇菊"]
    assert names(origin="婺源") == ["婺源皇菊"]
    assert names(origin="江西省") == ["婺源皇菊", "绿色富硒大米", "赣南脐橙"]
    assert names(certification="绿色食品") == ["婺源皇菊", "绿色富硒大米"]
    assert names(low_stock_only=True) == ["绿色富硒大米"]
    producers = {p.name: p.id for p in catalogue.list_producers(shop)}
    assert names(producer_id=producers["信丰果农 李四"]) == ["赣南脐橙"]
    assert names(text="jx", certification="地理标志") == ["婺源皇菊"]
    assert catalogue.list_origins(shop) == sorted(["婺源县", "信丰县", "修水县", "万年县"])
    assert catalogue.list_certifications(shop) == sorted(["地理标志", "绿色食品", "非遗", "富硒"])


@pytest.mark.parametrize("key", sorted(catalogue.SORT_KEYS))
def test_every_sort_key(shop, key):
    ascending = [r.id for r in list_products(shop, ProductQuery(sort=key))]
    descending = [r.id for r in list_products(shop, ProductQuery(sort=key, descending=True))]
    assert sorted(ascending) == sorted(descending) and len(ascending) == 4


def test_sort_values(shop):
    by_price = [r.list_price_fen for r in list_products(shop, ProductQuery(sort="list_price_fen", descending=True))]
    assert by_price == sorted(by_price, reverse=True)
    by_margin = [r.margin_pct for r in list_products(shop, ProductQuery(sort="margin_pct", descending=True))]
    assert by_margin[:2] == [Decimal("54.9"), Decimal("49.8")]
    with pytest.raises(UserError):
        list_products(shop, ProductQuery(sort="nonsense"))


def test_windows(shop):
    query = ProductQuery(sort="name", archived="include")
    everything = list_products(shop, query)
    window = list_products(shop, replace(query, offset=1, limit=2))
    assert window == everything[1:3]


def _ms(action, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


def test_windows_over_50000_products(catalogue_50k, capsys):
    db = catalogue_50k
    figures = {}
    figures["window 100, by name"], rows = _ms(lambda: list_products(db, ProductQuery(limit=100)))
    assert len(rows) == 100
    figures["window 100 at offset 25,000"], rows = _ms(lambda: list_products(db, ProductQuery(offset=25_000, limit=100)))
    assert len(rows) == 100
    figures["count, no filter"], total = _ms(lambda: count_products(db))
    assert total == 50_000
    figures["search 'hj' window 100"], rows = _ms(lambda: list_products(db, ProductQuery(text="hj", limit=100)))
    assert rows and all("皇菊" in r.name for r in rows)
    figures["search 'hj' count"], total = _ms(lambda: count_products(db, ProductQuery(text="hj")))
    assert total == 50_000 // 8  # every 8th is a 皇菊
    figures["search 'wyhj12' window+count"], (rows, total) = _ms(lambda: search_products(db, "wyhj12"))
    assert total and all(r.name.startswith("婺源皇菊12") for r in rows)
    figures["search no match window+count"], (rows, total) = _ms(lambda: search_products(db, "zzzz"))
    assert total == 0
    figures["search 'hj' window+count (one query)"], (rows, total) = _ms(lambda: search_products(db, "hj"))
    assert len(rows) == 100 and total == 50_000 // 8
    figures["search '婺源' window+count"], _ = _ms(lambda: search_products(db, "婺源"))
    figures["sort by margin desc, window 100"], rows = _ms(
        lambda: list_products(db, ProductQuery(sort="margin_pct", descending=True, limit=100)))
    figures["low stock + certification count"], _ = _ms(
        lambda: count_products(db, ProductQuery(low_stock_only=True, certification="地理标志")))
    with capsys.disabled():
        print("\n50,000 products (best of 5):")
        for label, ms in figures.items():
            print(f"  {label:38s} {ms:7.1f} ms")
    assert figures["window 100, by name"] < 1000  # generous: only catches a pathological plan


# --- operations over several products, stock as deltas, messages ---------------------------------


def test_deleting_several_is_all_or_nothing_when_one_has_sales(db):
    free = create_product(db, HUANGJU)
    used = create_product(db, QICHENG)
    other = create_product(db, ProductInput(name="土鸡蛋", spec="30枚", stock=12))
    add_sale(db, used.id, "o1")
    with pytest.raises(UserError) as raised:
        catalogue.delete_products(db, [free.id, used.id, other.id])
    assert raised.value.code == "catalogue.product_in_use"
    assert "赣南脐橙" in str(raised.value)
    assert count(db, models.Product) == 3 and count(db, models.StockMovement) == 3  # nothing deleted
    assert [c.code for c in get_product(db, free.id).platform_codes]  # codes kept too

    snapshots = catalogue.delete_products(db, [free.id, other.id])
    assert [s.detail.id for s in snapshots] == [free.id, other.id]
    assert count(db, models.Product) == 1
    rows = catalogue.restore_deleted_products(db, snapshots)
    assert [r.id for r in rows] == [free.id, other.id]
    assert get_product(db, other.id).stock == 12 and len(stock_history(db, other.id)) == 1


def test_restoring_several_is_all_or_nothing(db):
    first = create_product(db, HUANGJU)
    second = create_product(db, QICHENG)
    snapshots = catalogue.delete_products(db, [first.id, second.id])
    create_product(db, replace(QICHENG, platform_codes=None))  # takes the second one's 商家编码
    with pytest.raises(UserError) as raised:
        catalogue.restore_deleted_products(db, snapshots)
    assert raised.value.code == "catalogue.restore_sku_taken"
    assert count(db, models.Product) == 1  # the first was not put back either


def test_set_archived_of_several_in_one_transaction(db):
    rows = [create_product(db, p) for p in (HUANGJU, QICHENG, ProductInput(name="土鸡蛋"))]
    ids = [r.id for r in rows]
    with pytest.raises(catalogue.NotFound):
        catalogue.set_archived(db, [ids[0], 9999, ids[1]], True)
    assert count_products(db) == 3  # none archived
    archived = catalogue.set_archived(db, [ids[2], ids[0]], True)
    assert [(r.id, r.archived) for r in archived] == [(ids[2], True), (ids[0], True)]
    assert [r.name for r in list_products(db)] == ["赣南脐橙"]
    assert all(not r.archived for r in catalogue.set_archived(db, ids, False))
    assert count_products(db) == 3


def test_an_edit_that_does_not_touch_stock_leaves_a_concurrent_stock_change_alone(db):
    row = create_product(db, replace(HUANGJU, stock=10))
    loaded = get_product(db, row.id)  # the editor opens the product…
    adjust_stock(db, row.id, 5, "补货")  # …meanwhile the stock dialog (or another PC) adds 5
    edited = replace(catalogue.product_input_from(loaded), name="婺源皇菊（新）")
    saved = update_product(db, row.id, edited, loaded_stock=loaded.stock)
    assert (saved.name, saved.stock) == ("婺源皇菊（新）", 15)
    assert [m.delta for m in stock_history(db, row.id)] == [5, 10]  # the edit wrote no movement
    # An edit that did change the stock applies its change as a delta to the stock as it is now.
    saved = update_product(db, row.id, replace(edited, stock=12), loaded_stock=loaded.stock)
    assert saved.stock == 17
    assert [(m.delta, m.reason) for m in stock_history(db, row.id)][0] == (2, catalogue.REASON_EDITED)


def test_set_stock_reads_and_writes_in_one_transaction(db):
    row = create_product(db, replace(HUANGJU, stock=10))
    movement = catalogue.set_stock(db, row.id, 7)
    assert (movement.delta, movement.stock_after, movement.reason) == (-3, 7, catalogue.REASON_STOCKTAKE)
    assert catalogue.set_stock(db, row.id, 7) is None
    with pytest.raises(UserError) as raised:
        catalogue.set_stock(db, row.id, -1)
    assert raised.value.code == "catalogue.stock_not_whole"


def test_a_ten_thousand_character_value_is_clipped_when_rendered(db):
    from livestream_desk.messages import catalogue_translator, render

    pasted = "皇" * 10_000
    create_product(db, replace(HUANGJU, name=pasted[:200], spec="", sku="LONG"))
    with pytest.raises(ProductInvalid) as raised:
        create_product(db, replace(QICHENG, sku="LONG", platform_codes=None))
    for translate in (None, catalogue_translator("zh_CN")):
        text = render(raised.value.errors["sku"], translate)
        assert "皇皇皇" in text and "…" in text and len(text) < 200
    with pytest.raises(catalogue.CatalogueProblem) as raised:
        catalogue.add_category(db, pasted)
    assert len(str(raised.value)) < 200
