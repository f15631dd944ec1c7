"""The livestreams of the demo's range: drawn day by day (rooms, hosts, themes, lineups,
titles), given their share of the sale lines, and written with their lineups.

draw_lineup / make_title / theme_for / poisson / pick_accounts are shared with ahead.py,
which plans the four weeks from today the same way.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Optional

from sqlalchemy import insert

from ...db.models import LineupItem, Livestream, LivestreamStatus
from ...domain.period import Month
from . import catalogue as cat
from . import seasons
from .state import DemoState, DemoStream, cumulative, split

LIVE_SHARE_PCT = 85  # share of lines sold in a live room (the rest: 短视频, 商品卡)
CANCELLED_SHARE = 0.04


def _fen_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _short_name(name: str) -> str:
    return name.split(" ")[0]


def theme_for(demo: DemoState, day: date, account: cat.AccountInfo, calendar_theme: Optional[str]) -> str:
    if calendar_theme:
        return calendar_theme
    m = day.month
    if m in (10, 11) and "huangju" in account.focus:
        return cat.THEME_HUANGJU
    if m in (11, 12, 1) and "fruit" in account.focus:
        return cat.THEME_ORANGE
    if (m == 3 and day.day >= 15 or m == 4) and "tea" in account.focus:
        return cat.THEME_SPRING_TEA
    if demo.rng.random() < 0.1:
        return cat.THEME_ORIGIN
    return cat.THEME_DAILY


def draw_livestreams(demo: DemoState) -> None:
    """Every day of the range and of the month after it (see write_livestreams)."""
    n_months = len(demo.months)
    first_day_ahead = demo.until.date()  # today, or the day after the range
    for month_index, month in enumerate(demo.months + [demo.months[-1].next()]):
        days = (month.end() - month.start()).days
        for day_number in range(1, days + 1):
            day = date(month.year, month.month, day_number)
            planned = day >= first_day_ahead  # drawn but never written (see write_livestreams)
            progress = min(1.0, (month_index + day_number / days) / n_months)
            calendar_theme = seasons.calendar_theme(day)
            rate = (3 + 2 * progress) / 7  # 3 a week at first, 5 by the end
            if calendar_theme:
                rate *= cat.THEMES[calendar_theme][0]
            if month.month in (7, 8):
                rate *= 0.85
            active = [a for a in cat.ACCOUNTS if progress >= a.starts_at]
            count = min(poisson(demo, rate), len({a.platform for a in active}))
            for account in pick_accounts(demo, active, count):
                _add_stream(demo, month_index, month, day, account, calendar_theme, planned)


def poisson(demo: DemoState, rate: float) -> int:
    limit, k, p = math.exp(-rate), 0, demo.rng.random()
    while p > limit:
        k += 1
        p *= demo.rng.random()
    return k


def pick_accounts(demo: DemoState, active: list[cat.AccountInfo], count: int) -> list[cat.AccountInfo]:
    """`count` accounts on different platforms, so no two streams of a platform overlap."""
    chosen: list[cat.AccountInfo] = []
    candidates = list(active)
    while len(chosen) < count and candidates:
        account = demo.rng.choices(candidates, weights=[a.weight for a in candidates])[0]
        chosen.append(account)
        candidates = [a for a in candidates if a.platform != account.platform]
    return sorted(chosen, key=lambda a: cat.ACCOUNTS.index(a))


def _add_stream(
    demo: DemoState,
    month_index: int,
    month: Month,
    day: date,
    account: cat.AccountInfo,
    calendar_theme: Optional[str],
    planned: bool,
) -> None:
    rng = demo.rng
    theme = theme_for(demo, day, account, calendar_theme)
    hour, minute = rng.choice(account.slots)
    scheduled = datetime(day.year, day.month, day.day, hour, minute)
    big = cat.THEMES[theme][1] >= 1.3
    planned_minutes = rng.choice((180, 240, 240, 300) if big else (90, 120, 120, 150, 180))
    latest_end = datetime(day.year, day.month, day.day, 23, 29)  # + 30 min tail stays in the day
    planned_minutes = min(planned_minutes, int((latest_end - scheduled).total_seconds() // 60))
    host = account.hosts[0] if rng.random() < 0.75 else rng.choice(cat.HOSTS)

    lineup = draw_lineup(demo, account, theme, month_index, month)
    title = make_title(demo, theme, lineup, month)
    stream = DemoStream(
        month_index=month_index,
        platform=account.platform,
        account=account,
        account_id=demo.account_ids[(account.platform, account.name)],
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
    demo.streams.append(stream)


def draw_lineup(
    demo: DemoState, account: cat.AccountInfo, theme: str, month_index: int, month: Month
) -> list[tuple[int, int, str]]:
    rng = demo.rng
    pushed = cat.THEMES[theme][2]
    keyed = []
    for product in demo.products:
        if account.platform not in product.platforms:
            continue
        weight = demo.product_weight(product, month_index, month)
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


def make_title(demo: DemoState, theme: str, lineup: list[tuple[int, int, str]], month: Month) -> str:
    rng = demo.rng
    pushed = cat.THEMES[theme][2]
    # Name the products the theme is about first (皇菊 in 皇菊开采季), then the lineup's order.
    ordered = sorted(
        (index for index, _, _ in lineup), key=lambda i: not (demo.products[i].info.tags & pushed)
    )
    names: list[str] = []
    for index in ordered:
        short = _short_name(demo.products[index].info.name)
        if short not in names:
            names.append(short)
    highlight = "·".join(names[:2]) or "江西好物"
    ending = rng.choice(cat.TITLE_ENDINGS)
    if theme == cat.THEME_ORIGIN:
        # From where the lineup's most in-season product grows.
        trips = sorted(
            (-cat.SEASONS[info.season][month.month - 1], position, cat.ORIGIN_TRIPS[info.sku])
            for position, info in enumerate(demo.products[i].info for i, _, _ in lineup)
            if info.sku in cat.ORIGIN_TRIPS
        )
        return f"产地溯源｜{trips[0][2] if trips else cat.ORIGIN_TRIP_DEFAULT}"
    if theme == cat.THEME_DAILY:
        return f"{highlight}专场｜{ending}"
    return f"{theme}｜{highlight} {ending}"


def assign_quotas(demo: DemoState, month_lines: list[int]) -> None:
    by_month: dict[int, list[DemoStream]] = {}
    for stream in demo.streams:
        if stream.status == LivestreamStatus.DONE and stream.strength > 0:
            by_month.setdefault(stream.month_index, []).append(stream)
    for index, lines in enumerate(month_lines):
        done = by_month.get(index, [])
        if not done or not lines:
            continue
        live = (lines * LIVE_SHARE_PCT + 50) // 100
        demo.live_lines[index] = live
        for stream, quota in zip(done, split(live, [s.strength for s in done])):
            stream.quota = quota
    for stream in demo.streams:
        # Earlier slots sell more (the 福利款 opens the show); popular products more.
        stream.lineup_weights = [
            demo.products[index].info.popularity * (1.6 if position == 0 else 1.0) / (position + 1) ** 0.5
            for position, (index, _, _) in enumerate(stream.lineup)
        ]
        stream.cum_weights = cumulative(stream.lineup_weights)


def write_livestreams(demo: DemoState) -> None:
    # Only the livestreams before `until` (the range's end, or today) are written; the days
    # after were drawn too (their random draws keep the figures of the range as they were)
    # but ahead.plan_ahead replaces them with the next four weeks from today.
    written = [stream for stream in demo.streams if stream.scheduled < demo.until]
    rows = []
    for stream in written:
        rows.append(
            {
                "title": stream.title,
                "platform": stream.platform,
                "account_id": stream.account_id,
                "host_id": demo.host_ids[stream.host],
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
    ids = demo.conn.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    ).scalars().all()
    for stream, stream_id in zip(written, ids):
        stream.id = stream_id
    items = []
    for stream in demo.streams:
        weight_sum = sum(stream.lineup_weights) or 1.0
        for position, ((index, price, points), weight) in enumerate(zip(stream.lineup, stream.lineup_weights)):
            expected = stream.quota * weight / weight_sum * 1.5  # lines × average quantity
            allotted = max(10, int(expected * demo.rng.uniform(1.1, 1.6)) // 10 * 10 + 10)
            if not stream.id:
                continue  # not written (drawn all the same, see above)
            items.append(
                {
                    "livestream_id": stream.id,
                    "product_id": demo.products[index].id,
                    "position": position + 1,
                    "live_price_fen": price,
                    "allotted_stock": allotted,
                    "talking_points": points,
                }
            )
    if items:
        demo.conn.execute(insert(LineupItem.__table__), items)
    demo.streams = written
