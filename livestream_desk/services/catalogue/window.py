"""Reading the catalogue for the GUI's table model: counts and windows of a `ProductQuery`.

`list_products(db, ProductQuery(..., offset=…, limit=…))` and `count_products(db, query)`;
on SQLite the cheaper plan for the case is picked below (the trigram index, the name index).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from sqlalchemy import func, select, tuple_

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
def _index_count(conn, match: str, archived: ArchivedFilter) -> int:
    """How many products `match` finds in the index, archived or not as asked."""
    statement = select(func.count()).select_from(product_search).where(fts_match(archived_match(match, archived)))
    return conn.execute(statement).scalar_one()


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
#     too, until the window is full (~45 ns a product, at worst one pass over it), or, for at most
#     SORT_IDS of them or another sort, by sorting them (~1 µs each: the sort columns are
#     read from the product rows). More matches are counted by the index;
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


def _name_order(query: ProductQuery) -> list:
    keys = NAME_ORDER
    return [k.desc() for k in keys] if query.descending else [k.asc() for k in keys]


def _windowed(statement, query: ProductQuery):
    statement = statement.limit(query.limit)
    return statement.offset(query.offset) if query.offset else statement


def _walk_name_index(conn, query: ProductQuery, total: int, visits: float) -> Optional[list[int]]:
    """The window's ids by walking the name index for about `visits` products (see above);
    None when the window is not full by then."""
    keys = NAME_ORDER
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
    if index and search.match is not None and not search.like_terms and not has_row_filters(query):
        archived = ArchivedFilter(query.archived)
        match = fts_match(archived_match(search.match, archived))
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
        # `id + 0`: the ids are tested on the walk of the (name_sort, name, spec) index (which holds
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
    with reading(db) as conn:
        if query.limit is None or query.limit > WIDE_WINDOW:
            statement = order_by_query(row_select().where(*query_conditions(query)), query)
            if query.offset:
                statement = statement.offset(query.offset)
            if query.limit is not None:
                statement = statement.limit(query.limit)
            rows = [to_row(r) for r in conn.execute(statement)]
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
        found = {r.id: to_row(r) for r in conn.execute(row_select().where(Product.id.in_(ids)))} if ids else {}
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
    "list_products", "list_products_and_count", "count_products", "search_products", "list_origins",
    "list_certifications", "WIDE_WINDOW",
]
