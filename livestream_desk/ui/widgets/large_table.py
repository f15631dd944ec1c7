"""The set-up every large, windowed table view shares (catalogue products, sale lines).

Whole rows are selected, nothing is edited in place, text stays on one line, and rows have
a fixed height: a table of a million rows is never measured (DESIGN §10:
resizeRowsToContents() on 100k rows takes 15 s). Sorting is the model's job (in SQL).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def set_up_large_table(view: QTableView, *, row_padding: int) -> None:
    """Configure `view` (its model already set); rows are the font's height plus `row_padding`."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    # Chinese and Latin text needs no shaping (scripts that do are still shaped): without
    # it a repaint of the table after each key in the search box is ~15% cheaper.
    unshaped = QFont()
    unshaped.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    view.setFont(unshaped)  # only the strategy: family and size still come from the page
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
