"""Reading the translations for the command line, without Qt.

The GUI loads the compiled ``.qm`` into Qt; the CLI reads the same ``.ts`` source of that
catalogue here (a few milliseconds, once), so both speak the same words.
"""
from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Callable, Optional

Translate = Callable[[str, str], str]


def english(_context: str, text: str) -> str:
    return text


@functools.lru_cache(maxsize=4)
def _load(lang: str) -> dict[tuple[str, str], str]:
    from ..resources import resource_path

    try:
        path = resource_path("i18n", f"livestream_desk_{lang}.ts")
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError, FileNotFoundError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


def catalogue_translator(lang: Optional[str]) -> Translate:
    """A `translate(context, source)` for `lang` ('zh_CN', 'en'…); English when none is found."""
    if not lang or lang.lower().startswith("en"):
        return english
    table = _load("zh_CN" if lang.lower().startswith("zh") else lang)

    def translate(context: str, text: str) -> str:
        return table.get((context, text), text)

    return translate
