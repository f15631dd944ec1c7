"""Messages about the fonts the window needs (app start-up)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "fonts.no_chinese": QT_TRANSLATE_NOOP(
        "Messages",
        "no font that can show Chinese is installed, so Chinese text appears as boxes. {install} "
        "Or start with --lang en for English menus.",
    ),
    "fonts.install_debian": QT_TRANSLATE_NOOP(
        "Messages",
        "Install one and start again: sudo apt install fonts-noto-cjk (Debian, Ubuntu; on Fedora: "
        "sudo dnf install google-noto-sans-cjk-fonts).",
    ),
    "fonts.install_other": QT_TRANSLATE_NOOP(
        "Messages", "Install a Chinese font (for example Noto Sans CJK SC) and start again."
    ),
}
