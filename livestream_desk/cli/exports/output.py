"""What every export kind does around its own work: check the file --to names (and --from /
--until), open the database to read and close it again, and for the kinds Qt draws (PDF, PNG)
a QGuiApplication that also works without a display.

    def run(args, console):
        with exporting(args, SUFFIXES) as (target, database):
            count = export_things(database, target)
        console.say("area.exported", count=count, target=str(target))
"""
from __future__ import annotations

import argparse
import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..parser import check_month_order

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

    from ...db.engine import Database


def target_file(args: argparse.Namespace, suffixes: tuple[str, ...], month_option: str = "") -> Path:
    """The file --to names, refused unless its suffix is one of `suffixes` ('.xlsx', …).

    `month_option`: the kind's option for a last month, named in the hint when --to looks
    like a month (`--to 2026-05`)."""
    from ...services.errors import UserError

    target = Path(args.target).expanduser()
    if target.suffix.lower() not in suffixes:
        params = {"target": args.target, "suffixes": " / ".join(suffixes)}
        if month_option:
            from ...domain.period import Month

            try:
                Month.parse(args.target)
            except ValueError:
                pass
            else:  # `--to 2026-05`: the last month is another option
                raise UserError("cli.export_suffix_month", option=month_option, **params)
        raise UserError("cli.export_suffix", **params)
    return target


@contextmanager
def exporting(args: argparse.Namespace, suffixes: tuple[str, ...], *, month_option: str = "",
              needs_folder: bool = False) -> Iterator[tuple[Path, "Database"]]:
    """The checked --to file and the database opened for reading, closed when the block ends.

    `month_option`: the kind has --from (`args.first`) and this option for the last month
    (`args.last`); a first month after the last is refused. `needs_folder`: the file is
    written by Qt, which does not say why it failed, so a missing folder is refused first.
    Every check runs before the database is opened."""
    from ...services.database import open_for_reading

    target = target_file(args, suffixes, month_option)
    if month_option:
        check_month_order(args.first, args.last, month_option)
    if needs_folder and not target.parent.is_dir():
        from ...services.errors import UserError

        raise UserError("tables.no_folder", path=str(target), folder=str(target.parent))
    database = open_for_reading(args.db)
    try:
        yield target, database
    finally:
        database.dispose()


@contextmanager
def qt_drawing() -> Iterator["QGuiApplication"]:
    """The running QGuiApplication, or a new one (offscreen when there is no display), alive
    while the block draws."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["livestream-desk"])
    yield app


__all__ = ["exporting", "qt_drawing", "target_file"]
