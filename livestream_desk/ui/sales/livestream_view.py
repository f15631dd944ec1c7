"""One livestream's sales: its figures (DESIGN §5), a per-product comparison with its lineup,
and its sale lines."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...domain.metrics import Totals
from ...services import sales
from ...services.sales import LivestreamFigures, ProductBreakdown, SaleQuery
from ..errors import report_error
from ..operation import BusyCounter, PageOp
from .. import icons, theme
from ..platforms import platform_name
from ..tasks import TaskRunner
from . import format as fmt
from .sales_view import SalesTableView
from .table_model import ALIGN_LEFT, ALIGN_RIGHT, SalesTableModel


class BreakdownModel(QAbstractTableModel):
    """Per product: lineup position, allotted vs sold, live price vs realised price, money;
    the last row is the 合计 of the products (what a seller would add up by hand)."""

    (POSITION, PRODUCT, ALLOTTED, SOLD, SELL_THROUGH, LIVE_PRICE, REALISED, GMV, REFUNDS) = range(9)
    NUMERIC = frozenset({ALLOTTED, SOLD, SELL_THROUGH, LIVE_PRICE, REALISED, GMV, REFUNDS})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ProductBreakdown] = []

    def set_rows(self, rows: Sequence[ProductBreakdown]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or not self.rows:
            return 0
        return len(self.rows) + 1  # and the total row

    def is_total_row(self, row: int) -> bool:
        return bool(self.rows) and row == len(self.rows)

    def total(self) -> ProductBreakdown:
        """The products added up: allotted over the lineup, units and money over all; the
        sell-through of the lineup (its products' units ÷ their allotment)."""
        totals = Totals()
        for row in self.rows:
            totals = totals + row.totals
        allotted = sum(row.allotted or 0 for row in self.rows)
        return ProductBreakdown(None, "", "", None, allotted if allotted else None, None, totals)

    def _total_sell_through(self) -> Optional[Decimal]:
        allotted = sum(row.allotted or 0 for row in self.rows if row.allotted)
        if not allotted:
            return None
        return Decimal(sum(row.totals.units for row in self.rows if row.allotted)) / Decimal(allotted)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("No."), self.tr("Product"), self.tr("Allotted"), self.tr("Sold"), self.tr("Sold / allotted"),
                    self.tr("Live price"), self.tr("Realised price"), self.tr("GMV"), self.tr("Refunds"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if section in self.NUMERIC else ALIGN_LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column in self.NUMERIC else ALIGN_LEFT
        if self.is_total_row(index.row()):
            return self._total_data(column, role)
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.POSITION and row.position is None:
            return self.tr("Sold in this livestream but not in its lineup")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.POSITION:
            return str(row.position) if row.position is not None else self.tr("not in lineup")
        if column == self.PRODUCT:
            return row.product_name + (f" {row.spec}" if row.spec else "")
        if column == self.ALLOTTED:
            return fmt.count(row.allotted) if row.allotted is not None else "—"
        if column == self.SOLD:
            return fmt.count(row.sold_units)
        if column == self.SELL_THROUGH:
            return fmt.percent(row.sell_through)
        if column == self.LIVE_PRICE:
            return fmt.money(row.live_price_fen) if row.live_price_fen is not None else "—"
        if column == self.REALISED:
            return fmt.money(row.realised_price_fen) if row.realised_price_fen is not None else "—"
        if column == self.GMV:
            return fmt.money(row.totals.gmv_fen)
        if column == self.REFUNDS:
            return fmt.money(row.totals.refunds_fen)
        return None

    def _total_data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(theme.TOTAL_BACKGROUND))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        total = self.total()
        if column == self.POSITION:
            return self.tr("Total")
        if column == self.PRODUCT:
            return self.tr("{count} products").format(count=fmt.count(len(self.rows)))
        if column == self.ALLOTTED:
            return fmt.count(total.allotted) if total.allotted is not None else "—"
        if column == self.SOLD:
            return fmt.count(total.sold_units)
        if column == self.SELL_THROUGH:
            return fmt.percent(self._total_sell_through())
        if column == self.REALISED:
            return fmt.money(total.realised_price_fen) if total.realised_price_fen is not None else "—"
        if column == self.GMV:
            return fmt.money(total.totals.gmv_fen)
        if column == self.REFUNDS:
            return fmt.money(total.totals.refunds_fen)
        return ""


class LivestreamSalesView(QWidget):
    """`LivestreamSalesView(database, task_runner, livestream_id, parent)`: a window of its own."""

    databaseChanged = Signal()
    loaded = Signal()

    def __init__(self, database: Database, task_runner: TaskRunner, livestream_id: int,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("livestreamSalesView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database = database
        self.task_runner = task_runner
        self.livestream_id = livestream_id
        self.busy_counter = BusyCounter(self)
        self.last_message = ""
        self.figures: Optional[LivestreamFigures] = None
        self.setWindowTitle(self.tr("Livestream Sales"))
        self.resize(1000, 640)

        self.title = QLabel(self)
        self.title.setObjectName("livestreamTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        value_font = self.font()
        value_font.setBold(True)
        value_font.setPointSizeF(value_font.pointSizeF() * 1.25)
        captions = (
            ("gmv", self.tr("GMV")), ("refunds", self.tr("Refunds")), ("net", self.tr("Net sales")),
            ("orders", self.tr("Orders")), ("units", self.tr("Units")), ("viewers", self.tr("Viewers")),
            ("gpm", self.tr("GPM (per 1,000 viewers)")), ("uv", self.tr("UV value")),
            ("conversion", self.tr("Conversion")), ("roi", self.tr("ROI (GMV ÷ ad spend)")),
        )
        for index, (key, caption) in enumerate(captions):
            label = QLabel(caption, self)
            label.setStyleSheet("color: #595959;")
            value = QLabel("—", self)
            value.setObjectName(f"figure_{key}")
            value.setFont(value_font)
            row, column = divmod(index, 5)
            grid.addWidget(label, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.values[key] = value

        self.breakdown = BreakdownModel(self)
        self.breakdown_view = QTableView(self)
        self.breakdown_view.setObjectName("breakdownTable")
        self.breakdown_view.setModel(self.breakdown)
        self.breakdown_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.breakdown_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breakdown_view.setAlternatingRowColors(True)
        self.breakdown_view.verticalHeader().setVisible(False)
        self.breakdown_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.breakdown_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.breakdown_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BreakdownModel.PRODUCT, QHeaderView.ResizeMode.Stretch)

        self.lines = SalesTableModel(database, task_runner, self)
        self.lines_view = SalesTableView(self.lines, self, settings_key="sales/livestream_columns")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.breakdown_view, self.tr("Products vs lineup"))
        self.tabs.addTab(self.lines_view, self.tr("Sale lines"))

        self.console_button = QPushButton(self.tr("Live console"), self)
        self.console_button.clicked.connect(self.open_console)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.card_button = QPushButton(self.tr("Make results card…"), self)
        self.card_button.setObjectName("livestreamCardButton")
        self.card_button.setToolTip(self.tr("A phone-sized picture of this livestream's results to share"))
        self.card_button.clicked.connect(self.open_card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.card_button)
        buttons.addWidget(self.console_button)
        buttons.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(buttons)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)
        icons.decorate(self)  # a window of its own: the main window's pass does not reach it
        self.refresh()

    def show_message(self, text: str) -> None:
        self.last_message = text

    def is_loading(self) -> bool:
        return self.busy_counter.is_busy() or self.lines.is_loading()

    def refresh(self) -> None:
        livestream_id = self.livestream_id
        self.lines.set_query(SaleQuery(livestream_id=livestream_id))
        PageOp(self, lambda db: (sales.livestream_figures(db, livestream_id), sales.product_breakdown(db, livestream_id)),
               success=self._show, failure=lambda exc: report_error(self, exc, self.tr("Cannot show the livestream"))
               ).run()

    def _show(self, answer) -> None:
        figures, breakdown = answer
        self.figures = figures
        self.setWindowTitle(self.tr("Livestream Sales — {title}").format(title=figures.title))
        self.title.setText(f"{figures.title}\n{platform_name(figures.platform)} · {figures.start:%Y-%m-%d %H:%M}")
        v = self.values
        v["gmv"].setText(fmt.money(figures.gmv_fen))
        v["refunds"].setText(fmt.money(figures.refunds_fen))
        v["net"].setText(fmt.money(figures.net_sales_fen))
        v["orders"].setText(fmt.count(figures.orders))
        v["units"].setText(fmt.count(figures.units))
        v["viewers"].setText(fmt.count(figures.viewers) if figures.viewers else "—")
        v["gpm"].setText(fmt.money_decimal(figures.gpm_fen))
        v["uv"].setText(fmt.money_decimal(figures.uv_value_fen))
        v["conversion"].setText(fmt.percent(figures.conversion))
        v["roi"].setText(fmt.ratio(figures.roi))
        self.breakdown.set_rows(breakdown)
        self.loaded.emit()

    def open_card(self):
        """The livestream's 战报 card in a preview dialog (copy / save PNG)."""
        from ..cards.dialog import CardDialog

        self.card_dialog = CardDialog.for_livestream(self, self.livestream_id)
        return self.card_dialog

    def open_console(self) -> None:
        page = self.parent()
        if page is not None and hasattr(page, "open_console"):
            page.open_console(self.livestream_id)


__all__ = ["LivestreamSalesView", "BreakdownModel"]
