"""The period a report covers: a month, a quarter, a year or a custom range of whole months.

Every period knows the one before it (the same kind and length, just before) and the same
period a year earlier, the two comparisons the reports show.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime

from ...domain.period import Month, MonthRange, PeriodError

_QUARTER_TEXT = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")
_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*年?\s*$")


class PeriodKind(str, enum.Enum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """An inclusive range of whole months with its kind (how it is named and compared)."""

    kind: PeriodKind
    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError("period.range_backwards", first=str(self.first), last=str(self.last))

    # --- making one ---------------------------------------------------------------------
    @classmethod
    def month(cls, month: Month) -> "ReportPeriod":
        return cls(PeriodKind.MONTH, month, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "ReportPeriod":
        if not 1 <= quarter <= 4:
            raise PeriodError("period.month_out_of_range", month=str(quarter))
        first = Month(year, 3 * quarter - 2)
        return cls(PeriodKind.QUARTER, first, first + 2)

    @classmethod
    def quarter_of(cls, month: Month) -> "ReportPeriod":
        return cls.quarter(month.year, (month.month - 1) // 3 + 1)

    @classmethod
    def year(cls, year: int) -> "ReportPeriod":
        return cls(PeriodKind.YEAR, Month(year, 1), Month(year, 12))

    @classmethod
    def custom(cls, first: Month, last: Month) -> "ReportPeriod":
        """From `first` to `last`; a range that is exactly a month, quarter or year is named so."""
        return cls.of_range(first, last)

    @classmethod
    def of_range(cls, first: Month, last: Month) -> "ReportPeriod":
        if first == last:
            return cls.month(first)
        if first.year == last.year and first.month % 3 == 1 and last == first + 2:
            return cls(PeriodKind.QUARTER, first, last)
        if first.year == last.year and first.month == 1 and last.month == 12:
            return cls.year(first.year)
        return cls(PeriodKind.CUSTOM, first, last)

    @classmethod
    def parse(cls, text: str) -> "ReportPeriod":
        """`2026-10`, `2026-Q3`, `2026`, or `2026-01..2026-06`."""
        text = (text or "").strip()
        if ".." in text:
            first, _, last = text.partition("..")
            return cls.of_range(Month.parse(first), Month.parse(last))
        quarter = _QUARTER_TEXT.match(text)
        if quarter:
            return cls.quarter(int(quarter.group(1)), int(quarter.group(2)))
        year = _YEAR_TEXT.match(text)
        if year:
            return cls.year(int(year.group(1)))
        return cls.month(Month.parse(text))

    # --- what it covers -----------------------------------------------------------------
    @property
    def months(self) -> MonthRange:
        return MonthRange(self.first, self.last)

    def __len__(self) -> int:
        return (self.last - self.first) + 1

    def __contains__(self, month: object) -> bool:
        return isinstance(month, Month) and self.first <= month <= self.last

    def start(self) -> datetime:
        return self.first.start()

    def end(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return self.last.end()

    # --- the two comparisons ------------------------------------------------------------
    def previous(self) -> "ReportPeriod":
        """The same number of months just before (the previous month, quarter, year)."""
        length = len(self)
        return ReportPeriod(self.kind, self.first - length, self.last - length)

    def year_ago(self) -> "ReportPeriod":
        """The same months a year earlier."""
        return ReportPeriod(self.kind, self.first - 12, self.last - 12)

    @property
    def label(self) -> str:
        """A language-neutral name: 2026-10, 2026-Q4, 2026, 2026-01..2026-06."""
        if self.kind is PeriodKind.MONTH:
            return str(self.first)
        if self.kind is PeriodKind.QUARTER:
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.YEAR:
            return str(self.first.year)
        return f"{self.first}..{self.last}"

    def __str__(self) -> str:
        return self.label


__all__ = ["PeriodKind", "ReportPeriod"]
