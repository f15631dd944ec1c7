"""The 战报 cards as phone-sized images (1080 px wide), drawn with QPainter.

The look follows the platforms' own 直播战报: a coloured head with the big net sales figure,
a few stat tiles, then a ranked list (top products; for a month, the best livestream and the
producers helped). Colours are the dashboard's (ui/dashboard/texts.py). The figures come from
services.reports.cards; nothing is computed here but text.

Needs a QGuiApplication (fonts), no widgets: the CLI's `export card` draws offscreen.
`translate` defaults to the installed Qt translators; the CLI passes its catalogue translator.
"""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen

from ...domain.metrics import round_pct
from ...domain.money import format_display, format_short
from ...services.reports.cards import LivestreamCard, MonthCard
from ..dashboard.texts import BAR_COLOUR, BAR_HOVER_COLOUR, DOWN_COLOUR, FLAT_COLOUR, LINE_COLOUR, MUTED_COLOUR, UP_COLOUR

Translate = Callable[[str, str], str]
CONTEXT = "Card"
WIDTH = 1080
MARGIN = 60
FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "Noto Sans Mono CJK SC", "Noto Serif CJK SC", "sans-serif"]
TEXT_COLOUR = "#262626"
PANEL_COLOUR = "#f5f7fa"
BACKGROUND = "#ffffff"

_PLATFORMS = {
    "douyin": QT_TRANSLATE_NOOP("Platform", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("Platform", "Kuaishou"),
    "shipinhao": QT_TRANSLATE_NOOP("Platform", "WeChat Channels"),
    "taobao": QT_TRANSLATE_NOOP("Platform", "Taobao Live"),
    "jd": QT_TRANSLATE_NOOP("Platform", "JD Live"),
    "pinduoduo": QT_TRANSLATE_NOOP("Platform", "Pinduoduo"),
    "other": QT_TRANSLATE_NOOP("Platform", "Other"),
}
# lupdate extracts only literal texts: every label is marked here and translated when used
_LABELS = (
    QT_TRANSLATE_NOOP("Card", "Livestream results"),
    QT_TRANSLATE_NOOP("Card", "Monthly results"),
    QT_TRANSLATE_NOOP("Card", "Net sales"),
    QT_TRANSLATE_NOOP("Card", "Orders"),
    QT_TRANSLATE_NOOP("Card", "Viewers"),
    QT_TRANSLATE_NOOP("Card", "GPM"),
    QT_TRANSLATE_NOOP("Card", "Units sold"),
    QT_TRANSLATE_NOOP("Card", "Conversion"),
    QT_TRANSLATE_NOOP("Card", "Top products"),
    QT_TRANSLATE_NOOP("Card", "No sales yet"),
    QT_TRANSLATE_NOOP("Card", "{units} units"),
    QT_TRANSLATE_NOOP("Card", "Host {name}"),
    QT_TRANSLATE_NOOP("Card", "vs last month"),
    QT_TRANSLATE_NOOP("Card", "Livestreams"),
    QT_TRANSLATE_NOOP("Card", "Producers helped"),
    QT_TRANSLATE_NOOP("Card", "Best livestream"),
    QT_TRANSLATE_NOOP("Card", "Producers helped most"),
    QT_TRANSLATE_NOOP("Card", "{year}-{month:02d}"),
    QT_TRANSLATE_NOOP("Card", "Made with Livestream Desk · {moment}"),
    QT_TRANSLATE_NOOP("Card", "No livestream this month"),
    QT_TRANSLATE_NOOP("Card", "GMV {gmv}"),
    QT_TRANSLATE_NOOP("Card", "Last month {amount}"),
)


def _translator(translate: Optional[Translate]) -> Translate:
    return translate or QCoreApplication.translate


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(int(pixels))
    font.setBold(bold)
    return font


def growth_text(value: Optional[Decimal]) -> tuple[str, str]:
    """(text, colour): ↑12.3% red, ↓4.5% green, 0.0% grey, — when undefined."""
    rounded = round_pct(value)
    if rounded is None:
        return "—", FLAT_COLOUR
    if rounded > 0:
        return f"↑{rounded}%", UP_COLOUR
    if rounded < 0:
        return f"↓{-rounded}%", DOWN_COLOUR
    return "0.0%", FLAT_COLOUR


def gpm_text(gpm_fen: Optional[Decimal]) -> str:
    if gpm_fen is None:
        return "—"
    return format_display(int(gpm_fen.quantize(Decimal(1))))


def percent_text(value: Optional[Decimal]) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.01'))}%"


def count_text(value: Optional[int]) -> str:
    return "—" if value is None else f"{value:,}"


class _Painter:
    """A QPainter on a white image with the card's few drawing moves."""

    def __init__(self, height: int):
        self.image = QImage(WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)
        self.image.fill(QColor(BACKGROUND))
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def text(self, rect: QRectF, text: str, size: float, colour: str, *, bold: bool = False,
             align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
        font = _font(size, bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.painter.drawText(rect, int(align), elided)

    def panel(self, rect: QRectF, colour: str = PANEL_COLOUR, radius: float = 24) -> None:
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(QColor(colour)))
        self.painter.drawRoundedRect(rect, radius, radius)

    def head(self, height: float) -> None:
        gradient = QLinearGradient(QPointF(0, 0), QPointF(WIDTH, height))
        gradient.setColorAt(0, QColor(BAR_COLOUR))
        gradient.setColorAt(1, QColor(BAR_HOVER_COLOUR))
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(gradient))
        self.painter.drawRect(QRectF(0, 0, WIDTH, height))

    def rank_badge(self, x: float, y: float, rank: int) -> None:
        colour = (LINE_COLOUR, BAR_COLOUR, "#73a0fa")[rank - 1] if rank <= 3 else "#bfbfbf"
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(QColor(colour)))
        self.painter.drawEllipse(QRectF(x, y, 56, 56))
        self.text(QRectF(x, y, 56, 56), str(rank), 28, "#ffffff", bold=True, align=Qt.AlignmentFlag.AlignCenter)

    def line(self, y: float) -> None:
        self.painter.setPen(QPen(QColor("#e3e6eb"), 2))
        self.painter.drawLine(QPointF(MARGIN, y), QPointF(WIDTH - MARGIN, y))

    def finish(self) -> QImage:
        self.painter.end()
        return self.image


HEAD_HEIGHT = 560
TILE_HEIGHT = 190
ROW_HEIGHT = 112


def _head(p: _Painter, kicker: str, title: str, subtitle: str, label: str, figure: str, detail: str = "") -> None:
    p.head(HEAD_HEIGHT)
    width = WIDTH - 2 * MARGIN
    p.text(QRectF(MARGIN, 56, width, 50), kicker, 34, "#e6efff", bold=True)
    p.text(QRectF(MARGIN, 116, width, 70), title, 50, "#ffffff", bold=True)
    p.text(QRectF(MARGIN, 192, width, 46), subtitle, 30, "#e6efff")
    p.text(QRectF(MARGIN, 280, width, 44), label, 32, "#e6efff")
    p.text(QRectF(MARGIN, 326, width, 150), figure, 120, "#ffffff", bold=True)
    if detail:
        p.text(QRectF(MARGIN, 480, width, 44), detail, 30, "#e6efff")


def _tiles(p: _Painter, top: float, tiles: Sequence[tuple[str, str, str]]) -> float:
    """Stat tiles two a row: (label, value, value colour); returns the y below them."""
    gap = 30
    tile_width = (WIDTH - 2 * MARGIN - gap) / 2
    for index, (label, value, colour) in enumerate(tiles):
        x = MARGIN + (index % 2) * (tile_width + gap)
        y = top + (index // 2) * (TILE_HEIGHT + gap)
        p.panel(QRectF(x, y, tile_width, TILE_HEIGHT))
        p.text(QRectF(x + 36, y + 28, tile_width - 72, 44), label, 30, MUTED_COLOUR)
        p.text(QRectF(x + 36, y + 80, tile_width - 72, 80), value, 58, colour, bold=True)
    rows = (len(tiles) + 1) // 2
    return top + rows * (TILE_HEIGHT + gap)


def _footer(p: _Painter, y: float, text: str) -> None:
    p.text(QRectF(MARGIN, y, WIDTH - 2 * MARGIN, 50), text, 26, MUTED_COLOUR, align=Qt.AlignmentFlag.AlignCenter)


def _platform(code: str, tx: Translate) -> str:
    source = _PLATFORMS.get(code)
    return tx("Platform", source) if source else code


def livestream_card_height(data: LivestreamCard) -> int:
    rows = max(len(data.top_products), 1)
    return HEAD_HEIGHT + 60 + 2 * (TILE_HEIGHT + 30) + 20 + 90 + rows * ROW_HEIGHT + 150


def render_livestream_card(data: LivestreamCard, translate: Optional[Translate] = None) -> QImage:
    """The card of one livestream: net sales, orders, viewers, GPM, units, top products."""
    tx = _translator(translate)

    def t(text: str) -> str:
        return tx(CONTEXT, text)

    p = _Painter(livestream_card_height(data))
    subtitle = " · ".join(part for part in (
        f"{data.start:%Y-%m-%d %H:%M}", _platform(data.platform, tx),
        t("Host {name}").format(name=data.host_name) if data.host_name else "", data.account_name) if part)
    _head(p, t("Livestream results"), data.title, subtitle, t("Net sales"), format_display(data.net_sales_fen),
          t("GMV {gmv}").format(gmv=format_display(data.gmv_fen)))
    y = _tiles(p, HEAD_HEIGHT + 60, [
        (t("Orders"), count_text(data.orders), TEXT_COLOUR),
        (t("Viewers"), count_text(data.viewers), TEXT_COLOUR),
        (t("GPM"), gpm_text(data.gpm_fen), TEXT_COLOUR),
        (t("Units sold"), count_text(data.units), TEXT_COLOUR),
    ])
    y += 20
    p.text(QRectF(MARGIN, y, WIDTH - 2 * MARGIN, 60), t("Top products"), 40, TEXT_COLOUR, bold=True)
    y += 90
    if not data.top_products:
        p.text(QRectF(MARGIN, y, WIDTH - 2 * MARGIN, ROW_HEIGHT), t("No sales yet"), 32, MUTED_COLOUR)
        y += ROW_HEIGHT
    for rank, product in enumerate(data.top_products, start=1):
        p.rank_badge(MARGIN, y + 20, rank)
        name = f"{product.name} {product.spec}".strip()
        p.text(QRectF(MARGIN + 80, y + 10, 560, 50), name, 34, TEXT_COLOUR, bold=True)
        p.text(QRectF(MARGIN + 80, y + 58, 560, 40), t("{units} units").format(units=f"{product.units:,}"), 28, MUTED_COLOUR)
        p.text(QRectF(WIDTH - MARGIN - 320, y + 10, 320, 90), format_display(product.net_sales_fen), 40, UP_COLOUR,
               bold=True, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y += ROW_HEIGHT
        p.line(y - 6)
    _footer(p, y + 60, t("Made with Livestream Desk · {moment}").format(moment=f"{data.made_at:%Y-%m-%d %H:%M}"))
    return p.finish()


def month_card_height(data: MonthCard) -> int:
    rows = max(len(data.top_producers), 1)
    return HEAD_HEIGHT + 60 + 2 * (TILE_HEIGHT + 30) + 20 + 90 + 170 + 40 + 90 + rows * ROW_HEIGHT + 150


def render_month_card(data: MonthCard, translate: Optional[Translate] = None) -> QImage:
    """The card of one month: net sales, growth, the best livestream, the producers helped."""
    tx = _translator(translate)

    def t(text: str) -> str:
        return tx(CONTEXT, text)

    p = _Painter(month_card_height(data))
    month = t("{year}-{month:02d}").format(year=data.month.year, month=data.month.month)
    growth, growth_colour = growth_text(data.growth_pct)
    _head(p, t("Monthly results"), month, "", t("Net sales"), format_display(data.net_sales_fen),
          t("Last month {amount}").format(amount=format_display(data.previous_net_fen)))
    y = _tiles(p, HEAD_HEIGHT + 60, [
        (t("vs last month"), growth, growth_colour),
        (t("Orders"), count_text(data.orders), TEXT_COLOUR),
        (t("Livestreams"), count_text(data.livestreams), TEXT_COLOUR),
        (t("Producers helped"), count_text(data.producers_helped), TEXT_COLOUR),
    ])
    y += 20
    width = WIDTH - 2 * MARGIN
    p.text(QRectF(MARGIN, y, width, 60), t("Best livestream"), 40, TEXT_COLOUR, bold=True)
    y += 90
    p.panel(QRectF(MARGIN, y, width, 170))
    best = data.best_livestream
    if best is None:
        p.text(QRectF(MARGIN + 36, y, width - 72, 170), t("No livestream this month"), 32, MUTED_COLOUR)
    else:
        p.text(QRectF(MARGIN + 36, y + 24, width - 72, 56), best.title, 36, TEXT_COLOUR, bold=True)
        detail = " · ".join(part for part in (f"{best.start:%m-%d %H:%M}", _platform(best.platform, tx),
                                               t("Host {name}").format(name=best.host_name) if best.host_name else "") if part)
        p.text(QRectF(MARGIN + 36, y + 92, width - 420, 50), detail, 28, MUTED_COLOUR)
        p.text(QRectF(WIDTH - MARGIN - 380, y + 84, 344, 64), format_display(best.net_sales_fen), 42, UP_COLOUR, bold=True,
               align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    y += 170 + 40
    p.text(QRectF(MARGIN, y, width, 60), t("Producers helped most"), 40, TEXT_COLOUR, bold=True)
    y += 90
    if not data.top_producers:
        p.text(QRectF(MARGIN, y, width, ROW_HEIGHT), t("No sales yet"), 32, MUTED_COLOUR)
        y += ROW_HEIGHT
    for rank, producer in enumerate(data.top_producers, start=1):
        p.rank_badge(MARGIN, y + 20, rank)
        p.text(QRectF(MARGIN + 80, y + 10, 560, 50), producer.name, 34, TEXT_COLOUR, bold=True)
        detail = " · ".join(part for part in (producer.kind, producer.village,
                                               t("{units} units").format(units=f"{producer.units:,}")) if part)
        p.text(QRectF(MARGIN + 80, y + 58, 560, 40), detail, 28, MUTED_COLOUR)
        p.text(QRectF(WIDTH - MARGIN - 320, y + 10, 320, 90), format_short(producer.net_sales_fen), 40, UP_COLOUR,
               bold=True, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y += ROW_HEIGHT
        p.line(y - 6)
    _footer(p, y + 60, t("Made with Livestream Desk · {moment}").format(moment=f"{data.made_at:%Y-%m-%d %H:%M}"))
    return p.finish()


def save_card_png(image: QImage, path: Union[str, Path]) -> Path:
    """Write the card to `path` as PNG; the file appears only when complete (OSError otherwise)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"cannot write {path}")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


__all__ = ["WIDTH", "render_livestream_card", "render_month_card", "save_card_png", "growth_text",
           "livestream_card_height", "month_card_height"]
