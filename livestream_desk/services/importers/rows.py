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


# Shapes most cells of an export have, in ASCII: they need no cleaning (no space, quote,
# sign or control character at either end), so their typed value is read straight from them.
_PLAIN_MONEY = re.compile(r"(\d{1,12})(?:\.(\d{1,2}))?\Z", re.ASCII)
_PLAIN_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\Z", re.ASCII)

# Names, specs, statuses and sources repeat on thousands of lines: each short text cell is
# cleaned once per file and the (interned) result reused; a bounded number of them.
_SHORT_TEXT = 80
_REMEMBERED_TEXTS = 50_000


class RowCells:
    """The cells of one row (`number` as the spreadsheet shows it).

    One object serves every row of a file (`reset`), remembering the texts it cleaned."""

    __slots__ = ("number", "_raw", "_index", "_shown", "_texts", "_fens", "_ids")

    # Each typed accessor reads its cell inline (no helper call): they run over a million times
    # for a large export.

    def __init__(self, number: int, raw: Sequence[object], header: Header, index: dict[str, int]) -> None:
        self.number = number
        self._raw = raw
        self._index = index
        self._shown = header.shown
        self._texts: dict[str, str] = {}
        self._fens: dict[str, int] = {}  # plain amounts read so far (prices repeat too)
        self._ids: dict[str, str] = {}  # product IDs and codes that are not plain digits

    def reset(self, number: int, raw: Sequence[object]) -> None:
        """Move on to another row of the same file."""
        self.number = number
        self._raw = raw

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
        try:
            raw = self._raw[self._index[column]]
        except (KeyError, IndexError):  # no such column, or a short row
            raw = None
        if raw.__class__ is str:
            found = self._texts.get(raw)
            if found is not None:
                return found
            result = self._typed(column, cells.text)
            if len(raw) < _SHORT_TEXT:  # the clean text is no longer than the cell
                result = sys.intern(result)
                if len(self._texts) < _REMEMBERED_TEXTS:
                    self._texts[raw] = result
            return result
        result = self._typed(column, cells.text)
        return sys.intern(result) if len(result) < _SHORT_TEXT else result

    def identifier(self, column: str, required: bool = True) -> str:
        try:
            raw = self._raw[self._index[column]]
        except (KeyError, IndexError):
            raw = None
        if raw.__class__ is str:
            if raw.isascii() and raw.isdigit() and len(raw) <= cells.MAX_CELL_CHARS:
                return raw
            found = self._ids.get(raw)
            if found is not None:
                return found
            result = self._typed(column, cells.identifier, required=required)
            # Only a non-empty ID is the same whether or not the column is required.
            if result and len(raw) < _SHORT_TEXT and len(self._ids) < _REMEMBERED_TEXTS:
                self._ids[raw] = result
            return result
        return self._typed(column, cells.identifier, required=required)

    def quantity(self, column: str) -> int:
        try:
            raw = self._raw[self._index[column]]
        except (KeyError, IndexError):
            raw = None
        if raw.__class__ is str and raw.isascii() and raw.isdigit() and len(raw) <= cells.MAX_CELL_CHARS:
            return int(raw)
        if raw.__class__ is int and raw >= 0:
            return raw
        if raw.__class__ is float and raw >= 0 and raw.is_integer() and raw < 2**53:  # 2.0 from Excel
            return int(raw)
        return self._typed(column, cells.quantity)

    def fen(self, column: str, required: bool = True) -> int:
        try:
            raw = self._raw[self._index[column]]
        except (KeyError, IndexError):
            raw = None
        if raw.__class__ is str:
            found = self._fens.get(raw)
            if found is not None:
                return found
            match = _PLAIN_MONEY.match(raw)
            if match is not None:
                whole, cents = match.groups()
                result = int(whole) * 100 + (int(cents.ljust(2, "0")) if cents else 0)
                if len(self._fens) < _REMEMBERED_TEXTS:
                    self._fens[raw] = result
                return result
        return self._typed(column, cells.fen, required=required)

    def moment(self, column: str, required: bool = True) -> Optional[datetime]:
        try:
            raw = self._raw[self._index[column]]
        except (KeyError, IndexError):
            raw = None
        if raw.__class__ is str:
            if (len(raw) == 19 and raw[4] == "-" and raw[7] == "-" and raw[10] in " T" and raw[13] == ":"
                    and raw[16] == ":" and raw.isascii()):
                try:  # `YYYY-MM-DD HH:MM:SS`, the shape of nearly every export's times
                    return datetime.fromisoformat(raw)
                except ValueError:
                    pass  # a letter in place of a digit, or 2026-02-30: the rules below say why
            match = _PLAIN_TIME.match(raw)
            if match is not None:
                y, mo, d, h, mi, s = match.groups()
                try:
                    return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
                except ValueError:
                    pass  # 2026-02-30: the general rules give the message
        return self._typed(column, cells.moment, required=required)


__all__ = ["RowCells", "RowRejected"]
