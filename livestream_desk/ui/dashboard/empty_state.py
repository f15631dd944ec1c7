"""What the dashboard shows before there are any sales: a way to load demo data."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    load_demo_requested = Signal()
    import_orders_requested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("No sales yet"), self)
        self.title.setObjectName("emptyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QLabel(
            self.tr(
                "Once sales are recorded, this page shows monthly net sales, growth and "
                "targets.\nTo look around first, load demo data: two years of realistic "
                "livestream sales of local specialty products."
            ),
            self,
        )
        self.body.setObjectName("emptyBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setStyleSheet("color: #595959;")

        self.load_demo_button = QPushButton(self.tr("Load demo data"), self)
        self.load_demo_button.setObjectName("loadDemoButton")
        self.load_demo_button.setDefault(True)
        self.load_demo_button.setMinimumHeight(self.load_demo_button.sizeHint().height() * 5 // 4)
        self.load_demo_button.setToolTip(self.tr("Fill this empty database with demo products, livestreams and sales"))
        self.load_demo_button.clicked.connect(self.load_demo_requested)

        self.import_orders_button = QPushButton(self.tr("Import an order export"), self)
        self.import_orders_button.setObjectName("importOrdersButton")
        self.import_orders_button.setMinimumHeight(self.load_demo_button.minimumHeight())
        self.import_orders_button.setToolTip(self.tr("Bring in a 抖店, 快手小店 or 京东 order export file"))
        self.import_orders_button.clicked.connect(self._open_import_dialog)

        # A centred column of limited width; the label wraps inside it (a label placed with
        # an alignment flag would lose its height-for-width and be clipped).
        column = QWidget(self)
        column.setMaximumWidth(520)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.title)
        column_layout.addSpacing(8)
        column_layout.addWidget(self.body)
        column_layout.addSpacing(16)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.load_demo_button)
        buttons.addWidget(self.import_orders_button)
        buttons.addStretch(1)
        column_layout.addLayout(buttons)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def set_busy(self, busy: bool) -> None:
        self.load_demo_button.setEnabled(not busy)
        self.import_orders_button.setEnabled(not busy)

    def _open_import_dialog(self) -> None:
        """The order import dialog (ui/imports) on the page's database; the page hears of
        the import through `import_orders_requested` and its own refresh."""
        self.import_orders_requested.emit()
        page = self.parent()
        while page is not None and not hasattr(page, "database"):
            page = page.parent()
        if page is None:
            return
        from ..imports import open_import_dialog

        dialog = open_import_dialog(page, page.database)
        notify = getattr(page, "databaseChanged", None)
        refresh = getattr(page, "refresh", None)

        def finished(_result: int) -> None:
            if refresh is not None:
                refresh()
            if notify is not None:
                notify.emit()

        dialog.finished.connect(finished)
