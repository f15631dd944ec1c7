"""The resources resolver (livestream_desk/resources.py) finds resources/ where each kind of
install puts it; the frozen build itself is checked by scripts/check_frozen.py (CI)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from livestream_desk import resources


@pytest.fixture
def fresh_resolver():
    resources.resources_dir.cache_clear()
    yield resources
    resources.resources_dir.cache_clear()


def test_a_source_checkout_finds_the_top_level_folder(fresh_resolver, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    found = fresh_resolver.resources_dir()
    assert (found / "i18n" / "livestream_desk_zh_CN.qm").is_file()
    assert (found / "i18n" / "livestream_desk_zh_CN.ts").is_file()  # the CLI reads the .ts


def test_a_frozen_build_uses_its_own_copy_first(fresh_resolver, monkeypatch, tmp_path):
    """PyInstaller's one-folder build puts the data in _internal/ and names it sys._MEIPASS;
    packaging/livestream_desk.spec copies resources/ there as resources/."""
    bundled = tmp_path / "_internal" / "resources"
    (bundled / "i18n").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert fresh_resolver.resources_dir() == bundled
    assert fresh_resolver.resource_path("i18n", "x.qm") == bundled / "i18n" / "x.qm"


def test_a_frozen_folder_without_the_copy_is_skipped(fresh_resolver, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)  # no resources/ inside
    assert fresh_resolver.resources_dir() == Path(resources.__file__).resolve().parent.parent / "resources"
