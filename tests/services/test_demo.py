"""The demo-data generator: exact sizes, determinism, consistency with the metric rules, refusal
of non-empty databases, all-or-nothing on cancel, and a believable growth curve."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, text

from livestream_desk.db.engine import open_database
from livestream_desk.db.models import (
    Account,
    Category,
    Host,
    LineupItem,
    Livestream,
    LivestreamStatus,
    MonthlySalesSummary,
    MonthlyTarget,
    Platform,
    PlatformCode,
    Producer,
    Product,
    Sale,
    SaleSource,
)
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services import demo, uow
from livestream_desk.services.demo import DemoSummary, default_sales, generate_demo
from livestream_desk.services.errors import Cancelled, UserError
from livestream_desk.services.reports import monthly_report
from livestream_desk.services.summary import summary_mismatches

# How tests/conftest.py builds `demo_db`.
DEMO_END = Month(2026, 10)
DEMO_RANGE = MonthRange.last_n(24, DEMO_END)
DEMO_SALES = 3000

ALL_TABLES = (
    "categories", "producers", "products", "platform_codes", "stock_movements", "accounts", "hosts",
    "livestreams", "lineup_items", "sales", "monthly_sales_summary", "monthly_targets",
)


def _count(conn, model) -> int:
    return conn.execute(select(func.count()).select_from(model)).scalar_one()


def _dump(database) -> dict[str, list[tuple]]:
    with database.engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))]
            for table in ALL_TABLES
        }


@pytest.fixture
def second_db(tmp_path):
    database = open_database(tmp_path / "second.sqlite3")
    yield database
    database.dispose()


# --- size and range ------------------------------------------------------------------------------


def test_demo_db_has_the_requested_lines_within_the_range(demo_db):
    with demo_db.engine.connect() as conn:
        assert _count(conn, Sale) == DEMO_SALES
        first, last = conn.execute(select(func.min(Sale.paid_at), func.max(Sale.paid_at))).one()
        outside = conn.execute(
            select(func.count()).where(
                Sale.paid_at.is_not(None),
                (Sale.paid_at < DEMO_RANGE.start()) | (Sale.paid_at >= DEMO_RANGE.end()),
            )
        ).scalar_one()
        sources = set(conn.execute(select(Sale.source).distinct()).scalars())
    assert outside == 0
    assert Month.of(first) == DEMO_RANGE.first
    assert Month.of(last) == DEMO_RANGE.last
    assert sources == {SaleSource.DEMO}
    report = monthly_report(demo_db)
    assert report.range == DEMO_RANGE
    assert all(row.orders > 0 for row in report.rows), "every month of the range has sales"


def test_summary_describes_what_was_written(db):
    summary = generate_demo(db, months=6, sales=777, seed=3, end_month=Month(2025, 12))
    assert isinstance(summary, DemoSummary)
    assert summary.months == MonthRange(Month(2025, 7), Month(2025, 12))
    assert summary.sale_lines == 777
    with db.engine.connect() as conn:
        assert _count(conn, Sale) == 777
        assert _count(conn, Product) == summary.products
        assert _count(conn, Livestream) == summary.livestreams
    assert 25 <= summary.products <= 35
    assert summary.livestreams >= 6 * 4 * 3  # several a week


@pytest.mark.parametrize("sales", [0, 1, 7])
def test_any_number_of_lines_exactly(db, sales):
    summary = generate_demo(db, months=3, sales=sales, seed=5, end_month=Month(2026, 3))
    with db.engine.connect() as conn:
        assert _count(conn, Sale) == sales == summary.sale_lines
        assert summary_mismatches(conn) == []
        assert _count(conn, Livestream) > 0


def test_defaults_end_last_month_with_a_small_shops_volume(db, monkeypatch):
    """DESIGN §7: `demo` makes whole months ending with last month."""
    monkeypatch.setattr(demo, "DEFAULT_LINES_PER_MONTH", 20)  # keep the test quick
    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 20, 15, 7))
    summary = generate_demo(db, months=2)
    assert summary.months == MonthRange(Month(2026, 9), Month(2026, 10))
    assert summary.sale_lines == 40
    assert default_sales(24) == 24 * demo.DEFAULT_LINES_PER_MONTH


def test_bad_arguments_are_refused(db):
    with pytest.raises(UserError):
        generate_demo(db, months=0)
    with pytest.raises(UserError):
        generate_demo(db, months=3, sales=-1)
    with db.engine.connect() as conn:
        assert _count(conn, Category) == 0


# --- determinism -----------------------------------------------------------------------------


def test_same_seed_gives_the_same_database(db, second_db):
    generate_demo(db, months=4, sales=600, seed=11, end_month=Month(2026, 1))
    generate_demo(second_db, months=4, sales=600, seed=11, end_month=Month(2026, 1))
    assert _dump(db) == _dump(second_db)


def test_another_seed_gives_other_data(db, second_db):
    generate_demo(db, months=4, sales=600, seed=11, end_month=Month(2026, 1))
    generate_demo(second_db, months=4, sales=600, seed=12, end_month=Month(2026, 1))
    assert _dump(db)["sales"] != _dump(second_db)["sales"]


# --- consistency with the metric and attribution rules -------------------------------------------


def test_refunds_never_exceed_what_was_paid(demo_db):
    with demo_db.engine.connect() as conn:
        rows = conn.execute(
            select(
                Sale.quantity, Sale.unit_price_fen, Sale.paid_fen, Sale.paid_at,
                Sale.refunded_fen, Sale.refunded_quantity,
            )
        ).all()
    refunded = partial = unpaid = 0
    for quantity, price, paid, paid_at, refund, refund_qty in rows:
        assert 1 <= quantity <= 5
        assert 0 <= refund <= paid <= quantity * price
        assert 0 <= refund_qty <= quantity
        if paid_at is None:
            unpaid += 1
            assert paid == 0 and refund == 0
        elif refund == paid:
            refunded += 1
            assert refund_qty == quantity
        elif refund:
            partial += 1
    assert 0.04 <= refunded / len(rows) <= 0.10
    assert 0 < partial < refunded
    assert 0.005 <= unpaid / len(rows) <= 0.04


def test_attributed_sales_fall_inside_their_livestream_on_the_same_platform(demo_db):
    with demo_db.engine.connect() as conn:
        rows = conn.execute(
            select(Sale.paid_at, Sale.platform, Livestream.platform, Livestream.status,
                   Livestream.actual_start, Livestream.actual_end)
            .join(Livestream, Livestream.id == Sale.livestream_id)
            .where(Sale.paid_at.is_not(None))
        ).all()
        sources = dict(
            conn.execute(
                select(Sale.livestream_id.is_(None), func.group_concat(Sale.traffic_source.distinct()))
                .group_by(Sale.livestream_id.is_(None))
            ).all()
        )
        total_paid = conn.execute(select(func.count()).where(Sale.paid_at.is_not(None))).scalar_one()
    assert rows
    for paid_at, sale_platform, stream_platform, status, start, end in rows:
        assert sale_platform == stream_platform
        assert status == LivestreamStatus.DONE
        assert start <= paid_at <= end + timedelta(minutes=30)
    assert 0.80 <= len(rows) / total_paid <= 0.90  # about 85% from live rooms
    # the rest say where they came from (京东: an 订单渠道 other than 京东直播)
    assert set(sources[1].split(",")) == {"短视频", "商品卡", "京东搜索", "商品详情"}


def test_livestream_windows_of_a_platform_never_overlap(demo_db):
    """So every attributed sale has exactly one livestream it can belong to."""
    with demo_db.engine.connect() as conn:
        rows = conn.execute(
            select(Livestream.platform, Livestream.actual_start, Livestream.actual_end)
            .where(Livestream.status == LivestreamStatus.DONE)
            .order_by(Livestream.platform, Livestream.actual_start)
        ).all()
    previous: dict[str, datetime] = {}
    for platform, start, end in rows:
        assert start < end
        if platform in previous:
            assert start > previous[platform]
        previous[platform] = end + timedelta(minutes=30)


def test_sale_prices_are_the_lineup_prices(demo_db):
    in_lineup = (LineupItem.livestream_id == Sale.livestream_id) & (LineupItem.product_id == Sale.product_id)
    with demo_db.engine.connect() as conn:
        mismatched = conn.execute(
            select(func.count())
            .select_from(Sale)
            .join(LineupItem, in_lineup, isouter=True)
            .where(Sale.livestream_id.is_not(None))
            .where((LineupItem.id.is_(None)) | (LineupItem.live_price_fen != Sale.unit_price_fen))
        ).scalar_one()
    assert mismatched == 0


def test_summary_table_equals_the_raw_lines(demo_db):
    with demo_db.engine.connect() as conn:
        assert summary_mismatches(conn) == []
        assert _count(conn, MonthlySalesSummary) > 0


def test_orders_group_lines(demo_db):
    with demo_db.engine.connect() as conn:
        sizes = conn.execute(
            select(Sale.platform, func.count()).group_by(Sale.platform, Sale.order_id)
        ).all()
        kuaishou_lines = conn.execute(
            select(Sale.order_id, Sale.line_id).where(Sale.platform == Platform.KUAISHOU)
        ).all()
        paid_times = conn.execute(
            select(func.count(func.distinct(Sale.paid_at)))
            .where(Sale.paid_at.is_not(None))
            .group_by(Sale.platform, Sale.order_id)
        ).scalars().all()
    by_size = defaultdict(int)
    for _, size in sizes:
        by_size[size] += 1
    assert by_size[1] > 0.7 * len(sizes)
    assert by_size[2] + by_size[3] > 0
    assert max(by_size) <= 3
    assert all(order_id == line_id for order_id, line_id in kuaishou_lines)  # one row per order
    assert set(paid_times) == {1}  # an order is paid at once


# --- content -----------------------------------------------------------------------------------


def test_catalogue_is_complete(demo_db):
    with demo_db.engine.connect() as conn:
        products = conn.execute(select(Product)).all()
        categories = set(conn.execute(select(Category.name)).scalars())
        producer_kinds = set(conn.execute(select(Producer.kind)).scalars())
        code_platforms = set(conn.execute(select(PlatformCode.platform)).scalars())
        codes_per_product = dict(
            conn.execute(select(PlatformCode.product_id, func.count()).group_by(PlatformCode.product_id)).all()
        )
        platforms = set(conn.execute(select(Account.platform)).scalars())
        hosts = _count(conn, Host)
    assert {"茶叶", "水果", "粮油", "干货", "禽蛋", "手工艺品", "土特产"} <= categories
    assert {"合作社", "农户", "企业"} <= producer_kinds
    assert {Platform.DOUYIN, Platform.KUAISHOU, Platform.SHIPINHAO, Platform.TAOBAO, Platform.JD} <= platforms
    assert code_platforms == platforms
    assert 3 <= hosts <= 4
    skus = {p.sku for p in products}
    assert {"JX-HJ-050", "JX-MJ-5", "JX-ZB-L"} <= skus
    for product in products:
        assert product.sku and product.name and product.spec and product.unit
        assert product.origin_province == "江西省" and product.origin_county
        assert product.producer_id is not None and product.category_id is not None
        assert 0 < product.cost_fen < product.live_price_fen <= product.list_price_fen
        assert product.stock >= 0 and product.low_stock_threshold > 0
        assert codes_per_product[product.id] >= 1
    assert any("、" in p.certifications for p in products)


def test_livestreams_have_lineups_and_traffic(demo_db):
    with demo_db.engine.connect() as conn:
        streams = conn.execute(select(Livestream)).all()
        lineup_sizes = dict(
            conn.execute(select(LineupItem.livestream_id, func.count()).group_by(LineupItem.livestream_id)).all()
        )
        points = conn.execute(select(LineupItem.talking_points)).scalars().all()
    statuses = defaultdict(int)
    for stream in streams:
        statuses[stream.status] += 1
        assert 5 <= lineup_sizes[stream.id] <= 12
        if stream.status == LivestreamStatus.DONE:
            assert DEMO_RANGE.start() <= stream.actual_start < DEMO_RANGE.end()
            assert stream.viewers > 0 and 0 < stream.peak_online <= stream.viewers
            assert stream.new_followers is not None and stream.likes is not None
            assert stream.ad_spend_fen >= 0 and stream.other_cost_fen >= 0
        else:
            assert stream.actual_start is None and stream.viewers is None
    weeks = len(DEMO_RANGE) * 30.4 / 7
    assert 3 <= (statuses[LivestreamStatus.DONE] + statuses[LivestreamStatus.CANCELLED]) / weeks <= 6
    assert 0 < statuses[LivestreamStatus.CANCELLED] < 0.1 * len(streams)
    assert statuses[LivestreamStatus.PLANNED] > 0  # the schedule has upcoming streams
    themes = {stream.theme for stream in streams}
    assert {"年货节", "双十一特色产业节", "日常专场"} <= themes
    assert all(point for point in points)


def test_more_viewers_where_more_is_sold(demo_db):
    with demo_db.engine.connect() as conn:
        rows = conn.execute(
            select(Livestream.viewers, func.count(func.distinct(Sale.order_id)))
            .join(Sale, Sale.livestream_id == Livestream.id)
            .where(Sale.paid_at.is_not(None))
            .group_by(Livestream.id)
        ).all()
    rows.sort(key=lambda r: r[1])
    half = len(rows) // 2
    low = sum(v for v, _ in rows[:half]) / half
    high = sum(v for v, _ in rows[half:]) / (len(rows) - half)
    assert high > 1.5 * low


def test_every_month_has_a_target_near_the_month_before(demo_db):
    report = monthly_report(demo_db)
    targets = [row.target_fen for row in report.rows]
    assert all(targets)
    met = sum(1 for row in report.rows if row.net_sales_fen >= row.target_fen)
    assert 0 < met < len(report.rows)
    for previous, row in zip(report.rows, report.rows[1:]):
        assert previous.net_sales_fen < row.target_fen <= previous.net_sales_fen * 1.2
    with demo_db.engine.connect() as conn:
        platforms = set(conn.execute(select(MonthlyTarget.platform)).scalars())
    assert platforms == {""}


def test_growth_and_seasons_show(demo_db):
    rows = {row.month: row.net_sales_fen for row in monthly_report(demo_db).rows}
    peaks = [net for month, net in rows.items() if month.month in (11, 1)]
    summer = [net for month, net in rows.items() if month.month == 7]
    assert sum(peaks) / len(peaks) > 1.3 * sum(summer) / len(summer)
    values = list(rows.values())
    assert sum(values[-12:]) > 1.3 * sum(values[:12])  # a year of growth


# --- refusal and cancel ----------------------------------------------------------------------


def test_a_database_with_products_is_refused_and_left_alone(db):
    with db.engine.begin() as conn:
        conn.execute(insert(Product).values(name="自家土蜂蜜", spec="500g/瓶"))
    before = _dump(db)
    with pytest.raises(UserError, match="empty database.*1 products"):
        generate_demo(db, months=2, sales=100)
    assert _dump(db) == before


def test_a_database_with_sales_is_refused(db):
    with db.engine.begin() as conn:
        conn.execute(
            insert(Sale).values(platform="douyin", order_id="1", line_id="1", paid_fen=100,
                                paid_at=datetime(2026, 1, 5, 10, 0))
        )
    with pytest.raises(UserError, match="1 sales"):
        generate_demo(db, months=2, sales=100)
    with db.engine.connect() as conn:
        assert _count(conn, Product) == 0 and _count(conn, Sale) == 1


def test_names_already_there_are_reused(db):
    """Hosts, accounts, categories typed in before loading the demo do not clash with it."""
    with db.engine.begin() as conn:
        conn.execute(insert(Host).values(name="李知"))
        conn.execute(insert(Category).values(name="茶叶", position=0))
        conn.execute(insert(Account).values(platform="douyin", name="修水李知皇菊"))
        conn.execute(insert(MonthlyTarget).values(month=202601, platform="", target_fen=123))
    generate_demo(db, months=2, sales=50, end_month=Month(2026, 1))
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).where(Host.name == "李知")).scalar_one() == 1
        assert conn.execute(select(MonthlyTarget.target_fen).where(MonthlyTarget.month == 202601)).scalar_one() == 123


def test_cancel_after_the_first_chunk_leaves_nothing(db, monkeypatch):
    monkeypatch.setattr(demo, "CHUNK_LINES", 200)
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return any(done > 0 for done, _ in seen)  # True once the first chunk is in

    with pytest.raises(Cancelled):
        generate_demo(db, months=3, sales=1000, end_month=Month(2026, 3),
                      progress=lambda done, total: seen.append((done, total)), cancelled=cancelled)
    assert seen[-1] == (200, 1000)
    assert all(rows == [] for rows in _dump(db).values())


def test_progress_counts_lines_up_to_the_total(db, monkeypatch):
    monkeypatch.setattr(demo, "CHUNK_LINES", 300)
    seen: list[tuple[int, int]] = []
    generate_demo(db, months=3, sales=1000, end_month=Month(2026, 3),
                  progress=lambda done, total: seen.append((done, total)), cancelled=lambda: False)
    dones = [done for done, _ in seen]
    assert {total for _, total in seen} == {1000}
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == 1000
    assert len(set(dones)) >= 4  # at least one report per chunk


def test_demo_products_are_found_like_products_saved_in_the_app(demo_db):
    """Demo rows carry the same search keys the catalogue service writes (Chinese and pinyin)."""
    from livestream_desk.services.catalogue import search_products

    for term in ("皇菊", "huangju", "hj", "婺源", "JX-MJ"):
        rows, total = search_products(demo_db, term)
        assert total > 0, term
