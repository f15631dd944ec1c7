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
    "backup.target_exists": QT_TRANSLATE_NOOP(
        "Messages", "{path} already exists; add --force to replace it, or choose another file"
    ),
    "backup.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "cannot write the backup {path}: {reason}; nothing was left behind"
    ),
    "backup.no_space": QT_TRANSLATE_NOOP(
        "Messages",
        "not enough space for the backup {path}: it needs about {needed} MB and {free} MB are free; "
        "free some space or choose another disk",
    ),
    "backup.database_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is damaged ({reason}); no backup was made, as it would carry the damage. "
        "Keep your earlier backups; `check` shows the details.",
    ),
    "backup.damage_not_sqlite": QT_TRANSLATE_NOOP("Messages", "not an SQLite file"),
    "backup.damaged_kept": QT_TRANSLATE_NOOP(
        "Messages", "{path} could not be read ({reason}); it was kept as {target} and the backup restored in its place"
    ),
}
