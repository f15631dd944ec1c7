"""`export KIND … --to FILE`: write data to a file; the kinds live in `cli.exports`."""
from __future__ import annotations

import argparse

from ..parser import Parser, Registrar

DESCRIPTION = (
    "Write to FILE; its suffix decides the format.\n\n"
    "kinds:\n"
    "{kinds}\n\n"
    "CSV is UTF-8 with BOM (Excel opens it right); text starting with = + - @ gets a leading '\n"
    "against formula injection. In .xlsx amounts are numbers and text is always a text cell.\n"
    "Exported column names do not change with --lang. Never changes the data in the database;\n"
    "a missing database is an error. `export KIND --help` tells more about each kind."
)


def register(commands: Registrar) -> None:
    from ..exports import KINDS

    described = "\n".join(kind.SUMMARY for kind in KINDS)
    parser = commands.add(
        "export",
        "write data (products, the monthly report…) to a file",
        _no_kind,
        DESCRIPTION.format(kinds=described),
    )
    target = Parser(add_help=False)
    target.add_argument("--to", dest="target", required=True, metavar="FILE", help="the file to write")
    kinds = commands.nested(parser, "kind", "KIND", (target,))
    for kind in KINDS:
        kind.register(kinds)


def _no_kind(_args: argparse.Namespace, _console) -> int:  # pragma: no cover - argparse requires a kind
    raise AssertionError("export without a kind")
