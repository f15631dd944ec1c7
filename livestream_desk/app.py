"""Starting the GUI: the QApplication, translations, fonts, the database, the main window.

Start-up is kept lean (DESIGN §10): pyqtgraph is imported by the dashboard only when its chart
is first drawn, and every database summary runs after the window has been painted once.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
from typing import Optional, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_NAME, __version__, config, i18n
from .ui import qt_compat

log = logging.getLogger(__name__)

ORGANIZATION = "livestream_desk"
PROG = "livestream-desk"

# Fonts with good Simplified Chinese glyphs, best first. The app ships no font: Windows has
# Microsoft YaHei; Linux desktops have Noto Sans CJK or WenQuanYi (CI installs one).
CJK_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "SimSun",
)


HANZI_SAMPLE = "直播销售"  # common characters every Chinese font draws
CHINESE_FONT_PROPERTY = "livestreamDeskChineseFont"  # on the QApplication: the family, "" if none


def _draws_hanzi(family: str) -> bool:
    # QRawFont asks the font file itself; QFontMetrics.inFont answers for fallbacks too.
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(ord(char)) for char in HANZI_SAMPLE)


def chinese_fonts() -> list[str]:
    """Installed families that draw Chinese, the known good ones first (CJK_FONTS order),
    then any other font declaring Simplified Chinese (checked on a few common Hanzi)."""
    families = QFontDatabase.families()
    available = set(families)
    known = [family for family in CJK_FONTS if family in available]
    simplified = QFontDatabase.WritingSystem.SimplifiedChinese
    others = [
        family
        for family in families
        if family not in known
        and not QFontDatabase.isPrivateFamily(family)
        and simplified in QFontDatabase.writingSystems(family)
    ]
    for family in known + others:  # one real check is enough: stop at the first that draws
        if _draws_hanzi(family):
            return [family] + [f for f in known if f != family]
    return []


def configure_fonts(app: QApplication) -> Optional[str]:
    """Prefer a Simplified Chinese font, keeping the system font's size; returns the family
    (None when no installed font draws Chinese: `app.property(CHINESE_FONT_PROPERTY)` is "").

    Without this, Qt may pick a Japanese variant of a CJK font (different glyph shapes), or
    draw boxes where fontconfig's fallback is unavailable (the offscreen platform).
    """
    chosen = chinese_fonts()
    app.setProperty(CHINESE_FONT_PROPERTY, chosen[0] if chosen else "")
    if not chosen:
        log.info("no Chinese font found; Chinese text shows as boxes")
        return None
    font = QFont(app.font())
    font.setFamilies(chosen + [family for family in app.font().families() if family not in chosen])
    app.setFont(font)
    return chosen[0]


def create_application(argv: Optional[Sequence[str]] = None, lang: Optional[str] = None) -> QApplication:
    """The process's one QApplication (an existing one is reused), with names, translators
    and fonts set up. `lang` as for `i18n.install_translators` (None: the saved choice, else
    Chinese)."""
    qt_compat.apply()
    app = QApplication.instance()
    created = app is None
    if app is None:
        app = QApplication(list(argv) if argv is not None else [PROG])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    i18n.install_translators(app, lang)
    configure_fonts(app)
    if created:  # an application made elsewhere (a test session) keeps its own look
        from .ui.theme import apply_theme  # colours and look (cheap: no icon font, no pyqtgraph)

        apply_theme(app)
    return app  # type: ignore[return-value]


def configure_logging() -> None:
    """Warnings to stderr and everything from INFO up to a log file in the data folder,
    unless the caller set up logging already."""
    root = logging.getLogger()
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    try:
        folder = config.data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "livestream_desk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError as exc:
        log.warning("cannot write a log file: %s", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


class _FirstPaint(QObject):
    """Calls `callback` once, right after the watched window's first paint."""

    def __init__(self, window: QObject, callback) -> None:
        super().__init__(window)
        self._callback = callback
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def _startup_problem(message: str, smoke: bool) -> int:
    if smoke:
        sys.stderr.write(f"{PROG}: error: {' '.join(message.split())}\n")
        return 2
    title = QCoreApplication.translate("App", "Cannot open the database")
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setInformativeText(
        QCoreApplication.translate(
            "App", "Nothing was changed. Choose another database with --db, or restore a backup."
        )
    )
    box.exec()
    return 2


def run_gui(db_target: Optional[str], lang: Optional[str], smoke: bool = False) -> int:
    """Show the main window, then open the database and build the pages; returns the exit code.

    The database file is checked (sqlite3 only, no SQLAlchemy) before anything is shown; the
    window paints its frame at once and the database is opened on a worker thread after
    the first paint, so start-up does not grow with the database or wait for SQLAlchemy.
    2 when the database cannot be used (a message box, or with `smoke` one line on stderr).
    With `smoke` the app quits right after the window's first paint (0).
    """
    if not smoke:
        configure_logging()
    app = create_application([PROG], lang)
    if db_target is None:
        db_target = config.saved_database_url()  # a server chosen on the Settings page

    from .db.errors import DatabaseProblem
    from .services.database import check_before_start

    try:
        checked = check_before_start(db_target)
    except DatabaseProblem as exc:
        from .ui.errors import error_message

        return _startup_problem(error_message(exc), smoke)

    from .ui.main_window import MainWindow

    from .services.database import printable_target

    location = str(checked.path) if checked.path else (printable_target(db_target) or "")  # never a password
    early = None
    if checked.path is not None and not smoke:
        # The latest month's KPI figures with plain sqlite3, for the first paint (a few ms);
        # SQLAlchemy, the pages and the chart load after it. A server waits for the normal path.
        from .db.quick_figures import latest_month_figures

        early = latest_month_figures(checked.path)
    window = MainWindow(None, remember_state=not smoke, location=location, early_figures=early)
    if not app.property(CHINESE_FONT_PROPERTY):
        from .ui.font_notice import warn_no_chinese_font

        warn_no_chinese_font(window, i18n.current_language())
    if smoke:
        watcher = _FirstPaint(window, app.quit)
        window.show()
        app.exec()
        window.shutdown()
        return 0 if watcher.painted else 1

    from .ui.errors import install_excepthook

    install_excepthook(lambda: window)
    outcome = {"code": 0, "database": None}

    def opened(database) -> None:
        outcome["database"] = database
        window.attach_database(database)
        window.offer_first_start_tour()  # once, on a first start (ui/help/tour.py)

    def failed(exc: BaseException) -> None:
        from .ui.errors import error_message, is_known_error, report_error

        if is_known_error(exc):
            outcome["code"] = _startup_problem(error_message(exc), smoke=False)
        else:
            report_error(window, exc, modal=True)
            outcome["code"] = 70
        window.close()

    def open_in_background() -> None:
        window.task_runner.submit(_open_database, db_target, on_success=opened, on_failure=failed)

    _FirstPaint(window, open_in_background)
    window.show()
    try:
        code = app.exec()
    finally:
        window.shutdown()
        if outcome["database"] is not None:
            outcome["database"].dispose()
    return outcome["code"] or code


def _open_database(_context, db_target: Optional[str]):
    """Runs on a worker: imports SQLAlchemy, opens (creates, upgrades) the database; a
    write-protected one read-only (the window then says so and disables editing)."""
    from .services.database import open_for_window

    return open_for_window(db_target)


__all__ = ["run_gui", "create_application", "configure_fonts", "chinese_fonts", "CHINESE_FONT_PROPERTY", "configure_logging", "ORGANIZATION"]
