"""The product editor: every field of a product (DESIGN §3), checked as the user types.

The dialog only collects input: Save (the button, Enter or Ctrl+S) emits `saveRequested`
with a ProductInput, and the page saves it in the background as an undoable command. When
the service refuses it (ProductInvalid), `show_errors()` puts each message under its field
and the dialog stays open with everything the user typed. Nothing is written until the
whole product is valid, and then in one transaction.

Money, counts and days are plain text fields: the service parses them with the rules of
DESIGN §4 (¥1,234.50, 1234.50元, full-width digits…), so what the editor accepts is exactly
what an import accepts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...domain.metrics import round_pct
from ...domain.money import format_plain
from ...domain.validation import (
    FieldError,
    join_certifications,
    margin_pct,
    parse_money_field,
    split_certifications,
)
from ...services.catalogue import (
    ProductDetail,
    ProductInput,
    check_product,
    get_product,
    list_categories,
    list_producers,
    photo_file,
    store_photo,
)
from ...messages import Message, render
from ..errors import error_message, report_error
from ..tasks import TaskContext, TaskRunner
from ..widgets.unsaved_changes import UnsavedChanges
from .platform_codes import PlatformCodesEditor

UNITS = ("斤", "盒", "箱", "袋", "瓶", "罐", "只", "套", "包", "千克")
CHECKBOX_CERTIFICATIONS = ("地理标志", "绿色食品", "有机")
CHECK_DELAY_MS = 350  # live validation after the user stops typing
THUMBNAIL = 96
ERROR_STYLE = "color: #c62828;"


@dataclass(frozen=True)
class EditorData:
    """What the editor needs from the database, loaded before it opens."""

    detail: Optional[ProductDetail]  # None for a new product
    categories: list[str]
    producers: list[str]


def load_editor_data(context: TaskContext, database: Database, product_id: Optional[int]) -> EditorData:
    """Runs on a worker thread."""
    detail = get_product(database, product_id) if product_id is not None else None
    categories = [c.name for c in list_categories(database)]
    producers = [p.name for p in list_producers(database)]
    context.raise_if_cancelled()
    return EditorData(detail, categories, producers)


def _check(context: TaskContext, database: Database, data: ProductInput, product_id: Optional[int]) -> dict:
    return check_product(database, data, product_id)


def _store_photo(context: TaskContext, source: str) -> str:
    return store_photo(source)


def _money_text(fen: Optional[int]) -> str:
    return "" if fen is None else format_plain(fen)


class ProductEditor(QDialog):
    """`ProductEditor(data, database, task_runner, parent)`; `saveRequested(ProductInput)`."""

    saveRequested = Signal(object)

    def __init__(self, data: EditorData, database: Database, task_runner: TaskRunner,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("productEditor")
        self.database = database
        self.task_runner = task_runner
        self.detail = data.detail
        self.product_id = data.detail.id if data.detail is not None else None
        # the product's version when opened; a save over a newer one asks first (services.versions)
        self.version: Optional[int] = data.detail.version if data.detail is not None else None
        self.conflict_box = None  # the changed-elsewhere question while it is open
        self._photo_path = data.detail.photo_path if data.detail is not None else ""
        self._touched: set[str] = set()
        self._check_generation = 0
        self._saving = False
        self._filling = True
        self.error_labels: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

        if self.detail is None:
            self.setWindowTitle(self.tr("New product"))
        else:
            self.setWindowTitle(self.tr("Edit product — {name}").format(name=self.detail.name))

        self._build(data)
        self._fill(data)
        self._filling = False

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self._connect_edits()

        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)
        # Esc, 取消 and the close button ask before throwing typed changes away.
        self.unsaved = UnsavedChanges(self, self.product_input, self.save)
        self.unsaved.mark_clean()

    # --- building -------------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.fields[name] = edit
        return edit

    def _combo(self, name: str, items: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(items)
        combo.setCurrentIndex(-1)
        combo.setEditText("")
        combo.setMaxVisibleItems(20)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setMinimumContentsLength(4)
        self.fields[name] = combo
        return combo

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{name}Error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.error_labels[name] = label
        return label

    def _with_error(self, name: str, widget: QWidget, *also: str, grow: bool = False) -> QWidget:
        """`widget` with a (hidden) red message label under it; `also` names more fields
        whose messages go to the same label. Only a `grow` widget takes spare height."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget, 1 if grow else 0)
        label = self._error_label(name)
        for other in also:
            self.error_labels[other] = label
        column.addWidget(label)
        return box

    def _form(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout(parent)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        return form

    def _build(self, data: EditorData) -> None:
        money_hint = self.tr("e.g. 39.90")
        self.name_edit = self._line("name", self.tr("e.g. 婺源皇菊"))
        self.sku_edit = self._line("sku", self.tr("optional, unique"))
        self.category_combo = self._combo("category", data.categories)
        self.spec_edit = self._line("spec", self.tr("e.g. 50朵/盒"))
        self.unit_combo = self._combo("unit", list(UNITS))
        self.list_price_edit = self._line("list_price", money_hint)
        self.live_price_edit = self._line("live_price", self.tr("optional"))
        self.cost_edit = self._line("cost", self.tr("optional"))
        self.margin_label = QLabel(self)
        self.margin_label.setObjectName("marginLabel")
        self.stock_edit = self._line("stock", "0")
        self.stock_label = QLabel(self)
        self.stock_label.setObjectName("stockLabel")
        self.stock_label.setContentsMargins(4, self._label_pad(), 0, 0)
        self.low_stock_edit = self._line("low_stock_threshold", "0")
        self.low_stock_edit.setToolTip(self.tr("Warn when the stock is at or under this number (0: never)"))

        basic = QGroupBox(self.tr("Product"), self)
        form = self._form(basic)
        self._row(form, self._required(self.tr("Name")), self._with_error("name", self.name_edit))
        self._row(form, self.tr("Seller code"), self._with_error("sku", self.sku_edit))
        self._row(form, self.tr("Category"), self._with_error("category", self.category_combo))
        spec_row = QHBoxLayout()
        spec_row.setContentsMargins(0, 0, 0, 0)
        spec_row.addWidget(self.spec_edit, 3)
        spec_row.addWidget(QLabel(self.tr("Unit"), self))
        spec_row.addWidget(self.unit_combo, 1)
        spec_box = QWidget(self)
        spec_box.setLayout(spec_row)
        self._row(form, self.tr("Spec"), self._with_error("spec", spec_box, "unit"))
        self._row(form, self._required(self.tr("Price (yuan)")), self._with_error("list_price", self.list_price_edit))
        self._row(form, self.tr("Live price"), self._with_error("live_price", self.live_price_edit))
        cost_row = QHBoxLayout()
        cost_row.setContentsMargins(0, 0, 0, 0)
        cost_row.addWidget(self.cost_edit, 1)
        cost_row.addWidget(self.margin_label)
        cost_box = QWidget(self)
        cost_box.setLayout(cost_row)
        self._row(form, self.tr("Cost"), self._with_error("cost", cost_box))
        if self.detail is None:
            self._row(form, self.tr("Opening stock"), self._with_error("stock", self.stock_edit))
            self.stock_label.hide()
        else:
            self.stock_edit.hide()
            self.stock_label.setToolTip(self.tr("Change the stock with Stock… on the product list, with a reason"))
            self._row(form, self.tr("Stock"), self._with_error("stock", self.stock_label))
        self._row(form, self.tr("Low-stock warning at"), self._with_error("low_stock_threshold", self.low_stock_edit))

        # --- origin, producer, certifications --------------------------------------
        self.province_edit = self._line("origin_province", self.tr("province"))
        self.county_edit = self._line("origin_county", self.tr("county"))
        self.town_edit = self._line("origin_town", self.tr("town"))
        self.village_edit = self._line("origin_village", self.tr("village"))
        origin_grid = QGridLayout()
        origin_grid.setContentsMargins(0, 0, 0, 0)
        origin_grid.setHorizontalSpacing(6)
        origin_grid.setVerticalSpacing(4)
        origin_grid.addWidget(self.province_edit, 0, 0)
        origin_grid.addWidget(self.county_edit, 0, 1)
        origin_grid.addWidget(self.town_edit, 1, 0)
        origin_grid.addWidget(self.village_edit, 1, 1)
        origin_box = QWidget(self)
        origin_box.setLayout(origin_grid)
        self.producer_combo = self._combo("producer", data.producers)
        self.producer_combo.lineEdit().setPlaceholderText(self.tr("co-operative or farmer"))
        self.certification_checks: dict[str, QCheckBox] = {}
        certs_row = QHBoxLayout()
        certs_row.setContentsMargins(0, 0, 0, 0)
        for name in CHECKBOX_CERTIFICATIONS:
            check = QCheckBox(name, self)
            self.certification_checks[name] = check
            certs_row.addWidget(check)
        self.other_certifications_edit = self._line("certifications", self.tr("others, e.g. 富硒"))
        certs_row.addWidget(self.other_certifications_edit, 1)
        certs_box = QWidget(self)
        certs_box.setLayout(certs_row)
        self.shelf_life_edit = self._line("shelf_life_days", self.tr("days"))

        origin = QGroupBox(self.tr("Origin and producer"), self)
        form2 = self._form(origin)
        self._row(form2, self.tr("Origin"), self._with_error(
            "origin_province", origin_box, "origin_county", "origin_town", "origin_village"))
        self._row(form2, self.tr("Producer"), self._with_error("producer", self.producer_combo))
        self._row(form2, self.tr("Certifications"), self._with_error("certifications", certs_box))
        self._row(form2, self.tr("Shelf life (days)"), self._with_error("shelf_life_days", self.shelf_life_edit))

        # --- photo and platform codes -----------------------------------------------
        self.photo_label = QLabel(self)
        self.photo_label.setObjectName("photoThumbnail")
        self.photo_label.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo_button = QPushButton(self.tr("Choose photo…"), self)
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.photo_label)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        photo_box = QWidget(self)
        photo_box.setLayout(photo_row)
        self.platform_codes = PlatformCodesEditor(self)
        self.fields["platform_codes"] = self.platform_codes
        self._row(form2, self.tr("Photo"), self._with_error("photo_path", photo_box))
        self._row(form2, self.tr("Platform codes"), self._with_error("platform_codes", self.platform_codes, grow=True))

        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setPlaceholderText(self.tr("Talking points, storage, anything the team should know"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.notes_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fields["notes"] = self.notes_edit
        self._row(form, self.tr("Notes"), self._with_error("notes", self.notes_edit))

        self.needs_review_check = QCheckBox(self.tr("Needs review (made by an import)"), self)
        self.needs_review_check.setVisible(self.detail is not None and self.detail.needs_review)
        if self.detail is not None and self.detail.needs_review:
            self._row(form, "", self.needs_review_check)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(basic, 1)
        columns.addWidget(origin, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        for box in (basic, origin):
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.resize(960, 600)

    def _label_pad(self) -> int:
        """How far a line edit's text sits below its top edge."""
        if not hasattr(self, "_pad"):
            self._pad = max(0, (self.name_edit.sizeHint().height() - self.fontMetrics().height()) // 2)
        return self._pad

    def _row(self, form: QFormLayout, label: "QLabel | str", field: QWidget) -> None:
        """A form row whose label lines up with the first line of its field (the field may
        grow a red message under it, so labels are aligned to the top)."""
        if isinstance(label, str):
            label = QLabel(label, self)
        label.setContentsMargins(0, self._label_pad(), 0, 0)
        form.addRow(label, field)

    def _required(self, text: str) -> QLabel:
        label = QLabel(text + " *", self)
        label.setToolTip(self.tr("Required"))
        return label

    def _fill(self, data: EditorData) -> None:
        d = data.detail
        if d is None:
            self.stock_edit.setText("0")
            self.low_stock_edit.setText("0")
            self._update_photo()
            self._update_margin()
            return
        self.name_edit.setText(d.name)
        self.sku_edit.setText(d.sku)
        self.category_combo.setEditText(d.category)
        self.spec_edit.setText(d.spec)
        self.unit_combo.setEditText(d.unit)
        self.list_price_edit.setText(_money_text(d.list_price_fen))
        self.live_price_edit.setText(_money_text(d.live_price_fen))
        self.cost_edit.setText(_money_text(d.cost_fen))
        self.stock_label.setText(f"{d.stock:,}")
        self.low_stock_edit.setText(str(d.low_stock_threshold))
        self.province_edit.setText(d.origin_province)
        self.county_edit.setText(d.origin_county)
        self.town_edit.setText(d.origin_town)
        self.village_edit.setText(d.origin_village)
        self.producer_combo.setEditText(d.producer)
        items = split_certifications(d.certifications)
        for name, check in self.certification_checks.items():
            check.setChecked(name in items)
        self.other_certifications_edit.setText(
            join_certifications([i for i in items if i not in CHECKBOX_CERTIFICATIONS]))
        self.shelf_life_edit.setText("" if d.shelf_life_days is None else str(d.shelf_life_days))
        self.notes_edit.setPlainText(d.notes)
        self.needs_review_check.setChecked(d.needs_review)
        self.platform_codes.set_codes([(c.platform, c.code) for c in d.platform_codes])
        self._update_photo()
        self._update_margin()

    def _connect_edits(self) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, n=name: self._edited(n))
            elif isinstance(widget, QComboBox):
                widget.editTextChanged.connect(lambda _text, n=name: self._edited(n))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda n=name: self._edited(n))
        self.platform_codes.changed.connect(lambda: self._edited("platform_codes"))
        for check in self.certification_checks.values():
            check.toggled.connect(lambda _on: self._edited("certifications"))
        for edit in (self.list_price_edit, self.cost_edit):
            edit.textChanged.connect(self._update_margin)

    # --- input --------------------------------------------------------------------------
    def certifications(self) -> str:
        chosen = [name for name, check in self.certification_checks.items() if check.isChecked()]
        return join_certifications(split_certifications(chosen + split_certifications(
            self.other_certifications_edit.text())))

    def product_input(self) -> ProductInput:
        """What the user typed, as the service takes it (text for money and numbers)."""
        d = self.detail
        return ProductInput(
            name=self.name_edit.text(),
            sku=self.sku_edit.text(),
            spec=self.spec_edit.text(),
            unit=self.unit_combo.currentText(),
            category=self.category_combo.currentText(),
            list_price=self.list_price_edit.text(),
            live_price=self.live_price_edit.text(),
            cost=self.cost_edit.text(),
            stock=self.stock_edit.text() if d is None else d.stock,
            low_stock_threshold=self.low_stock_edit.text(),
            origin_province=self.province_edit.text(),
            origin_county=self.county_edit.text(),
            origin_town=self.town_edit.text(),
            origin_village=self.village_edit.text(),
            producer=self.producer_combo.currentText(),
            certifications=self.certifications(),
            shelf_life_days=self.shelf_life_edit.text(),
            photo_path=self._photo_path,
            notes=self.notes_edit.toPlainText(),
            archived=d.archived if d is not None else False,
            needs_review=self.needs_review_check.isChecked() if d is not None else False,
            platform_codes=self.platform_codes.codes(),
        )

    # --- checking -------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._filling:
            return
        self._touched.add(name)
        if name.startswith("origin_"):
            self._touched.update(("origin_province", "origin_county", "origin_town", "origin_village"))
        self._check_timer.start()

    def check_now(self) -> None:
        """Ask the service what it thinks of the input so far (in the background)."""
        self._check_timer.stop()
        self._check_generation += 1
        generation = self._check_generation
        self.task_runner.submit(
            _check, self.database, self.product_input(), self.product_id,
            on_success=lambda errors, g=generation: self._on_checked(g, errors),
            on_failure=lambda _exc: None,  # a failed check is not an error; saving checks again
        )

    def is_checking(self) -> bool:
        return self._check_timer.isActive()

    def _on_checked(self, generation: int, errors: dict) -> None:
        if generation != self._check_generation or self._saving:
            return
        # Only fields the user has been at: an empty new form is not full of complaints.
        self.show_errors({k: v for k, v in errors.items() if k in self._touched}, focus=False)

    def show_errors(self, errors: "dict[str, Message | str]", *, focus: bool = True) -> None:
        """Show each message under its field, in the window's language (and clear the others)."""
        shown = {
            name: render(message, QCoreApplication.translate) if isinstance(message, Message) else str(message)
            for name, message in errors.items()
        }
        texts: dict[QLabel, list[str]] = {}
        for name, message in shown.items():
            label = self.error_labels.get(name)
            if label is None:
                texts.setdefault(self.general_error, []).append(message)
            else:
                texts.setdefault(label, []).append(message)
        for label in set(self.error_labels.values()) | {self.general_error}:
            lines = texts.get(label)
            label.setText("\n".join(dict.fromkeys(lines)) if lines else "")
            label.setVisible(bool(lines))
        if focus and shown:
            first = next((self.fields[n] for n in self.fields if n in shown), None)
            if first is not None:
                first.setFocus()

    def error_text(self, name: str) -> str:
        label = self.error_labels[name]
        return "" if label.isHidden() else label.text()

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        self._check_timer.stop()
        self._check_generation += 1  # a check still running must not cover the save's messages
        self.set_saving(True)
        self.saveRequested.emit(self.product_input())

    def reload_from(self, data: EditorData) -> None:
        """Show the product as it is saved now (after a change made elsewhere)."""
        self.detail = data.detail
        self.version = data.detail.version if data.detail is not None else None
        self._photo_path = data.detail.photo_path if data.detail is not None else ""
        self._filling = True
        try:
            self._fill(data)
        finally:
            self._filling = False
        self._touched.clear()
        self.show_errors({})
        self.unsaved.mark_clean()
        self.set_saving(False)

    def set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))

    def is_saving(self) -> bool:
        return self._saving

    def save_failed(self, exc: BaseException) -> None:
        """The page could not save: field messages under their fields, anything else in a box."""
        self.set_saving(False)
        errors = getattr(exc, "errors", None)
        if isinstance(errors, dict) and errors:
            self._touched.update(errors)
            self.show_errors(errors)
        else:
            report_error(self, exc)

    # --- photo -----------------------------------------------------------------------------
    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo of the product"), str(Path.home()),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)"),
        )
        if not path:
            return
        self.photo_button.setEnabled(False)
        self.task_runner.submit(
            _store_photo, path, on_success=self._photo_stored, on_failure=self._photo_failed,
        )

    def _photo_stored(self, relative: str) -> None:
        self.photo_button.setEnabled(True)
        self._photo_path = relative
        self.error_labels["photo_path"].hide()
        self._update_photo()
        self._edited("photo_path")

    def _photo_failed(self, exc: BaseException) -> None:
        self.photo_button.setEnabled(True)
        self.show_errors({"photo_path": error_message(exc)}, focus=False)

    def remove_photo(self) -> None:
        self._photo_path = ""
        self._update_photo()
        self._edited("photo_path")

    def photo_path(self) -> str:
        return self._photo_path

    def _update_photo(self) -> None:
        path = photo_file(self._photo_path)
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("No photo") if not self._photo_path else self.tr("Photo missing"))
        else:
            self.photo_label.setText("")
            self.photo_label.setPixmap(pixmap.scaled(
                THUMBNAIL - 4, THUMBNAIL - 4, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.remove_photo_button.setEnabled(bool(self._photo_path))

    def _update_margin(self) -> None:
        try:
            price = parse_money_field(self.list_price_edit.text())
            cost = parse_money_field(self.cost_edit.text())
        except FieldError:
            self.margin_label.setText("")
            return
        value = round_pct(margin_pct(price, cost))
        self.margin_label.setText("" if value is None else self.tr("margin on list price {pct}%").format(pct=value))

    # --- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._saving:
            return  # the save decides; closing now would lose its answer
        self.unsaved.close(super().reject)


__all__ = ["ProductEditor", "EditorData", "load_editor_data", "UNITS"]
