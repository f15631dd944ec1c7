"""Screenshots in a process that already has its QApplication (at 100%): a 150% picture is
rendered at that pixel ratio, with the same layout, and the language asked for."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage


def test_english_screenshots_at_150_percent(qtbot, sales_db, tmp_path):
    from livestream_desk.ui.screenshot import save_screenshots

    paths = save_screenshots(str(sales_db.path), tmp_path / "shots", lang="en", scale=1.5)
    assert len(paths) == 6
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "Dashboard"  # the window spoke English
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (2049, 1152), path.name
    # Drawn, not blank: the navigation bar's colour is on the left of the picture.
    image = QImage(str(paths[0]))
    from livestream_desk.ui import theme

    assert image.pixelColor(20, image.height() - 60).name() == theme.NAVIGATION_BACKGROUND
