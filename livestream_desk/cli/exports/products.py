"""`export products --to FILE`: the whole catalogue in the product template's layout."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, Console
from ..parser import Registrar

SUFFIXES = (".xlsx", ".csv")
SUMMARY = (
    "  products  the whole catalogue, archived products too, in the layout of the product\n"
    "            template (.xlsx or .csv): the file imports back with import-products unchanged"
)


def register(kinds: Registrar) -> None:
    kinds.add("products", "the whole catalogue in the product template's layout (.xlsx or .csv)", run)


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.product_io import export_products
    from .output import exporting

    with exporting(args, SUFFIXES) as (target, database), \
            console.progress("cli.progress_exporting_products") as progress:
        count = export_products(database, target, progress=progress)
    console.say("cli.exported_product" if count == 1 else "cli.exported_products", count=count, target=str(target))
    return EXIT_OK
