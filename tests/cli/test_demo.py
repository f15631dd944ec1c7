"""`demo`: fills an empty database, refuses one that holds data."""
from __future__ import annotations

import json

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest, row_counts


def test_demo_creates_data(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--months", "3", "--sales", "200", "--seed", "5"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 1
    assert "200 sale lines" in lines[0] and "3 months" in lines[0] and "products" in lines[0]
    assert row_counts(path)["sales"] == 200
    assert row_counts(path)["products"] > 0
    # Progress goes to stderr only on a terminal: none here.
    assert captured.err == ""

    assert main(["check", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["report", "monthly", "--db", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert 1 <= len(rows) <= 3
    assert sum(row["orders"] for row in rows) > 0


def test_demo_refuses_a_database_with_data(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--months", "2", "--sales", "50"]) == 0
    capsys.readouterr()
    before = row_counts(path)
    assert main(["demo", "--db", str(path), "--months", "2", "--sales", "50"]) == 2
    assert_one_line_error(capsys.readouterr().err, "empty database")
    assert row_counts(path) == before


def test_demo_refuses_out_of_range_months_from_the_service(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--months", "100000"]) == 2
    assert_one_line_error(capsys.readouterr().err, "100,000")


def test_demo_in_a_subprocess(run_cli, tmp_path):
    path = tmp_path / "demo.sqlite3"
    done = run_cli("demo", "--db", path, "--months", "3", "--sales", "200")
    assert done.returncode == 0, done.stderr
    assert "200 sale lines" in done.stdout
    assert "Traceback" not in done.stderr
    before = digest(path)
    done = run_cli("--db", path, "demo", "--months", "3", "--sales", "200")
    assert done.returncode == 2
    assert_one_line_error(done.stderr)
    assert done.stdout == ""
    assert row_counts(path)["sales"] == 200
    assert digest(path) == before


def _months_reported(path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["report", "monthly", "--db", str(path), "--format", "json"]) == 0
    return [row["month"] for row in json.loads(capsys.readouterr().out)]


def test_demo_ends_last_month_and_up_to_today_ends_this_month(tmp_path, capsys, monkeypatch):
    """DESIGN §7: whole months ending last month; --up-to-today (the window's demo) ends with
    this month, its lines before today."""
    from datetime import datetime

    from livestream_desk.services import uow

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 20, 15, 7))
    contract, trial = tmp_path / "contract.sqlite3", tmp_path / "trial.sqlite3"
    assert main(["demo", "--db", str(contract), "--months", "2", "--sales", "300"]) == 0
    assert main(["demo", "--db", str(trial), "--months", "2", "--sales", "300", "--up-to-today"]) == 0
    assert _months_reported(contract, capsys)[-1] == "2026-10"
    assert _months_reported(trial, capsys)[-1] == "2026-11"
