"""Messages of backing up and restoring (services.backup)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "backup.target_is_database": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the database itself; choose another file for the backup"
    ),
    "backup.target_not_backup": QT_TRANSLATE_NOOP(
        "Messages", "{path} already exists and is not a database backup; not overwriting it"
    ),
    "backup.source_is_folder": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a database backup"),
    "backup.source_damaged": QT_TRANSLATE_NOOP("Messages", "{path} is damaged ({reason}); not restoring it"),
    "backup.source_is_database": QT_TRANSLATE_NOOP("Messages", "{path} is the database itself; nothing to restore"),
    "backup.target_not_ours": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a database without livestream_desk data; not replacing it"
    ),
}
