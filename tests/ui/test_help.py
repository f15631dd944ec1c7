"""Help → 使用说明 (F1): the guide in the window's language, its pictures and its links."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication

from livestream_desk import i18n
from livestream_desk.ui.help.guide import TOPICS, guide_dir, topics
from livestream_desk.ui.help.viewer import HelpWindow


def _image_names(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return names


def _open_with_f1(window, qtbot) -> HelpWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)  # shortcuts need it
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(), timeout=3000)
    return window.help_window


def test_f1_opens_the_guide_in_chinese(window_factory, demo_db, qtbot):
    window = window_factory(demo_db, remember_state=False)
    assert window.help_action.shortcut().toString() == "F1"
    assert window.help_action in window.help_menu.actions()
    assert window.help_action.text().startswith("使用说明")
    help_window = _open_with_f1(window, qtbot)
    titles = [help_window.contents.item(i).text() for i in range(help_window.contents.count())]
    assert titles[:2] == ["第一次使用", "商品和商品导入"] and len(titles) == len(TOPICS)
    # F1 on the dashboard opens the first-start topic; on the catalogue, the products topic.
    assert help_window.current_topic() == "first-start"
    assert "载入演示数据" in help_window.browser.toPlainText()
    assert help_window.windowTitle() == "使用说明 — 第一次使用"
    window.show_page("catalogue")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert help_window.current_topic() == "products"
    assert help_window.contents.currentItem().text() == "商品和商品导入"
    assert window.show_help() is help_window  # one guide window, raised again


def test_f1_opens_the_guide_in_english(window_factory, demo_db, qtbot, qapp):
    i18n.install_translators(qapp, i18n.ENGLISH)
    window = window_factory(demo_db, remember_state=False)
    help_window = _open_with_f1(window, qtbot)
    assert help_window.contents.item(0).text() == "First start"
    assert "Load demo data" in help_window.browser.toPlainText()
    assert "载入演示数据" not in help_window.browser.toPlainText()
    assert help_window.windowTitle() == "User Guide — First start"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_picture_of_the_guide_loads(qtbot, language):
    help_window = HelpWindow(language)
    qtbot.addWidget(help_window)
    help_window.show()
    seen = 0
    for topic in TOPICS:
        help_window.show_topic(topic)
        help_window.browser.grab()  # lays the page out: every picture is asked for
        document = help_window.browser.document()
        for name in _image_names(document):
            url = help_window.browser.source().resolved(QUrl(name))
            assert Path(url.toLocalFile()).is_file(), f"{topic}: {name} is missing"
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            assert image is not None and not image.isNull(), f"{topic}: {name} did not load"
            assert f"/images/{language}/" in url.toLocalFile()  # the pictures of its own language
            seen += 1
    assert seen >= 8


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_links_between_topics_lead_to_pages_and_anchors_that_exist(language):
    pages = {path.name: path.read_text(encoding="utf-8") for path in guide_dir(language).glob("*.html")}
    links = 0
    for name, text in pages.items():
        for href in re.findall(r'href="([^"]+)"', text):
            assert "://" not in href, f"{name}: {href} leaves the guide"
            target, _, anchor = href.partition("#")
            assert target in pages, f"{name}: {href} leads nowhere"
            if anchor:
                assert f'id="{anchor}"' in pages[target], f"{name}: {href} has no such anchor"
            links += 1
    assert links >= 10


def test_clicking_a_link_shows_that_topic_and_the_contents_follow(qtbot):
    help_window = HelpWindow(i18n.CHINESE)
    qtbot.addWidget(help_window)
    help_window.show()
    help_window.show_topic("live-console")
    help_window.browser.anchorClicked.emit(QUrl("schedule.html#lineup"))
    assert help_window.current_topic() == "schedule"
    assert help_window.browser.source().fragment() == "lineup"
    assert help_window.contents.currentItem().text() == "安排直播和排品"
    assert help_window.back_button.isEnabled()
    help_window.back_button.click()
    assert help_window.current_topic() == "live-console"
    # Choosing a topic in the contents shows it.
    help_window.contents.setCurrentRow(TOPICS.index("backup"))
    assert help_window.current_topic() == "backup"
    assert "备份" in help_window.browser.toPlainText()
    # A link out of the guide is not followed: the guide is offline.
    help_window.browser.anchorClicked.emit(QUrl("https://example.com/"))
    assert help_window.current_topic() == "backup"


def test_every_topic_has_a_title_in_both_languages():
    for language in (i18n.CHINESE, i18n.ENGLISH):
        titles = [topic.title for topic in topics(language)]
        assert len(set(titles)) == len(TOPICS)
        assert all(title and title not in TOPICS for title in titles)
