"""stock_totals: units in stock and their value at cost for the products a query finds (the
catalogue's 合计), equal to adding them up by hand."""
from __future__ import annotations

from livestream_desk.services.catalogue import ProductInput, ProductQuery, create_product
from livestream_desk.services.catalogue.stock_totals import StockTotals, stock_totals


def test_stock_totals_follow_the_query(db):
    create_product(db, ProductInput(name="婺源皇菊", list_price="39.9", cost="12.5", stock=10, category="茶叶"))
    create_product(db, ProductInput(name="赣南脐橙", list_price="59.9", cost="20", stock=3, category="水果"))
    create_product(db, ProductInput(name="南丰蜜桔", list_price="49.9", cost="", stock=7, category="水果"))  # no cost
    create_product(db, ProductInput(name="广昌白莲", list_price="59", cost="22", stock=0, category="干货"))

    everything = stock_totals(db, ProductQuery())
    assert everything == StockTotals(products=4, units=20, cost_value_fen=10 * 1250 + 3 * 2000, without_cost=1)

    fruit = stock_totals(db, ProductQuery(text="脐橙"))
    assert fruit == StockTotals(products=1, units=3, cost_value_fen=6000, without_cost=0)
    assert stock_totals(db, ProductQuery(text="没有这个")) == StockTotals()
    assert stock_totals(db, ProductQuery(low_stock_only=True)).products == 0


def test_empty_catalogue(db):
    assert stock_totals(db, ProductQuery()) == StockTotals()
