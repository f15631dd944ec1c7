"""The catalogue's 合计 line: units in stock and their value at cost of the listed products,
following the search and filters once the list has settled."""
from __future__ import annotations

from livestream_desk.services.catalogue import ProductInput, create_product

from .catalogue_support import make_page, type_text, wait_idle  # noqa: F401


def test_stock_totals_line_follows_the_list(qtbot, db, make_page):
    create_product(db, ProductInput(name="婺源皇菊", list_price="39.9", cost="12.5", stock=10))
    create_product(db, ProductInput(name="赣南脐橙", list_price="59.9", cost="20", stock=3))
    create_product(db, ProductInput(name="南丰蜜桔", list_price="49.9", stock=7))  # no cost price
    page = make_page(db)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.stock_label.text() != "", timeout=5000)
    assert page.stock_label.isVisible()
    assert page.stock_label.text() == "合计  3 件商品 · 库存 20 件 · 成本货值 ¥185.00（1 件商品未填成本价）"

    type_text(qtbot, page.search_edit, "脐橙")
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.stock_totals is not None and page.stock_totals.products == 1, timeout=5000)
    assert page.stock_label.text() == "合计  1 件商品 · 库存 3 件 · 成本货值 ¥60.00"
    assert page.count_label.text() == "共 1 件商品"  # the count beside the filters is unchanged
