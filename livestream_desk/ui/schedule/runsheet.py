"""The run sheet (直播流程单): a livestream's header and lineup on A4, as PDF or on a printer.

`render_runsheet_pdf(data, path)` needs only a QGuiApplication (the CLI's `export runsheet`
calls it): the sheet is an HTML QTextDocument printed on a QPdfWriter. `show_print_preview`
is the GUI's print preview (QtPrintSupport). `translate` defaults to the installed Qt
translators; the CLI may pass `messages.catalogue_translator(lang)` (same signature).
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Callable, Optional, Union

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ...domain.money import format_display
from ...services.schedule import RunSheet

Translate = Callable[[str, str], str]
CONTEXT = "RunSheet"
FONT_FAMILIES = "'Segoe UI', 'DejaVu Sans', Arial, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC', sans-serif"
MARGIN_MM = 12


def _translator(translate: Optional[Translate]) -> Translate:
    return translate or QCoreApplication.translate


# lupdate extracts only literal texts: every label is marked here and translated when used
_PLATFORMS = {
    "douyin": QT_TRANSLATE_NOOP("Platform", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("Platform", "Kuaishou"),
    "shipinhao": QT_TRANSLATE_NOOP("Platform", "WeChat Channels"),
    "taobao": QT_TRANSLATE_NOOP("Platform", "Taobao Live"),
    "jd": QT_TRANSLATE_NOOP("Platform", "JD Live"),
    "pinduoduo": QT_TRANSLATE_NOOP("Platform", "Pinduoduo"),
    "other": QT_TRANSLATE_NOOP("Platform", "Other"),
}
_LABELS = (
    QT_TRANSLATE_NOOP("RunSheet", "Platform"),
    QT_TRANSLATE_NOOP("RunSheet", "Live room"),
    QT_TRANSLATE_NOOP("RunSheet", "Host"),
    QT_TRANSLATE_NOOP("RunSheet", "Time"),
    QT_TRANSLATE_NOOP("RunSheet", "Theme"),
    QT_TRANSLATE_NOOP("RunSheet", "No."),
    QT_TRANSLATE_NOOP("RunSheet", "Product"),
    QT_TRANSLATE_NOOP("RunSheet", "Spec"),
    QT_TRANSLATE_NOOP("RunSheet", "List price"),
    QT_TRANSLATE_NOOP("RunSheet", "Live price"),
    QT_TRANSLATE_NOOP("RunSheet", "Allotted"),
    QT_TRANSLATE_NOOP("RunSheet", "Talking points"),
    QT_TRANSLATE_NOOP("RunSheet", "archived"),
    QT_TRANSLATE_NOOP("RunSheet", "No products in the lineup yet."),
    QT_TRANSLATE_NOOP("RunSheet", "Notes"),
    QT_TRANSLATE_NOOP("RunSheet", "{count} products · planned value {value}"),
    QT_TRANSLATE_NOOP("RunSheet", "Printed {moment}"),
    QT_TRANSLATE_NOOP("RunSheet", "Run sheet"),
    QT_TRANSLATE_NOOP("RunSheet", "Run sheet: {title}"),
)


def _platform(data: RunSheet, tx: Translate) -> str:
    source = _PLATFORMS.get(data.livestream.platform)
    return tx("Platform", source) if source else (data.platform_name or data.livestream.platform)


def runsheet_html(data: RunSheet, translate: Optional[Translate] = None) -> str:
    """The run sheet as HTML (QTextDocument's subset: tables, inline styles)."""
    tx = _translator(translate)
    stream = data.livestream
    esc = html.escape

    def t(text: str) -> str:
        return tx(CONTEXT, text)

    end = stream.scheduled_end
    when = f"{stream.scheduled_start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    header = [
        (t("Platform"), _platform(data, tx)),
        (t("Live room"), stream.account_name or "—"),
        (t("Host"), stream.host_name or "—"),
        (t("Time"), when),
        (t("Theme"), stream.theme or "—"),
    ]
    head_cells = "&nbsp;&nbsp;&nbsp; ".join(
        f"<span style='white-space:nowrap'><span style='color:#666'>{esc(label)}</span>&nbsp;<b>{esc(value)}</b></span>"
        for label, value in header
    )
    columns = [t("No."), t("Product"), t("Spec"), t("List price"), t("Live price"), t("Allotted"), t("Talking points")]
    widths = ["5%", "20%", "11%", "11%", "12%", "8%", "33%"]
    th = "".join(
        f"<th width='{w}' style='background:#f0f0f0; padding:4px; text-align:left; white-space:nowrap'>{esc(c)}</th>"
        for c, w in zip(columns, widths)
    )
    rows = []
    for line in data.lines:
        name = esc(line.product_name)
        if line.archived:
            name += f" <span style='color:#999'>({esc(t('archived'))})</span>"
        spec = line.spec or line.unit
        stock = f"{line.allotted_stock:,}" if line.allotted_stock is not None else ""
        points = esc(line.talking_points).replace("\n", "<br>")
        rows.append(
            "<tr>"
            f"<td style='padding:4px'>{line.order}</td>"
            f"<td style='padding:4px'><b>{name}</b></td>"
            f"<td style='padding:4px'>{esc(spec)}</td>"
            f"<td style='padding:4px; white-space:nowrap' align='right'>{esc(format_display(line.list_price_fen))}</td>"
            f"<td style='padding:4px; white-space:nowrap' align='right'><b>{esc(format_display(line.live_price_fen))}</b></td>"
            f"<td style='padding:4px; white-space:nowrap' align='right'>{stock}</td>"
            f"<td style='padding:4px'>{points}</td>"
            "</tr>"
        )
    if not rows:
        rows.append(f"<tr><td colspan='7' style='padding:8px; color:#999'>{esc(t('No products in the lineup yet.'))}</td></tr>")
    notes = ""
    if stream.notes:
        notes = f"<p><span style='color:#666'>{esc(t('Notes'))}</span>&nbsp; {esc(stream.notes)}</p>"
    total = t("{count} products · planned value {value}").format(
        count=len(data.lines), value=format_display(data.total_value_fen))
    made = t("Printed {moment}").format(moment=f"{data.made_at:%Y-%m-%d %H:%M}")
    return (
        f"<html><body style=\"font-family:{FONT_FAMILIES}; font-size:9.5pt\">"
        f"<h2 style='margin:0'>{esc(stream.title)}</h2>"
        f"<p style='margin:2px 0; color:#666'>{esc(t('Run sheet'))} · {esc(made)}</p>"
        f"<p style='margin-top:6px; line-height:150%'>{head_cells}</p>"
        f"{notes}"
        "<table width='100%' border='1' cellspacing='0' cellpadding='0' "
        "style='border-collapse:collapse; border-color:#bbb; margin-top:10px'>"
        f"<thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p align='right' style='margin-top:8px'><b>{esc(total)}</b></p>"
        "</body></html>"
    )


def runsheet_document(data: RunSheet, translate: Optional[Translate] = None) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(runsheet_html(data, translate))
    return document


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def render_runsheet_pdf(data: RunSheet, path: Union[str, Path], translate: Optional[Translate] = None) -> Path:
    """Write the run sheet of `data` to `path` as an A4 PDF (the file appears only when complete).

    Needs a QGuiApplication (text layout needs fonts); no widgets."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(a4_layout())
    writer.setResolution(300)
    writer.setTitle(data.livestream.title)
    writer.setCreator("Livestream Desk")
    document = runsheet_document(data, translate)
    # QTextDocument.print_ paginates onto the writer's page; its page size is in points
    rect = writer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    try:
        document.print_(writer)
        del writer  # closes the file
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def show_print_preview(parent, data: RunSheet) -> None:
    """The print preview dialog of the run sheet (GUI only: imports QtPrintSupport)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout())
    printer.setDocName(data.livestream.title)
    document = runsheet_document(data)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RunSheet", "Run sheet: {title}").format(title=data.livestream.title))
    dialog.paintRequested.connect(document.print_)
    dialog.resize(900, 700)
    dialog.exec()


__all__ = ["render_runsheet_pdf", "runsheet_html", "runsheet_document", "show_print_preview", "a4_layout"]
