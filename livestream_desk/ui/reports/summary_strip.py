"""The row of figures at the top of the reports page: the period's net sales, GMV, orders,
units and livestreams, each against the previous period and the same period last year, and
the target's progress. The changes are the services' (PeriodSummary.vs_previous / vs_year_ago)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from ...services.reports import PeriodSummary, TargetProgress
from ..dashboard import texts
from ..dashboard.kpi_cards import CARD_STYLE, KpiCard
from .model import share_text


class SummaryStrip(QWidget):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.cards: dict[str, KpiCard] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for key, title in (
            ("net_sales_fen", self.tr("Net sales")),
            ("gmv_fen", self.tr("GMV")),
            ("orders", self.tr("Orders")),
            ("units", self.tr("Units")),
            ("livestreams", self.tr("Livestreams")),
            ("target", self.tr("Target")),
        ):
            card = KpiCard(key, title, self)
            card.layout_.setContentsMargins(10, 6, 10, 6)
            self.cards[key] = card
            layout.addWidget(card, 1)
        self.target_bar = QProgressBar(self.cards["target"])
        self.target_bar.setObjectName("reportTargetProgress")
        self.target_bar.setRange(0, 100)
        self.target_bar.setTextVisible(False)
        self.target_bar.setMaximumHeight(self.target_bar.fontMetrics().height() // 2 + 2)
        self.cards["target"].layout_.insertWidget(2, self.target_bar)

    def show_summary(self, summary: PeriodSummary, targets: TargetProgress) -> None:
        for key, card in self.cards.items():
            if key == "target":
                continue
            value = getattr(summary.current, key)
            if key.endswith("_fen"):
                card.set_value(texts.money_short(value), texts.money_exact(value))
            else:
                card.set_value(texts.count_text(value))
            previous = summary.vs_previous(key).pct
            year_ago = summary.vs_year_ago(key).pct
            card.set_detail(
                self.tr("vs previous: %1").replace("%1", texts.growth_text(previous)),
                texts.growth_colour(previous),
            )
            card.set_extra(self.tr("vs last year: %1").replace("%1", texts.growth_text(year_ago)))
        self._show_target(targets)

    def _show_target(self, targets: TargetProgress) -> None:
        card = self.cards["target"]
        overall = targets.overall
        if overall.target_fen is None:
            card.set_value("—")
            card.set_detail(self.tr("no target set"))
            card.set_extra("")
            self.target_bar.setValue(0)
            return
        share = overall.share
        card.set_value(share_text(share))
        self.target_bar.setValue(max(0, min(100, int((share or 0) * 100))))
        card.set_detail(f"{texts.money_short(overall.actual_fen)} / {texts.money_short(overall.target_fen)}")
        card.set_extra(self.tr("%1 to go").replace("%1", texts.money_short(overall.remaining_fen or 0)))

    def card_text(self, key: str) -> str:
        return self.cards[key].value_label.text()


__all__ = ["SummaryStrip"]
