"""Menu paths the README names (“文件 → 下载商品导入模板”) are the menus the app shows in Chinese."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MENU_PATH = re.compile(r"“([^”→]+(?:\s*→\s*[^”→]+)+)”")
ACCELERATOR = re.compile(r"\(&.\)")


def shown(text: str) -> str:
    """A translation as the menu shows it: no (&T) accelerator, no trailing …"""
    return ACCELERATOR.sub("", text).replace("&", "").rstrip("…").strip()


def menu_texts() -> set[str]:
    tree = ET.parse(ROOT / "resources" / "i18n" / "livestream_desk_zh_CN.ts")
    return {shown(m.findtext("translation") or "") for m in tree.iter("message")} - {""}


def test_readme_menu_paths_name_real_menu_entries():
    paths = MENU_PATH.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert paths, "the README names at least one menu path"
    known = menu_texts()
    for path in paths:
        for part in (p.strip() for p in path.split("→")):
            assert part in known, f"README menu path “{path}”: “{part}” is not a menu text of the app"
