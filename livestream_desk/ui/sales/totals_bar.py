"""The totals row (合计) under the sales list: the DESIGN §5 figures of the whole filter."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ...services.sales import SalesTotals
from . import format as fmt


class TotalsBar(QFrame):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesTotals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#salesTotals { background: palette(alternate-base); }")
        self.title = QLabel(self.tr("Total"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.labels: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        for key in ("lines", "orders", "units", "gmv", "refunds", "net"):
            label = QLabel(self)
            label.setObjectName(f"total_{key}")
            label.setFont(font if key == "net" else self.font())
            self.labels[key] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.show_loading()

    def show_loading(self) -> None:
        for label in self.labels.values():
            label.setText("")
        self.labels["lines"].setText(self.tr("Counting…"))

    def set_totals(self, totals: SalesTotals) -> None:
        self.totals = totals
        self.labels["lines"].setText(self.tr("{count} lines").format(count=fmt.count(totals.lines)))
        self.labels["orders"].setText(self.tr("Orders {count}").format(count=fmt.count(totals.orders)))
        self.labels["units"].setText(self.tr("Units {count}").format(count=fmt.count(totals.units)))
        self.labels["gmv"].setText(self.tr("GMV {amount}").format(amount=fmt.money(totals.gmv_fen)))
        self.labels["refunds"].setText(self.tr("Refunds {amount}").format(amount=fmt.money(totals.refunds_fen)))
        self.labels["net"].setText(self.tr("Net sales {amount}").format(amount=fmt.money(totals.net_sales_fen)))


__all__ = ["TotalsBar"]
