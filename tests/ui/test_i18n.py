"""Translations: the zh_CN catalogue is complete and current, loads, and is the default."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTableView

from livestream_desk import i18n
from livestream_desk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


def test_every_string_has_a_chinese_translation(script):
    ts = script.ts_path()
    assert ts == resource_path("i18n", "livestream_desk_zh_CN.ts")
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text
    assert script.unfinished(ts) == []
    assert len(script.messages(ts)) > 100


def _lupdate_available(script) -> bool:
    try:
        script.tool("lupdate")
        return True
    except SystemExit:
        return False


def test_the_catalogue_is_up_to_date_with_the_code(script):
    if not _lupdate_available(script):
        pytest.skip("pyside6-lupdate not available")
    missing, stale = script.out_of_date()
    assert not missing, f"run scripts/update_translations.py and translate: {sorted(missing)}"
    assert not stale, f"run scripts/update_translations.py to drop: {sorted(stale)}"


def test_the_built_catalogue_matches_its_source(script, tmp_path):
    ts, qm = script.ts_path(), script.qm_path()
    assert qm.exists(), "run scripts/update_translations.py"
    if not _lupdate_available(script):
        pytest.skip("pyside6-lrelease not available")
    # Content, not mtimes (a checkout sets every mtime): rebuilding must give the same file.
    rebuilt = tmp_path / "check.qm"
    script.run_lrelease(ts, rebuilt, quiet=True)
    assert rebuilt.read_bytes() == qm.read_bytes(), "the .qm is stale: run scripts/update_translations.py"


def test_the_qm_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.catalog_path()))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("Platform", "Douyin") == "抖音"


def test_chinese_by_default_and_english_on_request(qapp, monkeypatch):
    assert i18n.install_translators(qapp, None) == i18n.CHINESE
    assert QCoreApplication.translate("MainWindow", "Reports") == "报表"
    assert i18n.install_translators(qapp, "en") == i18n.ENGLISH
    assert QCoreApplication.translate("MainWindow", "Reports") == "Reports"
    assert i18n.current_language() == i18n.ENGLISH
    assert i18n.install_translators(qapp, "zh_CN") == i18n.CHINESE
    assert QCoreApplication.translate("MainWindow", "Reports") == "报表"


def test_the_system_locale_does_not_matter(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.resolve_language(None) == i18n.CHINESE


def test_qt_standard_buttons_are_chinese_too(qapp):
    qtbase = Path(i18n.qt_translations_dir()) / "qtbase_zh_CN.qm"
    if not qtbase.exists():
        pytest.skip("Qt's own translations are not installed")
    i18n.install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.parametrize(
    "given, expected",
    [("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("zh", "zh_CN"), ("en", "en"), ("en_US", "en"), ("fr", None), ("", None)],
)
def test_language_names_are_normalised(given, expected):
    assert i18n.normalise_language(given) == expected


def test_saved_choice_is_used_unless_the_command_line_says_otherwise(qapp):
    assert i18n.resolve_language(None) == i18n.CHINESE
    i18n.save_language("en")
    assert i18n.resolve_language(None) == i18n.ENGLISH
    assert i18n.resolve_language("zh_CN") == i18n.CHINESE
    assert i18n.resolve_language("klingon") == i18n.ENGLISH  # unknown: the saved choice


# Words that stay as they are in the Chinese interface.
_ALLOWED_LATIN = {"GMV", "CSV", "SQLite", "PostgreSQL", "pg_dump", "Excel", "USB", "kB", "MB", "GB", "KB", "English",
                  "PDF", "PNG", "GPM", "ROI", "UV", "xlsx", "csv", "png", "pdf", "A4", "ID"}  # file formats, §5 figures


def _latin_words(text: str) -> set[str]:
    text = re.sub(r"(/|[A-Za-z]:\\)[^\s，。：）]*", "", text)  # paths
    text = re.sub(r"&[A-Za-z]", "", text)  # mnemonics
    return {word for word in re.findall(r"[A-Za-z_]{2,}", text) if word not in _ALLOWED_LATIN}


def test_no_english_is_left_on_screen_in_chinese(qtbot, window_factory, sales_db):
    """Every page's labels, buttons, group titles, menus and table headers."""
    from livestream_desk.ui.screenshot import wait_until_idle

    window = window_factory(sales_db)
    window.show()
    for key in window.page_keys():
        window.show_page(key)
        assert wait_until_idle(window)
    settings = window.page("settings")
    data = {settings.revision_label, settings.location_label}  # data, not interface text

    def checked(widget) -> bool:
        return widget not in data

    texts = []
    for widget in window.findChildren(QLabel):
        if widget.isVisible() and checked(widget):
            texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        if checked(widget):
            texts.append(widget.text())
            texts.append(widget.toolTip())
            # A menu's mnemonic "(&T)" is not button text: 设置目标…, not 设置目标(T)…
            assert not re.search(r"\([A-Z]\)", widget.text()), widget.text()
    for widget in window.findChildren(QGroupBox):
        texts.append(widget.title())
    for key in window.page_keys():  # the Edit menu holds the actions of the page on screen
        window.show_page(key)
        for menu in window.menuBar().findChildren(QMenu):
            texts.append(menu.title())
            texts.extend(action.text() for action in menu.actions())
            texts.extend(action.statusTip() for action in menu.actions())
    for view in window.findChildren(QTableView):  # every table's headers (the reports page has several)
        model = view.model()
        if model is not None:
            texts.extend(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount(QModelIndex())))
    texts = [text for text in texts if isinstance(text, str)]  # a header may give a number or an icon
    leftovers = {text: _latin_words(text) for text in texts if text and _latin_words(text)}
    assert not leftovers, leftovers
