"""How the product table paints a cell: straight from the model's prepared cells.

The table is repainted whole after every key typed in the search box (about 20 rows × 13
columns at 1366×768). QStyledItemDelegate's way costs ~30 µs a cell: a call into the model's
Python for every cell's roles, then the style lays the text out with QTextLayout three times
(to size the parts of an item, to elide, to draw). `ProductCellDelegate` reads the cell the
worker thread prepared (table_model.build_cells: text, alignment, colours, font) and draws
it with one fillRect and one drawText; the widths of texts and their elided forms are kept
per font, so a text is measured once. It draws what the style draws for such a cell (no icon,
no check box): the background (selection over the low-stock colour), the text in the cell's
colour (the selection's text colour when selected), cut with "…" when too wide, inside the
style's text margin. A cell the style draws differently (the focused one, right-to-left
layouts) is left to QStyledItemDelegate. Tooltips and sizes are QStyledItemDelegate's.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .table_model import ProductTableModel

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)

# The state flags as plain ints (tested for every cell: Python's enum operators cost more).
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUSED = QStyle.StateFlag.State_HasFocus.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_LEFT_TO_RIGHT = Qt.LayoutDirection.LeftToRight
_GROUPS = {  # (enabled, active) → the palette's colour group, as the style picks it
    (True, True): QPalette.ColorGroup.Active,
    (True, False): QPalette.ColorGroup.Inactive,
    (False, True): QPalette.ColorGroup.Disabled,
    (False, False): QPalette.ColorGroup.Disabled,
}
_CACHE_LIMIT = 20_000  # texts measured (and elided forms) kept before starting afresh


class ProductCellDelegate(QStyledItemDelegate):
    """Paints the cells of a ProductTableModel (see the module's docstring); `elide_mode`
    says where a text too wide is cut."""

    elide_mode = Qt.TextElideMode.ElideRight

    def __init__(self, model: ProductTableModel, view: QWidget) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._font: Optional[QFont] = None
        self._metrics = _Metrics(QFont())
        self._cell_fonts: dict[str, tuple[QFont, _Metrics]] = {}  # a cell's own font (FontRole) over the view's
        # (text, font key or "") → (width, ascent, line height): see _Metrics.measure
        self._measures: dict[tuple[str, str], tuple[float, float, int]] = {}
        self._elided: dict[tuple[str, int, str], tuple[str, tuple[float, float, int]]] = {}  # → the cut text, its measures
        self._margin = 0
        self._left_to_right = False  # (until begin_paint: the style paints)
        # state & (enabled | active) → (selection brush, selected text colour, text colour)
        self._colours: dict[int, tuple[QBrush, QColor, QColor]] = {}

    def begin_paint(self) -> None:
        """Called by the view before it paints: takes up a changed font or style."""
        font = self._view.font()
        if self._font is None or font != self._font:
            self._font = QFont(font)
            self._metrics = _Metrics(font)
            self._cell_fonts.clear()
            self._measures.clear()
            self._elided.clear()
        # QCommonStyle's margin around an item's text (viewItemDrawText).
        self._margin = self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        # The view's layout direction and palette, which it gives every cell (initViewItemOption).
        self._left_to_right = self._view.layoutDirection() == _LEFT_TO_RIGHT
        palette = self._view.palette()
        self._colours = {}
        for (enabled, active), group in _GROUPS.items():
            self._colours[(_ENABLED if enabled else 0) | (_ACTIVE if active else 0)] = (
                palette.brush(group, QPalette.ColorRole.Highlight),
                palette.color(group, QPalette.ColorRole.HighlightedText),
                palette.color(group, QPalette.ColorRole.Text),
            )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state.value
        if not self._left_to_right or state & _FOCUSED or index.model() is not self._model:
            super().paint(painter, option, index)
            return
        cell = self._model.cell(index.row(), index.column())
        rect = option.rect
        selection, selected_text, text_colour = self._colours[state & (_ENABLED | _ACTIVE)]
        if state & _SELECTED:
            painter.fillRect(rect, selection)
            colour = selected_text
        else:
            background = cell.get(_BACKGROUND)
            if background is not None:
                painter.fillRect(rect, background)
            foreground = cell.get(_FOREGROUND)
            colour = foreground.color() if foreground is not None else text_colour
        text = cell.get(_DISPLAY)
        if not text:
            return
        cell_font = cell.get(_FONT)
        if cell_font is None:
            font_key, metrics = "", self._metrics
        else:  # as initStyleOption does: the cell's font over the view's
            font_key = cell_font.key()
            known = self._cell_fonts.get(font_key)
            if known is None:
                resolved = cell_font.resolve(self._font)
                known = self._cell_fonts[font_key] = (resolved, _Metrics(resolved))
            cell_font, metrics = known
        x, y, cell_width, cell_height = rect.getRect()
        margin = self._margin
        left = x + margin
        room = cell_width - 2 * margin
        measure = self._measures.get((text, font_key))
        if measure is None:
            if len(self._measures) > _CACHE_LIMIT:
                self._measures.clear()
            measure = self._measures[(text, font_key)] = metrics.measure(text)
        if measure[0] > room:
            key = (text, room, font_key)
            cut = self._elided.get(key)
            if cut is None:
                if len(self._elided) > _CACHE_LIMIT:
                    self._elided.clear()
                shown = metrics.elided(text, self.elide_mode, room)
                cut = self._elided[key] = (shown, metrics.measure(shown))
            line_height = measure[2]  # the whole text's line is placed, the cut text drawn in it
            text, (width, ascent, _height) = cut
        else:
            width, ascent, line_height = measure
        # Where QCommonStyle puts the text: a line as high as the text's fonts, placed in the
        # text rectangle as aligned, at whole pixels vertically; the text aligned in the line.
        across, down = _placement(cell.get(_ALIGNMENT, _DEFAULT_ALIGNMENT))
        top = y + int((cell_height - line_height) * down)
        baseline = QPointF(left + (room - width) * across, top + ascent)
        painter.setPen(colour)
        if cell_font is None:
            painter.drawText(baseline, text)
        else:
            painter.save()
            painter.setFont(cell_font)
            painter.drawText(baseline, text)
            painter.restore()


class _Metrics:
    """A font's measures of a text as the style's text layout takes them."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.elided = QFontMetricsF(font).elidedText
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.ManualWrap)

    def measure(self, text: str) -> tuple[float, float, int]:
        """(its width, its line's ascent, the line's height in whole pixels): the line's
        measures depend on the fonts drawing the text (Chinese may come from a fallback font)."""
        layout = QTextLayout(text, self.font)
        layout.setTextOption(self._option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        return line.naturalTextWidth(), line.ascent(), round(line.height())


_DEFAULT_ALIGNMENT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_placements: dict[int, tuple[float, float]] = {}


def _placement(alignment: int) -> tuple[float, float]:
    """(across, down): the share of the free width left of the text, of the free height above it."""
    found = _placements.get(alignment)
    if found is None:
        flags = Qt.AlignmentFlag(int(alignment))
        across = 1.0 if flags & Qt.AlignmentFlag.AlignRight else 0.5 if flags & Qt.AlignmentFlag.AlignHCenter else 0.0
        down = 1.0 if flags & Qt.AlignmentFlag.AlignBottom else 0.0 if flags & Qt.AlignmentFlag.AlignTop else 0.5
        found = _placements[int(alignment)] = (across, down)
    return found


class MiddleElideDelegate(ProductCellDelegate):
    """Cut text in the middle ("约1.5斤…冷冻"): for values whose start and end both matter."""

    elide_mode = Qt.TextElideMode.ElideMiddle


__all__ = ["ProductCellDelegate", "MiddleElideDelegate"]
