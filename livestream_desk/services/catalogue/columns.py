"""The ONE mapping between a validated product (`domain.validation.ValidProduct`) and the
columns of the products table, used by every writer: the editor's create and update,
restore after a delete, the product import and the demo data.

`ValidProduct`'s fields are the stored form: the fields in STORED_FIELDS are products-table
columns of the same name; `category` and `producer` are names, stored as ids; the search
keys, the name's sort key (products.name_sort) and the matched form of the 商家编码
(products.sku_key) are derived, here only. So the field list is spelled out once, in
ValidProduct.
"""
from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, Optional

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ...db.models import Category, Producer, Product
from ...domain.validation import ValidProduct, sku_key
from ...domain.pinyin_keys import product_search_keys, product_sort_key

# ValidProduct fields that are not columns of the same name.
_NOT_COLUMNS = {"category", "producer", "platform_codes", "stock_reason"}
STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ValidProduct) if f.name not in _NOT_COLUMNS)
_FLAGS = ("archived", "needs_review")
_stored_values = attrgetter(*STORED_FIELDS)


def product_columns(valid: ValidProduct, *, category_id: Optional[int], producer_id: Optional[int]) -> dict[str, Any]:
    """The products-table values of `valid` (without id, created_at, updated_at)."""
    values = dict(zip(STORED_FIELDS, _stored_values(valid)))  # (one C call: an import makes 100,000 of these)
    values["category_id"] = category_id
    values["producer_id"] = producer_id
    values.update(derived_columns(valid))
    return values


def derived_columns(product) -> dict[str, Any]:
    """The columns computed from a product's stored fields (a ValidProduct or a row of
    `stored_product_select()`): search keys, name sort key, matched 商家编码."""
    return {
        "search_keys": product_search_keys(product),
        "name_sort": product_sort_key(product),
        "sku_key": sku_key(product.sku),
    }


def stored_product_select():
    """Product.id and every stored field by its ValidProduct name (category and producer as names)."""
    return (
        select(
            Product.id,
            *(getattr(Product, name) for name in STORED_FIELDS),
            Category.name.label("category"),
            Producer.name.label("producer"),
        )
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
    )


def valid_from_stored(row: Any) -> ValidProduct:
    """A row of `stored_product_select()`, a `ProductDetail` or anything with the stored
    fields as attributes → the ValidProduct it stores (platform codes not included)."""
    values = {name: getattr(row, name) for name in STORED_FIELDS}
    values["sku"] = values["sku"] or None
    for flag in _FLAGS:
        values[flag] = bool(values[flag])
    return ValidProduct(**values, category=row.category or "", producer=row.producer or "")


def refresh_keys(session: Session, where=None) -> int:
    """Recompute the search keys and the name sort keys of the products `where` selects
    (all when None). The sku_key is left alone: a key left out by a clash stays out."""
    statement = stored_product_select()
    if where is not None:
        statement = statement.where(where)
    rows = session.execute(statement).all()
    if rows:
        table = Product.__table__
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("product_id"))
            .values(search_keys=bindparam("keys"), name_sort=bindparam("sort")),
            [{"product_id": r.id, "keys": product_search_keys(r), "sort": product_sort_key(r)} for r in rows],
        )
    return len(rows)


__all__ = ["STORED_FIELDS", "product_columns", "derived_columns", "stored_product_select", "valid_from_stored", "refresh_keys"]
