"""Planned livestreams as an iCalendar file (RFC 5545) that a phone's calendar imports.

Written by hand (no library, no network): one VEVENT per planned livestream, local Beijing
times with TZID=Asia/Shanghai and its VTIMEZONE (China has no DST: one STANDARD rule), and a
VALARM `reminder_minutes` before the start, so the reminder reaches the host's phone. UIDs are
stable (livestream-<id>@livestream-desk): importing a newer file updates the same events.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Optional, Sequence, Union

from sqlalchemy import and_

from ...db.engine import Database
from ...db.models import LivestreamStatus
from ...messages import Problem
from .. import uow
from .platforms import chinese_name
from .queries import _fetch, _ls, _select_rows
from .rows import LivestreamRow

TZID = "Asia/Shanghai"
DEFAULT_REMINDER_MINUTES = 30
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets folded (CRLF + space), never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return (moment - timedelta(hours=8)).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(rows: Sequence[LivestreamRow], *, reminder_minutes: int = DEFAULT_REMINDER_MINUTES,
                  made_at: Optional[datetime] = None) -> str:
    """The .ics text for `rows` (CRLF line ends)."""
    made_at = made_at or uow.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//livestream_desk//schedule//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:直播排期",
        f"X-WR-TIMEZONE:{TZID}",
        *_VTIMEZONE,
    ]
    for row in rows:
        platform = chinese_name(row.platform)
        where = " · ".join(part for part in (platform, row.account_name) if part)
        details = [f"平台：{platform}"]
        if row.account_name:
            details.append(f"直播间：{row.account_name}")
        if row.host_name:
            details.append(f"主播：{row.host_name}")
        if row.theme:
            details.append(f"主题：{row.theme}")
        details.append(f"排品：{row.lineup_size} 个")
        if row.notes:
            details.append(f"备注：{row.notes}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:livestream-{row.id}@livestream-desk",
            f"DTSTAMP:{_utc(made_at)}",
            f"DTSTART;TZID={TZID}:{_local(row.scheduled_start)}",
            f"DTEND;TZID={TZID}:{_local(row.scheduled_end)}",
            f"SUMMARY:{escape_text(row.title)}",
            f"LOCATION:{escape_text(where)}",
            f"DESCRIPTION:{escape_text(chr(10).join(details))}",
            f"CATEGORIES:{escape_text(platform)}",
            "STATUS:CONFIRMED",
        ]
        if reminder_minutes is not None and reminder_minutes >= 0:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(row.title)}",
                f"TRIGGER:-PT{int(reminder_minutes)}M",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def planned_livestreams(db: Database, since: Optional[datetime] = None) -> tuple[LivestreamRow, ...]:
    """Planned livestreams starting at or after `since` (default: the start of today), by start."""
    if since is None:
        since = uow.now().replace(hour=0, minute=0, second=0)
    query, _ = _select_rows(and_(_ls.c.status == LivestreamStatus.PLANNED, _ls.c.scheduled_start >= since))
    with uow.reading(db) as conn:
        return _fetch(conn, query.order_by(_ls.c.scheduled_start, _ls.c.id))


def export_calendar(db: Database, path: Union[str, Path], *, reminder_minutes: int = DEFAULT_REMINDER_MINUTES,
                    since: Optional[datetime] = None) -> int:
    """Write the planned livestreams (from `since`, default today) to `path` (.ics); the number
    of events. The file appears only when complete."""
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise Problem("schedule.export_suffix", path=str(path), suffix=".ics")
    if not path.parent.is_dir():
        raise Problem("common.file_unusable", path=str(path), reason=f"{path.parent} does not exist")
    rows = planned_livestreams(db, since)
    text = calendar_text(rows, reminder_minutes=reminder_minutes)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        tmp.write_bytes(text.encode("utf-8"))
        os.replace(tmp, path)
    except OSError as exc:
        raise Problem("common.file_unusable", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return len(rows)


__all__ = ["TZID", "DEFAULT_REMINDER_MINUTES", "calendar_text", "planned_livestreams", "export_calendar",
           "escape_text", "fold"]
