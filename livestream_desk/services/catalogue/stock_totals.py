"""The stock totals of the products a query finds (合计 under the catalogue): units in stock
and what they cost — the figure a seller otherwise adds up by hand (库存金额 in 管家婆).

`stock_totals(db, query)`: the same products as `count_products(db, query)` (its filters and
search; no window), one aggregate statement. Only stock above zero counts; products in stock
without a cost price are counted apart, so the value never pretends to be complete.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import and_, case, func, select

from ...db.engine import Database
from ...db.models import Product
from ..uow import reading
from .query import ProductQuery, query_conditions, text_search


@dataclass(frozen=True)
class StockTotals:
    products: int = 0  # that the query finds
    units: int = 0  # Σ stock above zero
    cost_value_fen: int = 0  # Σ stock × cost price, of the products with a cost price
    without_cost: int = 0  # products in stock without a cost price (not in the value)


def stock_totals(db: Database, query: ProductQuery) -> StockTotals:
    query = replace(query, offset=0, limit=None)
    with reading(db) as conn:
        search = text_search(conn, query.text)
        if search.nothing:
            return StockTotals()
        in_stock = Product.stock > 0
        statement = select(
            func.count(),
            func.coalesce(func.sum(case((in_stock, Product.stock), else_=0)), 0),
            func.coalesce(func.sum(case((and_(in_stock, Product.cost_fen.is_not(None)),
                                         Product.stock * Product.cost_fen), else_=0)), 0),
            func.coalesce(func.sum(case((and_(in_stock, Product.cost_fen.is_(None)), 1), else_=0)), 0),
        ).select_from(Product).where(*query_conditions(query, search))
        products, units, value, without_cost = conn.execute(statement).one()
    return StockTotals(int(products), int(units), int(value), int(without_cost))


__all__ = ["StockTotals", "stock_totals"]
