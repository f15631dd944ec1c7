"""The monthly report as text for people (an aligned table) and for programs (JSON).

CSV lives in services.report_export (the exact DESIGN §7 columns). JSON uses the same
keys: `month` ("2026-10"), `livestreams`, `orders`, `units` (integers), `gmv`, `refunds`,
`net_sales` (yuan as strings with two decimals, "1234.50", so no float ever touches
money) and `mom_growth_pct` (a string with one decimal, "-5.3", or null when the previous
month's net sales were 0).
"""
from __future__ import annotations

import json
import unicodedata
from typing import Optional, Sequence

from ..domain.metrics import MonthlyFigures
from ..domain.money import format_display, format_plain
from .report_export import format_pct
from .reports import MonthlyReport

KEYS = ("month", "livestreams", "orders", "units", "gmv", "refunds", "net_sales", "mom_growth_pct")

_HEADERS = {
    "en": ("Month", "Livestreams", "Orders", "Units", "GMV", "Refunds", "Net sales", "MoM growth"),
    "zh_CN": ("月份", "直播场次", "订单数", "件数", "成交金额", "退款金额", "净成交", "环比增长"),
}
_WORDS = {
    "en": {"total": "Total", "all": "all platforms", "title": "Monthly report", "none": "no paid sales yet"},
    "zh_CN": {"total": "合计", "all": "全部平台", "title": "月度报表", "none": "还没有已支付的销售"},
}
_EMPTY_GROWTH = "-"


def growth_text(row: MonthlyFigures) -> Optional[str]:
    """One decimal, rounded half up, as in the CSV; None when undefined."""
    return format_pct(row.mom_growth_pct) or None


def monthly_report_json_rows(report: MonthlyReport) -> list[dict]:
    return [
        {
            "month": str(row.month),
            "livestreams": row.livestreams,
            "orders": row.orders,
            "units": row.units,
            "gmv": format_plain(row.gmv_fen),
            "refunds": format_plain(row.refunds_fen),
            "net_sales": format_plain(row.net_sales_fen),
            "mom_growth_pct": growth_text(row),
        }
        for row in report.rows
    ]


def monthly_report_json(report: MonthlyReport) -> str:
    return json.dumps(monthly_report_json_rows(report), ensure_ascii=False, indent=2) + "\n"


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[bool], rule_before_last: bool = False) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(cell, w, r) for cell, w, r in zip(cells, widths, right)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    for index, row in enumerate(rows):
        if rule_before_last and index == len(rows) - 1:
            out.append("  ".join("-" * w for w in widths))
        out.append(line(row))
    return "\n".join(out) + "\n"


def monthly_report_table(report: MonthlyReport, lang: Optional[str] = None) -> str:
    """Aligned columns, money as ¥1,234.50, growth as +12.3%, with a total row."""
    lang = "zh_CN" if lang == "zh_CN" else "en"
    words = _WORDS[lang]
    scope = report.platform or words["all"]
    if report.range is None or not report.rows:
        return f"{words['title']} ({scope}): {words['none']}\n"
    title = f"{words['title']} {report.range.first}..{report.range.last} ({scope})\n"

    def growth(row: MonthlyFigures) -> str:
        text = format_pct(row.mom_growth_pct)
        if not text:
            return _EMPTY_GROWTH
        return text + "%" if text.startswith("-") or text == "0.0" else f"+{text}%"

    cells = [
        [
            str(row.month),
            f"{row.livestreams:,}",
            f"{row.orders:,}",
            f"{row.units:,}",
            format_display(row.gmv_fen),
            format_display(row.refunds_fen),
            format_display(row.net_sales_fen),
            growth(row),
        ]
        for row in report.rows
    ]
    total = [
        words["total"],
        f"{sum(r.livestreams for r in report.rows):,}",
        f"{sum(r.orders for r in report.rows):,}",
        f"{sum(r.units for r in report.rows):,}",
        format_display(sum(r.gmv_fen for r in report.rows)),
        format_display(sum(r.refunds_fen for r in report.rows)),
        format_display(sum(r.net_sales_fen for r in report.rows)),
        "",
    ]
    right = [False] + [True] * 7
    return title + render_table(_HEADERS[lang], cells + [total], right=right, rule_before_last=True)


__all__ = [
    "KEYS",
    "growth_text",
    "monthly_report_json",
    "monthly_report_json_rows",
    "monthly_report_table",
    "display_width",
    "render_table",
]
