"""Net-sales targets per month, overall or for one platform, and a period's progress.

A target is whole fen (an int, never a float), above zero; `platform` "" or None means all
platforms. Setting a target of a month and platform replaces the one there; clearing one
that is not there does nothing.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from sqlalchemy import delete, select

from ...db.engine import Database
from ...db.models import MonthlyTarget, Platform
from ...domain.money import parse_fen
from ...domain.period import Month
from ...messages import Problem
from ..uow import reading, writing
from . import queries
from .period import ReportPeriod
from .rows import Progress, TargetProgress, TargetRow

MAX_TARGET_FEN = 10**15  # ¥10,000,000,000,000: beyond anything a shop sells, within BIGINT


class TargetError(Problem, ValueError):
    """A target that cannot be stored; its `message` (a `reports.target_*` code) says why."""


def _platform(platform: Optional[str]) -> str:
    platform = platform or ""
    if platform and platform not in Platform.ALL:
        raise TargetError("reports.target_unknown_platform", platform=platform)
    return platform


def _month(month: object) -> Month:
    if isinstance(month, Month):
        return month
    if isinstance(month, str):
        return Month.parse(month)
    raise TargetError("reports.target_not_a_month", value=str(month))


def check_target_fen(value: object) -> int:
    """The target as whole fen, or TargetError (a float, text, negative, zero, absurdly large)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TargetError("reports.target_not_whole_fen", value=str(value))
    if value < 0:
        raise TargetError("reports.target_negative", value=value)
    if value == 0:
        raise TargetError("reports.target_zero")
    if value > MAX_TARGET_FEN:
        raise TargetError("reports.target_too_large", value=value)
    return value


def parse_target(text: str) -> int:
    """A target typed by a person (`50000`, `5万`, `¥50,000.00`) as whole fen, checked."""
    return check_target_fen(parse_fen(text))


def set_target(db: Database, month: Month, target_fen: int, platform: Optional[str] = None) -> TargetRow:
    """Store the net-sales target of `month` (for `platform`, else all platforms)."""
    month = _month(month)
    target_fen = check_target_fen(target_fen)
    platform = _platform(platform)
    with writing(db) as session:
        existing = session.execute(
            select(MonthlyTarget).where(MonthlyTarget.month == month.key, MonthlyTarget.platform == platform)
        ).scalar_one_or_none()
        if existing is None:
            session.add(MonthlyTarget(month=month.key, platform=platform, target_fen=target_fen))
        else:
            existing.target_fen = target_fen
    return TargetRow(month, platform, target_fen)


def set_targets(db: Database, changes: Iterable[tuple[Month, Optional[str], Optional[int]]]) -> int:
    """Store several targets in one transaction: each change is (month, platform, target fen),
    a target of None clearing that one. Every change is checked first; one bad change
    (TargetError) writes none. Returns how many changes were applied."""
    checked = []
    for month, platform, target_fen in changes:
        month, platform = _month(month), _platform(platform)
        checked.append((month, platform, None if target_fen is None else check_target_fen(target_fen)))
    if not checked:
        return 0
    with writing(db) as session:
        for month, platform, target_fen in checked:
            where = (MonthlyTarget.month == month.key, MonthlyTarget.platform == platform)
            if target_fen is None:
                session.execute(delete(MonthlyTarget).where(*where))
                continue
            existing = session.execute(select(MonthlyTarget).where(*where)).scalar_one_or_none()
            if existing is None:
                session.add(MonthlyTarget(month=month.key, platform=platform, target_fen=target_fen))
                session.flush()  # the same month and platform named twice: the second replaces it
            else:
                existing.target_fen = target_fen
    return len(checked)


def clear_target(db: Database, month: Month, platform: Optional[str] = None) -> bool:
    """Remove the target of `month` (for `platform`); True when there was one."""
    month = _month(month)
    platform = _platform(platform)
    with writing(db) as session:
        result = session.execute(
            delete(MonthlyTarget).where(MonthlyTarget.month == month.key, MonthlyTarget.platform == platform)
        )
        return bool(result.rowcount)


def list_targets(db: Database, first: Optional[Month] = None, last: Optional[Month] = None,
                 platform: Optional[str] = None) -> list[TargetRow]:
    """The targets set between `first` and `last` (all when None), by month, overall first."""
    query = select(MonthlyTarget.month, MonthlyTarget.platform, MonthlyTarget.target_fen)
    if first is not None:
        query = query.where(MonthlyTarget.month >= first.key)
    if last is not None:
        query = query.where(MonthlyTarget.month <= last.key)
    if platform is not None:
        query = query.where(MonthlyTarget.platform == _platform(platform))
    with reading(db) as conn:
        rows = conn.execute(query).all()
    order = {p: i for i, p in enumerate(("",) + Platform.ALL)}
    rows.sort(key=lambda r: (r[0], order.get(r[1], len(order)), r[1]))
    return [TargetRow(Month.from_key(m), p, int(t)) for m, p, t in rows]


def progress_in(conn, period: ReportPeriod, prefetched=None) -> TargetProgress:
    targets = conn.execute(
        select(MonthlyTarget.month, MonthlyTarget.platform, MonthlyTarget.target_fen).where(
            MonthlyTarget.month.between(period.first.key, period.last.key))
    ).all()
    net_by_month: dict[int, int] = defaultdict(int)
    net_by_platform: dict[str, int] = defaultdict(int)
    for month, platform, _o, _u, gmv, refunds in queries.summary_between(conn, period.first.key, period.last.key, prefetched):
        net_by_month[month] += gmv - refunds
        net_by_platform[platform] += gmv - refunds
    target_by_platform: dict[str, int] = defaultdict(int)
    target_by_month: dict[int, int] = {}
    for month, platform, target in targets:
        target_by_platform[platform] += int(target)
        if platform == "":
            target_by_month[month] = int(target)
    overall = Progress("", target_by_platform.get("") if "" in target_by_platform else None, sum(net_by_month.values()))
    platforms = tuple(
        Progress(p, target_by_platform[p], net_by_platform.get(p, 0))
        for p in sorted((p for p in target_by_platform if p), key=lambda p: Platform.ALL.index(p) if p in Platform.ALL else 99)
    )
    months = tuple(
        (month, Progress("", target_by_month.get(month.key), net_by_month.get(month.key, 0))) for month in period.months
    )
    return TargetProgress(period, overall, platforms, months)


def target_progress(db: Database, period: ReportPeriod) -> TargetProgress:
    """The period's targets against its net sales: overall, per platform, per month."""
    with reading(db) as conn:
        return progress_in(conn, period)


__all__ = [
    "TargetError",
    "MAX_TARGET_FEN",
    "check_target_fen",
    "parse_target",
    "set_target",
    "set_targets",
    "clear_target",
    "list_targets",
    "progress_in",
    "target_progress",
]
