"""The reports page's charts (pyqtgraph): monthly net sales stacked by platform, each
platform's share, and this year's cumulative net sales against last year's.

Imported only when the first figures arrive (pyqtgraph takes ≈ 0.3 s to import). The month
and money axes are the dashboard's (ui/dashboard/chart.py); platform colours are the
schedule's, so a platform looks the same everywhere. Clicking a month's bar emits
`month_clicked(Month)` (the page drills down to its livestreams and products).
"""
from __future__ import annotations

import html
import math
from typing import Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ...domain.metrics import MonthlyFigures
from ...i18n import ENGLISH, current_language
from ...domain.money import format_display
from ...domain.period import Month
from ...services.reports import CumulativeSeries, PlatformRow, PlatformSeries
from ..dashboard.chart import MoneyAxis, MonthAxis
from ..platforms import platform_name
from .. import theme
from ..theme import platform_colour
from .model import share_text

BAR_WIDTH = 0.62
THIS_YEAR_COLOUR = theme.UP
LAST_YEAR_COLOUR = theme.MUTED
SHARE_COLOUR = theme.BAR
TEXT_COLOUR = theme.SECONDARY_TEXT
AXIS_COLOUR = theme.AXIS


def month_tick(month: int) -> str:
    """`3月` in Chinese, `Mar` in English (no Chinese left in the English window)."""
    if current_language() == ENGLISH:
        return QLocale(QLocale.Language.English).monthName(month, QLocale.FormatType.ShortFormat)
    return f"{month}月"


def _style_axes(*axes: pg.AxisItem) -> None:
    font = QFont(QApplication.font())
    for axis in axes:
        axis.setTickFont(font)
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.enableAutoSIPrefix(False)


def _plot_widget(parent: QWidget, name: str, axes: dict) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent, background="w", axisItems=axes, enableMenu=False)
    widget.setObjectName(name)
    plot = widget.getPlotItem()
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=False, y=True, alpha=0.12)
    return widget


def _legend_html(entries: Sequence[tuple[str, str]]) -> str:
    return "&nbsp;&nbsp;".join(
        f'<span style="color:{colour}">■</span> {html.escape(text)}' for colour, text in entries
    )


class PlatformBarsChart(QWidget):
    """Net sales per month as bars stacked by platform (platforms in the services' order)."""

    month_clicked = Signal(object)  # Month

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.series: Optional[PlatformSeries] = None
        self.rows: dict[Month, MonthlyFigures] = {}
        self.month_axis = MonthAxis()
        self.money_axis = MoneyAxis("left", current_language())
        _style_axes(self.month_axis, self.money_axis)
        self.month_axis.setStyle(hideOverlappingLabels=False)
        self.plot_widget = _plot_widget(self, "platformBars", {"bottom": self.month_axis, "left": self.money_axis})
        self.plot = self.plot_widget.getPlotItem()
        self.bars: list[pg.BarGraphItem] = []
        self.title = QLabel(self.tr("Net sales by month and platform (click a month for its livestreams)"), self)
        self.title.setObjectName("chartTitle")
        self.legend = QLabel(self)
        self.legend.setObjectName("platformLegend")
        self.legend.setStyleSheet(f"color: {TEXT_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot_widget, 1)
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)
        self._hover = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._on_moved)

    def set_series(self, series: PlatformSeries, months: Sequence[MonthlyFigures] = ()) -> None:
        self.series = series
        self.rows = {row.month: row for row in months}
        for item in self.bars:
            self.plot.removeItem(item)
        self.bars = []
        n = len(series.months)
        x = np.arange(n, dtype=float)
        base = np.zeros(n, dtype=float)
        for j, platform in enumerate(series.platforms):
            heights = np.array([series.net_fen[i][j] / 100 for i in range(n)], dtype=float)
            item = pg.BarGraphItem(x=x, y0=base.copy(), height=heights, width=BAR_WIDTH,
                                   brush=platform_colour(platform), pen=pg.mkPen("w", width=0.5))
            self.plot.addItem(item)
            self.bars.append(item)
            base = base + heights
        self.month_axis.set_months(series.months)
        self.plot.setXRange(-0.5, max(n, 1) - 0.5, padding=0.01)
        top = float(base.max()) if n else 0.0
        self.plot.setYRange(min(0.0, float(base.min()) if n else 0.0), top * 1.08 or 1.0, padding=0)
        self.legend.setText(_legend_html(
            [(platform_colour(p).name(), platform_name(p)) for p in series.platforms]))

    def month_totals(self) -> list[int]:
        """The stacked height of each month in fen (what the bars add up to)."""
        if self.series is None:
            return []
        return [self.series.month_total(i) for i in range(len(self.series.months))]

    def index_at(self, scene_pos: QPointF) -> Optional[int]:
        view = self.plot.getViewBox()
        if self.series is None or not view.sceneBoundingRect().contains(scene_pos):
            return None
        index = int(math.floor(view.mapSceneToView(scene_pos).x() + 0.5))
        return index if 0 <= index < len(self.series.months) else None

    def scene_pos_of_month(self, index: int) -> QPointF:
        """The middle of month `index`'s bar (tests click there)."""
        height = self.month_totals()[index] / 100
        return self.plot.getViewBox().mapViewToScene(QPointF(float(index), height / 2))

    def click_month(self, index: int) -> None:
        """As if the user clicked month `index`'s bar."""
        self.month_clicked.emit(self.series.months[index])

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.index_at(event.scenePos())
        if index is not None:
            self.month_clicked.emit(self.series.months[index])

    def tooltip_text(self, index: int) -> str:
        series = self.series
        month = series.months[index]
        lines = [str(month), self.tr("Net sales: %1").replace("%1", format_display(series.month_total(index)))]
        for j, platform in enumerate(series.platforms):
            if series.net_fen[index][j]:
                lines.append(f"  {platform_name(platform)}: {format_display(series.net_fen[index][j])}")
        row = self.rows.get(month)
        if row is not None:
            lines.append(self.tr("Orders: %1 · livestreams: %2")
                         .replace("%1", f"{row.orders:,}").replace("%2", f"{row.livestreams:,}"))
        return "\n".join(lines)

    def _on_moved(self, args) -> None:
        scene_pos = args[0]
        index = self.index_at(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        widget_pos = self.plot_widget.mapFromScene(scene_pos)
        QToolTip.showText(self.plot_widget.mapToGlobal(widget_pos), self.tooltip_text(index), self.plot_widget)


class ShareChart(QWidget):
    """Each platform's share of the period's net sales, as horizontal bars."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.rows: list[PlatformRow] = []
        self.name_axis = pg.AxisItem("left")
        self.percent_axis = pg.AxisItem("bottom")
        _style_axes(self.name_axis, self.percent_axis)
        self.plot_widget = _plot_widget(self, "shareChart", {"left": self.name_axis, "bottom": self.percent_axis})
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=False, alpha=0.12)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brushes=[], pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.title = QLabel(self.tr("Share of net sales by platform"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)

    def set_rows(self, rows: Sequence[PlatformRow]) -> None:
        self.rows = [row for row in rows if row.share is not None]
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        n = len(self.rows)
        y = list(range(n - 1, -1, -1))  # the largest share on top
        widths = [float(row.share) * 100 for row in self.rows]
        self.bars.setOpts(x0=[0.0] * n, y=y, width=widths, height=0.6,
                          brushes=[platform_colour(row.platform) for row in self.rows])
        self.name_axis.setTicks([[(y[i], platform_name(row.platform)) for i, row in enumerate(self.rows)]])
        for i, row in enumerate(self.rows):
            label = pg.TextItem(share_text(row.share), color=TEXT_COLOUR, anchor=(0, 0.5))
            label.setPos(widths[i], y[i])
            self.plot.addItem(label)
            self.labels.append(label)
        self.plot.setXRange(0, max(widths + [10.0]) * 1.25, padding=0)
        self.plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def share_texts(self) -> list[str]:
        return [label.textItem.toPlainText() for label in self.labels]


class CumulativeChart(QWidget):
    """This year's cumulative net sales (to the period's last month) against last year's."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.series: Optional[CumulativeSeries] = None
        self.month_axis = pg.AxisItem("bottom")
        self.money_axis = MoneyAxis("left", current_language())
        _style_axes(self.month_axis, self.money_axis)
        self.plot_widget = _plot_widget(self, "cumulativeChart", {"bottom": self.month_axis, "left": self.money_axis})
        self.plot = self.plot_widget.getPlotItem()
        self.last_year_line = pg.PlotDataItem(pen=pg.mkPen(LAST_YEAR_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                              antialias=True)
        self.this_year_line = pg.PlotDataItem(pen=pg.mkPen(THIS_YEAR_COLOUR, width=2.5), symbol="o", symbolSize=6,
                                              symbolBrush=THIS_YEAR_COLOUR, symbolPen=pg.mkPen("w"), antialias=True)
        self.plot.addItem(self.last_year_line)
        self.plot.addItem(self.this_year_line)
        self.title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)

    def set_series(self, series: CumulativeSeries) -> None:
        self.series = series
        months = list(range(1, 13))
        self.month_axis.setTicks([[(m, month_tick(m)) for m in months]])
        self.last_year_line.setData(months, [v / 100 for v in series.last_year])
        reached = [(m, v / 100) for m, v in zip(months, series.this_year) if v is not None]
        self.this_year_line.setData([m for m, _v in reached], [v for _m, v in reached])
        self.title.setText(
            self.tr("Cumulative net sales") + "&nbsp;&nbsp;" + _legend_html([
                (THIS_YEAR_COLOUR, str(series.year)), (LAST_YEAR_COLOUR, str(series.year - 1))])
        )
        top = max([v for v in series.last_year] + [v or 0 for v in series.this_year] + [100]) / 100
        self.plot.setXRange(0.6, 12.4, padding=0)
        self.plot.setYRange(0, top * 1.08, padding=0)

    def this_year_values(self) -> list[float]:
        _x, y = self.this_year_line.getData()
        return [] if y is None else [float(v) for v in y]


class ReportCharts(QWidget):
    """The three charts: the stacked monthly bars across the top, share and cumulative below."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCharts")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#reportCharts { background: white; }")
        self.bars = PlatformBarsChart(self)
        self.shares = ShareChart(self)
        self.cumulative = CumulativeChart(self)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(self.bars, 0, 0, 1, 2)
        layout.addWidget(self.shares, 1, 0)
        layout.addWidget(self.cumulative, 1, 1)
        layout.setRowStretch(0, 3)
        layout.setRowStretch(1, 2)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

    def show_data(self, series: PlatformSeries, months: Sequence[MonthlyFigures], platforms: Sequence[PlatformRow],
                  cumulative: CumulativeSeries) -> None:
        self.bars.set_series(series, months)
        self.shares.set_rows(platforms)
        self.cumulative.set_series(cumulative)


__all__ = ["ReportCharts", "PlatformBarsChart", "ShareChart", "CumulativeChart"]
