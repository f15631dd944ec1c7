"""The drill-down of a month or a row: its livestreams and its products, each a sortable table.

Filled from services.reports.drilldown through the page's controller (in the background);
a livestream row offers its 战报 card.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from .controller import DrillData, DrillTarget
from .model import livestream_model, product_model
from .table import ReportTable


class DrillDownDialog(QDialog):
    card_requested = Signal(int)  # a livestream id: show its 战报 card
    loaded = Signal()

    def __init__(self, target: DrillTarget, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownDialog")
        self.target = target
        self.data: Optional[DrillData] = None
        self.setWindowTitle(self.tr("Details: %1").replace("%1", target.title))
        self.resize(960, 560)
        self.heading = QLabel(target.title, self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.status = QLabel(self.tr("Loading…"), self)
        self.status.setStyleSheet("color: #8c8c8c;")

        self.livestreams = ReportTable(livestream_model(self), "drillLivestreams", self)
        self.products = ReportTable(product_model(self), "drillProducts", self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.livestreams, self.tr("Livestreams"))
        self.tabs.addTab(self.products, self.tr("Products"))

        self.card_button = QPushButton(self.tr("Livestream results card…"), self)
        self.card_button.setObjectName("drillCardButton")
        self.card_button.setToolTip(self.tr("The shareable result card of the selected livestream"))
        self.card_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.card_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.card_button.clicked.connect(self._card_of_selection)
        self.livestreams.view.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def show_data(self, data: DrillData) -> None:
        self.data = data
        self.livestreams.model.set_rows(data.livestreams)
        products = data.products
        self.products.model.set_rows(products.all_rows if products is not None else ())
        self.tabs.setTabVisible(0, data.target.livestream_id is None)
        self.tabs.setTabVisible(1, products is not None)
        if data.target.livestream_id is not None:
            self.tabs.setCurrentIndex(1)
            self.card_button.setEnabled(True)
        self.status.setText(
            self.tr("%1 livestreams · %2 products")
            .replace("%1", f"{len(data.livestreams):,}")
            .replace("%2", f"{len(products.all_rows) if products is not None else 1:,}")
        )
        self.loaded.emit()

    def livestream_titles(self) -> list[str]:
        return self.livestreams.column_texts("title")

    def _selection_changed(self, *_args) -> None:
        if self.target.livestream_id is None:
            self.card_button.setEnabled(self.livestreams.view.selectionModel().hasSelection())

    def _card_of_selection(self) -> None:
        if self.target.livestream_id is not None:
            self.card_requested.emit(self.target.livestream_id)
            return
        indexes = self.livestreams.view.selectionModel().selectedRows()
        if indexes:
            from .table import ROW_ROLE

            self.card_requested.emit(indexes[0].data(ROW_ROLE).livestream_id)


__all__ = ["DrillDownDialog"]
