"""Reading the catalogue for the GUI's table model: counts and windows of a `ProductQuery`.

`list_products(db, ProductQuery(..., offset=…, limit=…))` and `count_products(db, query)`;
on SQLite the cheaper plan for the case is picked below (the trigram index, the name index).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from sqlalchemy import bindparam, func, select, tuple_

from ...db.engine import Database
from ...db.models import Category, Producer, Product, product_search
from ...domain.validation import split_certifications
from ..uow import reading
from .query import (
    ARCHIVED_MATCH,
    ArchivedFilter,
    ProductQuery,
    TextSearch,
    archived_match,
    fts_match,
    has_row_filters,
    has_search_index,
    order_by_query,
    query_conditions,
    text_search,
)
from .rows import ProductRow, row_select, to_row

# The statements every keystroke of a search runs, built once with their values as parameters:
# SQLAlchemy then neither builds them again nor works out their cache key (~1 ms a keystroke).
_INDEX_COUNT = select(func.count()).select_from(product_search).where(fts_match(bindparam("match")))
_PROBE = select(product_search.c.rowid).where(fts_match(bindparam("match"))).limit(bindparam("probe_rows")).subquery()
_PROBE_COUNT_AND_IDS = select(func.count(), func.json_group_array(_PROBE.c.rowid))  # the ids as one JSON array
_MAX_ID = select(func.max(Product.id))
_ROWS_BY_ID = row_select().where(Product.id.in_(bindparam("ids", expanding=True)))
_FOUND_IN_JSON = select(func.json_each(bindparam("found_ids")).table_valued("value").c.value)


def _index_count(conn, match: str, archived: ArchivedFilter) -> int:
    """How many products `match` finds in the index, archived or not as asked."""
    return conn.execute(_INDEX_COUNT, {"match": archived_match(match, archived)}).scalar_one()


def _count(conn, query: ProductQuery, search: TextSearch, index: bool = False) -> int:
    """How many products match; from the trigram index alone when it can tell."""
    if search.nothing:
        return 0
    archived = ArchivedFilter(query.archived)
    if index and not search.like_terms and not has_row_filters(query):
        if search.match is not None:  # words and the archived flag: the index alone answers
            return _index_count(conn, search.match, archived)
        if archived is not ArchivedFilter.INCLUDE:  # nothing typed: all products less the archived ones
            archived_count = conn.execute(
                select(func.count()).select_from(product_search).where(fts_match(ARCHIVED_MATCH))
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
#     are put in order by walking the (name_sort, name, spec) index, which holds the ids
#     too, until the window is full (~250 ns a product), bounded like the walk below; when
#     that comes back short (matches bunched at the far end: "wy" finds the 婺源 names, a walk
#     over most of the catalogue), or for at most SORT_IDS of them, or another sort, by
#     sorting them (~2 µs each: the sort columns are read from the product rows). More
#     matches are counted by the index, and walked without a bound;
#   - many matches sorted by name: walk the (name_sort, name, spec) index testing each
#     product met with LIKE (a row read: ~1.5 µs) until the window is full, which takes about
#     (offset + limit) × products ÷ matches of them when the matches are spread over the
#     alphabet. The walk is bounded to twice that: matches bunched at the far end (every
#     婺源… name) must not make it read all the products. When it comes back short, or
#     would be longer than WALK_ROWS, the matches found by the index are walked as above,
#     and without the index (other filters, a single non-letter character) sorted.
PROBE_ROWS = 3000
SORT_IDS = 1000
WALK_ROWS = 1500


# The order by name: the pinyin sort key, then the name and spec (ix_products_name_sort holds
# all three and the id).
NAME_ORDER = (Product.name_sort, Product.name, Product.spec, Product.id)


def _name_order_of(descending: bool) -> list:
    return [k.desc() for k in NAME_ORDER] if descending else [k.asc() for k in NAME_ORDER]


def _name_order(query: ProductQuery) -> list:
    return _name_order_of(query.descending)


def _windowed(statement, query: ProductQuery):
    statement = statement.limit(query.limit)
    return statement.offset(query.offset) if query.offset else statement


# The name order's keys of the product `skipped` places from the start (the walk's bound).
_NAME_KEYS = {
    descending: select(*NAME_ORDER).order_by(*_name_order_of(descending)).offset(bindparam("skipped")).limit(1)
    for descending in (False, True)
}


def _walk_name_index(
    conn, query: ProductQuery, total: Optional[int], visits: float, where: list, params: Optional[dict] = None
) -> Optional[list[int]]:
    """The window's ids by walking the name index for about `visits` products (see above),
    testing each product met with `where`; None when the window is not full by then."""
    keys = NAME_ORDER
    order = _name_order(query)
    budget = int(2 * visits) + 200
    bound = conn.execute(_NAME_KEYS[query.descending], {"skipped": budget - 1}).first()
    statement = select(Product.id).where(*where)
    if bound is not None:
        walked = tuple_(*keys)
        statement = statement.where(walked >= tuple(bound) if query.descending else walked <= tuple(bound))
    ids = list(conn.execute(_windowed(statement.order_by(*order), query), params or {}).scalars())
    wanted = query.offset + query.limit if total is None else min(query.offset + query.limit, total)
    if bound is not None and query.offset + len(ids) < wanted:
        return None  # bunched matches (or, not counted, the last ones): the walk ran out of its budget
    return ids


def _window_ids(conn, query: ProductQuery, count: bool = True) -> tuple[list[int], Optional[int]]:
    """SQLite: how many match first (cheap with the index), then the window's ids. Without
    `count`, the matches of a search too many to list are not counted (None is returned
    for the total unless the window tells it): a count of tens of thousands of matches is
    most of a keystroke's query, and the window does not need it."""
    index = has_search_index(conn)
    search = text_search(conn, query.text, index)
    if search.nothing:
        return [], 0
    found = None  # the matching ids (a subquery), when the index alone lists them
    few = False
    total: Optional[int] = None
    estimate = 0  # the total or, when not counted, at least about how many match
    if index and search.match is not None and not search.like_terms and not has_row_filters(query):
        archived = ArchivedFilter(query.archived)
        match = fts_match(archived_match(search.match, archived))
        if search.at_least <= 2 * PROBE_ROWS:  # (else surely too many to list)
            total, found_ids = conn.execute(
                _PROBE_COUNT_AND_IDS, {"match": archived_match(search.match, archived), "probe_rows": PROBE_ROWS + 1}
            ).one()
            few = total <= PROBE_ROWS
        if few:
            found = _FOUND_IN_JSON
        else:
            # more than PROBE_ROWS match (at_least counts archived ones too: an estimate)
            total = _index_count(conn, search.match, archived) if count else None
            estimate = max(PROBE_ROWS + 1, search.at_least)
            found = select(product_search.c.rowid).where(match)
    else:
        total = _count(conn, query, search, index)
    if total is not None:
        estimate = total
        if total == 0 or query.offset >= total:
            return [], total
    params = {"found_ids": found_ids} if few else {}
    ids = _window_ids_found(conn, query, search, found, few, total, estimate, params)
    return ids, (total if total is not None else _told_by_window(query, len(ids)))


def _told_by_window(query: ProductQuery, rows: int) -> Optional[int]:
    """How many match, when a window of `rows` rows tells it (the last window), else None."""
    last = query.limit is None or rows < query.limit
    if rows and last or not rows and not query.offset:
        return query.offset + rows
    return None


def _window_ids_found(
    conn, query: ProductQuery, search: TextSearch, found, few: bool, total: Optional[int], estimate: int, params: dict
) -> list[int]:
    """The window's ids the cheaper way (see above); `total` None when not counted, then
    `estimate` (at least about how many match) sets the walk's bound."""
    if query.sort == "name" and (not few or estimate > SORT_IDS):
        products = conn.execute(_MAX_ID).scalar() or 0  # about how many there are
        visits = min(query.offset + query.limit, estimate) * products / estimate
        if not few and visits <= WALK_ROWS:  # every word as LIKE, tested where met
            ids = _walk_name_index(conn, query, total, visits, query_conditions(query))
            if ids is not None:
                return ids
        elif few:  # the listed ids, tested where met; bunched ones are sorted below
            # `id + 0`: the ids are tested on the walk of the (name_sort, name, spec) index (which
            # holds them) rather than looked up one by one.
            ids = _walk_name_index(conn, query, total, visits, [(Product.id + 0).in_(found)], params)
            if ids is not None:
                return ids
    if found is not None and query.sort == "name" and estimate > SORT_IDS and not few:
        statement = select(Product.id).where((Product.id + 0).in_(found)).order_by(*_name_order(query))
    elif found is not None:
        statement = order_by_query(_ids_statement(query, [Product.id.in_(found)]), query)
    else:
        statement = order_by_query(_ids_statement(query, query_conditions(query, search)), query)
    return list(conn.execute(_windowed(statement, query), params).scalars())


def list_products(db: Database, query: Optional[ProductQuery] = None) -> list[ProductRow]:
    """The products matching `query`, sorted, from `offset`, at most `limit` of them."""
    return _list(db, query or ProductQuery(), count=False)[0]


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
    rows, total = _list(db, query or ProductQuery(), count=True)
    assert total is not None
    return rows, (total if with_total else len(rows))


def list_products_window(db: Database, query: ProductQuery) -> tuple[list[ProductRow], Optional[int]]:
    """(the window of `query`, how many match when that came without counting them: None
    for a search too many to list, when the window is not the last; `count_products`
    tells it then). What a view shows first while typing: the rows on screen before the
    count (most of the query for a search with tens of thousands of matches)."""
    return _list(db, query, count=False)


def _list(db: Database, query: ProductQuery, count: bool) -> tuple[list[ProductRow], Optional[int]]:
    with reading(db) as conn:
        if query.limit is None or query.limit > WIDE_WINDOW:
            statement = order_by_query(row_select().where(*query_conditions(query)), query)
            if query.offset:
                statement = statement.offset(query.offset)
            if query.limit is not None:
                statement = statement.limit(query.limit)
            rows = [to_row(r) for r in conn.execute(statement)]
            total = _told_by_window(query, len(rows))
            if total is None and count:
                total = conn.execute(
                    select(func.count()).select_from(Product).where(*query_conditions(query))
                ).scalar_one()
            return rows, total
        if conn.dialect.name == "sqlite":
            ids, total = _window_ids(conn, query, count)
        else:
            ids, total = _window_ids_in_one_query(conn, query, with_total=count)
            if not count:
                total = _told_by_window(query, len(ids))
        found = {r.id: to_row(r) for r in conn.execute(_ROWS_BY_ID, {"ids": ids})} if ids else {}
        return [found[i] for i in ids if i in found], total


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
    with reading(db) as conn:
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


def list_origins(db: Database) -> list[str]:
    """The counties (else towns) products come from, for the origin filter."""
    with reading(db) as conn:
        values = conn.execute(
            select(Product.origin_county).where(Product.origin_county != "").distinct().order_by(Product.origin_county)
        ).scalars()
        return list(values)


def list_certifications(db: Database) -> list[str]:
    """Every certification some product has, for the certification filter."""
    found: dict[str, None] = {}
    with reading(db) as conn:
        for (text,) in conn.execute(select(Product.certifications).where(Product.certifications != "").distinct()):
            for item in split_certifications(text):
                found.setdefault(item, None)
    return sorted(found)


__all__ = [
    "list_products", "list_products_and_count", "list_products_window", "count_products", "search_products", "list_origins",
    "list_certifications", "WIDE_WINDOW",
]
