"""The kinds of `export`, one module each, in the order `export --help` lists them.

A kind module has `SUMMARY` (its lines for `export --help`, indented two spaces),
`register(kinds)` (a `cli.parser.Registrar`: `kinds.add(name, help, run, description)`
returns its subparser, which already has the required `--to FILE`; add positionals such
as a livestream id, or options, to it) and `run(args, console) -> int`. `target_file`
checks the suffix of --to. Add a kind by writing its module and listing it below.
"""
from __future__ import annotations

from pathlib import Path

from . import calendar, card, livestreams, monthly, products, report, runsheet, sales

KINDS = (products, sales, livestreams, monthly, report, runsheet, calendar, card)


def target_file(args, suffixes: tuple[str, ...], month_option: str = "") -> Path:
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


__all__ = ["KINDS", "target_file"]
