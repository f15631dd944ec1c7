"""The product catalogue: products, categories, producers, platform codes and stock.

Plain Python over SQLAlchemy, no Qt (DESIGN §2). Every function takes the open `Database`
and returns plain frozen dataclasses, never ORM objects. Every writing function runs in ONE
transaction (BEGIN IMMEDIATE on SQLite) and writes nothing when it raises.

Errors the user can cause raise `UserError` subclasses with a message fit to show:
`ProductInvalid` carries `errors: {field: message}` with ProductInput's field names, so the
editor shows each message next to its field.

Reading is windowed for the GUI's table model: `list_products(db, ProductQuery(...,
offset=…, limit=…))` and `count_products(db, query)`. A text search matches each typed word
as a substring of the stored `Product.search_keys` (name, 商家编码, origin and producer, with
pinyin full spelling and initials: see services.pinyin_keys): `LIKE '%term%'`, answered on
SQLite from the trigram index `product_search` for words of two characters or more (see
`text_search`; the results are the same, only faster).

Stock changes are always recorded as StockMovement rows with a reason (the stock history).
The reasons written by the app itself are the REASON_* constants (stored text, in Chinese
like the rest of the user's data).
"""
from __future__ import annotations

import enum
import hashlib
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Iterator, Optional, Sequence, Union

from sqlalchemy import and_, case, delete, func, insert, literal, literal_column, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import config
from ..db.engine import Database
from ..db.models import (
    PRODUCT_SEARCH_ARCHIVED,
    PRODUCT_SEARCH_LETTERS,
    Category,
    LineupItem,
    Platform,
    PlatformCode,
    Producer,
    Product,
    Sale,
    StockMovement,
    product_search,
    product_search_vocab,
)
from ..db.sql import nulls_low
from ..domain.metrics import round_pct
from ..domain.validation import (
    MAX_LENGTHS,
    ProductInput,
    ValidProduct,
    clean_product,
    clean_sku,
    is_low_stock,
    join_origin,
    margin_pct,
    normalise_text,
    split_certifications,
    validate_product,
)
from .errors import UserError
from .pinyin_keys import search_keys_for, search_terms

REASON_INITIAL = "初始库存"
REASON_EDITED = "编辑商品时修改"
REASON_IMPORT = "导入商品表"
REASON_STOCKTAKE = "盘点"

PHOTO_FOLDER = "photos"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"}
PHOTO_MAX_BYTES = 20 * 2**20


# --- errors -------------------------------------------------------------------


class ProductInvalid(UserError):
    """A product the rules refuse; `errors` maps ProductInput field names to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


class NotFound(UserError):
    """The product (category, producer) was deleted meanwhile."""


# --- rows ---------------------------------------------------------------------


@dataclass(frozen=True)
class ProductRow:
    """One line of the catalogue table."""

    id: int
    sku: str  # "" when none
    name: str
    spec: str
    unit: str
    category_id: Optional[int]
    category: str
    list_price_fen: int
    live_price_fen: Optional[int]
    cost_fen: Optional[int]
    margin_pct: Optional[Decimal]  # (price − cost) / price × 100, one decimal; None without cost or price
    stock: int
    low_stock_threshold: int
    low_stock: bool
    origin: str  # "江西省 婺源县 江湾镇 篁岭村"
    producer_id: Optional[int]
    producer: str
    certifications: str  # 、-separated
    archived: bool
    needs_review: bool
    photo_path: str
    updated_at: Optional[datetime]


@dataclass(frozen=True)
class PlatformCodeRow:
    platform: str
    code: str
    id: Optional[int] = None


@dataclass(frozen=True)
class StockMovementRow:
    id: int
    product_id: int
    delta: int
    reason: str
    at: datetime
    stock_after: Optional[int] = None  # filled by stock_history()


@dataclass(frozen=True)
class ProductDetail:
    """Every field of a product, for the editor."""

    id: int
    sku: str
    name: str
    spec: str
    unit: str
    category_id: Optional[int]
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
    producer_id: Optional[int]
    producer: str
    certifications: str
    shelf_life_days: Optional[int]
    photo_path: str
    notes: str
    archived: bool
    needs_review: bool
    created_at: Optional[datetime]
    updated_at: Optional[datetime]
    platform_codes: tuple[PlatformCodeRow, ...] = ()

    @property
    def origin(self) -> str:
        return join_origin(self.origin_province, self.origin_county, self.origin_town, self.origin_village)

    @property
    def margin_pct(self) -> Optional[Decimal]:
        return round_pct(margin_pct(self.list_price_fen, self.cost_fen))

    @property
    def low_stock(self) -> bool:
        return is_low_stock(self.stock, self.low_stock_threshold)


@dataclass(frozen=True)
class DeletedProduct:
    """What `delete_product` removed; `restore_deleted_product` puts it back (undo)."""

    detail: ProductDetail
    stock_movements: tuple[StockMovementRow, ...]


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    position: int
    product_count: int = 0


@dataclass(frozen=True)
class ProducerRow:
    id: int
    name: str
    kind: str = ""
    contact: str = ""
    village: str = ""
    notes: str = ""
    product_count: int = 0


# --- queries ------------------------------------------------------------------------


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
    "name": (Product.name, Product.spec),
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


def row_select():
    return (
        select(
            Product.id,
            Product.sku,
            Product.name,
            Product.spec,
            Product.unit,
            Product.category_id,
            Category.name.label("category"),
            Product.list_price_fen,
            Product.live_price_fen,
            Product.cost_fen,
            Product.stock,
            Product.low_stock_threshold,
            Product.origin_province,
            Product.origin_county,
            Product.origin_town,
            Product.origin_village,
            Product.producer_id,
            Producer.name.label("producer"),
            Product.certifications,
            Product.archived,
            Product.needs_review,
            Product.photo_path,
            Product.updated_at,
        )
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
    )


def _to_row(r) -> ProductRow:
    # By position (row_select's order): a hundred of these per keystroke in a search.
    (product_id, sku, name, spec, unit, category_id, category, list_price_fen, live_price_fen, cost_fen, stock,
     low_stock_threshold, province, county, town, village, producer_id, producer, certifications, archived,
     needs_review, photo_path, updated_at) = r
    return ProductRow(
        id=product_id,
        sku=sku or "",
        name=name,
        spec=spec,
        unit=unit,
        category_id=category_id,
        category=category or "",
        list_price_fen=list_price_fen,
        live_price_fen=live_price_fen,
        cost_fen=cost_fen,
        margin_pct=None if cost_fen is None else round_pct(margin_pct(list_price_fen, cost_fen)),
        stock=stock,
        low_stock_threshold=low_stock_threshold,
        low_stock=is_low_stock(stock, low_stock_threshold),
        origin=join_origin(province, county, town, village),
        producer_id=producer_id,
        producer=producer or "",
        certifications=certifications,
        archived=bool(archived),
        needs_review=bool(needs_review),
        photo_path=photo_path,
        updated_at=updated_at,
    )


def query_conditions(query: ProductQuery, search: Optional["TextSearch"] = None) -> list:
    """The WHERE terms of `query`. With `search` (see text_search) the words it found in the
    index are matched there, the others with LIKE; without it every word with LIKE."""
    where = []
    like_terms = search_terms(query.text) if search is None else search.like_terms
    for term in like_terms:
        where.append(Product.search_keys.contains(term, autoescape=True))
    if search is not None and search.match is not None:
        where.append(Product.id.in_(select(product_search.c.rowid).where(_fts_match(search.match))))
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


def _reading(db: Database):
    return db.engine.connect().execution_options(readonly=True)


def _is_filtered(query: ProductQuery) -> bool:
    """True when a filter other than the archived flag narrows the rows."""
    return bool(
        search_terms(query.text)
        or _has_row_filters(query)
        or ArchivedFilter(query.archived) is ArchivedFilter.ONLY
    )


def _has_row_filters(query: ProductQuery) -> bool:
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
        raise UserError(f"cannot sort products by {query.sort!r}")
    if walk_name_index is None:
        walk_name_index = not _is_filtered(query)
    if query.sort == "name" and not walk_name_index:
        # Walking the (name, spec) index to avoid a sort pays off only when most rows
        # match; for a search (few matches) a scan and a sort of the matches is 3× faster.
        keys = (Product.name + literal(""), Product.spec)
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


def _fts_match(expression: str):
    # `product_search MATCH …`: the table, not a column (which would restrict the whole
    # query to that column).
    return literal_column("product_search").op("MATCH")(expression)


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
            vocab = product_search_vocab.c
            trigrams = conn.execute(
                select(vocab.term, vocab.doc).where(vocab.term >= term, vocab.term <= term + MATCH_ALL)
            ).all()
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


def _archived_match(match: str, archived: ArchivedFilter) -> str:
    if archived is ArchivedFilter.EXCLUDE:
        return f"({match}) NOT {ARCHIVED_MATCH}"
    if archived is ArchivedFilter.ONLY:
        return f"({match}) AND {ARCHIVED_MATCH}"
    return match


def _index_count(conn, match: str, archived: ArchivedFilter) -> int:
    """How many products `match` finds in the index, archived or not as asked."""
    statement = select(func.count()).select_from(product_search).where(_fts_match(_archived_match(match, archived)))
    return conn.execute(statement).scalar_one()


def _count(conn, query: ProductQuery, search: TextSearch, index: bool = False) -> int:
    """How many products match; from the trigram index alone when it can tell."""
    if search.nothing:
        return 0
    archived = ArchivedFilter(query.archived)
    if index and not search.like_terms and not _has_row_filters(query):
        if search.match is not None:  # words and the archived flag: the index alone answers
            return _index_count(conn, search.match, archived)
        if archived is not ArchivedFilter.INCLUDE:  # nothing typed: all products less the archived ones
            archived_count = conn.execute(
                select(func.count()).select_from(product_search).where(_fts_match(ARCHIVED_MATCH))
            ).scalar_one()
            if archived is ArchivedFilter.ONLY:
                return archived_count
            return conn.execute(select(func.count()).select_from(Product)).scalar_one() - archived_count
    statement = select(func.count()).select_from(Product).where(*query_conditions(query, search))
    return conn.execute(statement).scalar_one()


# The ids of a window (SQLite), the cheaper way for the case:
#   - a search with no other filter than the archived flag: the index alone lists the
#     matches. It is asked for them first, up to PROBE_ROWS; when there are no more, their
#     ids come back as one JSON array (handed back to SQLite as it is) with the count, and
#     are put in order by walking the (name, spec) index, which holds the ids too, until the
#     window is full (~45 ns a product, at worst one pass over it), or, for at most
#     SORT_IDS of them or another sort, by sorting them (~1 µs each: the sort columns are
#     read from the product rows). More matches are counted by the index;
#   - many matches sorted by name: walk the (name, spec) index testing each product met
#     with LIKE (a row read: ~1.5 µs) until the window is full, which takes about
#     (offset + limit) × products ÷ matches of them when the matches are spread over the
#     alphabet. The walk is bounded to twice that: matches bunched at the far end (every
#     婺源… name) must not make it read all the products. When it comes back short, or
#     would be longer than WALK_ROWS, the matches found by the index are walked as above,
#     and without the index (other filters, a single non-letter character) sorted.
PROBE_ROWS = 3000
SORT_IDS = 1000
WALK_ROWS = 1500


def _name_order(query: ProductQuery) -> list:
    keys = (Product.name, Product.spec, Product.id)
    return [k.desc() for k in keys] if query.descending else [k.asc() for k in keys]


def _windowed(statement, query: ProductQuery):
    statement = statement.limit(query.limit)
    return statement.offset(query.offset) if query.offset else statement


def _walk_name_index(conn, query: ProductQuery, total: int, visits: float) -> Optional[list[int]]:
    """The window's ids by walking the name index for about `visits` products (see above);
    None when the window is not full by then."""
    keys = (Product.name, Product.spec, Product.id)
    order = _name_order(query)
    budget = int(2 * visits) + 200
    bound = conn.execute(select(*keys).order_by(*order).offset(budget - 1).limit(1)).first()
    statement = select(Product.id).where(*query_conditions(query))  # every word as LIKE, tested where met
    if bound is not None:
        walked = tuple_(*keys)
        statement = statement.where(walked >= tuple(bound) if query.descending else walked <= tuple(bound))
    ids = list(conn.execute(_windowed(statement.order_by(*order), query)).scalars())
    if bound is not None and query.offset + len(ids) < min(query.offset + query.limit, total):
        return None  # bunched matches: the walk ran out of its budget
    return ids


def _window_ids(conn, query: ProductQuery) -> tuple[list[int], int]:
    """SQLite: how many match first (cheap with the index), then the window's ids."""
    index = has_search_index(conn)
    search = text_search(conn, query.text, index)
    if search.nothing:
        return [], 0
    found = None  # the matching ids (a subquery), when the index alone lists them
    few = False
    if index and search.match is not None and not search.like_terms and not _has_row_filters(query):
        archived = ArchivedFilter(query.archived)
        match = _fts_match(_archived_match(search.match, archived))
        if search.at_least <= 2 * PROBE_ROWS:  # (else surely too many to list)
            probe = select(product_search.c.rowid).where(match).limit(PROBE_ROWS + 1).subquery()
            total, ids = conn.execute(select(func.count(), func.json_group_array(probe.c.rowid))).one()
            few = total <= PROBE_ROWS
        if few:
            found = select(func.json_each(ids).table_valued("value").c.value)
        else:
            total = _index_count(conn, search.match, archived)
            found = select(product_search.c.rowid).where(match)
    else:
        total = _count(conn, query, search, index)
    if total == 0 or query.offset >= total:
        return [], total
    if query.sort == "name" and not few:
        products = conn.execute(select(func.max(Product.id))).scalar() or 0  # about how many there are
        visits = min(query.offset + query.limit, total) * products / total
        if visits <= WALK_ROWS:
            ids = _walk_name_index(conn, query, total, visits)
            if ids is not None:
                return ids, total
    if found is not None and query.sort == "name" and total > SORT_IDS:
        # `id + 0`: the ids are tested on the walk of the (name, spec) index (which holds
        # them) rather than looked up one by one.
        statement = select(Product.id).where((Product.id + 0).in_(found)).order_by(*_name_order(query))
    elif found is not None:
        statement = order_by_query(_ids_statement(query, [Product.id.in_(found)]), query)
    else:
        statement = order_by_query(_ids_statement(query, query_conditions(query, search)), query)
    return list(conn.execute(_windowed(statement, query)).scalars()), total


def list_products(db: Database, query: Optional[ProductQuery] = None) -> list[ProductRow]:
    """The products matching `query`, sorted, from `offset`, at most `limit` of them."""
    return list_products_and_count(db, query, with_total=False)[0]


WIDE_WINDOW = 1000  # above this many rows a window is read in one query


def list_products_and_count(
    db: Database, query: Optional[ProductQuery] = None, *, with_total: bool = True
) -> tuple[list[ProductRow], int]:
    """(the window of `query`, how many products match in all).

    A window of up to WIDE_WINDOW rows is read in two steps: the ids of the window (and
    the total), then those rows in full by primary key. On SQLite the total comes first,
    from the trigram index for a search, and then the ids the cheaper way (_window_ids):
    a few narrow reads, which keeps a search over 50,000 products within a frame. Without
    the index (PostgreSQL) one query gives the ids and the total (`count(*) OVER ()`).
    """
    query = query or ProductQuery()
    with _reading(db) as conn:
        if query.limit is None or query.limit > WIDE_WINDOW:
            statement = order_by_query(row_select().where(*query_conditions(query)), query)
            if query.offset:
                statement = statement.offset(query.offset)
            if query.limit is not None:
                statement = statement.limit(query.limit)
            rows = [_to_row(r) for r in conn.execute(statement)]
            total = len(rows) if not with_total or (not query.offset and query.limit is None) else None
            if total is None:
                total = conn.execute(
                    select(func.count()).select_from(Product).where(*query_conditions(query))
                ).scalar_one()
            return rows, total
        if conn.dialect.name == "sqlite":
            ids, total = _window_ids(conn, query)
        else:
            ids, total = _window_ids_in_one_query(conn, query, with_total)
        found = {r.id: _to_row(r) for r in conn.execute(row_select().where(Product.id.in_(ids)))} if ids else {}
        rows = [found[i] for i in ids if i in found]
        return rows, (total if with_total else len(rows))


def _ids_statement(query: ProductQuery, where: list):
    statement = select(Product.id).select_from(Product)
    if query.sort in ("category", "producer"):
        statement = statement.outerjoin(Category, Category.id == Product.category_id).outerjoin(
            Producer, Producer.id == Product.producer_id
        )
    return statement.where(*where)


def _window_ids_in_one_query(conn, query: ProductQuery, with_total: bool) -> tuple[list[int], int]:
    statement = _ids_statement(query, query_conditions(query))
    if with_total:
        statement = statement.add_columns(func.count().over().label("total"))
    statement = order_by_query(statement, query).limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    window = conn.execute(statement).all()
    if window:
        total = window[0].total if with_total else len(window)
    elif query.offset and with_total:
        total = conn.execute(select(func.count()).select_from(Product).where(*query_conditions(query))).scalar_one()
    else:
        total = 0
    return [r.id for r in window], total


def count_products(db: Database, query: Optional[ProductQuery] = None) -> int:
    """How many products match `query` (offset and limit ignored)."""
    query = query or ProductQuery()
    with _reading(db) as conn:
        index = has_search_index(conn)
        return _count(conn, query, text_search(conn, query.text, index), index)


def search_products(
    db: Database,
    text: str,
    filters: Optional[ProductQuery] = None,
    offset: int = 0,
    limit: Optional[int] = 100,
    sort: str = "name",
    descending: bool = False,
) -> tuple[list[ProductRow], int]:
    """(one window of matching products, how many match in all): one query."""
    base = filters or ProductQuery()
    query = replace(base, text=text, offset=offset, limit=limit, sort=sort, descending=descending)
    return list_products_and_count(db, query)


def product_position(db: Database, query: ProductQuery, product_id: int) -> Optional[int]:
    """The 0-based row of `product_id` in `query`'s order (to keep a selection after a
    refresh); None when it does not match the query."""
    rows = order_by_query(row_select().where(*query_conditions(query)).with_only_columns(Product.id), query)
    with _reading(db) as conn:
        for index, (pid,) in enumerate(conn.execute(rows)):
            if pid == product_id:
                return index
    return None


def get_product(db: Database, product_id: int) -> ProductDetail:
    with _reading(db) as conn:
        return _detail(conn, product_id)


def _detail(conn, product_id: int) -> ProductDetail:
    columns = [c for c in Product.__table__.columns]
    statement = (
        select(*columns, Category.name.label("category_name"), Producer.name.label("producer_name"))
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .where(Product.id == product_id)
    )
    r = conn.execute(statement).first()
    if r is None:
        raise NotFound(f"product #{product_id} no longer exists")
    codes = conn.execute(
        select(PlatformCode.id, PlatformCode.platform, PlatformCode.code)
        .where(PlatformCode.product_id == product_id)
        .order_by(PlatformCode.platform, PlatformCode.code)
    )
    return ProductDetail(
        id=r.id,
        sku=r.sku or "",
        name=r.name,
        spec=r.spec,
        unit=r.unit,
        category_id=r.category_id,
        category=r.category_name or "",
        list_price_fen=r.list_price_fen,
        live_price_fen=r.live_price_fen,
        cost_fen=r.cost_fen,
        stock=r.stock,
        low_stock_threshold=r.low_stock_threshold,
        origin_province=r.origin_province,
        origin_county=r.origin_county,
        origin_town=r.origin_town,
        origin_village=r.origin_village,
        producer_id=r.producer_id,
        producer=r.producer_name or "",
        certifications=r.certifications,
        shelf_life_days=r.shelf_life_days,
        photo_path=r.photo_path,
        notes=r.notes,
        archived=bool(r.archived),
        needs_review=bool(r.needs_review),
        created_at=r.created_at,
        updated_at=r.updated_at,
        platform_codes=tuple(PlatformCodeRow(platform=c.platform, code=c.code, id=c.id) for c in codes),
    )


def product_input_from(detail: ProductDetail) -> ProductInput:
    """The editor's input for an existing product (and what an undo of an edit saves back)."""
    return ProductInput(
        name=detail.name,
        sku=detail.sku,
        spec=detail.spec,
        unit=detail.unit,
        category=detail.category,
        list_price=detail.list_price_fen,
        live_price=detail.live_price_fen,
        cost=detail.cost_fen,
        stock=detail.stock,
        low_stock_threshold=detail.low_stock_threshold,
        origin_province=detail.origin_province,
        origin_county=detail.origin_county,
        origin_town=detail.origin_town,
        origin_village=detail.origin_village,
        producer=detail.producer,
        certifications=detail.certifications,
        shelf_life_days=detail.shelf_life_days,
        photo_path=detail.photo_path,
        notes=detail.notes,
        archived=detail.archived,
        needs_review=detail.needs_review,
        platform_codes=[(c.platform, c.code) for c in detail.platform_codes],
    )


def list_origins(db: Database) -> list[str]:
    """The counties (else towns) products come from, for the origin filter."""
    with _reading(db) as conn:
        values = conn.execute(
            select(Product.origin_county).where(Product.origin_county != "").distinct().order_by(Product.origin_county)
        ).scalars()
        return list(values)


def list_certifications(db: Database) -> list[str]:
    """Every certification some product has, for the certification filter."""
    found: dict[str, None] = {}
    with _reading(db) as conn:
        for (text,) in conn.execute(select(Product.certifications).where(Product.certifications != "").distinct()):
            for item in split_certifications(text):
                found.setdefault(item, None)
    return sorted(found)


# --- writing helpers --------------------------------------------------------------


@contextmanager
def writing(db: Database) -> Iterator[Session]:
    """One write transaction: commits at the end, rolls everything back on any error."""
    session = db.session()
    try:
        with session.begin():
            yield session
    finally:
        session.close()


def now() -> datetime:
    """Beijing local wall-clock time (the PC's clock), whole seconds, as the app stores times."""
    return datetime.now().replace(microsecond=0)


def describe(name: str, spec: str = "", sku: Optional[str] = "", product_id: Optional[int] = None) -> str:
    """How a message names a product: “婺源皇菊 50朵/盒” (JX-HJ-050)."""
    text = f"“{name}{' ' + spec if spec else ''}”"
    if sku:
        text += f" ({sku})"
    elif product_id is not None:
        text += f" (#{product_id})"
    return text


def _id_by_name(session: Session, table, name: str, created: Optional[list[str]], new_values=dict) -> Optional[int]:
    """The id of the `table` row called `name`, made when new (with the columns `new_values()`
    returns); None for a blank name. New names are appended to `created`."""
    name = normalise_text(name)
    if not name:
        return None
    found = session.execute(select(table.id).where(table.name == name)).scalar()
    if found is not None:
        return found
    new_id = session.execute(insert(table).values(name=name, **new_values()).returning(table.id)).scalar_one()
    if created is not None:
        created.append(name)
    return new_id


def category_id_for(session: Session, name: str, created: Optional[list[str]] = None) -> Optional[int]:
    """The id of the category called `name`, made (last in order) when new; None for a blank name."""

    def last_position() -> dict:
        top = session.execute(select(func.coalesce(func.max(Category.position), 0))).scalar_one()
        return {"position": top + 1}

    return _id_by_name(session, Category, name, created, last_position)


def producer_id_for(session: Session, name: str, created: Optional[list[str]] = None) -> Optional[int]:
    """The id of the producer called `name`, made when new; None for a blank name."""
    return _id_by_name(session, Producer, name, created)


def conflicts(session: Session, valid: ValidProduct, product_id: Optional[int]) -> dict[str, str]:
    """Field errors that need the database: duplicate 商家编码, name+spec clash without a
    code, unknown platform or a platform code of another product."""
    errors: dict[str, str] = {}
    others = Product.id != product_id if product_id is not None else literal(True)
    if valid.sku:
        other = session.execute(
            select(Product.id, Product.name, Product.spec).where(Product.sku == valid.sku, others)
        ).first()
        if other is not None:
            errors["sku"] = f"商家编码 {valid.sku} is already used by {describe(other.name, other.spec, None, other.id)}"
    else:
        other = session.execute(
            select(Product.id, Product.name, Product.spec).where(
                Product.sku.is_(None), Product.name == valid.name, Product.spec == valid.spec, others
            )
        ).first()
        if other is not None:
            errors["name"] = (
                f"{describe(other.name, other.spec, None, other.id)} has the same name and spec and no 商家编码; "
                "give one of them a 商家编码 or a different spec"
            )
    if valid.platform_codes:
        message = _platform_code_conflicts(session, valid.platform_codes, product_id)
        if message:
            errors["platform_codes"] = message
    return errors


def _platform_code_conflicts(
    session: Session, codes: Sequence[tuple[str, str]], product_id: Optional[int]
) -> Optional[str]:
    for platform, code in codes:
        if platform not in Platform.ALL:
            return f"unknown platform {platform!r}"
        other = session.execute(
            select(Product.id, Product.name, Product.spec, Product.sku)
            .join(PlatformCode, PlatformCode.product_id == Product.id)
            .where(PlatformCode.platform == platform, PlatformCode.code == code)
        ).first()
        if other is not None and other.id != product_id:
            return f"{platform} code {code} already belongs to {describe(other.name, other.spec, other.sku, other.id)}"
    return None


def product_values(session: Session, valid: ValidProduct, producer_name: Optional[str] = None) -> dict:
    """The products-table values of `valid` (categories and producers made as needed)."""
    return dict(
        sku=valid.sku,
        name=valid.name,
        spec=valid.spec,
        unit=valid.unit,
        category_id=category_id_for(session, valid.category),
        list_price_fen=valid.list_price_fen,
        live_price_fen=valid.live_price_fen,
        cost_fen=valid.cost_fen,
        stock=valid.stock,
        low_stock_threshold=valid.low_stock_threshold,
        origin_province=valid.origin_province,
        origin_county=valid.origin_county,
        origin_town=valid.origin_town,
        origin_village=valid.origin_village,
        producer_id=producer_id_for(session, valid.producer),
        certifications=valid.certifications,
        shelf_life_days=valid.shelf_life_days,
        photo_path=valid.photo_path,
        notes=valid.notes,
        archived=valid.archived,
        needs_review=valid.needs_review,
        search_keys=keys_of(valid),
    )


def keys_of(valid: ValidProduct) -> str:
    origin = [valid.origin_province, valid.origin_county, valid.origin_town, valid.origin_village]
    return search_keys_for(valid.name, valid.sku or "", origin, valid.producer)


def _replace_codes(session: Session, product_id: int, codes: Sequence[tuple[str, str]]) -> None:
    session.execute(delete(PlatformCode).where(PlatformCode.product_id == product_id))
    if codes:
        session.execute(
            insert(PlatformCode),
            [{"platform": p, "code": c, "product_id": product_id} for p, c in codes],
        )


def _record_movement(session: Session, product_id: int, delta: int, reason: str, at: datetime) -> int:
    return session.execute(
        insert(StockMovement)
        .values(product_id=product_id, delta=delta, reason=reason[:200], at=at)
        .returning(StockMovement.id)
    ).scalar_one()


def _row_in(session: Session, product_id: int) -> ProductRow:
    r = session.execute(row_select().where(Product.id == product_id)).first()
    if r is None:
        raise NotFound(f"product #{product_id} no longer exists")
    return _to_row(r)


def _validated(data: ProductInput) -> ValidProduct:
    valid, errors = clean_product(data)
    if errors:
        raise ProductInvalid(errors)
    assert valid is not None
    return valid


def _integrity_to_invalid(exc: IntegrityError) -> ProductInvalid:
    text = str(exc.orig).lower()
    if "sku" in text:
        return ProductInvalid({"sku": "this 商家编码 is already used by another product"})
    if "platform" in text:
        return ProductInvalid({"platform_codes": "a platform code is already used by another product"})
    if "stock" in text:
        return ProductInvalid({"stock": "stock cannot be negative"})
    return ProductInvalid({"name": f"cannot save: {exc.orig}"})


# --- products -------------------------------------------------------------------------


def create_product(db: Database, data: ProductInput) -> ProductRow:
    """Add a product; its stock, when not 0, opens its stock history."""
    valid = _validated(data)
    try:
        with writing(db) as session:
            errors = conflicts(session, valid, None)
            if errors:
                raise ProductInvalid(errors)
            at = now()
            values = product_values(session, valid)
            product_id = session.execute(
                insert(Product).values(**values, created_at=at, updated_at=at).returning(Product.id)
            ).scalar_one()
            if valid.platform_codes:
                _replace_codes(session, product_id, valid.platform_codes)
            if valid.stock:
                _record_movement(session, product_id, valid.stock, valid.stock_reason or REASON_INITIAL, at)
            return _row_in(session, product_id)
    except IntegrityError as exc:
        raise _integrity_to_invalid(exc) from None


def update_product(db: Database, product_id: int, data: ProductInput) -> ProductRow:
    """Save the editor's input over product `product_id`.

    A changed stock is recorded in the stock history (reason `data.stock_reason`, else
    REASON_EDITED). `data.platform_codes` None keeps the codes; a list replaces them.
    """
    valid = _validated(data)
    try:
        with writing(db) as session:
            old_stock = session.execute(select(Product.stock).where(Product.id == product_id)).scalar()
            if old_stock is None:
                raise NotFound(f"product #{product_id} no longer exists")
            errors = conflicts(session, valid, product_id)
            if errors:
                raise ProductInvalid(errors)
            at = now()
            values = product_values(session, valid)
            session.execute(update(Product).where(Product.id == product_id).values(**values, updated_at=at))
            if valid.platform_codes is not None:
                _replace_codes(session, product_id, valid.platform_codes)
            if valid.stock != old_stock:
                _record_movement(session, product_id, valid.stock - old_stock, valid.stock_reason or REASON_EDITED, at)
            return _row_in(session, product_id)
    except IntegrityError as exc:
        raise _integrity_to_invalid(exc) from None


def check_product(db: Database, data: ProductInput, product_id: Optional[int] = None) -> dict[str, str]:
    """Every field error `create_product` / `update_product` would raise, without writing:
    the field rules plus the database checks (for live feedback in the editor)."""
    valid, errors = clean_product(data)
    if errors:
        return errors
    with _reading(db) as conn:
        return conflicts(conn, valid, product_id)


def _set_archived(db: Database, product_id: int, archived: bool) -> ProductRow:
    with writing(db) as session:
        result = session.execute(
            update(Product).where(Product.id == product_id).values(archived=archived, updated_at=now())
        )
        if result.rowcount == 0:
            raise NotFound(f"product #{product_id} no longer exists")
        return _row_in(session, product_id)


def archive_product(db: Database, product_id: int) -> ProductRow:
    """Hide a product from the default view and from new lineups; its sales stay."""
    return _set_archived(db, product_id, True)


def unarchive_product(db: Database, product_id: int) -> ProductRow:
    return _set_archived(db, product_id, False)


def usage_counts(db: Database, product_id: int) -> tuple[int, int]:
    """(sale lines, lineup items) that refer to the product: either one forbids deleting it."""
    with _reading(db) as conn:
        return _usage(conn, product_id)


def _usage(conn, product_id: int) -> tuple[int, int]:
    sales = conn.execute(select(func.count()).select_from(Sale).where(Sale.product_id == product_id)).scalar_one()
    lineup = conn.execute(
        select(func.count()).select_from(LineupItem).where(LineupItem.product_id == product_id)
    ).scalar_one()
    return sales, lineup


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def delete_product(db: Database, product_id: int) -> DeletedProduct:
    """Delete a product that no sale and no lineup uses; return what restore needs.

    Refused (UserError) for a product with sales or lineup items: archive it instead.
    """
    with writing(db) as session:
        conn = session.connection()
        detail = _detail(conn, product_id)
        sales, lineup = _usage(conn, product_id)
        if sales or lineup:
            uses = " and ".join(
                part for part in (_plural(sales, "sale") if sales else "", _plural(lineup, "lineup item") if lineup else "") if part
            )
            raise UserError(f"{describe(detail.name, detail.spec, detail.sku)} has {uses}; archive it instead")
        movements = tuple(
            StockMovementRow(id=m.id, product_id=m.product_id, delta=m.delta, reason=m.reason, at=m.at)
            for m in session.execute(
                select(StockMovement).where(StockMovement.product_id == product_id).order_by(StockMovement.id)
            ).scalars()
        )
        session.execute(delete(PlatformCode).where(PlatformCode.product_id == product_id))
        session.execute(delete(StockMovement).where(StockMovement.product_id == product_id))
        session.execute(delete(Product).where(Product.id == product_id))
        return DeletedProduct(detail=detail, stock_movements=movements)


def restore_deleted_product(db: Database, snapshot: DeletedProduct) -> ProductRow:
    """Put a deleted product back: every field, platform code and stock movement.

    It gets its old id back unless another product took that id meanwhile (then a new
    one: use the returned row's id). Refused when its 商家编码 or a platform code is now
    used by another product. A category or producer deleted meanwhile is made again by
    name; one renamed meanwhile stays as it is now.
    """
    d = snapshot.detail
    with writing(db) as session:
        if d.sku:
            other = session.execute(select(Product.id, Product.name, Product.spec).where(Product.sku == d.sku)).first()
            if other is not None:
                raise UserError(
                    f"cannot restore {describe(d.name, d.spec)}: 商家编码 {d.sku} is now used by "
                    f"{describe(other.name, other.spec, None, other.id)}"
                )
        codes = [(c.platform, c.code) for c in d.platform_codes]
        message = _platform_code_conflicts(session, codes, None)
        if message:
            raise UserError(f"cannot restore {describe(d.name, d.spec, d.sku)}: {message}")
        category_id = _restore_ref(session, Category, d.category_id, d.category)
        producer_id = _restore_ref(session, Producer, d.producer_id, d.producer)
        id_taken = session.execute(select(Product.id).where(Product.id == d.id)).scalar() is not None
        values = dict(
            sku=d.sku or None,
            name=d.name,
            spec=d.spec,
            unit=d.unit,
            category_id=category_id,
            list_price_fen=d.list_price_fen,
            live_price_fen=d.live_price_fen,
            cost_fen=d.cost_fen,
            stock=d.stock,
            low_stock_threshold=d.low_stock_threshold,
            origin_province=d.origin_province,
            origin_county=d.origin_county,
            origin_town=d.origin_town,
            origin_village=d.origin_village,
            producer_id=producer_id,
            certifications=d.certifications,
            shelf_life_days=d.shelf_life_days,
            photo_path=d.photo_path,
            notes=d.notes,
            archived=d.archived,
            needs_review=d.needs_review,
            search_keys=search_keys_for(
                d.name, d.sku, [d.origin_province, d.origin_county, d.origin_town, d.origin_village], d.producer
            ),
            created_at=d.created_at or now(),
            updated_at=d.updated_at or now(),
        )
        if not id_taken:
            values["id"] = d.id
        product_id = session.execute(insert(Product).values(**values).returning(Product.id)).scalar_one()
        _replace_codes(session, product_id, codes)
        for m in snapshot.stock_movements:
            row = dict(product_id=product_id, delta=m.delta, reason=m.reason, at=m.at)
            if session.execute(select(StockMovement.id).where(StockMovement.id == m.id)).scalar() is None:
                row["id"] = m.id
            session.execute(insert(StockMovement).values(**row))
        return _row_in(session, product_id)


def _restore_ref(session: Session, model, ref_id: Optional[int], name: str) -> Optional[int]:
    if ref_id is None and not name:
        return None
    if ref_id is not None:
        # Still there (perhaps renamed meanwhile): the same category / producer.
        if session.execute(select(model.id).where(model.id == ref_id)).scalar() is not None:
            return ref_id
    if not name:
        return None
    return category_id_for(session, name) if model is Category else producer_id_for(session, name)


# --- photos ---------------------------------------------------------------------------


def store_photo(source: Union[str, Path]) -> str:
    """Copy a picture into the data folder; return the path to keep in `photo_path`
    (relative to the data folder, e.g. "photos/3f2a….jpg"). Same picture → same file."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in PHOTO_SUFFIXES:
        raise UserError(f"{source.name} is not a picture (choose a .jpg, .png or .webp file)")
    try:
        size = source.stat().st_size
        if size > PHOTO_MAX_BYTES:
            raise UserError(f"{source.name} is too large ({size // 2**20} MB; at most {PHOTO_MAX_BYTES // 2**20} MB)")
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:24]
    except FileNotFoundError:
        raise UserError(f"no file at {source}") from None
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
    relative = f"{PHOTO_FOLDER}/{digest}{'.jpg' if suffix == '.jpeg' else suffix}"
    target = config.data_dir() / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    return relative


def photo_file(photo_path: str) -> Optional[Path]:
    """The file of a stored `photo_path`, None when there is none (or it went missing)."""
    if not photo_path:
        return None
    path = config.data_dir() / photo_path
    return path if path.is_file() else None


# --- platform codes ---------------------------------------------------------------------


def set_platform_codes(db: Database, product_id: int, codes: Sequence[tuple[str, str]]) -> tuple[PlatformCodeRow, ...]:
    """Replace the product's platform codes (platform, platform product id / SKU code).

    A code already mapped to another product is refused (ProductInvalid on field
    "platform_codes", naming that product).
    """
    valid, errors = clean_product(ProductInput(name="-", platform_codes=list(codes)))
    if "platform_codes" in errors:
        raise ProductInvalid({"platform_codes": errors["platform_codes"]})
    assert valid is not None and valid.platform_codes is not None
    with writing(db) as session:
        if session.execute(select(Product.id).where(Product.id == product_id)).scalar() is None:
            raise NotFound(f"product #{product_id} no longer exists")
        message = _platform_code_conflicts(session, valid.platform_codes, product_id)
        if message:
            raise ProductInvalid({"platform_codes": message})
        _replace_codes(session, product_id, valid.platform_codes)
        session.execute(update(Product).where(Product.id == product_id).values(updated_at=now()))
        rows = session.execute(
            select(PlatformCode.id, PlatformCode.platform, PlatformCode.code)
            .where(PlatformCode.product_id == product_id)
            .order_by(PlatformCode.platform, PlatformCode.code)
        )
        return tuple(PlatformCodeRow(platform=r.platform, code=r.code, id=r.id) for r in rows)


def find_by_platform_code(db: Database, platform: str, code: str) -> Optional[int]:
    """The product mapped to (platform, code), if any (importers match on this first)."""
    with _reading(db) as conn:
        return conn.execute(
            select(PlatformCode.product_id).where(PlatformCode.platform == platform, PlatformCode.code == clean_sku(code))
        ).scalar()


# --- stock ------------------------------------------------------------------------------


def adjust_stock(db: Database, product_id: int, delta: int, reason: str) -> StockMovementRow:
    """Add (or with a negative delta take away) stock, kept in the history with its reason.

    Refused when the reason is empty, delta is 0 or the stock would go below zero.
    """
    if isinstance(delta, bool) or not isinstance(delta, int):
        raise UserError("the stock change must be a whole number")
    if delta == 0:
        raise UserError("the stock change is 0; nothing to record")
    reason = normalise_text(reason)
    if not reason:
        raise UserError("give a reason for the stock change")
    if len(reason) > 200:
        raise UserError("the reason is too long (at most 200 characters)")
    with writing(db) as session:
        row = session.execute(select(Product.stock, Product.name, Product.spec).where(Product.id == product_id)).first()
        if row is None:
            raise NotFound(f"product #{product_id} no longer exists")
        if row.stock + delta < 0:
            raise UserError(
                f"{describe(row.name, row.spec)} has {row.stock} in stock; cannot take away {-delta}"
            )
        at = now()
        session.execute(
            update(Product).where(Product.id == product_id).values(stock=Product.stock + delta, updated_at=at)
        )
        movement_id = _record_movement(session, product_id, delta, reason, at)
        return StockMovementRow(
            id=movement_id, product_id=product_id, delta=delta, reason=reason, at=at, stock_after=row.stock + delta
        )


def set_stock(db: Database, product_id: int, new_stock: int, reason: str = REASON_STOCKTAKE) -> Optional[StockMovementRow]:
    """Stock-taking: set the stock to what was counted; None when it was already right."""
    if isinstance(new_stock, bool) or not isinstance(new_stock, int) or new_stock < 0:
        raise UserError("stock must be a whole number, not negative")
    current = get_product(db, product_id).stock
    if current == new_stock:
        return None
    return adjust_stock(db, product_id, new_stock - current, reason)


def stock_history(db: Database, product_id: int) -> list[StockMovementRow]:
    """The product's stock movements, newest first, each with the stock after it."""
    with _reading(db) as conn:
        stock = conn.execute(select(Product.stock).where(Product.id == product_id)).scalar()
        if stock is None:
            raise NotFound(f"product #{product_id} no longer exists")
        rows = conn.execute(
            select(StockMovement)
            .where(StockMovement.product_id == product_id)
            .order_by(StockMovement.at.desc(), StockMovement.id.desc())
        ).all()
    history = []
    after = stock
    for r in rows:
        history.append(StockMovementRow(id=r.id, product_id=r.product_id, delta=r.delta, reason=r.reason, at=r.at,
                                        stock_after=after))
        after -= r.delta
    return history


def set_low_stock_threshold(db: Database, product_id: int, threshold: int) -> ProductRow:
    """Warn when the stock is at or under `threshold` (0 = never)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ProductInvalid({"low_stock_threshold": "the low-stock threshold must be a whole number, not negative"})
    with writing(db) as session:
        result = session.execute(
            update(Product).where(Product.id == product_id).values(low_stock_threshold=threshold, updated_at=now())
        )
        if result.rowcount == 0:
            raise NotFound(f"product #{product_id} no longer exists")
        return _row_in(session, product_id)


# --- categories ----------------------------------------------------------------------------


def list_categories(db: Database) -> list[CategoryRow]:
    counts = (
        select(Product.category_id, func.count().label("n")).group_by(Product.category_id).subquery()
    )
    statement = (
        select(Category.id, Category.name, Category.position, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.category_id == Category.id)
        .order_by(Category.position, Category.name)
    )
    with _reading(db) as conn:
        return [CategoryRow(id=r[0], name=r[1], position=r[2], product_count=r[3]) for r in conn.execute(statement)]


def _category_name(name: str) -> str:
    name = normalise_text(name)
    if not name:
        raise UserError("the category name is required")
    if len(name) > MAX_LENGTHS["category"]:
        raise UserError(f"the category name is too long (at most {MAX_LENGTHS['category']} characters)")
    return name


def _category_row(session: Session, category_id: int) -> CategoryRow:
    r = session.execute(select(Category.id, Category.name, Category.position).where(Category.id == category_id)).first()
    if r is None:
        raise NotFound(f"category #{category_id} no longer exists")
    count = session.execute(
        select(func.count()).select_from(Product).where(Product.category_id == category_id)
    ).scalar_one()
    return CategoryRow(id=r.id, name=r.name, position=r.position, product_count=count)


def add_category(db: Database, name: str) -> CategoryRow:
    name = _category_name(name)
    with writing(db) as session:
        if session.execute(select(Category.id).where(Category.name == name)).scalar() is not None:
            raise UserError(f"there is already a category {name}")
        return _category_row(session, category_id_for(session, name))


def rename_category(db: Database, category_id: int, name: str) -> CategoryRow:
    name = _category_name(name)
    with writing(db) as session:
        other = session.execute(select(Category.id).where(Category.name == name)).scalar()
        if other is not None and other != category_id:
            raise UserError(f"there is already a category {name}; merge the two instead")
        result = session.execute(update(Category).where(Category.id == category_id).values(name=name))
        if result.rowcount == 0:
            raise NotFound(f"category #{category_id} no longer exists")
        return _category_row(session, category_id)


def merge_categories(db: Database, source_id: int, target_id: int) -> int:
    """Move every product of category `source_id` to `target_id` and remove the source.
    Returns how many products moved."""
    if source_id == target_id:
        raise UserError("choose two different categories to merge")
    with writing(db) as session:
        for cid in (source_id, target_id):
            if session.execute(select(Category.id).where(Category.id == cid)).scalar() is None:
                raise NotFound(f"category #{cid} no longer exists")
        moved = session.execute(
            update(Product).where(Product.category_id == source_id).values(category_id=target_id, updated_at=now())
        ).rowcount
        session.execute(delete(Category).where(Category.id == source_id))
        return moved


def delete_category(db: Database, category_id: int) -> int:
    """Remove a category; its products stay, without a category. Returns how many."""
    with writing(db) as session:
        left = session.execute(
            update(Product).where(Product.category_id == category_id).values(category_id=None)
        ).rowcount
        if session.execute(delete(Category).where(Category.id == category_id)).rowcount == 0:
            raise NotFound(f"category #{category_id} no longer exists")
        return left


# --- producers ---------------------------------------------------------------------------


def _producer_rows(conn, where=None) -> list[ProducerRow]:
    counts = select(Product.producer_id, func.count().label("n")).group_by(Product.producer_id).subquery()
    statement = (
        select(Producer.id, Producer.name, Producer.kind, Producer.contact, Producer.village, Producer.notes,
               func.coalesce(counts.c.n, 0).label("n"))
        .outerjoin(counts, counts.c.producer_id == Producer.id)
        .order_by(Producer.name)
    )
    if where is not None:
        statement = statement.where(where)
    return [
        ProducerRow(id=p.id, name=p.name, kind=p.kind, contact=p.contact, village=p.village, notes=p.notes,
                    product_count=p.n)
        for p in conn.execute(statement)
    ]


def list_producers(db: Database) -> list[ProducerRow]:
    with _reading(db) as conn:
        return _producer_rows(conn)


def get_or_create_producer(db: Database, name: str) -> ProducerRow:
    name = normalise_text(name)
    if not name:
        raise UserError("the producer's name is required")
    if len(name) > MAX_LENGTHS["producer"]:
        raise UserError(f"the producer's name is too long (at most {MAX_LENGTHS['producer']} characters)")
    with writing(db) as session:
        producer_id = producer_id_for(session, name)
        return _producer_rows(session.connection(), Producer.id == producer_id)[0]


def rename_producer(db: Database, producer_id: int, name: str) -> ProducerRow:
    """Rename a producer; the search keys of its products follow."""
    name = normalise_text(name)
    if not name:
        raise UserError("the producer's name is required")
    with writing(db) as session:
        other = session.execute(select(Producer.id).where(Producer.name == name)).scalar()
        if other is not None and other != producer_id:
            raise UserError(f"there is already a producer {name}")
        if session.execute(update(Producer).where(Producer.id == producer_id).values(name=name)).rowcount == 0:
            raise NotFound(f"producer #{producer_id} no longer exists")
        for r in session.execute(
            select(Product.id, Product.name, Product.sku, Product.origin_province, Product.origin_county,
                   Product.origin_town, Product.origin_village).where(Product.producer_id == producer_id)
        ).all():
            keys = search_keys_for(r.name, r.sku or "", [r.origin_province, r.origin_county, r.origin_town,
                                                         r.origin_village], name)
            session.execute(update(Product).where(Product.id == r.id).values(search_keys=keys))
        return _producer_rows(session.connection(), Producer.id == producer_id)[0]


def refresh_search_keys(db: Database) -> int:
    """Recompute every product's search keys (after a pypinyin upgrade); returns the count."""
    with writing(db) as session:
        rows = session.execute(
            select(Product.id, Product.name, Product.sku, Product.origin_province, Product.origin_county,
                   Product.origin_town, Product.origin_village, Producer.name.label("producer"))
            .outerjoin(Producer, Producer.id == Product.producer_id)
        ).all()
        for r in rows:
            keys = search_keys_for(r.name, r.sku or "", [r.origin_province, r.origin_county, r.origin_town,
                                                         r.origin_village], r.producer or "")
            session.execute(update(Product).where(Product.id == r.id).values(search_keys=keys))
        return len(rows)


__all__ = [
    "ProductInput",
    "ProductRow",
    "ProductDetail",
    "PlatformCodeRow",
    "StockMovementRow",
    "DeletedProduct",
    "CategoryRow",
    "ProducerRow",
    "ProductQuery",
    "ArchivedFilter",
    "SORT_KEYS",
    "ProductInvalid",
    "NotFound",
    "validate_product",
    "check_product",
    "create_product",
    "update_product",
    "get_product",
    "product_input_from",
    "list_products",
    "count_products",
    "list_products_and_count",
    "search_products",
    "product_position",
    "list_origins",
    "list_certifications",
    "archive_product",
    "unarchive_product",
    "usage_counts",
    "delete_product",
    "restore_deleted_product",
    "store_photo",
    "photo_file",
    "set_platform_codes",
    "find_by_platform_code",
    "adjust_stock",
    "set_stock",
    "stock_history",
    "set_low_stock_threshold",
    "list_categories",
    "add_category",
    "rename_category",
    "merge_categories",
    "delete_category",
    "list_producers",
    "get_or_create_producer",
    "rename_producer",
    "refresh_search_keys",
    "REASON_INITIAL",
    "REASON_EDITED",
    "REASON_IMPORT",
    "REASON_STOCKTAKE",
]
