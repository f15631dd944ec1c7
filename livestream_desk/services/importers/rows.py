"""One data row under a detected header: typed access to its cells by canonical column name.

A bad cell raises `RowRejected` naming the column as the file writes it and the value as the
user will find it in the sheet, so the parsers stay a plain list of rules.
"""
from __future__ import annotations

import re
import sys
from datetime import datetime
from typing import Optional, Sequence

from ...messages import Message
from ..tables.reader import clean_cell
from . import cells
from .layouts import Header
from .lines import RejectedRow


# A text cell that clean_cell would change: control, invisible, space-like or full-width
# characters, spaces at either end, a leading ' or = (="…") or - (-, --, a minus sign).
# Most cells of an export need none of that; they skip the full cleaning (a 100,000-line
# export has over a million cells).
_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f\u00a0\u2007\u202f\u200b-\u200f\u2060\ufeff\uff10-\uff19]|^[\\s'=\\-－—]|\\s$"
)


class RowRejected(Exception):
    def __init__(self, rejected: RejectedRow) -> None:
        super().__init__(rejected.reason.code)
        self.rejected = rejected


class RowCells:
    """The cells of one row (`number` as the spreadsheet shows it)."""

    __slots__ = ("number", "_raw", "_index", "_shown")

    def __init__(self, number: int, raw: Sequence[object], header: Header, index: dict[str, int]) -> None:
        self.number = number
        self._raw = raw
        self._index = index
        self._shown = header.shown

    def has(self, column: str) -> bool:
        """Whether the file has this column at all (exports let sellers choose columns)."""
        return column in self._index

    def value(self, column: str) -> object:
        col = self._index.get(column)
        if col is None or col >= len(self._raw):
            return None
        raw = self._raw[col]
        if raw.__class__ is str:
            if not raw:
                return None
            if _NEEDS_CLEANING.search(raw) is None:
                return raw
        return clean_cell(raw)

    def reject(self, column: str, message: Message, value: object = None) -> RowRejected:
        shown = self._shown.get(column, column)
        if value is None:
            value = self.value(column)
        try:
            value_text = cells.text(value)
        except cells.CellProblem:
            value_text = str(value)[:60]
        return RowRejected(RejectedRow(self.number, shown, value_text, message))

    def _typed(self, column: str, convert, **options):
        value = self.value(column)
        try:
            return convert(value, **options)
        except cells.CellProblem as problem:
            raise self.reject(column, problem.message, value) from None

    def text(self, column: str) -> str:
        result = self._typed(column, cells.text)
        # Names, specs and statuses repeat on thousands of lines: keep one copy of each.
        return sys.intern(result) if len(result) < 80 else result

    def identifier(self, column: str, required: bool = True) -> str:
        return self._typed(column, cells.identifier, required=required)

    def quantity(self, column: str) -> int:
        return self._typed(column, cells.quantity)

    def fen(self, column: str, required: bool = True) -> int:
        return self._typed(column, cells.fen, required=required)

    def moment(self, column: str, required: bool = True) -> Optional[datetime]:
        return self._typed(column, cells.moment, required=required)


__all__ = ["RowCells", "RowRejected"]
