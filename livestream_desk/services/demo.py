"""Realistic demo data: a small Jiangxi specialty shop selling through livestreams.

`generate_demo()` fills an empty database with products, producers, live rooms, hosts,
livestreams with lineups and traffic figures, sale lines with refunds, and monthly targets,
for `months` whole months ending with `end_month`. The number of sale lines is exact and
scales to millions (Core executemany in chunks); the same seed gives the same database.

Everything is written in one transaction: a failure or a cancel leaves the database as it was.
The static data (products, places, accounts, calendar) lives in demo_catalogue.py.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Callable, Optional

from sqlalchemy import Connection, bindparam, func, insert, select, update

from ..db.engine import Database
from ..db.models import (
    Account,
    Category,
    Host,
    LineupItem,
    Livestream,
    LivestreamStatus,
    MonthlyTarget,
    Platform,
    PlatformCode,
    Producer,
    Product,
    Sale,
    SaleSource,
    StockMovement,
)
from ..domain.period import Month, MonthRange
from ..domain.validation import ValidProduct, join_certifications
from . import demo_catalogue as cat
from .errors import Cancelled, UserError
from .sale_lines import SaleLineWriter
from .catalogue import product_columns

DEFAULT_LINES_PER_MONTH = 500  # ≈ 12,000 lines over the default 24 months: a small shop
MAX_MONTHS = 240
MAX_SALES = 10_000_000
CHUNK_LINES = 5_000  # sale lines per insert; progress and cancel are checked between chunks

LIVE_SHARE_PCT = 85  # share of lines sold in a live room (the rest: 短视频, 商品卡)
UNPAID_PCT = 2.0  # orders placed but never paid (ignored by the metrics)
STREAM_TAIL_SECONDS = 30 * 60  # sales up to 30 minutes after a stream still count for it
CANCELLED_SHARE = 0.04
PLAN_AHEAD_DAYS = 28  # the schedule ahead: four weeks of planned livestreams from today
SERIES_WEEKDAYS = (1, 4)  # the demo's weekly series: Tuesdays and Fridays…
SERIES_TIME = (20, 0)  # …at 20:00
MONTHLY_GROWTH = 0.045

_ORDER_SIZES = (1, 2, 3)
_ORDER_SIZE_WEIGHTS = (82, 13, 5)
_QTY_CUM = (70, 87, 94, 97, 100)  # quantity 1…5, cumulative %
_QTY_CUM_CHEAP = (52, 76, 88, 94, 100)
_DISCOUNTS = (300, 500, 500, 1000, 2000)  # 优惠券 / 满减, fen
# When people buy outside live rooms, by hour of day (Beijing time).
_HOUR_WEIGHTS = (2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 10, 8, 7, 7, 7, 7, 8, 10, 13, 14, 12, 6)


@dataclass(frozen=True)
class DemoSummary:
    months: MonthRange
    products: int
    livestreams: int
    sale_lines: int


def default_sales(months: int) -> int:
    """The number of sale lines a call without `sales` makes: a small shop's volume."""
    return DEFAULT_LINES_PER_MONTH * months


def generate_demo(
    db: Database,
    *,
    months: int = 24,
    sales: int | None = None,
    seed: int = 1,
    end_month: Month | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; see the module docstring.

    Raises UserError (nothing written) when the database already holds products or sales or
    the arguments are out of range, and Cancelled (everything rolled back) when `cancelled()`
    returns True. `progress(done, total)` counts sale lines written.
    """
    if not 1 <= months <= MAX_MONTHS:
        raise UserError("demo.months_out_of_range", maximum=MAX_MONTHS, value=months)
    total = default_sales(months) if sales is None else sales
    if not 0 <= total <= MAX_SALES:
        raise UserError("demo.sales_out_of_range", maximum=MAX_SALES, value=total)
    if end_month is None:
        end_month = Month.current().previous()
    span = MonthRange.last_n(months, end_month)

    with db.engine.begin() as conn:
        _refuse_unless_empty(conn)
        generator = _Generator(conn, span, total, random.Random(seed), progress, cancelled)
        result = generator.run()
    if db.is_sqlite:
        _shrink_wal(db)
    return result


def _shrink_wal(db: Database) -> None:
    """Give back the disk space of the write-ahead log a big demo leaves (its size again)."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # outside any transaction: autocommit
        cursor.close()
    finally:
        raw.close()


def _refuse_unless_empty(conn: Connection) -> None:
    products = conn.execute(select(func.count()).select_from(Product)).scalar_one()
    sales = conn.execute(select(func.count()).select_from(Sale)).scalar_one()
    if products or sales:
        raise UserError("demo.not_empty", products=products, sales=sales)


# --- in-memory plan ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Product:
    index: int
    info: cat.ProductInfo
    id: int = 0
    platforms: frozenset[str] = frozenset()
    cheap: bool = False


@dataclass(slots=True)
class _Stream:
    month_index: int
    platform: str
    account: cat.AccountInfo
    account_id: int
    host: str
    theme: str
    title: str
    scheduled: datetime
    planned_minutes: int
    status: str
    actual_start: Optional[datetime] = None
    actual_end: Optional[datetime] = None
    strength: float = 0.0
    notes: str = ""
    # lineup: (product index, live price fen, talking points)
    lineup: list[tuple[int, int, str]] = field(default_factory=list)
    lineup_weights: list[float] = field(default_factory=list)
    cum_weights: list[float] = field(default_factory=list)
    quota: int = 0  # sale lines to make for it
    id: int = 0
    orders: int = 0  # paid orders made
    gmv_fen: int = 0
    created_at: Optional[datetime] = None


def _split(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, exactly (largest remainder)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * w / weight_sum for w in weights]
    counts = [int(s) for s in shares]
    rest = total - sum(counts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[:rest]:
        counts[i] += 1
    return counts


def _cumulative(weights: list[float]) -> list[float]:
    out, running = [], 0.0
    for w in weights:
        running += w
        out.append(running)
    return out


def _spring_festival(year: int) -> date:
    return cat.SPRING_FESTIVAL.get(year, date(year, 2, 5))


def _festival_phase(day: date) -> Optional[str]:
    """年货节 or the 春节 break when `day` is near a lunar new year, else None."""
    for year in (day.year, day.year + 1):
        delta = (_spring_festival(year) - day).days  # days until 春节
        if cat.NIANHUO_DAYS_BEFORE[1] <= delta <= cat.NIANHUO_DAYS_BEFORE[0]:
            return cat.THEME_NIANHUO
        if -cat.BREAK_DAYS[1] <= delta <= -cat.BREAK_DAYS[0]:
            return cat.THEME_SPRING_BREAK
    return None


def _calendar_theme(day: date) -> Optional[str]:
    """The shop-wide campaign on `day`, if any (festivals everyone streams for)."""
    phase = _festival_phase(day)
    if phase:
        return phase
    m, d = day.month, day.day
    if (m == 10 and d >= 20) or (m == 11 and d <= 11):
        return cat.THEME_DOUBLE11
    if m == 6 and d <= 18:
        return cat.THEME_618
    if m == 9 and d >= 15:
        return cat.THEME_HARVEST
    if m == 12 and d <= 12:
        return cat.THEME_DOUBLE12
    return None


def _fen_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _short_name(name: str) -> str:
    return name.split(" ")[0]


class _Generator:
    def __init__(
        self,
        conn: Connection,
        span: MonthRange,
        total: int,
        rng: random.Random,
        progress: Optional[Callable[[int, int], None]],
        cancelled: Optional[Callable[[], bool]],
    ) -> None:
        self.conn = conn
        # Demo lines are a bulk load: the summary is rebuilt once at the end, stock is set by the demo itself.
        self.sale_lines = SaleLineWriter(conn)
        self.sale_lines.rebuild_summary()
        self.span = span
        self.months = list(span)
        self.total = total
        self.rng = rng
        self.progress = progress
        self.cancelled = cancelled
        self.products: list[_Product] = []
        self.account_ids: dict[tuple[str, str], int] = {}
        self.host_ids: dict[str, int] = {}
        self.streams: list[_Stream] = []
        self.month_net: list[int] = [0] * len(self.months)
        self.live_lines: list[int] = [0] * len(self.months)
        self.buffer: list[dict] = []
        self.written = 0
        self.next_order_number: dict[str, int] = {}
        self.order_steps: dict[str, tuple[int, int]] = {}

    # -- orchestration --

    def run(self) -> DemoSummary:
        # Drawn first, so the shape of the curve does not depend on the number of lines.
        month_weights = self._month_weights()
        month_lines = _split(self.total, month_weights)
        for platform, (first, low, high) in cat.ORDER_NUMBERS.items():
            self.next_order_number[platform] = first + self.rng.randrange(10**12)
            self.order_steps[platform] = (low, high)
        self._report(0)
        self._write_reference_data()
        self._schedule()
        self._assign_quotas(month_lines)
        self._write_livestreams()
        self._check_cancel()
        for index, lines in enumerate(month_lines):
            self._write_month_sales(index, lines)
        self._flush(force=True)
        self._write_traffic()
        self._write_targets()
        planned = self._plan_ahead()
        self._check_cancel()
        self.sale_lines.settle()
        self._report(self.total)
        return DemoSummary(self.span, len(self.products), len(self.streams) + planned, self.written)

    def _report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, self.total)

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("demo.cancelled")

    # -- the growth curve --

    def _month_weights(self) -> list[float]:
        weights = []
        for index, month in enumerate(self.months):
            days = (month.end() - month.start()).days
            nianhuo = spring_break = 0
            for offset in range(days):
                phase = _festival_phase(date(month.year, month.month, 1) + timedelta(days=offset))
                if phase == cat.THEME_NIANHUO:
                    nianhuo += 1
                elif phase == cat.THEME_SPRING_BREAK:
                    spring_break += 1
            season = cat.MONTH_SEASON[month.month - 1]
            season *= (1 + 0.8 * nianhuo / days) * (1 - 0.6 * spring_break / days)
            growth = (1 + MONTHLY_GROWTH) ** index
            noise = self.rng.uniform(0.9, 1.1)
            weights.append(season * growth * noise)
        return weights

    # -- catalogue, producers, accounts, hosts --

    def _get_or_create(self, table, key_columns: dict, values: dict) -> int:
        found = self.conn.execute(
            select(table.c.id).where(*[table.c[k] == v for k, v in key_columns.items()])
        ).scalar()
        if found is not None:
            return found
        return self.conn.execute(insert(table).values(**key_columns, **values)).inserted_primary_key[0]

    def _write_reference_data(self) -> None:
        conn, rng = self.conn, self.rng
        start = self.span.start()
        category_ids = {
            name: self._get_or_create(Category.__table__, {"name": name}, {"position": position})
            for position, name in enumerate(cat.CATEGORIES)
        }
        producer_ids = {
            p.key: self._get_or_create(
                Producer.__table__,
                {"name": p.name},
                {"kind": p.kind, "contact": p.contact, "village": p.village, "notes": p.notes},
            )
            for p in cat.PRODUCERS
        }
        for name in cat.HOSTS:
            self.host_ids[name] = self._get_or_create(Host.__table__, {"name": name}, {})
        for account in cat.ACCOUNTS:
            self.account_ids[(account.platform, account.name)] = self._get_or_create(
                Account.__table__,
                {"platform": account.platform, "name": account.name},
                {"platform_account_id": account.platform_account_id},
            )

        producer_names = {p.key: p.name for p in cat.PRODUCERS}
        end_season = self.months[-1].month - 1
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
                created + timedelta(days=rng.randint(0, 30 * len(self.months))),
                self.span.end() - timedelta(hours=rng.randint(1, 72)),
            )
            rows.append(row)
            self.products.append(
                _Product(
                    index,
                    info,
                    platforms=frozenset(info.platforms),
                    cheap="cheap" in info.tags or info.live_price_fen < 3000,
                )
            )
        table = Product.__table__
        ids = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars().all()
        for product, product_id in zip(self.products, ids):
            product.id = product_id

        codes, seen = [], set()
        for product in self.products:
            for platform in product.info.platforms:
                if platform == Platform.DOUYIN and product.info.douyin_id:
                    code = product.info.douyin_id
                else:
                    low, high = cat.PRODUCT_CODES[platform]
                    code = str(rng.randrange(low, high))
                    while (platform, code) in seen:
                        code = str(rng.randrange(low, high))
                seen.add((platform, code))
                codes.append({"platform": platform, "code": code, "product_id": product.id})
        conn.execute(insert(PlatformCode.__table__), codes)
        conn.execute(
            insert(StockMovement.__table__),
            [
                {"product_id": p.id, "delta": row["stock"], "reason": "期初库存", "at": row["created_at"]}
                for p, row in zip(self.products, rows)
                if row["stock"]
            ],
        )

    # -- livestreams --

    def _product_weight(self, product: _Product, month_index: int, month: Month) -> float:
        """How much of `product` sells in `month` (the `month_index`-th of the range, or after it)."""
        info = product.info
        if info.sold_until < 1 and month_index + 1 > math.ceil(info.sold_until * len(self.months)):
            return 0.0
        return info.popularity * cat.SEASONS[info.season][month.month - 1]

    def _theme_for(self, day: date, account: cat.AccountInfo, calendar_theme: Optional[str]) -> str:
        if calendar_theme:
            return calendar_theme
        m = day.month
        if m in (10, 11) and "huangju" in account.focus:
            return cat.THEME_HUANGJU
        if m in (11, 12, 1) and "fruit" in account.focus:
            return cat.THEME_ORANGE
        if (m == 3 and day.day >= 15 or m == 4) and "tea" in account.focus:
            return cat.THEME_SPRING_TEA
        if self.rng.random() < 0.1:
            return cat.THEME_ORIGIN
        return cat.THEME_DAILY

    def _schedule(self) -> None:
        rng = self.rng
        n_months = len(self.months)
        for month_index, month in enumerate(self.months + [self.months[-1].next()]):
            planned = month_index == n_months  # the month after the range: upcoming streams
            days = (month.end() - month.start()).days
            for day_number in range(1, days + 1):
                day = date(month.year, month.month, day_number)
                progress = min(1.0, (month_index + day_number / days) / n_months)
                calendar_theme = _calendar_theme(day)
                rate = (3 + 2 * progress) / 7  # 3 a week at first, 5 by the end
                if calendar_theme:
                    rate *= cat.THEMES[calendar_theme][0]
                if month.month in (7, 8):
                    rate *= 0.85
                active = [a for a in cat.ACCOUNTS if progress >= a.starts_at]
                count = min(self._poisson(rate), len({a.platform for a in active}))
                for account in self._pick_accounts(active, count):
                    self._add_stream(
                        month_index, month, day, account, calendar_theme, planned,
                    )

    def _poisson(self, rate: float) -> int:
        limit, k, p = math.exp(-rate), 0, self.rng.random()
        while p > limit:
            k += 1
            p *= self.rng.random()
        return k

    def _pick_accounts(self, active: list[cat.AccountInfo], count: int) -> list[cat.AccountInfo]:
        """`count` accounts on different platforms, so no two streams of a platform overlap."""
        chosen: list[cat.AccountInfo] = []
        candidates = list(active)
        while len(chosen) < count and candidates:
            account = self.rng.choices(candidates, weights=[a.weight for a in candidates])[0]
            chosen.append(account)
            candidates = [a for a in candidates if a.platform != account.platform]
        return sorted(chosen, key=lambda a: cat.ACCOUNTS.index(a))

    def _add_stream(
        self,
        month_index: int,
        month: Month,
        day: date,
        account: cat.AccountInfo,
        calendar_theme: Optional[str],
        planned: bool,
    ) -> None:
        rng = self.rng
        theme = self._theme_for(day, account, calendar_theme)
        hour, minute = rng.choice(account.slots)
        scheduled = datetime(day.year, day.month, day.day, hour, minute)
        big = cat.THEMES[theme][1] >= 1.3
        planned_minutes = rng.choice((180, 240, 240, 300) if big else (90, 120, 120, 150, 180))
        latest_end = datetime(day.year, day.month, day.day, 23, 29)  # + 30 min tail stays in the day
        planned_minutes = min(planned_minutes, int((latest_end - scheduled).total_seconds() // 60))
        host = account.hosts[0] if rng.random() < 0.75 else rng.choice(cat.HOSTS)

        lineup = self._lineup(account, theme, month_index, month)
        title = self._title(theme, lineup, month)
        stream = _Stream(
            month_index=month_index,
            platform=account.platform,
            account=account,
            account_id=self.account_ids[(account.platform, account.name)],
            host=host,
            theme=theme,
            title=title,
            scheduled=scheduled,
            planned_minutes=planned_minutes,
            status=LivestreamStatus.PLANNED,
            created_at=scheduled - timedelta(days=rng.randint(1, 12), minutes=rng.randint(0, 600)),
        )
        stream.lineup = lineup
        if not planned:
            if rng.random() < CANCELLED_SHARE:
                stream.status = LivestreamStatus.CANCELLED
                stream.notes = rng.choice(cat.CANCEL_NOTES)
            else:
                stream.status = LivestreamStatus.DONE
                start = scheduled + timedelta(minutes=rng.randint(-5, 12), seconds=rng.randint(0, 59))
                minutes = planned_minutes + rng.randint(-20, 25)
                end = start + timedelta(minutes=max(45, minutes), seconds=rng.randint(0, 59))
                stream.actual_start, stream.actual_end = start, min(end, latest_end)
                if stream.actual_end <= start:
                    stream.actual_end = start + timedelta(minutes=30)
                length = (stream.actual_end - start).total_seconds() / 60
                stream.strength = (
                    account.scale * cat.THEMES[theme][1] * (length / 150) * rng.lognormvariate(0, 0.35)
                )
                if not lineup:
                    stream.strength = 0.0  # nothing to sell: no sales for it
                if rng.random() < 0.12:
                    stream.notes = rng.choice(cat.DONE_NOTES)
        self.streams.append(stream)

    def _lineup(
        self, account: cat.AccountInfo, theme: str, month_index: int, month: Month
    ) -> list[tuple[int, int, str]]:
        rng = self.rng
        pushed = cat.THEMES[theme][2]
        keyed = []
        for product in self.products:
            if account.platform not in product.platforms:
                continue
            weight = self._product_weight(product, month_index, month)
            if weight <= 0:
                continue
            if product.info.tags & account.focus:
                weight *= 2.5
            if product.info.tags & pushed:
                weight *= 2.0
            keyed.append((rng.random() ** (1.0 / weight), product))  # weighted sample, no repeats
        keyed.sort(key=itemgetter(0), reverse=True)
        size = min(len(keyed), rng.randint(5, 12))
        chosen = [product for _, product in keyed[:size]]
        cheap = [p for p in chosen if p.cheap]
        if cheap and rng.random() < 0.5:  # open with a 福利款 to pull the room in
            chosen.remove(cheap[0])
            chosen.insert(0, cheap[0])
        big = cat.THEMES[theme][1] >= 1.3
        lineup = []
        for product in chosen:
            info = product.info
            price = info.live_price_fen
            if big or rng.random() < 0.2:
                pct = rng.randint(82, 95)
                price = max(info.cost_fen + 100, (price * pct // 100) // 100 * 100 - 10)
                price = min(price, info.live_price_fen)
            points = rng.sample(info.talking_points, k=min(2, len(info.talking_points)))
            if price < info.live_price_fen:
                points.append(f"直播间福利价 {_fen_text(price)} 元（日常 {_fen_text(info.live_price_fen)}）")
            else:
                points.append(f"直播价 {_fen_text(price)} 元，包邮")
            lineup.append((product.index, price, "；".join(points)))
        return lineup

    def _title(self, theme: str, lineup: list[tuple[int, int, str]], month: Month) -> str:
        rng = self.rng
        pushed = cat.THEMES[theme][2]
        # Name the products the theme is about first (皇菊 in 皇菊开采季), then the lineup's order.
        ordered = sorted(
            (index for index, _, _ in lineup), key=lambda i: not (self.products[i].info.tags & pushed)
        )
        names: list[str] = []
        for index in ordered:
            short = _short_name(self.products[index].info.name)
            if short not in names:
                names.append(short)
        highlight = "·".join(names[:2]) or "江西好物"
        ending = rng.choice(cat.TITLE_ENDINGS)
        if theme == cat.THEME_ORIGIN:
            # From where the lineup's most in-season product grows.
            trips = sorted(
                (-cat.SEASONS[info.season][month.month - 1], position, cat.ORIGIN_TRIPS[info.sku])
                for position, info in enumerate(self.products[i].info for i, _, _ in lineup)
                if info.sku in cat.ORIGIN_TRIPS
            )
            return f"产地溯源｜{trips[0][2] if trips else cat.ORIGIN_TRIP_DEFAULT}"
        if theme == cat.THEME_DAILY:
            return f"{highlight}专场｜{ending}"
        return f"{theme}｜{highlight} {ending}"

    def _assign_quotas(self, month_lines: list[int]) -> None:
        by_month: dict[int, list[_Stream]] = {}
        for stream in self.streams:
            if stream.status == LivestreamStatus.DONE and stream.strength > 0:
                by_month.setdefault(stream.month_index, []).append(stream)
        for index, lines in enumerate(month_lines):
            done = by_month.get(index, [])
            if not done or not lines:
                continue
            live = (lines * LIVE_SHARE_PCT + 50) // 100
            self.live_lines[index] = live
            for stream, quota in zip(done, _split(live, [s.strength for s in done])):
                stream.quota = quota
        for stream in self.streams:
            # Earlier slots sell more (the 福利款 opens the show); popular products more.
            stream.lineup_weights = [
                self.products[index].info.popularity * (1.6 if position == 0 else 1.0) / (position + 1) ** 0.5
                for position, (index, _, _) in enumerate(stream.lineup)
            ]
            stream.cum_weights = _cumulative(stream.lineup_weights)

    def _write_livestreams(self) -> None:
        # Only the range's livestreams are written; the month after it was drawn too (its
        # random draws keep the figures of the range as they were) but _plan_ahead replaces
        # it with the next four weeks from today.
        written = [stream for stream in self.streams if stream.month_index < len(self.months)]
        rows = []
        for stream in written:
            rows.append(
                {
                    "title": stream.title,
                    "platform": stream.platform,
                    "account_id": stream.account_id,
                    "host_id": self.host_ids[stream.host],
                    "scheduled_start": stream.scheduled,
                    "planned_minutes": stream.planned_minutes,
                    "actual_start": stream.actual_start,
                    "actual_end": stream.actual_end,
                    "status": stream.status,
                    "theme": stream.theme,
                    "notes": stream.notes,
                    "ad_spend_fen": 0,
                    "other_cost_fen": 0,
                    "created_at": stream.created_at,
                    "updated_at": stream.created_at,
                }
            )
        table = Livestream.__table__
        if not rows:
            return
        ids = self.conn.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        ).scalars().all()
        for stream, stream_id in zip(written, ids):
            stream.id = stream_id
        items = []
        for stream in self.streams:
            weight_sum = sum(stream.lineup_weights) or 1.0
            for position, ((index, price, points), weight) in enumerate(zip(stream.lineup, stream.lineup_weights)):
                expected = stream.quota * weight / weight_sum * 1.5  # lines × average quantity
                allotted = max(10, int(expected * self.rng.uniform(1.1, 1.6)) // 10 * 10 + 10)
                if not stream.id:
                    continue  # not written (drawn all the same, see above)
                items.append(
                    {
                        "livestream_id": stream.id,
                        "product_id": self.products[index].id,
                        "position": position + 1,
                        "live_price_fen": price,
                        "allotted_stock": allotted,
                        "talking_points": points,
                    }
                )
        if items:
            self.conn.execute(insert(LineupItem.__table__), items)
        self.streams = written

    # -- the schedule ahead: the next four weeks from today --

    def _plan_ahead(self) -> int:
        """Planned livestreams with lineups for the four weeks after today (or after the range,
        when it ends later): a weekly series (抖音, every Tuesday and Friday 20:00), other rooms'
        streams, and one clash the schedule shows (the series' host also booked on 快手).
        Drawn from a random sequence of its own, after everything else: the range's figures do
        not depend on the day the demo is made. Returns how many livestreams it wrote."""
        import uuid
        from datetime import time

        from . import uow

        self.rng = rng = random.Random(self.rng.getrandbits(64))
        today = uow.now().date()
        first_day = max(today + timedelta(days=1), self.span.end().date())
        days = [first_day + timedelta(days=n) for n in range(PLAN_AHEAD_DAYS)]
        n_months = len(self.months)
        made_at = datetime.combine(today, time(9, 0))
        series_account = cat.ACCOUNTS[0]  # 抖音 修水李知皇菊
        series_host = series_account.hosts[0]
        series_id = str(uuid.UUID(int=rng.getrandbits(128)))
        planned: list[_Stream] = []
        series: dict[int, _Stream] = {}

        def month_index(day: date) -> tuple[int, Month]:
            month = Month.of(day)
            return n_months + (month.key // 100 - self.months[-1].year) * 12 + month.month - self.months[-1].month - 1, month

        def busy(stream: _Stream) -> bool:
            end = stream.scheduled + timedelta(minutes=stream.planned_minutes)
            return any(
                (other.host == stream.host or other.account_id == stream.account_id)
                and other.scheduled < end
                and stream.scheduled < other.scheduled + timedelta(minutes=other.planned_minutes)
                for other in planned
            )

        def add(day: date, account: cat.AccountInfo, at: tuple[int, int], minutes: int, host: str, theme: str,
                title: Optional[str] = None) -> _Stream:
            index, month = month_index(day)
            lineup = self._lineup(account, theme, index, month)
            stream = _Stream(
                month_index=index, platform=account.platform, account=account,
                account_id=self.account_ids[(account.platform, account.name)], host=host, theme=theme,
                title=title or self._title(theme, lineup, month), scheduled=datetime.combine(day, time(*at)),
                planned_minutes=minutes, status=LivestreamStatus.PLANNED,
                created_at=made_at - timedelta(days=rng.randint(0, 10), minutes=rng.randint(0, 600)),
            )
            stream.lineup = lineup
            return stream

        for day in days:  # the series first: the other rooms plan around it
            if day.weekday() in SERIES_WEEKDAYS:
                stream = add(day, series_account, SERIES_TIME, 150, series_host, cat.THEME_DAILY,
                             title=f"{series_account.name}｜每周二、五晚 8 点 皇菊与好物")
                series[id(stream)] = stream
                planned.append(stream)
        for day in days:
            calendar_theme = _calendar_theme(day)
            rate = 5 / 7 * (cat.THEMES[calendar_theme][0] if calendar_theme else 1.0)
            others = [a for a in cat.ACCOUNTS if a is not series_account or day.weekday() not in SERIES_WEEKDAYS]
            count = min(self._poisson(rate), len({a.platform for a in others}))
            for account in self._pick_accounts(others, count):
                theme = self._theme_for(day, account, calendar_theme)
                hour, minute = rng.choice(account.slots)
                host = account.hosts[0] if rng.random() < 0.75 else rng.choice(cat.HOSTS)
                minutes = min(rng.choice((90, 120, 120, 150)), (23 - hour) * 60 + 29 - minute)
                stream = add(day, account, (hour, minute), minutes, host, theme)
                if not busy(stream):  # no accidental double booking: the one clash below is on purpose
                    planned.append(stream)
        fridays = [s for s in series.values() if s.scheduled.weekday() == 4]
        if fridays:  # the clash: the series' host also put on 快手 half an hour before it
            friday = fridays[0]
            kuaishou = next(a for a in cat.ACCOUNTS if a.platform == Platform.KUAISHOU)
            planned = [s for s in planned if not (s.account is kuaishou and s.scheduled.date() == friday.scheduled.date())]
            planned.append(add(friday.scheduled.date(), kuaishou, (19, 30), 120, series_host, cat.THEME_ORIGIN))
        planned.sort(key=lambda s: (s.scheduled, cat.ACCOUNTS.index(s.account)))

        table = Livestream.__table__
        rows = [
            {
                "title": s.title, "platform": s.platform, "account_id": s.account_id, "host_id": self.host_ids[s.host],
                "scheduled_start": s.scheduled, "planned_minutes": s.planned_minutes, "status": s.status,
                "theme": s.theme, "notes": "", "ad_spend_fen": 0, "other_cost_fen": 0,
                "series_id": series_id if id(s) in series else None,
                "created_at": s.created_at, "updated_at": s.created_at,
            }
            for s in planned
        ]
        if not rows:
            return 0
        ids = self.conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars().all()
        items = [
            {
                "livestream_id": stream_id, "product_id": self.products[index].id, "position": position,
                "live_price_fen": price, "allotted_stock": rng.randint(2, 8) * 10, "talking_points": points,
            }
            for stream, stream_id in zip(planned, ids)
            for position, (index, price, points) in enumerate(stream.lineup, start=1)
        ]
        if items:
            self.conn.execute(insert(LineupItem.__table__), items)
        return len(rows)

    # -- sales --

    def _write_month_sales(self, month_index: int, lines: int) -> None:
        if lines <= 0:
            return
        rng = self.rng
        random_ = rng.random
        month = self.months[month_index]
        month_start = month.start()
        month_seconds = int((month.end() - month_start).total_seconds())
        progress_in_range = (month_index + 0.5) / len(self.months)

        # Phase 1: orders as (seconds into the month, platform, stream or None, number of lines).
        orders: list[tuple[int, str, Optional[_Stream], int]] = []
        sizes, size_weights = _ORDER_SIZES, _ORDER_SIZE_WEIGHTS
        for stream in self.streams:
            if stream.month_index != month_index or not stream.quota:
                continue
            begin = int((stream.actual_start - month_start).total_seconds())
            length = int((stream.actual_end - stream.actual_start).total_seconds())
            single = stream.account.line_ids_equal_order_ids
            remaining = stream.quota
            while remaining > 0:
                size = 1 if single else rng.choices(sizes, size_weights)[0]
                size = min(size, remaining, len(stream.lineup))
                if random_() < 0.93:
                    offset = int(random_() * length)
                else:
                    offset = length + int(random_() * STREAM_TAIL_SECONDS)
                orders.append((begin + offset, stream.platform, stream, size))
                remaining -= size

        other = lines - self.live_lines[month_index]
        platforms = [
            p
            for p in cat.NON_LIVE_PLATFORM_WEIGHTS
            if any(a.platform == p and progress_in_range >= a.starts_at for a in cat.ACCOUNTS)
        ]
        platform_weights = [cat.NON_LIVE_PLATFORM_WEIGHTS[p] for p in platforms]
        single_platforms = {a.platform for a in cat.ACCOUNTS if a.line_ids_equal_order_ids}
        hours = range(24)
        days = month_seconds // 86400
        while other > 0:
            platform = rng.choices(platforms, platform_weights)[0]
            size = 1 if platform in single_platforms else rng.choices(sizes, size_weights)[0]
            size = min(size, other)
            hour = rng.choices(hours, _HOUR_WEIGHTS)[0]
            seconds = rng.randrange(days) * 86400 + hour * 3600 + rng.randrange(3600)
            orders.append((seconds, platform, None, size))
            other -= size
        orders.sort(key=itemgetter(0))

        # Phase 2: the lines, in time order, with platform order numbers that grow with time.
        non_live = self._non_live_products(month_index, platforms)
        range_end = self.span.end()
        buffer = self.buffer
        products = self.products
        next_number = self.next_order_number
        unpaid_share = UNPAID_PCT / 100
        month_net = 0
        for seconds, platform, stream, size in orders:
            moment = month_start + timedelta(seconds=seconds)
            created = moment - timedelta(seconds=rng.randint(4, 900))
            number = next_number[platform] = next_number[platform] + rng.randint(*self.order_steps[platform])
            order_id = str(number)
            paid = random_() >= unpaid_share
            words = cat.STATUS[platform]
            if not paid:
                status_ok = words.unpaid
            else:
                age = range_end - moment
                if age < timedelta(days=2):
                    status_ok = words.to_ship
                elif age < timedelta(days=8):
                    status_ok = words.shipped
                else:
                    status_ok = words.done
            if stream is not None:
                cum = stream.cum_weights
                choices = stream.lineup
                source = cat.LIVE_SOURCE[platform]
                stream_id = stream.id
            else:
                choices, cum = non_live[platform]
                source = rng.choice(cat.NON_LIVE_SOURCES[platform])
                stream_id = None
            picked: list = []
            for line_number in range(1, size + 1):
                item = rng.choices(choices, cum_weights=cum)[0]
                if item in picked and len(choices) > size:
                    item = rng.choices(choices, cum_weights=cum)[0]
                picked.append(item)
                index, price = item[0], item[1]
                product = products[index]
                qty_cum = _QTY_CUM_CHEAP if product.cheap else _QTY_CUM
                draw = random_() * 100
                quantity = 1
                while draw >= qty_cum[quantity - 1]:
                    quantity += 1
                subtotal = quantity * price
                status = status_ok
                refunded = refunded_qty = 0
                if paid:
                    paid_fen = subtotal
                    if random_() < 0.08:
                        paid_fen -= min(rng.choice(_DISCOUNTS), subtotal // 5)
                    draw = random_()
                    fresh = product.info.category in cat.FRESH_CATEGORIES
                    full_share, partial_share = (0.075, 0.035) if fresh else (0.055, 0.01)
                    if draw < full_share:
                        refunded, refunded_qty = paid_fen, quantity
                        status = rng.choice(words.refunded)
                    elif draw < full_share + partial_share:
                        if quantity > 1:
                            refunded_qty = rng.randint(1, quantity - 1)
                            refunded = paid_fen * refunded_qty // quantity
                        else:
                            refunded = max(100, paid_fen * rng.randint(10, 50) // 100 // 100 * 100)
                            refunded = min(refunded, paid_fen)
                    month_net += paid_fen - refunded
                    paid_at = moment
                else:
                    paid_fen = 0
                    paid_at = None
                if platform in single_platforms:
                    line_id = order_id
                else:
                    line_id = str(number + line_number)
                buffer.append(
                    {
                        "livestream_id": stream_id,
                        "product_id": product.id,
                        "item_name": product.info.name,
                        "platform": platform,
                        "order_id": order_id,
                        "line_id": line_id,
                        "quantity": quantity,
                        "unit_price_fen": price,
                        "paid_fen": paid_fen,
                        "paid_at": paid_at,
                        "refunded_fen": refunded,
                        "refunded_quantity": refunded_qty,
                        "order_status": status,
                        "traffic_source": source,
                        "source": SaleSource.DEMO,
                        "created_at": created,
                    }
                )
                if paid and stream is not None:
                    stream.gmv_fen += paid_fen
            if paid and stream is not None:
                stream.orders += 1
            if len(buffer) >= CHUNK_LINES:
                self._flush()
                buffer = self.buffer
        self.month_net[month_index] += month_net

    def _non_live_products(self, month_index: int, platforms: list[str]) -> dict[str, tuple[list, list[float]]]:
        """Per platform: (product index, shop price) choices and cumulative weights this month."""
        out = {}
        for platform in platforms:
            choices, weights = [], []
            for product in self.products:
                weight = self._product_weight(product, month_index, self.months[month_index])
                if weight > 0 and platform in product.platforms:
                    choices.append((product.index, product.info.list_price_fen))
                    weights.append(weight)
            out[platform] = (choices, _cumulative(weights))
        return out

    def _flush(self, force: bool = False) -> None:
        if not self.buffer:
            return
        self.sale_lines.add_many(self.buffer)
        self.written += len(self.buffer)
        self.buffer = []
        self._report(self.written)
        if not force:
            self._check_cancel()

    # -- after the sales --

    def _write_traffic(self) -> None:
        rng = self.rng
        rows = []
        for stream in self.streams:
            if stream.status != LivestreamStatus.DONE:
                continue
            conversion = rng.uniform(0.006, 0.025)  # orders per viewer
            viewers = max(int(stream.orders / conversion), rng.randint(60, 260))
            ad_spend = 0
            if rng.random() < 0.65:
                ad_spend = int(stream.gmv_fen / rng.uniform(2.5, 8.0)) // 10000 * 10000  # whole 100 yuan
            other_cost = rng.randint(2, 40) * 1000 if rng.random() < 0.35 else 0
            rows.append(
                {
                    "b_id": stream.id,
                    "viewers": viewers,
                    "peak_online": max(3, int(viewers * rng.uniform(0.025, 0.08))),
                    "new_followers": int(viewers * rng.uniform(0.008, 0.03)),
                    "likes": int(viewers * rng.uniform(2.0, 12.0)),
                    "ad_spend_fen": ad_spend,
                    "other_cost_fen": other_cost,
                    # when the figures were typed in from the 复盘 screen (also keeps onupdate's
                    # wall-clock time out, so the same seed gives the same database)
                    "updated_at": stream.actual_end + timedelta(minutes=rng.randint(10, 240)),
                }
            )
        if not rows:
            return
        table = Livestream.__table__
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                viewers=bindparam("viewers"),
                peak_online=bindparam("peak_online"),
                new_followers=bindparam("new_followers"),
                likes=bindparam("likes"),
                ad_spend_fen=bindparam("ad_spend_fen"),
                other_cost_fen=bindparam("other_cost_fen"),
                updated_at=bindparam("updated_at"),
            )
        )
        self.conn.execute(statement, rows)

    def _write_targets(self) -> None:
        """A target a bit above the month before's actual net sales, for each month and the next."""
        rng = self.rng
        table = MonthlyTarget.__table__
        existing = set(self.conn.execute(select(table.c.month).where(table.c.platform == "")).scalars())
        rows = []
        for index, month in enumerate(self.months + [self.months[-1].next()]):
            if index == 0:
                base, pct = self.month_net[0], rng.randint(90, 110)
            else:
                base, pct = self.month_net[index - 1], rng.randint(103, 115)
            target = (base * pct // 100 + 5_000) // 10_000 * 10_000  # whole 100 yuan
            if target > 0 and month.key not in existing:
                rows.append({"month": month.key, "platform": "", "target_fen": target})
        if rows:
            self.conn.execute(insert(table), rows)


__all__ = ["DemoSummary", "generate_demo", "default_sales", "DEFAULT_LINES_PER_MONTH"]
