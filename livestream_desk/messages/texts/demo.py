"""Messages of the demo data (services.demo)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "demo.months_out_of_range": QT_TRANSLATE_NOOP("Messages", "months must be between 1 and {maximum}, not {value}"),
    "demo.sales_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "the number of sale lines must be between 0 and {maximum}, not {value}"
    ),
    "demo.not_empty": QT_TRANSLATE_NOOP(
        "Messages", "demo data goes into an empty database; this one already has {products} products and {sales} sales"
    ),
    "demo.cancelled": QT_TRANSLATE_NOOP("Messages", "demo data generation was cancelled; nothing was written"),
    "demo.removed": QT_TRANSLATE_NOOP(
        "Messages",
        "removed the demo data from {path}: {sale_lines} sale lines, {products} products, "
        "{livestreams} livestreams; your own products and sales are untouched",
    ),
    "demo.removed_kept": QT_TRANSLATE_NOOP(
        "Messages",
        "kept {products} demo products and {livestreams} demo livestreams that your own sales use; they are yours now",
    ),
    "demo.none_found": QT_TRANSLATE_NOOP("Messages", "there is no demo data in {path}; nothing was changed"),
    "demo.remove_with_options": QT_TRANSLATE_NOOP(
        "Messages", "--remove takes no {option}: it removes the demo data, it does not make any"
    ),
}
