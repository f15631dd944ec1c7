"""The app's own order template (what a seller also types by hand in Excel), DESIGN §6.

订单号 may repeat for several lines of one order: each line's id is its 商家编码 (else its
商品名称), numbered when the same product appears twice in the order, so re-importing the same
file finds the same lines. 实付金额 left blank means 数量 × 单价. 退款金额 is the amount refunded;
a refund of the whole amount also gives back the whole quantity.
"""
from __future__ import annotations

from typing import Optional

from ...db.models import Platform
from ...messages import Message
from .lines import OrderLine
from .rows import RowCells


def parse_row(c: RowCells) -> Optional[OrderLine]:
    order_id = c.identifier("订单号")
    name = c.text("商品名称")
    if not name:
        raise c.reject("商品名称", Message("orders.missing_value"))
    seller_code = c.text("商家编码")
    quantity = c.quantity("数量")
    unit = c.fen("单价", required=False)
    paid = c.fen("实付金额", required=False) if c.value("实付金额") is not None else unit * quantity
    paid_at = c.moment("支付时间")
    refund = c.fen("退款金额", required=False)
    if refund > paid:
        raise c.reject("退款金额", Message("orders.refund_over_paid", value=c.text("退款金额")))
    platform_text = c.text("平台")
    if platform_text:
        from ..schedule.platforms import find_platform  # here: the schedule package is slow to import

        platform = find_platform(platform_text)
    else:
        platform = Platform.OTHER
    if platform is None:
        raise c.reject("平台", Message("orders.unknown_platform", value=platform_text))
    return OrderLine(
        row=c.number,
        platform=platform,
        order_id=order_id,
        line_id=seller_code or name,
        item_name=name,
        spec="",
        platform_product_id="",
        seller_code=seller_code,
        quantity=quantity,
        unit_price_fen=unit,
        paid_fen=paid,
        paid_at=paid_at,
        refunded_fen=refund,
        refunded_quantity=quantity if refund and refund == paid else 0,
        status="",
        traffic_source="",
        live_eligible=True,
    )


def finish(lines: list[OrderLine], rejected: list) -> list[OrderLine]:
    """Number a product that appears twice in one order (its second line gets `#2`)."""
    seen: dict[tuple[str, str, str], int] = {}
    for line in lines:
        count = seen.get(line.key, 0) + 1
        seen[line.key] = count
        if count > 1:
            line.line_id = f"{line.line_id}#{count}"
    return lines
