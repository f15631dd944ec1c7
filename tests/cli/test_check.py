"""`check`: exit 0 healthy, 1 problems found (each named), 2 when the database cannot be opened."""
from __future__ import annotations

import sqlite3

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest, make_damaged_pages


def test_healthy_database_exits_0(hand_db, capsys):
    before = digest(hand_db)
    assert main(["check", "--db", str(hand_db)]) == 0
    out = capsys.readouterr().out
    for name in ("schema", "integrity", "summary"):
        line = next(line for line in out.splitlines() if line.strip().startswith(name))
        assert " ok " in f"{line} "
    assert "6 sale lines" in out and "3 livestreams" in out
    assert out.rstrip().endswith("healthy")
    assert digest(hand_db) == before


def test_fresh_empty_database_is_healthy(db, capsys):
    path = str(db.path)
    db.dispose()
    assert main(["--db", path, "check"]) == 0


def test_tampered_summary_exits_1_and_names_the_month(hand_db, capsys):
    conn = sqlite3.connect(hand_db)
    conn.execute("UPDATE monthly_sales_summary SET gmv_fen = gmv_fen + 1 WHERE month = 202603")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(hand_db)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out
    assert "2026-03" in out and "douyin" in out
    assert "2026-01" not in out
    assert "1 problem(s) found" in out


def test_every_summary_row_tampered(hand_db, capsys):
    conn = sqlite3.connect(hand_db)
    conn.execute("UPDATE monthly_sales_summary SET gmv_fen = gmv_fen + 1")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(hand_db)]) == 1
    out = capsys.readouterr().out
    for month in ("2026-01", "2026-03", "2026-04"):
        assert month in out


def test_missing_summary_row_is_a_problem(hand_db, capsys):
    conn = sqlite3.connect(hand_db)
    conn.execute("DELETE FROM monthly_sales_summary WHERE month = 202604")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(hand_db)]) == 1
    assert "2026-04" in capsys.readouterr().out


def test_broken_foreign_key_is_a_problem(hand_db, capsys):
    conn = sqlite3.connect(hand_db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE sales SET product_id = 4242 WHERE order_id = 'C'")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(hand_db)]) == 1
    out = capsys.readouterr().out
    assert "foreign key" in out and "sales" in out


def test_damaged_pages_are_problems_found(hand_db, tmp_path, capsys):
    damaged = make_damaged_pages(hand_db, tmp_path / "damaged.sqlite3")
    before = digest(damaged)
    assert main(["check", "--db", str(damaged)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "damaged" in captured.out and "restore" in captured.out
    assert digest(damaged) == before


def test_missing_database_exits_2_and_is_not_created(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    assert main(["check", "--db", str(missing)]) == 2
    assert_one_line_error(capsys.readouterr().err, "no database at")
    assert not missing.exists()


def test_check_in_a_subprocess(run_cli, hand_db):
    done = run_cli("check", "--db", hand_db)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(hand_db)
    conn.execute("UPDATE monthly_sales_summary SET gmv_fen = gmv_fen + 1")
    conn.commit()
    conn.close()
    done = run_cli("--db", hand_db, "check")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
