"""The catalogue services' messages in the interface language.

The services (domain.validation, domain.money, services.catalogue, services.product_io) speak
plain English sentences, so that the command line and the logs read the same everywhere. The
GUI shows them to Chinese clerks: each known sentence is matched here and rebuilt from a
translated template, with the values (a price as typed, a product's name) kept as they were.
A sentence no rule knows is shown as it is, never hidden.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication

from ...services.errors import UserError

_Rule = tuple[re.Pattern, Callable[[re.Match], str]]

# A Python repr() of the text the user typed: '12元5' (or "it's" with double quotes).
_VALUE = r"(?P<value>'.*'|\".*\")"


def _value(match: re.Match) -> str:
    """The typed text without repr()'s quotes, in Chinese quotation marks."""
    raw = match.group("value")
    return "“" + raw[1:-1] + "”"


def _what(text: str) -> str:
    """The name of a field as the service's sentences give it ("the price", "stock"…)."""
    names = {
        "the price": QCoreApplication.translate("ServiceMessages", "the price"),
        "the live price": QCoreApplication.translate("ServiceMessages", "the live price"),
        "the cost": QCoreApplication.translate("ServiceMessages", "the cost"),
        "the amount": QCoreApplication.translate("ServiceMessages", "the amount"),
        "stock": QCoreApplication.translate("ServiceMessages", "stock"),
        "the low-stock threshold": QCoreApplication.translate("ServiceMessages", "the low-stock threshold"),
        "shelf life": QCoreApplication.translate("ServiceMessages", "shelf life"),
        "the value": QCoreApplication.translate("ServiceMessages", "the value"),
    }
    return names.get(text, text)


_WHAT = r"(?P<what>the price|the live price|the cost|the amount|stock|the low-stock threshold|shelf life|the value)"


def _rules() -> list[_Rule]:
    rules: list[tuple[str, Callable[[re.Match], str]]] = [
        # --- money (domain.money) -------------------------------------------------
        (rf"{_VALUE} is not an amount",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} is not an amount of money").format(value=_value(m))),
        (r"the amount is empty", lambda m: QCoreApplication.translate("ServiceMessages", "the amount is empty")),
        (rf"{_VALUE} has no digits", lambda m: QCoreApplication.translate("ServiceMessages", "{value} has no digits").format(value=_value(m))),
        (rf"{_VALUE} has misplaced thousands separators",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} has misplaced thousands separators").format(value=_value(m))),
        (rf"{_VALUE} has more than one decimal point",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} has more than one decimal point").format(value=_value(m))),
        (rf"{_VALUE} contains (?P<char>'.*'|\".*\") where only digits may stand",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} contains {char} where only digits may stand; write e.g. 12.50")
         .format(value=_value(m), char="“" + m.group("char")[1:-1] + "”")),
        (rf"{_VALUE} is not a number",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} is not a number").format(value=_value(m))),
        (rf"{_VALUE} has more than two decimals.*",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} has more than two decimals (one fen is the smallest amount)")
         .format(value=_value(m))),
        (r"(?P<raw>\S+) has more than two decimals",
         lambda m: QCoreApplication.translate("ServiceMessages", "{value} has more than two decimals (one fen is the smallest amount)")
         .format(value="“" + m.group("raw") + "”")),
        # --- field rules (domain.validation) -----------------------------------------
        (r"the product name is required", lambda m: QCoreApplication.translate("ServiceMessages", "the product name is required")),
        (r"is too long \((?P<n>\d+) characters; at most (?P<limit>\d+)\)",
         lambda m: QCoreApplication.translate("ServiceMessages", "too long ({n} characters; at most {limit})")
         .format(n=m.group("n"), limit=m.group("limit"))),
        (rf"{_WHAT} must be a whole number, not (?P<raw>.*)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} must be a whole number, not {raw}")
         .format(what=_what(m.group("what")), raw=m.group("raw"))),
        (rf"{_WHAT} must be a whole number; {_VALUE} is not a number",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} must be a whole number; {value} is not a number")
         .format(what=_what(m.group("what")), value=_value(m))),
        (rf"{_WHAT} must be a whole number",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} must be a whole number").format(what=_what(m.group("what")))),
        (rf"{_WHAT} is required",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} is required").format(what=_what(m.group("what")))),
        (rf"{_WHAT} cannot be negative",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} cannot be negative").format(what=_what(m.group("what")))),
        (rf"{_WHAT} is too large",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} is too large").format(what=_what(m.group("what")))),
        (rf"{_WHAT} is not an amount",
         lambda m: QCoreApplication.translate("ServiceMessages", "{what} is not an amount of money").format(what=_what(m.group("what")))),
        (r"line (?P<n>\d+): choose the platform",
         lambda m: QCoreApplication.translate("ServiceMessages", "line {n}: choose the platform").format(n=m.group("n"))),
        (r"line (?P<n>\d+): the product code is empty",
         lambda m: QCoreApplication.translate("ServiceMessages", "line {n}: the product code is empty").format(n=m.group("n"))),
        (r"line (?P<n>\d+): the code is too long",
         lambda m: QCoreApplication.translate("ServiceMessages", "line {n}: the code is too long").format(n=m.group("n"))),
        (r"(?P<code>.+) is listed twice for (?P<platform>\w+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{code} is listed twice for {platform}")
         .format(code=m.group("code"), platform=_platform(m.group("platform")))),
        # --- the catalogue (services.catalogue) ----------------------------------------
        (r"商家编码 (?P<sku>.+) is already used by (?P<other>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "商家编码 {sku} is already used by {other}")
         .format(sku=m.group("sku"), other=m.group("other"))),
        (r"(?P<other>.+) has the same name and spec and no 商家编码; give one of them a 商家编码 or a different spec",
         lambda m: QCoreApplication.translate("ServiceMessages",
                      "{other} has the same name and spec and no 商家编码; give one of them a 商家编码 or a "
                      "different spec").format(other=m.group("other"))),
        (r"(?P<platform>\w+) code (?P<code>.+) already belongs to (?P<other>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{platform} code {code} already belongs to {other}")
         .format(platform=_platform(m.group("platform")), code=m.group("code"), other=m.group("other"))),
        (r"unknown platform (?P<value>'.*'|\".*\")",
         lambda m: QCoreApplication.translate("ServiceMessages", "unknown platform {value}").format(value=_value(m))),
        (r"this 商家编码 is already used by another product",
         lambda m: QCoreApplication.translate("ServiceMessages", "this 商家编码 is already used by another product")),
        (r"a platform code is already used by another product",
         lambda m: QCoreApplication.translate("ServiceMessages", "a platform code is already used by another product")),
        (r"(?:product|category|producer) #\d+ no longer exists",
         lambda m: QCoreApplication.translate("ServiceMessages", "It was deleted meanwhile (on this or another computer); refresh the list.")),
        (r"the stock change must be a whole number",
         lambda m: QCoreApplication.translate("ServiceMessages", "the stock change must be a whole number")),
        (r"the stock change is 0; nothing to record",
         lambda m: QCoreApplication.translate("ServiceMessages", "the stock change is 0; nothing to record")),
        (r"give a reason for the stock change", lambda m: QCoreApplication.translate("ServiceMessages", "give a reason for the stock change")),
        (r"the reason is too long \(at most (?P<n>\d+) characters\)",
         lambda m: QCoreApplication.translate("ServiceMessages", "the reason is too long (at most {n} characters)").format(n=m.group("n"))),
        (r"(?P<other>.+) has (?P<stock>\d+) in stock; cannot take away (?P<n>\d+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{other} has only {stock} in stock; cannot take away {n}")
         .format(other=m.group("other"), stock=m.group("stock"), n=m.group("n"))),
        (r"stock must be a whole number, not negative",
         lambda m: QCoreApplication.translate("ServiceMessages", "stock must be a whole number, not negative")),
        (r"the low-stock threshold must be a whole number, not negative",
         lambda m: QCoreApplication.translate("ServiceMessages", "the low-stock threshold must be a whole number, not negative")),
        (r"the category name is required", lambda m: QCoreApplication.translate("ServiceMessages", "the category name is required")),
        (r"the category name is too long \(at most (?P<n>\d+) characters\)",
         lambda m: QCoreApplication.translate("ServiceMessages", "the category name is too long (at most {n} characters)")
         .format(n=m.group("n"))),
        (r"there is already a category (?P<name>.+); merge the two instead",
         lambda m: QCoreApplication.translate("ServiceMessages", "there is already a category {name}; merge the two instead")
         .format(name=m.group("name"))),
        (r"there is already a category (?P<name>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "there is already a category {name}").format(name=m.group("name"))),
        (r"choose two different categories to merge",
         lambda m: QCoreApplication.translate("ServiceMessages", "choose two different categories to merge")),
        (r"(?P<other>.+) has (?P<uses>.+); archive it instead",
         lambda m: QCoreApplication.translate("ServiceMessages", "{other} has sales or lineup items and cannot be deleted; archive it instead")
         .format(other=m.group("other"))),
        (r"cannot restore (?P<other>.+?): 商家编码 (?P<sku>.+) is now used by (?P<by>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "cannot restore {other}: 商家编码 {sku} is now used by {by}")
         .format(other=m.group("other"), sku=m.group("sku"), by=m.group("by"))),
        (r"(?P<name>.+) is not a picture \(.*\)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name} is not a picture (choose a JPG, PNG or WebP file)")
         .format(name=m.group("name"))),
        (r"(?P<name>.+) is too large \((?P<size>\d+) MB; at most (?P<limit>\d+) MB\)",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name} is too large ({size} MB; at most {limit} MB)")
         .format(name=m.group("name"), size=m.group("size"), limit=m.group("limit"))),
        (r"no file at (?P<path>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "there is no file at {path}").format(path=m.group("path"))),
        # --- product import (services.product_io, services.tables) ------------------------
        (r"the same 商家编码 is in row (?P<n>\d+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "the same 商家编码 is in row {n}").format(n=m.group("n"))),
        (r"row (?P<n>\d+) has the same name and spec and no 商家编码",
         lambda m: QCoreApplication.translate("ServiceMessages", "row {n} has the same name and spec and no 商家编码").format(n=m.group("n"))),
        (r"(?P<n>\d+) products without 商家编码 have this name and spec; add the 商家编码 to this row",
         lambda m: QCoreApplication.translate("ServiceMessages",
                      "{n} products without 商家编码 have this name and spec; add the 商家编码 to this row")
         .format(n=m.group("n"))),
        (r"(?P<name>.+) looks like an order export \(it has a (?P<column>.+) column\), not a product list; import it as orders",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name} looks like an order export (it has a {column} column), not a product list")
         .format(name=m.group("name"), column=m.group("column"))),
        (r"(?P<name>.+): no header row with the column (?P<column>.+) in the first (?P<n>\d+) rows of .*",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name}: no header row with the column {column} in its first {n} rows")
         .format(name=m.group("name"), column=m.group("column"), n=m.group("n"))),
        (r"(?P<name>.+) is in an unknown text encoding .*",
         lambda m: QCoreApplication.translate("ServiceMessages",
                      "{name} is in an unknown text encoding; save it again from Excel as CSV UTF-8 or as an Excel workbook")
         .format(name=m.group("name"))),
        (r"(?P<name>.+) is not a CSV or Excel file.*",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name} is not a CSV or Excel file").format(name=m.group("name"))),
        (r"(?P<name>.+) is not an Excel file.*",
         lambda m: QCoreApplication.translate("ServiceMessages", "{name} is not an Excel file (damaged, or in another format)")
         .format(name=m.group("name"))),
        (r"(?P<name>.+) is empty", lambda m: QCoreApplication.translate("ServiceMessages", "{name} is empty").format(name=m.group("name"))),
        (r"(?P<path>.+) is a folder, not a file",
         lambda m: QCoreApplication.translate("ServiceMessages", "{path} is a folder, not a file").format(path=m.group("path"))),
        (r"cannot read (?P<name>.+?): (?P<reason>.+)",
         lambda m: QCoreApplication.translate("ServiceMessages", "cannot read {name}: {reason}")
         .format(name=m.group("name"), reason=m.group("reason"))),
    ]
    return [(re.compile(pattern + r"\Z", re.DOTALL), build) for pattern, build in rules]


def _platform(code: str) -> str:
    from ..platforms import platform_name

    return platform_name(code)


_compiled: Optional[list[_Rule]] = None


def translate_message(text: str) -> str:
    """A service message in the interface language (unknown ones as they are)."""
    global _compiled
    if _compiled is None:
        _compiled = _rules()
    text = str(text).strip()
    for pattern, build in _compiled:
        match = pattern.match(text)
        if match is not None:
            return build(match)
    return text


def translate_errors(errors: dict[str, str]) -> dict[str, str]:
    """ProductInvalid.errors with each message translated."""
    return {field: translate_message(message) for field, message in errors.items()}


def translated_error(exc: BaseException) -> BaseException:
    """`exc` itself, or for a UserError one of the same kind with its message translated
    (for report_error, which shows str(exc))."""
    if isinstance(exc, UserError) and str(exc):
        errors = getattr(exc, "errors", None)
        if isinstance(errors, dict) and errors:
            text = "\n".join(translate_errors(errors).values())
        else:
            text = translate_message(str(exc))
        copy = UserError(text)
        return copy
    return exc


__all__ = ["translate_message", "translate_errors", "translated_error"]
