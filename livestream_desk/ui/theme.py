"""The app's colours and look: one palette, one small stylesheet, the platforms' colours.

Every colour the app draws with comes from here (pages, charts, exported pictures and PDFs),
so a platform is the same colour in the schedule, the report charts and the PDF, and the
window reads as one product: a light work area, a coloured navigation bar, clear table headers
(the look sellers know from 管家婆 or 金蝶精斗云). `apply_theme(app)` runs once at start
(app.create_application); it is cheap (no fonts, no pyqtgraph) and safe to call again.

Contrast: body text #262626 on white is 15:1, secondary text #595959 is 7:1, the
navigation text on its bar and white on the chosen entry are above 4.5:1 (WCAG AA;
tests/ui/test_theme.py measures them).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# --- the work area ----------------------------------------------------------------------------
WINDOW = "#f3f5f8"  # page background: a light grey-blue, so white tables and cards stand out
BASE = "#ffffff"  # tables, text boxes
ALTERNATE_BASE = "#f7f9fc"
TEXT = "#262626"
SECONDARY_TEXT = "#595959"
MUTED = "#8c8c8c"
BORDER = "#d9d9d9"
LIGHT_BORDER = "#e3e6eb"
HEADER_BACKGROUND = "#e8eef6"  # table headers
TOTAL_BACKGROUND = "#f5f7fa"  # 合计 rows and totals bars
ACCENT = "#1677ff"  # selection, links, the chosen navigation entry, toolbar icons
ACCENT_LIGHT = "#e6f4ff"
SELECTION_BACKGROUND = "#cfe4ff"
PROGRESS = "#69b1ff"  # progress bars: the figure on it stays dark on light blue (7:1)  # selected table rows: light, so coloured text stays readable

# --- the navigation bar -----------------------------------------------------------------------
NAVIGATION_BACKGROUND = "#1d3557"
NAVIGATION_HOVER = "#2a4a75"
NAVIGATION_TEXT = "#dbe4f0"
NAVIGATION_SELECTED_TEXT = "#ffffff"
NAVIGATION_SELECTED = "#0958d9"  # a deeper accent: white text on it is 5.9:1 (on the accent only 4.1:1)

# --- meanings -------------------------------------------------------------------------------------
UP = "#d4380d"  # red: up (the Chinese convention), always with ↑
DOWN = "#389e0d"  # green: down, always with ↓
DANGER = "#c62828"  # errors, refunds, delete
WARNING = "#ad6800"
INFO_NOTICE = ("#e6f4ff", "#91caff")  # notice bars: background, bottom border
WARNING_NOTICE = ("#fffbe6", "#ffe58f")

# --- charts -----------------------------------------------------------------------------------------
BAR = "#5b8ff9"
BAR_HOVER = "#1d5fd6"
LINE = "#f08c2e"
AXIS = "#bfbfbf"

# The platforms' own brand colours, everywhere a platform is drawn (calendar, lists, charts, PDF).
# Keyed by db.models.Platform's codes, spelled out: this module is imported at start, before
# SQLAlchemy (tests/ui/test_theme.py checks the keys are exactly Platform.ALL).
PLATFORM_COLOURS = {
    "douyin": "#1f1f1f",
    "kuaishou": "#ff6a00",
    "shipinhao": "#07a35a",
    "taobao": "#a86b00",  # a dark amber: 淘宝's own orange is 快手's, and they stack side by side
    "jd": "#c81623",
    "pinduoduo": "#a8216f",
    "other": "#5b6b7b",
}


def platform_colour(platform: str) -> QColor:
    return QColor(PLATFORM_COLOURS.get(platform, PLATFORM_COLOURS["other"]))


def palette() -> QPalette:
    """The app's palette (Fusion draws with it on every system)."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: ALTERNATE_BASE,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#fbfcfd",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: SELECTION_BACKGROUND,
        QPalette.ColorRole.HighlightedText: TEXT,
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED,
        QPalette.ColorRole.Mid: BORDER,
        QPalette.ColorRole.Midlight: LIGHT_BORDER,
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a6a6a6"))
    return p


def stylesheet() -> str:
    """Only what the palette cannot say: headers, buttons, tabs, the status bar, cards."""
    return f"""
QHeaderView::section {{ background: {HEADER_BACKGROUND}; color: {TEXT}; font-weight: bold; padding: 3px 6px;
    border: none; border-right: 1px solid {LIGHT_BORDER}; border-bottom: 1px solid {BORDER}; }}
QTableView {{ gridline-color: #edf0f4; border: 1px solid {LIGHT_BORDER}; }}
QTableView QTableCornerButton::section {{ background: {HEADER_BACKGROUND}; border: none; }}
QPushButton {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 12px;
    min-height: 1.3em; }}
QPushButton:hover {{ border-color: {ACCENT}; color: {ACCENT}; }}
QPushButton:pressed {{ background: {ACCENT_LIGHT}; }}
QPushButton:disabled {{ background: #f5f5f5; color: #b8b8b8; border-color: {LIGHT_BORDER}; }}
QPushButton:default {{ background: {NAVIGATION_SELECTED}; color: #ffffff; border-color: {NAVIGATION_SELECTED}; }}
QPushButton:default:hover {{ background: #003eb3; color: #ffffff; }}
QToolButton {{ border: 1px solid transparent; border-radius: 4px; padding: 3px 6px; }}
QToolButton:hover {{ border-color: {BORDER}; background: #ffffff; }}
QToolButton:checked {{ background: {ACCENT_LIGHT}; border-color: #91caff; color: {ACCENT}; }}
QProgressBar {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 3px; text-align: center;
    color: {TEXT}; }}
QProgressBar::chunk {{ background: {PROGRESS}; border-radius: 2px; }}
QStatusBar {{ background: #e9edf2; color: {SECONDARY_TEXT}; }}
QTabWidget::pane {{ border-top: 1px solid {LIGHT_BORDER}; }}
QTabBar::tab {{ padding: 5px 14px; border: none; border-bottom: 2px solid transparent; color: {SECONDARY_TEXT}; }}
QTabBar::tab:selected {{ color: {ACCENT}; border-bottom: 2px solid {ACCENT}; }}
QTabBar::tab:hover {{ color: {ACCENT}; }}
QFrame#kpiCard {{ background: #ffffff; border: 1px solid {LIGHT_BORDER}; border-radius: 6px; }}
QLabel#scheduleTotals, QLabel#stockTotals {{ background: {TOTAL_BACKGROUND}; border: 1px solid {LIGHT_BORDER}; border-radius: 4px;
    padding: 4px 10px; }}
"""


def navigation_stylesheet() -> str:
    """The main window's navigation: a coloured bar, the chosen page in the accent colour."""
    return f"""
QListWidget#navigation {{ background: {NAVIGATION_BACKGROUND}; color: {NAVIGATION_TEXT}; border: none;
    padding-top: 8px; outline: 0; }}
QListWidget#navigation::item {{ padding-left: 14px; border: none; color: {NAVIGATION_TEXT}; }}
QListWidget#navigation::item:hover {{ background: {NAVIGATION_HOVER}; }}
QListWidget#navigation::item:selected {{ background: {NAVIGATION_SELECTED}; color: {NAVIGATION_SELECTED_TEXT}; }}
QListWidget#navigation::item:disabled {{ color: #8da2bd; }}
"""


THEME_PROPERTY = "livestreamDeskTheme"


def apply_theme(app: QApplication) -> None:
    """Fusion + the palette + the stylesheet, once per application."""
    if app.property(THEME_PROPERTY):
        return
    app.setStyle("Fusion")  # the same look, drawn with our palette, on Windows, macOS and Linux
    app.setPalette(palette())
    app.setStyleSheet(stylesheet())
    app.setProperty(THEME_PROPERTY, True)


__all__ = ["apply_theme", "palette", "platform_colour", "stylesheet", "PLATFORM_COLOURS"]
