"""The table view of sale lines: fixed row height, columns sized for their content, sort in SQL."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QTableView, QWidget

from ..widgets.large_table import set_up_large_table
from .table_model import SalesTableModel

SETTINGS_COLUMNS = "sales/columns"

_SAMPLES = {
    SalesTableModel.PAID_AT: "2026-10-31 23:59",
    SalesTableModel.PLATFORM: "淘宝直播",
    SalesTableModel.ORDER: "6917926768823643751",
    SalesTableModel.PRODUCT: "婺源皇菊 一杯一朵礼盒",
    SalesTableModel.QUANTITY: "999",
    SalesTableModel.UNIT_PRICE: "¥1,288.00",
    SalesTableModel.PAID: "¥12,888.00",
    SalesTableModel.REFUNDED: "¥1,288.00",
    SalesTableModel.LIVESTREAM: "双十一特色产业节｜修水高山皇菊",
    SalesTableModel.SOURCE: "手工录入",
}


class SalesTableView(QTableView):
    def __init__(self, model: SalesTableModel, parent: Optional[QWidget] = None, *, settings_key: str = SETTINGS_COLUMNS):
        super().__init__(parent)
        self.settings_key = settings_key
        self.setObjectName("salesTable")
        self.setModel(model)
        set_up_large_table(self, row_padding=10)
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        headers = model.headers()
        for column, sample in _SAMPLES.items():
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(headers[column]) + 14) + 18
            header.resizeSection(column, width)
        header.setSortIndicator(SalesTableModel.PAID_AT, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key, self.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(self.settings_key)
        if isinstance(state, QByteArray):
            self.horizontalHeader().restoreState(state)


__all__ = ["SalesTableView"]
