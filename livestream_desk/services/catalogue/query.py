"""Which products a catalogue view shows: the filters, the sort, and the plan of a text search.

A text search matches each typed word as a substring of the stored `Product.search_keys`
(name, 商家编码, origin and producer, with pinyin full spelling and initials: see
domain.pinyin_keys): `LIKE '%term%'`, answered on SQLite from the trigram index
`product_search` for words of two characters or more (see `text_search`; the results are
the same, only faster). Counting and reading windows is in window.py.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional, Union

from sqlalchemy import and_, bindparam, case, literal, literal_column, or_, select

from ...db.models import (
    PRODUCT_SEARCH_ARCHIVED,
    PRODUCT_SEARCH_LETTERS,
    Category,
    Producer,
    Product,
    product_search,
    product_search_vocab,
)
from ...db.sql import nulls_low
from ...domain.validation import normalise_text
from .errors import CatalogueProblem
from ...domain.pinyin_keys import search_terms


class ArchivedFilter(str, enum.Enum):
    EXCLUDE = "exclude"  # active products only (the default view)
    INCLUDE = "include"  # all
    ONLY = "only"  # archived ones only


@dataclass
class ProductQuery:
    """A filtered, sorted window of the catalogue.

    `text`: words typed in the search box (each must match: name, 商家编码, origin,
    producer, their pinyin and initials). `origin`: any part of 产地 contains it (each
    space-separated word). `sort`: a ProductRow field name (see SORT_KEYS).
    """

    text: str = ""
    category_id: Optional[int] = None
    origin: str = ""
    producer_id: Optional[int] = None
    certification: str = ""
    archived: Union[ArchivedFilter, str] = ArchivedFilter.EXCLUDE
    low_stock_only: bool = False
    needs_review_only: bool = False
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: Optional[int] = None


_MARGIN = case(
    (
        and_(Product.cost_fen.is_not(None), Product.list_price_fen != 0),
        (Product.list_price_fen - Product.cost_fen) * literal(1.0) / Product.list_price_fen,
    ),
    else_=None,
)
_LOW_STOCK = case(
    (and_(Product.low_stock_threshold > 0, Product.stock <= Product.low_stock_threshold), 1), else_=0
)
SORT_KEYS = {
    "id": (Product.id,),
    "sku": (Product.sku,),
    # by pinyin (products.name_sort: 安福火腿 before 万年贡米), ties by the name itself
    "name": (Product.name_sort, Product.name, Product.spec),
    "spec": (Product.spec,),
    "unit": (Product.unit,),
    "category": (Category.name,),
    "list_price_fen": (Product.list_price_fen,),
    "live_price_fen": (Product.live_price_fen,),
    "cost_fen": (Product.cost_fen,),
    "margin_pct": (_MARGIN,),
    "stock": (Product.stock,),
    "low_stock_threshold": (Product.low_stock_threshold,),
    "low_stock": (_LOW_STOCK,),
    "origin": (Product.origin_province, Product.origin_county, Product.origin_town, Product.origin_village),
    "producer": (Producer.name,),
    "certifications": (Product.certifications,),
    "archived": (Product.archived,),
    "needs_review": (Product.needs_review,),
    "updated_at": (Product.updated_at,),
}
SORT_KEYS["list_price"] = SORT_KEYS["list_price_fen"]
SORT_KEYS["live_price"] = SORT_KEYS["live_price_fen"]
SORT_KEYS["cost"] = SORT_KEYS["cost_fen"]


def query_conditions(query: ProductQuery, search: Optional["TextSearch"] = None) -> list:
    """The WHERE terms of `query`. With `search` (see text_search) the words it found in the
    index are matched there, the others with LIKE; without it every word with LIKE."""
    where = []
    like_terms = search_terms(query.text) if search is None else search.like_terms
    for term in like_terms:
        where.append(Product.search_keys.contains(term, autoescape=True))
    if search is not None and search.match is not None:
        where.append(Product.id.in_(select(product_search.c.rowid).where(fts_match(search.match))))
    if query.category_id is not None:
        where.append(Product.category_id == query.category_id)
    if query.producer_id is not None:
        where.append(Product.producer_id == query.producer_id)
    # icontains: any letter case, as SQLite's LIKE compares (PostgreSQL's LIKE minds case).
    for word in normalise_text(query.origin).split():
        where.append(
            or_(
                Product.origin_province.icontains(word, autoescape=True),
                Product.origin_county.icontains(word, autoescape=True),
                Product.origin_town.icontains(word, autoescape=True),
                Product.origin_village.icontains(word, autoescape=True),
            )
        )
    certification = normalise_text(query.certification)
    if certification:
        where.append(Product.certifications.icontains(certification, autoescape=True))
    archived = ArchivedFilter(query.archived)
    if archived is ArchivedFilter.EXCLUDE:
        where.append(Product.archived.is_(False))
    elif archived is ArchivedFilter.ONLY:
        where.append(Product.archived.is_(True))
    if query.low_stock_only:
        where.append(and_(Product.low_stock_threshold > 0, Product.stock <= Product.low_stock_threshold))
    if query.needs_review_only:
        where.append(Product.needs_review.is_(True))
    return where


def is_filtered(query: ProductQuery) -> bool:
    """True when a filter other than the archived flag narrows the rows."""
    return bool(
        search_terms(query.text)
        or has_row_filters(query)
        or ArchivedFilter(query.archived) is ArchivedFilter.ONLY
    )


def has_row_filters(query: ProductQuery) -> bool:
    """True when a filter other than the words and the archived flag narrows the rows."""
    return bool(
        query.category_id is not None
        or query.producer_id is not None
        or normalise_text(query.origin)
        or normalise_text(query.certification)
        or query.low_stock_only
        or query.needs_review_only
    )


def order_by_query(statement, query: ProductQuery, walk_name_index: Optional[bool] = None):
    """`statement` sorted as `query` says, ties broken by id. By name, `walk_name_index`
    says whether to read the (name, spec) index in order (None: when nothing is filtered)."""
    keys = SORT_KEYS.get(query.sort)
    if keys is None:
        raise CatalogueProblem("catalogue.bad_sort", sort=query.sort)
    if walk_name_index is None:
        walk_name_index = not is_filtered(query)
    if query.sort == "name" and not walk_name_index:
        # Walking the (name_sort, name, spec) index to avoid a sort pays off only when most
        # rows match; for a search (few matches) a scan and a sort of the matches is 3× faster.
        keys = (Product.name_sort + literal(""), Product.name, Product.spec)
    order = [nulls_low(k, query.descending) for k in keys]  # blanks last when descending, on PostgreSQL too
    order.append(Product.id.desc() if query.descending else Product.id.asc())
    return statement.order_by(*order)


# --- text search: the trigram index where there is one, else LIKE -------------------------
#
# A word matches when it is a substring of search_keys. `LIKE '%word%'` finds that by reading
# every product (~10-17 ms for 50,000 on a 2-core machine: too slow for a keystroke). On
# SQLite the migration 0002_product_search also indexes the keys in `product_search`, an FTS5
# table with the trigram tokenizer, kept equal to `products` by triggers:
#   - a word of 3+ characters is an FTS5 phrase: its trigrams, consecutive. That is the same
#     substring test as LIKE: the keys are lower case and so are the words, and the index
#     compares exactly (case_sensitive 1);
#   - a word of 2 characters is any of the indexed trigrams that start with it (the indexed
#     keys end with a space, so the last two characters have one too);
#   - a word of 1 ASCII letter or digit is looked up in `letters` (the letters in the keys);
#     any other single character stays a LIKE.
# The archived flag is indexed too (state), so that a count of the products on sale that
# match a search never reads the products table. No query needs a column filter: only `keys`
# holds two ordinary characters in a row (the migration's docstring tells why), and a filter
# would make FTS5 look at every position. PostgreSQL has no such index: LIKE there.

MATCH_ALL = "\U0010ffff"  # the highest character: "xy" <= trigram <= "xy" + MATCH_ALL
LETTER_MARK = "\x1f\x1f"  # follows each letter in product_search.letters


@dataclass(frozen=True)
class TextSearch:
    """How the words of a search are matched: `like_terms` with LIKE over search_keys,
    the rest by `match` (an FTS5 query over product_search; None when none are)."""

    like_terms: tuple[str, ...]
    match: Optional[str] = None
    nothing: bool = False  # the index shows that no product contains one of the words
    at_least: int = 0  # the index shows that at least this many products (archived or not) match


def has_search_index(conn) -> bool:
    """Whether this database has the trigram index (SQLite with FTS5, schema 0002+)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'product_search'"
    ).first()
    return found is not None


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_match(expression: str):
    # `product_search MATCH …`: the table, not a column (which would restrict the whole
    # query to that column).
    return literal_column("product_search").op("MATCH")(expression)


# The indexed trigrams from :first to :last, with how many products hold each.
_VOCAB_RANGE = select(product_search_vocab.c.term, product_search_vocab.c.doc).where(
    product_search_vocab.c.term >= bindparam("first"), product_search_vocab.c.term <= bindparam("last")
)


def text_search(conn, text: str, index: Optional[bool] = None) -> TextSearch:
    """The plan for the words of `text` on this connection (see above); `index`: whether
    the database has the trigram index (looked up when None)."""
    terms = list(dict.fromkeys(search_terms(text)))
    if not terms or not (has_search_index(conn) if index is None else index):
        return TextSearch(tuple(terms))
    like_terms: list[str] = []
    parts: list[str] = []
    at_least = 0
    for term in terms:
        if len(term) >= 3:
            parts.append(_fts_phrase(term))
        elif len(term) == 2:
            trigrams = conn.execute(_VOCAB_RANGE, {"first": term, "last": term + MATCH_ALL}).all()
            if not trigrams:
                return TextSearch((), None, nothing=True)
            parts.append("(" + " OR ".join(_fts_phrase(t) for t, _ in trigrams) + ")")
            if len(terms) == 1:  # every product with one of these trigrams matches
                at_least = max(doc for _, doc in trigrams)
        elif term in PRODUCT_SEARCH_LETTERS:
            parts.append(_fts_phrase(term + LETTER_MARK))
        else:
            like_terms.append(term)
    return TextSearch(tuple(like_terms), " AND ".join(parts) if parts else None, at_least=at_least)


ARCHIVED_MATCH = _fts_phrase(PRODUCT_SEARCH_ARCHIVED)  # the archived products (their state)


def archived_match(match: str, archived: ArchivedFilter) -> str:
    if archived is ArchivedFilter.EXCLUDE:
        return f"({match}) NOT {ARCHIVED_MATCH}"
    if archived is ArchivedFilter.ONLY:
        return f"({match}) AND {ARCHIVED_MATCH}"
    return match


__all__ = [
    "ArchivedFilter", "ProductQuery", "SORT_KEYS", "TextSearch", "query_conditions", "order_by_query",
    "is_filtered", "has_row_filters", "has_search_index", "text_search", "fts_match", "archived_match",
    "ARCHIVED_MATCH",
]
