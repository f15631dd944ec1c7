"""`check`: integrity, schema version and summary totals of a database."""
from __future__ import annotations

import argparse

from ..console import EXIT_OK, EXIT_PROBLEMS, Console
from ..parser import Registrar


def register(commands: Registrar) -> None:
    commands.add(
        "check",
        "check a database: integrity, schema version, summary totals",
        run,
        "Check a database without changing it: the schema version, SQLite's integrity and foreign-key "
        "checks, and that the monthly summary equals the sale lines. Prints each check; exits 0 when "
        "healthy, 1 when problems were found, 2 when the database cannot be read.",
    )


def run(args: argparse.Namespace, console: Console) -> int:
    from ...services.database import open_existing
    from ...services.health import check_database

    database = open_existing(args.db, migrate=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    lines = [f"checking {report.database}"]
    width = max(len(check.name) for check in report.checks)
    for check in report.checks:
        status = "ok" if check.ok else "PROBLEM"
        lines.append(f"  {check.name:<{width}}  {status:<7}  {check.detail}".rstrip())
        lines.extend(f"      {problem}" for problem in check.problems)
    problems = report.problems
    lines.append("healthy" if report.healthy else f"{len(problems)} problem(s) found")
    console.write("\n".join(lines) + "\n")
    return EXIT_OK if report.healthy else EXIT_PROBLEMS
