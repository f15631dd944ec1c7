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

from ..db.models import Platform
from ..domain.metrics import MonthlyFigures
from ..domain.money import format_display, format_plain
from ..messages import Message, render
from ..messages.catalogue import Translate
from .report_export import format_pct
from .reports import MonthlyReport

KEYS = ("month", "livestreams", "orders", "units", "gmv", "refunds", "net_sales", "mom_growth_pct")

# The table for people speaks the reader's language (the message table); csv and json keep KEYS.
_HEADER_CODES = (
    "reports.column_month",
    "reports.column_livestreams",
    "reports.column_orders",
    "reports.column_units",
    "reports.column_gmv",
    "reports.column_refunds",
    "reports.column_net_sales",
    "reports.column_growth",
)
_EMPTY_GROWTH = "-"
PLATFORM_KEYS = frozenset(Platform.ALL)


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


def monthly_report_table(report: MonthlyReport, translate: Optional[Translate] = None) -> str:
    """Aligned columns, money as ¥1,234.50, growth as +12.3%, with a total row; the words
    through `translate` (messages.catalogue_translator(lang); English when None)."""

    def text(code: str, **params) -> str:
        return render(Message(code, **params), translate)

    if report.platform in PLATFORM_KEYS:
        scope = text(f"product.platform.{report.platform}")  # 抖音, not douyin, in Chinese
    else:
        scope = report.platform or text("reports.all_platforms")
    if report.range is None or not report.rows:
        return text("reports.table_empty", scope=scope) + "\n"
    title = text("reports.table_title", first=str(report.range.first), last=str(report.range.last), scope=scope) + "\n"

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
        text("reports.total"),
        f"{sum(r.livestreams for r in report.rows):,}",
        f"{sum(r.orders for r in report.rows):,}",
        f"{sum(r.units for r in report.rows):,}",
        format_display(sum(r.gmv_fen for r in report.rows)),
        format_display(sum(r.refunds_fen for r in report.rows)),
        format_display(sum(r.net_sales_fen for r in report.rows)),
        "",
    ]
    right = [False] + [True] * 7
    headers = [text(code) for code in _HEADER_CODES]
    return title + render_table(headers, cells + [total], right=right, rule_before_last=True)


__all__ = [
    "KEYS",
    "growth_text",
    "monthly_report_json",
    "monthly_report_json_rows",
    "monthly_report_table",
    "display_width",
    "render_table",
]
