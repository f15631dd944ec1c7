"""A table model over the monthly report (services.reports.monthly_report)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.metrics import MonthlyFigures, round_pct
from ...domain.money import format_display
from ...services.reports import MonthlyReport

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw number behind a cell, for numeric sorting

ROLE_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROLE_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# Sorts empty growth / progress below every real figure (ascending).
_EMPTY_SORT_VALUE = float("-inf")


def format_pct(value: Optional[Decimal], signed: bool = False) -> str:
    """One decimal with %, e.g. '+12.5%'; '—' when there is nothing to compare with."""
    rounded = round_pct(value)
    if rounded is None:
        return "—"
    if rounded == 0:
        return "0.0%"
    sign = "+" if signed and rounded > 0 else ""
    return f"{sign}{rounded}%"


class MonthlyReportModel(QAbstractTableModel):
    MONTH, LIVESTREAMS, ORDERS, UNITS, GMV, REFUNDS, NET_SALES, GROWTH, TARGET = range(9)
    COLUMN_KEYS = (
        "month",
        "livestreams",
        "orders",
        "units",
        "gmv",
        "refunds",
        "net_sales",
        "mom_growth_pct",
        "target_progress",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._report: Optional[MonthlyReport] = None
        self._rows: list[MonthlyFigures] = []

    # --- content ------------------------------------------------------
    def set_report(self, report: Optional[MonthlyReport]) -> None:
        self.beginResetModel()
        self._report = report
        self._rows = list(report.rows) if report is not None else []
        self.endResetModel()

    def report(self) -> Optional[MonthlyReport]:
        return self._report

    def row_figures(self, row: int) -> MonthlyFigures:
        return self._rows[row]

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Month"),
            self.tr("Livestreams"),
            self.tr("Orders"),
            self.tr("Units"),
            self.tr("GMV"),
            self.tr("Refunds"),
            self.tr("Net sales"),
            self.tr("MoM growth"),
            self.tr("Target progress"),
        )

    def _header_tips(self) -> tuple[str, ...]:
        return (
            self.tr("Calendar month, Beijing time"),
            self.tr("Livestreams finished in the month"),
            self.tr("Orders with at least one paid item"),
            self.tr("Items paid for"),
            self.tr("Gross merchandise value: everything paid, before refunds"),
            self.tr("Refunds on the month's orders"),
            self.tr("GMV minus refunds"),
            self.tr("Net sales compared with the month before"),
            self.tr("Net sales as a share of the month's target"),
        )

    # --- Qt model interface -------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMN_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMN_KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ROLE_ALIGN_LEFT if section == self.MONTH else ROLE_ALIGN_RIGHT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ROLE_ALIGN_LEFT if column == self.MONTH else ROLE_ALIGN_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _display(self, row: MonthlyFigures, column: int) -> str:
        if column == self.MONTH:
            return str(row.month)
        if column == self.LIVESTREAMS:
            return f"{row.livestreams:,}"
        if column == self.ORDERS:
            return f"{row.orders:,}"
        if column == self.UNITS:
            return f"{row.units:,}"
        if column == self.GMV:
            return format_display(row.gmv_fen)
        if column == self.REFUNDS:
            return format_display(row.refunds_fen)
        if column == self.NET_SALES:
            return format_display(row.net_sales_fen)
        if column == self.GROWTH:
            return format_pct(row.mom_growth_pct, signed=True)
        if column == self.TARGET:
            progress = row.target_progress
            return "" if progress is None else format_pct(progress * 100)
        return ""

    def _sort_value(self, row: MonthlyFigures, column: int) -> Any:
        if column == self.MONTH:
            return row.month.key
        if column == self.LIVESTREAMS:
            return row.livestreams
        if column == self.ORDERS:
            return row.orders
        if column == self.UNITS:
            return row.units
        if column == self.GMV:
            return row.gmv_fen
        if column == self.REFUNDS:
            return row.refunds_fen
        if column == self.NET_SALES:
            return row.net_sales_fen
        if column == self.GROWTH:
            return _EMPTY_SORT_VALUE if row.mom_growth_pct is None else float(row.mom_growth_pct)
        if column == self.TARGET:
            progress = row.target_progress
            return _EMPTY_SORT_VALUE if progress is None else float(progress)
        return None

    def _tooltip(self, row: MonthlyFigures, column: int) -> Optional[str]:
        if column == self.GROWTH and row.mom_growth_pct is None:
            return self.tr("No net sales in the month before, so there is nothing to compare with")
        if column == self.TARGET:
            if row.target_fen is None:
                return self.tr("No target set for this month")
            return self.tr("{net} of the {target} target").format(
                net=format_display(row.net_sales_fen), target=format_display(row.target_fen)
            )
        return None
