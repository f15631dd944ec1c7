"""Money as integer fen (分), with the parsing and display rules of DESIGN §4.

Money never passes through a float: parsing works on the decimal digits of the text
and keeps the amount as an exact integer number of fen.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..messages import Problem


class MoneyError(Problem, ValueError):
    """A text that is not an amount of money; its `message` (a `money.*` code with the
    value) says what was wrong."""


# Characters people type around an amount that carry no meaning.
_CURRENCY_PREFIXES = ("¥", "￥", "RMB", "CNY")
_YUAN_SUFFIXES = ("元", "块")
_WAN = "万"
# Digits with optional thousands separators (groups of three) and up to two decimals.
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_PLAIN = re.compile(r"^\d+(\.\d*)?$|^\.\d+$")
# Most amounts in a file are plain yuan with at most two decimals ("39.90"): read those with
# integers (parse_fen's Decimal path would give the same, ~10x slower on a 100,000-row import).
_SIMPLE_YUAN = re.compile(r"([0-9]{1,15})(?:\.([0-9]{0,2}))?")


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount of Chinese yuan, held as an exact number of fen."""

    fen: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.fen, int) or isinstance(self.fen, bool):
            raise TypeError(f"Money needs an integer number of fen, got {self.fen!r}")

    # --- construction -------------------------------------------------
    @classmethod
    def parse(cls, text: object) -> "Money":
        return cls(parse_fen(text))

    @classmethod
    def from_yuan(cls, yuan: int | str | Decimal) -> "Money":
        """Exact conversion from a whole or decimal yuan amount (never a float)."""
        if isinstance(yuan, float):
            raise TypeError("Money.from_yuan does not take floats; pass a str or Decimal")
        value = Decimal(yuan) * 100
        if value != value.to_integral_value():
            raise MoneyError("money.too_many_decimals", value=str(yuan))
        return cls(int(value))

    # --- arithmetic ---------------------------------------------------
    def __add__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen + other.fen)

    def __radd__(self, other: object) -> "Money":
        # Lets sum() start from 0.
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen - other.fen)

    def __neg__(self) -> "Money":
        return Money(-self.fen)

    def __mul__(self, quantity: int) -> "Money":
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            return NotImplemented
        return Money(self.fen * quantity)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.fen != 0

    # --- display ------------------------------------------------------
    @property
    def yuan(self) -> Decimal:
        return Decimal(self.fen) / 100

    def plain(self) -> str:
        """`1234.50`: yuan with two decimals, no symbol or separators (CSV, JSON)."""
        return format_plain(self.fen)

    def display(self) -> str:
        """`¥1,234.50`, as shown in tables and cards."""
        return format_display(self.fen)

    def short(self, lang: str = "zh_CN") -> str:
        """Compact form for chart axes and cards: `¥980.00`, `¥12.3万`, `¥1.2亿` (`¥123.4k`,
        `¥1.2M` with lang="en")."""
        return format_short(self.fen, lang)

    def __str__(self) -> str:
        return self.display()


def format_plain(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def format_display(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


# Compact units by language, smallest first: Chinese counts in 万 and 亿, English in k, M, B.
COMPACT_UNITS: dict[str, tuple[tuple[int, str], ...]] = {
    "zh_CN": ((10_000, "万"), (100_000_000, "亿")),
    "en": ((1_000, "k"), (1_000_000, "M"), (1_000_000_000, "B")),
}
COMPACT_FROM_YUAN = 10_000  # smaller amounts are shown in full, with fen


def compact_units(lang: str = "zh_CN") -> tuple[tuple[int, str], ...]:
    """The units of `lang`'s compact figures (Chinese for an unknown language)."""
    return COMPACT_UNITS.get(lang, COMPACT_UNITS["zh_CN"])


def format_short(fen: int, lang: str = "zh_CN") -> str:
    """Large figures with one decimal, rounded half up, in `lang`'s units (`¥12.3万` in
    Chinese, `¥123.4k` in English); amounts under ¥10,000 in full (`¥9,800.00`)."""
    sign = "-" if fen < 0 else ""
    tenth = Decimal("0.1")
    units = compact_units(lang)
    with localcontext() as exact:
        exact.prec = max(exact.prec, len(str(abs(fen))) + 4)  # no rounding but ours
        yuan = Decimal(abs(fen)) / 100
        if yuan < COMPACT_FROM_YUAN:
            return format_display(fen)
        for index, (size, suffix) in enumerate(units):
            figure = (yuan / size).quantize(tenth, rounding=ROUND_HALF_UP)
            # Decide on the rounded figure: 99,999,999.99 yuan is ¥1.0亿, not ¥10000.0万.
            bigger = units[index + 1][0] if index + 1 < len(units) else None
            if bigger is None or figure * size < bigger:
                return f"{sign}¥{figure}{suffix}"
    return format_display(fen)  # not reached: the largest unit always answers


def _normalise(text: str) -> str:
    # NFKC turns full-width digits, dots, commas and the full-width yen sign into ASCII.
    text = unicodedata.normalize("NFKC", text).strip()
    # Excel exports wrap values as ="…" so that they stay text.
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        text = text[2:-1].strip()
    return text.replace(" ", "").replace("\u00a0", "")


def parse_fen(text: object) -> int:
    """Parse an amount of yuan written any of the ways DESIGN §4 accepts; return fen.

    Accepted: `1234.5`, `¥1,234.50`, `1234.50元`, `１２３４`, `="1234.50"`, `1.2万`, and a
    leading minus sign. Everything else raises MoneyError naming what was wrong.
    """
    if isinstance(text, bool):
        raise MoneyError("money.not_an_amount", value=repr(text))
    if isinstance(text, int):
        return text * 100
    if isinstance(text, Decimal):
        return _decimal_to_fen(text, str(text))
    if isinstance(text, float):
        # Spreadsheet cells hold numbers as binary floats: take their shortest decimal form.
        return _decimal_to_fen(Decimal(repr(text)), repr(text))
    if not isinstance(text, str):
        raise MoneyError("money.not_an_amount", value=repr(text))
    simple = _SIMPLE_YUAN.fullmatch(text)
    if simple:
        whole, cents = simple.groups()
        return int(whole) * 100 + int(((cents or "") + "00")[:2])
    original = text
    text = _normalise(text)
    if not text:
        raise MoneyError("money.empty")
    negative = False
    if text[0] in "-−":
        negative, text = True, text[1:]
    for prefix in _CURRENCY_PREFIXES:
        if text.upper().startswith(prefix):
            text = text[len(prefix):]
            break
    if text.startswith(("-", "−")) and not negative:
        negative, text = True, text[1:]
    multiplier = 1
    for suffix in _YUAN_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if text.endswith(_WAN):
        multiplier, text = 10_000, text[:-1]
    if not text:
        raise MoneyError("money.no_digits", value=original.strip())
    if _GROUPED.match(text):
        text = text.replace(",", "")
    elif "," in text:
        raise MoneyError("money.misplaced_separators", value=original.strip())
    if not _PLAIN.match(text):
        bad = next((c for c in text if not (c.isdigit() or c == ".")), None)
        if text.count(".") > 1:
            raise MoneyError("money.two_decimal_points", value=original.strip())
        if bad is not None:
            raise MoneyError("money.bad_char", value=original.strip(), char=bad)
        raise MoneyError("money.not_a_number", value=original.strip())
    fen = _decimal_to_fen(Decimal(text.rstrip(".") or "0"), original.strip(), multiplier)
    return -fen if negative else fen


def _decimal_to_fen(value: Decimal, shown: str, multiplier: int = 1) -> int:
    if not value.is_finite():
        raise MoneyError("money.not_an_amount", value=shown)
    with localcontext() as exact:
        # Enough digits that the product is never rounded (the default context keeps 28).
        exact.prec = max(exact.prec, len(value.as_tuple().digits) + 12)
        scaled = value * (100 * multiplier)
    if scaled != scaled.to_integral_value():
        raise MoneyError("money.too_many_decimals", value=shown)
    return int(scaled)
