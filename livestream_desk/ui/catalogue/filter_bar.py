"""The catalogue's filters: category, origin, producer, certification, status, low stock only.

The choices come from the database (`load_filter_options`, run in the TaskRunner) and are
refilled after every change to the catalogue, keeping what the user had chosen.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...db.engine import Database
from ...services.catalogue import (
    ArchivedFilter,
    CategoryRow,
    ProducerRow,
    ProductQuery,
    list_categories,
    list_certifications,
    list_origins,
    list_producers,
)
from ..tasks import TaskContext
from ..widgets.flow_layout import FlowBar

STATUS_ON_SALE, STATUS_ARCHIVED, STATUS_ALL, STATUS_REVIEW = "on_sale", "archived", "all", "review"


@dataclass(frozen=True)
class FilterOptions:
    categories: list[CategoryRow]
    origins: list[str]
    producers: list[ProducerRow]
    certifications: list[str]


def load_filter_options(context: TaskContext, database: Database) -> FilterOptions:
    """Runs on a worker thread: the choices of every filter."""
    categories = list_categories(database)
    origins = list_origins(database)
    producers = list_producers(database)
    certifications = list_certifications(database)
    context.raise_if_cancelled()
    return FilterOptions(categories, origins, producers, certifications)


MAX_COMBO_CHARS = 12  # a combo grows to its longest choice up to about this many Chinese characters


def _combo(parent: QWidget, width_chars: int) -> QComboBox:
    """A filter combo as wide as its choices ("All categories" is never clipped), at least
    `width_chars` wide and at most MAX_COMBO_CHARS (a long producer name is elided in the
    box and shown whole in the list)."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumContentsLength(width_chars)
    combo.setMaxVisibleItems(20)
    combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance("中" * MAX_COMBO_CHARS) + 40)
    return combo


def _fit_popup(combo: QComboBox) -> None:
    """The list of choices as wide as its longest choice, however narrow the box."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)


class FilterBar(QWidget):
    """One row of filter combos; `changed` when the user picks another filter."""

    changed = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueFilters")
        self.category_combo = _combo(self, 6)
        self.category_combo.setObjectName("categoryFilter")
        self.origin_combo = _combo(self, 6)
        self.origin_combo.setObjectName("originFilter")
        self.producer_combo = _combo(self, 9)
        self.producer_combo.setObjectName("producerFilter")
        self.certification_combo = _combo(self, 5)
        self.certification_combo.setObjectName("certificationFilter")
        self.status_combo = _combo(self, 4)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("On sale"), STATUS_ON_SALE)
        self.status_combo.addItem(self.tr("Archived"), STATUS_ARCHIVED)
        self.status_combo.addItem(self.tr("Needs review"), STATUS_REVIEW)
        self.status_combo.addItem(self.tr("All"), STATUS_ALL)
        self.status_combo.setToolTip(self.tr("Archived products are hidden from the list and from new lineups"))
        self.low_stock_check = QCheckBox(self.tr("Low stock only"), self)
        self.low_stock_check.setObjectName("lowStockFilter")

        self.category_combo.addItem(self.tr("All categories"), None)
        self.origin_combo.addItem(self.tr("All origins"), "")
        self.producer_combo.addItem(self.tr("All producers"), None)
        self.certification_combo.addItem(self.tr("All certifications"), "")

        # One line at 1366×768; in a narrower window (or longer English words) it wraps, a
        # caption always with its combo.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.flow = FlowBar(self, spacing=12)
        layout.addWidget(self.flow)
        for label, combo in (
            (self.tr("Category"), self.category_combo),
            (self.tr("Origin"), self.origin_combo),
            (self.tr("Producer"), self.producer_combo),
            (self.tr("Certification"), self.certification_combo),
            (self.tr("Status"), self.status_combo),
        ):
            pair = QWidget(self)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.setSpacing(6)
            caption = QLabel(label, pair)
            caption.setBuddy(combo)
            pair_layout.addWidget(caption)
            pair_layout.addWidget(combo)
            self.flow.add(pair)
        self.flow.add(self.low_stock_check)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        for combo in self._combos():
            _fit_popup(combo)

        for combo in self._combos():
            combo.currentIndexChanged.connect(self._on_changed)
        self.low_stock_check.toggled.connect(self._on_changed)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.category_combo, self.origin_combo, self.producer_combo, self.certification_combo,
                self.status_combo)

    def _on_changed(self, *_args: Any) -> None:
        self.changed.emit()

    # --- choices --------------------------------------------------------------------
    def set_options(self, options: FilterOptions) -> None:
        """Refill the choices, keeping the current ones (a chosen value that went away
        falls back to "all", and the list is then re-queried)."""
        before = self.values()
        self._refill(self.category_combo, [(f"{c.name}", c.id) for c in options.categories])
        self._refill(self.origin_combo, [(o, o) for o in options.origins])
        self._refill(self.producer_combo, [(p.name, p.id) for p in options.producers])
        self._refill(self.certification_combo, [(c, c) for c in options.certifications])
        if self.values() != before:
            self.changed.emit()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        chosen = combo.currentData()
        current = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
        if current == items:
            return
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(chosen) if chosen not in (None, "") else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        _fit_popup(combo)

    # --- state ------------------------------------------------------------------------
    def values(self) -> tuple:
        return tuple(combo.currentData() for combo in self._combos()) + (self.low_stock_check.isChecked(),)

    def apply_to(self, query: ProductQuery) -> ProductQuery:
        """`query` with this bar's filters."""
        status = self.status_combo.currentData()
        archived = {
            STATUS_ON_SALE: ArchivedFilter.EXCLUDE,
            STATUS_ARCHIVED: ArchivedFilter.ONLY,
            STATUS_ALL: ArchivedFilter.INCLUDE,
            STATUS_REVIEW: ArchivedFilter.INCLUDE,
        }[status]
        return replace(
            query,
            category_id=self.category_combo.currentData(),
            origin=self.origin_combo.currentData() or "",
            producer_id=self.producer_combo.currentData(),
            certification=self.certification_combo.currentData() or "",
            archived=archived,
            needs_review_only=status == STATUS_REVIEW,
            low_stock_only=self.low_stock_check.isChecked(),
        )

    def is_filtered(self) -> bool:
        """True when any filter narrows the list beyond the default (products on sale)."""
        return self.values() != (None, "", None, "", STATUS_ON_SALE, False)

    def clear(self) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.low_stock_check.blockSignals(True)
        self.low_stock_check.setChecked(False)
        self.low_stock_check.blockSignals(False)
        self.changed.emit()

    def set_combo_data(self, combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        if index < 0:
            raise ValueError(f"no choice {data!r}")
        combo.setCurrentIndex(index)


__all__ = ["FilterBar", "FilterOptions", "load_filter_options"]
