"""The first-start tour: offered once on a fresh start, 不再显示 for good, again from Help → 新手引导."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from livestream_desk.ui.help.tour import TOUR_DONE, FirstStartTour, tour_done

ROOT = Path(__file__).resolve().parents[2]


def _shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    return window


def _click(qtbot, button) -> None:
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_tour_shows_on_a_fresh_start_and_walks_through_the_main_places(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    assert not tour_done()
    tour = window.offer_first_start_tour()
    assert isinstance(tour, FirstStartTour) and tour.isVisible()
    assert tour.geometry() == window.rect()  # over the whole window, not a window of its own
    callout = tour.callout
    assert callout.count_label.text() == "第 1 步，共 4 步"
    assert callout.next_button.text() == "下一步"
    assert callout.skip_button.text() == "跳过" and callout.never_button.text() == "不再显示"
    # Step 1 points at the navigation; the callout sits beside it, inside the window.
    assert tour.current_target().contains(window.nav.geometry().center())
    assert callout.geometry().left() > window.nav.geometry().right()
    assert window.rect().contains(callout.geometry())

    pages = []
    for _ in range(3):
        _click(qtbot, callout.next_button)
        pages.append(window.current_page_key())
        item = window.nav.item(window.page_keys().index(window.current_page_key()))
        item_rect = window.nav.visualItemRect(item)
        item_centre = window.nav.viewport().mapTo(window, item_rect.center())
        assert tour.current_target().contains(item_centre)  # it points at that page's entry
        assert window.rect().contains(callout.geometry())
        qtbot.waitUntil(lambda: callout.text_label.height() >= callout.text_label.heightForWidth(
            callout.text_label.width()), timeout=2000)  # the whole wrapped text shows
    assert pages == ["catalogue", "schedule", "sales"]
    assert "导入订单" in callout.text_label.text() and "F1" in callout.text_label.text()
    assert callout.next_button.text() == "完成"
    _click(qtbot, callout.next_button)
    qtbot.waitUntil(lambda: window.tour is None, timeout=2000)
    assert window.current_page_key() == "dashboard"  # back where the user was
    assert tour_done()  # finished: not offered again
    assert window.offer_first_start_tour() is None


def test_dont_show_again_is_stored_and_the_next_start_has_no_tour(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    tour = window.offer_first_start_tour()
    _click(qtbot, tour.callout.never_button)
    qtbot.waitUntil(lambda: window.tour is None, timeout=2000)
    assert QSettings().value(TOUR_DONE, False, type=bool) is True
    window.close()
    next_start = _shown(qtbot, window_factory(db))
    assert next_start.offer_first_start_tour() is None
    assert next_start.tour is None


def test_skip_closes_it_for_now_only(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    tour = window.offer_first_start_tour()
    _click(qtbot, tour.callout.next_button)
    _click(qtbot, tour.callout.skip_button)
    qtbot.waitUntil(lambda: window.tour is None, timeout=2000)
    assert window.current_page_key() == "dashboard"
    assert not tour_done()
    assert window.offer_first_start_tour() is not None  # offered again next time


def test_escape_skips_and_the_window_is_usable_again(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    tour = window.offer_first_start_tour()
    qtbot.keyClick(tour.callout.next_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tour is None, timeout=2000)
    assert not tour.isVisible()
    window.show_page("reports")
    assert window.current_page_key() == "reports"


def test_help_menu_starts_the_tour_again_even_after_dont_show_again(window_factory, db, qtbot):
    from livestream_desk.ui.help.tour import set_tour_done

    set_tour_done()
    window = _shown(qtbot, window_factory(db))
    assert window.offer_first_start_tour() is None
    assert window.tour_action in window.help_menu.actions()
    assert window.tour_action.text() == "新手引导(&G)" and window.tour_action.isEnabled()
    window.tour_action.trigger()
    assert isinstance(window.tour, FirstStartTour) and window.tour.isVisible()
    assert window.tour.callout.count_label.text() == "第 1 步，共 4 步"


def test_a_window_built_without_remembering_state_never_offers_it(window_factory, db, qtbot):
    window = window_factory(db, remember_state=False)  # screenshots, the smoke test
    assert window.offer_first_start_tour() is None
    assert window.start_tour() is not None  # asked for, it still comes


def test_windows_built_by_tests_do_not_start_it_by_themselves(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    qtbot.wait(50)
    assert window.tour is None and not window.findChildren(FirstStartTour)


def test_the_tour_follows_the_window_size(window_factory, db, qtbot):
    window = _shown(qtbot, window_factory(db))
    tour = window.start_tour()
    window.resize(window.width() + 120, window.height() + 40)
    qtbot.waitUntil(lambda: tour.geometry() == window.rect(), timeout=2000)
    assert window.rect().contains(tour.callout.geometry())


def test_the_real_start_shows_the_tour_once(tmp_path, db_path):
    """app.run_gui offers it after the first start's pages are built; 不再显示 keeps it away."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LIVESTREAM_DESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # the child's QSettings
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from livestream_desk import app as app_module\n"
        "from livestream_desk.ui.main_window import MainWindow\n"
        "def check():\n"
        "    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))\n"
        "    if window.database is None:\n"
        "        QTimer.singleShot(50, check)\n"
        "        return\n"
        "    tour = window.tour\n"
        "    print('tour' if tour is not None and tour.isVisible() else 'no tour')\n"
        "    if tour is not None:\n"
        "        tour.callout.never_button.click()\n"
        "    window.close()\n"
        "QTimer.singleShot(0, check)\n"
        f"sys.exit(app_module.run_gui({str(db_path)!r}, 'zh_CN'))\n"
    )
    for expected in ("tour", "no tour"):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                                env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == expected, result.stderr
    assert QApplication.instance() is not None
