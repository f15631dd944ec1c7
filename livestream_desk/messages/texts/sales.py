"""Messages of the sales list, manual entry, refunds and the live console (services/sales)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    # what a message calls a field ({what})
    "sales.what.quantity": QT_TRANSLATE_NOOP("Messages", "the quantity"),
    "sales.what.unit_price": QT_TRANSLATE_NOOP("Messages", "the unit price"),
    "sales.what.paid_amount": QT_TRANSLATE_NOOP("Messages", "the paid amount"),
    "sales.what.refund_amount": QT_TRANSLATE_NOOP("Messages", "the refund amount"),
    "sales.what.refund_quantity": QT_TRANSLATE_NOOP("Messages", "the refunded quantity"),
    # entry checks
    "sales.sale_invalid": QT_TRANSLATE_NOOP("Messages", "The sale was not saved: {problems}"),
    "sales.product_required": QT_TRANSLATE_NOOP("Messages", "choose the product sold"),
    "sales.product_missing": QT_TRANSLATE_NOOP("Messages", "the product was deleted meanwhile; choose another"),
    "sales.quantity_zero": QT_TRANSLATE_NOOP("Messages", "the quantity must be at least 1"),
    "sales.quantity_too_large": QT_TRANSLATE_NOOP("Messages", "the quantity is too large (at most {limit})"),
    "sales.bad_time": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date and time (write it as 2026-09-10 08:00)"
    ),
    "sales.paid_at_required": QT_TRANSLATE_NOOP("Messages", "the paid time is required"),
    "sales.paid_at_future": QT_TRANSLATE_NOOP("Messages", "the paid time {value} is in the future"),
    "sales.order_id_too_long": QT_TRANSLATE_NOOP("Messages", "the order number is too long (at most {limit} characters)"),
    "sales.livestream_missing": QT_TRANSLATE_NOOP("Messages", "the livestream was deleted meanwhile; choose another"),
    "sales.platform_not_livestreams": QT_TRANSLATE_NOOP(
        "Messages", "the platform must be the livestream's own platform"
    ),
    "sales.stock_short": QT_TRANSLATE_NOOP(
        "Messages", "only {stock} left in stock, not enough for {quantity}; correct the stock on the Catalogue page first"
    ),
    "sales.not_enough_stock": QT_TRANSLATE_NOOP(
        "Messages", "Not enough stock for this change; correct the stock on the Catalogue page first."
    ),
    "sales.duplicate_order_line": QT_TRANSLATE_NOOP(
        "Messages", "A line with the same platform, order number and line number already exists."
    ),
    "sales.quantity_below_refund": QT_TRANSLATE_NOOP(
        "Messages", "the quantity cannot be less than the {refunded} units already refunded"
    ),
    "sales.paid_below_refund": QT_TRANSLATE_NOOP(
        "Messages", "the paid amount cannot be less than the ¥{refunded} already refunded"
    ),
    # refunds
    "sales.refund_unpaid": QT_TRANSLATE_NOOP("Messages", "this line was never paid, so it cannot be refunded"),
    "sales.refund_over_paid": QT_TRANSLATE_NOOP("Messages", "the refund cannot be more than the ¥{paid} paid"),
    "sales.refund_over_quantity": QT_TRANSLATE_NOOP(
        "Messages", "at most {quantity} units can be refunded (the quantity sold)"
    ),
    # the live console
    "sales.not_in_lineup": QT_TRANSLATE_NOOP(
        "Messages", "This product is no longer in the livestream's lineup; reopen the console."
    ),
    # the command line
    "sales.cli_exported": QT_TRANSLATE_NOOP("Messages", "Exported {count} sale lines to {target}."),
    "sales.cli_progress": QT_TRANSLATE_NOOP("Messages", "Exporting sale lines"),
}
