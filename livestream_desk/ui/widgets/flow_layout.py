"""A layout that puts its widgets in a row and wraps onto the next line when the row is full.

For page toolbars and filter rows: at 1366×768 they are one line; in a narrower window
(1024×600, 150% scaling, longer English labels) they wrap instead of pushing buttons off the
edge of the window. An item added with `stretch=True` (a search box) takes the width left on
its line. The layout answers heightForWidth, so the rows below move down as it wraps.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """`FlowLayout(parent, spacing=6)`; `add_widget(widget, stretch=False)`, `add_gap(width)`."""

    def __init__(self, parent: Optional[QWidget] = None, spacing: int = 6, line_spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of the items that take the width left on their line
        self._gaps: dict[int, int] = {}  # id of an item → space before it (unless it starts a line)
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- adding ---------------------------------------------------------------------------
    def add_widget(self, widget: QWidget, stretch: bool = False, gap_before: int = 0) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if stretch:
            self._stretch.add(id(item))
        if gap_before:
            self._gaps[id(item)] = gap_before
        self.invalidate()

    # --- QLayout ----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # what addWidget() calls
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> Optional[QLayoutItem]:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> Optional[QLayoutItem]:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._stretch.discard(id(item))
        self._gaps.pop(id(item), None)
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        width = height = 0
        for index, item in enumerate(self._visible()):
            hint = item.sizeHint()
            width += hint.width() + (self._space_before(item) if index else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: narrower than that nothing can wrap."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # --- arranging ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _space_before(self, item: QLayoutItem) -> int:
        return self._spacing + self._gaps.get(id(item), 0)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().width()
            needed = hint if not lines[-1] else used + self._space_before(item) + hint
            if lines[-1] and needed > width:
                lines.append([item])
                used = hint
            else:
                lines[-1].append(item)
                used = needed
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for line in self._lines(area.width()):
            widths = [min(item.sizeHint().width(), area.width()) for item in line]
            spaces = [self._space_before(item) if i else 0 for i, item in enumerate(line)]
            left = area.width() - sum(widths) - sum(spaces)
            stretchers = [i for i, item in enumerate(line) if id(item) in self._stretch]
            if left > 0 and stretchers:
                share, extra = divmod(left, len(stretchers))
                for n, i in enumerate(stretchers):
                    widths[i] += share + (1 if n < extra else 0)
            height = max(item.sizeHint().height() for item in line)
            if apply:
                x = area.x()
                for item, width, space in zip(line, widths, spaces):
                    x += space
                    item_height = item.sizeHint().height()  # centred on its line
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2), QSize(width, item_height)))
                    x += width
            y += height + self._line_spacing
        return y - self._line_spacing - rect.y() + margins.bottom() if self._visible() else 0


class FlowBar(QWidget):
    """A row of widgets that wraps (a page's toolbar or filter row): `add(widget, stretch=False,
    gap_before=0)`; its height follows its width."""

    def __init__(self, parent: Optional[QWidget] = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=spacing)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add(self, widget: QWidget, stretch: bool = False, gap_before: int = 0) -> None:
        self.flow.add_widget(widget, stretch=stretch, gap_before=gap_before)


__all__ = ["FlowLayout", "FlowBar"]
