"""Messages about months and ranges of months (domain.period)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "period.not_a_month": QT_TRANSLATE_NOOP("Messages", "'{value}' is not a month; write it as YYYY-MM, e.g. 2026-10"),
    "period.month_out_of_range": QT_TRANSLATE_NOOP("Messages", "month {month} is not between 1 and 12"),
    "period.year_out_of_range": QT_TRANSLATE_NOOP("Messages", "year {year} is out of range"),
    "period.range_backwards": QT_TRANSLATE_NOOP("Messages", "the range ends ({last}) before it starts ({first})"),
    "period.empty_range": QT_TRANSLATE_NOOP("Messages", "a range needs at least one month"),
}
