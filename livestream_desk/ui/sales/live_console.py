"""The live console: a compact window for a running livestream (DESIGN §8).

Its lineup as large numbered buttons; a digit key (or a click) logs one sale of that product
at its live price. With more than nine products, numbers take two digits: a digit that could
begin a longer number waits a moment (or for Enter). + / − set the quantity of the next
entry; Ctrl+↑ / Ctrl+↓ change the last entry's; Backspace or Ctrl+Z takes the last entry back.
Every entry is committed as it is made, one after the other in the background; the running
totals are read back from the database, so reopening the console shows them.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.engine import Database
from ...messages import render
from ...services import sales
from ...services.sales import ConsoleState, SaleInvalid
from ..errors import error_message, report_error
from ..operation import BusyCounter, PageOp
from ..platforms import platform_name
from ..tasks import TaskRunner
from . import format as fmt

NUMBER_WAIT_MS = 700
SETTINGS_GEOMETRY = "live_console/geometry"
COLUMNS = 2  # wide enough for a product name and spec at the console's compact size


class LiveConsole(QWidget):
    """`LiveConsole(database, task_runner, livestream_id)`: a top-level window."""

    databaseChanged = Signal()
    stateLoaded = Signal()

    def __init__(self, database: Database, task_runner: TaskRunner, livestream_id: int,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("liveConsole")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database = database
        self.task_runner = task_runner
        self.livestream_id = livestream_id
        self.busy_counter = BusyCounter(self)
        self.state: Optional[ConsoleState] = None
        self.last_message = ""
        self._queue: list[tuple[str, Callable[[Database], Any]]] = []
        self._running: Optional[PageOp] = None
        self._digits = ""
        self._number_timer = QTimer(self)
        self._number_timer.setSingleShot(True)
        self._number_timer.setInterval(NUMBER_WAIT_MS)
        self._number_timer.timeout.connect(self._log_typed_number)
        self.buttons: list[QPushButton] = []
        self.setWindowTitle(self.tr("Live Console"))
        self._build()
        settings = QSettings()
        geometry = settings.value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(560, 620)
        self.reload()

    # --- widgets ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("consoleTitle")
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)

        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.totals: dict[str, QLabel] = {}
        totals_row = QHBoxLayout()
        for key, caption in (("gmv", self.tr("GMV")), ("orders", self.tr("Orders")), ("units", self.tr("Units")),
                             ("net", self.tr("Net sales"))):
            box = QVBoxLayout()
            label = QLabel(caption, self)
            label.setStyleSheet("color: #595959;")
            value = QLabel("—", self)
            value.setObjectName(f"console_{key}")
            value.setFont(big)
            box.addWidget(label)
            box.addWidget(value)
            self.totals[key] = value
            totals_row.addLayout(box)
            totals_row.addStretch(1)

        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("consoleQuantity")
        self.quantity.setRange(1, 999)
        self.quantity.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.quantity.setMinimumWidth(80)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(QLabel(self.tr("Quantity of the next sale (+ / −):"), self))
        quantity_row.addWidget(self.quantity)
        quantity_row.addStretch(1)
        self.typed = QLabel(self)
        self.typed.setObjectName("consoleTyped")
        self.typed.setFont(big)
        quantity_row.addWidget(self.typed)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(8)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.recent = QListWidget(self)
        self.recent.setObjectName("consoleRecent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.undo_button = QPushButton(self.tr("Undo last (Backspace)"), self)
        self.undo_button.setObjectName("consoleUndo")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_last)
        self.more_button = QPushButton(self.tr("Last +1 (Ctrl+↑)"), self)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.clicked.connect(lambda: self.change_last_quantity(+1))
        self.less_button = QPushButton(self.tr("Last −1 (Ctrl+↓)"), self)
        self.less_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.less_button.clicked.connect(lambda: self.change_last_quantity(-1))
        last_row = QHBoxLayout()
        last_row.addWidget(self.undo_button)
        last_row.addWidget(self.more_button)
        last_row.addWidget(self.less_button)
        last_row.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("consoleStatus")
        self.status.setWordWrap(True)
        self.hint = QLabel(self.tr("Press a product's number to log one sale. Enter confirms a two-digit number."),
                           self)
        self.hint.setStyleSheet("color: #595959;")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title)
        layout.addLayout(totals_row)
        layout.addLayout(quantity_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Latest entries"), self))
        layout.addWidget(self.recent)
        layout.addLayout(last_row)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)

        for keys, slot in (
            ([QKeySequence("Ctrl+Z"), QKeySequence(Qt.Key.Key_Backspace)], self.undo_last),
            ([QKeySequence("Ctrl+Up")], lambda: self.change_last_quantity(+1)),
            ([QKeySequence("Ctrl+Down")], lambda: self.change_last_quantity(-1)),
            ([QKeySequence("F5")], self.reload),
        ):
            for key in keys:
                shortcut = QShortcut(key, self)
                shortcut.activated.connect(slot)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- the host interface PageOp needs ---------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.last_message = text
        self.status.setText(text)

    def is_busy(self) -> bool:
        return self.busy_counter.is_busy() or bool(self._queue)

    # --- state ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._enqueue("state", lambda db: sales.console_state(db, self.livestream_id))

    def _apply_state(self, state: ConsoleState) -> None:
        first = self.state is None or [b.lineup_item_id for b in self.state.buttons] != [
            b.lineup_item_id for b in state.buttons]
        self.state = state
        self.setWindowTitle(self.tr("Live Console — {title}").format(title=state.title))
        self.title.setText(f"{state.title}  ·  {platform_name(state.platform)}")
        totals = state.totals
        self.totals["gmv"].setText(fmt.money(totals.gmv_fen))
        self.totals["orders"].setText(fmt.count(totals.orders))
        self.totals["units"].setText(fmt.count(totals.units))
        self.totals["net"].setText(fmt.money(totals.net_sales_fen))
        if first:
            self._build_buttons()
        for button, item in zip(self.buttons, state.buttons):
            button.setText(self._button_text(item))
        self.recent.clear()
        for entry in state.recent:
            self.recent.addItem(self.tr("{time}  {product} × {quantity}  {amount}").format(
                time=entry.paid_at.strftime("%H:%M:%S"), product=entry.product_name, quantity=entry.quantity,
                amount=fmt.money(entry.paid_fen)))
        self.undo_button.setEnabled(bool(state.recent))
        self.more_button.setEnabled(bool(state.recent))
        self.less_button.setEnabled(bool(state.recent))
        if not state.buttons:
            self.show_message(self.tr("This livestream has no lineup yet: add products to it on the Schedule page."))
        self.stateLoaded.emit()

    def _button_text(self, item) -> str:
        allotted = f" / {item.allotted}" if item.allotted else ""
        return self.tr("{number}  {name}\n{price}   sold {sold}{allotted}").format(
            number=item.number, name=item.product_name + (f" {item.spec}" if item.spec else ""),
            price=fmt.money(item.price_fen), sold=item.sold_units, allotted=allotted)

    def _build_buttons(self) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        assert self.state is not None
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        for index, item in enumerate(self.state.buttons):
            button = QPushButton(self._button_text(item), self.grid_host)
            button.setObjectName(f"consoleButton{item.number}")
            button.setFont(font)
            button.setMinimumHeight(self.fontMetrics().height() * 4)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, n=item.number: self.log_number(n))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons.append(button)
        self.grid.setRowStretch(len(self.state.buttons) // COLUMNS + 1, 1)

    # --- one operation at a time, in the order asked --------------------------------------------------
    def _enqueue(self, kind: str, work: Callable[[Database], Any]) -> None:
        self._queue.append((kind, work))
        self._next()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        kind, work = self._queue.pop(0)
        livestream_id = self.livestream_id

        def run(db: Database):
            result = work(db)
            return result, sales.console_state(db, livestream_id)

        def done(answer) -> None:
            self._running = None
            result, state = answer
            if kind == "log":
                self.show_message(self.tr("Logged {product} × {quantity}").format(
                    product=result.product_name, quantity=result.quantity))
            elif kind == "undo":
                self.show_message(self.tr("Took back {product} × {quantity}").format(
                    product=result.product_name, quantity=result.quantity) if result else
                    self.tr("Nothing to take back"))
            elif kind == "change":
                self.show_message(self.tr("Last entry is now {product} × {quantity}").format(
                    product=result.product_name, quantity=result.quantity))
            self._apply_state(state)
            if kind != "state":
                self.databaseChanged.emit()
            self._next()

        def failed(exc: BaseException) -> None:
            self._running = None
            if isinstance(exc, SaleInvalid):
                self.show_message("; ".join(render(m, QCoreApplication.translate) for m in exc.errors.values()))
            elif getattr(exc, "message", None) is not None:
                self.show_message(error_message(exc))
            else:
                report_error(self, exc, self.tr("Cannot log the sale"))
            self._next()

        self._running = PageOp(self, run, success=done, failure=failed)
        self._running.run()

    # --- what the keys do --------------------------------------------------------------------------
    def log_number(self, number: int) -> None:
        """Log one sale of lineup product `number` (1-based) with the quantity chosen."""
        if self.state is None or not 1 <= number <= len(self.state.buttons):
            self.show_message(self.tr("There is no product {number} in the lineup").format(number=number))
            return
        item = self.state.buttons[number - 1]
        quantity = self.quantity.value()
        self.quantity.setValue(1)
        self._enqueue("log", lambda db: sales.log_sale(db, self.livestream_id, item.lineup_item_id, quantity))

    def undo_last(self) -> None:
        self._enqueue("undo", lambda db: sales.undo_last(db, self.livestream_id))

    def change_last_quantity(self, delta: int) -> None:
        def work(db: Database):
            state = sales.console_state(db, self.livestream_id)
            if not state.recent:
                raise SaleInvalid({})
            last = state.recent[0]
            return sales.change_quantity(db, self.livestream_id, last.sale_id, max(1, last.quantity + delta))

        self._enqueue("change", work)

    def _typed_number_ready(self) -> bool:
        """True when the digits typed so far cannot begin a longer lineup number."""
        count = len(self.state.buttons) if self.state else 0
        return int(self._digits) * 10 > count

    def _log_typed_number(self) -> None:
        self._number_timer.stop()
        digits, self._digits = self._digits, ""
        self.typed.clear()
        if digits:
            self.log_number(int(digits))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        key = event.key()
        text = event.text()
        if text and text.isdigit() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._digits += text
            if self._typed_number_ready():
                self._log_typed_number()
            else:
                self.typed.setText(self._digits)
                self._number_timer.start()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._digits:
            self._log_typed_number()
            return
        if key == Qt.Key.Key_Escape and self._digits:
            self._digits = ""
            self.typed.clear()
            self._number_timer.stop()
            return
        if text in ("+", "=") or key == Qt.Key.Key_Up:
            self.quantity.setValue(self.quantity.value() + 1)
            return
        if text in ("-", "_") or key == Qt.Key.Key_Down:
            self.quantity.setValue(self.quantity.value() - 1)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        QSettings().setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)


__all__ = ["LiveConsole"]
