"""Messages about several PCs working on one database (services.versions, services.server)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "concurrency.changed_elsewhere": QT_TRANSLATE_NOOP(
        "Messages", "{what} was changed by {who} at {when} after you opened it; nothing was saved."
    ),
    "concurrency.someone": QT_TRANSLATE_NOOP("Messages", "someone else"),
    "concurrency.unknown_time": QT_TRANSLATE_NOOP("Messages", "an unknown time"),
    "concurrency.product": QT_TRANSLATE_NOOP("Messages", "The product {name}"),
    "concurrency.livestream": QT_TRANSLATE_NOOP("Messages", "The livestream “{title}”"),
    "concurrency.lineup_item": QT_TRANSLATE_NOOP("Messages", "The lineup entry {name}"),
    "concurrency.sale": QT_TRANSLATE_NOOP("Messages", "The sale line {order}"),
}
