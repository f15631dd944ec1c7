"""The demo's sale lines, month by month: orders in and after the range's livestreams and
outside live rooms (短视频, 商品卡), with platform order numbers, quantities, discounts,
unpaid orders and refunds. Written in chunks through SaleLineWriter, the one writer of `sales`.
"""
from __future__ import annotations

from datetime import timedelta
from operator import itemgetter
from typing import Optional

from ...db.models import SaleSource
from . import catalogue as cat
from .state import DemoState, DemoStream, cumulative

UNPAID_PCT = 2.0  # orders placed but never paid (ignored by the metrics)
STREAM_TAIL_SECONDS = 30 * 60  # sales up to 30 minutes after a stream still count for it

_ORDER_SIZES = (1, 2, 3)
_ORDER_SIZE_WEIGHTS = (82, 13, 5)
_QTY_CUM = (70, 87, 94, 97, 100)  # quantity 1…5, cumulative %
_QTY_CUM_CHEAP = (52, 76, 88, 94, 100)
_DISCOUNTS = (300, 500, 500, 1000, 2000)  # 优惠券 / 满减, fen
# When people buy outside live rooms, by hour of day (Beijing time).
_HOUR_WEIGHTS = (2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 10, 8, 7, 7, 7, 7, 8, 10, 13, 14, 12, 6)


def start_order_numbers(demo: DemoState) -> None:
    """Each platform's first order number (drawn before anything else but the growth curve)."""
    for platform, (first, low, high) in cat.ORDER_NUMBERS.items():
        # A start drawn within a tenth of the first number keeps short ids (京东) their length.
        demo.next_order_number[platform] = first + demo.rng.randrange(min(10**12, first // 10))
        demo.order_steps[platform] = (low, high)


def write_month_sales(demo: DemoState, month_index: int, lines: int) -> None:
    """`lines` sale lines in the `month_index`-th month: the quotas of its livestreams, the rest
    outside live rooms. Adds the month's net sales to `demo.month_net` (traffic.write_targets uses them)."""
    if lines <= 0:
        return
    rng = demo.rng
    random_ = rng.random
    month = demo.months[month_index]
    month_start = month.start()
    progress_in_range = (month_index + 0.5) / len(demo.months)

    # Phase 1: orders as (seconds into the month, platform, stream or None, number of lines).
    orders: list[tuple[int, str, Optional[DemoStream], int]] = []
    sizes, size_weights = _ORDER_SIZES, _ORDER_SIZE_WEIGHTS
    for stream in demo.streams:
        if stream.month_index != month_index or not stream.quota:
            continue
        begin = int((stream.actual_start - month_start).total_seconds())
        length = int((stream.actual_end - stream.actual_start).total_seconds())
        single = stream.account.line_ids_equal_order_ids
        remaining = stream.quota
        while remaining > 0:
            size = 1 if single else rng.choices(sizes, size_weights)[0]
            size = min(size, remaining, len(stream.lineup))
            if random_() < 0.93:
                offset = int(random_() * length)
            else:
                offset = length + int(random_() * STREAM_TAIL_SECONDS)
            orders.append((begin + offset, stream.platform, stream, size))
            remaining -= size

    other = lines - demo.live_lines[month_index]
    platforms = [
        p
        for p in cat.NON_LIVE_PLATFORM_WEIGHTS
        if any(a.platform == p and progress_in_range >= a.starts_at for a in cat.ACCOUNTS)
    ]
    platform_weights = [cat.NON_LIVE_PLATFORM_WEIGHTS[p] for p in platforms]
    single_platforms = {a.platform for a in cat.ACCOUNTS if a.line_ids_equal_order_ids}
    hours = range(24)
    days = demo.month_days[month_index]  # the whole month, or the current month's days before today
    while other > 0:
        platform = rng.choices(platforms, platform_weights)[0]
        size = 1 if platform in single_platforms else rng.choices(sizes, size_weights)[0]
        size = min(size, other)
        hour = rng.choices(hours, _HOUR_WEIGHTS)[0]
        seconds = rng.randrange(days) * 86400 + hour * 3600 + rng.randrange(3600)
        orders.append((seconds, platform, None, size))
        other -= size
    orders.sort(key=itemgetter(0))

    # Phase 2: the lines, in time order, with platform order numbers that grow with time.
    non_live = _non_live_products(demo, month_index, platforms)
    range_end = demo.until  # the range's end, or the start of today
    buffer = demo.buffer
    products = demo.products
    next_number = demo.next_order_number
    codes = demo.platform_codes
    distinct_products = cat.LINE_ID_WITH_PRODUCT_CODE
    unpaid_share = UNPAID_PCT / 100
    chunk_lines = demo.chunk_lines
    month_net = 0
    for seconds, platform, stream, size in orders:
        moment = month_start + timedelta(seconds=seconds)
        created = moment - timedelta(seconds=rng.randint(4, 900))
        number = next_number[platform] = next_number[platform] + rng.randint(*demo.order_steps[platform])
        order_id = str(number)
        paid = random_() >= unpaid_share
        words = cat.STATUS[platform]
        if not paid:
            status_ok = words.unpaid
        else:
            age = range_end - moment
            if age < timedelta(days=2):
                status_ok = words.to_ship
            elif age < timedelta(days=8):
                status_ok = words.shipped
            else:
                status_ok = words.done
        if stream is not None:
            cum = stream.cum_weights
            choices = stream.lineup
            source = cat.LIVE_SOURCE[platform]
            stream_id = stream.id
        else:
            choices, cum = non_live[platform]
            source = rng.choice(cat.NON_LIVE_SOURCES[platform])
            stream_id = None
        picked: list = []
        for line_number in range(1, size + 1):
            item = rng.choices(choices, cum_weights=cum)[0]
            if item in picked and len(choices) > size:
                item = rng.choices(choices, cum_weights=cum)[0]
            if platform in distinct_products:  # the line id names the product: once an order
                while item in picked and len(picked) < len(choices):
                    item = rng.choices(choices, cum_weights=cum)[0]
            picked.append(item)
            index, price = item[0], item[1]
            product = products[index]
            qty_cum = _QTY_CUM_CHEAP if product.cheap else _QTY_CUM
            draw = random_() * 100
            quantity = 1
            while draw >= qty_cum[quantity - 1]:
                quantity += 1
            subtotal = quantity * price
            status = status_ok
            refunded = refunded_qty = 0
            if paid:
                paid_fen = subtotal
                if random_() < 0.08:
                    paid_fen -= min(rng.choice(_DISCOUNTS), subtotal // 5)
                draw = random_()
                fresh = product.info.category in cat.FRESH_CATEGORIES
                full_share, partial_share = (0.075, 0.035) if fresh else (0.055, 0.01)
                if draw < full_share:
                    refunded, refunded_qty = paid_fen, quantity
                    status = rng.choice(words.refunded)
                elif draw < full_share + partial_share:
                    if quantity > 1:
                        refunded_qty = rng.randint(1, quantity - 1)
                        refunded = paid_fen * refunded_qty // quantity
                    else:
                        refunded = max(100, paid_fen * rng.randint(10, 50) // 100 // 100 * 100)
                        refunded = min(refunded, paid_fen)
                month_net += paid_fen - refunded
                paid_at = moment
            else:
                paid_fen = 0
                paid_at = None
            if platform in single_platforms:
                line_id = order_id
            elif platform in distinct_products:
                line_id = f"{order_id}-{codes[(platform, index)]}"
            else:
                line_id = str(number + line_number)
            buffer.append(
                {
                    "livestream_id": stream_id,
                    "product_id": product.id,
                    "item_name": product.info.name,
                    "platform": platform,
                    "order_id": order_id,
                    "line_id": line_id,
                    "quantity": quantity,
                    "unit_price_fen": price,
                    "paid_fen": paid_fen,
                    "paid_at": paid_at,
                    "refunded_fen": refunded,
                    "refunded_quantity": refunded_qty,
                    "order_status": status,
                    "traffic_source": source,
                    "source": SaleSource.DEMO,
                    "created_at": created,
                }
            )
            if paid and stream is not None:
                stream.gmv_fen += paid_fen
        if paid and stream is not None:
            stream.orders += 1
        if len(buffer) >= chunk_lines:
            flush(demo)
            buffer = demo.buffer
    demo.month_net[month_index] += month_net


def _non_live_products(demo: DemoState, month_index: int, platforms: list[str]) -> dict[str, tuple[list, list[float]]]:
    """Per platform: (product index, shop price) choices and cumulative weights this month."""
    out = {}
    for platform in platforms:
        choices, weights = [], []
        for product in demo.products:
            weight = demo.product_weight(product, month_index, demo.months[month_index])
            if weight > 0 and platform in product.platforms:
                choices.append((product.index, product.info.list_price_fen))
                weights.append(weight)
        out[platform] = (choices, cumulative(weights))
    return out


def flush(demo: DemoState, force: bool = False) -> None:
    """Write whole chunks of the buffered lines (the rest waits for the next), or all with `force`:
    progress moves and cancel is checked a chunk at a time, even when an order spans two."""
    if not demo.buffer:
        return
    rows = demo.buffer if force else demo.buffer[: demo.chunk_lines]
    demo.buffer = [] if force else demo.buffer[demo.chunk_lines :]
    demo.sale_lines.add_many(rows)
    demo.written += len(rows)
    demo.report(demo.written)
    if not force:
        demo.check_cancel()
