"""`export card (--livestream ID | --month YYYY-MM) --to FILE.png`: a 战报 card to share.

The figures come from services.reports.cards, the drawing from ui/cards/render.py (a
QGuiApplication made offscreen-capable when there is no display).
"""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar, month, whole_number

SUFFIXES = (".png",)
SUMMARY = (
    "  card      a 战报 card to post in a chat (a 1080 px wide .png): --livestream ID (net sales,\n"
    "            orders, viewers, GPM, top products) or --month YYYY-MM (net sales, growth, the\n"
    "            best livestream, the producers helped most)"
)


def register(kinds: Registrar) -> None:
    parser = kinds.add("card", "a 战报 card of a livestream or a month (.png, 1080 px wide)", run)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--livestream", type=whole_number(1), metavar="ID", help="the livestream's id")
    which.add_argument("--month", type=month, metavar="YYYY-MM", help="the month")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.reports.cards import livestream_card, month_card
    from .output import exporting, qt_drawing

    with exporting(args, SUFFIXES, needs_folder=True) as (target, database):
        if args.livestream is not None:
            data = livestream_card(database, args.livestream)
        else:
            data = month_card(database, args.month)
    with qt_drawing():
        from ...ui.cards.render import render_livestream_card, render_month_card, save_card_png

        if args.livestream is not None:
            image = render_livestream_card(data, console.translate)
            what = data.title
        else:
            image = render_month_card(data, console.translate)
            what = str(data.month)
        save_card_png(image, target)
    console.say("reports.exported_card", what=what, width=str(image.width()), height=str(image.height()), target=str(target))
    return EXIT_OK
