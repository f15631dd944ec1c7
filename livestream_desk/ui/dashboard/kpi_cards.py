"""The row of KPI cards for the last month of the range shown."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ...domain.metrics import MonthlyFigures, round_pct
from . import texts

CARD_STYLE = """
QFrame#kpiCard { background: white; border: 1px solid #e3e6eb; border-radius: 6px; }
QFrame#kpiCard QLabel { background: transparent; border: none; }
QLabel#kpiTitle { color: #595959; }
QLabel#kpiDetail { color: #8c8c8c; }
"""


class KpiCard(QFrame):
    """A title, a big figure and up to two lines of detail."""

    def __init__(self, name: str, title: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setProperty("kpi", name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("kpiTitle")
        self.value_label = QLabel("—", self)
        self.value_label.setObjectName("kpiValue")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value_label.setFont(font)
        self.detail_label = QLabel("", self)
        self.detail_label.setObjectName("kpiDetail")
        self._detail_colour = ""
        self.detail_label.setWordWrap(True)
        self.extra_label = QLabel("", self)
        self.extra_label.setObjectName("kpiDetail")
        self.extra_label.setWordWrap(True)
        self.extra_label.hide()

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(14, 10, 14, 10)
        self.layout_.setSpacing(4)
        self.layout_.addWidget(self.title_label)
        self.layout_.addWidget(self.value_label)
        self.layout_.addWidget(self.detail_label)
        self.layout_.addWidget(self.extra_label)
        self.layout_.addStretch(1)

    def set_value(self, text: str, exact: str = "") -> None:
        self.value_label.setText(text)
        self.value_label.setToolTip(exact)

    def set_detail(self, text: str, colour: str = "") -> None:
        self.detail_label.setText(text)
        if colour != self._detail_colour:  # style sheets are costly to re-apply
            self._detail_colour = colour
            self.detail_label.setStyleSheet(f"color: {colour};" if colour else "")

    def set_extra(self, text: str) -> None:
        self.extra_label.setText(text)
        self.extra_label.setVisible(bool(text))


class KpiCards(QWidget):
    """Net sales with growth, livestreams, orders, average per livestream, target progress."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.net = KpiCard("net", self.tr("Net sales"), self)
        self.livestreams = KpiCard("livestreams", self.tr("Livestreams"), self)
        self.orders = KpiCard("orders", self.tr("Orders"), self)
        self.average = KpiCard("average", self.tr("Net sales per livestream"), self)
        self.target = KpiCard("target", self.tr("Monthly target"), self)
        self.target_bar = QProgressBar(self.target)
        self.target_bar.setObjectName("targetProgress")
        self.target_bar.setRange(0, 100)
        self.target_bar.setTextVisible(False)  # the figure above says it; the bar shows how far
        self.target_bar.setMaximumHeight(self.target_bar.fontMetrics().height())
        self.target.layout_.insertWidget(2, self.target_bar)
        self.target.hide()
        self.figures: Optional[MonthlyFigures] = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for card in self.cards():
            layout.addWidget(card, 1)
        self.setMinimumSize(self._stable_minimum_size())

    # Sample figures at least as wide as what the cards show (money_short keeps 3–4 digits).
    WIDE_FIGURES = ("¥888.8万", "¥888.8k", "¥88,888", "888,888")

    def _stable_minimum_size(self) -> QSize:
        """The row's minimum size, fixed: the figures, and whether the target card shows,
        change with every refresh, and a minimum that followed them would lay out the whole
        window again each time (a page shown on its own as a window even asks the platform
        to resize it, which the offscreen platform answers with a warning)."""
        value_metrics = QFontMetrics(self.net.value_label.font())
        text_metrics = QFontMetrics(self.net.detail_label.font())
        margins = self.net.layout_.contentsMargins()
        frame = 2 * self.net.frameWidth()
        figure = max(value_metrics.horizontalAdvance(text) for text in self.WIDE_FIGURES)
        padding = margins.left() + margins.right() + frame
        width = sum(max(figure, card.title_label.sizeHint().width()) + padding for card in self.cards())
        spacing = self.layout().spacing()
        lines = (  # title, figure, two lines of detail, the target bar
            self.net.title_label.sizeHint().height() + value_metrics.height() + 2 * text_metrics.height()
            + self.target_bar.maximumHeight()
        )
        height = lines + 3 * self.net.layout_.spacing() + margins.top() + margins.bottom() + frame
        return QSize(width + (len(self.cards()) - 1) * spacing, height)

    def cards(self) -> list[KpiCard]:
        return [self.net, self.livestreams, self.orders, self.average, self.target]

    def clear(self) -> None:
        self.figures = None
        for card in self.cards():
            card.set_value("—")
            card.set_detail("")
            card.set_extra("")
        self.target.hide()

    def show_figures(self, figures: Optional[MonthlyFigures]) -> None:
        """Fill the cards from one month of the report (the last month of the range)."""
        if figures is not None and figures == self.figures:
            return  # the same figures are on screen already
        self.figures = figures
        if figures is None:
            self.clear()
            return
        net = figures.net_sales_fen
        self.net.set_value(texts.money_short(net), texts.money_exact(net))
        self.net.set_detail(texts.growth_sentence(figures.mom_growth_pct), texts.growth_colour(figures.mom_growth_pct))
        self.net.set_extra(
            self.tr("GMV %1 · refunds %2")
            .replace("%1", texts.money_short(figures.gmv_fen))
            .replace("%2", texts.money_short(figures.refunds_fen))
        )

        self.livestreams.set_value(texts.count_text(figures.livestreams))
        self.livestreams.set_detail(self.tr("completed livestreams"))

        self.orders.set_value(texts.count_text(figures.orders))
        self.orders.set_detail(self.tr("%1 units").replace("%1", texts.count_text(figures.units)))

        average = figures.average_net_per_livestream_fen
        if average is None:
            self.average.set_value("—")
            self.average.set_detail(self.tr("no livestreams this month"))
        else:
            self.average.set_value(texts.money_short(average), texts.money_exact(average))
            self.average.set_detail(self.tr("net sales ÷ livestreams"))

        progress = figures.target_progress
        if progress is None:
            self.target.hide()
            return
        percent = round_pct(progress * 100)
        self.target.set_value(f"{percent}%")
        self.target_bar.setValue(max(0, min(100, int(percent))))
        self.target_bar.setAccessibleDescription(f"{percent}%")
        self.target.set_detail(f"{texts.money_short(net)} / {texts.money_short(figures.target_fen or 0)}")
        self.target.detail_label.setToolTip(
            f"{texts.money_exact(net)} / {texts.money_exact(figures.target_fen or 0)}"
        )
        self.target.show()
