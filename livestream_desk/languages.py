"""Language names and the system's language, without Qt (the CLI uses them too)."""
from __future__ import annotations

import locale
import os
from typing import Mapping, Optional

CHINESE = "zh_CN"
ENGLISH = "en"


def normalise_language(value: Optional[str]) -> Optional[str]:
    """'zh', 'zh-CN', 'zh_Hans_CN' → 'zh_CN'; 'en', 'en_US' → 'en'; anything else → None."""
    if not value:
        return None
    text = str(value).strip().replace("-", "_").lower()
    if text.startswith(("zh", "chinese")):
        return CHINESE
    if text.startswith(("en", "english")) or text.split(".")[0] in ("c", "posix"):
        return ENGLISH
    return None


def system_language(environ: Optional[Mapping[str, str]] = None) -> str:
    """Chinese on a Chinese locale, else English.

    POSIX order: LC_ALL, then LC_MESSAGES, then LANG (the first that is set decides);
    without any (Windows), the locale Python reports.
    """
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return CHINESE if normalise_language(value) == CHINESE else ENGLISH
    try:
        current = locale.getlocale()[0]
    except ValueError:
        current = None
    return CHINESE if normalise_language(current) == CHINESE else ENGLISH


__all__ = ["CHINESE", "ENGLISH", "normalise_language", "system_language"]
