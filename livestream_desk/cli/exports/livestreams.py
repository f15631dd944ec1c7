"""`export livestreams --to FILE`: every livestream with its lineup size, planned value and review figures."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar

SUFFIXES = (".xlsx", ".csv")
SUMMARY = (
    "  livestreams  every livestream (.xlsx or .csv): platform, live room, host, planned and\n"
    "            actual times, status, theme, lineup size and planned value, review figures"
)


def register(kinds: Registrar) -> None:
    kinds.add("livestreams", "every livestream with lineup size, planned value and review figures (.xlsx or .csv)", run)


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.schedule import export_livestreams
    from .output import exporting

    with exporting(args, SUFFIXES) as (target, database):
        count = export_livestreams(database, target)
    console.say("schedule.exported_livestreams", count=count, target=str(target))
    return EXIT_OK
