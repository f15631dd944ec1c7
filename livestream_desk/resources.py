"""Finds the `resources/` folder from a source checkout, an installed wheel or a frozen build."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found = []
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data here
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(_PACKAGE_DIR / "_resources")  # installed wheel (see pyproject force-include)
    found.append(_PACKAGE_DIR.parent / "resources")  # source checkout / editable install
    return found


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    for candidate in _candidates():
        if (candidate / "i18n").is_dir():
            return candidate
    searched = ", ".join(str(p) for p in _candidates())
    raise FileNotFoundError(f"livestream_desk resources not found (looked in {searched})")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
