"""Search as you type on the catalogue, the work per keystroke (issue 7 item 5): a small first
window, cells formatted on the worker thread, rows replaced in place (no model reset)."""
from __future__ import annotations

import threading

from livestream_desk.services.catalogue import ProductQuery, list_products
from livestream_desk.ui.catalogue import table_model
from livestream_desk.ui.catalogue.table_model import FIRST_WINDOW, ProductTableModel

from .catalogue_support import make_page, model_names, shop, wait_idle  # noqa: F401 - fixtures


def _type(qtbot, page, text):
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, text)
    page.flush_search()
    wait_idle(qtbot, page)


def test_a_search_replaces_the_rows_in_place_without_resetting_the_model(qtbot, make_page, catalogue_50k):
    page = make_page(catalogue_50k)
    model = page.model
    resets, header_changes = [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    model.headerDataChanged.connect(lambda *_: header_changes.append(1))

    page.view.scrollTo(model.index(FIRST_WINDOW - 1, 0))
    page.view.selectRow(FIRST_WINDOW - 1)
    assert page.view.verticalScrollBar().value() > 0
    _type(qtbot, page, "huangju")

    expected = list_products(catalogue_50k, ProductQuery(text="huangju", limit=FIRST_WINDOW))
    assert [r.id for r in model.loaded_rows()] == [r.id for r in expected]
    assert model.total() > FIRST_WINDOW  # a first window only: the view asks for more as it scrolls
    assert not resets and not header_changes
    # a new search starts from the top with nothing selected (the selected row is another product now)
    assert page.view.verticalScrollBar().value() == 0
    assert not page.view.selectionModel().hasSelection()
    names = model_names(page)
    assert [model.data(model.index(r, ProductTableModel.NAME)) for r in range(model.rowCount())] == names


def test_fewer_and_more_matches_remove_and_insert_rows(qtbot, make_page, shop):
    page = make_page(shop)
    model = page.model
    removed, inserted, resets = [], [], []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.modelAboutToBeReset.connect(lambda: resets.append(1))

    _type(qtbot, page, "hj")  # the two 皇菊 of five
    assert sorted(model_names(page)) == ["修水高山皇菊", "婺源皇菊"]
    assert removed == [(2, 4)]
    page.search_edit.clear()
    page.flush_search()
    wait_idle(qtbot, page)
    assert len(model_names(page)) == 5
    assert inserted == [(2, 4)]
    assert not resets


def test_a_refresh_with_nothing_changed_repaints_nothing(qtbot, make_page, shop):
    page = make_page(shop)
    changed = []
    page.model.dataChanged.connect(lambda *args: changed.append(args))
    page.refresh()
    wait_idle(qtbot, page)
    assert changed == []
    assert len(model_names(page)) == 5


def test_the_cells_are_formatted_on_the_worker_thread(qtbot, make_page, shop, monkeypatch):
    threads = []
    original = table_model.build_cells

    def recording(row, statuses):
        threads.append(threading.current_thread())
        return original(row, statuses)

    monkeypatch.setattr(table_model, "build_cells", recording)
    page = make_page(shop)
    assert threads and threading.main_thread() not in threads
    model = page.model
    row = model_names(page).index("广昌白莲")
    assert model.data(model.index(row, ProductTableModel.PRICE)) == "¥1,288.00"
    assert model.data(model.index(row, ProductTableModel.STATUS)) == "在售"
