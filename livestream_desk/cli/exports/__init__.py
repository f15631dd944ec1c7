"""The kinds of `export`, one module each, in the order `export --help` lists them.

A kind module has `SUMMARY` (its lines for `export --help`, indented two spaces),
`register(kinds)` (a `cli.parser.Registrar`: `kinds.add(name, help, run, description)`
returns its subparser, which already has the required `--to FILE`; add positionals such
as a livestream id, or options, to it) and `run(args, console) -> int`, which does its work
in `with output.exporting(args, SUFFIXES) as (target, database):` (--to's suffix and
--from / --until checked, the database open to read). Add a kind by writing its module and
listing it below.
"""
from __future__ import annotations

from . import calendar, card, livestreams, monthly, products, report, runsheet, sales

KINDS = (products, sales, livestreams, monthly, report, runsheet, calendar, card)


__all__ = ["KINDS"]
