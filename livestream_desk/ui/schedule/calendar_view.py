"""The month calendar and the week agenda: one custom-painted widget, no child widgets.

A month shows 6 weeks × 7 days; each livestream is a chip (platform colour bar, time, live
room · host, a status mark) and a day with more than fit ends in "+N more". A week shows 7
columns with each livestream as a block of lines (time, title, platform · room, host,
status). The layout (rectangles, elided texts, colours) is computed once when the rows or
the size change; `paintEvent` only draws it, so a month of 300 livestreams paints well
inside a 16 ms frame (bench/bench_schedule_month.py).

Drag a planned livestream onto another day to reschedule it (`rescheduleRequested`); the drag
is done with plain mouse events, so it needs no drag-and-drop mime machinery.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional, Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen,
                           QResizeEvent, QStaticText, QTransform)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from ...db.models import LivestreamStatus
from ...services.schedule import LivestreamRow
from ..platforms import platform_name
from . import texts

MONTH, WEEK = "month", "week"
SMALL, BOLD = 0, 1  # the fonts of laid-out texts
STATIC_CACHE = 5000
STATUS_MARKS = {
    LivestreamStatus.PLANNED: "",
    LivestreamStatus.LIVE: "● ",
    LivestreamStatus.DONE: "✓ ",
    LivestreamStatus.CANCELLED: "✕ ",
}


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_grid_start(day: date) -> date:
    """The Monday on or before the 1st of `day`'s month (the month grid's first cell)."""
    return monday_of(day.replace(day=1))


@dataclass
class _Item:
    rect: QRect
    row: LivestreamRow
    lines: list[str]
    colour: QColor
    day: date


@dataclass
class _More:
    rect: QRect
    day: date
    text: str


class CalendarView(QWidget):
    """`set_period(mode, anchor)`, `set_rows(rows)`; signals for opening, moving and days."""

    openRequested = Signal(int)  # double-click on a livestream
    selectionChanged = Signal(int)  # the selected livestream's id (0: none)
    rescheduleRequested = Signal(int, object)  # livestream id, the day it was dropped on (date)
    dayActivated = Signal(object)  # double-click on an empty part of a day (date): plan one there
    moreRequested = Signal(object)  # "+N more" clicked: show that day's week (date)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.mode = MONTH
        self.anchor = date.today()
        self.first_day = month_grid_start(self.anchor)
        self.today = date.today()
        self.selected_id = 0
        self._rows: list[LivestreamRow] = []
        self._by_day: dict[date, list[LivestreamRow]] = {}
        self._items: list[_Item] = []
        self._more: list[_More] = []
        self._layout_size = QSize()
        self._dirty = True
        self._press: Optional[tuple[QPoint, _Item]] = None
        self._dragging = False
        self._drop_day: Optional[date] = None
        self._content_height = 0
        self._fonts()

    def _static(self, text: str, font_key: int) -> QStaticText:
        """The text laid out once (shaping CJK text is most of a paint): kept by text and font,
        and the same room · host · time texts come back month after month."""
        key = (text, font_key)
        static = self._statics.get(key)
        if static is None:
            if len(self._statics) > STATIC_CACHE:
                self._statics.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(QTransform(), (self._small, self._bold)[font_key])
            self._statics[key] = static
        return static

    def _elided(self, text: str, width: int) -> str:
        key = (text, width)
        elided = self._elisions.get(key)
        if elided is None:
            if len(self._elisions) > STATIC_CACHE:
                self._elisions.clear()
            elided = self._elisions[key] = self._fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return elided

    def _draw(self, painter: QPainter, rect: QRect, text: str, font_key: int, centre: bool = False) -> float:
        """Draw `text` in `rect`; returns its width."""
        if font_key != self._painter_font:  # drawStaticText lays out again unless the painter has its font
            painter.setFont((self._small, self._bold)[font_key])
            self._painter_font = font_key
        static = self._static(text, font_key)
        size = static.size()
        x = rect.left() + (rect.width() - size.width()) / 2 if centre else rect.left()
        painter.drawStaticText(QPointF(x, rect.top() + (rect.height() - size.height()) / 2), static)
        return size.width()

    def _fonts(self) -> None:
        self._statics: dict[tuple[str, int], QStaticText] = {}
        self._elisions: dict[tuple[str, int], str] = {}
        self._painter_font = -1
        self._font = QFont(self.font())
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() * 0.9, 7.0))
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._fm = QFontMetrics(self._small)
        self._fm_bold = QFontMetrics(self._bold)

    # --- data --------------------------------------------------------------------------
    @property
    def days(self) -> int:
        return 42 if self.mode == MONTH else 7

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=self.days - 1)

    def set_period(self, mode: str, anchor: date) -> None:
        """Show the month (6 weeks) or the week containing `anchor`."""
        self.mode = mode
        self.anchor = anchor
        self.first_day = month_grid_start(anchor) if mode == MONTH else monday_of(anchor)
        self._invalidate()

    def set_today(self, today: date) -> None:
        self.today = today
        self.update()

    def set_rows(self, rows: Sequence[LivestreamRow]) -> None:
        self._rows = sorted(rows, key=lambda r: (r.scheduled_start, r.id))
        by_day: dict[date, list[LivestreamRow]] = {}
        for row in self._rows:
            by_day.setdefault(row.scheduled_start.date(), []).append(row)
        self._by_day = by_day
        if self.selected_id and not any(r.id == self.selected_id for r in self._rows):
            self.selected_id = 0
        self._invalidate()

    def rows(self) -> list[LivestreamRow]:
        return list(self._rows)

    def warm(self, rows: Sequence[LivestreamRow]) -> None:
        """Lay out the chip texts of `rows` (a month about to be shown) ahead, in idle time, so
        that moving to that month only draws (month view; the week agenda is cheap anyway)."""
        if self.mode != MONTH or self.width() <= 0:
            return
        width = self._chip_text_width()
        for row in rows:
            self._static(self._elided(self._chip_text(row), width), SMALL)

    def select(self, livestream_id: int) -> None:
        if livestream_id != self.selected_id:
            self.selected_id = livestream_id
            self.update()
            self.selectionChanged.emit(livestream_id)

    def _invalidate(self) -> None:
        self._dirty = True
        if self.mode == WEEK:
            self._relayout()
            self.updateGeometry()
        self.update()

    # --- geometry ----------------------------------------------------------------------
    def header_height(self) -> int:
        return self._fm_bold.height() + 10

    def _week_block_height(self) -> int:
        return self._fm.height() * 4 + 10

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(700, max(420, self._content_height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        if self.mode == WEEK:
            return QSize(420, self._content_height)
        return QSize(420, 300)

    def cell_rect(self, index: int) -> QRect:
        """The rectangle of the `index`-th day of the grid (0 = first_day)."""
        rows = self.days // 7
        width = self.width() / 7
        top = self.header_height()
        height = (self.height() - top) / rows
        col, row = index % 7, index // 7
        x0, x1 = round(col * width), round((col + 1) * width)
        y0, y1 = round(top + row * height), round(top + (row + 1) * height)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> Optional[date]:
        top = self.header_height()
        if pos.y() < top or pos.x() < 0 or pos.x() >= self.width() or pos.y() >= self.height():
            return None
        rows = self.days // 7
        col = min(int(pos.x() / (self.width() / 7)), 6)
        row = min(int((pos.y() - top) / ((self.height() - top) / rows)), rows - 1)
        return self.first_day + timedelta(days=row * 7 + col)

    def day_rect(self, day: date) -> QRect:
        return self.cell_rect((day - self.first_day).days)

    def item_rect(self, livestream_id: int) -> Optional[QRect]:
        self._ensure_layout()
        for item in self._items:
            if item.row.id == livestream_id:
                return QRect(item.rect)
        return None

    def item_at(self, pos: QPoint) -> Optional[_Item]:
        self._ensure_layout()
        for item in self._items:
            if item.rect.contains(pos):
                return item
        return None

    def visible_ids(self) -> list[int]:
        self._ensure_layout()
        return [item.row.id for item in self._items]

    # --- layout: computed once per data / size change ------------------------------------
    def _ensure_layout(self) -> None:
        if self._dirty or self._layout_size != self.size():
            self._relayout()

    def _relayout(self) -> None:
        self._dirty = False
        self._layout_size = QSize(self.size())
        self._items, self._more = [], []
        if self.mode == MONTH:
            self._layout_month()
        else:
            self._layout_week()

    def _chip_text_width(self) -> int:
        return int(self.width() / 7) - 16  # the same in every column, so elided texts are shared

    def _chip_text(self, row: LivestreamRow) -> str:
        who = " · ".join(part for part in (row.account_name, row.host_name) if part) or platform_name(row.platform)
        return f"{STATUS_MARKS.get(row.status, '')}{row.scheduled_start:%H:%M} {who}"

    def _layout_month(self) -> None:
        fm = self._fm
        chip_h = fm.height() + 4
        day_line = self._fm_bold.height() + 4
        for index in range(42):
            day = self.first_day + timedelta(days=index)
            rows = self._by_day.get(day)
            if not rows:
                continue
            cell = self.cell_rect(index)
            capacity = max(0, (cell.height() - day_line - 2) // (chip_h + 2))
            shown = rows if len(rows) <= capacity else rows[: max(capacity - 1, 0)]
            y = cell.top() + day_line
            for row in shown:
                rect = QRect(cell.left() + 3, y, cell.width() - 6, chip_h)
                text = self._elided(self._chip_text(row), self._chip_text_width())
                self._items.append(_Item(rect, row, [text], texts.platform_colour(row.platform), day))
                y += chip_h + 2
            hidden = len(rows) - len(shown)
            if hidden:
                more = self.tr("+{count} more").format(count=hidden)
                self._more.append(_More(QRect(cell.left() + 3, y, cell.width() - 6, chip_h), day, more))

    def _layout_week(self) -> None:
        block_h = self._week_block_height()
        top = self.header_height() + self._fm_bold.height() + 6
        tallest = 0
        width = self.width() / 7
        for col in range(7):
            day = self.first_day + timedelta(days=col)
            x0 = round(col * width)
            inner = round((col + 1) * width) - x0 - 6
            y = top
            for row in self._by_day.get(day, ()):
                rect = QRect(x0 + 3, y, inner, block_h)
                end = f"{row.scheduled_start:%H:%M}–{row.scheduled_end:%H:%M}"
                where = " · ".join(part for part in (platform_name(row.platform), row.account_name) if part)
                host_status = " · ".join(part for part in (row.host_name, texts.status_name(row.status)) if part)
                lines = [f"{STATUS_MARKS.get(row.status, '')}{end}", row.title, where, host_status]
                lines = [self._elided(line, inner - 12) for line in lines]
                self._items.append(_Item(rect, row, lines, texts.platform_colour(row.platform), day))
                y += block_h + 4
            tallest = max(tallest, y)
        self._content_height = tallest + 8
        self.setMinimumHeight(self._content_height)

    # --- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._ensure_layout()
        painter = QPainter(self)
        self._painter_font = -1
        palette = self.palette()
        base, window_colour = palette.base().color(), palette.window().color()
        text_colour, mid = palette.text().color(), palette.mid().color()
        muted = QColor(texts.MUTED_COLOUR)
        today_colour = QColor(texts.TODAY_COLOUR)
        painter.fillRect(self.rect(), base)

        # weekday header
        header = self.header_height()
        painter.fillRect(QRect(0, 0, self.width(), header), window_colour)
        painter.setPen(text_colour)
        for col in range(7):
            cell = self.cell_rect(col)
            self._draw(painter, QRect(cell.left(), 0, cell.width(), header), texts.weekday_short(col), BOLD, centre=True)

        # day cells
        grid_pen = QPen(mid)
        grid_pen.setWidth(1)
        month = self.anchor.month
        today_text = self.tr("Today")
        for index in range(self.days):
            day = self.first_day + timedelta(days=index)
            cell = self.cell_rect(index)
            if day == self._drop_day:
                painter.fillRect(cell, QColor("#e6f4ff"))
            elif self.mode == MONTH and day.month != month:
                painter.fillRect(cell, window_colour)
            painter.setPen(grid_pen)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            label = str(day.day) if self.mode == MONTH else f"{day.month}/{day.day}"
            label_rect = QRect(cell.left() + 6, cell.top() + 2, cell.width() - 12, self._fm_bold.height() + 2)
            if day == self.today:
                painter.setPen(QPen(today_colour, 2))
                painter.drawRect(cell.adjusted(1, 1, -2, -2))
                painter.setPen(today_colour)
                label = f"{label} · {today_text}"
            else:
                painter.setPen(muted if (self.mode == MONTH and day.month != month) else text_colour)
            self._draw(painter, label_rect, label, BOLD)

        # livestreams
        for item in self._items:
            self._paint_item(painter, item, text_colour, muted)
        painter.setPen(today_colour)
        for more in self._more:
            self._draw(painter, more.rect.adjusted(6, 0, 0, 0), more.text, SMALL)
        painter.end()

    def _paint_item(self, painter: QPainter, item: _Item, text_colour: QColor, muted: QColor) -> None:
        rect, row, colour = item.rect, item.row, item.colour
        status = row.status
        if status == LivestreamStatus.LIVE:
            painter.fillRect(rect, colour)
            pen = QColor("white")
        else:
            tint = QColor(colour)
            tint.setAlpha(28 if status != LivestreamStatus.CANCELLED else 10)
            painter.fillRect(rect, tint)
            pen = muted if status in (LivestreamStatus.CANCELLED, LivestreamStatus.DONE) else text_colour
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
        if row.id == self.selected_id:
            painter.setPen(QPen(QColor(texts.TODAY_COLOUR), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        # A cancelled chip's text is struck through by hand: QStaticText draws a font's strike-out
        # over the first script run only (not the Chinese) and, once cached, in the wrong place.
        cancelled = status == LivestreamStatus.CANCELLED
        painter.setPen(pen)
        line_h = self._fm.height()
        y = rect.top() + (2 if len(item.lines) == 1 else 4)
        for line in item.lines:
            left = rect.left() + 8
            width = self._draw(painter, QRect(left, y, rect.width() - 10, line_h), line, SMALL)
            if cancelled:
                middle = y + line_h / 2 + 0.5
                painter.drawLine(QPointF(left, middle), QPointF(left + min(width, rect.width() - 10), middle))
            y += line_h

    # --- mouse and keyboard --------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.select(item.row.id)
            self._press = (pos, item)
        else:
            self._press = None
            more = next((m for m in self._more if m.rect.contains(pos)), None)
            if more is not None:
                self.moreRequested.emit(more.day)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None:
            return
        pos = event.position().toPoint()
        start, item = self._press
        if not self._dragging:
            if (pos - start).manhattanLength() < QApplication.startDragDistance():
                return
            if item.row.status != LivestreamStatus.PLANNED:
                return  # only planned livestreams move
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        day = self.day_at(pos)
        if day != self._drop_day:
            self._drop_day = day
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        press, dragging = self._press, self._dragging
        self._press, self._dragging = None, False
        drop = self.day_at(event.position().toPoint()) if dragging else None
        if dragging:
            self.unsetCursor()
            self._drop_day = None
            self.update()
        if press is not None and drop is not None and drop != press[1].day:
            self.rescheduleRequested.emit(press[1].row.id, drop)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.openRequested.emit(item.row.id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.dayActivated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id:
            self.openRequested.emit(self.selected_id)
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            ids = self.visible_ids()
            if ids:
                current = ids.index(self.selected_id) if self.selected_id in ids else -1
                step = 1 if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
                self.select(ids[max(0, min(len(ids) - 1, current + step))])
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:  # tooltips: everything about the livestream under the mouse
        if event.type() == event.Type.ToolTip:
            item = self.item_at(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), texts.livestream_tooltip(item.row), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._dirty = True

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.FontChange:
            self._fonts()
            self._dirty = True
        super().changeEvent(event)


__all__ = ["CalendarView", "MONTH", "WEEK", "monday_of", "month_grid_start"]
