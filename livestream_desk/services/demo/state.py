"""The demo generator's working state: the plan drawn in memory and what was written so far.

Every step (reference.py, schedule.py, ahead.py, sales.py, traffic.py) reads and extends one
`DemoState`. They all draw from its one random sequence `rng`, so the order of the steps
(`run` in __init__.py) is part of what makes the same seed give the same database.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Optional

from sqlalchemy import Connection

from ...domain.period import Month, MonthRange
from ..errors import Cancelled
from ..sale_lines import SaleLineWriter
from . import catalogue as cat


@dataclass(slots=True)
class DemoProduct:
    index: int
    info: cat.ProductInfo
    id: int = 0
    platforms: frozenset[str] = frozenset()
    cheap: bool = False


@dataclass(slots=True)
class DemoStream:
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


class DemoState:
    def __init__(
        self,
        conn: Connection,
        span: MonthRange,
        total: int,
        rng: random.Random,
        progress: Optional[Callable[[int, int], None]],
        cancelled: Optional[Callable[[], bool]],
        chunk_lines: int,
        until: Optional[datetime] = None,
    ) -> None:
        self.conn = conn
        # Demo lines are a bulk load: the summary is rebuilt once at the end, stock is set by the demo itself.
        self.sale_lines = SaleLineWriter(conn)
        self.sale_lines.rebuild_summary()
        self.span = span
        self.months = list(span)
        # Nothing of the past happens at or after `until`: the range's end, or the start of today
        # when the range runs into this month (whose sales and livestreams stop before today).
        self.until = span.end() if until is None else min(until, span.end())
        # Days of each month before `until` (whole months but the current one, which may have none).
        self.month_days: list[int] = [
            max(0, (min(month.end(), self.until) - month.start()).days) for month in self.months
        ]
        self.total = total
        self.rng = rng  # replaced by ahead.plan_ahead with a sequence of its own
        self.progress = progress
        self.cancelled = cancelled
        self.chunk_lines = chunk_lines  # sale lines per insert; progress and cancel are checked between chunks
        self.products: list[DemoProduct] = []
        self.account_ids: dict[tuple[str, str], int] = {}
        self.host_ids: dict[str, int] = {}
        self.platform_codes: dict[tuple[str, int], str] = {}  # (platform, product index) → its id there
        self.streams: list[DemoStream] = []
        self.month_net: list[int] = [0] * len(self.months)
        self.live_lines: list[int] = [0] * len(self.months)
        self.buffer: list[dict] = []
        self.written = 0
        self.next_order_number: dict[str, int] = {}
        self.order_steps: dict[str, tuple[int, int]] = {}

    def report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, self.total)

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("demo.cancelled")

    def elapsed_share(self, month_index: int) -> float:
        """The share of the `month_index`-th month before `until`: 1.0 but for the current month."""
        month = self.months[month_index]
        return self.month_days[month_index] / (month.end() - month.start()).days

    def product_weight(self, product: DemoProduct, month_index: int, month: Month) -> float:
        """How much of `product` sells in `month` (the `month_index`-th of the range, or after it)."""
        info = product.info
        if info.sold_until < 1 and month_index + 1 > math.ceil(info.sold_until * len(self.months)):
            return 0.0
        return info.popularity * cat.SEASONS[info.season][month.month - 1]


def split(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, exactly (largest remainder); a weight of 0 gets 0."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * w / weight_sum for w in weights]
    counts = [int(s) for s in shares]
    rest = total - sum(counts)
    # A weight of 0 (a month with no day elapsed yet) never gets one of the rest.
    by_remainder = sorted(range(len(weights)), key=lambda i: (weights[i] <= 0, counts[i] - shares[i], i))
    for i in by_remainder[:rest]:
        counts[i] += 1
    return counts


def cumulative(weights: list[float]) -> list[float]:
    out, running = [], 0.0
    for w in weights:
        running += w
        out.append(running)
    return out
