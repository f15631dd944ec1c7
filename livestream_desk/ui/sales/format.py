"""How the sales screens show numbers: money, ratios, times (one place, so they agree)."""
from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from PySide6.QtCore import QCoreApplication

from ...domain.money import format_display


def money(fen: Optional[int]) -> str:
    return "" if fen is None else format_display(int(fen))


def money_decimal(fen: Optional[Decimal]) -> str:
    """A ratio in fen (gpm, uv value) as money; — when empty."""
    if fen is None:
        return "—"
    return format_display(int(fen.quantize(Decimal(1), ROUND_HALF_UP)))


def percent(value: Optional[Decimal]) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


def ratio(value: Optional[Decimal]) -> str:
    if value is None:
        return "—"
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}"


def when(moment: Optional[datetime]) -> str:
    if moment is None:
        return QCoreApplication.translate("SalesFormat", "not paid")
    return moment.strftime("%Y-%m-%d %H:%M")


def count(value: int) -> str:
    return f"{int(value):,}"
