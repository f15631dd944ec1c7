"""The status flow and the review figures.

    planned → live (actual start = now) → done (actual end = now)
    planned → cancelled → planned again (reopen)
    planned → done directly (recorded afterwards: actual times = the plan, ended by now)

Anything else is refused with schedule.status_change_refused. The review form (复盘 figures)
is saved for a live or done livestream; counts are whole numbers ≥ 0, money in fen.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Iterable, Optional

from sqlalchemy import update

from ...db.engine import Database
from ...db.models import Livestream, LivestreamStatus
from ...domain.money import Money, MoneyError, parse_fen
from ...messages import Message, Problem
from .. import uow
from .editing import _existing, status_message
from .queries import get_livestream
from .rows import LivestreamRow, NumberValue, ReviewInput

_ls = Livestream.__table__
MAX_COUNT = 2**31 - 1

# status before → (allowed, action code)
_ACTIONS = {
    "start": ({LivestreamStatus.PLANNED}, LivestreamStatus.LIVE),
    "finish": ({LivestreamStatus.LIVE, LivestreamStatus.PLANNED}, LivestreamStatus.DONE),
    "cancel": ({LivestreamStatus.PLANNED}, LivestreamStatus.CANCELLED),
    "reopen": ({LivestreamStatus.CANCELLED}, LivestreamStatus.PLANNED),
}


def _change(db: Database, livestream_id: int, action: str) -> LivestreamRow:
    allowed, target = _ACTIONS[action]
    with uow.writing(db) as session:
        row = _existing(session, livestream_id)
        if row["status"] not in allowed:
            raise Problem("schedule.status_change_refused", status=status_message(row["status"]),
                          action=Message(f"schedule.action.{action}"))
        now = uow.now()
        values: dict = {"status": target, "updated_at": now}
        if action == "start":
            values.update(actual_start=now, actual_end=None)
        elif action == "finish":
            if row["status"] == LivestreamStatus.LIVE:
                start = row["actual_start"] or now
                values.update(actual_start=start, actual_end=max(now, start))
            else:  # recorded afterwards: the plan's times, but never an end in the future
                start = row["actual_start"] or row["scheduled_start"]
                end = min(start + timedelta(minutes=row["planned_minutes"]), max(now, start))
                values.update(actual_start=start, actual_end=end)
        elif action == "reopen":
            values.update(actual_start=None, actual_end=None)
        session.execute(update(_ls).where(_ls.c.id == livestream_id).values(**values))
    return get_livestream(db, livestream_id)


def start_livestream(db: Database, livestream_id: int) -> LivestreamRow:
    """planned → live; the actual start is now (uow.now())."""
    return _change(db, livestream_id, "start")


def finish_livestream(db: Database, livestream_id: int) -> LivestreamRow:
    """live → done with the actual end now; or planned → done recorded afterwards."""
    return _change(db, livestream_id, "finish")


def cancel_livestream(db: Database, livestream_id: int) -> LivestreamRow:
    """planned → cancelled (a live or done livestream cannot be cancelled)."""
    return _change(db, livestream_id, "cancel")


def reopen_livestream(db: Database, livestream_id: int) -> LivestreamRow:
    """cancelled → planned again (also the undo of a cancel)."""
    return _change(db, livestream_id, "reopen")


def reopen_livestreams(db: Database, ids: Iterable[int]) -> None:
    """Undo of a series cancel: these cancelled livestreams become planned again."""
    ids = list(ids)
    if not ids:
        return
    with uow.writing(db) as session:
        session.execute(
            update(_ls)
            .where(_ls.c.id.in_(ids), _ls.c.status == LivestreamStatus.CANCELLED)
            .values(status=LivestreamStatus.PLANNED, updated_at=uow.now())
        )


# --- the review form ------------------------------------------------------------------------


def _count(value: NumberValue, field: str) -> Optional[int]:
    name = Message(f"schedule.field.{field}")
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise Problem("schedule.not_a_number", field=name, value=str(value))
        return None
    if isinstance(value, int):
        number = value
    else:
        import unicodedata

        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "")
        if not text:
            return None
        if text.endswith(".0"):
            text = text[:-2]
        try:
            number = int(text)
        except ValueError:
            raise Problem("schedule.not_a_number", field=name, value=str(value)) from None
    if number < 0:
        raise Problem("schedule.negative", field=name)
    if number > MAX_COUNT:
        raise Problem("schedule.too_large", field=name)
    return number


def _money(value, field: str) -> int:
    name = Message(f"schedule.field.{field}")
    if value is None:
        return 0
    if isinstance(value, Money):
        fen = value.fen
    else:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise TypeError("review money is typed text or a Money, not a bare number")
        if not str(value).strip():
            return 0
        try:
            fen = parse_fen(str(value))
        except MoneyError:
            raise Problem("schedule.bad_money", field=name, value=str(value)) from None
    if fen < 0:
        raise Problem("schedule.negative", field=name)
    return fen


def save_review(db: Database, livestream_id: int, review: ReviewInput) -> LivestreamRow:
    """Save the 复盘 figures of a live or done livestream; Problem (nothing written) on a bad value."""
    values = {
        "viewers": _count(review.viewers, "viewers"),
        "peak_online": _count(review.peak_online, "peak_online"),
        "new_followers": _count(review.new_followers, "new_followers"),
        "likes": _count(review.likes, "likes"),
        "ad_spend_fen": _money(review.ad_spend, "ad_spend"),
        "other_cost_fen": _money(review.other_cost, "other_cost"),
    }
    duration = _count(review.duration_minutes, "duration")
    if values["viewers"] is not None and values["peak_online"] is not None and values["peak_online"] > values["viewers"]:
        raise Problem("schedule.peak_above_viewers", peak=values["peak_online"], viewers=values["viewers"])
    with uow.writing(db) as session:
        row = _existing(session, livestream_id)
        if row["status"] not in (LivestreamStatus.LIVE, LivestreamStatus.DONE):
            raise Problem("schedule.review_not_done", status=status_message(row["status"]))
        if duration is not None:
            start = row["actual_start"] or row["scheduled_start"]
            values.update(actual_start=start, actual_end=start + timedelta(minutes=duration))
        session.execute(update(_ls).where(_ls.c.id == livestream_id).values(updated_at=uow.now(), **values))
    return get_livestream(db, livestream_id)


__all__ = [
    "start_livestream", "finish_livestream", "cancel_livestream", "reopen_livestream", "reopen_livestreams",
    "save_review",
]
