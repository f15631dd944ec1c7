"""Messages every part of the app may use."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "common.cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled. Nothing was changed."),
    "common.deleted_meanwhile": QT_TRANSLATE_NOOP(
        "Messages", "It was deleted meanwhile (on this or another computer); refresh the list."
    ),
    "common.file_unusable": QT_TRANSLATE_NOOP("Messages", "Could not use the file {path}: {reason}"),
    "common.file_missing": QT_TRANSLATE_NOOP("Messages", "The file {path} does not exist."),
    "common.database_busy": QT_TRANSLATE_NOOP("Messages", "The database could not be used just now: {reason}"),
    "common.unknown_platform": QT_TRANSLATE_NOOP("Messages", "unknown platform “{value}”; use one of {choices}"),
}
