"""The reports page's table models: one ReportTableModel per breakdown, declared as columns
over the services' rows (services/reports/rows.py) — months, platforms, categories, products,
origins, producers (助农), hosts and the livestream ranking.

Figures are shown as the services return them; money is formatted by domain.money, shares
and growth by domain.metrics.round_pct. Headers are for people (Chinese by default): the
GUI's CSV / Excel export writes them as they are.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QObject

from ...domain.metrics import round_pct
from ...domain.money import format_display
from ...services.reports import OTHERS
from ..platforms import platform_name
from .table import (
    COUNT_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    RATIO_FORMAT,
    Column,
    ReportTableModel,
    sort_number,
)


# lupdate reads only literal translate("Context", "text") calls: keep them so.
translate = QCoreApplication.translate


# --- how a figure reads --------------------------------------------------------------------


def money(fen: Optional[int]) -> str:
    return "" if fen is None else format_display(int(fen))


def money_decimal(fen: Optional[Decimal]) -> str:
    if fen is None:
        return "—"
    return format_display(int(fen.quantize(Decimal(1), ROUND_HALF_UP)))


def yuan(fen: Optional[int | Decimal]) -> Optional[Decimal]:
    """Money for a spreadsheet cell: yuan as an exact Decimal (shown with MONEY_FORMAT)."""
    if fen is None:
        return None
    return (Decimal(fen) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def count(value: Optional[int]) -> str:
    return "—" if value is None else f"{int(value):,}"


def share_text(share: Optional[Decimal]) -> str:
    """A share (0.25) as `25.0%`; — when there is no whole to share."""
    rounded = round_pct(share * 100) if share is not None else None
    return "—" if rounded is None else f"{rounded}%"


def growth_text(pct: Optional[Decimal]) -> str:
    """A change in % (12.34) as `+12.3%`; — when there is nothing to compare with."""
    rounded = round_pct(pct)
    if rounded is None:
        return "—"
    if rounded == 0:
        return "0.0%"
    return f"+{rounded}%" if rounded > 0 else f"{rounded}%"


def ratio_text(value: Optional[Decimal]) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}"


def ratio_cell(value: Optional[Decimal]) -> Optional[Decimal]:
    return None if value is None else value.quantize(Decimal("0.0001"), ROUND_HALF_UP)


def group_name(row: Any, none_text: str) -> str:
    """A breakdown row's name; the rows without one and the OTHERS row named in our language."""
    if row.key == OTHERS:
        return translate("ReportTables", "Others")
    if row.key is None:
        return none_text
    return row.name


# --- columns shared by several tables ------------------------------------------------------


def _money_column(key: str, header: str, attribute: str, tooltip: str = "") -> Column:
    return Column(key, header, lambda r: money(getattr(r, attribute)), lambda r: getattr(r, attribute),
                  export=lambda r: yuan(getattr(r, attribute)), number_format=MONEY_FORMAT, tooltip=tooltip)


def _count_column(key: str, header: str, attribute: str, in_total: bool = True) -> Column:
    return Column(key, header, lambda r: count(getattr(r, attribute)), lambda r: sort_number(getattr(r, attribute)),
                  export=lambda r: getattr(r, attribute), number_format=COUNT_FORMAT, in_total=in_total)


def _share_column(tooltip: str) -> Column:
    return Column("share", translate("ReportTables", "Share"), lambda r: share_text(r.share), lambda r: sort_number(r.share),
                  export=lambda r: ratio_cell(r.share), number_format=PERCENT_FORMAT, tooltip=tooltip)


def _sales_columns() -> list[Column]:
    return [
        _money_column("net_sales", translate("ReportTables", "Net sales"), "net_sales_fen", translate("ReportTables", "GMV minus refunds")),
        _money_column("gmv", translate("ReportTables", "GMV"), "gmv_fen", translate("ReportTables", "Everything paid, before refunds")),
        _money_column("refunds", translate("ReportTables", "Refunds"), "refunds_fen"),
        _count_column("units", translate("ReportTables", "Units"), "units"),
    ]


def _text_column(key: str, header: str, text, stretch: bool = False) -> Column:
    # Names are not summed: the 合计 row leaves them empty (its row may be another type,
    # e.g. the livestream table's total is the services' HostRow of all livestreams).
    return Column(key, header, text, text, numeric=False, stretch=stretch, in_total=False)


# --- the tables ----------------------------------------------------------------------------


def month_model(parent: QObject) -> ReportTableModel:
    """Rows: domain.metrics.MonthlyFigures (the monthly report), newest first on screen."""
    columns = [
        Column("month", translate("ReportTables", "Month"), lambda r: str(r.month), lambda r: r.month.key, numeric=False,
               export=lambda r: str(r.month)),
        _money_column("net_sales", translate("ReportTables", "Net sales"), "net_sales_fen", translate("ReportTables", "GMV minus refunds")),
        _money_column("gmv", translate("ReportTables", "GMV"), "gmv_fen"),
        _money_column("refunds", translate("ReportTables", "Refunds"), "refunds_fen"),
        _count_column("orders", translate("ReportTables", "Orders"), "orders"),
        _count_column("units", translate("ReportTables", "Units"), "units"),
        _count_column("livestreams", translate("ReportTables", "Livestreams"), "livestreams"),
        Column("growth", translate("ReportTables", "MoM growth"), lambda r: growth_text(r.mom_growth_pct),
               lambda r: sort_number(r.mom_growth_pct), export=lambda r: ratio_cell(_pct_to_share(r.mom_growth_pct)),
               number_format=PERCENT_FORMAT, in_total=False, tooltip=translate("ReportTables", "Net sales compared with the month before")),
        Column("target", translate("ReportTables", "Target"), lambda r: money(r.target_fen) if r.target_fen else "—",
               lambda r: sort_number(r.target_fen), export=lambda r: yuan(r.target_fen),
               number_format=MONEY_FORMAT, in_total=False),
        Column("progress", translate("ReportTables", "Target reached"), lambda r: share_text(r.target_progress),
               lambda r: sort_number(r.target_progress), export=lambda r: ratio_cell(r.target_progress),
               number_format=PERCENT_FORMAT, in_total=False),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def is_others(row: Any) -> bool:
    """The row summing everything below the top N stays under the top rows."""
    return getattr(row, "key", None) == OTHERS


def _pct_to_share(pct: Optional[Decimal]) -> Optional[Decimal]:
    return None if pct is None else pct / 100


def platform_model(parent: QObject) -> ReportTableModel:
    """Rows: PlatformRow."""
    columns = [
        _text_column("platform", translate("ReportTables", "Platform"), lambda r: platform_name(r.platform), stretch=True),
        *_sales_columns(),
        _count_column("orders", translate("ReportTables", "Orders"), "orders"),
        _count_column("livestreams", translate("ReportTables", "Livestreams"), "livestreams"),
        _share_column(translate("ReportTables", "Share of the period's net sales")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def category_model(parent: QObject) -> ReportTableModel:
    """Rows: GroupRow of categories."""
    columns = [
        _text_column("name", translate("ReportTables", "Category"), lambda r: group_name(r, translate("ReportTables", "(no category)")), stretch=True),
        *_sales_columns(),
        _count_column("products", translate("ReportTables", "Products"), "products", in_total=False),
        _share_column(translate("ReportTables", "Share of the period's net sales")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def product_model(parent: QObject) -> ReportTableModel:
    """Rows: GroupRow of products (top N and the others)."""
    columns = [
        _text_column("name", translate("ReportTables", "Product"), lambda r: group_name(r, translate("ReportTables", "(no product linked)")), stretch=True),
        _text_column("spec", translate("ReportTables", "Spec"), lambda r: r.spec),
        _text_column("category", translate("ReportTables", "Category"), lambda r: r.category),
        _count_column("units", translate("ReportTables", "Units"), "units"),
        _money_column("net_sales", translate("ReportTables", "Net sales"), "net_sales_fen", translate("ReportTables", "GMV minus refunds")),
        _money_column("gmv", translate("ReportTables", "GMV"), "gmv_fen"),
        _money_column("refunds", translate("ReportTables", "Refunds"), "refunds_fen"),
        _share_column(translate("ReportTables", "Share of the period's net sales")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent, pinned=is_others)


def origin_model(parent: QObject) -> ReportTableModel:
    """Rows: GroupRow of origins (county, town, village)."""
    columns = [
        _text_column("county", translate("ReportTables", "County"), lambda r: r.county if r.key not in (None, OTHERS) else group_name(r, translate("ReportTables", "(no origin)"))),
        _text_column("town", translate("ReportTables", "Town"), lambda r: r.town),
        _text_column("village", translate("ReportTables", "Village"), lambda r: r.village, stretch=True),
        *_sales_columns(),
        _count_column("products", translate("ReportTables", "Products"), "products", in_total=False),
        _share_column(translate("ReportTables", "Share of the period's net sales")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def producer_model(parent: QObject) -> ReportTableModel:
    """Rows: GroupRow of producers: the 助农 impact table."""
    columns = [
        _text_column("name", translate("ReportTables", "Producer"), lambda r: group_name(r, translate("ReportTables", "(no producer)")), stretch=True),
        _text_column("kind", translate("ReportTables", "Kind"), lambda r: r.kind),
        _text_column("village", translate("ReportTables", "Village"), lambda r: r.village or " ".join(p for p in (r.county, r.town) if p)),
        _money_column("net_sales", translate("ReportTables", "Sales"), "net_sales_fen", translate("ReportTables", "Net sales of the producer's products")),
        _count_column("units", translate("ReportTables", "Units"), "units"),
        _count_column("products", translate("ReportTables", "Products"), "products", in_total=False),
        _share_column(translate("ReportTables", "Share of the period's net sales")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def host_model(parent: QObject) -> ReportTableModel:
    """Rows: HostRow."""
    columns = [
        _text_column("name", translate("ReportTables", "Host"), lambda r: r.name if r.host_id is not None else translate("ReportTables", "(no host)"), stretch=True),
        _count_column("livestreams", translate("ReportTables", "Livestreams"), "livestreams"),
        _money_column("net_sales", translate("ReportTables", "Net sales"), "net_sales_fen"),
        _money_column("gmv", translate("ReportTables", "GMV"), "gmv_fen"),
        _count_column("orders", translate("ReportTables", "Orders"), "orders"),
        _count_column("units", translate("ReportTables", "Units"), "units"),
        Column("gpm", translate("ReportTables", "GPM"), lambda r: money_decimal(r.gpm_fen), lambda r: sort_number(r.gpm_fen),
               export=lambda r: yuan(r.gpm_fen), number_format=MONEY_FORMAT,
               tooltip=translate("ReportTables", "GMV per 1,000 viewers")),
        Column("roi", translate("ReportTables", "ROI"), lambda r: ratio_text(r.roi), lambda r: sort_number(r.roi),
               export=lambda r: ratio_cell(r.roi), number_format=RATIO_FORMAT, tooltip=translate("ReportTables", "GMV ÷ ad spend")),
        _share_column(translate("ReportTables", "Share of the net sales of the period's livestreams")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


def livestream_model(parent: QObject) -> ReportTableModel:
    """Rows: LivestreamRow (the ranking by net sales, GPM and ROI: sort by a column)."""
    columns = [
        Column("start", translate("ReportTables", "Start"), lambda r: f"{r.start:%Y-%m-%d %H:%M}", lambda r: r.start.isoformat(),
               numeric=False),
        _text_column("title", translate("ReportTables", "Livestream"), lambda r: r.title, stretch=True),
        _text_column("platform", translate("ReportTables", "Platform"), lambda r: platform_name(r.platform)),
        _text_column("host", translate("ReportTables", "Host"), lambda r: r.host_name),
        _money_column("net_sales", translate("ReportTables", "Net sales"), "net_sales_fen"),
        _money_column("gmv", translate("ReportTables", "GMV"), "gmv_fen"),
        _count_column("orders", translate("ReportTables", "Orders"), "orders"),
        _count_column("viewers", translate("ReportTables", "Viewers"), "viewers"),
        Column("gpm", translate("ReportTables", "GPM"), lambda r: money_decimal(r.gpm_fen), lambda r: sort_number(r.gpm_fen),
               export=lambda r: yuan(r.gpm_fen), number_format=MONEY_FORMAT, tooltip=translate("ReportTables", "GMV per 1,000 viewers")),
        Column("roi", translate("ReportTables", "ROI"), lambda r: ratio_text(r.roi), lambda r: sort_number(r.roi),
               export=lambda r: ratio_cell(r.roi), number_format=RATIO_FORMAT, tooltip=translate("ReportTables", "GMV ÷ ad spend")),
    ]
    return ReportTableModel(columns, translate("ReportTables", "Total"), parent)


__all__ = [
    "month_model",
    "platform_model",
    "category_model",
    "product_model",
    "origin_model",
    "producer_model",
    "host_model",
    "livestream_model",
    "money",
    "count",
    "share_text",
    "growth_text",
    "yuan",
]
