"""services.health: schema, integrity and summary checks."""
from __future__ import annotations

import sqlite3

import pytest

from livestream_desk.db import schema_version
from livestream_desk.db.engine import open_database
from livestream_desk.services.health import HealthCheck, HealthReport, check_database
from tests.cli.conftest import build_hand_db
from tests.cli.helpers import make_damaged_pages


@pytest.fixture
def hand_path(tmp_path):
    return build_hand_db(tmp_path / "shop.sqlite3")


def check(path):
    database = open_database(path, create=False, migrate=False)
    try:
        return check_database(database)
    finally:
        database.dispose()


def by_name(report: HealthReport) -> dict[str, HealthCheck]:
    return {c.name: c for c in report.checks}


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_healthy(hand_path):
    report = check(hand_path)
    assert report.healthy and report.problems == []
    checks = by_name(report)
    assert list(checks) == ["schema", "integrity", "summary", "contents", "codes"]
    assert schema_version.HEAD in str(checks["schema"].detail)
    assert "6 sale lines" in str(checks["contents"].detail) and "3 livestreams" in str(checks["contents"].detail)
    assert "3 months" in str(checks["summary"].detail)
    assert str(hand_path) in report.database


def test_empty_database_is_healthy(db):
    report = check_database(db)
    assert report.healthy
    assert "0 sale lines" in str(by_name(report)["contents"].detail)


def test_tampered_summary_names_month_and_platform(hand_path):
    tamper(hand_path, "UPDATE monthly_sales_summary SET gmv_fen = gmv_fen + 1 WHERE month = 202604")
    report = check(hand_path)
    assert not report.healthy
    summary = by_name(report)["summary"]
    assert not summary.ok
    assert len(summary.problems) == 1
    assert "2026-04" in str(summary.problems[0]) and "douyin" in str(summary.problems[0])
    assert report.problems == list(summary.problems)


def test_summary_row_without_lines(hand_path):
    tamper(hand_path, "INSERT INTO monthly_sales_summary VALUES (202512, 'jd', 1, 1, 100, 0, 1)")
    summary = by_name(check(hand_path))["summary"]
    assert not summary.ok and "2025-12" in str(summary.problems[0]) and "jd" in str(summary.problems[0])


def test_lines_without_summary_row(hand_path):
    tamper(hand_path, "DELETE FROM monthly_sales_summary")
    summary = by_name(check(hand_path))["summary"]
    assert not summary.ok
    assert {str(p).split()[2] for p in summary.problems} == {"2026-01", "2026-03", "2026-04"}


def test_foreign_key_violation_is_an_integrity_problem(hand_path):
    tamper(hand_path, "UPDATE sales SET livestream_id = 999 WHERE order_id = 'A'")
    integrity = by_name(check(hand_path))["integrity"]
    assert not integrity.ok
    assert any("sales" in str(p) and "livestreams" in str(p) for p in integrity.problems)


def test_damaged_pages_are_a_problem_not_an_exception(hand_path, tmp_path):
    damaged = make_damaged_pages(hand_path, tmp_path / "damaged.sqlite3")
    report = check(damaged)
    assert not report.healthy
    integrity = by_name(report)["integrity"]
    assert not integrity.ok and "damaged" in str(integrity.detail)
    assert "restore" in str(integrity.problems[0])


def test_older_schema_is_reported_and_other_checks_wait(hand_path, monkeypatch):
    monkeypatch.setattr(schema_version, "REVISIONS", ("0000_older",) + schema_version.REVISIONS + ("0002_next",))
    monkeypatch.setattr(schema_version, "HEAD", "0002_next")
    report = check(hand_path)
    assert report.healthy
    assert [c.name for c in report.checks] == ["schema"]
    assert "older" in str(report.checks[0].detail)


def test_database_without_schema_is_a_problem(tmp_path):
    path = tmp_path / "blank.sqlite3"
    sqlite3.connect(path).close()
    database = open_database(path, migrate=False)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    assert not report.healthy and not by_name(report)["schema"].ok
