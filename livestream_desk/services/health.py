"""Checking a database: schema version, SQLite integrity, and the summary table against the raw lines.

Used by `livestream-desk check` (and by the settings page). Reads only; never repairs.
A file that opens but whose pages are damaged is a problem found (not an exception), so
the caller can tell "damaged" (report it, restore a backup) from "cannot be opened at all".
Every detail and problem is a `Message` (`health.*`), shown in the reader's language.
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
from ..domain.validation import sku_key
from ..messages import Message
from .catalogue.errors import product_label
from .summary import summary_mismatches
from .uow import reading

_NOT_DAMAGE = (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError)

# The label of each check (its `name` stays a plain identifier for scripts and tests).
CHECK_LABELS = {
    "schema": Message("health.check_schema"),
    "integrity": Message("health.check_integrity"),
    "summary": Message("health.check_summary"),
    "contents": Message("health.check_contents"),
    "codes": Message("health.check_codes"),
}


@dataclass(frozen=True, slots=True)
class HealthCheck:
    name: str  # "schema", "integrity", "summary", "contents", "codes"
    ok: bool
    detail: Optional[Message] = None  # one line for the user: what was checked / found
    problems: tuple[Message, ...] = ()  # one line each, when not ok

    @property
    def label(self) -> Message:
        return CHECK_LABELS[self.name]


@dataclass(slots=True)
class HealthReport:
    database: str
    checks: list[HealthCheck] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def problems(self) -> list[Message]:
        return [
            problem
            for check in self.checks
            if not check.ok
            for problem in (check.problems or ((check.detail,) if check.detail is not None else ()))
        ]


def _schema_check(db: Database) -> HealthCheck:
    revision = db.revision
    head = schema_version.HEAD
    if revision == head:
        return HealthCheck("schema", True, Message("health.schema_current", revision=revision))
    if not revision:
        return HealthCheck("schema", False, Message("health.schema_missing"), (Message("health.no_tables"),))
    if revision in schema_version.REVISIONS:
        return HealthCheck("schema", True, Message("health.schema_older", revision=revision, head=head))
    problem = Message("health.schema_newer", revision=revision, head=head)
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
        problem = Message("health.file_unreadable", reason=reason)
        report.checks.append(HealthCheck("integrity", False, Message("health.file_damaged"), (problem,)))
        return report
    if db.path is None:
        report.checks.append(HealthCheck("integrity", True, Message("health.integrity_on_server")))
    elif problems:
        report.checks.append(
            HealthCheck("integrity", False, Message("health.problem_count", count=len(problems)), tuple(problems))
        )
    else:
        report.checks.append(HealthCheck("integrity", True, Message("health.integrity_ok")))

    try:
        with reading(db) as conn:
            mismatches = summary_mismatches(conn)
            months = conn.execute(select(func.count(func.distinct(MonthlySalesSummary.month)))).scalar() or 0
            counts = {
                label: conn.execute(select(func.count()).select_from(model)).scalar() or 0
                for label, model in (
                    ("products", Product),
                    ("livestreams", Livestream),
                    ("sale_lines", Sale),
                    ("import_batches", ImportBatch),
                )
            }
    except DBAPIError as exc:
        reason = _damage(exc)
        if reason is None:
            raise
        problem = Message("health.sales_unreadable", reason=reason)
        report.checks.append(HealthCheck("summary", False, Message("health.summary_unreadable"), (problem,)))
        return report
    if mismatches:
        detail = Message("health.summary_mismatches", count=len(mismatches))
        report.checks.append(HealthCheck("summary", False, detail, tuple(mismatches)))
    else:
        report.checks.append(HealthCheck("summary", True, Message("health.summary_ok", months=months)))
    report.checks.append(HealthCheck("contents", True, Message("health.contents", **counts)))
    report.checks.append(_codes_check(db))
    return report


def _codes_check(db: Database) -> HealthCheck:
    """Products whose 商家编码 is another product's in another letter case or width: the
    migration 0004_product_keys left them without a key (needs review) rather than fail."""
    with reading(db) as conn:
        clashing = conn.execute(
            select(Product.id, Product.name, Product.spec, Product.sku)
            .where(Product.sku.is_not(None), Product.sku_key.is_(None))
            .order_by(Product.id)
        ).all()
        problems = []
        for r in clashing:
            other = conn.execute(
                select(Product.id, Product.name, Product.spec, Product.sku).where(Product.sku_key == sku_key(r.sku))
            ).first()
            owner = product_label(other.name, other.spec, other.sku, other.id) if other is not None else "-"
            problems.append(
                Message("health.sku_clash", product=product_label(r.name, r.spec, None, r.id), sku=r.sku, other=owner)
            )
    if problems:
        return HealthCheck("codes", False, Message("health.sku_clashes", count=len(problems)), tuple(problems))
    return HealthCheck("codes", True, Message("health.codes_ok"))


__all__ = ["HealthCheck", "HealthReport", "check_database", "CHECK_LABELS"]
