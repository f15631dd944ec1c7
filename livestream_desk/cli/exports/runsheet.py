"""`export runsheet LIVESTREAM_ID --to FILE.pdf`: a livestream's run sheet as an A4 PDF.

The data comes from services.schedule.runsheet; the page is laid out by Qt
(ui/schedule/runsheet.py), which needs a QGuiApplication: made offscreen-capable here when
none exists, so the command also runs on a machine without a display.
"""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar

SUFFIXES = (".pdf",)
SUMMARY = "  runsheet  LIVESTREAM_ID: the livestream's run sheet (header and lineup) as an A4 PDF"


def _livestream_id(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(text)
    return value


def register(kinds: Registrar) -> None:
    parser = kinds.add("runsheet", "a livestream's run sheet as an A4 PDF", run)
    parser.add_argument("livestream_id", type=_livestream_id, metavar="LIVESTREAM_ID",
                        help="the livestream's id (the first column of export livestreams)")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.schedule import runsheet
    from .output import exporting, qt_drawing

    with exporting(args, SUFFIXES) as (target, database):
        data = runsheet(database, args.livestream_id)
    with qt_drawing():
        from ...ui.schedule.runsheet import render_runsheet_pdf

        render_runsheet_pdf(data, target, console.translate)
    console.say("schedule.exported_runsheet", title=data.livestream.title, count=len(data.lines), target=str(target))
    return EXIT_OK
