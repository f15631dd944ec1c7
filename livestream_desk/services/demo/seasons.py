"""The demo's calendar: festival campaigns by day and the shop's growth curve by month."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from . import catalogue as cat
from .state import DemoState

MONTHLY_GROWTH = 0.045


def spring_festival(year: int) -> date:
    return cat.SPRING_FESTIVAL.get(year, date(year, 2, 5))


def festival_phase(day: date) -> Optional[str]:
    """年货节 or the 春节 break when `day` is near a lunar new year, else None."""
    for year in (day.year, day.year + 1):
        delta = (spring_festival(year) - day).days  # days until 春节
        if cat.NIANHUO_DAYS_BEFORE[1] <= delta <= cat.NIANHUO_DAYS_BEFORE[0]:
            return cat.THEME_NIANHUO
        if -cat.BREAK_DAYS[1] <= delta <= -cat.BREAK_DAYS[0]:
            return cat.THEME_SPRING_BREAK
    return None


def calendar_theme(day: date) -> Optional[str]:
    """The shop-wide campaign on `day`, if any (festivals everyone streams for)."""
    phase = festival_phase(day)
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


def month_weights(demo: DemoState) -> list[float]:
    """Each month's share of the sale lines: season, festivals, growth and a little noise; the
    current month's in proportion to its days before today."""
    weights = []
    for index, month in enumerate(demo.months):
        days = (month.end() - month.start()).days
        nianhuo = spring_break = 0
        for offset in range(days):
            phase = festival_phase(date(month.year, month.month, 1) + timedelta(days=offset))
            if phase == cat.THEME_NIANHUO:
                nianhuo += 1
            elif phase == cat.THEME_SPRING_BREAK:
                spring_break += 1
        season = cat.MONTH_SEASON[month.month - 1]
        season *= (1 + 0.8 * nianhuo / days) * (1 - 0.6 * spring_break / days)
        growth = (1 + MONTHLY_GROWTH) ** index
        noise = demo.rng.uniform(0.9, 1.1)
        weight = season * growth * noise
        if demo.month_days[index] < days:  # the current month: the days before today (maybe none)
            weight *= demo.elapsed_share(index)
        weights.append(weight)
    return weights
