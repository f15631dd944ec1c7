"""The first-start tour: four steps pointing at the main places of the window.

An overlay over the main window dims it except the place a step is about, with a callout
beside it (下一步 / 跳过 / 不再显示). It is a child widget, never a modal dialog: nothing
waits on it, so it cannot block the app (or a test). The app offers it after the first
start's pages are built (`MainWindow.offer_first_start_tour`, called by app.run_gui);
Help → 新手引导 starts it again at any time.

跳过 closes it for now (it comes back next start); 不再显示 and finishing the last step
store TOUR_DONE in QSettings, and it is not offered again.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPalette, QPen, QPolygon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..main_window import MainWindow

TOUR_DONE = "help/first_start_tour_done"  # QSettings: True once finished or 不再显示
DIM = QColor(0, 0, 0, 110)
MARGIN = 6  # around the place a step points at
GAP = 18  # between that place and the callout


def tour_done() -> bool:
    return QSettings().value(TOUR_DONE, False, type=bool)


def set_tour_done(done: bool = True) -> None:
    settings = QSettings()
    settings.setValue(TOUR_DONE, done)
    settings.sync()


@dataclass(frozen=True)
class Step:
    page: str  # the page shown during the step ("" keeps the current one)
    title: str
    text: str
    target: Callable[["MainWindow"], QRect]  # in the window's coordinates


def _navigation(window: "MainWindow") -> QRect:
    return QRect(window.nav.mapTo(window, QPoint(0, 0)), window.nav.size())


def _nav_item(key: str) -> Callable[["MainWindow"], QRect]:
    def target(window: "MainWindow") -> QRect:
        rect = window.nav.visualItemRect(window.nav.item(window.page_keys().index(key)))
        return QRect(window.nav.viewport().mapTo(window, rect.topLeft()), rect.size())

    return target


def steps() -> list[Step]:
    translate = QCoreApplication.translate
    return [
        Step("", translate("FirstStartTour", "Find your way"), translate(
            "FirstStartTour",
            "Everything is reached from this list on the left: the dashboard, the schedule, the products, "
            "the sales, the reports and the settings. Ctrl+1 to Ctrl+6 switch pages too."),
            _navigation),
        Step("catalogue", translate("FirstStartTour", "Your products"), translate(
            "FirstStartTour",
            "Start with what you sell. New product adds one at a time; or fill in the Excel sheet from "
            "File → Download Product Template and bring it in with Import…"),
            _nav_item("catalogue")),
        Step("schedule", translate("FirstStartTour", "Plan livestreams"), translate(
            "FirstStartTour",
            "Double-click a day to plan a livestream: platform, live room, host, time. Then Lineup… picks "
            "the products in order with their live prices, and Print run sheet… gives the host a sheet."),
            _nav_item("schedule")),
        Step("sales", translate("FirstStartTour", "Log the sales"), translate(
            "FirstStartTour",
            "While you are live, the Live console logs a sale with one key. Afterwards, Import orders reads "
            "the order export of 抖店, 快手小店 or 京东. Reports and results cards are on the Reports page. "
            "Press F1 at any time for the user guide."),
            _nav_item("sales")),
    ]


class _Callout(QFrame):
    """The box beside the highlighted place: step count, title, text and the three buttons."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourCallout")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFixedWidth(360)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("tourStepCount")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("tourTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("tourText")
        self.text_label.setWordWrap(True)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("tourNext")
        self.next_button.setDefault(True)
        self.skip_button = QPushButton(QCoreApplication.translate("FirstStartTour", "Skip"), self)
        self.skip_button.setObjectName("tourSkip")
        self.never_button = QPushButton(QCoreApplication.translate("FirstStartTour", "Don't show again"), self)
        self.never_button.setObjectName("tourNever")
        buttons = QHBoxLayout()
        buttons.addWidget(self.never_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.count_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addSpacing(6)
        layout.addLayout(buttons)


class FirstStartTour(QWidget):
    """`FirstStartTour(window)` covers the window and shows step 1; `finished(done)` when it
    closes (done: finished or 不再显示, so not offered again)."""

    finished = Signal(bool)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.setObjectName("firstStartTour")
        self.window_ = window
        self.steps = steps()
        self.index = 0
        self.page_before = window.current_page_key()
        self.callout = _Callout(self)
        self.callout.next_button.clicked.connect(self.next_step)
        self.callout.skip_button.clicked.connect(lambda: self.close_tour(done=False))
        self.callout.never_button.clicked.connect(lambda: self.close_tour(done=True))
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.show_step(0)
        self.show()
        self.raise_()
        self.callout.next_button.setFocus()

    # --- steps -------------------------------------------------------------------------------
    def show_step(self, index: int) -> None:
        self.index = index
        step = self.steps[index]
        if step.page:
            self.window_.show_page(step.page)
        last = index == len(self.steps) - 1
        self.callout.count_label.setText(QCoreApplication.translate("FirstStartTour", "Step {number} of {count}").format(
            number=index + 1, count=len(self.steps)))
        self.callout.title_label.setText(step.title)
        self.callout.text_label.setText(step.text)
        done, more = QCoreApplication.translate("FirstStartTour", "Done"), QCoreApplication.translate("FirstStartTour", "Next")
        self.callout.next_button.setText(done if last else more)
        self._place()

    def next_step(self) -> None:
        if self.index + 1 < len(self.steps):
            self.show_step(self.index + 1)
        else:
            self.close_tour(done=True)

    def close_tour(self, done: bool) -> None:
        if done:
            set_tour_done()
        self.window_.removeEventFilter(self)
        if self.page_before in self.window_.page_keys():
            self.window_.show_page(self.page_before)
        self.hide()
        self.finished.emit(done)
        self.deleteLater()

    def current_target(self) -> QRect:
        return self.steps[self.index].target(self.window_).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    # --- layout and painting -------------------------------------------------------------------
    def _place(self) -> None:
        self.setGeometry(self.window_.rect())
        target = self.current_target()
        width = self.callout.width()
        # The wrapped text's height at the callout's fixed width (sizeHint would not wrap it).
        height = self.callout.heightForWidth(width)
        size = QSize(width, max(height, self.callout.minimumSizeHint().height()))
        x = min(target.right() + GAP, self.width() - size.width() - 8)
        y = max(8, min(target.center().y() - size.height() // 2, self.height() - size.height() - 8))
        self.callout.setGeometry(QRect(QPoint(max(8, x), y), size))
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape:
            self.close_tour(done=False)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt name
        event.accept()  # the dimmed window is not clicked through while the tour is up

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt name
        target = self.current_target()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shade = QPainterPath()
        shade.addRect(self.rect())
        hole = QPainterPath()
        hole.addRoundedRect(target, 6, 6)
        painter.fillPath(shade.subtracted(hole), DIM)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
        painter.drawRoundedRect(target, 6, 6)
        # A small arrow from the callout towards the place it is about.
        box = self.callout.geometry()
        if box.left() > target.right():
            y = max(box.top() + 14, min(target.center().y(), box.bottom() - 14))
            arrow = QPolygon([QPoint(box.left() + 1, y - 10), QPoint(box.left() - 11, y), QPoint(box.left() + 1, y + 10)])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.callout.palette().color(QPalette.ColorRole.Window))
            painter.drawPolygon(arrow)
        painter.end()


__all__ = ["FirstStartTour", "TOUR_DONE", "tour_done", "set_tour_done", "steps"]
