"""The product table's own cell painting (ui/catalogue/cell_delegate.py, issue 7 item 5) draws
what QStyledItemDelegate draws from the same model: every pixel, with a selected row, a
low-stock row (its colour, the stock in bold red), an archived row (grey), cut text ("…" at
the end, in the middle for 规格) and the focused cell."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

from livestream_desk.services.catalogue import archive_product, list_products
from livestream_desk.ui.catalogue.cell_delegate import MiddleElideDelegate, ProductCellDelegate
from livestream_desk.ui.catalogue.filter_bar import STATUS_ALL
from livestream_desk.ui.catalogue.product_view import M

from .catalogue_support import make_page, row_of_name, shop, wait_idle  # noqa: F401 - fixtures


class _StyledMiddle(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def _pixels(view):
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def test_cells_look_exactly_as_the_styled_delegate_paints_them(qtbot, make_page, shop):
    archived = next(r for r in list_products(shop) if r.name == "赣南脐橙")
    archive_product(shop, archived.id)
    page = make_page(shop)
    status = page.filter_bar.status_combo
    status.setCurrentIndex(status.findData(STATUS_ALL))
    wait_idle(qtbot, page)
    view, model = page.view, page.model
    assert "赣南脐橙" in [model.product(r).name for r in range(model.rowCount())]
    low = row_of_name(page, "婺源皇菊")
    assert model.product(low).low_stock
    view.selectRow(row_of_name(page, "万年贡米"))
    header = view.horizontalHeader()
    header.resizeSection(M.SPEC, view.fontMetrics().horizontalAdvance("50朵/盒") + 1)  # cut in the middle
    header.resizeSection(M.PRODUCER, 60)  # cut at the end
    qtbot.wait(10)
    own, own_middle = view.itemDelegate(), view.itemDelegateForColumn(M.SPEC)
    assert isinstance(own, ProductCellDelegate) and isinstance(own_middle, MiddleElideDelegate)
    ours = _pixels(view)
    assert own._measures and own_middle._measures  # they painted the texts themselves
    cut = [shown for shown, _measure in own_middle._elided.values()]
    assert cut and all("…" in text[1:-1] for text in cut), cut

    view.setItemDelegate(QStyledItemDelegate(view))
    view.setItemDelegateForColumn(M.SPEC, _StyledMiddle(view))
    styled = _pixels(view)
    assert ours.size() == styled.size()
    assert ours == styled

    # and with the keyboard focus in the table (the focused cell is left to the style)
    view.setFocus()
    view.setCurrentIndex(model.index(low, M.STOCK))
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    styled_focused = _pixels(view)
    view.setItemDelegate(own)
    view.setItemDelegateForColumn(M.SPEC, own_middle)
    assert _pixels(view) == styled_focused
