"""`restore` into a database that cannot be read: the damaged file is kept beside, the backup restored."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from livestream_desk.cli import main

from .helpers import digest, make_damaged_pages, make_random, make_truncated, row_counts

KEPT = re.compile(r"kept as (\S+\.damaged-\d{8}-\d{6}(?:-\d+)?) ")


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


def make_unreadable(kind: str, good: Path, target: Path) -> Path:
    if kind == "garbage":
        return make_random(target)
    if kind == "truncated-half":
        return make_truncated(good, target)
    if kind == "truncated-header":
        return make_truncated(good, target, 100)
    if kind == "damaged-pages":
        return make_damaged_pages(good, target)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["garbage", "truncated-half", "truncated-header", "damaged-pages"])
def test_restore_over_an_unreadable_database_keeps_it_aside(kind, hand_db, tmp_path, capsys):
    backup = tmp_path / "good-backup.sqlite3"
    assert main(["backup", "--db", str(hand_db), "--to", str(backup)]) == 0
    shop = make_unreadable(kind, hand_db, tmp_path / "shop.sqlite3")
    damaged_bytes = digest(shop)
    capsys.readouterr()

    assert main(["restore", str(backup), "--db", str(shop), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    match = KEPT.search(out)
    assert match, out
    kept = Path(match.group(1))
    assert kept.parent == shop.parent and kept.name.startswith("shop.sqlite3.damaged-")
    assert digest(kept) == damaged_bytes  # kept exactly as it was
    assert side_files(shop) == []
    assert row_counts(shop) == row_counts(backup)  # (a mode=ro look: leaves -wal/-shm itself)
    assert not (tmp_path / "backups").exists()  # nothing readable to save first


def test_restore_over_a_garbage_file_in_a_subprocess(run_cli, hand_db, tmp_path):
    backup = tmp_path / "b.sqlite3"
    assert run_cli("backup", "--db", hand_db, "--to", backup).returncode == 0
    shop = make_random(tmp_path / "shop.sqlite3")
    done = run_cli("restore", backup, "--db", shop)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "could not be read" in done.stdout and str(shop) in done.stdout
    assert len(list(tmp_path.glob("shop.sqlite3.damaged-*"))) == 1
    assert row_counts(shop)["sales"] == 6


def test_restore_of_the_database_onto_itself_leaves_no_side_files(hand_db, capsys):
    assert side_files(hand_db) == []
    before = digest(hand_db)
    assert main(["restore", str(hand_db), "--db", str(hand_db)]) == 2
    assert "itself" in capsys.readouterr().err
    assert digest(hand_db) == before
    assert side_files(hand_db) == []


def test_restore_from_a_backup_leaves_no_side_files_beside_the_backup(hand_db, tmp_path, capsys):
    backup = tmp_path / "b.sqlite3"
    assert main(["backup", "--db", str(hand_db), "--to", str(backup)]) == 0
    assert main(["restore", str(backup), "--db", str(tmp_path / "new.sqlite3")]) == 0
    assert side_files(backup) == [] and side_files(tmp_path / "new.sqlite3") == []
