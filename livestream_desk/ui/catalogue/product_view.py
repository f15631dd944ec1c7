"""The catalogue's product table view: fixed rows, SQL sorting, columns sized by the kind of
content they hold, and its header state (widths, order, sort) kept in QSettings.

Columns come in classes (`_size_columns`): narrow ones (单位, 状态) as wide as their words;
figures as wide as ¥1,288.00; text columns (规格, 产地, 生产者, 认证) as wide as a typical long
value when the view has room, shrunk in proportion when it has not (cut text ends in "…", the
whole text is in the tooltip); the name takes whatever width is left. 规格 is elided in the
middle ("约1.5斤…冷冻" keeps both the weight and the packing). Until the user drags a column
the widths follow the view's width; after that (or when a saved layout is restored) they are
the user's.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ..widgets.large_table import set_up_large_table
from .cell_delegate import MiddleElideDelegate, ProductCellDelegate
from .table_model import ProductTableModel

SETTINGS_COLUMNS = "catalogue/columns"  # the product table's column widths, order and sort
SETTINGS_USER_SIZED = "catalogue/columnsSizedByUser"  # the widths are the user's (else they follow the view)

M = ProductTableModel
_SAMPLES = {  # a typical long value per column (demo and real catalogues): its first width
    M.NAME: "婺源皇菊 一杯一朵礼盒",
    M.SPEC: "约1.5斤/只 冷冻",
    M.UNIT: "千克",
    M.CATEGORY: "手工艺品",
    M.PRICE: "¥1,288.00",
    M.LIVE_PRICE: "¥1,288.00",
    M.COST: "¥1,288.00",
    M.MARGIN: "100.0%",
    M.STOCK: "10,000",
    M.ORIGIN: "江西省 井冈山市 茅坪乡 神山村",
    M.PRODUCER: "遂川县汤湖狗牯脑茶叶专业合作社",
    M.CERTIFICATIONS: "地理标志、绿色食品",
    M.STATUS: "待核对",
}
# Text columns that give way, in proportion, when room is short: first the long ones whose
# ends matter least (a village, "专业合作社"), then 规格 (short, and read for every product).
SHRINKABLE = ((M.ORIGIN, M.PRODUCER, M.CERTIFICATIONS), (M.SPEC,))
CELL_PADDING = 16  # the cell's margins and the grid line
HEADER_PADDING = 24  # the header's margins and its sort arrow
MIN_TEXT_CHARS = 5  # a shrunk text column still shows about this many characters


class ProductTableView(QTableView):
    def __init__(self, model: ProductTableModel, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("productTable")
        self.setModel(model)
        set_up_large_table(self, row_padding=12)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Cells painted from the model's prepared cells (cell_delegate.py: a repaint after each
        # key typed in the search box takes about a third less time than with QStyledItemDelegate).
        self._cell_delegate = ProductCellDelegate(model, self)
        self._middle = MiddleElideDelegate(model, self)
        self.setItemDelegate(self._cell_delegate)
        self.setItemDelegateForColumn(M.SPEC, self._middle)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self._user_sized = False
        self._sizing = False
        self._size_columns()
        header.sectionResized.connect(self._on_section_resized)
        # Sorting is done in SQL by the model (see table_model.py): the header only asks.
        header.setSortIndicator(ProductTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        model.restarted.connect(self._start_again)
        # A view taller than the first window asks for more rows when they come in; a search
        # counted after its rows are shown says only then that there are more: ask again.
        model.loaded.connect(self.updateGeometries)

    def _start_again(self) -> None:
        """A new search or order replaces the rows in place (not a model reset): what was
        selected is another product now, and the list starts from the top."""
        if self.selectionModel().hasSelection():
            self.clearSelection()
        if self.verticalScrollBar().value():
            self.scrollToTop()

    def paintEvent(self, event) -> None:
        self._cell_delegate.begin_paint()
        self._middle.begin_paint()
        super().paintEvent(event)

    # --- column widths -------------------------------------------------------------------------
    def natural_widths(self) -> dict[int, int]:
        """Each column's width for its typical long value and its header."""
        metrics = self.fontMetrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        model = self.model()
        headers = model.headers()
        samples = dict(_SAMPLES)
        statuses = model.status_texts()
        samples[M.STATUS] = max((statuses.on_sale, statuses.archived, statuses.needs_review), key=metrics.horizontalAdvance)
        return {
            column: max(metrics.horizontalAdvance(sample) + CELL_PADDING,
                        header_metrics.horizontalAdvance(headers[column]) + HEADER_PADDING)
            for column, sample in samples.items()
        }

    def _size_columns(self) -> None:
        """Widths by content class for the view's width now (see the module's docstring)."""
        natural = self.natural_widths()
        room = self.viewport().width()
        if not self.verticalScrollBar().isVisible():  # it will be, once the rows are in
            room -= self.verticalScrollBar().sizeHint().width()
        if room <= 0:
            room = sum(natural.values())
        widths = dict(natural)
        floor = self.fontMetrics().horizontalAdvance("中" * MIN_TEXT_CHARS) + CELL_PADDING
        for tier in SHRINKABLE:
            over = sum(widths.values()) - room
            if over <= 0:
                break
            wanted = sum(natural[c] for c in tier)
            scale = max(wanted - over, 0) / wanted
            for column in tier:
                widths[column] = max(min(natural[column], floor), int(natural[column] * scale))
        header = self.horizontalHeader()
        header.setMinimumSectionSize(min(widths.values()) // 2)
        self._sizing = True
        try:
            for column, width in widths.items():
                if column != M.NAME:
                    header.resizeSection(column, width)
            others = sum(w for c, w in widths.items() if c != M.NAME)
            header.resizeSection(M.NAME, max(natural[M.NAME], room - others))
        finally:
            self._sizing = False

    def _on_section_resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._sizing:
            self._user_sized = True  # the user's widths from now on

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._user_sized:
            self._size_columns()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_COLUMNS, self.horizontalHeader().saveState())
        settings.setValue(SETTINGS_USER_SIZED, self._user_sized)

    def restore_state(self, settings: QSettings) -> None:
        """Column widths, order and sort as the user left them (the sort re-queries in SQL)."""
        state = settings.value(SETTINGS_COLUMNS)
        if isinstance(state, QByteArray):
            self._sizing = True
            try:
                restored = self.horizontalHeader().restoreState(state)
            finally:
                self._sizing = False
            # Widths the user never dragged (or saved before columns were sized by content)
            # follow the view again; the order and the sort stay as they were.
            user_sized = settings.value(SETTINGS_USER_SIZED, False, type=bool)
            self._user_sized = self._user_sized or (restored and user_sized)
            if not self._user_sized:
                self._size_columns()
