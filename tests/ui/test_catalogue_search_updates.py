"""Search as you type on the catalogue, the work per keystroke (issue 7 item 5): a small first
window, cells formatted on the worker thread, rows replaced in place (no model reset)."""
from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject

from livestream_desk.services.catalogue import ProductQuery, count_products, list_products
from livestream_desk.ui.catalogue import table_model
from livestream_desk.ui.catalogue.product_view import ProductTableView
from livestream_desk.ui.catalogue.table_model import FIRST_WINDOW, PAGE_SIZE, ProductTableModel
from livestream_desk.ui.tasks import TaskRunner

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


class _PaintWatcher(QObject):
    """Notes "painted" in `events` when `widget` is painted after new rows were shown."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.events: list = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.events and self.events[-1][0] == "shown":
            self.events.append("painted")
        return False


def test_many_matches_show_their_rows_first_and_their_count_a_moment_later(qtbot, make_page, catalogue_50k, monkeypatch):
    """`hu` matches tens of thousands: the first window is shown without waiting for them to
    be counted (most of the query), then the count arrives and the page says it; the view can
    load further windows only once it is known."""
    page = make_page(catalogue_50k)
    model = page.model
    events = []
    model.shown.connect(lambda: events.append(("shown", model.rowCount(), model.is_counting(), model.canFetchMore())))
    model.loaded.connect(lambda total: events.append(("loaded", total, model.is_counting(), model.canFetchMore())))
    painted = _PaintWatcher(page.view.viewport())
    count_matches = table_model.count_matches
    monkeypatch.setattr(table_model, "count_matches", lambda *args: events.append("counting") or count_matches(*args))
    painted.events = events
    _type(qtbot, page, "hu")

    expected = count_products(catalogue_50k, ProductQuery(text="hu"))
    assert expected > 10_000
    # the count starts once the new rows are painted (a count beside the painting slows it)
    assert events == [("shown", FIRST_WINDOW, True, False), "painted", "counting", ("loaded", expected, False, True)]
    assert model.total() == expected
    assert page.count_label.text() == f"共 {expected:,} 件商品"
    page.view.scrollToBottom()  # the view asks for the next window now that the count is known
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_WINDOW + PAGE_SIZE)
    wait_idle(qtbot, page)
    expected_rows = list_products(catalogue_50k, ProductQuery(text="hu", limit=FIRST_WINDOW + PAGE_SIZE))
    assert [r.id for r in model.loaded_rows()] == [r.id for r in expected_rows]


def test_a_count_overtaken_by_the_next_key_is_dropped(qtbot, make_page, catalogue_50k):
    """The next key typed while `h`'s matches are counted: that count never reaches the page;
    the total on screen is the new search's."""
    page = make_page(catalogue_50k)
    model = page.model
    totals = []
    model.loaded.connect(totals.append)

    def type_more():
        model.shown.disconnect(type_more)
        qtbot.keyClicks(page.search_edit, "uang")
        page.flush_search()

    model.shown.connect(type_more)
    _type(qtbot, page, "h")
    assert totals == [count_products(catalogue_50k, ProductQuery(text="huang"))]
    assert page.search_edit.text() == "huang"
    names = model_names(page)
    assert names == [r.name for r in list_products(catalogue_50k, ProductQuery(text="huang", limit=FIRST_WINDOW))]


def test_a_view_taller_than_the_first_window_fills_itself_once_the_count_is_in(qtbot, catalogue_50k):
    """On a tall screen the first 40 rows do not fill the table: the view asks for more as soon
    as the count says there are more (not only when the user scrolls). The view alone, without
    the page (whose labels change with the count and may lay the view out again anyway)."""
    runner = TaskRunner()
    model = ProductTableModel(catalogue_50k, runner)
    view = ProductTableView(model)
    qtbot.addWidget(view)
    view.resize(1366, 2400)
    view.show()
    qtbot.waitExposed(view)
    assert view.viewport().height() > FIRST_WINDOW * view.verticalHeader().defaultSectionSize()
    with qtbot.waitSignal(model.loaded):
        model.set_query(ProductQuery(text="hu"))
    assert model.total() > FIRST_WINDOW + PAGE_SIZE
    qtbot.waitUntil(lambda: model.rowCount() >= FIRST_WINDOW + PAGE_SIZE)
    qtbot.waitUntil(lambda: not model.is_loading() and runner.active() == 0)
    expected = list_products(catalogue_50k, ProductQuery(text="hu", limit=model.rowCount()))
    assert [r.id for r in model.loaded_rows()] == [r.id for r in expected]
