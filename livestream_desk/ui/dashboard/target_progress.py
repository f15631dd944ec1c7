"""The dashboard's target line: the latest month's net sales against its target (overall and
per platform with one), as progress bars, and a button to the targets dialog.

Read with services.reports.target_progress in the page's background operations, after each
dashboard refresh (`show_month`); hidden text says so when no target is set.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ...domain.period import Month
from ...services.reports import ReportPeriod, TargetProgress, target_progress
from ..operation import PageOp
from ..platforms import platform_name
from . import texts


class TargetProgressBar(QWidget):
    """`TargetProgressBar(page)`; `show_month(month)` loads and shows that month's progress."""

    loaded = Signal()
    targets_saved = Signal()

    def __init__(self, page, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetProgressBar")
        self.page = page
        self.progress: Optional[TargetProgress] = None
        self.month: Optional[Month] = None
        self.label = QLabel(self)
        self.label.setObjectName("targetProgressText")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("targetProgressBarValue")
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(260)
        self.bar.setMaximumHeight(self.fontMetrics().height())
        self.platforms_label = QLabel(self)
        self.platforms_label.setStyleSheet(f"color: {texts.MUTED_COLOUR};")
        self.button = QPushButton(self.tr("Set targets…"), self)
        self.button.setObjectName("dashboardTargetsButton")
        self.button.clicked.connect(self.open_targets)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.platforms_label, 1)
        layout.addWidget(self.button)

    def show_month(self, month: Month) -> None:
        self.month = month
        period = ReportPeriod.month(month)
        PageOp(self.page, lambda db: target_progress(db, period),
               success=lambda progress, m=month: self._show(m, progress)).run()

    def _show(self, month: Month, progress: TargetProgress) -> None:
        if month != self.month:
            return
        self.progress = progress
        overall = progress.overall
        title = texts.month_title(month)
        if overall.target_fen is None:
            self.label.setText(self.tr("%1: no net sales target set").replace("%1", title))
            self.bar.hide()
        else:
            share = overall.share or 0
            percent = int(share * 100)
            self.label.setText(
                self.tr("%1 target: %2 of %3 (%4%)").replace("%1", title)
                .replace("%2", texts.money_short(overall.actual_fen))
                .replace("%3", texts.money_short(overall.target_fen)).replace("%4", str(percent))
            )
            self.bar.setValue(max(0, min(100, percent)))
            self.bar.show()
        self.platforms_label.setText("  ".join(
            f"{platform_name(p.platform)} {int((p.share or 0) * 100)}%" for p in progress.platforms))
        self.loaded.emit()

    def open_targets(self):
        from ..reports.targets_dialog import TargetsDialog

        year = (self.month or Month.current()).year
        dialog = TargetsDialog(self.page.database, self.page.task_runner, year, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.targets_saved)
        self.dialog = dialog
        dialog.open()
        return dialog


__all__ = ["TargetProgressBar"]
