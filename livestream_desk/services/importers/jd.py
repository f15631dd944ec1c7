"""京东 merchant back-end (商家后台) order export: one row per SKU line, the order's money,
times and status repeated on every line of the order (DESIGN §6, issue 12).

Paid = has a 付款确认时间 (without that column: paid unless the status says 等待付款; its time
is the 下单时间). The order's goods paid = 应付金额 − 运费金额, split over its lines in
proportion to 京东价 × 订购数量, in fen, largest remainder first (`split_fen`), so the lines
always sum exactly to the order. Fully refunded = 订单状态 starts with (删除) or is 已取消 / 取消
on a paid order. Line id = 订单号-商品ID. Only 订单渠道 京东直播 lines may be attributed to a
livestream. Because an order's money is shared by its lines, one rejected line rejects the
whole order (the split over the remaining lines would be wrong).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Sequence

from ...db.models import Platform
from ...messages import Message
from .lines import OrderLine, RejectedRow
from .rows import RowCells, RowRejected

LIVE_CHANNEL = "京东直播"
CANCELLED = ("已取消", "取消")
DELETED_PREFIXES = ("(删除)", "（删除）")
UNPAID_MARK = "等待付款"


def split_fen(total: int, weights: Sequence[int]) -> list[int]:
    """`total` fen split in proportion to `weights`, each share whole fen, the shares summing
    exactly to `total`: everyone gets the floor of their exact share, and the fen left over
    go one each to the largest remainders (the earlier line first on a tie)."""
    if not weights:
        return []
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("split_fen needs a total and weights of 0 or more")
    if sum(weights) == 0:
        weights = [1] * len(weights)
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    remainders = [total * w % whole for w in weights]
    left = total - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return shares


@dataclass(slots=True)
class JdRow:
    line: OrderLine  # paid_fen / refunded_fen filled by finish()
    weight: int
    payable_fen: int
    freight_fen: int
    refunded: bool
    money_row: int  # the row whose cells gave the money (for messages)


def _refunded(status: str) -> bool:
    return status.startswith(DELETED_PREFIXES) or status in CANCELLED


def parse_row(c: RowCells) -> Optional[JdRow]:
    order_id = c.identifier("订单号")
    try:
        return _parse(c, order_id)
    except RowRejected as exc:
        exc.order_id = order_id  # the rest of the order goes too
        raise


def _parse(c: RowCells, order_id: str) -> Optional[JdRow]:
    status = c.text("订单状态")
    if c.has("付款确认时间"):
        paid_at: Optional[datetime] = c.moment("付款确认时间", required=False)
        if paid_at is None:
            return None
    else:
        if UNPAID_MARK in status:
            return None
        paid_at = c.moment("下单时间")
    product_id = c.identifier("商品ID", required=False)
    quantity = c.quantity("订购数量")
    unit = c.fen("京东价", required=False)
    payable = c.fen("应付金额")
    freight = c.fen("运费金额", required=False)
    if freight > payable:
        raise c.reject("运费金额", Message("orders.freight_over_paid", value=c.text("运费金额")))
    name = c.text("商品名称")
    channel = c.text("订单渠道")
    line = OrderLine(
        row=c.number,
        platform=Platform.JD,
        order_id=order_id,
        line_id=f"{order_id}-{product_id or c.text('货号') or name}"[:64],
        item_name=name,
        spec="",
        platform_product_id=product_id,
        seller_code=c.text("货号"),
        quantity=quantity,
        unit_price_fen=unit,
        paid_fen=0,
        paid_at=paid_at,
        refunded_fen=0,
        refunded_quantity=0,
        status=status,
        traffic_source=channel,
        live_eligible=channel == LIVE_CHANNEL,
    )
    return JdRow(line, unit * quantity, payable, freight, _refunded(status), c.number)


def finish(items: list[JdRow], rejected: list[RejectedRow], bad_orders: dict[str, RejectedRow]) -> list[OrderLine]:
    """Split each order's money over its lines; drop (and report) the orders with a bad line."""
    orders: dict[str, list[JdRow]] = {}
    for item in items:
        orders.setdefault(item.line.order_id, []).append(item)
    lines: list[OrderLine] = []
    for order_id, group in orders.items():
        bad = bad_orders.get(order_id)
        if bad is not None:
            for item in group:
                rejected.append(
                    RejectedRow(item.line.row, bad.column, bad.value,
                                Message("orders.order_has_bad_line", value=order_id, row=bad.row))
                )
            continue
        first = group[0]  # the order's money is repeated on every line: the first line's counts
        shares = split_fen(first.payable_fen - first.freight_fen, [item.weight for item in group])
        for item, share in zip(group, shares):
            line = item.line
            line.paid_fen = share
            if first.refunded:
                line.refunded_fen = share
                line.refunded_quantity = line.quantity
            lines.append(line)
    return lines
