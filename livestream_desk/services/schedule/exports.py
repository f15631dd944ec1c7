"""Livestreams to `.xlsx` / CSV (`export livestreams`, DESIGN §7) with lineup size, planned
value and the review figures; written by services.tables.writer (text cells never formulas,
CSV UTF-8 with BOM and formula injection escaped)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from ...db.engine import Database
from ...db.models import LivestreamStatus
from ...domain.money import Money
from ..tables.writer import write_table
from .platforms import chinese_name
from .queries import list_livestreams
from .rows import ListQuery, LivestreamRow

# Column names are fixed (they do not follow the interface language), like the product sheet's.
LIVESTREAM_COLUMNS = (
    "场次ID", "标题", "平台", "直播间", "主播", "计划开始", "计划时长(分钟)", "实际开始", "实际结束",
    "状态", "主题", "系列", "排品数", "计划货值", "观看人数", "最高在线", "新增粉丝", "点赞", "投流",
    "其他成本", "备注",
)
STATUS_NAMES = {
    LivestreamStatus.PLANNED: "计划中",
    LivestreamStatus.LIVE: "直播中",
    LivestreamStatus.DONE: "已结束",
    LivestreamStatus.CANCELLED: "已取消",
}
_WIDTHS = (8, 36, 8, 18, 10, 18, 10, 18, 18, 8, 16, 12, 8, 12, 10, 10, 10, 10, 12, 12, 30)


def livestream_cells(row: LivestreamRow) -> tuple:
    return (
        row.id, row.title, chinese_name(row.platform), row.account_name, row.host_name, row.scheduled_start,
        row.planned_minutes, row.actual_start, row.actual_end, STATUS_NAMES.get(row.status, row.status),
        row.theme, (row.series_id or "")[:8], row.lineup_size, Money(row.planned_value_fen), row.viewers,
        row.peak_online, row.new_followers, row.likes, Money(row.ad_spend_fen), Money(row.other_cost_fen),
        row.notes,
    )


def export_livestreams(db: Database, path: Union[str, Path], *, query: ListQuery = ListQuery(),
                       progress: Optional[Callable[[int, int], None]] = None) -> int:
    """Write the livestreams `query` picks (default all, by start) to `path` (.xlsx or .csv);
    the number of rows. Raises TableError for another suffix or an unwritable file."""
    rows = list_livestreams(db, query)
    return write_table(
        path, LIVESTREAM_COLUMNS, (livestream_cells(r) for r in rows), sheet_title="直播场次", widths=_WIDTHS,
        total=len(rows), progress=progress,
    )


__all__ = ["LIVESTREAM_COLUMNS", "STATUS_NAMES", "export_livestreams", "livestream_cells"]
