"""Which livestream an order line came from (DESIGN §6).

A paid line is attributed to a livestream of the same platform whose window holds its paid
time: actual start → actual end + 30 minutes (the orders placed just after a stream still
come from it); the scheduled window when the stream has no actual times. Cancelled streams
never count. When windows overlap, the stream that started last wins (the one the buyer most
likely watched). Lines whose traffic source says they did not come from a live room (短视频,
商品卡…; for 京东 any 订单渠道 but 京东直播) are never attributed.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta
from typing import Iterable, Optional, Sequence

from sqlalchemy import Connection, select

from ...db.models import Livestream, LivestreamStatus
from .lines import OrderLine

AFTER_END = timedelta(minutes=30)
LONGEST_WINDOW = timedelta(hours=24)  # how far back a window that still holds a time can start


def window_of(scheduled_start: datetime, planned_minutes: int, actual_start: Optional[datetime],
              actual_end: Optional[datetime]) -> tuple[datetime, datetime]:
    planned = timedelta(minutes=planned_minutes or 0)
    if actual_start is not None:
        end = actual_end if actual_end is not None else actual_start + planned
        return actual_start, end + AFTER_END
    return scheduled_start, scheduled_start + planned


class LivestreamWindows:
    def __init__(self, conn: Connection, platforms: Iterable[str]) -> None:
        self._by_platform: dict[str, tuple[list[datetime], list[tuple[datetime, datetime, int]]]] = {}
        rows = conn.execute(
            select(Livestream.id, Livestream.platform, Livestream.scheduled_start, Livestream.planned_minutes,
                   Livestream.actual_start, Livestream.actual_end)
            .where(Livestream.platform.in_(sorted(set(platforms))), Livestream.status != LivestreamStatus.CANCELLED)
        )
        windows: dict[str, list[tuple[datetime, datetime, int]]] = {}
        for r in rows:
            start, end = window_of(r.scheduled_start, r.planned_minutes, r.actual_start, r.actual_end)
            windows.setdefault(r.platform, []).append((start, end, r.id))
        for platform, items in windows.items():
            items.sort()
            self._by_platform[platform] = ([w[0] for w in items], items)

    def livestreams_for(self, lines: Sequence[OrderLine]) -> list[Optional[int]]:
        """The livestream of each line (None: not attributed)."""
        if not self._by_platform:  # no livestream on the file's platforms: nothing to look at
            return [None] * len(lines)
        return [self.livestream_for(line) for line in lines]

    def livestream_for(self, line: OrderLine) -> Optional[int]:
        if not line.live_eligible:
            return None
        found = self._by_platform.get(line.platform)
        if found is None:
            return None
        starts, items = found
        at = line.paid_at
        index = bisect_right(starts, at) - 1
        while index >= 0 and items[index][0] >= at - LONGEST_WINDOW:
            start, end, livestream_id = items[index]
            if start <= at <= end:
                return livestream_id
            index -= 1
        return None


__all__ = ["LivestreamWindows", "window_of", "AFTER_END"]
