"""Where the user guide's pages are, in which order, and what each is called.

The pages are resources/help/<language>/<topic>.html (found through livestream_desk/resources.py,
so a wheel or a frozen build finds them too); pictures are in resources/help/images/<language>/.
A topic's title is its page's <title>.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ...languages import CHINESE, ENGLISH
from ...resources import resource_path

# The guide's order: a new page is one line here (and one file per language).
TOPICS = (
    "first-start",
    "products",
    "schedule",
    "live-console",
    "import-orders",
    "reports",
    "targets-cards",
    "backup",
)

# The topic F1 opens on each page of the main window.
PAGE_TOPICS = {
    "dashboard": "first-start",
    "schedule": "schedule",
    "catalogue": "products",
    "sales": "import-orders",
    "reports": "reports",
    "settings": "backup",
}

_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    path: Path


def guide_language(language: str) -> str:
    """The guide's folder for the window's language (Chinese unless English)."""
    return ENGLISH if language == ENGLISH else CHINESE


def guide_dir(language: str) -> Path:
    return resource_path("help", guide_language(language))


def topic_path(language: str, key: str) -> Path:
    return guide_dir(language) / f"{key}.html"


def topics(language: str) -> list[Topic]:
    """The guide's pages in order, with the titles their files give."""
    found = []
    for key in TOPICS:
        path = topic_path(language, key)
        match = _TITLE.search(path.read_text(encoding="utf-8"))
        title = html.unescape(match.group(1).strip()) if match else key
        found.append(Topic(key, title, path))
    return found


def topic_of(path: Path) -> str:
    """The topic key of a page's file ('' for a file that is not one of the guide's)."""
    return path.stem if path.suffix == ".html" and path.stem in TOPICS else ""


__all__ = ["TOPICS", "PAGE_TOPICS", "Topic", "topics", "topic_path", "topic_of", "guide_dir", "guide_language"]
