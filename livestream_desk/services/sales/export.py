"""The sales list (its filtered lines) as `.xlsx` or CSV (DESIGN §7, `export sales`).

Column names are fixed (machine-readable; they do not follow the language) and start with
those of the app's order template, so the file reads back with the order import. Amounts
are numbers in yuan (two decimals), times Beijing local time.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from ...db.engine import Database
from ...domain.money import Money
from ..schedule.platforms import chinese_name
from ..tables.writer import write_table
from .query import SaleQuery
from .rows import SaleRow
from .window import count_sales, iter_sales

COLUMNS = (
    "订单号", "商品名称", "商家编码", "数量", "单价", "实付金额", "支付时间", "退款金额", "平台", "备注",
    "子订单号", "规格", "退款数量", "直播场次", "直播场次ID", "订单状态", "来源",
)
WIDTHS = (22, 28, 16, 8, 10, 12, 20, 10, 8, 12, 14, 14, 10, 28, 10, 12, 8)
SOURCE_NAMES = {"manual": "手工录入", "import": "导入", "demo": "演示"}


def export_row(r: SaleRow) -> tuple:
    return (
        r.order_id, r.product_name, r.sku, r.quantity, Money(r.unit_price_fen), Money(r.paid_fen), r.paid_at,
        Money(r.refunded_fen), chinese_name(r.platform), "", r.line_id, r.spec, r.refunded_quantity,
        r.livestream_title, r.livestream_id, r.order_status, SOURCE_NAMES.get(r.source, r.source),
    )


def export_sales(
    db: Database,
    path: Union[str, Path],
    query: Optional[SaleQuery] = None,
    *,
    progress: Optional[Callable[[int, int], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> int:
    """Write the lines `query` selects (all lines when None), in its order; returns how many."""
    query = query or SaleQuery(limit=None)
    total = count_sales(db, query)
    rows = (export_row(r) for r in iter_sales(db, query))
    return write_table(path, COLUMNS, rows, sheet_title="销售明细", widths=WIDTHS, total=total,
                       progress=progress, cancelled=cancelled)


__all__ = ["export_sales", "COLUMNS", "export_row"]
