"""The review form (复盘) of a live or done livestream: traffic figures and costs.

Counts are typed as the platform shows them (`1,200`); money with domain.money's rules
(`¥1,234.50`, `1.2万`, full-width digits). A bad value gets its message next to the field,
at once when the field is left and again from the service on save; nothing is saved then.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.money import MoneyError, format_plain, parse_fen
from ...messages import Message, Problem, render
from ...services.schedule import LivestreamRow, ReviewInput
from . import texts

COUNT_FIELDS = ("viewers", "peak_online", "new_followers", "likes", "duration")
MONEY_FIELDS = ("ad_spend", "other_cost")


class ReviewDialog(QDialog):
    """`ReviewDialog(row)`; emits `saveRequested(ReviewInput)`; the page calls `show_problem` or `accept`."""

    saveRequested = Signal(object)

    def __init__(self, row: LivestreamRow, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.row = row
        self.setWindowTitle(self.tr("Review: {title}").format(title=row.title))
        self.setMinimumWidth(460)
        labels = {
            "viewers": self.tr("&Viewers"),
            "peak_online": self.tr("&Peak online"),
            "new_followers": self.tr("&New followers"),
            "likes": self.tr("&Likes"),
            "duration": self.tr("&Duration (minutes)"),
            "ad_spend": self.tr("&Ad spend (¥)"),
            "other_cost": self.tr("&Other costs (¥)"),
        }
        values = {
            "viewers": texts.count_text(row.viewers),
            "peak_online": texts.count_text(row.peak_online),
            "new_followers": texts.count_text(row.new_followers),
            "likes": texts.count_text(row.likes),
            "duration": str(row.duration_minutes) if row.duration_minutes is not None else "",
            "ad_spend": format_plain(row.ad_spend_fen) if row.ad_spend_fen else "",
            "other_cost": format_plain(row.other_cost_fen) if row.other_cost_fen else "",
        }
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        head = QLabel(texts.livestream_label(row), self)
        head.setWordWrap(True)
        form.addRow(head)
        for key, label in labels.items():
            edit = QLineEdit(values[key], self)
            edit.setObjectName(f"{key}Edit")
            self.edits[key] = edit
            form.addRow(label, edit)
            error = QLabel(self)
            error.setObjectName(f"{key}Error")
            error.setStyleSheet(texts.ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            form.addRow("", error)
            if key in MONEY_FIELDS:
                edit.editingFinished.connect(lambda k=key: self._check_money(k))
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(texts.ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _check_money(self, key: str) -> bool:
        text = self.edits[key].text()
        if not text.strip():
            self.set_error(key, "")
            return True
        try:
            parse_fen(text)
        except MoneyError as exc:
            field = render(Message(f"schedule.field.{key}"), QCoreApplication.translate)
            self.set_error(key, f"{field}: {render(exc.message, QCoreApplication.translate)}")
            return False
        self.set_error(key, "")
        return True

    def set_error(self, key: str, text: str) -> None:
        label = self.errors.get(key, self.general_error)
        label.setText(text)
        label.setVisible(bool(text))

    def review(self) -> ReviewInput:
        e = {key: edit.text() for key, edit in self.edits.items()}
        return ReviewInput(viewers=e["viewers"], peak_online=e["peak_online"], new_followers=e["new_followers"],
                           likes=e["likes"], duration_minutes=e["duration"], ad_spend=e["ad_spend"],
                           other_cost=e["other_cost"])

    def save(self) -> None:
        for key in self.errors:
            self.set_error(key, "")
        self.general_error.hide()
        if not all(self._check_money(key) for key in MONEY_FIELDS):
            return
        self.saveRequested.emit(self.review())

    def show_problem(self, problem: Problem) -> None:
        """The message next to the field it names (the service's `field` parameter)."""
        field = problem.params.get("field")
        key = None
        if isinstance(field, Message) and field.code.startswith("schedule.field."):
            key = field.code.rsplit(".", 1)[1]
        elif problem.code == "schedule.peak_above_viewers":
            key = "peak_online"
        text = render(problem.message, QCoreApplication.translate)
        if key in self.errors:
            self.set_error(key, text)
        else:
            self.general_error.setText(text)
            self.general_error.show()


__all__ = ["ReviewDialog"]
