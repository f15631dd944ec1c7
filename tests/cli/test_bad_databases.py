"""Corrupt, truncated, foreign, newer-schema and empty database files: exit 2, one line, untouched."""
from __future__ import annotations

import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest, make_foreign, make_newer_schema, make_random, make_truncated

KINDS = ["random", "truncated-half", "truncated-header", "newer", "foreign", "empty-file"]

COMMANDS = {
    "report": ["report", "monthly", "--db", "{db}"],
    "report-csv": ["report", "monthly", "--format", "csv", "--db", "{db}"],
    "check": ["check", "--db", "{db}"],
    "backup": ["backup", "--db", "{db}", "--to", "{out}"],
    "demo": ["demo", "--months", "2", "--sales", "50", "--db", "{db}"],
    "restore-into": ["restore", "{good}", "--db", "{db}"],
    "restore-from": ["restore", "{db}", "--db", "{good}"],
}

# Restoring into these keeps them beside as <name>.damaged-… instead of refusing.
UNREADABLE = ("random", "truncated-half", "truncated-header")

EXPECTED = {
    "random": "not a livestream_desk database",
    "truncated-half": "",
    "truncated-header": "",
    "newer": "newer",
    "foreign": "",
    "empty-file": "empty",
}


def make_bad(kind: str, good, tmp_path):
    target = tmp_path / f"{kind}.sqlite3"
    if kind == "random":
        return make_random(target)
    if kind == "truncated-half":
        return make_truncated(good, target)
    if kind == "truncated-header":
        return make_truncated(good, target, 100)
    if kind == "newer":
        target.write_bytes(good.read_bytes())
        return make_newer_schema(target)
    if kind == "foreign":
        return make_foreign(target)
    if kind == "empty-file":
        target.write_bytes(b"")
        return target
    raise AssertionError(kind)


def _argv(template, **values):
    return [part.format(**{k: str(v) for k, v in values.items()}) for part in template]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", KINDS)
def test_bad_database_exits_2_untouched(kind, command, hand_db, tmp_path, capsys):
    if kind == "empty-file" and command == "demo":
        pytest.skip("an empty file is where a new database may be created")
    if kind == "empty-file" and command == "restore-into":
        pytest.skip("an empty file is a fine place to restore into")
    if kind in UNREADABLE and command == "restore-into":
        pytest.skip("restore moves an unreadable database aside: tests/cli/test_restore_damaged.py")
    bad = make_bad(kind, hand_db, tmp_path)
    before_bad, before_good = digest(bad), digest(hand_db)
    out = tmp_path / "backup-out.sqlite3"
    code = main(_argv(COMMANDS[command], db=bad, good=hand_db, out=out))
    captured = capsys.readouterr()
    assert code == 2, captured
    assert_one_line_error(captured.err, EXPECTED[kind])
    assert digest(bad) == before_bad
    assert digest(hand_db) == before_good
    assert not out.exists()
    assert not (tmp_path / "backups").exists()


def test_a_folder_is_not_a_database(tmp_path, capsys):
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    for argv in (["report", "monthly"], ["check"], ["backup"]):
        assert main(argv + ["--db", str(folder)]) == 2
        assert_one_line_error(capsys.readouterr().err, "folder")


def test_an_sqlite_file_without_tables_is_not_a_livestream_desk_database(tmp_path, capsys):
    import sqlite3

    blank = tmp_path / "blank.sqlite3"
    conn = sqlite3.connect(blank)
    conn.execute("PRAGMA user_version = 1")  # writes a header, no tables
    conn.commit()
    conn.close()
    before = digest(blank)
    for argv in (["report", "monthly"], ["check"], ["backup", "--to", str(tmp_path / "b.sqlite3")]):
        assert main(argv + ["--db", str(blank)]) == 2
        assert_one_line_error(capsys.readouterr().err, "no livestream_desk data")
    assert digest(blank) == before


@pytest.mark.parametrize("kind", ["random", "truncated-half", "newer"])
@pytest.mark.parametrize("command", ["report", "check", "backup", "restore-into"])
def test_bad_database_in_a_subprocess(kind, command, run_cli, hand_db, tmp_path):
    if kind in UNREADABLE and command == "restore-into":
        pytest.skip("restore moves an unreadable database aside: tests/cli/test_restore_damaged.py")
    bad = make_bad(kind, hand_db, tmp_path)
    before = digest(bad)
    done = run_cli(*_argv(COMMANDS[command], db=bad, good=hand_db, out=tmp_path / "o.sqlite3"))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert_one_line_error(done.stderr)
    assert done.stdout == ""
    assert digest(bad) == before
