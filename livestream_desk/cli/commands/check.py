"""`check`: integrity, schema version and summary totals of a database."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, EXIT_PROBLEMS, Console
from ..parser import CHECK_EXIT_CODES_HELP, Registrar


def register(commands: Registrar) -> None:
    commands.add(
        "check",
        "check a database: integrity, schema version, summary totals",
        run,
        "Check a database without changing it: the schema version, SQLite's integrity and foreign-key "
        "checks, and that the monthly summary equals the sale lines. Prints each check; exits 0 when "
        "healthy, 1 when problems were found, 2 when the database cannot be read.",
        exit_codes=CHECK_EXIT_CODES_HELP,
    )


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import open_for_reading
    from ...services.health import check_database

    database = open_for_reading(args.db, migrate=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    lines = [console.text("health.checking", path=report.database)]
    names = [console.text(check.label) for check in report.checks]
    width = max(len(name) for name in names)
    ok, problem = console.text("health.ok"), console.text("health.problem")
    status_width = max(len(ok), len(problem))
    for name, check in zip(names, report.checks):
        status = ok if check.ok else problem
        detail = console.text(check.detail) if check.detail is not None else ""
        lines.append(f"  {name:<{width}}  {status:<{status_width}}  {detail}".rstrip())
        lines.extend(f"      {console.text(found)}" for found in check.problems)
    if report.healthy:
        lines.append(console.text("health.healthy"))
    else:
        lines.append(console.text("health.problems_found", count=len(report.problems)))
    console.write("\n".join(lines) + "\n")
    return EXIT_OK if report.healthy else EXIT_PROBLEMS
