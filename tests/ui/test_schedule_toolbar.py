"""The schedule's toolbar wraps in a narrow window (960 px, English, with icons) instead of
squeezing its buttons' words."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton

from livestream_desk import i18n

from .schedule_support import fixed_clock, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name


@pytest.mark.parametrize("width", [1216, 810])  # the page at 1366 px and at the window's minimum (960)
def test_no_toolbar_button_is_squeezed(qtbot, qapp, schedule_page, width):
    i18n.install_translators(qapp, "en")
    page = schedule_page
    from livestream_desk.ui import icons

    icons.decorate(page)
    page.resize(width, 560)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, page)
    buttons = [b for b in page.findChildren(QToolButton) if b.defaultAction() is not None and b.isVisible()]
    assert len(buttons) >= 8
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() <= page.width()
