"""Value objects and pure rules: no I/O, no Qt, no database."""
from .money import Money, MoneyError, parse_fen
from .period import Month, MonthRange, PeriodError

__all__ = ["Money", "MoneyError", "parse_fen", "Month", "MonthRange", "PeriodError"]
