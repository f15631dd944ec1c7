"""`backup [--to FILE]`: a copy of the SQLite database through the backup API."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..console import EXIT_OK, Console, size_text
from ..parser import Registrar


def register(commands: Registrar) -> None:
    backup = commands.add(
        "backup",
        "copy the database to a backup file",
        run,
        "Copy the database with the SQLite backup API (safe while the app is open). Without --to the "
        "copy goes to backups/<name>-YYYYmmdd-HHMMSS.sqlite3 beside the database (for the default "
        "database: <user data folder>/backups/livestream_desk-YYYYmmdd-HHMMSS.sqlite3). --to may name "
        "a folder. An existing file is refused unless --force is given, and even then only a database "
        "(an older backup) is replaced. A database that SQLite's quick check finds damaged is not "
        "backed up. PostgreSQL: use pg_dump.",
    )
    backup.add_argument("--to", metavar="FILE", help="where to write the backup")
    backup.add_argument("--force", action="store_true", help="replace an existing backup file given with --to")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.backup import backup_database
    from ...services.database import open_existing, refuse_server_database

    refuse_server_database(args.db)
    database = open_existing(args.db, migrate=False)
    try:
        with console.progress("cli.progress_backing_up") as progress:
            target = backup_database(database, Path(args.to) if args.to else None, progress, overwrite=args.force)
        where = database.describe()
    finally:
        database.dispose()
    console.say("cli.backed_up", source=where, target=str(target), size=size_text(target))
    return EXIT_OK
