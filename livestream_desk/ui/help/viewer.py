"""The user guide's window: the topics on the left, the page in a QTextBrowser on the right.

Offline by construction: pages and pictures are files in the resources folder, links
between topics are relative file links, and a link to anything else (http…) is not followed.
One window per main window; F1 raises it again, at the topic of the page on screen.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .guide import guide_dir, topic_of, topics

DEFAULT_SIZE = QSize(1100, 720)  # the pictures are 840 px wide: no sideways scrolling

# What QTextBrowser draws well: headings, paragraphs, lists, tables, images.
STYLE = """
body { line-height: 150%; }
h1 { font-size: x-large; margin-bottom: 8px; }
h2 { font-size: large; margin-top: 18px; }
p, li { margin-top: 3px; margin-bottom: 3px; }
table { margin-top: 6px; margin-bottom: 6px; }
th { background-color: #f0f0f0; }
.tip { background-color: #e6f4ff; }
.caption { color: #666666; }
kbd { font-family: monospace; }
"""


class HelpBrowser(QTextBrowser):
    """Follows links inside the guide only: a file link to another topic or an anchor."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpBrowser")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl) -> None:
        target = self.source().resolved(url) if url.isRelative() else url
        if target.isLocalFile():  # never the network: the guide is all on this PC
            self.setSource(target)


class HelpWindow(QDialog):
    """`HelpWindow(language, parent)`; `show_topic(key)` shows one of guide.TOPICS."""

    def __init__(self, language: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)  # its own window, beside the main one
        self.setWindowTitle(self.tr("User Guide"))
        self.language = language
        self.topics = topics(language)

        self.contents = QListWidget(self)
        self.contents.setObjectName("helpContents")
        for topic in self.topics:
            item = QListWidgetItem(topic.title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, topic.key)
        self.contents.setMinimumWidth(150)
        self.contents.setSpacing(3)
        self.contents.setWordWrap(True)  # long English titles wrap instead of scrolling sideways
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = HelpBrowser(self)
        self.browser.setSearchPaths([str(guide_dir(language))])

        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.forward_button = QPushButton(self.tr("Forward"), self)
        self.forward_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.back_button, self.forward_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the contents list must not press one
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.close_button.clicked.connect(self.close)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, DEFAULT_SIZE.width() - 190])
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forward_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.contents.currentRowChanged.connect(self._on_topic_chosen)
        self.browser.sourceChanged.connect(self._on_source_changed)
        self.resize(self._default_size())
        self.show_topic(self.topics[0].key)

    def _default_size(self) -> QSize:
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry()
        return DEFAULT_SIZE.boundedTo(QSize(available.width() - 60, available.height() - 60))

    def show_topic(self, key: str, anchor: str = "") -> None:
        topic = next((t for t in self.topics if t.key == key), self.topics[0])
        url = QUrl.fromLocalFile(str(topic.path))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_topic(self) -> str:
        return topic_of(Path(self.browser.source().toLocalFile()))

    def _on_topic_chosen(self, row: int) -> None:
        if 0 <= row < len(self.topics) and self.topics[row].key != self.current_topic():
            self.show_topic(self.topics[row].key)

    def _on_source_changed(self, url: QUrl) -> None:
        key = topic_of(Path(url.toLocalFile()))  # source() still answers the old page here
        rows = [t.key for t in self.topics]
        if key in rows and self.contents.currentRow() != rows.index(key):
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(rows.index(key))
            self.contents.blockSignals(False)
        title = next((t.title for t in self.topics if t.key == key), "")
        self.setWindowTitle(self.tr("User Guide — {topic}").format(topic=title) if title else self.tr("User Guide"))


__all__ = ["HelpWindow", "HelpBrowser"]
