"""The dashboard's display texts: months, growth with its arrow, counts, the tooltip.

One place for how a figure reads on the cards, the axes and the tooltip, so they agree.
Money comes from domain.money; growth is rounded by domain.metrics.round_pct.

Growth colours follow the Chinese convention (as on 抖店 / 快手 dashboards): red for up,
green for down. The arrow (↑ / ↓) carries the meaning, so it never depends on colour.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from PySide6.QtCore import QCoreApplication

from ...domain.metrics import MonthlyFigures, round_pct
from ...domain.money import format_display, format_short
from ...domain.period import Month, MonthRange
from ...i18n import current_language
from .. import theme

UP_COLOUR = theme.UP  # red: up (Chinese convention), always with ↑
DOWN_COLOUR = theme.DOWN  # green: down, always with ↓
FLAT_COLOUR = theme.SECONDARY_TEXT
MUTED_COLOUR = theme.MUTED
BAR_COLOUR = theme.BAR
BAR_HOVER_COLOUR = theme.BAR_HOVER
LINE_COLOUR = theme.LINE


def fill(template: str, *values: object) -> str:
    """Put values into a translated template's %1, %2… (Qt's placeholders, which
    translators know and may reorder)."""
    for number, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{number}", str(value))
    return template


# lupdate finds only literal QCoreApplication.translate("Dashboard", …) calls: keep them so.


def month_title(month: Month) -> str:
    """`2026年10月` in Chinese, `10/2026` in English."""
    template = QCoreApplication.translate("Dashboard", "%2/%1", "a month: %1 is the year, %2 the month number")
    return fill(template, month.year, month.month)


def range_text(months: MonthRange) -> str:
    """`2024-11 to 2026-10`: which months the dashboard shows."""
    return fill(QCoreApplication.translate("Dashboard", "%1 to %2"), months.first, months.last)


def count_text(value: int) -> str:
    return f"{value:,}"


def growth_direction(pct: Optional[Decimal]) -> int:
    """+1 up, -1 down, 0 flat or unknown (after rounding to one decimal, as shown)."""
    rounded = round_pct(pct)
    if rounded is None or rounded == 0:
        return 0
    return 1 if rounded > 0 else -1


def growth_text(pct: Optional[Decimal]) -> str:
    """`↑ 12.3%`, `↓ 4.0%`, `0.0%`; `—` when there is nothing to compare with."""
    rounded = round_pct(pct)
    if rounded is None:
        return "—"
    if rounded > 0:
        return f"↑ {rounded}%"
    if rounded < 0:
        return f"↓ {-rounded}%"
    return "0.0%"


def growth_colour(pct: Optional[Decimal]) -> str:
    return {1: UP_COLOUR, -1: DOWN_COLOUR}.get(growth_direction(pct), FLAT_COLOUR)


def growth_sentence(pct: Optional[Decimal]) -> str:
    """The line under the net sales figure on its card."""
    if pct is None:
        return QCoreApplication.translate("Dashboard", "No sales in the previous month to compare with")
    return fill(QCoreApplication.translate("Dashboard", "%1 vs previous month"), growth_text(pct))


def range_error_text() -> str:
    return QCoreApplication.translate("Dashboard", "The last month is before the first month.")


def tooltip_text(row: MonthlyFigures) -> str:
    """The exact figures of one month, shown when the mouse is over its bar."""
    lines = [
        month_title(row.month),
        fill(QCoreApplication.translate("Dashboard", "Net sales: %1"), format_display(row.net_sales_fen)),
        fill(QCoreApplication.translate("Dashboard", "GMV: %1"), format_display(row.gmv_fen)),
        fill(QCoreApplication.translate("Dashboard", "Refunds: %1"), format_display(row.refunds_fen)),
        fill(QCoreApplication.translate("Dashboard", "Orders: %1"), count_text(row.orders)),
        fill(QCoreApplication.translate("Dashboard", "Livestreams: %1"), count_text(row.livestreams)),
        fill(QCoreApplication.translate("Dashboard", "Growth vs previous month: %1"), growth_text(row.mom_growth_pct)),
    ]
    if row.target_fen:
        progress = round_pct(row.target_progress * 100)
        lines.append(
            fill(
                QCoreApplication.translate("Dashboard", "Target: %1 (%2% reached)"),
                format_display(row.target_fen),
                progress,
            )
        )
    return "\n".join(lines)


def money_short(fen: int) -> str:
    """`¥5.5万` in Chinese, `¥55.4k` in English (the window's language)."""
    return format_short(fen, current_language())


def money_exact(fen: int) -> str:
    return format_display(fen)
