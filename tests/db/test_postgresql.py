"""The app on a real PostgreSQL server (DESIGN §1, §7, §10: a shop with several PCs shares one).

Skipped unless LIVESTREAM_DESK_TEST_PG_URL names a server (tests/fixtures/postgresql.py);
.ci/run starts one. Where the same thing can be done on SQLite, the two must agree exactly:
the month of a sale at 23:59:59 or 00:00:00, the monthly report, the demo data, the catalogue's
search, filters and sort orders. tests/postgresql/ runs the service test modules on the
server too, and tests/cli/test_postgresql.py the command line.
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import BigInteger, Boolean, DateTime, Integer, create_engine, func, insert, inspect, select, text
from sqlalchemy.engine import make_url

from livestream_desk.db import models, schema_version
from livestream_desk.db.base import Base
from livestream_desk.db.engine import integrity_problems, open_database, read_revision
from livestream_desk.db.errors import ForeignDatabase, NewerSchema, UnsupportedOperation
from livestream_desk.db.sql import month_key
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services import catalogue
from livestream_desk.services.backup import backup_database
from livestream_desk.services.catalogue import (
    ArchivedFilter,
    ProductInput,
    ProductQuery,
    adjust_stock,
    create_product,
    delete_product,
    get_product,
    list_products,
    list_products_and_count,
    list_products_window,
    restore_deleted_product,
    stock_history,
)
from livestream_desk.services.dashboard import PeriodChoice, load_dashboard
from livestream_desk.services.demo import generate_demo
from livestream_desk.services.health import check_database
from livestream_desk.services.reports import monthly_report, sales_span
from livestream_desk.services.summary import refresh_months, summary_mismatches
from tests.fixtures.postgresql import skip_module_without_server
from tests.fixtures.sales_data import (
    PLATFORMS,
    expected_report,
    expected_span,
    insert_rows,
    random_livestreams,
    random_sales,
    random_targets,
)

skip_module_without_server()

MONEY_COLUMNS = sorted(
    (table.name, column.name)
    for table in Base.metadata.tables.values()
    for column in table.columns
    if column.name.endswith("_fen")
)


def _rows(database, model) -> list[tuple]:
    """Every row of a table, typed (SQLAlchemy's types, not the driver's text), by primary key."""
    table = model.__table__
    with database.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))]


def _password_shown(url: str, text: str) -> bool:
    return f":{make_url(url).password}@" in text


# --- creating, migrating and refusing databases ------------------------------------------------


def test_open_database_creates_and_migrates_a_new_server_database(pg_url):
    database = open_database(pg_url)
    try:
        assert database.revision == schema_version.HEAD
        assert database.migrated_from is None  # made, not upgraded
        assert database.path is None and not database.is_sqlite
        assert database.engine.dialect.name == "postgresql"
        assert not _password_shown(pg_url, database.describe())
        assert database.pre_migration_backup is None  # no file backup of a server database
        with database.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
                schema_version.HEAD
            ]
        # Every model table, nothing else: SQLite's FTS5 search index (0002) is not made here.
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        database.dispose()

    again = open_database(pg_url)  # up to date: opened as it is
    try:
        assert again.revision == schema_version.HEAD and again.migrated_from is None
        assert read_revision(again.engine) == (schema_version.HEAD, True)
    finally:
        again.dispose()


def test_migrated_schema_equals_the_models(pg_db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    options = {"compare_type": True, "compare_server_default": True}
    if hasattr(models, "in_models"):  # tables the models do not describe (SQLite's search index)
        options["include_name"] = models.in_models
    with pg_db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn, opts=options), Base.metadata)
    assert differences == [], "on PostgreSQL the migrations make another schema than the models"


def test_column_types(pg_db):
    with pg_db.engine.connect() as conn:
        inspector = inspect(conn)
        types = {
            (table, column["name"]): column["type"]
            for table in inspector.get_table_names()
            for column in inspector.get_columns(table)
        }
    for key in MONEY_COLUMNS:
        # PostgreSQL's INTEGER is 32 bits (at most ¥21,474,836.47); SQLite's is 64.
        assert isinstance(types[key], BigInteger), (key, types[key])
    assert isinstance(types[("products", "archived")], Boolean)
    assert isinstance(types[("sales", "paid_at")], DateTime) and not types[("sales", "paid_at")].timezone
    assert isinstance(types[("sales", "id")], Integer)


def test_money_keeps_large_amounts_exactly(pg_db):
    big = 9_007_199_254_740_993  # 2**53 + 1: a float would lose the last fen
    with pg_db.engine.begin() as conn:
        conn.execute(insert(models.Sale).values(platform="douyin", order_id="1", paid_fen=big))
    with pg_db.engine.connect() as conn:
        assert conn.execute(select(models.Sale.paid_fen)).scalar() == big


def test_a_month_above_21_million_yuan_is_summed_exactly(pg_db):
    """One platform's month over 2**31 fen: the summary and the report keep every fen."""
    paid = [1_500_000_000, 1_500_000_001, 7]  # ¥15,000,000.00 + ¥15,000,000.01 + ¥0.07
    lines = [
        {"platform": "douyin", "order_id": f"A{i}", "line_id": "1", "quantity": 1, "paid_fen": fen,
         "paid_at": datetime(2026, 3, 10 + i, 20, 0), "refunded_fen": 0}
        for i, fen in enumerate(paid)
    ]
    with pg_db.engine.begin() as conn:
        insert_rows(conn, lines)
        refresh_months(conn)
    report = monthly_report(pg_db, Month(2026, 3), Month(2026, 3))
    assert report.rows[0].gmv_fen == sum(paid) == 3_000_000_008
    with pg_db.engine.connect() as conn:
        assert summary_mismatches(conn) == []


def test_newer_schema_is_refused_untouched(pg_url):
    database = open_database(pg_url)
    with database.engine.begin() as conn:
        conn.execute(insert(models.Host), [{"name": "小林"}, {"name": "阿梅"}])
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    for migrate in (True, False):
        with pytest.raises(NewerSchema) as refused:
            open_database(pg_url, migrate=migrate)
        message = str(refused.value)
        assert "9999_future" in message and "newer" in message
        assert not _password_shown(pg_url, message)
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["9999_future"]
            assert conn.execute(text("SELECT name FROM hosts ORDER BY id")).scalars().all() == ["小林", "阿梅"]
    finally:
        engine.dispose()


def test_foreign_database_is_refused_untouched(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE ledger (day date, amount integer)"))
            conn.execute(text("INSERT INTO ledger VALUES ('2026-10-01', 12345)"))
        with pytest.raises(ForeignDatabase):
            open_database(pg_url)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == ["ledger"]
            assert conn.execute(text("SELECT amount FROM ledger")).scalar() == 12345
    finally:
        engine.dispose()


def test_file_operations_are_refused_with_the_pg_dump_hint(pg_db):
    assert integrity_problems(pg_db) == []  # left to the server
    with pytest.raises(UnsupportedOperation) as refused:
        backup_database(pg_db)
    assert "pg_dump" in str(refused.value)


# --- months, summary and the monthly report -----------------------------------------------------


def test_month_of_a_sale_at_the_month_boundaries(pg_db):
    moments = []
    for month in MonthRange(Month(2024, 11), Month(2026, 3)):  # two new years, a leap February
        moments += [
            month.start(),  # 00:00:00 on the first
            month.start() + timedelta(microseconds=1),
            month.end() - timedelta(seconds=1),  # 23:59:59 on the last day
            month.end() - timedelta(microseconds=1),  # 23:59:59.999999
        ]
    lines = [
        {"platform": "douyin", "order_id": str(i), "line_id": "1", "quantity": 1, "paid_fen": 100 + i,
         "paid_at": moment, "refunded_fen": i % 7}
        for i, moment in enumerate(moments)
    ]
    with pg_db.engine.begin() as conn:
        insert_rows(conn, lines)
        refresh_months(conn)
    with pg_db.engine.connect() as conn:
        found = conn.execute(select(models.Sale.paid_at, month_key(models.Sale.paid_at)).order_by(models.Sale.id)).all()
    assert [(at, key) for at, key in found] == [(moment, Month.of(moment).key) for moment in moments]
    report = monthly_report(pg_db)
    assert report.rows == expected_report(lines, [], [], report.range.first, report.range.last)
    assert all(row.orders == 4 for row in report.rows)


@pytest.mark.parametrize("seed", [11, 22])
def test_report_equals_brute_force(pg_db, seed):
    rng = random.Random(seed)
    sales = random_sales(rng, 300)
    livestreams = random_livestreams(rng, 80)
    targets = random_targets(rng)
    with pg_db.engine.begin() as conn:
        insert_rows(conn, sales, livestreams, targets)
        refresh_months(conn)
    span = expected_span(sales)
    report = monthly_report(pg_db)
    assert report.range == span
    assert report.rows == expected_report(sales, livestreams, targets, span.first, span.last)
    for platform in PLATFORMS[:2]:
        first, last = span.first.previous(), span.last.next()
        assert monthly_report(pg_db, first, last, platform).rows == expected_report(
            sales, livestreams, targets, first, last, platform
        )
    # Refreshing only some months (as every writer does) keeps the summary equal to the lines.
    with pg_db.engine.begin() as conn:
        conn.execute(models.Sale.__table__.delete().where(models.Sale.id % 3 == 0))
        refresh_months(conn, list(span))
    with pg_db.engine.connect() as conn:
        assert summary_mismatches(conn) == []
        remaining = [dict(row._mapping) for row in conn.execute(select(models.Sale.__table__))]
    if expected_span(remaining):
        span = expected_span(remaining)
        assert monthly_report(pg_db).rows == expected_report(remaining, livestreams, targets, span.first, span.last)


def test_writers_on_two_pcs_keep_the_summary_equal_to_the_lines(pg_db):
    """Two PCs commit sales of the same month at once. SQLite has one writer at a time (BEGIN
    IMMEDIATE); on PostgreSQL the second refresh must wait for the first and count its lines."""
    month = Month(2026, 5)

    def lines(prefix: str) -> list[dict]:
        return [
            {"platform": "douyin", "order_id": f"{prefix}{i}", "line_id": "1", "quantity": 1, "paid_fen": 1000 + i,
             "paid_at": datetime(2026, 5, 1 + i, 20, 0), "refunded_fen": 0}
            for i in range(5)
        ]

    first_refreshed = threading.Event()
    errors: list[BaseException] = []

    def first_pc() -> None:
        try:
            with pg_db.engine.begin() as conn:
                insert_rows(conn, lines("A"))
                refresh_months(conn, [month])
                first_refreshed.set()
                time.sleep(0.5)  # still open while the second PC writes and refreshes
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            first_refreshed.set()

    thread = threading.Thread(target=first_pc)
    thread.start()
    assert first_refreshed.wait(30)
    with pg_db.engine.begin() as conn:
        insert_rows(conn, lines("B"))
        refresh_months(conn, [month])
    thread.join(30)
    assert errors == []
    with pg_db.engine.connect() as conn:
        assert summary_mismatches(conn) == []
    assert monthly_report(pg_db, month, month).rows[0].orders == 10


# --- the demo data, the dashboard and `check` ----------------------------------------------------


def test_demo_is_the_same_on_postgresql_as_on_sqlite(pg_db, db):
    options = dict(months=3, sales=500, seed=3, end_month=Month(2026, 9))
    on_server = generate_demo(pg_db, **options)
    on_file = generate_demo(db, **options)
    assert on_server == on_file
    assert on_server.sale_lines == 500 and len(on_server.months) == 3
    with pg_db.engine.connect() as conn:
        assert summary_mismatches(conn) == []
    for model in (models.Product, models.PlatformCode, models.Livestream, models.LineupItem, models.Sale,
                  models.MonthlySalesSummary, models.MonthlyTarget, models.StockMovement):
        assert _rows(pg_db, model) == _rows(db, model), model.__tablename__

    assert sales_span(pg_db) == sales_span(db) == MonthRange(Month(2026, 7), Month(2026, 9))
    assert monthly_report(pg_db) == monthly_report(db)
    for period in (PeriodChoice.LAST_6, PeriodChoice.THIS_YEAR):
        for platform in (None, "douyin"):
            assert load_dashboard(pg_db, period, platform=platform) == load_dashboard(db, period, platform=platform)

    report = check_database(pg_db)
    assert report.healthy, report.problems
    checks = {check.name: check for check in report.checks}
    assert checks["integrity"].detail.code == "health.integrity_on_server"
    assert "500 sale lines" in str(checks["contents"].detail)


def test_demo_refuses_a_database_with_data(pg_db):
    from livestream_desk.services.errors import UserError

    generate_demo(pg_db, months=1, sales=10, seed=1, end_month=Month(2026, 9))
    with pytest.raises(UserError):
        generate_demo(pg_db, months=1, sales=10, seed=1, end_month=Month(2026, 9))


# --- the catalogue: search, filters and sorting agree with SQLite ------------------------------------

CATALOGUE = [
    ProductInput(name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", unit="盒", category="花草茶", list_price="39.9",
                 live_price="29.9", cost="18", stock=200, low_stock_threshold=20, origin_province="江西省",
                 origin_county="婺源县", origin_town="江湾镇", origin_village="篁岭村",
                 producer="婺源县篁岭皇菊专业合作社", certifications="地理标志、绿色食品",
                 platform_codes=[("douyin", "3581102234"), ("kuaishou", "KS-HJ-1")]),
    ProductInput(name="赣南脐橙", sku="JX-QC-5", spec="5斤/箱", unit="箱", category="水果", list_price="59.8",
                 cost="30", stock=50, origin_province="江西省", origin_county="信丰县", producer="信丰果农 李四"),
    ProductInput(name="手工竹编果篮", sku="jx-zb-l", spec="大号", category="手工艺", list_price="68",
                 origin_county="修水县", certifications="非遗"),
    ProductInput(name="绿色富硒大米", spec="5kg", list_price="45", stock=2, low_stock_threshold=5,
                 origin_province="江西省", origin_county="万年县", certifications="绿色食品、富硒"),
    ProductInput(name="Wuyuan Green Tea 婺源绿茶", sku="WY-GT-250", spec="250g", list_price="88", live_price="79",
                 cost="40", origin_province="Jiangxi", origin_county="Wuyuan", certifications="GAP"),
    ProductInput(name="南丰蜜桔 50%_特价", spec="10斤", list_price="0", stock=0, low_stock_threshold=3,
                 origin_county="南丰县", archived=True),
    ProductInput(name="香菇", spec="", list_price="25.5", cost="25.5", origin_county="井冈山市", needs_review=True),
]

QUERIES = (
    [ProductQuery(text=t) for t in ("hj", "HJ", "ＨＪ", "Huangju", "wyhj", "皇菊", "婺源 皇菊", "jx-", "JX-ZB",
                                     "wuyuan", "WUYUAN green", "tea", "lv", "lu", "%", "_", "50%", "%_", "zzz", "")]
    + [ProductQuery(origin=o) for o in ("婺源", "江西省 婺源县", "Wuyuan", "wuyuan", "县")]
    + [ProductQuery(certification=c) for c in ("绿色食品", "GAP", "gap", "非遗")]
    + [ProductQuery(archived=a) for a in ArchivedFilter]
    + [ProductQuery(low_stock_only=True), ProductQuery(needs_review_only=True)]
    + [ProductQuery(sort=key, descending=d, archived=ArchivedFilter.INCLUDE)
       for key in sorted(catalogue.SORT_KEYS) for d in (False, True)]
    + [ProductQuery(text="江西", sort="cost_fen", descending=True), ProductQuery(sort="margin_pct", offset=2, limit=3),
       ProductQuery(sort="live_price_fen", descending=True, offset=1, limit=2)]
)


def _comparable(row):
    return replace(row, updated_at=None)  # the clock moved on between the two databases


def test_catalogue_search_filters_and_sorting_agree_with_sqlite(pg_db, db):
    for product in CATALOGUE:
        assert _comparable(create_product(pg_db, product)) == _comparable(create_product(db, product))
    for query in QUERIES:
        on_server, server_total = list_products_and_count(pg_db, query)
        on_file, file_total = list_products_and_count(db, query)
        assert [_comparable(r) for r in on_server] == [_comparable(r) for r in on_file], query
        assert server_total == file_total, query
        # the window the table shows while typing: the same rows; the total when it tells it
        shown, told = list_products_window(pg_db, replace(query, limit=query.limit or 4))
        expected = on_server[:4] if query.limit is None else on_server  # (both from the offset)
        assert [r.id for r in shown] == [r.id for r in expected], query
        assert told in (None, server_total), query
    # Typed in any case, a code or pinyin is found: the keys and the typed words are lower-cased.
    assert [r.sku for r in list_products(pg_db, ProductQuery(text="JX-HJ"))] == ["JX-HJ-050"]
    assert [r.sku for r in list_products(pg_db, ProductQuery(text="jx-zb"))] == ["jx-zb-l"]
    # Blanks (no cost, so no margin) come last when sorting descending, first ascending.
    margins = [r.margin_pct for r in list_products(pg_db, ProductQuery(sort="margin_pct", descending=True))]
    assert margins[-1] is None and margins[0] is not None
    assert list_products(pg_db, ProductQuery(sort="margin_pct"))[0].margin_pct is None


def test_delete_and_restore_keep_ids_and_sequences_sound(pg_db):
    first = create_product(pg_db, CATALOGUE[0])
    adjust_stock(pg_db, first.id, -5, "样品")
    before, history = get_product(pg_db, first.id), stock_history(pg_db, first.id)
    snapshot = delete_product(pg_db, first.id)
    # PostgreSQL's sequences never hand a deleted id out again (SQLite's rowids do).
    second = create_product(pg_db, CATALOGUE[1])
    assert second.id > first.id
    restored = restore_deleted_product(pg_db, snapshot)  # explicit ids: the product's and its history's
    assert restored.id == first.id
    after = get_product(pg_db, first.id)
    assert replace(after, platform_codes=()) == replace(before, platform_codes=())
    assert [(c.platform, c.code) for c in after.platform_codes] == [(c.platform, c.code) for c in before.platform_codes]
    assert stock_history(pg_db, first.id) == history
    # The sequences are still ahead of every id: new rows get new ids, nothing collides.
    third = create_product(pg_db, CATALOGUE[2])
    assert third.id not in (first.id, second.id)
    movement = adjust_stock(pg_db, third.id, 3, "补货")
    assert movement.id not in {m.id for m in history}
    with pg_db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(models.Product)).scalar_one() == 3
