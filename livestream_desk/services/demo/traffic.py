"""After the sales: each finished livestream's traffic and costs (from its orders and GMV),
and a net-sales target for each month of the range and the next."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, insert, select, update

from ...db.models import Livestream, LivestreamStatus, MonthlyTarget
from .. import uow
from .state import DemoState


def write_traffic(demo: DemoState) -> None:
    """Viewers, peak online, followers, likes and costs of each finished livestream, in line
    with the orders and GMV its sale lines gave it."""
    rng = demo.rng
    latest = uow.now()
    rows = []
    for stream in demo.streams:
        if stream.status != LivestreamStatus.DONE:
            continue
        conversion = rng.uniform(0.006, 0.025)  # orders per viewer
        viewers = max(int(stream.orders / conversion), rng.randint(60, 260))
        ad_spend = 0
        if rng.random() < 0.65:
            ad_spend = int(stream.gmv_fen / rng.uniform(2.5, 8.0)) // 10000 * 10000  # whole 100 yuan
        other_cost = rng.randint(2, 40) * 1000 if rng.random() < 0.35 else 0
        rows.append(
            {
                "b_id": stream.id,
                "viewers": viewers,
                "peak_online": max(3, int(viewers * rng.uniform(0.025, 0.08))),
                "new_followers": int(viewers * rng.uniform(0.008, 0.03)),
                "likes": int(viewers * rng.uniform(2.0, 12.0)),
                "ad_spend_fen": ad_spend,
                "other_cost_fen": other_cost,
                # when the figures were typed in from the 复盘 screen (also keeps onupdate's
                # wall-clock time out, so the same seed gives the same database)
                # (never after now: yesterday's late streams were typed in this morning at the latest)
                "updated_at": min(stream.actual_end + timedelta(minutes=rng.randint(10, 240)), latest),
            }
        )
    if not rows:
        return
    table = Livestream.__table__
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            viewers=bindparam("viewers"),
            peak_online=bindparam("peak_online"),
            new_followers=bindparam("new_followers"),
            likes=bindparam("likes"),
            ad_spend_fen=bindparam("ad_spend_fen"),
            other_cost_fen=bindparam("other_cost_fen"),
            updated_at=bindparam("updated_at"),
        )
    )
    demo.conn.execute(statement, rows)


def write_targets(demo: DemoState) -> None:
    """A target a bit above the month before's net sales, for each month and the next (the current
    month's net sales so far counted for the whole month)."""
    rng = demo.rng
    table = MonthlyTarget.__table__
    existing = set(demo.conn.execute(select(table.c.month).where(table.c.platform == "")).scalars())
    rows = []
    for index, month in enumerate(demo.months + [demo.months[-1].next()]):
        if index == 0:
            base, pct = _whole_month_net(demo, 0), rng.randint(90, 110)
        else:
            base, pct = _whole_month_net(demo, index - 1), rng.randint(103, 115)
        target = (base * pct // 100 + 5_000) // 10_000 * 10_000  # whole 100 yuan
        if target > 0 and month.key not in existing:
            rows.append({"month": month.key, "platform": "", "target_fen": target})
    if rows:
        demo.conn.execute(insert(table), rows)


def _whole_month_net(demo: DemoState, index: int) -> int:
    """The `index`-th month's net sales, or for the current month what its days so far make
    in a whole month (0 when none has passed)."""
    elapsed = demo.month_days[index]
    month = demo.months[index]
    days = (month.end() - month.start()).days
    if elapsed == days:
        return demo.month_net[index]
    return demo.month_net[index] * days // elapsed if elapsed else 0
