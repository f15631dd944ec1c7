"""Calendar months and ranges of months, in Beijing local time (DESIGN §4)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

from ..messages import Problem

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")  # China has no DST.
_MONTH_TEXT = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})月?\s*$")


class PeriodError(Problem, ValueError):
    """A month or range that cannot be understood; its `message` (a `period.*` code) says why."""


def beijing_now() -> datetime:
    """The current Beijing wall-clock time, without a zone (how times are stored)."""
    return datetime.now(BEIJING).replace(tzinfo=None)


@dataclass(frozen=True, order=True, slots=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise PeriodError("period.month_out_of_range", month=str(self.month))
        if not 1900 <= self.year <= 9999:
            raise PeriodError("period.year_out_of_range", year=str(self.year))

    @classmethod
    def parse(cls, text: str) -> "Month":
        match = _MONTH_TEXT.match(text or "")
        if not match:
            raise PeriodError("period.not_a_month", value=str(text))
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, moment: date) -> "Month":
        return cls(moment.year, moment.month)

    @classmethod
    def from_key(cls, key: int) -> "Month":
        """From the integer key YYYYMM used in the database."""
        return cls(key // 100, key % 100)

    @classmethod
    def current(cls) -> "Month":
        return cls.of(beijing_now())

    @property
    def key(self) -> int:
        return self.year * 100 + self.month

    def __add__(self, months: int) -> "Month":
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def __sub__(self, other: "int | Month") -> "Month | int":
        if isinstance(other, Month):
            return (self.year * 12 + self.month) - (other.year * 12 + other.month)
        return self + (-other)

    def next(self) -> "Month":
        return self + 1

    def previous(self) -> "Month":
        return self + (-1)

    def start(self) -> datetime:
        return datetime(self.year, self.month, 1)

    def end(self) -> datetime:
        """The first moment of the next month (exclusive end)."""
        return self.next().start()

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class MonthRange:
    """An inclusive range of whole months."""

    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError("period.range_backwards", first=str(self.first), last=str(self.last))

    @classmethod
    def last_n(cls, n: int, ending: Month) -> "MonthRange":
        if n < 1:
            raise PeriodError("period.empty_range")
        return cls(ending + (1 - n), ending)

    @classmethod
    def year_to_date(cls, ending: Month) -> "MonthRange":
        return cls(Month(ending.year, 1), ending)

    def __iter__(self) -> Iterator[Month]:
        month = self.first
        while month <= self.last:
            yield month
            month = month.next()

    def __len__(self) -> int:
        return (self.last - self.first) + 1

    def __contains__(self, month: object) -> bool:
        return isinstance(month, Month) and self.first <= month <= self.last

    def start(self) -> datetime:
        return self.first.start()

    def end(self) -> datetime:
        return self.last.end()

    def __str__(self) -> str:
        return f"{self.first}..{self.last}"
