"""A cancelled livestream's chip in the month view is struck through over its whole text, in its
own chip (QStaticText drew a font's strike-out over the first script run only, and cached it
in the wrong place: a stray line in the cell to the left)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QColor, QFont

from livestream_desk.app import chinese_fonts

from livestream_desk.services import schedule

from .schedule_support import fixed_clock, people, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name


def _longest_dark_run(image, y: int, left: int, right: int) -> int:
    """The longest run of dark pixels (text, lines; not the tints or the grid) on row `y`."""
    longest = run = 0
    for x in range(left, right):
        if QColor(image.pixel(x, y)).lightness() < 180:
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    return longest


def test_a_cancelled_chip_is_struck_through_in_its_own_place(qtbot, schedule_page, db):
    page = schedule_page
    host, _, douyin, kuaishou = people(db)
    for day in (1, 2):  # two Decembers days in November's grid: one stays planned, one is cancelled
        schedule.create_livestream(db, schedule.LivestreamInput(
            "皇菊专场", "kuaishou", datetime(2026, 12, day, 10, 0), 120, account_id=kuaishou, host_id=host))
    cancelled = schedule.create_livestream(db, schedule.LivestreamInput(
        "婺源皇菊专场", "douyin", datetime(2026, 12, 3, 20, 0), 120, account_id=douyin, host_id=host)).livestream_id
    schedule.cancel_livestream(db, cancelled)
    page.refresh()
    wait_idle(qtbot, page)
    view = page.month_view
    font = QFont(view.font())  # the app's Chinese font (app.configure_fonts), where it went wrong
    font.setFamilies(chinese_fonts() + font.families())
    view.setFont(font)
    view.visible_ids()  # laid out
    for _ in range(2):  # twice: the second paint uses the laid-out texts cached by the first
        view.repaint()
        image = view.grab().toImage()
    assert image.width() == view.width()  # one device pixel a pixel (offscreen)

    items = {item.row.id: item for item in view._items}
    struck = items[cancelled].rect
    text_width = struck.width() - 16
    rows = range(struck.top() + 2, struck.bottom() - 1)
    longest = max(_longest_dark_run(image, y, struck.left() + 8, struck.right() - 1) for y in rows)
    assert longest >= 0.6 * text_width, "the line runs through the whole text, Chinese included"
    for item in items.values():
        if item.row.id == cancelled:
            continue
        rect = item.rect
        others = max(_longest_dark_run(image, y, rect.left() + 8, rect.right() - 1) for y in range(rect.top() + 2, rect.bottom() - 1))
        assert others < 0.4 * text_width, "no line through the livestreams that were not cancelled"
    # Nothing drawn to the left of the cancelled chip in its row (in the cell of 2 December, past its chip).
    for y in rows:
        assert _longest_dark_run(image, y, struck.left() - 40, struck.left() - 4) < 20
