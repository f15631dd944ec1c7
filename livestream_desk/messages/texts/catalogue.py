"""The catalogue service (services/catalogue): products, stock, categories, producers, photos, codes."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "catalogue.product_invalid": QT_TRANSLATE_NOOP("Messages", "The product cannot be saved: {problems}"),
    "catalogue.bad_sort": QT_TRANSLATE_NOOP("Messages", "Products cannot be sorted by “{sort}”."),
    "catalogue.sku_taken": QT_TRANSLATE_NOOP("Messages", "seller code {sku} is already used by {product}"),
    "catalogue.same_name_no_sku": QT_TRANSLATE_NOOP(
        "Messages", "{product} has the same name and spec and no seller code; give one of them a seller code or a different spec"
    ),
    "catalogue.platform_code_taken": QT_TRANSLATE_NOOP("Messages", "{platform} code {code} already belongs to {product}"),
    "catalogue.sku_taken_by_another": QT_TRANSLATE_NOOP("Messages", "this seller code is already used by another product"),
    "catalogue.code_taken_by_another": QT_TRANSLATE_NOOP(
        "Messages", "a platform code is already used by another product"
    ),
    "catalogue.cannot_save": QT_TRANSLATE_NOOP("Messages", "cannot save: {reason}"),
    "catalogue.product_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "{product} has {sales} sale lines and {lineup} lineup items and cannot be deleted; archive it instead",
    ),
    "catalogue.products_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} of these products have sales or lineup items and cannot be deleted ({products}); "
        "archive them instead. Nothing was deleted.",
    ),
    "catalogue.restore_sku_taken": QT_TRANSLATE_NOOP(
        "Messages", "cannot restore {product}: seller code {sku} is now used by {other}"
    ),
    "catalogue.restore_refused": QT_TRANSLATE_NOOP("Messages", "cannot restore {product}: {reason}"),
    "catalogue.stock_change_not_whole": QT_TRANSLATE_NOOP("Messages", "the stock change must be a whole number"),
    "catalogue.stock_change_zero": QT_TRANSLATE_NOOP("Messages", "the stock change is 0; nothing to record"),
    "catalogue.stock_reason_required": QT_TRANSLATE_NOOP("Messages", "give a reason for the stock change"),
    "catalogue.stock_reason_too_long": QT_TRANSLATE_NOOP(
        "Messages", "the reason is too long (at most {limit} characters)"
    ),
    "catalogue.stock_too_low": QT_TRANSLATE_NOOP(
        "Messages", "{product} has only {stock} in stock; cannot take away {amount}"
    ),
    "catalogue.stock_not_whole": QT_TRANSLATE_NOOP("Messages", "stock must be a whole number, not negative"),
    "catalogue.threshold_not_whole": QT_TRANSLATE_NOOP(
        "Messages", "the low-stock threshold must be a whole number, not negative"
    ),
    "catalogue.category_name_required": QT_TRANSLATE_NOOP("Messages", "the category name is required"),
    "catalogue.category_name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "the category name is too long (at most {limit} characters)"
    ),
    "catalogue.category_exists": QT_TRANSLATE_NOOP("Messages", "there is already a category “{name}”"),
    "catalogue.category_exists_merge": QT_TRANSLATE_NOOP(
        "Messages", "there is already a category “{name}”; merge the two instead"
    ),
    "catalogue.merge_same_category": QT_TRANSLATE_NOOP("Messages", "choose two different categories to merge"),
    "catalogue.producer_name_required": QT_TRANSLATE_NOOP("Messages", "the producer's name is required"),
    "catalogue.producer_name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "the producer's name is too long (at most {limit} characters)"
    ),
    "catalogue.producer_exists": QT_TRANSLATE_NOOP("Messages", "there is already a producer “{name}”"),
    "catalogue.photo_not_a_picture": QT_TRANSLATE_NOOP(
        "Messages", "{file} is not a picture (choose a JPG, PNG or WebP file)"
    ),
    "catalogue.photo_outside": QT_TRANSLATE_NOOP(
        "Messages", "the photo {path} is not in the app's photo folder and is not used; choose the photo again"
    ),
    "catalogue.photo_too_large": QT_TRANSLATE_NOOP("Messages", "{file} is too large ({size} MB; at most {limit} MB)"),
}
