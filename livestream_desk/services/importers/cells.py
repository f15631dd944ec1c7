"""One cell of an order export as the value it means: text, ID, quantity, fen, time.

The reader (services.tables.reader.clean_cell) has already unwrapped `="…"`, dropped a leading
`'`, trimmed tabs and spaces and turned `-` / `--` into empty. Here each cell becomes a typed
value or a `CellProblem` carrying the Message that says what is wrong with it.

Speed matters (100,000-line exports): the common shapes (`59.80`, `2026-09-10 08:00:00`, a
plain digit ID) take a fast path; everything else goes through the general rules.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ...domain.money import MoneyError, parse_fen
from ...messages import Message
from ..tables.reader import cell_text

MAX_CELL_CHARS = 2000  # a longer cell is refused: no order field is that long

_PLAIN_MONEY = re.compile(r"^(\d{1,12})(?:\.(\d{1,2}))?$")
_ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")
_ANY_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:\.\d+)?)?)?$"
)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
_ID_CHARS = re.compile(r"^[0-9A-Za-z_\-./#:]+$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


class CellProblem(ValueError):
    """A cell that does not hold what its column needs; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message


def text(value: object) -> str:
    """A clean cell as text ("" when empty); refuses absurdly long cells."""
    if value is None:
        return ""
    result = value if isinstance(value, str) else cell_text(value)
    if len(result) > MAX_CELL_CHARS:
        raise CellProblem(Message("orders.cell_too_long", value=len(result), limit=MAX_CELL_CHARS))
    return result


def identifier(value: object, *, required: bool = True) -> str:
    """An order / line / product ID as text, never trusted after Excel turned it into a float.

    Exporters write IDs as text; a number from an `.xlsx` cell is fine while it is a whole
    number a float holds exactly (below 2**53; the reader already made it an int). A float,
    or text like `6.91793E+18`, means Excel rounded a long ID: the row is refused.
    """
    if value is None or value == "":
        if required:
            raise CellProblem(Message("orders.missing_value"))
        return ""
    if isinstance(value, bool):
        raise CellProblem(Message("orders.bad_id", value=str(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise CellProblem(Message("orders.damaged_id", value=repr(value)))
    result = text(value)
    if result.isdigit():
        return result
    if _SCIENTIFIC.match(result):
        raise CellProblem(Message("orders.damaged_id", value=result))
    if len(result) > 64 or not _ID_CHARS.match(result):
        raise CellProblem(Message("orders.bad_id", value=result))
    return result


def quantity(value: object) -> int:
    """A whole number of units, 0 or more."""
    if value is None:
        raise CellProblem(Message("orders.missing_value"))
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise CellProblem(Message("orders.bad_quantity", value=str(value)))
        return value
    if isinstance(value, float):
        if value.is_integer() and value >= 0:
            return int(value)
        raise CellProblem(Message("orders.bad_quantity", value=repr(value)))
    raw = text(value)
    cleaned = raw.replace(",", "")
    if cleaned.isdigit() and cleaned.isascii():
        return int(cleaned)
    if cleaned.endswith((".0", ".00")) and cleaned.split(".")[0].isdigit():
        return int(cleaned.split(".")[0])
    raise CellProblem(Message("orders.bad_quantity", value=raw))


def fen(value: object, *, required: bool = True) -> int:
    """An amount in yuan as whole fen, 0 or more (0 when optional and empty)."""
    if value is None or value == "":
        if required:
            raise CellProblem(Message("orders.missing_value"))
        return 0
    if isinstance(value, str):
        match = _PLAIN_MONEY.match(value)
        if match is not None:
            cents = match.group(2) or ""
            return int(match.group(1)) * 100 + (int(cents.ljust(2, "0")) if cents else 0)
    if isinstance(value, bool):
        raise CellProblem(Message("orders.bad_amount", value=str(value)))
    try:
        result = parse_fen(value)
    except MoneyError:
        raise CellProblem(Message("orders.bad_amount", value=text(value))) from None
    if result < 0:
        raise CellProblem(Message("orders.negative_amount", value=text(value)))
    return result


def moment(value: object, *, required: bool = True) -> datetime | None:
    """A date and time: an Excel date cell, an Excel serial number, or text in the usual forms
    (`2026-09-10 08:00:00`, `2026/9/10 8:00`, `2026/09/10`, `2026年9月10日`)."""
    if value is None or value == "":
        if required:
            raise CellProblem(Message("orders.missing_value"))
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial date that lost its date format (days since 1899-12-30).
        if 20000 <= value <= 80000:
            return (_EXCEL_EPOCH + timedelta(days=float(value))).replace(microsecond=0)
        raise CellProblem(Message("orders.bad_time", value=text(value)))
    raw = text(value)
    match = _ISO_TIME.match(raw)
    try:
        if match is not None:
            y, mo, d, h, mi, s = match.groups()
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        match = _ANY_TIME.match(raw)
        if match is not None:
            y, mo, d, h, mi, s = match.groups()
            return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        pass  # 2026-02-30: falls through to the message
    raise CellProblem(Message("orders.bad_time", value=raw))


__all__ = ["CellProblem", "text", "identifier", "quantity", "fen", "moment", "MAX_CELL_CHARS"]
