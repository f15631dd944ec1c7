"""`backup` and `restore` through the command line."""
from __future__ import annotations

import re
import sqlite3

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest, make_newer_schema, make_random, row_counts

STAMPED = re.compile(r"-\d{8}-\d{6}(-\d+)?\.sqlite3$")


def test_backup_to_a_file_is_a_valid_copy(hand_db, tmp_path, capsys):
    target = tmp_path / "copies" / "shop-backup.sqlite3"
    assert main(["backup", "--db", str(hand_db), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out
    assert row_counts(target) == row_counts(hand_db)
    assert row_counts(target)["sales"] == 6
    # The copy opens as a livestream_desk database and is healthy.
    assert main(["check", "--db", str(target)]) == 0


def test_backup_default_location_is_backups_beside_the_database(hand_db, capsys):
    assert main(["backup", "--db", str(hand_db)]) == 0
    (made,) = (hand_db.parent / "backups").iterdir()
    assert made.name.startswith("hand-") and STAMPED.search(made.name)
    assert str(made) in capsys.readouterr().out
    assert row_counts(made) == row_counts(hand_db)


def test_backup_of_the_default_database_goes_to_the_data_folder(isolated_data_dir, capsys):
    from tests.cli.conftest import build_hand_db

    build_hand_db(isolated_data_dir / "livestream_desk.sqlite3")
    assert main(["backup"]) == 0
    (made,) = (isolated_data_dir / "backups").iterdir()
    assert made.name.startswith("livestream_desk-") and STAMPED.search(made.name)


def test_two_backups_in_the_same_second_do_not_collide(hand_db, capsys):
    assert main(["backup", "--db", str(hand_db)]) == 0
    assert main(["backup", "--db", str(hand_db)]) == 0
    assert len(list((hand_db.parent / "backups").iterdir())) == 2


def test_backup_into_a_folder(hand_db, tmp_path, capsys):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert main(["backup", "--db", str(hand_db), "--to", str(folder)]) == 0
    (made,) = folder.iterdir()
    assert made.name.startswith("hand-")


def test_backup_of_a_missing_database_exits_2(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    assert main(["backup", "--db", str(missing), "--to", str(tmp_path / "b.sqlite3")]) == 2
    assert_one_line_error(capsys.readouterr().err, "no database at")
    assert not missing.exists() and not (tmp_path / "b.sqlite3").exists()


def test_backup_refuses_to_overwrite_a_file_that_is_not_a_database(hand_db, tmp_path, capsys):
    precious = tmp_path / "report.docx"
    precious.write_bytes(b"PK\x03\x04 not a database")
    assert main(["backup", "--db", str(hand_db), "--to", str(precious)]) == 2
    assert_one_line_error(capsys.readouterr().err, str(precious))
    assert precious.read_bytes() == b"PK\x03\x04 not a database"


def test_backup_refuses_the_database_itself(hand_db, capsys):
    before = digest(hand_db)
    assert main(["backup", "--db", str(hand_db), "--to", str(hand_db)]) == 2
    assert_one_line_error(capsys.readouterr().err, "itself")
    assert digest(hand_db) == before


def test_backup_of_a_server_database_suggests_pg_dump(capsys):
    assert main(["backup", "--db", "postgresql+psycopg://shop@server/shop"]) == 2
    assert_one_line_error(capsys.readouterr().err, "pg_dump")


def _delete_sales(path):
    from livestream_desk.db.engine import open_database
    from livestream_desk.db.models import Sale
    from livestream_desk.services.summary import refresh_months

    database = open_database(path)
    with database.engine.begin() as conn:
        conn.execute(Sale.__table__.delete())
        refresh_months(conn)
    database.dispose()


def test_restore_round_trip(hand_db, tmp_path, capsys):
    backup = tmp_path / "saved.sqlite3"
    assert main(["backup", "--db", str(hand_db), "--to", str(backup)]) == 0
    original = row_counts(hand_db)
    _delete_sales(hand_db)
    assert row_counts(hand_db)["sales"] == 0
    capsys.readouterr()

    assert main(["restore", str(backup), "--db", str(hand_db)]) == 0
    out = capsys.readouterr().out
    assert row_counts(hand_db) == original
    safety = list((hand_db.parent / "backups").glob("hand-before-restore-*.sqlite3"))
    assert len(safety) == 1 and str(safety[0]) in out
    assert row_counts(safety[0])["sales"] == 0  # what was there before the restore
    assert main(["check", "--db", str(hand_db)]) == 0
    assert main(["report", "monthly", "--db", str(hand_db), "--format", "csv"]) == 0
    assert "2026-04,0,1,2,250.00,25.50,224.50,12.3" in capsys.readouterr().out


def test_restore_into_a_new_database(hand_db, tmp_path, capsys):
    target = tmp_path / "new-pc" / "livestream_desk.sqlite3"
    assert main(["--db", str(target), "restore", str(hand_db)]) == 0
    assert row_counts(target) == row_counts(hand_db)
    assert not (target.parent / "backups").exists()  # nothing to save first


def test_restore_of_a_non_database_file_leaves_the_target_untouched(hand_db, tmp_path, capsys):
    junk = make_random(tmp_path / "junk.sqlite3")
    text = tmp_path / "notes.txt"
    text.write_text("昨天直播卖了 30 箱脐橙\n", encoding="utf-8")
    before = digest(hand_db)
    for source in (junk, text):
        assert main(["restore", str(source), "--db", str(hand_db)]) == 2
        assert_one_line_error(capsys.readouterr().err, str(source))
    assert digest(hand_db) == before
    assert not (hand_db.parent / "backups").exists()


def test_restore_of_a_missing_file(hand_db, tmp_path, capsys):
    before = digest(hand_db)
    assert main(["restore", str(tmp_path / "gone.sqlite3"), "--db", str(hand_db)]) == 2
    assert_one_line_error(capsys.readouterr().err, "does not exist")
    assert digest(hand_db) == before


def test_restore_of_a_newer_backup_is_refused(hand_db, tmp_path, capsys):
    newer = tmp_path / "newer.sqlite3"
    assert main(["backup", "--db", str(hand_db), "--to", str(newer)]) == 0
    make_newer_schema(newer)
    before = digest(hand_db)
    assert main(["restore", str(newer), "--db", str(hand_db)]) == 2
    assert_one_line_error(capsys.readouterr().err, "newer")
    assert digest(hand_db) == before


def test_restore_of_a_foreign_database_is_refused(hand_db, tmp_path, capsys):
    foreign = tmp_path / "other-app.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(hand_db)
    assert main(["restore", str(foreign), "--db", str(hand_db)]) == 2
    assert_one_line_error(capsys.readouterr().err, "did not make")
    assert digest(hand_db) == before


def test_restore_round_trip_in_a_subprocess(run_cli, hand_db, tmp_path):
    backup = tmp_path / "b.sqlite3"
    done = run_cli("backup", "--db", hand_db, "--to", backup)
    assert done.returncode == 0, done.stderr
    _delete_sales(hand_db)
    done = run_cli("restore", backup, "--db", hand_db)
    assert done.returncode == 0, done.stderr
    assert row_counts(hand_db)["sales"] == 6
    done = run_cli("restore", tmp_path / "missing.sqlite3", "--db", hand_db)
    assert done.returncode == 2
    assert_one_line_error(done.stderr)


def test_progress_goes_to_stderr_only_on_a_terminal(hand_db, tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["backup", "--db", str(hand_db), "--to", str(tmp_path / "b.sqlite3")]) == 0
    captured = capsys.readouterr()
    assert "backing up" in captured.err and "100%" in captured.err
    assert captured.out.startswith("backed up ")
