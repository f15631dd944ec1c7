"""`export calendar --to FILE.ics [--remind MINUTES]`: planned livestreams for a phone's calendar."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar

SUFFIXES = (".ics",)
SUMMARY = (
    "  calendar  the planned livestreams from today on as an iCalendar file (.ics) with an alarm\n"
    "            --remind minutes before each (default 30): import it into a phone's calendar"
)


def _minutes(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 7 * 24 * 60:
        raise ValueError(text)
    return value


def register(kinds: Registrar) -> None:
    parser = kinds.add("calendar", "the planned livestreams as an iCalendar file (.ics) with alarms", run)
    parser.add_argument("--remind", dest="remind", type=_minutes, default=30, metavar="MINUTES",
                        help="the alarm, minutes before each livestream (default 30)")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.schedule import export_calendar
    from .output import exporting

    with exporting(args, SUFFIXES) as (target, database):
        count = export_calendar(database, target, reminder_minutes=args.remind)
    console.say("schedule.exported_calendar", count=count, target=str(target), minutes=args.remind)
    return EXIT_OK
