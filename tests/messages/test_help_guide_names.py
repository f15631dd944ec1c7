"""The user guide (resources/help) names only menus, buttons and fields the app really shows.

In the guide's pages a UI name is written in bold (<b>…</b>), a menu path as “File → Import
Products”. Every part must be a text of the app: a zh_CN translation in the Chinese pages, an
English source text in the English ones (without the &-accelerator and the trailing …).
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.messages.test_readme_menu_names import shown

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "resources" / "help"
BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def app_texts() -> dict[str, set[str]]:
    tree = ET.parse(ROOT / "resources" / "i18n" / "livestream_desk_zh_CN.ts")
    messages = list(tree.iter("message"))
    return {
        "zh_CN": {shown(m.findtext("translation") or "") for m in messages} - {""},
        "en": {shown(m.findtext("source") or "") for m in messages} - {""},
    }


def quoted_names(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [html.unescape(TAG.sub("", name)).strip() for name in BOLD.findall(text)]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_name_the_guide_quotes_is_a_text_of_the_app(language):
    known = app_texts()[language]
    pages = sorted((HELP / language).glob("*.html"))
    assert len(pages) >= 8
    checked = 0
    for page in pages:
        for name in quoted_names(page):
            for part in (p.strip() for p in name.split("→")):
                assert shown(part) in known, f"{page.relative_to(ROOT)}: “{part}” is not a text the app shows"
                checked += 1
    assert checked > 100  # the guide does quote the app's own words


def test_the_check_catches_a_made_up_name(tmp_path):
    page = tmp_path / "made-up.html"
    page.write_text("<p>点 <b>文件 → 一键发货</b>。</p>", encoding="utf-8")
    known = app_texts()["zh_CN"]
    parts = [p.strip() for name in quoted_names(page) for p in name.split("→")]
    assert parts == ["文件", "一键发货"]
    assert "文件" in known and "一键发货" not in known


def test_both_languages_have_the_same_pages_and_anchors():
    def anchors(page: Path) -> set[str]:
        return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))

    chinese = {p.name: anchors(p) for p in (HELP / "zh_CN").glob("*.html")}
    english = {p.name: anchors(p) for p in (HELP / "en").glob("*.html")}
    assert chinese == english


def test_the_wheel_and_the_frozen_build_carry_the_guide():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources/help" = "livestream_desk/_resources/help"' in pyproject
    spec = (ROOT / "packaging" / "livestream_desk.spec").read_text(encoding="utf-8")
    # The spec takes every folder of resources/ except the README's screenshots.
    assert 'for folder in sorted((ROOT / "resources").iterdir())' in spec
    assert 'folder.name != "screenshots"' in spec


def test_the_pictures_are_small():
    pictures = list((HELP / "images").rglob("*.png"))
    assert pictures
    assert sum(p.stat().st_size for p in pictures) < 3_000_000
