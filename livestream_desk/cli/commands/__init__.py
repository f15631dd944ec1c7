"""The subcommands, one module each, in the order `--help` lists them.

A module here has `register(commands)` (a `cli.parser.Registrar`: `commands.add(name, help,
run, description)` returns the argparse subparser to add arguments to) and a handler
`run(args, console) -> int`. Add a command by writing its module and listing it below.
"""
from . import backup, check, demo, export, import_orders, import_products, report, restore, screenshot

COMMANDS = (demo, import_orders, import_products, export, report, check, backup, restore, screenshot)

__all__ = ["COMMANDS"]
