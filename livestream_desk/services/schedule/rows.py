"""The plain frozen dataclasses the schedule services take and return (never ORM objects)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Optional, Union

from ...db.models import LivestreamStatus
from ...domain.money import Money
from ...messages import Message

# A number the user typed (text) or an int; money as typed text or a Money (never a bare int:
# it would be unclear whether it means yuan or fen).
NumberValue = Union[int, str, None]
MoneyInput = Union[Money, str, None]


@dataclass(frozen=True)
class LivestreamRow:
    """One livestream as every view shows it, with its account, host and lineup totals."""

    id: int
    title: str
    platform: str  # key: douyin, kuaishou… (db.models.Platform)
    account_id: Optional[int]
    account_name: str  # "" when none
    account_retired: bool
    host_id: Optional[int]
    host_name: str  # "" when none
    host_retired: bool
    scheduled_start: datetime
    planned_minutes: int
    actual_start: Optional[datetime]
    actual_end: Optional[datetime]
    status: str  # db.models.LivestreamStatus
    theme: str
    notes: str
    series_id: Optional[str]
    lineup_size: int
    planned_value_fen: int  # Σ live price × allotted stock of its lineup
    viewers: Optional[int] = None  # 观看人数
    peak_online: Optional[int] = None  # 最高在线
    new_followers: Optional[int] = None  # 新增粉丝
    likes: Optional[int] = None
    ad_spend_fen: int = 0  # 投流
    other_cost_fen: int = 0
    version: int = 1  # the row version an editor saves against (services.versions)

    @property
    def scheduled_end(self) -> datetime:
        return self.scheduled_start + timedelta(minutes=self.planned_minutes)

    @property
    def duration_minutes(self) -> Optional[int]:
        """The actual length when both actual times are known."""
        if self.actual_start is None or self.actual_end is None:
            return None
        return int((self.actual_end - self.actual_start).total_seconds() // 60)

    @property
    def in_series(self) -> bool:
        return self.series_id is not None

    @property
    def is_planned(self) -> bool:
        return self.status == LivestreamStatus.PLANNED


@dataclass(frozen=True)
class LivestreamInput:
    """What the editor sends to create or update a livestream.

    `platform` is a key (douyin) or a Chinese name (抖音); an account must be one of that
    platform. `planned_minutes` ≤ 0 means the end is not after the start.
    """

    title: str
    platform: str
    scheduled_start: Optional[datetime]
    planned_minutes: int = 120
    account_id: Optional[int] = None
    host_id: Optional[int] = None
    theme: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SeriesRule:
    """A weekly recurrence: on `weekdays` (0 = Monday … 6 = Sunday) at `start_time` for
    `planned_minutes`, from `first_day` until `until` (inclusive) or for `count` occurrences."""

    weekdays: frozenset[int]
    start_time: time
    planned_minutes: int
    first_day: date
    until: Optional[date] = None
    count: Optional[int] = None


@dataclass(frozen=True)
class Clash:
    """Another non-cancelled livestream that overlaps, with the same host or the same account."""

    kind: str  # "host" or "account"
    livestream_id: int  # the one being checked (0 before it is saved)
    other_id: int
    other_title: str
    other_platform: str
    other_start: datetime
    other_end: datetime
    name: str  # the shared host's or account's name

    @property
    def message(self) -> Message:
        code = "schedule.clash_host" if self.kind == "host" else "schedule.clash_account"
        return Message(code, name=self.name, title=self.other_title, start=self.other_start,
                       end=self.other_end.strftime("%H:%M"))


@dataclass(frozen=True)
class SaveResult:
    """A saved livestream (or the first of a series) and the clashes the user was warned of."""

    livestream_id: int
    clashes: tuple[Clash, ...] = ()
    livestream_ids: tuple[int, ...] = ()  # every livestream written (a series: all occurrences)
    series_id: Optional[str] = None


@dataclass(frozen=True)
class LineupItemRow:
    """One product of a lineup (排品); the product's own fields as they are now."""

    id: int
    livestream_id: int
    product_id: int
    position: int  # 1, 2, 3… in order
    product_name: str
    spec: str
    unit: str
    sku: str
    list_price_fen: int
    product_live_price_fen: Optional[int]  # the catalogue's default live price
    live_price_fen: Optional[int]  # this livestream's price (None: not set)
    allotted_stock: Optional[int]
    talking_points: str
    archived: bool  # archived after it was put in the lineup: still shown
    stock: int
    version: int = 1  # the row version an edit saves against (services.versions)

    @property
    def price_fen(self) -> int:
        """The price the product is sold at in this livestream."""
        if self.live_price_fen is not None:
            return self.live_price_fen
        if self.product_live_price_fen is not None:
            return self.product_live_price_fen
        return self.list_price_fen

    @property
    def value_fen(self) -> int:
        return self.price_fen * (self.allotted_stock or 0)


@dataclass(frozen=True)
class LineupTotal:
    items: int
    value_fen: int


@dataclass(frozen=True)
class AccountRow:
    """A platform account / live room (直播间)."""

    id: int
    platform: str
    name: str
    platform_account_id: str
    retired: bool
    livestreams: int  # how many livestreams use it


@dataclass(frozen=True)
class HostRow:
    """A host (主播)."""

    id: int
    name: str
    retired: bool
    livestreams: int


@dataclass(frozen=True)
class ReviewInput:
    """The figures typed from the platform's 复盘 screen after a livestream.

    Counts are ints or typed text (`1,200`, `１２００`); blank text / None leaves a count empty.
    `duration_minutes` sets the actual end from the actual start. Money is typed text
    (`¥1,234.50`) or a Money; blank means 0.
    """

    viewers: NumberValue = None  # 观看人数
    peak_online: NumberValue = None  # 最高在线
    new_followers: NumberValue = None  # 新增粉丝
    likes: NumberValue = None
    duration_minutes: NumberValue = None
    ad_spend: MoneyInput = None  # 投流
    other_cost: MoneyInput = None


@dataclass(frozen=True)
class Rescheduled:
    """A livestream moved to another day; undo with `move_livestream(db, id, old_start)`."""

    livestream_id: int
    old_start: datetime
    new_start: datetime
    clashes: tuple[Clash, ...] = ()


@dataclass(frozen=True)
class LivestreamSnapshot:
    """Everything of one livestream and its lineup, to put it back (undo of a delete or an edit)."""

    values: tuple[tuple[str, object], ...]  # column → value of the livestreams row
    lineup: tuple[tuple[tuple[str, object], ...], ...]  # the lineup_items rows
    sale_ids: tuple[int, ...] = ()  # sales attributed to it

    @property
    def livestream_id(self) -> int:
        return int(dict(self.values)["id"])


@dataclass(frozen=True)
class Upcoming:
    """A planned livestream ahead of `now`, for the dashboard and the reminders."""

    livestream: LivestreamRow
    minutes_until: int


@dataclass(frozen=True)
class RunSheetLine:
    order: int
    product_name: str
    spec: str
    unit: str
    list_price_fen: int
    live_price_fen: int  # the price sold at (the lineup's, else the product's)
    allotted_stock: Optional[int]
    talking_points: str
    archived: bool


@dataclass(frozen=True)
class RunSheet:
    """A livestream's run sheet (header + ordered lines), for print and PDF."""

    livestream: LivestreamRow
    lines: tuple[RunSheetLine, ...]
    total_value_fen: int
    made_at: datetime
    platform_name: str = ""  # Chinese name, for renderers without a translation (CLI)


@dataclass(frozen=True)
class ListQuery:
    """The list view's filter and order."""

    start: Optional[datetime] = None  # scheduled_start ≥
    end: Optional[datetime] = None  # scheduled_start <
    text: str = ""  # in title, theme, account, host, notes
    platform: Optional[str] = None
    status: Optional[str] = None
    host_id: Optional[int] = None
    account_id: Optional[int] = None
    order_by: str = "scheduled_start"  # a LivestreamRow field among ORDERABLE
    descending: bool = False
    limit: Optional[int] = None
    offset: int = 0


ORDERABLE = ("scheduled_start", "title", "platform", "account_name", "host_name", "status", "theme",
             "lineup_size", "planned_value_fen", "viewers", "id")

__all__ = [
    "LivestreamRow", "LivestreamInput", "SeriesRule", "Clash", "SaveResult", "LineupItemRow", "LineupTotal",
    "AccountRow", "HostRow", "ReviewInput", "Rescheduled", "LivestreamSnapshot", "Upcoming", "RunSheet",
    "RunSheetLine", "ListQuery", "ORDERABLE", "NumberValue", "MoneyInput",
]
