"""`restore FILE`: replace the database's content with a backup."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..console import EXIT_OK, Console
from ..parser import Registrar


def register(commands: Registrar) -> None:
    restore = commands.add(
        "restore",
        "replace the database's content with a backup",
        run,
        "Replace the database's content with the backup FILE. FILE must be a sound livestream_desk "
        "database not newer than this app, otherwise nothing is touched. The current content is saved "
        "first to backups/<name>-before-restore-YYYYmmdd-HHMMSS.sqlite3 beside the database; an older "
        "schema is upgraded after the restore. A database that cannot be read at all (damaged) is kept "
        "beside it as <name>.damaged-YYYYmmdd-HHMMSS and the backup restored in its place.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...db import schema_version
    from ...services.backup import restore_database
    from ...services.database import refuse_server_database

    refuse_server_database(args.db)
    with console.progress("cli.progress_restoring") as progress:
        result = restore_database(Path(args.file), args.db, progress)
    if result.damaged_kept_as is not None:
        console.say("backup.damaged_kept", path=str(result.target), reason=result.damage,
                    target=str(result.damaged_kept_as))
    if result.safety_backup is not None:
        console.say("cli.saved_before_restore", source=str(result.target), target=str(result.safety_backup))
    if result.migrated_from:
        console.say("cli.restored_upgraded", source=args.file, target=str(result.target),
                    revision=result.revision, head=schema_version.HEAD)
    else:
        console.say("cli.restored", source=args.file, target=str(result.target), revision=result.revision)
    return EXIT_OK
