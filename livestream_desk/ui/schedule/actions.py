"""The schedule's undoable changes, as page operations (ui/operation.py).

Each helper runs its work in the background and pushes a command whose undo puts things
back: edits take snapshots of the livestreams they touch (services.schedule
snapshot_livestreams / restore_livestreams), creations are undone by deleting what they
made (and redone by restoring it), a drag is undone by moving back.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from PySide6.QtGui import QUndoStack

from ...services import schedule
from ...services.schedule import LivestreamSnapshot, SaveResult
from ..operation import PageOp, UndoableOp


@dataclass(frozen=True)
class Swap:
    """The livestreams as they were before the last step, and what the first step returned."""

    snapshots: tuple[LivestreamSnapshot, ...]
    result: Any = None


def _swap(db, state: Swap) -> Swap:
    ids = [s.livestream_id for s in state.snapshots]
    now = schedule.snapshot_livestreams(db, ids)
    schedule.restore_livestreams(db, state.snapshots)
    return Swap(now, state.result)


def edit_op(page, stack: QUndoStack, text: str, ids: Callable[[Any], Iterable[int]], work: Callable[[Any], Any], *,
            changed: Callable[[Any], None], success: Optional[Callable[[Any], None]] = None,
            failure: Optional[Callable[[BaseException], None]] = None) -> PageOp:
    """Change existing livestreams (`ids(db)` names them, before `work(db)` runs); undo restores them.
    `success` gets what `work` returned."""

    def do(db) -> Swap:
        before = schedule.snapshot_livestreams(db, list(ids(db)))
        return Swap(before, work(db))

    return UndoableOp(page, stack, text, do=do, undo=_swap, redo=_swap, changed=changed,
                      success=(lambda state: success(state.result)) if success else None, failure=failure).run()


@dataclass(frozen=True)
class Created:
    ids: tuple[int, ...]
    result: Any = None
    snapshots: tuple[LivestreamSnapshot, ...] = ()


def create_op(page, stack: QUndoStack, text: str, work: Callable[[Any], SaveResult], *,
              changed: Callable[[Any], None], success: Optional[Callable[[Any], None]] = None,
              failure: Optional[Callable[[BaseException], None]] = None) -> PageOp:
    """Make new livestreams (`work` returns a SaveResult); undo deletes them, redo puts them back."""

    def do(db) -> Created:
        result = work(db)
        return Created(tuple(result.livestream_ids or (result.livestream_id,)), result)

    def undo(db, state: Created) -> Created:
        return Created(state.ids, state.result, schedule.delete_livestreams(db, state.ids))

    def redo(db, state: Created) -> Created:
        schedule.restore_livestreams(db, state.snapshots)
        return Created(state.ids, state.result)

    return UndoableOp(page, stack, text, do=do, undo=undo, redo=redo, changed=changed,
                      success=(lambda state: success(state.result)) if success else None, failure=failure).run()


def reschedule_op(page, stack: QUndoStack, text: str, livestream_id: int, day, *,
                  changed: Callable[[Any], None], success: Optional[Callable[[Any], None]] = None) -> PageOp:
    """Move a planned livestream to another day; undo moves it back to its old start."""

    def back(db, moved):
        return schedule.move_livestream(db, moved.livestream_id, moved.old_start)

    return UndoableOp(page, stack, text, do=lambda db: schedule.reschedule_livestream(db, livestream_id, day),
                      undo=back, redo=back, changed=changed, success=success).run()


def delete_op(page, stack: QUndoStack, text: str, ids: list[int], *, changed: Callable[[Any], None]) -> PageOp:
    """Delete livestreams (their sales stay, unattributed); undo restores them with lineup and sales."""

    def redo(db, _state):
        return schedule.delete_livestreams(db, ids)

    def undo(db, snapshots):
        schedule.restore_livestreams(db, snapshots)
        return snapshots

    return UndoableOp(page, stack, text, do=lambda db: schedule.delete_livestreams(db, ids), undo=undo, redo=redo,
                      changed=changed).run()


def editor_clashes(db, request) -> tuple:
    """The clash warnings of what the editor asks to save (Problem when it cannot be saved):
    one livestream, every day of a new series, or every future occurrence of a series edit."""
    from dataclasses import replace
    from datetime import datetime

    from .editor import CREATE, CREATE_SERIES, UPDATE

    if request.kind == CREATE:
        return schedule.check_livestream(db, request.data)
    if request.kind == UPDATE:
        return schedule.check_livestream(db, request.data, livestream_id=request.livestream_id)
    found: list = []
    if request.kind == CREATE_SERIES:
        rule = request.rule
        for day in schedule.series_dates(rule):
            data = replace(request.data, scheduled_start=datetime.combine(day, rule.start_time),
                           planned_minutes=rule.planned_minutes)
            found += schedule.check_livestream(db, data)
        return tuple(found)
    at = request.data.scheduled_start.time()
    for row in schedule.get_livestreams(db, schedule.future_occurrence_ids(db, request.series_id)):
        data = replace(request.data, scheduled_start=datetime.combine(row.scheduled_start.date(), at))
        found += schedule.check_livestream(db, data, livestream_id=row.id)
    return tuple(found)


__all__ = ["editor_clashes", "edit_op", "create_op", "reschedule_op", "delete_op", "Swap", "Created"]
