"""The monthly chart: net sales as bars (left axis, in 万 or k), growth % as a line (right axis).

This module imports pyqtgraph (≈ 0.3 s), so the page imports it only when the chart is
first needed, after the window has been painted. The plot, its axes and items are made
once; `set_rows()` only swaps their data.

Bars sit at x = 0 … n−1 with month tick labels (a DateAxisItem would want epoch seconds);
the growth line lives in a second ViewBox whose x is linked to the first and whose
geometry follows it on every resize (pyqtgraph's MultiplePlotAxes example).
"""
from __future__ import annotations

import html
import math
from typing import Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ...domain.metrics import MonthlyFigures
from ...domain.money import COMPACT_FROM_YUAN, compact_units
from ...i18n import current_language
from ...domain.period import Month
from . import texts

BAR_WIDTH = 0.62
LABEL_GAP_PX = 12
ZERO_MAX_FRACTION = 0.35  # how high up the shared zero of both axes may sit
TOP_MARGIN = 0.08
BOTTOM_MARGIN = 0.03


def _decimals_for(spacing: float) -> int:
    """How many decimals tell ticks `spacing` apart (0 … 2)."""
    if spacing <= 0 or spacing >= 1:
        return 0
    return min(2, math.ceil(-math.log10(spacing) - 1e-9))


def _trim(number: str) -> str:
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number


def aligned_ranges(
    bars_min: float, bars_max: float, growth_min: Optional[float], growth_max: Optional[float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Y ranges for the two axes that put both zeros at the same height.

    Then a point of the growth line below the bars' baseline means a decline, as a reader
    expects. The zero sits as high as the more negative series needs (at most 35% up; beyond that the growth axis stretches instead).
    """
    def span_of(low: float, high: float) -> tuple[float, float]:
        low, high = min(low, 0.0), max(high, 0.0)
        return low, high

    b_low, b_high = span_of(bars_min, bars_max)
    if growth_min is None or growth_max is None:
        g_low, g_high = -10.0, 10.0
        fractions = [0.0]
    else:
        g_low, g_high = span_of(growth_min, growth_max)
        fractions = [-g_low / (g_high - g_low) if g_high > g_low else 0.0]
    fractions.append(-b_low / (b_high - b_low) if b_high > b_low else 0.0)
    zero_at = min(ZERO_MAX_FRACTION, max(fractions))

    def fit(low: float, high: float) -> tuple[float, float]:
        if high <= low:
            high = low + 1.0  # all zero: an empty axis of sensible size
        span = max(high / (1 - zero_at), (-low / zero_at) if zero_at > 0 else 0.0)
        bottom, top = -span * zero_at, span * (1 - zero_at)
        return bottom - BOTTOM_MARGIN * span, top + TOP_MARGIN * span

    return fit(b_low, b_high), fit(g_low, g_high)


class MonthAxis(pg.AxisItem):
    """Month labels under the bars: `2025-11`, or `25-11`, every month or every k-th,
    whatever fits the width (so 24 months stay readable at 1366 px)."""

    STEPS = (1, 2, 3, 4, 6, 12)

    def __init__(self) -> None:
        super().__init__("bottom")
        self.months: list[Month] = []
        self.short = False
        self.step = 1

    def set_months(self, months: Sequence[Month]) -> None:
        self.months = list(months)
        self.picture = None
        self.update()

    @staticmethod
    def long_label(month: Month) -> str:
        return str(month)

    @staticmethod
    def short_label(month: Month) -> str:
        return f"{month.year % 100:02d}-{month.month:02d}"

    def month_label(self, month: Month) -> str:
        return self.short_label(month) if self.short else self.long_label(month)

    def tickValues(self, minVal: float, maxVal: float, size: float):
        n = len(self.months)
        if not n or size <= 0 or maxVal <= minVal:
            return []
        per_month = size / (maxVal - minVal)
        metrics = QFontMetrics(self.style["tickFont"] or QApplication.font())
        long_px = metrics.horizontalAdvance("2088-88") + LABEL_GAP_PX
        short_px = metrics.horizontalAdvance("88-88") + LABEL_GAP_PX
        self.short = per_month < long_px
        need = short_px if self.short else long_px
        self.step = next((s for s in self.STEPS if s * per_month >= need), self.STEPS[-1])
        # Count back from the latest month so that it always has its label.
        values = [float(i) for i in range(n - 1, -1, -self.step) if minVal <= i <= maxVal]
        return [(float(self.step), sorted(values))]

    def tickStrings(self, values, scale, spacing):
        out = []
        for value in values:
            index = int(round(value))
            out.append(self.month_label(self.months[index]) if 0 <= index < len(self.months) else "")
        return out


class MoneyAxis(pg.AxisItem):
    """Yuan ticks in the language's compact units, like the cards' money_short(): `50万`,
    `1.5亿` in Chinese, `500k`, `1.5M` in English; `8,000` below the first unit."""

    hide_negative = True  # room below zero is only there for the growth line

    def __init__(self, orientation: str, lang: str = "zh_CN") -> None:
        super().__init__(orientation)
        self.units = compact_units(lang)

    def tickStrings(self, values, scale, spacing):
        top = max((abs(v) for v in values), default=0)
        unit, suffix = 1.0, ""
        for size, name in self.units:
            # As on the cards, figures under ¥10,000 are written in full (8,000, not 8k).
            if top >= max(size, COMPACT_FROM_YUAN):
                unit, suffix = float(size), name
        decimals = _decimals_for(spacing / unit)
        out = []
        for value in values:
            if abs(value) < spacing * 1e-6:
                out.append("0")
            elif value < 0 and self.hide_negative:
                out.append("")
            elif suffix:
                out.append(_trim(f"{value / unit:.{decimals}f}") + suffix)
            else:
                out.append(f"{value:,.{decimals}f}")
        return out


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        decimals = _decimals_for(spacing)
        return ["0%" if abs(v) < spacing * 1e-6 else f"{v:.{decimals}f}%" for v in values]


class MonthlyChart(QWidget):
    """Bars of monthly net sales with the month-on-month growth line, and hover tooltips."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.rows: list[MonthlyFigures] = []
        self.hover_index: Optional[int] = None
        self.hover_text = ""

        tick_font = QFont(QApplication.font())
        text_pen = pg.mkPen("#595959")
        axis_pen = pg.mkPen("#bfbfbf")
        self.month_axis = MonthAxis()
        self.money_axis = MoneyAxis("left", current_language())
        self.growth_axis = PercentAxis("right")
        for axis in (self.month_axis, self.money_axis, self.growth_axis):
            axis.setTickFont(tick_font)
            axis.setTextPen(text_pen)
            axis.setPen(axis_pen)
            axis.enableAutoSIPrefix(False)
        self.month_axis.setStyle(hideOverlappingLabels=False)

        self.plot_widget = pg.PlotWidget(
            self,
            background="w",
            axisItems={"bottom": self.month_axis, "left": self.money_axis, "right": self.growth_axis},
            enableMenu=False,
        )
        self.plot_widget.setObjectName("monthlyChart")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showAxis("right")
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.12)
        self.plot.setLabel("left", self.tr("Net sales (¥)"), color=texts.BAR_COLOUR)
        self.plot.setLabel("right", self.tr("Growth vs previous month (%)"), color=texts.LINE_COLOUR)
        self.plot.getViewBox().setDefaultPadding(0.04)

        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, brush=texts.BAR_COLOUR, pen=pg.mkPen(None))
        self.highlight = pg.BarGraphItem(
            x=[], height=[], width=BAR_WIDTH, brush=texts.BAR_HOVER_COLOUR, pen=pg.mkPen(None)
        )
        self.plot.addItem(self.bars)
        self.plot.addItem(self.highlight, ignoreBounds=True)

        # The growth line: a second ViewBox on the right axis, x linked to the bars' view.
        self.growth_view = pg.ViewBox(enableMenu=False)
        self.growth_view.setMouseEnabled(x=False, y=False)
        self.growth_view.setDefaultPadding(0.08)
        self.plot.scene().addItem(self.growth_view)
        self.growth_view.setZValue(self.plot.zValue() + 1)  # the line over the bars
        self.growth_axis.linkToView(self.growth_view)
        self.growth_view.setXLink(self.plot.getViewBox())
        self.zero_line = pg.InfiniteLine(
            pos=0, angle=0, pen=pg.mkPen(QColor(texts.LINE_COLOUR), width=1, style=Qt.PenStyle.DotLine)
        )
        self.growth_view.addItem(self.zero_line, ignoreBounds=True)
        self.growth_line = pg.PlotDataItem(
            x=[],
            y=[],
            pen=pg.mkPen(texts.LINE_COLOUR, width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=texts.LINE_COLOUR,
            symbolPen=pg.mkPen("w"),
            connect="finite",
            antialias=True,
        )
        self.growth_view.addItem(self.growth_line)
        self.plot.getViewBox().sigResized.connect(self._sync_views)
        self._sync_views()

        self._mouse_proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved)

        self.legend = QLabel(self)
        self.legend.setObjectName("chartLegend")
        bars_text = html.escape(self.tr("Net sales (left axis)"))
        line_text = html.escape(
            self.tr("Growth vs previous month (right axis); gaps where the previous month had no sales")
        )
        self.legend.setText(
            f'<span style="color:{texts.BAR_COLOUR}">■</span> {bars_text}'
            f'&nbsp;&nbsp;&nbsp;<span style="color:{texts.LINE_COLOUR}">●</span> {line_text}'
        )
        self.legend.setStyleSheet("color: #595959;")
        header = QHBoxLayout()
        header.setContentsMargins(8, 0, 8, 0)
        header.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.plot_widget, 1)

    # --- data --------------------------------------------------------------
    def set_rows(self, rows: Sequence[MonthlyFigures]) -> None:
        """Show these months; nothing is redrawn when they are the ones on screen."""
        rows = list(rows)
        if rows == self.rows and self.bars.opts.get("height") is not None:
            return
        self.rows = rows
        n = len(self.rows)
        x = np.arange(n, dtype=float)
        heights = np.array([row.net_sales_fen / 100 for row in self.rows], dtype=float)
        growth = np.array(
            [float(row.mom_growth_pct) if row.mom_growth_pct is not None else np.nan for row in self.rows],
            dtype=float,
        )
        self._clear_hover()
        self.month_axis.set_months([row.month for row in self.rows])
        self.bars.setOpts(x=x, height=heights, width=BAR_WIDTH)
        if np.isfinite(growth).any():
            self.growth_line.setData(x=x, y=growth)
        else:
            self.growth_line.setData(x=[], y=[])
        self.plot.setXRange(-0.5, max(n, 1) - 0.5, padding=0.01)
        finite = growth[np.isfinite(growth)]
        (bars_low, bars_high), (growth_low, growth_high) = aligned_ranges(
            float(heights.min()) if n else 0.0,
            float(heights.max()) if n else 0.0,
            float(finite.min()) if finite.size else None,
            float(finite.max()) if finite.size else None,
        )
        self.money_axis.hide_negative = not (n and heights.min() < 0)
        self.plot.setYRange(bars_low, bars_high, padding=0)
        self.growth_view.setYRange(growth_low, growth_high, padding=0)

    def bar_heights(self) -> list[float]:
        heights = self.bars.opts.get("height")
        return [] if heights is None else [float(h) for h in heights]

    def bar_positions(self) -> list[float]:
        xs = self.bars.opts.get("x")
        return [] if xs is None else [float(x) for x in xs]

    def growth_values(self) -> list[Optional[float]]:
        """The growth line's y values by month; None where the line has a gap."""
        _x, y = self.growth_line.getData()
        if y is None or len(y) == 0:
            return [None] * len(self.rows)
        return [float(v) if math.isfinite(v) else None for v in y]

    def month_labels(self) -> list[str]:
        return [self.month_axis.month_label(row.month) for row in self.rows]

    # --- hover -------------------------------------------------------------
    def scene_pos_of_bar(self, index: int) -> QPointF:
        """Where bar `index` is on the scene (half-way up), e.g. to simulate a hover."""
        height = self.bar_heights()[index]
        return self.plot.getViewBox().mapViewToScene(QPointF(float(index), height / 2))

    def _on_mouse_moved(self, args) -> None:
        self.hover_at(args[0])

    def hover_at(self, scene_pos: QPointF) -> str:
        """Show the exact figures of the month under `scene_pos`; returns the tooltip text."""
        view = self.plot.getViewBox()
        if not self.rows or not view.sceneBoundingRect().contains(scene_pos):
            self._clear_hover()
            return ""
        x = view.mapSceneToView(scene_pos).x()
        index = int(math.floor(x + 0.5))
        if not 0 <= index < len(self.rows):
            self._clear_hover()
            return ""
        row = self.rows[index]
        text = texts.tooltip_text(row)
        if index != self.hover_index:
            self.highlight.setOpts(x=[float(index)], height=[row.net_sales_fen / 100], width=BAR_WIDTH)
        self.hover_index = index
        self.hover_text = text
        widget_pos = self.plot_widget.mapFromScene(scene_pos)
        QToolTip.showText(self.plot_widget.mapToGlobal(widget_pos), text, self.plot_widget)
        return text

    def _clear_hover(self) -> None:
        if self.hover_index is not None:
            self.highlight.setOpts(x=[], height=[], width=BAR_WIDTH)
            QToolTip.hideText()
        self.hover_index = None
        self.hover_text = ""

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt name
        self._clear_hover()
        super().leaveEvent(event)

    def _sync_views(self) -> None:
        view = self.plot.getViewBox()
        self.growth_view.setGeometry(view.sceneBoundingRect())
        self.growth_view.linkedViewChanged(view, self.growth_view.XAxis)
