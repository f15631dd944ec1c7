"""Messages about opening and using a database (db/, services.database)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "database.missing": QT_TRANSLATE_NOOP("Messages", "no database at {path}"),
    "database.is_folder": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a database file"),
    "database.empty_file": QT_TRANSLATE_NOOP("Messages", "{path} is an empty file, not a livestream_desk database"),
    "database.no_data": QT_TRANSLATE_NOOP("Messages", "{path} holds no livestream_desk data"),
    "database.cannot_read": QT_TRANSLATE_NOOP("Messages", "cannot read {path}: {reason}"),
    "database.damaged": QT_TRANSLATE_NOOP(
        "Messages", "the database could not be read; the file may be damaged ({reason}). Restore a backup."
    ),
    "database.cannot_open": QT_TRANSLATE_NOOP("Messages", "cannot open {path}: {reason}"),
    "database.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not a livestream_desk database (not an SQLite file, or damaged). Restore a backup "
        "(Settings shows where backups are kept) or choose another file.",
    ),
    "database.foreign": QT_TRANSLATE_NOOP(
        "Messages", "{path} holds tables that livestream_desk did not make; it belongs to another program and was not changed"
    ),
    "database.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was made by a newer livestream_desk (schema {revision}); update the app to open it. "
        "The file was not changed.",
    ),
    "database.server_no_file_backup": QT_TRANSLATE_NOOP(
        "Messages",
        "backups are made of an SQLite database file; for a PostgreSQL server use its own tools, "
        "e.g. pg_dump -Fc -f livestream_desk.dump DBNAME (and pg_restore to restore)",
    ),
    "database.no_answer": QT_TRANSLATE_NOOP(
        "Messages",
        "the database server at {path} did not answer within {seconds} s; check the address and that the "
        "server is running (add ?connect_timeout=SECONDS to the URL to wait longer)",
    ),
    "database.read_timed_out": QT_TRANSLATE_NOOP(
        "Messages", "the database server did not finish reading within {seconds} s (busy, or locked by other work); try again"
    ),
    "database.bad_url": QT_TRANSLATE_NOOP("Messages", "bad database URL {path}: {reason}"),
    "database.url_port": QT_TRANSLATE_NOOP("Messages", "the port must be a number from 1 to 65535"),
    "database.url_brackets": QT_TRANSLATE_NOOP(
        "Messages", "the host has an unclosed [ or ] (an IPv6 address is written [::1])"
    ),
    "database.no_driver": QT_TRANSLATE_NOOP(
        "Messages", "the PostgreSQL driver is not installed: pip install \"livestream_desk[postgresql]\" ({reason})"
    ),
    "database.dry_run_old_schema": QT_TRANSLATE_NOOP(
        "Messages", "{path} has an older schema; --dry-run cannot upgrade it: run `check`, or import without --dry-run"
    ),
    "database.integrity": QT_TRANSLATE_NOOP("Messages", "integrity: {reason}"),
    "database.foreign_key": QT_TRANSLATE_NOOP(
        "Messages", "foreign key: table {table} row {row} points to a missing {parent}"
    ),
    "database.not_there_yet": QT_TRANSLATE_NOOP("Messages", "{path} (no database there yet)"),
    "database.readonly_old_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} has an older schema and is read-only, so it cannot be upgraded; copy it to a folder "
        "you can write to and open the copy",
    ),
    "database.read_only": QT_TRANSLATE_NOOP(
        "Messages", "{reason}: nothing can be changed in it. Copy it to a folder you can write to, or use a command that only reads (report, check, export, --dry-run)"
    ),
    "database.read_only_file": QT_TRANSLATE_NOOP("Messages", "the database file {path} is read-only"),
    "database.read_only_folder": QT_TRANSLATE_NOOP(
        "Messages", "the folder of the database {path} is read-only (SQLite needs to write its journal there)"
    ),
    "database.read_only_medium": QT_TRANSLATE_NOOP("Messages", "the database {path} is on a read-only disk"),
}
