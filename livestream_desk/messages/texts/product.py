"""A product's field rules (domain.validation): shown next to an editor field or an import column."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    # What a message calls a field ({what} below).
    "product.what.price": QT_TRANSLATE_NOOP("Messages", "the price"),
    "product.what.live_price": QT_TRANSLATE_NOOP("Messages", "the live price"),
    "product.what.cost": QT_TRANSLATE_NOOP("Messages", "the cost"),
    "product.what.amount": QT_TRANSLATE_NOOP("Messages", "the amount"),
    "product.what.stock": QT_TRANSLATE_NOOP("Messages", "stock"),
    "product.what.low_stock_threshold": QT_TRANSLATE_NOOP("Messages", "the low-stock threshold"),
    "product.what.shelf_life": QT_TRANSLATE_NOOP("Messages", "shelf life"),
    "product.what.value": QT_TRANSLATE_NOOP("Messages", "the value"),
    # Platforms by their stored codes.
    "product.platform.douyin": QT_TRANSLATE_NOOP("Messages", "Douyin"),
    "product.platform.kuaishou": QT_TRANSLATE_NOOP("Messages", "Kuaishou"),
    "product.platform.shipinhao": QT_TRANSLATE_NOOP("Messages", "WeChat Channels"),
    "product.platform.taobao": QT_TRANSLATE_NOOP("Messages", "Taobao Live"),
    "product.platform.jd": QT_TRANSLATE_NOOP("Messages", "JD Live"),
    "product.platform.pinduoduo": QT_TRANSLATE_NOOP("Messages", "Pinduoduo"),
    "product.platform.other": QT_TRANSLATE_NOOP("Messages", "Other"),
    # The rules.
    "product.name_required": QT_TRANSLATE_NOOP("Messages", "the product name is required"),
    "product.too_long": QT_TRANSLATE_NOOP("Messages", "too long ({length} characters; at most {limit})"),
    "product.whole_number": QT_TRANSLATE_NOOP("Messages", "{what} must be a whole number"),
    "product.whole_number_not": QT_TRANSLATE_NOOP("Messages", "{what} must be a whole number, not {value}"),
    "product.not_a_number": QT_TRANSLATE_NOOP("Messages", "{what} must be a whole number; “{value}” is not a number"),
    "product.required": QT_TRANSLATE_NOOP("Messages", "{what} is required"),
    "product.negative": QT_TRANSLATE_NOOP("Messages", "{what} cannot be negative"),
    "product.too_large": QT_TRANSLATE_NOOP("Messages", "{what} is too large"),
    "product.not_an_amount": QT_TRANSLATE_NOOP("Messages", "{what} is not an amount of money"),
    "product.bad_amount": QT_TRANSLATE_NOOP("Messages", "not an amount of money: {reason}"),
    "product.code_platform_missing": QT_TRANSLATE_NOOP("Messages", "line {line}: choose the platform"),
    "product.code_empty": QT_TRANSLATE_NOOP("Messages", "line {line}: the product code is empty"),
    "product.code_too_long": QT_TRANSLATE_NOOP("Messages", "line {line}: the code is too long"),
    "product.code_twice": QT_TRANSLATE_NOOP("Messages", "{code} is listed twice for {platform}"),
}
