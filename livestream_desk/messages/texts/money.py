"""Messages about amounts of money (domain.money)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "money.not_an_amount": QT_TRANSLATE_NOOP("Messages", "“{value}” is not an amount"),
    "money.empty": QT_TRANSLATE_NOOP("Messages", "the amount is empty"),
    "money.no_digits": QT_TRANSLATE_NOOP("Messages", "“{value}” has no digits"),
    "money.misplaced_separators": QT_TRANSLATE_NOOP("Messages", "“{value}” has misplaced thousands separators"),
    "money.two_decimal_points": QT_TRANSLATE_NOOP("Messages", "“{value}” has more than one decimal point"),
    "money.bad_char": QT_TRANSLATE_NOOP("Messages", "“{value}” contains “{char}” where only digits may stand"),
    "money.not_a_number": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a number"),
    "money.too_many_decimals": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” has more than two decimals (fen are the smallest unit)"
    ),
}
