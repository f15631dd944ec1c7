"""The Catalogue page: search as you type (pinyin too), filters, SQL sorting, windowed loading,
low-stock highlighting, and safe delete / archive with undo."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from livestream_desk.db import models
from livestream_desk.services.catalogue import (
    ArchivedFilter,
    ProductQuery,
    count_products,
    get_product,
    list_products,
    stock_history,
)
from livestream_desk.ui.catalogue.table_model import FIRST_WINDOW, LOW_STOCK_BACKGROUND, PAGE_SIZE, ProductTableModel
from livestream_desk.domain.pinyin_keys import name_sort_key

from .catalogue_support import (  # noqa: F401 - fixtures
    add_sale,
    make_page,
    model_names,
    row_of_name,
    shop,
    wait_idle,
)


def _product_id(db, name):
    with db.engine.connect() as conn:
        return conn.execute(select(models.Product.id).where(models.Product.name == name)).scalar_one()


def _exists(db, product_id) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(models.Product).where(
            models.Product.id == product_id)).scalar_one() == 1


def _type_search(qtbot, page, text):
    page.search_edit.setFocus()
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, text)
    expected = [r.id for r in list_products(page.database, ProductQuery(text=text, limit=FIRST_WINDOW))]
    qtbot.waitUntil(
        lambda: not page.is_loading() and [r.id for r in page.model.loaded_rows()] == expected, timeout=10_000)
    return expected


# --- search ---------------------------------------------------------------------------------


def test_lists_the_products_with_formatted_columns(qtbot, make_page, shop):
    page = make_page(shop)
    assert model_names(page) == ["赣南脐橙", "广昌白莲", "万年贡米", "婺源皇菊", "修水高山皇菊"]  # by name (pinyin)
    assert page.count_label.text() == "共 5 件商品"
    model = page.model
    row = row_of_name(page, "广昌白莲")
    assert model.data(model.index(row, ProductTableModel.PRICE)) == "¥1,288.00"
    alignment = model.data(model.index(row, ProductTableModel.PRICE), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(row, ProductTableModel.MARGIN)) == "98.3%"
    assert model.data(model.index(row, ProductTableModel.STATUS)) == "在售"
    row = row_of_name(page, "婺源皇菊")
    assert model.data(model.index(row, ProductTableModel.LIVE_PRICE)) == "¥29.90"
    assert model.data(model.index(row, ProductTableModel.ORIGIN)) == "江西省 婺源县 江湾镇 篁岭村"
    assert model.data(model.index(row, ProductTableModel.CERTIFICATIONS)) == "地理标志、绿色食品"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "名称", "规格", "单位", "分类", "售价", "直播价", "成本", "毛利率（按售价）", "库存", "产地", "生产者", "认证", "状态"]
    tip = model.headerData(ProductTableModel.MARGIN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "按售价计算的毛利率：（售价 − 成本）÷ 售价"


def test_typing_pinyin_initials_filters_the_table(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    everything = page.model.total()
    assert everything == count_products(demo_db)
    expected = _type_search(qtbot, page, "hj")
    names = model_names(page)
    assert names and all("皇菊" in name for name in names)
    huangju = [r.name for r in list_products(demo_db) if "皇菊" in r.name]
    assert sorted(names) == sorted(huangju)
    assert len(expected) < everything
    assert page.count_label.text() == f"共 {len(expected)} 件商品"
    assert page.model.total() == count_products(demo_db, ProductQuery(text="hj"))


def test_typing_the_full_pinyin_finds_the_same(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    by_initials = _type_search(qtbot, page, "hj")
    by_spelling = _type_search(qtbot, page, "huangju")
    assert by_spelling == by_initials
    assert page.count_label.text() == f"共 {len(by_spelling)} 件商品"
    _type_search(qtbot, page, "wyhj")
    assert model_names(page) and all(name.startswith("婺源皇菊") for name in model_names(page))


def test_search_waits_for_a_pause_and_shows_only_the_last_query(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    answers = []
    page.model.loaded.connect(answers.append)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "huangju")  # seven keys, well inside the pause
    assert page.is_loading()
    wait_idle(qtbot, page)
    assert len(answers) == 1  # one query for the whole word, not one per key
    page.search_edit.setText("zzzz-nothing")
    page.flush_search()
    page.search_edit.setText("hj")
    page.flush_search()  # two queries in flight: the first answer must not win
    wait_idle(qtbot, page)
    assert all("皇菊" in name for name in model_names(page)) and model_names(page)


def test_no_match_says_so(qtbot, make_page, shop):
    page = make_page(shop)
    _type_search(qtbot, page, "zzzz")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "没有符合条件的商品"
    assert page.view.isVisible()  # the header stays, so the user sees where they are


def test_escape_clears_the_search_and_down_goes_to_the_table(qtbot, make_page, shop):
    page = make_page(shop)
    _type_search(qtbot, page, "hj")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    assert page.selected_rows()[0].name in ("修水高山皇菊", "婺源皇菊")
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)


def test_ctrl_f_focuses_the_search_box(qtbot, make_page, shop):
    page = make_page(shop)
    page.activateWindow()  # focus is only given to an active window; activation can lag under load
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search_edit.hasFocus)


# --- filters ---------------------------------------------------------------------------


def _choose(qtbot, page, combo, text):
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    wait_idle(qtbot, page)


def test_filters(qtbot, make_page, shop):
    page = make_page(shop)
    bar = page.filter_bar
    _choose(qtbot, page, bar.category_combo, "花草茶")
    assert sorted(model_names(page)) == ["修水高山皇菊", "婺源皇菊"]
    assert page.count_label.text() == "共 2 件商品"
    assert page.clear_filters_button.isVisible()
    _choose(qtbot, page, bar.origin_combo, "婺源县")
    assert model_names(page) == ["婺源皇菊"]
    page.clear_filters_button.click()
    wait_idle(qtbot, page)
    assert len(model_names(page)) == 5

    _choose(qtbot, page, bar.producer_combo, "信丰果农")
    assert model_names(page) == ["赣南脐橙"]
    bar.clear()
    wait_idle(qtbot, page)
    _choose(qtbot, page, bar.certification_combo, "地理标志")
    assert sorted(model_names(page)) == ["万年贡米", "婺源皇菊"]
    bar.clear()
    wait_idle(qtbot, page)
    bar.low_stock_check.click()
    wait_idle(qtbot, page)
    assert model_names(page) == ["婺源皇菊"]
    bar.clear()
    wait_idle(qtbot, page)


def test_status_filter_shows_archived_products(qtbot, make_page, shop):
    from livestream_desk.services.catalogue import archive_product

    archive_product(shop, _product_id(shop, "广昌白莲"))
    page = make_page(shop)
    assert "广昌白莲" not in model_names(page)
    bar = page.filter_bar
    _choose(qtbot, page, bar.status_combo, "已下架")
    assert model_names(page) == ["广昌白莲"]
    model = page.model
    assert model.data(model.index(0, ProductTableModel.STATUS)) == "已下架"
    _choose(qtbot, page, bar.status_combo, "全部")
    assert len(model_names(page)) == 5


def test_filter_choices_follow_new_categories(qtbot, make_page, shop):
    from livestream_desk.services.catalogue import add_category

    page = make_page(shop)
    add_category(shop, "手工艺品")
    page.refresh()
    wait_idle(qtbot, page)
    combo = page.filter_bar.category_combo
    assert "手工艺品" in [combo.itemText(i) for i in range(combo.count())]


# --- sorting -----------------------------------------------------------------------------


def _click_header(qtbot, page, column):
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    wait_idle(qtbot, page)


def test_clicking_the_price_header_sorts_in_the_database(qtbot, make_page, shop):
    page = make_page(shop)
    _click_header(qtbot, page, ProductTableModel.PRICE)
    by_price = list_products(shop, ProductQuery(sort="list_price_fen", descending=True))
    assert model_names(page) == [r.name for r in by_price]
    assert model_names(page)[0] == "广昌白莲"  # ¥1,288.00: the highest price first
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    _click_header(qtbot, page, ProductTableModel.PRICE)
    assert model_names(page) == [r.name for r in reversed(by_price)]
    _click_header(qtbot, page, ProductTableModel.NAME)
    assert model_names(page) == sorted(model_names(page), key=name_sort_key)  # by pinyin


def test_sorting_50000_products_by_price_shows_the_highest_of_all(qtbot, make_page, catalogue_50k):
    db = catalogue_50k
    page = make_page(db)
    _click_header(qtbot, page, ProductTableModel.PRICE)
    with db.engine.connect() as conn:
        highest = conn.execute(select(func.max(models.Product.list_price_fen))).scalar_one()
    assert page.model.product(0).list_price_fen == highest  # not the highest of the first window
    assert page.model.rowCount() == FIRST_WINDOW


# --- large catalogues ----------------------------------------------------------------------


def test_50000_products_load_one_window_at_a_time(qtbot, make_page, catalogue_50k):
    db = catalogue_50k
    page = make_page(db)
    model = page.model
    assert model.total() == 50_000
    assert page.count_label.text() == "共 50,000 件商品"
    assert model.rowCount() == FIRST_WINDOW < 50_000  # a screen and a half: a keystroke's answer is small
    assert model.canFetchMore()
    assert page.view.verticalHeader().sectionResizeMode(0).name == "Fixed"

    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= FIRST_WINDOW + PAGE_SIZE, timeout=10_000)
    wait_idle(qtbot, page)
    assert model.rowCount() < 50_000
    ids = [r.id for r in model.loaded_rows()]
    assert len(set(ids)) == len(ids)
    expected = list_products(db, ProductQuery(limit=len(ids)))
    assert ids == [r.id for r in expected]  # the windows join up in order


def test_search_in_50000_products(qtbot, make_page, catalogue_50k):
    db = catalogue_50k
    page = make_page(db)
    _type_search(qtbot, page, "wyhj12")
    assert model_names(page) and all(name.startswith("婺源皇菊12") for name in model_names(page))
    assert page.count_label.text() == f"共 {count_products(db, ProductQuery(text='wyhj12'))} 件商品"


# --- low stock ------------------------------------------------------------------------------


def test_low_stock_rows_are_highlighted(qtbot, make_page, shop):
    page = make_page(shop)
    model = page.model
    low = model.index(row_of_name(page, "婺源皇菊"), ProductTableModel.STOCK)  # 95, warning at 100
    fine = model.index(row_of_name(page, "赣南脐橙"), ProductTableModel.STOCK)  # 50, warning at 10
    brush = model.data(low, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == LOW_STOCK_BACKGROUND
    assert model.data(fine, Qt.ItemDataRole.BackgroundRole) is None
    assert "100" in model.data(low, Qt.ItemDataRole.ToolTipRole)
    assert model.data(low, Qt.ItemDataRole.FontRole).bold()
    name_cell = model.index(low.row(), ProductTableModel.NAME)
    assert model.data(name_cell, Qt.ItemDataRole.BackgroundRole) is not None  # the whole row


# --- delete, archive, undo -------------------------------------------------------------------


def _answer(monkeypatch, answer=QMessageBox.StandardButton.Yes):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _select(qtbot, page, name):
    page.view.setFocus()
    row = row_of_name(page, name)
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r.name for r in page.selected_rows()] == [name]


def test_delete_key_asks_then_ctrl_z_restores_and_redo_deletes_again(qtbot, make_page, shop, monkeypatch):
    page = make_page(shop)
    asked = _answer(monkeypatch)
    product_id = _product_id(shop, "婺源皇菊")
    before = get_product(shop, product_id)
    history = stock_history(shop, product_id)
    _select(qtbot, page, "婺源皇菊")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not _exists(shop, product_id), timeout=10_000)
    wait_idle(qtbot, page)
    assert "婺源皇菊" in asked[0]
    assert "婺源皇菊" not in model_names(page)
    assert page.count_label.text() == "共 4 件商品"
    assert page.undo_action.text() == "撤销 删除“婺源皇菊”(&U)"

    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _exists(shop, product_id), timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id) == before  # every field, platform codes and all
    assert stock_history(shop, product_id) == history
    assert "婺源皇菊" in model_names(page)
    assert [r.name for r in page.selected_rows()] == ["婺源皇菊"]
    assert page.redo_action.text() == "重做 删除“婺源皇菊”(&R)"

    page.redo_action.trigger()
    qtbot.waitUntil(lambda: not _exists(shop, product_id), timeout=10_000)
    wait_idle(qtbot, page)
    assert "婺源皇菊" not in model_names(page)


def test_saying_no_deletes_nothing(qtbot, make_page, shop, monkeypatch):
    page = make_page(shop)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    _select(qtbot, page, "赣南脐橙")
    page.delete_action.trigger()
    wait_idle(qtbot, page)
    assert count_products(shop) == 5
    assert not page.undo_stack.canUndo()


def test_a_product_with_sales_is_archived_instead_and_undo_brings_it_back(qtbot, make_page, shop, monkeypatch):
    product_id = _product_id(shop, "赣南脐橙")
    add_sale(shop, product_id)
    page = make_page(shop)
    asked = _answer(monkeypatch)
    _select(qtbot, page, "赣南脐橙")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: get_product(shop, product_id).archived, timeout=10_000)
    wait_idle(qtbot, page)
    assert "不能删除" in asked[0] and "下架" in asked[0] and "1 条销售记录" in asked[0]
    assert _exists(shop, product_id)  # never deleted
    assert "赣南脐橙" not in model_names(page)  # the default list shows products on sale
    assert page.undo_action.text() == "撤销 下架“赣南脐橙”(&U)"
    page.undo_action.trigger()
    qtbot.waitUntil(lambda: not get_product(shop, product_id).archived, timeout=10_000)
    wait_idle(qtbot, page)
    assert "赣南脐橙" in model_names(page)


def test_demo_products_with_sales_cannot_be_deleted(qtbot, make_page, demo_db, monkeypatch):
    page = make_page(demo_db)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    before = count_products(demo_db, ProductQuery(archived=ArchivedFilter.INCLUDE))
    _select(qtbot, page, model_names(page)[0])
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    wait_idle(qtbot, page)
    assert "不能删除" in asked[0]
    assert count_products(demo_db, ProductQuery(archived=ArchivedFilter.INCLUDE)) == before


def test_deleting_several_archives_the_used_ones(qtbot, make_page, shop, monkeypatch):
    used = _product_id(shop, "赣南脐橙")
    add_sale(shop, used)
    free = _product_id(shop, "广昌白莲")
    page = make_page(shop)
    _answer(monkeypatch)
    page.select_ids([used, free])
    page.delete_action.trigger()
    qtbot.waitUntil(lambda: not _exists(shop, free), timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, used).archived
    page.undo_action.trigger()
    qtbot.waitUntil(lambda: _exists(shop, free) and not get_product(shop, used).archived, timeout=10_000)
    wait_idle(qtbot, page)


def test_archive_and_put_back_on_sale(qtbot, make_page, shop):
    page = make_page(shop)
    product_id = _product_id(shop, "万年贡米")
    _select(qtbot, page, "万年贡米")
    assert page.archive_action.text() == "下架(&A)"
    page.archive_action.trigger()
    qtbot.waitUntil(lambda: get_product(shop, product_id).archived, timeout=10_000)
    wait_idle(qtbot, page)
    page.filter_bar.set_combo_data(page.filter_bar.status_combo, "archived")
    wait_idle(qtbot, page)
    _select(qtbot, page, "万年贡米")
    assert page.archive_action.text() == "重新上架(&S)"
    page.archive_action.trigger()
    qtbot.waitUntil(lambda: not get_product(shop, product_id).archived, timeout=10_000)
    wait_idle(qtbot, page)
    assert page.undo_stack.count() == 2


def test_a_failed_undo_leaves_the_stack_as_it_was(qtbot, make_page, shop, monkeypatch):
    from livestream_desk.services.catalogue import create_product, ProductInput

    page = make_page(shop)
    _answer(monkeypatch)
    _select(qtbot, page, "婺源皇菊")
    page.delete_action.trigger()
    qtbot.waitUntil(lambda: page.undo_stack.canUndo(), timeout=10_000)
    wait_idle(qtbot, page)
    create_product(shop, ProductInput(name="别的商品", sku="JX-HJ-050"))  # takes the deleted one's 商家编码
    boxes = []
    monkeypatch.setattr("livestream_desk.ui.operation.report_error",
                        lambda parent, exc, title=None: boxes.append((title, str(exc))))
    page.undo_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    wait_idle(qtbot, page)
    assert boxes[0][0] == "无法撤销"
    assert "JX-HJ-050" in boxes[0][1] and "别的商品" in boxes[0][1]
    assert page.undo_stack.index() == 1  # still undoable once the code is free again


def test_deleting_several_is_all_or_nothing_when_one_of_them_fails(qtbot, make_page, shop, monkeypatch):
    free, soon_sold = _product_id(shop, "广昌白莲"), _product_id(shop, "万年贡米")
    page = make_page(shop)

    def question(parent, title, text, *args, **kwargs):
        add_sale(shop, soon_sold)  # sold on another PC between the check and the delete
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    boxes = []
    monkeypatch.setattr("livestream_desk.ui.operation.report_error",
                        lambda parent, exc, title=None: boxes.append(exc))
    page.select_ids([free, soon_sold])
    page.delete_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    wait_idle(qtbot, page)
    assert _exists(shop, free) and _exists(shop, soon_sold)  # neither was deleted
    assert boxes[0].code == "catalogue.product_in_use"
    assert not page.undo_stack.canUndo()


def test_undoing_an_edit_keeps_a_stock_change_made_in_between(qtbot, make_page, shop):
    from dataclasses import replace

    from livestream_desk.services.catalogue import adjust_stock, product_input_from
    from livestream_desk.ui.catalogue import undo_commands

    page = make_page(shop)
    product_id = _product_id(shop, "赣南脐橙")
    detail = get_product(shop, product_id)
    before = product_input_from(detail)
    after = replace(before, name="赣南脐橙礼盒")
    movements = len(stock_history(shop, product_id))
    undo_commands.edit_product(page, page.undo_stack, product_id, before, after, detail.stock, detail.stock,
                               changed=lambda ids: None).run()
    qtbot.waitUntil(lambda: page.undo_stack.canUndo(), timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id).name == "赣南脐橙礼盒"
    assert len(stock_history(shop, product_id)) == movements  # an edit of the name never writes stock

    adjust_stock(shop, product_id, 7, "补货")  # the stock dialog, or another PC
    page.undo_action.trigger()
    qtbot.waitUntil(lambda: get_product(shop, product_id).name == "赣南脐橙", timeout=10_000)
    wait_idle(qtbot, page)
    assert get_product(shop, product_id).stock == detail.stock + 7
