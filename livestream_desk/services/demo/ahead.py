"""The schedule ahead: four weeks of planned livestreams from today, with lineups.

A weekly series (抖音, every Tuesday and Friday 20:00) is planned first and the other rooms
around it, without double bookings but for one clash on purpose (the series' host also booked
on 快手), so the schedule page has a series and a clash to show.
"""
from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Optional

from sqlalchemy import insert

from ...db.models import LineupItem, Livestream, LivestreamStatus, Platform
from ...domain.period import Month
from .. import uow
from . import catalogue as cat
from . import seasons
from .schedule import draw_lineup, make_title, pick_accounts, poisson, theme_for
from .state import DemoState, DemoStream

PLAN_AHEAD_DAYS = 28  # the schedule ahead: four weeks of planned livestreams from today
SERIES_WEEKDAYS = (1, 4)  # the demo's weekly series: Tuesdays and Fridays…
SERIES_TIME = (20, 0)  # …at 20:00


def plan_ahead(demo: DemoState) -> int:
    """Planned livestreams with lineups for the four weeks after today, tomorrow included: a
    weekly series (抖音, every Tuesday and Friday 20:00), other rooms' streams, and one clash
    the schedule shows (the series' host also booked on 快手).
    Drawn from a random sequence of its own, after everything else: the range's figures do
    not depend on the day the demo is made. Returns how many livestreams it wrote."""
    demo.rng = rng = random.Random(demo.rng.getrandbits(64))
    today = uow.now().date()
    # From tomorrow: the range's livestreams stop before today (demo.until), so none is booked twice.
    first_day = today + timedelta(days=1)
    days = [first_day + timedelta(days=n) for n in range(PLAN_AHEAD_DAYS)]
    n_months = len(demo.months)
    made_at = min(datetime.combine(today, time(9, 0)), uow.now())  # planned this morning, or just now
    series_account = cat.ACCOUNTS[0]  # 抖音 修水李知皇菊
    series_host = series_account.hosts[0]
    series_id = str(uuid.UUID(int=rng.getrandbits(128)))
    planned: list[DemoStream] = []
    series: dict[int, DemoStream] = {}

    def month_index(day: date) -> tuple[int, Month]:
        month = Month.of(day)
        return n_months + (month.key // 100 - demo.months[-1].year) * 12 + month.month - demo.months[-1].month - 1, month

    def busy(stream: DemoStream) -> bool:
        end = stream.scheduled + timedelta(minutes=stream.planned_minutes)
        return any(
            (other.host == stream.host or other.account_id == stream.account_id)
            and other.scheduled < end
            and stream.scheduled < other.scheduled + timedelta(minutes=other.planned_minutes)
            for other in planned
        )

    def add(day: date, account: cat.AccountInfo, at: tuple[int, int], minutes: int, host: str, theme: str,
            title: Optional[str] = None) -> DemoStream:
        index, month = month_index(day)
        lineup = draw_lineup(demo, account, theme, index, month)
        stream = DemoStream(
            month_index=index, platform=account.platform, account=account,
            account_id=demo.account_ids[(account.platform, account.name)], host=host, theme=theme,
            title=title or make_title(demo, theme, lineup, month), scheduled=datetime.combine(day, time(*at)),
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
        calendar_theme = seasons.calendar_theme(day)
        rate = 5 / 7 * (cat.THEMES[calendar_theme][0] if calendar_theme else 1.0)
        others = [a for a in cat.ACCOUNTS if a is not series_account or day.weekday() not in SERIES_WEEKDAYS]
        count = min(poisson(demo, rate), len({a.platform for a in others}))
        for account in pick_accounts(demo, others, count):
            theme = theme_for(demo, day, account, calendar_theme)
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
    for account in cat.ACCOUNTS:  # every room has something planned (京东 goes live less often)
        if any(s.account is account for s in planned):
            continue
        for day in days:
            hour, minute = account.slots[0]
            minutes = min(120, (23 - hour) * 60 + 29 - minute)
            theme = theme_for(demo, day, account, seasons.calendar_theme(day))
            stream = add(day, account, (hour, minute), minutes, account.hosts[0], theme)
            if not busy(stream):
                planned.append(stream)
                break
    if not any(s.scheduled.date() == first_day for s in planned):  # the shop goes live again tomorrow
        account = rng.choices(cat.ACCOUNTS, weights=[a.weight for a in cat.ACCOUNTS])[0]
        hour, minute = rng.choice(account.slots)
        minutes = min(120, (23 - hour) * 60 + 29 - minute)
        theme = theme_for(demo, first_day, account, seasons.calendar_theme(first_day))
        planned.append(add(first_day, account, (hour, minute), minutes, account.hosts[0], theme))  # alone that day
    planned.sort(key=lambda s: (s.scheduled, cat.ACCOUNTS.index(s.account)))

    table = Livestream.__table__
    rows = [
        {
            "title": s.title, "platform": s.platform, "account_id": s.account_id, "host_id": demo.host_ids[s.host],
            "scheduled_start": s.scheduled, "planned_minutes": s.planned_minutes, "status": s.status,
            "theme": s.theme, "notes": "", "ad_spend_fen": 0, "other_cost_fen": 0,
            "series_id": series_id if id(s) in series else None,
            "created_at": s.created_at, "updated_at": s.created_at,
        }
        for s in planned
    ]
    if not rows:
        return 0
    ids = demo.conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars().all()
    items = [
        {
            "livestream_id": stream_id, "product_id": demo.products[index].id, "position": position,
            "live_price_fen": price, "allotted_stock": rng.randint(2, 8) * 10, "talking_points": points,
        }
        for stream, stream_id in zip(planned, ids)
        for position, (index, price, points) in enumerate(stream.lineup, start=1)
    ]
    if items:
        demo.conn.execute(insert(LineupItem.__table__), items)
    return len(rows)
