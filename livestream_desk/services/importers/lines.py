"""What a parser makes of a row: a normalised order line, or a rejected row with its reason."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from typing import Optional

from ...messages import Message

# 流量来源 / 渠道 values that say the buyer did not come from a live room (DESIGN §6).
NOT_FROM_LIVE_ROOM = ("短视频", "视频", "商品卡", "橱窗", "搜索", "店铺", "商城", "推荐")


@lru_cache(maxsize=4096)  # a file has a handful of distinct sources over thousands of lines
def from_live_room(source: str) -> bool:
    """Whether a 抖店 / 快手 traffic source allows attribution to a livestream ("" does)."""
    return not any(marker in source for marker in NOT_FROM_LIVE_ROOM)


@dataclass(slots=True)
class OrderLine:
    """One paid order line as every platform's parser returns it (money in fen)."""

    row: int  # spreadsheet row number (header = 1)
    platform: str
    order_id: str
    line_id: str
    item_name: str
    spec: str
    platform_product_id: str
    seller_code: str  # 商家编码 / SKU编码 / 货号
    quantity: int
    unit_price_fen: int
    paid_fen: int
    paid_at: datetime
    refunded_fen: int
    refunded_quantity: int
    status: str
    traffic_source: str  # 流量来源 / 渠道 / 订单渠道, as written
    live_eligible: bool  # may be attributed to a livestream of its platform

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.platform, self.order_id, self.line_id)


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that was not imported: where (row as the spreadsheet shows it, column), what, why."""

    row: int
    column: str
    value: str
    reason: Message

    def as_json(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "code": self.reason.code,
                "params": {k: (v if isinstance(v, (int, str)) else str(v)) for k, v in self.reason.params.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "RejectedRow":
        return cls(int(data["row"]), str(data["column"]), str(data["value"]), Message(data["code"], **data.get("params", {})))


@dataclass(slots=True)
class ParsedFile:
    """Every row of one file, parsed: the lines to import, the rejected rows, the unpaid count."""

    layout: str  # douyin / kuaishou / jd / generic
    lines: list[OrderLine]
    rejected: list[RejectedRow]
    unpaid: int  # rows of orders never paid: ignored (DESIGN §5)
    rows: int  # data rows read
    repeated: int = 0  # rows repeating a line already in the file (counted as duplicates)
    header_row: int = 1
    sheet: Optional[str] = None
    encoding: Optional[str] = None


__all__ = ["OrderLine", "RejectedRow", "ParsedFile", "from_live_room", "NOT_FROM_LIVE_ROOM"]
