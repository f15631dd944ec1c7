"""The order export layouts the app reads, and how a header row tells which one a file is.

Each layout names its columns by the header text of the platform's own export, plus the
synonyms other versions of that export use (issue 12: 京东's newer exports say 订单编号 for
订单号 …). Header cells are compared the way the product import compares them
(tables.reader.header_key: NFKC, no spaces, no `*` or `(必填)`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from ...db.models import Platform
from ...messages import Message, Problem
from ..tables.reader import HEADER_SCAN_ROWS, cell_text, clean_cell, header_key


@dataclass(frozen=True)
class Layout:
    key: str  # douyin / kuaishou / jd / generic
    platform: Optional[str]  # the platform of every line; None: from the row (generic)
    columns: Mapping[str, tuple[str, ...]]  # canonical column → header texts that mean it
    required: tuple[str, ...]

    @property
    def title(self) -> Message:
        return Message(f"orders.layout_{self.key}")

    def lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for canonical, names in self.columns.items():
            for name in (canonical, *names):
                table.setdefault(header_key(name), canonical)
        return table


DOUYIN = Layout(
    "douyin",
    Platform.DOUYIN,
    {
        "主订单编号": ("订单编号", "主订单号"),
        "子订单编号": ("子订单号",),
        "选购商品": ("商品名称",),
        "商品规格": (),
        "商品ID": ("商品id",),
        "商家编码": ("商品编码",),
        "商品数量": ("数量",),
        "商品单价": ("单价",),
        "订单应付金额": ("应付金额",),
        "订单提交时间": ("下单时间",),
        "支付完成时间": ("支付时间",),
        "订单状态": (),
        "售后状态": (),
        "流量来源": (),
    },
    ("主订单编号", "商品数量", "订单应付金额"),
)

KUAISHOU = Layout(
    "kuaishou",
    Platform.KUAISHOU,
    {
        "订单号": ("订单编号",),
        "订单创建时间": ("下单时间",),
        "订单支付时间": ("支付时间",),
        "订单状态": (),
        "实付款": ("实付金额",),
        "成交数量": ("商品数量",),
        "商品名称": (),
        "商品规格": (),
        "商品ID": ("商品id",),
        "SKU编码": ("sku编码", "商家编码"),
        "商品单价": ("单价",),
        "售后状态": (),
        "渠道": ("流量来源",),
    },
    ("订单号", "实付款", "成交数量"),
)

JD = Layout(
    "jd",
    Platform.JD,
    {
        "订单号": ("订单编号",),
        "商品ID": ("商品编号", "商品id", "SKU"),
        "商品名称": (),
        "订购数量": ("商品数量",),
        "京东价": ("商品单价",),
        "应付金额": ("实付金额",),
        "运费金额": ("运费",),
        "下单时间": (),
        "付款确认时间": ("支付时间", "付款时间"),
        "订单状态": (),
        "货号": ("商家编码", "商家SKU"),
        "订单渠道": (),
    },
    ("订单号", "京东价", "订购数量", "应付金额"),
)

GENERIC = Layout(
    "generic",
    None,
    {
        "订单号": (),
        "商品名称": (),
        "商家编码": (),
        "数量": (),
        "单价": (),
        "实付金额": (),
        "支付时间": (),
        "退款金额": (),
        "平台": (),
        "备注": (),
    },
    ("订单号", "商品名称", "数量", "支付时间"),
)

LAYOUTS: dict[str, Layout] = {layout.key: layout for layout in (DOUYIN, KUAISHOU, JD, GENERIC)}

# What --platform and the dialog accept for each layout.
LAYOUT_NAMES = {
    "douyin": "douyin", "抖音": "douyin", "抖店": "douyin",
    "kuaishou": "kuaishou", "快手": "kuaishou", "快手小店": "kuaishou",
    "jd": "jd", "京东": "jd",
    "generic": "generic", "模板": "generic", "通用": "generic",
}


def layout_named(name: Optional[str]) -> Optional[Layout]:
    """The layout a user named (`douyin`, `京东`…); None for auto; Problem when unknown."""
    if name is None or name.strip().lower() in ("", "auto"):
        return None
    key = LAYOUT_NAMES.get(name.strip()) or LAYOUT_NAMES.get(name.strip().lower())
    if key is None:
        # A platform by any name the rest of the app takes (快手小店, 京东直播…), if it has a layout.
        from ..schedule.platforms import find_platform

        key = find_platform(name)
    if key not in LAYOUTS:
        raise Problem("orders.unknown_platform_option", value=name)
    return LAYOUTS[key]


@dataclass(frozen=True)
class Header:
    layout: Layout
    index: int  # 0-based row index of the header
    columns: dict[int, str]  # column index → canonical name
    shown: dict[str, str]  # canonical name → the header text as the file writes it


def _match(rows: Sequence[Sequence[object]], layout: Layout) -> Optional[Header]:
    lookup = layout.lookup()
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[int, str] = {}
        shown: dict[str, str] = {}
        for col, cell in enumerate(row):
            canonical = lookup.get(header_key(cell))
            if canonical is not None and canonical not in shown:
                columns[col] = canonical
                shown[canonical] = cell_text(clean_cell(cell))
        if all(name in shown for name in layout.required):
            return Header(layout, index, columns, shown)
    return None


def detect(rows: Sequence[Sequence[object]], forced: Optional[Layout] = None) -> Optional[Header]:
    """The header row and layout of `rows`: the forced layout's, or the best match of all
    (the layout whose required columns are all there and that knows most header cells)."""
    if forced is not None:
        return _match(rows, forced)
    best: Optional[Header] = None
    for layout in LAYOUTS.values():
        header = _match(rows, layout)
        if header is not None and (best is None or len(header.columns) > len(best.columns)):
            best = header
    return best


__all__ = ["Layout", "Header", "LAYOUTS", "LAYOUT_NAMES", "DOUYIN", "KUAISHOU", "JD", "GENERIC", "detect", "layout_named"]
