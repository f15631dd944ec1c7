"""Derived search keys for products: the text itself plus pinyin full spelling and initials.

Stored in `Product.search_keys` on every write, so that a search is one `LIKE '%term%'` per
typed word over one column, with no pinyin work at query time:

    search_keys_for("婺源皇菊", "JX-HJ-050", "江西省 婺源县", "李知合作社")
    → "婺源皇菊 wuyuanhuangju wyhj jx-hj-050 江西省 jiangxisheng jxs 婺源县 wuyuanxian wyx …"

Because the terms are matched as substrings, the spelling or initials of any run of
characters is found too: "huangju" and "hj" find 皇菊, "wyhj" finds 婺源皇菊. Keys are
separated by spaces and a search term never contains a space, so a term never matches
across two keys. Heteronyms take pypinyin's reading in context (its phrase dictionary:
重庆 → chongqing, 银行 → yinhang). ü is spelled `v` as Chinese IMEs type it (绿 → lv), with
a `u` variant added (lu) since some people type that.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

def normalise_for_search(text: object) -> str:
    """NFKC (full-width letters and digits as ASCII), lower case, single spaces."""
    if text is None:
        return ""
    # split() cuts at exactly the characters `\s` matches (str.isspace) and drops the ends:
    # what a regex substitution and strip() give, in one C call.
    return " ".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def search_terms(text: object) -> list[str]:
    """The words of a search box, normalised like the keys; empty words dropped."""
    return [term for term in normalise_for_search(text).split(" ") if term]


_HAN_RUN = None  # a regex of runs of Han characters (pypinyin's own class), made on first use


def _han_split(text: str) -> list[str]:
    """`text` cut at its runs of Han characters: [other, Han run, other, …, other], the
    other pieces possibly empty (a Han run at odd indices, never empty); one piece when
    there is no Han character."""
    global _HAN_RUN
    if _HAN_RUN is None:
        from pypinyin.constants import RE_HANS  # imported on first use: pypinyin loads large tables

        _HAN_RUN = re.compile("(" + RE_HANS.pattern.removeprefix("^").removesuffix("$") + ")")
    return _HAN_RUN.split(text)


@lru_cache(maxsize=16384)
def _run_syllables(run: str) -> tuple[str, ...]:
    """pypinyin's reading of a run of Han characters (in context: 重庆 → chong qing). pypinyin
    reads each such run on its own, so caching runs (a catalogue repeats its words:
    婺源, 皇菊, 礼盒…) gives what reading the whole text gives, 10-20× faster on a big import."""
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(run, errors="default"))


@lru_cache(maxsize=16384)
def _run_initials(run: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(run, style=Style.FIRST_LETTER, errors="default"))


@lru_cache(maxsize=16384)
def _run_forms(run: str) -> tuple[str, str]:
    """(full spelling, initials) of a run of Han characters; cached like its reading."""
    read = _run_syllables(run)
    if len(read) == len(run):
        initials = "".join(s[:1] for s in read)
    else:  # pypinyin cut the run differently: ask it for the initials
        initials = _run_initials(run)
    return "".join(read), initials


def _pinyin_forms(text: str) -> tuple[str, ...]:
    """Full spelling and initials of the Chinese in `text` (empty when there is none)."""
    if text.isascii():
        return ()
    compact = "".join(text.split())  # (every whitespace character out, as `\s` matches them)
    spelled = _han_split(compact)
    if len(spelled) == 1:  # no Han character
        return ()
    initials = spelled.copy()
    for index in range(1, len(spelled), 2):  # the Han runs; the pieces between are kept as they are
        spelled[index], initials[index] = _run_forms(spelled[index])
    full = "".join(spelled).lower()
    first = "".join(initials).lower()
    if "v" in full and "v" not in compact.lower():
        forms = (full, first, full.replace("v", "u"))
    elif full and first and full != first:
        return (full, first)
    else:
        forms = (full, first)
    return tuple(dict.fromkeys(f for f in forms if f))


pinyin_forms = lru_cache(maxsize=4096)(_pinyin_forms)


# --- the sort key of a name (products.name_sort) -------------------------------------------
#
# Chinese names sort by their pinyin, as a Chinese dictionary or a phone's contact list does
# (安福火腿 an fu huo tui before 万年贡米 wan nian gong mi), not by code point. The key is the
# name's syllables and words, lower case, separated by one space, digits padded (2斤 before
# 10斤); punctuation dropped. Ties (same readings) are broken by the name itself.
_NUMBER = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[\W_]+")
NAME_SORT_LIMIT = 400  # characters kept: the first ~60 syllables decide any real order
_NUMBER_WIDTH = 10


def _sort_words(item: str) -> list[str]:
    item = _NUMBER.sub(lambda m: m.group().rjust(_NUMBER_WIDTH, "0"), item)
    return [word for word in _NOT_WORD.split(item) if word]


@lru_cache(maxsize=4096)
def name_sort_key(text: object) -> str:
    """The sort key of a name: `name_sort_key("万年贡米 5斤") → "wan nian gong mi 0000000005 jin"`."""
    norm = _normalised_name(text) if type(text) is str else normalise_for_search(text)
    if not norm:
        return ""
    if norm.isascii():
        return " ".join(_sort_words(norm))[:NAME_SORT_LIMIT]
    pieces = _han_split(norm)  # other, Han, other, …, other
    texts: list[str] = []
    text = _sort_text_of_other(pieces[0])
    if text:  # (a piece without words adds no word)
        texts.append(text)
    for index in range(1, len(pieces), 2):
        texts.append(_sort_text_of_han(pieces[index]))
        text = _sort_text_of_other(pieces[index + 1])
        if text:
            texts.append(text)
    return " ".join(texts)[:NAME_SORT_LIMIT]


# The sort key's words of one piece of `_han_split`, joined by spaces: a word per syllable (or
# character pypinyin cannot read) of a Han run; words and padded numbers of any other piece.
@lru_cache(maxsize=16384)
def _sort_text_of_han(run: str) -> str:
    return " ".join([syllable.lower() for syllable in _run_syllables(run)])


@lru_cache(maxsize=16384)
def _sort_text_of_other(piece: str) -> str:
    return " ".join(_sort_words(piece)) if piece else ""


def _keys_of(text: object) -> tuple[str, ...]:
    if type(text) is str:
        return _keys_of_str(text)
    return _keys_of_text(normalise_for_search(text))


@lru_cache(maxsize=8192)
def _keys_of_str(text: str) -> tuple[str, ...]:
    """_keys_of a text as written: a catalogue's origins and producers repeat on most of its
    products, so they are not normalised again for each (a 100,000-row import)."""
    norm = _normalised_name(text)  # (a product's name: its keys are not looked up in more caches)
    return _with_forms(norm, _pinyin_forms(norm)) if norm else ()


def _with_forms(norm: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """(norm, *forms), each key once (a form equals the text when it reads as itself); the
    keys are never empty."""
    if not forms:
        return (norm,)
    if norm in forms:
        return (norm, *(form for form in forms if form != norm))
    return (norm, *forms)


# The name is normalised for its search keys, then again for its sort key: the second time
# is answered from here.
_normalised_name = lru_cache(maxsize=64)(normalise_for_search)


@lru_cache(maxsize=8192)
def _keys_of_text(norm: str) -> tuple[str, ...]:
    """(the text, its pinyin forms); cached: origins and producers repeat over a catalogue."""
    return _with_forms(norm, pinyin_forms(norm)) if norm else ()


def search_keys_for(
    name: str,
    sku: str | None = "",
    origin: str | Iterable[str] = "",
    producer: str | None = "",
) -> str:
    """The search keys of a product: lower-cased name, 商家编码, origin and producer, plus the
    pinyin full spelling and initials of the name, of each origin part and of the producer.

    `origin` is the joined 产地 text ("江西省 婺源县 …") or its parts.
    """
    head = _keys_of(name)  # each key once, none empty
    if sku:
        code = normalise_for_search(sku)
        if code and code not in head:
            head = (*head, code)
    if isinstance(origin, str):
        parts = tuple(origin.split())
    elif type(origin) is tuple and all(origin):  # (the parts of a stored product: no copy)
        parts = origin
    else:
        parts = tuple(filter(None, origin))  # (blank parts left out)
    tail, tail_text = _place_and_producer_keys(parts, producer)
    if not tail_text:
        return " ".join(head)
    if not head:
        return tail_text
    if tail.keys().isdisjoint(head):  # as ever: the keys in order, each once (the place's own keys joined once)
        return " ".join(head) + " " + tail_text
    return " ".join(dict.fromkeys((*head, *tail)))


@lru_cache(maxsize=4096)
def _place_and_producer_keys(parts: tuple[str, ...], producer: str | None) -> tuple[dict[str, None], str]:
    """The keys of an origin's parts and of a producer, each once in order, and joined:
    together they repeat over a catalogue (a dict: ordered, and a set to check against)."""
    keys: list[str] = []
    for part in parts:
        keys += _keys_of(part)
    keys += _keys_of(producer)
    unique = dict.fromkeys(k for k in keys if k)
    return unique, " ".join(unique)


def product_search_keys(product) -> str:
    """The search keys of a product: THE one place every writer (editor, import, restore,
    a producer's rename, demo data) gets them from. `product` is anything with the stored
    fields `name`, `sku`, `origin_province` … `origin_village` and `producer` (a name): a
    `ValidProduct`, a `ProductDetail` or a selected row."""
    origin = (product.origin_province, product.origin_county, product.origin_town, product.origin_village)
    return search_keys_for(product.name, product.sku or "", origin, product.producer or "")


def product_sort_key(product) -> str:
    """products.name_sort of `product` (anything with `name`), kept with the search keys."""
    return name_sort_key(product.name)


__all__ = ["search_keys_for", "product_search_keys", "product_sort_key", "name_sort_key", "search_terms", "normalise_for_search", "pinyin_forms"]
