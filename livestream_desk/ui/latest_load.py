"""Newest answer wins: loads of one kind for a page, where only the latest request counts.

A page (or its controller) that loads the same kind of data again and again — another period,
another filter, another search text — runs each request with `LatestLoad.run(work)`, a page
operation (ui/operation.py) of the page. A run supersedes the runs before it: they are
cancelled (one that has not started never queries) and, should they answer anyway, their
answers and errors are dropped, so fast clicking never shows stale figures.

`is_loading()` is True from a run until the latest one answers or fails; `loading_changed(bool)`
says when that flips (it is emitted before `success` / `failure` are called). A latest run that
was cancelled (the page closing) gives no answer and is forgotten::

    self.figures = LatestLoad(page, success=self.show_figures, title=self.tr("Cannot load"))
    self.figures.run(lambda db: figures(db, period))
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import shiboken6
from PySide6.QtCore import QObject, Signal

from .errors import report_error
from .operation import OpHost, PageOp


class LatestLoad(QObject):
    """Runs `work` for `page` and hands only the latest run's answer to `success(result)`.

    `failure(exc)` gets the latest run's error; without it the error is shown (titled
    `title`) like any page operation's.
    """

    loading_changed = Signal(bool)

    def __init__(
        self,
        page: OpHost,
        *,
        success: Callable[[Any], None],
        failure: Optional[Callable[[BaseException], None]] = None,
        title: Optional[str] = None,
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.success = success
        self.failure = failure
        self.title = title
        self.requests_sent = 0  # runs started (tests check that invalid input starts none)
        self._generation = 0  # of the latest run
        self._answered = 0  # generation of the latest answer taken (or error reported)
        self._ops: dict[int, PageOp] = {}

    def run(self, work: Callable[..., Any], *, with_task: bool = False, label: str = "") -> PageOp:
        """Start `work(db)` (or `work(db, task)` with `with_task`); every earlier run is stale."""
        was_loading = self.is_loading()
        self.cancel()
        self._generation += 1
        generation = self._generation
        self.requests_sent += 1
        op = self._ops[generation] = PageOp(
            self.page,  # type: ignore[arg-type]
            work,
            with_task=with_task,
            label=label,
            success=lambda result, g=generation: self._succeeded(g, result),
            failure=lambda exc, g=generation: self._failed(g, exc),
            cancelled=lambda g=generation: self._forget(g),
        ).run()
        if not was_loading:
            self.loading_changed.emit(True)
        return op

    def is_loading(self) -> bool:
        return self._answered < self._generation

    def cancel(self) -> None:
        """Cancel every run still going (one that has not started never queries)."""
        for op in list(self._ops.values()):
            op.cancel()

    # --- GUI thread ---------------------------------------------------------------------------
    def _forget(self, generation: int) -> None:
        self._ops.pop(generation, None)

    def _is_latest(self, generation: int) -> bool:
        """Forget the run; True when it is the latest (its answer counts), after which the
        load is no longer loading."""
        self._forget(generation)
        if generation != self._generation or not shiboken6.isValid(self):  # superseded, or its owner closed
            return False
        self._answered = generation
        self.loading_changed.emit(False)
        return True

    def _succeeded(self, generation: int, result: Any) -> None:
        if self._is_latest(generation):
            self.success(result)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._is_latest(generation):
            return
        if self.failure is not None:
            self.failure(exc)
        else:
            report_error(self.page, exc, self.title)  # type: ignore[arg-type]


__all__ = ["LatestLoad"]
