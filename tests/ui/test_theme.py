"""The theme (ui/theme.py): one palette and stylesheet, the navigation's colour, the
platforms' colours shared by every page, chart and PDF."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from livestream_desk.db.models import Platform
from livestream_desk.ui import theme


@pytest.fixture
def themed_app(qapp):
    """The session's application with the theme, put back as it was afterwards."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    theme.apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty(theme.THEME_PROPERTY, False)


def test_the_theme_sets_palette_style_and_sheet(themed_app):
    assert themed_app.palette().color(QPalette.ColorRole.Window) == QColor(theme.WINDOW)
    assert themed_app.palette().color(QPalette.ColorRole.Base) == QColor(theme.BASE)
    assert themed_app.property(theme.THEME_PROPERTY)
    assert "QHeaderView::section" in themed_app.styleSheet()
    theme.apply_theme(themed_app)  # a second call changes nothing
    assert themed_app.styleSheet().count("QHeaderView::section") == 1


def test_the_navigation_is_a_coloured_bar(qtbot, themed_app, window_factory, db):
    window = window_factory(db)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=15_000)
    image = window.nav.grab().toImage()
    below_items = image.pixelColor(image.width() // 2, image.height() - 5)  # under the last entry
    assert below_items == QColor(theme.NAVIGATION_BACKGROUND)
    row = window.nav.currentRow()
    chosen = window.nav.visualItemRect(window.nav.item(row))
    assert image.pixelColor(chosen.right() - 3, chosen.center().y()) == QColor(theme.NAVIGATION_SELECTED)


def test_contrast_of_text_on_the_coloured_surfaces():
    def luminance(hex_colour: str) -> float:
        colour = QColor(hex_colour)
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    def ratio(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    assert ratio(theme.TEXT, theme.BASE) >= 7
    assert ratio(theme.SECONDARY_TEXT, theme.WINDOW) >= 4.5
    assert ratio(theme.NAVIGATION_TEXT, theme.NAVIGATION_BACKGROUND) >= 4.5
    assert ratio(theme.NAVIGATION_SELECTED_TEXT, theme.NAVIGATION_SELECTED) >= 4.5
    assert ratio(theme.TEXT, theme.HEADER_BACKGROUND) >= 7
    assert ratio(theme.TEXT, theme.SELECTION_BACKGROUND) >= 7
    assert ratio(theme.TEXT, theme.PROGRESS) >= 4.5


def test_one_set_of_platform_colours_everywhere():
    from livestream_desk.ui.exports import report_pdf
    from livestream_desk.ui.schedule import texts

    assert set(theme.PLATFORM_COLOURS) == set(Platform.ALL)
    colours = [QColor(c) for c in theme.PLATFORM_COLOURS.values()]
    for i, a in enumerate(colours):  # told apart side by side in a stacked bar (淘宝 and 快手 were not)
        for b in colours[i + 1:]:
            distance = ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5
            assert distance >= 80, (a.name(), b.name())
    assert texts.PLATFORM_COLOURS is theme.PLATFORM_COLOURS
    assert report_pdf.PLATFORM_COLOURS is theme.PLATFORM_COLOURS
    assert texts.platform_colour(Platform.JD) == QColor(theme.PLATFORM_COLOURS[Platform.JD])
    assert theme.platform_colour("no such platform") == QColor(theme.PLATFORM_COLOURS[Platform.OTHER])


def test_theme_loads_before_sqlalchemy():
    """It is applied at start, before the database layer loads (DESIGN §10)."""
    import subprocess
    import sys

    code = "import sys, livestream_desk.ui.theme; print('sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
