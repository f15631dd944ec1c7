"""Sales (issue 9, without order imports): the sales list, manual entry, refunds, the live
console and each livestream's figures.

Plain Python over SQLAlchemy, no Qt. Every function takes the open `Database` and returns
frozen dataclasses (rows.py). Every write goes through services.sale_lines.SaleLineWriter
with `adjust_stock=True` in ONE transaction: the monthly summary and the products' stock
follow, and nothing is written when a function raises. Errors are Problems with `sales.*`
codes (messages/texts/sales.py); `SaleInvalid.errors` maps fields to Messages.

One job per module:
    query.py      SaleQuery: filters (period, platform, livestream, product, refunded), sort, window
    window.py     list_sales (window + count), count_sales, sales_totals (§5), iter_sales, get_sale
    entry.py      SaleInput, check_sale, create_sale, update_sale, delete_sales / restore_sales (undo)
    refunds.py    refund_sale (amount and units), refund_fully, undo_refund / redo_refund
    console.py    the live console: console_state, log_sale, change_quantity, undo_last
    livestream.py livestream_figures (§5 incl. gpm, uv value, conversion, roi), product_breakdown
    export.py     export_sales to .xlsx / CSV
    options.py    sales_options: livestreams and products for the filters and the entry dialog
    rows.py       the returned rows;   errors.py  SalesProblem, SaleInvalid, SaleNotFound
"""
from __future__ import annotations

from .console import REASON_CONSOLE, change_quantity, console_prefix, console_state, log_sale, undo_last
from .entry import (
    FIELDS,
    REASON_MANUAL,
    SaleInput,
    ValidSale,
    check_sale,
    create_sale,
    delete_sales,
    input_of,
    parse_paid_at,
    restore_sale_values,
    restore_sales,
    update_sale,
)
from .errors import SaleInvalid, SaleNotFound, SalesProblem
from .export import COLUMNS as EXPORT_COLUMNS
from .export import export_sales
from .livestream import livestream_figures, product_breakdown
from .options import LivestreamChoice, ProductChoice, SalesOptions, sales_options
from .query import NO_LIVESTREAM, SORT_KEYS, RefundFilter, SaleQuery, query_conditions
from .refunds import REASON_REFUND, redo_refund, refund_fully, refund_sale, undo_refund
from .rows import (
    ConsoleButton,
    ConsoleEntry,
    ConsoleState,
    LivestreamFigures,
    ProductBreakdown,
    RefundChange,
    SaleRow,
    SalesTotals,
    SaleSnapshot,
)
from .window import count_sales, get_sale, iter_sales, list_sales, sales_totals, summary_answers

__all__ = [
    "SaleQuery", "RefundFilter", "NO_LIVESTREAM", "SORT_KEYS", "query_conditions",
    "SaleRow", "SalesTotals", "SaleSnapshot", "RefundChange", "LivestreamFigures", "ProductBreakdown",
    "ConsoleButton", "ConsoleEntry", "ConsoleState",
    "SalesProblem", "SaleInvalid", "SaleNotFound",
    "list_sales", "count_sales", "sales_totals", "iter_sales", "get_sale", "summary_answers",
    "SaleInput", "ValidSale", "FIELDS", "check_sale", "parse_paid_at", "create_sale", "update_sale",
    "restore_sale_values", "delete_sales", "restore_sales", "input_of", "REASON_MANUAL",
    "refund_sale", "refund_fully", "undo_refund", "redo_refund", "REASON_REFUND",
    "console_state", "log_sale", "change_quantity", "undo_last", "console_prefix", "REASON_CONSOLE",
    "livestream_figures", "product_breakdown",
    "export_sales", "EXPORT_COLUMNS",
    "LivestreamChoice", "ProductChoice", "SalesOptions", "sales_options",
]
