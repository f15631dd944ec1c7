"""The message table: code → English source text, one module per area of the app.

Each module here defines ``TEXTS = {code: QT_TRANSLATE_NOOP("Messages", "text {param}")}``;
the marker lets ``pyside6-lupdate`` collect the texts into the translation catalogue
(scripts/update_translations.py), where each gets its Chinese text. Modules are found by
name, so an area adds its own file without touching this one. Codes are ``area.what``.
"""
from __future__ import annotations

import importlib
import pkgutil


def _collect() -> dict[str, str]:
    table: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for code, text in module.TEXTS.items():
            if code in table:
                raise RuntimeError(f"message code {code!r} is defined twice ({info.name})")
            table[code] = text
    return table


TEXTS: dict[str, str] = _collect()
