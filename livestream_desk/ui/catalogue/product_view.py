"""The catalogue's product table view: fixed rows, SQL sorting, columns sized for Chinese
text, and its header state (widths, order, sort) kept in QSettings."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ..widgets.large_table import set_up_large_table
from .table_model import ProductTableModel

SETTINGS_COLUMNS = "catalogue/columns"  # the product table's column widths, order and sort

_SAMPLES = {  # a typical long value per column: the first width before the user changes it
    ProductTableModel.NAME: "婺源皇菊特级礼盒",
    ProductTableModel.SPEC: "约1.2斤/只",
    ProductTableModel.UNIT: "千克",
    ProductTableModel.CATEGORY: "花草茶类",
    ProductTableModel.PRICE: "¥1,288.00",
    ProductTableModel.LIVE_PRICE: "¥1,288.00",
    ProductTableModel.COST: "¥1,288.00",
    ProductTableModel.MARGIN: "100.0%",
    ProductTableModel.STOCK: "10,000",
    ProductTableModel.ORIGIN: "江西省 婺源县 江湾镇",
    ProductTableModel.PRODUCER: "婺源县篁岭皇菊合作社",
    ProductTableModel.CERTIFICATIONS: "地理标志、绿色食品",
    ProductTableModel.STATUS: "已下架",
}


class ProductTableView(QTableView):
    def __init__(self, model: ProductTableModel, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("productTable")
        self.setModel(model)
        set_up_large_table(self, row_padding=12)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        self._size_columns(model)
        # Sorting is done in SQL by the model (see table_model.py): the header only asks.
        header.setSortIndicator(ProductTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        model.restarted.connect(self._start_again)

    def _start_again(self) -> None:
        """A new search or order replaces the rows in place (not a model reset): what was
        selected is another product now, and the list starts from the top."""
        if self.selectionModel().hasSelection():
            self.clearSelection()
        if self.verticalScrollBar().value():
            self.scrollToTop()

    def _size_columns(self, model: ProductTableModel) -> None:
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        headers = model.headers()
        for column, sample in _SAMPLES.items():
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(headers[column]) + 14) + 20
            header.resizeSection(column, width)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_COLUMNS, self.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Column widths, order and sort as the user left them (the sort re-queries in SQL)."""
        state = settings.value(SETTINGS_COLUMNS)
        if isinstance(state, QByteArray):
            self.horizontalHeader().restoreState(state)
