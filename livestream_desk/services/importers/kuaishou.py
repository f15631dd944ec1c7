"""快手小店 (Kuaishou) order export: one row per order (DESIGN §6).

Paid = has an 订单支付时间 (without that column: paid unless 待付款 / 待支付, or 交易关闭 with no
售后状态; its time is the 订单创建时间). Fully refunded = 售后状态 退款成功 / 售后完成, or 交易关闭
on a paid line. Money = 实付款; line id = 订单号.
"""
from __future__ import annotations

from typing import Optional

from ...db.models import Platform
from .lines import OrderLine, from_live_room
from .rows import RowCells

UNPAID_STATUSES = ("待付款", "待支付")
CLOSED = "交易关闭"
REFUNDED_AFTER_SALE = ("退款成功", "售后完成")


def parse_row(c: RowCells) -> Optional[OrderLine]:
    status = c.text("订单状态")
    after_sale = c.text("售后状态")
    if c.has("订单支付时间"):
        paid_at = c.moment("订单支付时间", required=False)
        if paid_at is None:
            return None
    else:
        if status in UNPAID_STATUSES or (status == CLOSED and not after_sale):
            return None
        paid_at = c.moment("订单创建时间")
    order_id = c.identifier("订单号")
    quantity = c.quantity("成交数量")
    paid = c.fen("实付款")
    refunded = after_sale in REFUNDED_AFTER_SALE or status == CLOSED
    source = c.text("渠道")
    return OrderLine(
        row=c.number,
        platform=Platform.KUAISHOU,
        order_id=order_id,
        line_id=order_id,
        item_name=c.text("商品名称"),
        spec=c.text("商品规格"),
        platform_product_id=c.identifier("商品ID", required=False),
        seller_code=c.text("SKU编码"),
        quantity=quantity,
        unit_price_fen=c.fen("商品单价", required=False),
        paid_fen=paid,
        paid_at=paid_at,
        refunded_fen=paid if refunded else 0,
        refunded_quantity=quantity if refunded else 0,
        status=status,
        traffic_source=source,
        live_eligible=from_live_room(source),
    )
