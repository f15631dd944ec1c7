"""The command line of DESIGN §7 (a stable contract: tests and users' scripts rely on it).

    livestream-desk [--db PATH_OR_URL] [--lang zh_CN|en]          the GUI
    livestream-desk --db PATH --smoke                              show the window, exit after first paint
    livestream-desk demo --db PATH [--months N] [--sales N] [--seed N]
    livestream-desk import-products FILE --db PATH [--dry-run]
    livestream-desk export products|monthly --db PATH --to FILE.xlsx|FILE.csv
                                   [--from YYYY-MM] [--until YYYY-MM]      (monthly only)
    livestream-desk report monthly --db PATH [--from YYYY-MM] [--to YYYY-MM]
                                   [--format table|csv|json] [--platform CODE]
    livestream-desk check --db PATH
    livestream-desk backup --db PATH [--to FILE]
    livestream-desk restore FILE --db PATH
    livestream-desk screenshot --db PATH --out DIR

`--db` and `--lang` go before or after the command. Exit codes: 0 done; 1 `check` found
problems; 2 bad arguments or a database / file that cannot be used (one line on stderr,
`livestream-desk: error: …`, never a traceback); 70 an internal error, i.e. a bug (a
message and the traceback on stderr); 130 interrupted (Ctrl+C). Messages are printed in
`--lang`'s language (default: the system locale, LC_ALL / LC_MESSAGES / LANG); csv and json
output and exported column names never change with it.

Adding a command: write `cli/commands/<name>.py` with

    def register(commands):                  # commands: cli.parser.Registrar
        parser = commands.add("name", "one-line help", run, "longer description")
        parser.add_argument(...)             # --db and --lang are there already
    def run(args, console) -> int:           # console: cli.console.Console
        database = open_existing(args.db, migrate=True)   # services.database
        ...
        console.say("area.done", count=n)    # a code of the message table
        return EXIT_OK

and list the module in `cli/commands/__init__.py` COMMANDS. Adding an export kind: write
`cli/exports/<kind>.py` with `SUMMARY`, `register(kinds)` (the subparser already has the
required `--to FILE`; add a positional such as `livestream_id` if the kind needs one) and
`run(args, console)` that works in `with exporting(args, (".pdf",)) as (target, database):`
(`cli/exports/output.py`: --to checked, the database open to read); list it in
`cli/exports/__init__.py` KINDS. Shared pieces: `cli.console` (Console: `say`, `text`,
`write`, `progress`; `input_file`; exit codes), `services.database` (open_existing,
open_for_writing, dry_run_database, refuse_server_database). Raise a `messages.Problem`
(e.g. `services.errors.UserError("area.what", value=…)`) for anything the user can fix:
`main` prints it as one line and exits 2; any other exception is reported as a bug (70).

Everything heavy is imported inside the handler that needs it: `report`, `check`,
`import-products` and `export` never load Qt or pyqtgraph, nor Alembic unless a database has
to be created or upgraded.
"""
from __future__ import annotations

from .console import EXIT_BUG, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .main import known_error_message, main, run
from .parser import build_parser

__all__ = ["main", "run", "build_parser", "known_error_message", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_BUG"]
