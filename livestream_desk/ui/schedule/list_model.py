"""The livestreams of the shown period as a table: a QAbstractTableModel under a sort proxy.

A period holds at most a few hundred livestreams, all loaded at once, so a
QSortFilterProxyModel sorts and filters them in memory (by the raw values of SORT_ROLE, so
money and counts sort as numbers and times as times).
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.schedule import LivestreamRow
from ..platforms import platform_name
from . import texts

LIVESTREAM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# (key, English header) — headers are translated in headerData
COLUMNS = (
    ("start", "Start"),
    ("end", "End"),
    ("title", "Title"),
    ("platform", "Platform"),
    ("account", "Live room"),
    ("host", "Host"),
    ("status", "Status"),
    ("theme", "Theme"),
    ("lineup", "Products"),
    ("value", "Planned value"),
    ("viewers", "Viewers"),
)
_NUMERIC = {"lineup", "value", "viewers"}


class LivestreamTableModel(QAbstractTableModel):
    """`set_rows(rows)`; `row_at(index)`; `index_of(livestream_id)`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LivestreamRow] = []
        self._brushes: dict[str, QBrush] = {}
        self._muted = QBrush(QColor(texts.MUTED_COLOUR))

    def set_rows(self, rows: Sequence[LivestreamRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[LivestreamRow]:
        return list(self._rows)

    def row_at(self, row: int) -> Optional[LivestreamRow]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, livestream_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == livestream_id:
                return number
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._header(COLUMNS[section][0])
        return None

    def _header(self, key: str) -> str:
        headers = {
            "start": self.tr("Start"), "end": self.tr("End"), "title": self.tr("Title"),
            "platform": self.tr("Platform"), "account": self.tr("Live room"), "host": self.tr("Host"),
            "status": self.tr("Status"), "theme": self.tr("Theme"), "lineup": self.tr("Products"),
            "value": self.tr("Planned value"), "viewers": self.tr("Viewers"),
        }
        return headers[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_value(row, key)
        if role == LIVESTREAM_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _NUMERIC:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "platform":
                return self._platform_brush(row.platform)
            if row.status == "cancelled":
                return self._muted
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.livestream_tooltip(row)
        return None

    def _platform_brush(self, platform: str) -> QBrush:
        brush = self._brushes.get(platform)
        if brush is None:
            brush = self._brushes[platform] = QBrush(texts.platform_colour(platform))
        return brush

    @staticmethod
    def _display(row: LivestreamRow, key: str) -> str:
        if key == "start":
            return texts.datetime_text(row.scheduled_start)
        if key == "end":
            return texts.time_text(row.scheduled_end)
        if key == "title":
            return row.title
        if key == "platform":
            return platform_name(row.platform)
        if key == "account":
            return row.account_name
        if key == "host":
            return row.host_name
        if key == "status":
            return texts.status_name(row.status)
        if key == "theme":
            return row.theme
        if key == "lineup":
            return texts.count_text(row.lineup_size)
        if key == "value":
            return texts.money_text(row.planned_value_fen) if row.lineup_size else ""
        if key == "viewers":
            return texts.count_text(row.viewers)
        return ""

    @staticmethod
    def _sort_value(row: LivestreamRow, key: str) -> Any:
        values = {
            "start": row.scheduled_start, "end": row.scheduled_end, "title": row.title, "platform": row.platform,
            "account": row.account_name, "host": row.host_name, "status": row.status, "theme": row.theme,
            "lineup": row.lineup_size, "value": row.planned_value_fen, "viewers": row.viewers or -1,
        }
        return values[key]


class LivestreamSortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; the filter text matches title, room, host, theme and platform."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self._text:
            return True
        row = self.sourceModel().row_at(source_row)
        if row is None:
            return False
        haystack = " ".join((row.title, row.account_name, row.host_name, row.theme, row.notes,
                             platform_name(row.platform))).lower()
        return all(word in haystack for word in self._text.split())

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


__all__ = ["LivestreamTableModel", "LivestreamSortProxy", "LIVESTREAM_ID_ROLE", "SORT_ROLE", "COLUMNS"]
