"""A period's report as an A4 PDF: title, figures with their comparisons, charts, tables.

Laid out as an HTML QTextDocument printed on a QPdfWriter (like the run sheet); the two
charts (monthly net sales stacked by platform; this year's cumulative net sales against last
year's) are drawn with QPainter into images the document holds as resources. The data is a
services.reports.PeriodReport; nothing is computed here but text.

Needs a QGuiApplication (fonts), no widgets: the CLI's `export report --to FILE.pdf` calls it
offscreen. `translate` defaults to the installed Qt translators.
"""
from __future__ import annotations

import html
import os
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter, QPen, QTextDocument

from ...domain.metrics import round_pct
from ...domain.money import format_display, format_short
from ...services.reports import OTHERS, Breakdown, GroupRow, PeriodReport
from .. import theme
from ..dashboard.texts import BAR_COLOUR, MUTED_COLOUR
from ..schedule.runsheet import FONT_FAMILIES, a4_layout

Translate = Callable[[str, str], str]
CONTEXT = "ReportPdf"
PLATFORM_COLOURS = theme.PLATFORM_COLOURS  # as on screen
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
    QT_TRANSLATE_NOOP("ReportPdf", "Sales report {period}"),
    QT_TRANSLATE_NOOP("ReportPdf", "{first} to {last} · made {moment}"),
    QT_TRANSLATE_NOOP("ReportPdf", "Key figures"),
    QT_TRANSLATE_NOOP("ReportPdf", "Figure"),
    QT_TRANSLATE_NOOP("ReportPdf", "This period"),
    QT_TRANSLATE_NOOP("ReportPdf", "Previous ({period})"),
    QT_TRANSLATE_NOOP("ReportPdf", "Change"),
    QT_TRANSLATE_NOOP("ReportPdf", "A year ago ({period})"),
    QT_TRANSLATE_NOOP("ReportPdf", "Net sales"),
    QT_TRANSLATE_NOOP("ReportPdf", "GMV"),
    QT_TRANSLATE_NOOP("ReportPdf", "Refunds"),
    QT_TRANSLATE_NOOP("ReportPdf", "Orders"),
    QT_TRANSLATE_NOOP("ReportPdf", "Units"),
    QT_TRANSLATE_NOOP("ReportPdf", "Livestreams"),
    QT_TRANSLATE_NOOP("ReportPdf", "Viewers"),
    QT_TRANSLATE_NOOP("ReportPdf", "Ad spend"),
    QT_TRANSLATE_NOOP("ReportPdf", "GPM"),
    QT_TRANSLATE_NOOP("ReportPdf", "ROI"),
    QT_TRANSLATE_NOOP("ReportPdf", "Target"),
    QT_TRANSLATE_NOOP("ReportPdf", "Target reached"),
    QT_TRANSLATE_NOOP("ReportPdf", "Monthly net sales by platform"),
    QT_TRANSLATE_NOOP("ReportPdf", "Cumulative net sales: {year} against {last_year}"),
    QT_TRANSLATE_NOOP("ReportPdf", "By platform"),
    QT_TRANSLATE_NOOP("ReportPdf", "By category"),
    QT_TRANSLATE_NOOP("ReportPdf", "Top products"),
    QT_TRANSLATE_NOOP("ReportPdf", "By origin"),
    QT_TRANSLATE_NOOP("ReportPdf", "Producers (farmers helped)"),
    QT_TRANSLATE_NOOP("ReportPdf", "By host"),
    QT_TRANSLATE_NOOP("ReportPdf", "Livestream ranking"),
    QT_TRANSLATE_NOOP("ReportPdf", "Platform"),
    QT_TRANSLATE_NOOP("ReportPdf", "Category"),
    QT_TRANSLATE_NOOP("ReportPdf", "Product"),
    QT_TRANSLATE_NOOP("ReportPdf", "Origin"),
    QT_TRANSLATE_NOOP("ReportPdf", "Producer"),
    QT_TRANSLATE_NOOP("ReportPdf", "Kind"),
    QT_TRANSLATE_NOOP("ReportPdf", "Village"),
    QT_TRANSLATE_NOOP("ReportPdf", "Host"),
    QT_TRANSLATE_NOOP("ReportPdf", "Livestream"),
    QT_TRANSLATE_NOOP("ReportPdf", "Start"),
    QT_TRANSLATE_NOOP("ReportPdf", "Share"),
    QT_TRANSLATE_NOOP("ReportPdf", "Others"),
    QT_TRANSLATE_NOOP("ReportPdf", "Not set"),
    QT_TRANSLATE_NOOP("ReportPdf", "No sales in this period."),
    QT_TRANSLATE_NOOP("ReportPdf", "{count} more livestreams in the workbook"),
    QT_TRANSLATE_NOOP("ReportPdf", "Sales report"),
)
MAX_LIVESTREAMS = 20  # the PDF ranks the best; the workbook has them all


def _translator(translate: Optional[Translate]) -> Translate:
    return translate or QCoreApplication.translate


def _pct(value: Optional[Decimal]) -> str:
    rounded = round_pct(value)
    if rounded is None:
        return "—"
    return f"+{rounded}%" if rounded > 0 else f"{rounded}%"


def _share(value: Optional[Decimal]) -> str:
    return "—" if value is None else f"{(value * 100).quantize(Decimal('0.1'))}%"


def _yuan_ratio(fen: Optional[Decimal]) -> str:
    return "—" if fen is None else format_display(int(fen.quantize(Decimal(1))))


def _ratio(value: Optional[Decimal]) -> str:
    return "—" if value is None else str(value.quantize(Decimal("0.01")))


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([f.strip(" '") for f in FONT_FAMILIES.split(",")])
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


# --- charts as images ------------------------------------------------------------------------

CHART_SIZE = (1800, 720)


def _axes(painter: QPainter, plot: QRectF, top_value: int, lang_short: Callable[[int], str]) -> None:
    painter.setFont(_font(24))
    for step in range(5):
        value = top_value * step // 4
        y = plot.bottom() - plot.height() * step / 4
        painter.setPen(QPen(QColor("#e3e6eb"), 2))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(MUTED_COLOUR))
        painter.drawText(QRectF(0, y - 16, plot.left() - 12, 32),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), lang_short(value))


def _nice_top(value: int) -> int:
    if value <= 0:
        return 100
    magnitude = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return int(factor * magnitude)
    return 10 * magnitude


def _legend(painter: QPainter, x: float, entries: Sequence[tuple[str, str]]) -> None:
    painter.setFont(_font(26))
    for label, colour in entries:
        painter.fillRect(QRectF(x, 22, 28, 28), QColor(colour))
        painter.setPen(QColor("#262626"))
        width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QRectF(x + 36, 12, width + 10, 48), int(Qt.AlignmentFlag.AlignVCenter), label)
        x += 36 + width + 40


def stacked_bars_image(report: PeriodReport, tx: Translate) -> QImage:
    """Net sales per month, one coloured segment per platform."""
    series = report.series
    image = QImage(*CHART_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = QRectF(180, 80, CHART_SIZE[0] - 220, CHART_SIZE[1] - 160)
    totals = [sum(v for v in values if v > 0) for values in series.net_fen]
    top = _nice_top(max(totals, default=0))
    _axes(painter, plot, top, format_short)
    slot = plot.width() / max(len(series.months), 1)
    bar = min(slot * 0.6, 120)
    painter.setFont(_font(24))
    for index, month in enumerate(series.months):
        x = plot.left() + slot * index + (slot - bar) / 2
        y = plot.bottom()
        for platform, value in zip(series.platforms, series.net_fen[index]):
            if value <= 0:
                continue
            height = plot.height() * value / top
            painter.fillRect(QRectF(x, y - height, bar, height), QColor(PLATFORM_COLOURS.get(platform, "#8c8c8c")))
            y -= height
        if len(series.months) <= 13 or index % 2 == 0:
            painter.setPen(QColor(MUTED_COLOUR))
            painter.drawText(QRectF(x - 40, plot.bottom() + 8, bar + 80, 40), int(Qt.AlignmentFlag.AlignCenter), str(month)[2:])
    _legend(painter, plot.left(), [(_platform(p, tx), PLATFORM_COLOURS.get(p, "#8c8c8c")) for p in series.platforms])
    painter.end()
    return image


def cumulative_image(report: PeriodReport, tx: Translate) -> QImage:
    """This year's cumulative net sales (solid) against last year's (dashed), Jan to Dec."""
    series = report.cumulative
    image = QImage(*CHART_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = QRectF(180, 80, CHART_SIZE[0] - 220, CHART_SIZE[1] - 160)
    values = [v for v in series.this_year if v is not None] + list(series.last_year)
    top = _nice_top(max(values, default=0))
    _axes(painter, plot, top, format_short)
    step = plot.width() / 11

    def point(index: int, value: int) -> QPointF:
        return QPointF(plot.left() + step * index, plot.bottom() - plot.height() * max(value, 0) / top)

    last_pen = QPen(QColor(MUTED_COLOUR), 5, Qt.PenStyle.DashLine)
    painter.setPen(last_pen)
    painter.drawPolyline([point(i, v) for i, v in enumerate(series.last_year)])
    this_points = [point(i, v) for i, v in enumerate(series.this_year) if v is not None]
    painter.setPen(QPen(QColor(BAR_COLOUR), 7))
    if len(this_points) > 1:
        painter.drawPolyline(this_points)
    for p in this_points:
        painter.drawEllipse(p, 6, 6)
    painter.setFont(_font(24))
    painter.setPen(QColor(MUTED_COLOUR))
    for index in range(12):
        painter.drawText(QRectF(plot.left() + step * index - 40, plot.bottom() + 8, 80, 40),
                         int(Qt.AlignmentFlag.AlignCenter), f"{index + 1:02d}")
    _legend(painter, plot.left(), [(str(series.year), BAR_COLOUR), (str(series.year - 1), MUTED_COLOUR)])
    painter.end()
    return image


# --- the document ----------------------------------------------------------------------------


def _platform(code: str, tx: Translate) -> str:
    source = _PLATFORMS.get(code)
    return tx("Platform", source) if source else code


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right_from: int = 1) -> str:
    esc = html.escape
    th = "".join(
        f"<th style='background:#f0f0f0; padding:3px; text-align:{'right' if i >= right_from else 'left'}'>{esc(h)}</th>"
        for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = "".join(
            f"<td style='padding:3px' align='{'right' if i >= right_from else 'left'}'>{esc(cell)}</td>"
            for i, cell in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='0' "
            "style='border-collapse:collapse; border-color:#bbb; margin-top:4px'>"
            f"<thead><tr>{th}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _group_name(row: GroupRow, tx: Translate) -> str:
    if row.key == OTHERS:
        return tx(CONTEXT, "Others")
    if row.key is None:
        return tx(CONTEXT, "Not set")
    return row.name


def _group_rows(breakdown: Breakdown, tx: Translate, extra: Callable[[GroupRow], list[str]] = lambda r: []) -> list[list[str]]:
    return [[_group_name(r, tx), *extra(r), format_display(r.net_sales_fen), f"{r.units:,}", _share(r.share)]
            for r in breakdown.all_rows]


def report_html(report: PeriodReport, translate: Optional[Translate] = None) -> str:
    """The report as HTML (QTextDocument's subset); charts as <img src='chart://…'>."""
    tx = _translator(translate)
    esc = html.escape

    def t(text: str) -> str:
        return tx(CONTEXT, text)

    summary = report.summary
    parts = [
        f"<html><body style=\"font-family:{FONT_FAMILIES}; font-size:9pt\">",
        f"<h1 style='margin:0'>{esc(t('Sales report {period}').format(period=report.period.label))}</h1>",
        "<p style='margin:2px 0; color:#666'>" + esc(t("{first} to {last} · made {moment}").format(
            first=str(report.period.first), last=str(report.period.last), moment=f"{report.made_at:%Y-%m-%d %H:%M}")) + "</p>",
        f"<h3>{esc(t('Key figures'))}</h3>",
    ]
    money = {"net_sales_fen", "gmv_fen", "refunds_fen", "ad_spend_fen"}
    figure_rows = []
    for label, name in (("Net sales", "net_sales_fen"), ("GMV", "gmv_fen"), ("Refunds", "refunds_fen"),
                        ("Orders", "orders"), ("Units", "units"), ("Livestreams", "livestreams"),
                        ("Viewers", "viewers"), ("Ad spend", "ad_spend_fen")):
        show = format_display if name in money else (lambda v: f"{v:,}")
        mom, yoy = summary.vs_previous(name), summary.vs_year_ago(name)
        figure_rows.append([t(label), show(mom.current), show(mom.base), _pct(mom.pct), show(yoy.base), _pct(yoy.pct)])
    current, previous, year_ago = summary.current, summary.previous, summary.year_ago
    figure_rows.append([t("GPM"), _yuan_ratio(current.gpm_fen), _yuan_ratio(previous.gpm_fen), "", _yuan_ratio(year_ago.gpm_fen), ""])
    figure_rows.append([t("ROI"), _ratio(current.roi), _ratio(previous.roi), "", _ratio(year_ago.roi), ""])
    overall = report.targets.overall
    if overall.target_fen is not None:
        figure_rows.append([t("Target"), format_display(overall.target_fen), "", "", "", ""])
        figure_rows.append([t("Target reached"), _share(overall.share), "", "", "", ""])
    parts.append(_table([t("Figure"), t("This period"), t("Previous ({period})").format(period=previous.period.label),
                         t("Change"), t("A year ago ({period})").format(period=year_ago.period.label), t("Change")],
                        figure_rows))
    if not current.gmv_fen and not report.livestreams:
        parts.append(f"<p style='color:#999'>{esc(t('No sales in this period.'))}</p>")
    parts.append(f"<h3>{esc(t('Monthly net sales by platform'))}</h3><p><img src='chart://bars' width='520'></p>")
    cumulative = report.cumulative
    parts.append("<h3>" + esc(t("Cumulative net sales: {year} against {last_year}").format(
        year=cumulative.year, last_year=cumulative.year - 1)) + "</h3><p><img src='chart://cumulative' width='520'></p>")

    parts.append(f"<h3>{esc(t('By platform'))}</h3>")
    parts.append(_table([t("Platform"), t("Net sales"), t("GMV"), t("Orders"), t("Units"), t("Livestreams"), t("Share")],
                        [[_platform(r.platform, tx), format_display(r.net_sales_fen), format_display(r.gmv_fen),
                          f"{r.orders:,}", f"{r.units:,}", f"{r.livestreams:,}", _share(r.share)] for r in report.platforms]))
    parts.append(f"<h3>{esc(t('By category'))}</h3>")
    parts.append(_table([t("Category"), t("Net sales"), t("Units"), t("Share")], _group_rows(report.categories, tx)))
    parts.append(f"<h3>{esc(t('Top products'))}</h3>")
    parts.append(_table([t("Product"), t("Net sales"), t("Units"), t("Share")], _group_rows(report.products, tx)))
    parts.append(f"<h3>{esc(t('By origin'))}</h3>")
    parts.append(_table([t("Origin"), t("Net sales"), t("Units"), t("Share")], _group_rows(report.origins, tx)))
    parts.append(f"<h3>{esc(t('Producers (farmers helped)'))}</h3>")
    parts.append(_table([t("Producer"), t("Kind"), t("Village"), t("Net sales"), t("Units"), t("Share")],
                        _group_rows(report.producers, tx, lambda r: [r.kind, r.village]), right_from=3))
    parts.append(f"<h3>{esc(t('By host'))}</h3>")
    parts.append(_table([t("Host"), t("Livestreams"), t("Net sales"), t("GPM"), t("ROI"), t("Share")],
                        [[r.name if r.host_id is not None else t("Not set"), f"{r.livestreams:,}", format_display(r.net_sales_fen),
                          _yuan_ratio(r.gpm_fen), _ratio(r.roi), _share(r.share)] for r in report.hosts]))
    parts.append(f"<h3>{esc(t('Livestream ranking'))}</h3>")
    ranked = report.livestreams[:MAX_LIVESTREAMS]
    parts.append(_table([t("Livestream"), t("Start"), t("Platform"), t("Net sales"), t("Viewers"), t("GPM"), t("ROI")],
                        [[r.title, f"{r.start:%Y-%m-%d %H:%M}", _platform(r.platform, tx), format_display(r.net_sales_fen),
                          "—" if r.viewers is None else f"{r.viewers:,}", _yuan_ratio(r.gpm_fen), _ratio(r.roi)] for r in ranked],
                        right_from=3))
    if len(report.livestreams) > MAX_LIVESTREAMS:
        more = t("{count} more livestreams in the workbook").format(count=len(report.livestreams) - MAX_LIVESTREAMS)
        parts.append(f"<p style='color:#666'>{esc(more)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def report_document(report: PeriodReport, translate: Optional[Translate] = None) -> QTextDocument:
    tx = _translator(translate)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://bars"), stacked_bars_image(report, tx))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://cumulative"), cumulative_image(report, tx))
    document.setHtml(report_html(report, tx))
    return document


def render_report_pdf(report: PeriodReport, path: Union[str, Path], translate: Optional[Translate] = None) -> Path:
    """Write `report` to `path` as an A4 PDF (the file appears only when complete).

    Needs a QGuiApplication (text layout needs fonts); no widgets."""
    tx = _translator(translate)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(a4_layout())
    writer.setResolution(300)
    writer.setTitle(tx(CONTEXT, "Sales report {period}").format(period=report.period.label))
    writer.setCreator("Livestream Desk")
    document = report_document(report, tx)
    rect = writer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    try:
        document.print_(writer)
        del writer  # closes the file
        if not tmp.exists():
            raise OSError(f"cannot write {path}")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


__all__ = ["render_report_pdf", "report_html", "report_document", "stacked_bars_image", "cumulative_image"]
