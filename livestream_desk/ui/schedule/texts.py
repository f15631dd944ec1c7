"""How the schedule shows things: status names, platform colours, times and durations.

One place, so the month view, the week agenda, the list and the dialogs say the same.
Platform colours follow each platform's own brand colour, darkened where needed so white
text stays readable on them.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...db.models import LivestreamStatus
from ...domain.money import format_display
from .. import theme
from ..platforms import platform_name

# Brand-like colours (抖音 black/red, 快手 orange, 视频号 green, 淘宝 orange-red, 京东 red,
# 拼多多 red-pink), the same in every page, chart and PDF: ui/theme.py holds them.
PLATFORM_COLOURS = theme.PLATFORM_COLOURS
MUTED_COLOUR = theme.MUTED
ERROR_STYLE = f"color: {theme.DANGER};"
WARNING_STYLE = f"color: {theme.WARNING};"
TODAY_COLOUR = theme.ACCENT


def platform_colour(platform: str) -> QColor:
    return theme.platform_colour(platform)


def status_name(status: str) -> str:
    names = {
        LivestreamStatus.PLANNED: QCoreApplication.translate("Schedule", "Planned"),
        LivestreamStatus.LIVE: QCoreApplication.translate("Schedule", "Live"),
        LivestreamStatus.DONE: QCoreApplication.translate("Schedule", "Done"),
        LivestreamStatus.CANCELLED: QCoreApplication.translate("Schedule", "Cancelled"),
    }
    return names.get(status, status)


def weekday_short(weekday: int) -> str:
    """Mon … Sun (0 = Monday), as the calendar heads its columns."""
    names = (
        QCoreApplication.translate("Schedule", "Mon"),
        QCoreApplication.translate("Schedule", "Tue"),
        QCoreApplication.translate("Schedule", "Wed"),
        QCoreApplication.translate("Schedule", "Thu"),
        QCoreApplication.translate("Schedule", "Fri"),
        QCoreApplication.translate("Schedule", "Sat"),
        QCoreApplication.translate("Schedule", "Sun"),
    )
    return names[weekday]


def month_title(day: date) -> str:
    return QCoreApplication.translate("Schedule", "{year}-{month:02d}").format(year=day.year, month=day.month)


def day_title(day: date) -> str:
    return QCoreApplication.translate("Schedule", "{month}/{day} {weekday}").format(
        month=day.month, day=day.day, weekday=weekday_short(day.weekday()))


def time_text(moment: Optional[datetime]) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""


def datetime_text(moment: Optional[datetime]) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def minutes_text(minutes: Optional[int]) -> str:
    """`2 h 30 min`; empty for None."""
    if minutes is None:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return QCoreApplication.translate("Schedule", "{hours} h {minutes} min").format(hours=hours, minutes=rest)
    if hours:
        return QCoreApplication.translate("Schedule", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("Schedule", "{minutes} min").format(minutes=rest)


def money_text(fen: Optional[int]) -> str:
    return format_display(fen) if fen is not None else ""


def count_text(value: Optional[int]) -> str:
    return f"{value:,}" if value is not None else ""


def livestream_label(row) -> str:
    """`20:00 抖音 · 村播间 · 小王 — 年货节专场`: a livestream in one line (tooltips, dialogs)."""
    parts = [platform_name(row.platform)]
    if row.account_name:
        parts.append(row.account_name)
    if row.host_name:
        parts.append(row.host_name)
    return f"{row.scheduled_start:%m-%d %H:%M} {' · '.join(parts)} — {row.title}"


def livestream_tooltip(row) -> str:
    lines = [
        row.title,
        QCoreApplication.translate("Schedule", "Time: {start}–{end}").format(
            start=datetime_text(row.scheduled_start), end=time_text(row.scheduled_end)),
        QCoreApplication.translate("Schedule", "Platform: {platform}").format(platform=platform_name(row.platform)),
    ]
    if row.account_name:
        lines.append(QCoreApplication.translate("Schedule", "Live room: {name}").format(name=row.account_name))
    if row.host_name:
        lines.append(QCoreApplication.translate("Schedule", "Host: {name}").format(name=row.host_name))
    if row.theme:
        lines.append(QCoreApplication.translate("Schedule", "Theme: {theme}").format(theme=row.theme))
    lines.append(QCoreApplication.translate("Schedule", "Status: {status}").format(status=status_name(row.status)))
    lines.append(QCoreApplication.translate("Schedule", "Lineup: {count} products").format(count=row.lineup_size))
    return "\n".join(lines)
