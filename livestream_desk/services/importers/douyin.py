"""抖店 (Douyin) order export: one row per sub-order line (DESIGN §6).

Paid = has a 支付完成时间; when the seller left that column out of the export, a line is paid
unless 订单状态 is 待支付 or the order was 已关闭 with no 售后状态 (closed before payment), and
its time is the 订单提交时间. Fully refunded = 售后状态 退款成功 / 售后完成, or 已关闭 on a paid
line. The line's money is its 订单应付金额; line id = 子订单编号.
"""
from __future__ import annotations

from typing import Optional

from ...db.models import Platform
from .lines import OrderLine, from_live_room
from .rows import RowCells

UNPAID_STATUSES = ("待支付", "待付款")
CLOSED = "已关闭"
REFUNDED_AFTER_SALE = ("退款成功", "售后完成")


def parse_row(c: RowCells) -> Optional[OrderLine]:
    status = c.text("订单状态")
    after_sale = c.text("售后状态")
    if c.has("支付完成时间"):
        paid_at = c.moment("支付完成时间", required=False)
        if paid_at is None:
            return None
    else:
        if status in UNPAID_STATUSES or (status == CLOSED and not after_sale):
            return None
        paid_at = c.moment("订单提交时间")
    order_id = c.identifier("主订单编号")
    line_id = c.identifier("子订单编号", required=False) or order_id
    quantity = c.quantity("商品数量")
    paid = c.fen("订单应付金额")
    refunded = after_sale in REFUNDED_AFTER_SALE or status == CLOSED
    source = c.text("流量来源")
    # Positional, in OrderLine's field order (keywords cost more than the rest of a line).
    return OrderLine(
        c.number,  # row
        Platform.DOUYIN,  # platform
        order_id,
        line_id,
        c.text("选购商品"),  # item_name
        c.text("商品规格"),  # spec
        c.identifier("商品ID", required=False),  # platform_product_id
        c.text("商家编码"),  # seller_code
        quantity,
        c.fen("商品单价", required=False),  # unit_price_fen
        paid,  # paid_fen
        paid_at,
        paid if refunded else 0,  # refunded_fen
        quantity if refunded else 0,  # refunded_quantity
        status,
        source,  # traffic_source
        from_live_room(source),  # live_eligible
    )
