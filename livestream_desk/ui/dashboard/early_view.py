"""The dashboard's KPI cards as the window's first paint shows them, before the database is open.

The app reads the latest month's figures with plain sqlite3 (db/quick_figures.py) and the
window shows them here while SQLAlchemy, the pages and the chart load; the dashboard page
takes the same figures over (`DashboardPage.show_early_figures`) until its own arrive.
Imports nothing of the database layer or pyqtgraph.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.metrics import MonthlyFigures
from . import texts
from .kpi_cards import KpiCards


def heading_text(figures: MonthlyFigures) -> str:
    """`2026年10月的数据`: the same heading the dashboard page writes."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DashboardPage", "Figures for %1").replace("%1", texts.month_title(figures.month))


class EarlyFigures(QWidget):
    """Heading, KPI cards and a line saying the rest is on its way."""

    def __init__(self, figures: MonthlyFigures, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("earlyFigures")
        self.figures = figures
        self.heading = QLabel(heading_text(figures), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.cards = KpiCards(self)
        self.cards.show_figures(figures)
        self.note = QLabel(self.tr("Opening the database…"), self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.cards)
        layout.addWidget(self.note, 1)


__all__ = ["EarlyFigures", "heading_text"]
