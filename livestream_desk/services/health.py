"""Checking a database: schema version, SQLite integrity, and the summary table against the raw lines.

Used by `livestream-desk check` (and by the settings page). Reads only; never repairs.
A file that opens but whose pages are damaged is a problem found (not an exception), so
the caller can tell "damaged" (report it, restore a backup) from "cannot be opened at all".
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from ..db import schema_version
from ..db.engine import Database, integrity_problems
from ..db.models import ImportBatch, Livestream, MonthlySalesSummary, Product, Sale
from .summary import summary_mismatches

_NOT_DAMAGE = (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError)


@dataclass(frozen=True, slots=True)
class HealthCheck:
    name: str  # "schema", "integrity", "summary", "contents"
    ok: bool
    detail: str = ""  # one line for the user: what was checked / found
    problems: tuple[str, ...] = ()  # one line each, when not ok


@dataclass(slots=True)
class HealthReport:
    database: str
    checks: list[HealthCheck] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def problems(self) -> list[str]:
        return [problem for check in self.checks if not check.ok for problem in (check.problems or (check.detail,))]


def _schema_check(db: Database) -> HealthCheck:
    revision = db.revision
    if revision == schema_version.HEAD:
        return HealthCheck("schema", True, f"version {revision} (current)")
    if not revision:
        return HealthCheck("schema", False, "no livestream_desk schema", ("the database has no livestream_desk tables",))
    if revision in schema_version.REVISIONS:
        return HealthCheck(
            "schema",
            True,
            f"version {revision}, older than this app's {schema_version.HEAD}; "
            "it is upgraded (after a backup) when the app next opens it",
        )
    problem = f"version {revision} is newer than this app knows ({schema_version.HEAD}); update the app"
    return HealthCheck("schema", False, problem, (problem,))


def _damage(exc: DBAPIError) -> Optional[str]:
    """The reason when reading failed because the file is damaged; None for other errors (bugs)."""
    orig = exc.orig
    if isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, _NOT_DAMAGE):
        return str(orig)
    return None


def check_database(db: Database) -> HealthReport:
    """Run every check. A database whose pages cannot be read is reported as a problem."""
    report = HealthReport(db.describe())
    schema = _schema_check(db)
    report.checks.append(schema)
    if db.revision != schema_version.HEAD:
        # The other checks read today's tables; an older schema is checked after its upgrade.
        return report

    try:
        problems = integrity_problems(db)
    except DBAPIError as exc:
        reason = _damage(exc)
        if reason is None:
            raise
        problem = f"SQLite cannot read the file: {reason}; restore a backup (livestream-desk restore FILE)"
        report.checks.append(HealthCheck("integrity", False, "the file is damaged", (problem,)))
        return report
    if db.path is None:
        report.checks.append(HealthCheck("integrity", True, "left to the database server"))
    elif problems:
        report.checks.append(HealthCheck("integrity", False, f"{len(problems)} problem(s)", tuple(problems)))
    else:
        report.checks.append(HealthCheck("integrity", True, "SQLite integrity and foreign keys"))

    try:
        with db.engine.connect().execution_options(readonly=True) as conn:
            mismatches = summary_mismatches(conn)
            months = conn.execute(select(func.count(func.distinct(MonthlySalesSummary.month)))).scalar() or 0
            counts = {
                label: conn.execute(select(func.count()).select_from(model)).scalar() or 0
                for label, model in (
                    ("products", Product),
                    ("livestreams", Livestream),
                    ("sale lines", Sale),
                    ("import batches", ImportBatch),
                )
            }
    except DBAPIError as exc:
        reason = _damage(exc)
        if reason is None:
            raise
        report.checks.append(HealthCheck("summary", False, "could not be read", (f"SQLite cannot read the sales: {reason}",)))
        return report
    if mismatches:
        report.checks.append(
            HealthCheck(
                "summary",
                False,
                f"{len(mismatches)} month/platform total(s) differ from the sale lines",
                tuple(mismatches),
            )
        )
    else:
        report.checks.append(HealthCheck("summary", True, f"monthly totals equal the sale lines ({months} months)"))
    report.checks.append(HealthCheck("contents", True, ", ".join(f"{n:,} {label}" for label, n in counts.items())))
    return report


__all__ = ["HealthCheck", "HealthReport", "check_database"]
