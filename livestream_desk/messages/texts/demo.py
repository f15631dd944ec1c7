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
}
