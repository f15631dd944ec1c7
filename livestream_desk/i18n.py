"""Choosing the interface language and loading the Qt translations.

Source strings are English; the window speaks Chinese (zh_CN) by default whatever the system
locale says, because its users are Chinese sellers on PCs that are not always set up in
Chinese. `--lang en` (or the language chosen in Settings, applied at the next start) gives
the English source strings. The command line follows the system locale instead
(`languages.system_language`).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .languages import CHINESE, ENGLISH, normalise_language
from .resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = CHINESE
SUPPORTED_LANGUAGES = (CHINESE, ENGLISH)
LANGUAGE_SETTING = "ui/language"  # QSettings key, read at start-up
CATALOG_BASENAME = "livestream_desk"

# Language names are shown in their own language, never translated.
LANGUAGE_NAMES = {CHINESE: "中文", ENGLISH: "English"}

# The translators currently installed; kept referenced (Qt does not own them) and removed
# again when another language is installed in the same process (tests switch languages).
_installed: list[QTranslator] = []


def saved_language() -> Optional[str]:
    """The language chosen in Settings (QSettings "ui/language"), if any."""
    return normalise_language(QSettings().value(LANGUAGE_SETTING, "", type=str))


def save_language(lang: str) -> None:
    normalised = normalise_language(lang)
    if normalised is None:
        raise ValueError(f"unsupported language {lang!r}")
    QSettings().setValue(LANGUAGE_SETTING, normalised)


def resolve_language(requested: Optional[str]) -> str:
    """The command line wins, then the Settings choice, then Chinese."""
    explicit = normalise_language(requested)
    if requested and explicit is None:
        log.warning("unknown language %r; using %s", requested, DEFAULT_LANGUAGE)
    return explicit or saved_language() or DEFAULT_LANGUAGE


def catalog_path(lang: str = CHINESE) -> Path:
    """The compiled app translation (.qm) for `lang`."""
    return resource_path("i18n", f"{CATALOG_BASENAME}_{lang}.qm")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication, lang: Optional[str] = None) -> str:
    """Install the translators for `lang` (resolved as `resolve_language`); returns it.

    Loads the app's own catalogue and Qt's `qtbase_zh_CN.qm` (standard dialog buttons:
    确定 / 取消) when it is available. Safe to call again: earlier translators are removed.
    """
    language = resolve_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    own = QTranslator(app)
    path = catalog_path(language)
    if own.load(str(path)):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("translation %s not found or unreadable; showing English", path)

    qt_dir = qt_translations_dir()
    qt_base = QTranslator(app)
    if qt_dir and qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    else:
        log.info("Qt's own %s translation not found in %r", language, qt_dir)
    return language


def current_language() -> str:
    """The language of the installed translators."""
    return CHINESE if _installed else ENGLISH


__all__ = [
    "CHINESE",
    "ENGLISH",
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "LANGUAGE_SETTING",
    "LANGUAGE_NAMES",
    "normalise_language",
    "resolve_language",
    "saved_language",
    "save_language",
    "install_translators",
    "catalog_path",
    "current_language",
]
