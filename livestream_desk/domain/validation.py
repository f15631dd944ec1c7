"""Pure field rules for products: cleaning text, whole numbers, money, origin and certifications.

No I/O here. The services check what needs the database (a duplicate 商家编码, a known
platform) and map the messages below onto the fields of the editor or the columns of an
import file. Messages are codes with parameters (`livestream_desk.messages.Message`, texts
in messages/texts/product.py); a field's name inside a message is a Message too
(`product.what.*`), so both are shown in the reader's language.

Money typed by a user is text (`"39.9"`, `"¥1,234.50"`, `"１２元"`: DESIGN §4); a Python int in
a `ProductInput` money field is already fen.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Optional, Union

from ..messages import Message, Problem
from .money import MoneyError, parse_fen

# --- text -------------------------------------------------------------------

# Full-width digits (typed with a Chinese IME in full-width mode) become ASCII digits.
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")  # looked for first: translate() is ~5x slower on CJK text
# Spaces that look like a space; zero-width characters that look like nothing.
_SPACE_LIKE = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_text(value: object) -> str:
    """A cell or field as clean text: trimmed, NBSP as a space, full-width digits as ASCII.

    Every text field goes through this before it is stored, and the import reader cleans
    cells the same way, so what the GUI saved and what an export re-imports compare equal.
    Spreadsheet numbers become their plain decimal text (`12.0` → `"12"`).
    """
    if type(value) is str and value.isprintable():  # no control, invisible or odd space character: fast
        if value.isascii() or not _FULLWIDTH_DIGIT.search(value):
            return value.strip()
        return value.translate(_FULLWIDTH_DIGITS).strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(round(value, 8))
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if value.time() != time() else value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    text = str(value).translate(_SPACE_LIKE).translate(_FULLWIDTH_DIGITS)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return text.strip()


class FieldError(Problem, ValueError):
    """One field's value is not acceptable; `.message` is shown next to the field."""


# What a message calls a field ("the price must be…"), by the English names callers pass.
WHAT = {
    "the price": "product.what.price",
    "the live price": "product.what.live_price",
    "the cost": "product.what.cost",
    "the amount": "product.what.amount",
    "stock": "product.what.stock",
    "the low-stock threshold": "product.what.low_stock_threshold",
    "shelf life": "product.what.shelf_life",
    "the value": "product.what.value",
}


def what_message(what: "str | Message") -> "Message | str":
    """A field's name as a message parameter: "the price" → Message("product.what.price")."""
    if isinstance(what, Message):
        return what
    code = WHAT.get(what)
    return Message(code) if code else what


def field_message(code: str, what: "str | Message", **params: object) -> Message:
    """A field message such as `product.negative` with its field's name."""
    return Message(code, what=what_message(what), **params)


def _field_error(code: str, what: "str | Message", **params: object) -> FieldError:
    return FieldError(field_message(code, what, **params))


def money_field_error(exc: MoneyError) -> FieldError:
    """A money parsing error as a field error: its Message when it carries one (domain.money
    raises Problems with codes `money.*`), else its text."""
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return FieldError(message)
    return FieldError(Message("product.bad_amount", reason=str(exc)))


def parse_whole_number(
    value: object, *, what: "str | Message" = "the value", allow_blank: bool = True
) -> Optional[int]:
    """A count (stock, days): `12`, `"１２"`, `"1,200"`, `12.0`, `="12"`; never negative.

    Blank gives None when `allow_blank`, else a FieldError.
    """
    if isinstance(value, bool):
        raise _field_error("product.whole_number", what)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _field_error("product.whole_number_not", what, value=normalise_text(value))
        number = int(value)
    elif isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise _field_error("product.whole_number_not", what, value=str(value))
        number = int(value)
    else:
        text = unicodedata.normalize("NFKC", normalise_text(value)).replace(" ", "")
        if text.startswith('="') and text.endswith('"') and len(text) >= 3:
            text = text[2:-1]
        if not text:
            if allow_blank:
                return None
            raise _field_error("product.required", what)
        shown = normalise_text(value)
        body = text[1:] if text[0] in "+-" else text
        if re.fullmatch(r"\d{1,3}(,\d{3})+", body):
            body = body.replace(",", "")
        if re.fullmatch(r"\d+\.0*", body):
            body = body.split(".")[0]
        if not re.fullmatch(r"\d+", body):
            if re.fullmatch(r"\d*\.\d+", body):
                raise _field_error("product.whole_number_not", what, value=shown)
            raise _field_error("product.not_a_number", what, value=shown)
        number = -int(body) if text[0] == "-" else int(body)
    if number < 0:
        raise _field_error("product.negative", what)
    if number > 2**31 - 1:
        raise _field_error("product.too_large", what)
    return number


MoneyValue = Union[str, int, None]


def parse_money_field(
    value: MoneyValue, *, allow_blank: bool = True, what: "str | Message" = "the amount"
) -> Optional[int]:
    """A money field as fen: text is yuan as typed (DESIGN §4), an int is already fen.

    Blank gives None when `allow_blank`. Negative amounts are refused.
    """
    if value is None:
        fen = None
    elif isinstance(value, bool):
        raise _field_error("product.not_an_amount", what)
    elif isinstance(value, int):
        fen = value
    elif isinstance(value, (float, Decimal)):
        try:
            fen = parse_fen(value)
        except MoneyError as exc:
            raise money_field_error(exc) from None
    else:
        text = normalise_text(value)
        if not text:
            fen = None
        else:
            try:
                fen = parse_fen(text)
            except MoneyError as exc:
                raise money_field_error(exc) from None
    if fen is None:
        if allow_blank:
            return None
        raise _field_error("product.required", what)
    if fen < 0:
        raise _field_error("product.negative", what)
    if fen > 2**53:
        raise _field_error("product.too_large", what)
    return fen


# --- origin (产地) ------------------------------------------------------------

ORIGIN_LEVELS = ("province", "county", "town", "village")
_ORIGIN_SEPARATORS = re.compile(r"[\s/／·・,，、>＞|\-－—]+")
_PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "自治州", "地区", "林区", "新区", "市", "县", "区", "旗", "盟")
_TOWN_SUFFIXES = ("街道", "办事处", "镇", "乡")
_VILLAGE_SUFFIXES = ("社区", "居委会", "村委会", "村", "屯", "组", "寨")
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市", "北京", "天津", "上海", "重庆"}
_PROVINCE_NAMES = {
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
    "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}
# Longest first, so that 自治县 is seen before 县.
_ALL_SUFFIXES = sorted(
    [(s, 0) for s in _PROVINCE_SUFFIXES]
    + [(s, 1) for s in _COUNTY_SUFFIXES]
    + [(s, 2) for s in _TOWN_SUFFIXES]
    + [(s, 3) for s in _VILLAGE_SUFFIXES],
    key=lambda item: -len(item[0]),
)


def _level_of(token: str) -> Optional[int]:
    if token in _MUNICIPALITIES or token in _PROVINCE_NAMES:
        return 0
    for suffix, level in _ALL_SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return level
    return None


def _segment(text: str, min_level: int) -> Optional[list[str]]:
    """Cut `text` after administrative suffixes into places of strictly lower levels."""
    for end in range(2, len(text) + 1):
        part = text[:end]
        level = _level_of(part)
        if level is None or level < min_level:
            continue
        rest = text[end:]
        if not rest:
            return [part]
        if level == 0 and any(_level_of(part + rest[:k]) == 0 for k in range(1, min(len(rest), 6) + 1)):
            continue  # 江西|省…, 广西|壮族自治区…: the province name goes on
        deeper = _segment(rest, level + 1)
        if deeper:
            return [part, *deeper]
        if level == 0 and _level_of(rest) is None:
            return [part, rest]  # 江西婺源: a province, then a place without a suffix
    return None


def _cut_by_suffixes(text: str) -> list[str]:
    """`江西省婺源县江湾镇篁岭村` → four parts; anything doubtful stays one part."""
    return _segment(text, 0) or [text]


def split_origin(text: object) -> tuple[str, str, str, str]:
    """产地 as one text → (province, county, town, village).

    Parts may be separated by spaces, `/` or `·` (`江西省 婺源县 江湾镇 篁岭村`), or written
    together with their administrative suffixes (`婺源县江湾镇篁岭村`). Each part goes to the
    level its suffix names (省/自治区 → province, 市/县/区/旗 → county, 镇/乡/街道 → town,
    村/社区 → village; 江西, 北京… → province); parts without a suffix fill the free levels
    around them. Two parts of one level (`上饶市 婺源县`) are kept together in that level.
    `join_origin()` is its inverse for well-formed places.
    """
    cleaned = normalise_text(text)
    if not cleaned:
        return ("", "", "", "")
    tokens: list[str] = []
    for piece in _ORIGIN_SEPARATORS.split(cleaned):
        if piece:
            tokens.extend(_cut_by_suffixes(piece))
    levels: list[Optional[int]] = [_level_of(t) for t in tokens]
    if all(lv is None for lv in levels):
        # No suffix and no province name: by position, the way people write 产地.
        order = (1, 2, 3) if len(tokens) < 4 else (0, 1, 2, 3)
        resolved = [order[min(i, len(order) - 1)] for i in range(len(tokens))]
    else:
        resolved = _fill_unknown_levels(levels)
    slots = ["", "", "", ""]
    for token, level in zip(tokens, resolved):
        slots[level] = slots[level] + token
    return (slots[0], slots[1], slots[2], slots[3])


def _fill_unknown_levels(levels: list[Optional[int]]) -> list[int]:
    result: list[int] = [lv if lv is not None else -1 for lv in levels]
    n = len(result)
    i = 0
    while i < n:
        if result[i] != -1:
            i += 1
            continue
        j = i
        while j < n and result[j] == -1:
            j += 1
        count = j - i
        if i == 0:
            # Leading parts before the first known one: from the county down when they fit.
            first_known = result[j]
            start = 1 if 1 + count <= first_known else max(0, first_known - count)
            free = list(range(start, first_known)) or [first_known]
        else:
            low = result[i - 1] + 1
            high = result[j] if j < n else 4
            free = list(range(low, high)) or [min(result[i - 1], 3)]
        for k in range(count):
            result[i + k] = free[min(k, len(free) - 1)]
        i = j
    return [min(max(lv, 0), 3) for lv in result]


def join_origin(province: str = "", county: str = "", town: str = "", village: str = "") -> str:
    """The one-column form of 产地: non-empty parts joined by a space."""
    return " ".join(p for p in (province, county, town, village) if p)


# --- certifications (认证) ----------------------------------------------------

CERTIFICATION_SEPARATOR = "、"
_CERT_SPLIT = re.compile(r"[、,，;；/／|\s]+")
KNOWN_CERTIFICATIONS = ("地理标志", "绿色食品", "有机", "无公害", "富硒", "非遗")


def split_certifications(value: object) -> list[str]:
    """`"地理标志、绿色食品"`, `"地理标志,绿色食品"` or a list → ["地理标志", "绿色食品"] (no repeats)."""
    items = value if isinstance(value, (list, tuple)) else _CERT_SPLIT.split(normalise_text(value))
    seen: list[str] = []
    for item in items:
        item = normalise_text(item)
        if item and item not in seen:
            seen.append(item)
    return seen


def join_certifications(items: list[str] | tuple[str, ...]) -> str:
    return CERTIFICATION_SEPARATOR.join(items)


# --- products -----------------------------------------------------------------

# Longest text each column holds (PostgreSQL enforces them; SQLite would not).
MAX_LENGTHS = {
    "name": 200,
    "sku": 64,
    "spec": 100,
    "unit": 16,
    "category": 64,
    "producer": 128,
    "certifications": 200,
    "origin_province": 32,
    "origin_county": 64,
    "origin_town": 64,
    "origin_village": 64,
    "photo_path": 500,
    "platform_code": 128,
}


@dataclass
class ProductInput:
    """A product as the user typed it (editor fields or one import row).

    Money fields take the text typed (`"39.9"`, `"¥1,234.50"`) or an int of fen; blank live
    price / cost mean "none". 售价 is required: text that is blank (a cleared field, spaces) is
    refused, never saved as ¥0.00 (0 only when typed); None means no price was given at all
    (a product import row without 售价, DESIGN §6: only 商品名称 is required) and gives 0.
    Category and producer are names: a new name is created.
    `platform_codes` None leaves a product's codes as they are; a list replaces them.
    `stock_reason` is recorded in the stock history when an update changes the stock.
    """

    name: str = ""
    sku: str = ""
    spec: str = ""
    unit: str = ""
    category: str = ""
    list_price: MoneyValue = None  # None: not given (see above); "" or spaces: left blank, refused
    live_price: MoneyValue = ""
    cost: MoneyValue = ""
    stock: Union[str, int, None] = 0
    low_stock_threshold: Union[str, int, None] = 0
    origin_province: str = ""
    origin_county: str = ""
    origin_town: str = ""
    origin_village: str = ""
    producer: str = ""
    certifications: Union[str, list[str], tuple[str, ...]] = ""
    shelf_life_days: Union[str, int, None] = ""
    photo_path: str = ""
    notes: str = ""
    archived: bool = False
    needs_review: bool = False
    platform_codes: Optional[list[tuple[str, str]]] = None
    stock_reason: str = ""


@dataclass(frozen=True)
class ValidProduct:
    """A ProductInput that passed every field rule, in stored form."""

    name: str
    sku: Optional[str]
    spec: str
    unit: str
    category: str
    list_price_fen: int
    live_price_fen: Optional[int]
    cost_fen: Optional[int]
    stock: int
    low_stock_threshold: int
    origin_province: str
    origin_county: str
    origin_town: str
    origin_village: str
    producer: str
    certifications: str
    shelf_life_days: Optional[int]
    photo_path: str
    notes: str
    archived: bool
    needs_review: bool
    platform_codes: Optional[tuple[tuple[str, str], ...]] = None
    stock_reason: str = ""

    @property
    def origin(self) -> str:
        return join_origin(self.origin_province, self.origin_county, self.origin_town, self.origin_village)

    def as_input(self) -> ProductInput:
        """The ProductInput that cleans to this product (money as fen, names as they are)."""
        values = {_INPUT_NAMES.get(f.name, f.name): getattr(self, f.name) for f in fields(self)}
        values["sku"] = self.sku or ""
        values["platform_codes"] = None if self.platform_codes is None else list(self.platform_codes)
        return ProductInput(**values)


# ValidProduct field → ProductInput field, where they differ (money: fen vs as typed).
_INPUT_NAMES = {"list_price_fen": "list_price", "live_price_fen": "live_price", "cost_fen": "cost"}


def platform_message(platform: str) -> "Message | str":
    """A platform code as a message parameter: its display name in the reader's language
    (`product.platform.<code>`), or the code itself when it is not one the app knows."""
    from ..messages.texts import TEXTS

    code = f"product.platform.{platform}"
    return Message(code) if code in TEXTS else platform


def clean_sku(value: object) -> str:
    """商家编码 as stored: trimmed, full-width letters and digits as ASCII (codes are ASCII)."""
    if type(value) is str:
        return _clean_sku_text(value)
    return unicodedata.normalize("NFKC", normalise_text(value)).strip()


@lru_cache(maxsize=256)
def _clean_sku_text(text: str) -> str:
    # An import cleans a row's code four times (reading, matching, checking, its key).
    return unicodedata.normalize("NFKC", normalise_text(text)).strip()


def sku_key(value: object) -> Optional[str]:
    """The 商家编码 as it is matched (products.sku_key, unique): clean_sku (trimmed, full-width
    letters and digits as ASCII, as Chinese input methods type them) and case-folded, so that
    `d-1`, `D-1` and `Ｄ－１` are one code. None for no code."""
    return clean_sku(value).casefold() or None


# A catalogue's units, categories, producers, origins and certifications repeat over its
# products: a big import cleans each distinct text once (pure functions of a str).
_normalised_str = lru_cache(maxsize=4096)(normalise_text)


@lru_cache(maxsize=1024)
def _certifications_text(text: str) -> str:
    return join_certifications(split_certifications(text))


def _field_text(value: object) -> str:
    return _normalised_str(value) if type(value) is str else normalise_text(value)


def clean_product(data: ProductInput) -> tuple[Optional[ValidProduct], dict[str, Message]]:
    """(the cleaned product, {}) or (None, {field: Message}) for every bad field at once."""
    errors: dict[str, Message] = {}

    def text(name: str, value: object) -> str:
        cleaned = _normalised_str(value) if type(value) is str else normalise_text(value)
        limit = MAX_LENGTHS.get(name)
        if limit and len(cleaned) > limit:
            errors[name] = Message("product.too_long", length=len(cleaned), limit=limit)
        return cleaned

    name = text("name", data.name)
    if not name:
        errors["name"] = Message("product.name_required")
    sku = clean_sku(data.sku)
    if len(sku) > MAX_LENGTHS["sku"]:
        errors["sku"] = Message("product.too_long", length=len(sku), limit=MAX_LENGTHS["sku"])
    spec = text("spec", data.spec)
    unit = text("unit", data.unit)
    category = text("category", data.category)
    producer = text("producer", data.producer)
    notes = _field_text(data.notes)
    photo_path = text("photo_path", data.photo_path)
    origin_province = text("origin_province", data.origin_province)
    origin_county = text("origin_county", data.origin_county)
    origin_town = text("origin_town", data.origin_town)
    origin_village = text("origin_village", data.origin_village)

    if type(data.certifications) is str:
        certs = _certifications_text(data.certifications)
    else:
        certs = join_certifications(split_certifications(data.certifications))
    if len(certs) > MAX_LENGTHS["certifications"]:
        errors["certifications"] = Message(
            "product.too_long", length=len(certs), limit=MAX_LENGTHS["certifications"]
        )

    def money(name: str, value: MoneyValue, what: str, allow_blank: bool = True) -> Optional[int]:
        if type(value) is int and 0 <= value <= 2**53:  # already fen (an import's cells are parsed): as below
            return value
        try:
            return parse_money_field(value, what=what, allow_blank=allow_blank)
        except FieldError as exc:
            errors[name] = exc.message
            return None

    # A price typed blank is a price forgotten: required (0 only when typed, see ProductInput).
    list_price = money("list_price", data.list_price, "the price", allow_blank=data.list_price is None)
    live_price = money("live_price", data.live_price, "the live price")
    cost = money("cost", data.cost, "the cost")

    def count(name: str, value: object, what: str) -> Optional[int]:
        if type(value) is int and 0 <= value <= 2**31 - 1:  # already a count: as parse_whole_number gives it
            return value
        try:
            return parse_whole_number(value, what=what)
        except FieldError as exc:
            errors[name] = exc.message
            return None

    stock = count("stock", data.stock, "stock")
    threshold = count("low_stock_threshold", data.low_stock_threshold, "the low-stock threshold")
    shelf = count("shelf_life_days", data.shelf_life_days, "shelf life")

    codes: Optional[tuple[tuple[str, str], ...]] = None
    if data.platform_codes is not None:
        seen: dict[tuple[str, str], int] = {}
        cleaned_codes = []
        for index, (platform, code) in enumerate(data.platform_codes):
            platform = normalise_text(platform).lower()
            code = clean_sku(code)
            if not platform and not code:
                continue
            if not platform:
                errors["platform_codes"] = Message("product.code_platform_missing", line=index + 1)
                continue
            if not code:
                errors["platform_codes"] = Message("product.code_empty", line=index + 1)
                continue
            if len(code) > MAX_LENGTHS["platform_code"]:
                errors["platform_codes"] = Message("product.code_too_long", line=index + 1)
                continue
            if (platform, code) in seen:
                errors["platform_codes"] = Message("product.code_twice", code=code, platform=platform_message(platform))
                continue
            seen[(platform, code)] = index
            cleaned_codes.append((platform, code))
        codes = tuple(cleaned_codes)

    if errors:
        return None, errors
    return (
        _valid_product(
            name=name,
            sku=sku or None,
            spec=spec,
            unit=unit,
            category=category,
            list_price_fen=list_price or 0,
            live_price_fen=live_price,
            cost_fen=cost,
            stock=stock or 0,
            low_stock_threshold=threshold or 0,
            producer=producer,
            certifications=certs,
            shelf_life_days=shelf,
            photo_path=photo_path,
            notes=notes,
            archived=bool(data.archived),
            needs_review=bool(data.needs_review),
            platform_codes=codes,
            stock_reason=_field_text(data.stock_reason),
            origin_province=origin_province,
            origin_county=origin_county,
            origin_town=origin_town,
            origin_village=origin_village,
        ),
        {},
    )


def _valid_product(**values) -> ValidProduct:
    """ValidProduct(**values) for clean_product, which always gives every field: the same
    instance without the frozen dataclass's __init__ (one object.__setattr__ per field,
    a third of cleaning a row of a 100,000-row import)."""
    product = _new_object(ValidProduct)
    product.__dict__.update(values)
    return product


_new_object = object.__new__


def validate_product(data: ProductInput) -> dict[str, Message]:
    """{field: Message} for every field that breaks a rule; empty when the input is fine.

    Field names are ProductInput's. The duplicate-商家编码 check needs the database and is
    made by the catalogue service.
    """
    return clean_product(data)[1]


def margin_pct(price_fen: Optional[int], cost_fen: Optional[int]) -> Optional[Decimal]:
    """(price − cost) / price × 100, exact; None without a cost or with a zero price."""
    if cost_fen is None or not price_fen:
        return None
    return Decimal(price_fen - cost_fen) * 100 / Decimal(price_fen)


def is_low_stock(stock: int, threshold: int) -> bool:
    """Low stock means at or under a positive threshold (0 = no warning)."""
    return threshold > 0 and stock <= threshold


PRODUCT_INPUT_FIELDS = tuple(f.name for f in fields(ProductInput))

__all__ = [
    "FieldError",
    "field_message",
    "what_message",
    "platform_message",
    "ProductInput",
    "ValidProduct",
    "clean_product",
    "validate_product",
    "normalise_text",
    "clean_sku",
    "sku_key",
    "parse_whole_number",
    "parse_money_field",
    "split_origin",
    "join_origin",
    "split_certifications",
    "join_certifications",
    "KNOWN_CERTIFICATIONS",
    "margin_pct",
    "is_low_stock",
    "MAX_LENGTHS",
]
