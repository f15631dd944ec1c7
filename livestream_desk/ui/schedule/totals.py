"""The schedule's totals line (合计): how many livestreams the shown month or week plans, for
how long, with how many lineup products and what planned value — what a seller would
otherwise count on the calendar by hand. Cancelled livestreams are not counted (they are
named apart); in the list, only the rows the filter leaves."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...db.models import LivestreamStatus
from ...services.schedule import LivestreamRow
from . import texts


@dataclass(frozen=True)
class PlanTotals:
    livestreams: int = 0  # not cancelled
    cancelled: int = 0
    minutes: int = 0
    lineup_products: int = 0
    planned_value_fen: int = 0
    viewers: Optional[int] = None  # None: no livestream has a viewer count yet


def plan_totals(rows: Iterable[LivestreamRow], first: date, end: date) -> PlanTotals:
    """The totals of the livestreams starting on `first` … the day before `end`."""
    start, stop = datetime.combine(first, datetime.min.time()), datetime.combine(end, datetime.min.time())
    livestreams = cancelled = minutes = products = value = 0
    viewers: Optional[int] = None
    for row in rows:
        if not start <= row.scheduled_start < stop:
            continue
        if row.status == LivestreamStatus.CANCELLED:
            cancelled += 1
            continue
        livestreams += 1
        minutes += max(row.planned_minutes, 0)
        products += row.lineup_size
        value += row.planned_value_fen
        if row.viewers is not None:
            viewers = (viewers or 0) + row.viewers
    return PlanTotals(livestreams, cancelled, minutes, products, value, viewers)


class PlanTotalsBar(QLabel):
    """`show_totals(totals, week=False)`: one line under the calendar or the list."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleTotals")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals = PlanTotals()

    def show_totals(self, totals: PlanTotals, week: bool = False) -> None:
        self.totals = totals
        parts = [
            (self.tr("This week: {count} livestreams") if week else self.tr("This month: {count} livestreams")).format(
                count=texts.count_text(totals.livestreams)),
            self.tr("{duration} planned").format(duration=texts.minutes_text(totals.minutes)),
            self.tr("{count} lineup products").format(count=texts.count_text(totals.lineup_products)),
            self.tr("planned value {amount}").format(amount=texts.money_text(totals.planned_value_fen)),
        ]
        if totals.viewers is not None:
            parts.append(self.tr("{count} viewers").format(count=texts.count_text(totals.viewers)))
        text = self.tr("Total") + "  " + " · ".join(parts)
        if totals.cancelled:
            text += "  " + self.tr("({count} cancelled, not counted)").format(count=texts.count_text(totals.cancelled))
        self.setText(text)


__all__ = ["PlanTotals", "PlanTotalsBar", "plan_totals"]
