"""Backups that cannot be made: a full disk, a damaged database, an existing file, a killed run.

A full disk is simulated without root: the command runs in a subprocess whose file size
limit (RLIMIT_FSIZE) is smaller than the copy, with SIGXFSZ ignored, so writes past the
limit fail with EFBIG just as they fail with ENOSPC on a full disk.
"""
from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from livestream_desk.db.backup_copy import remove_stale_partials, sqlite_backup
from livestream_desk.db.engine import open_database
from livestream_desk.db.errors import NotADatabase
from livestream_desk.services import backup as backup_service
from livestream_desk.services.backup import backup_database
from livestream_desk.services.errors import Cancelled, UserError
from tests.cli.conftest import REPO_ROOT, build_hand_db
from tests.cli.helpers import assert_one_line_error, digest, make_damaged_pages

LEFTOVER_PATTERNS = ("*.partial", "*.partial-journal", "*.partial-wal", "*.partial-shm", ".*.part")


def leftovers(folder: Path) -> list[Path]:
    return sorted(p for pattern in LEFTOVER_PATTERNS for p in folder.glob(pattern))


def run_with_file_limit(args: list[str], limit_bytes: int, data_dir: Path, timeout: float = 120):
    """`python -m livestream_desk ARGS` with every file it writes capped at `limit_bytes`."""

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LIVESTREAM_DESK_DATA_DIR=str(data_dir),
               QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "livestream_desk", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, env=env, cwd=str(REPO_ROOT),
                          preexec_fn=cap)


@pytest.fixture
def demo_file(demo_db) -> Path:
    path = demo_db.path
    demo_db.dispose()
    return path


@pytest.fixture
def hand(tmp_path):
    database = open_database(build_hand_db(tmp_path / "shop.sqlite3"))
    yield database
    database.dispose()


# --- a full disk ----------------------------------------------------------------------


def test_full_disk_names_the_backup_and_leaves_no_partial_files(demo_file, tmp_path, isolated_data_dir):
    size = demo_file.stat().st_size
    assert size > 400_000
    target = tmp_path / "usb" / "copy.sqlite3"
    done = run_with_file_limit(["backup", "--db", demo_file, "--to", target], 200_000, isolated_data_dir)
    assert done.returncode == 2, done.stderr
    line = assert_one_line_error(done.stderr, str(target))
    assert f"{demo_file} " not in line and f"{demo_file}:" not in line  # the source is not the culprit
    assert leftovers(target.parent) == []
    assert not target.exists()


def test_failed_copy_leaves_no_partial_files(hand, tmp_path):
    def cancel(done, total):
        raise Cancelled()

    target = tmp_path / "out" / "copy.sqlite3"
    with pytest.raises(Cancelled):
        backup_database(hand, target, progress=cancel)
    assert leftovers(target.parent) == [] and not target.exists()


def test_not_enough_free_space_is_refused_before_writing(hand, tmp_path, monkeypatch):
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(backup_service.shutil, "disk_usage",
                        lambda folder: real(folder)._replace(free=10_000))
    target = tmp_path / "out" / "copy.sqlite3"
    with pytest.raises(UserError) as caught:
        backup_database(hand, target)
    assert caught.value.code == "backup.no_space"
    assert str(target) in str(caught.value)
    assert not target.parent.exists() or leftovers(target.parent) == []


# --- what a killed backup left --------------------------------------------------------


def test_next_backup_removes_what_a_killed_backup_left(hand, tmp_path):
    folder = hand.path.parent / "backups"
    folder.mkdir()
    # A run killed half-way: part of an SQLite file and the journal older versions kept beside it.
    killed = folder / "shop-20261128-101010.sqlite3.partial"
    killed.write_bytes(hand.path.read_bytes()[:8192])
    Path(f"{killed}-journal").write_bytes(b"\0" * 512)
    orphan_journal = folder / "shop-20261127-090909.sqlite3.partial-journal"
    orphan_journal.write_bytes(b"\0" * 512)
    not_ours = folder / "notes.partial"
    not_ours.write_text("a file of the user's, not an SQLite copy")

    target = backup_database(hand)
    assert target.parent == folder
    assert not killed.exists() and not Path(f"{killed}-journal").exists() and not orphan_journal.exists()
    assert not_ours.exists()
    assert leftovers(folder) == [not_ours]


def test_a_copy_being_written_by_another_process_is_left_alone(hand, tmp_path):
    live = tmp_path / "other.sqlite3.partial"
    sqlite_backup(hand.path, tmp_path / "seed.sqlite3").rename(live)
    writer = sqlite3.connect(live, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # what the backup API holds on its destination
        assert remove_stale_partials(tmp_path) == []
        assert live.exists()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert remove_stale_partials(tmp_path) == [live]
    assert not live.exists()


# --- a damaged database ---------------------------------------------------------------


def test_damaged_database_is_not_backed_up(tmp_path, hand):
    damaged = make_damaged_pages(hand.path, tmp_path / "damaged.sqlite3")
    database = open_database(damaged, create=False, migrate=False)  # the header and schema still read
    try:
        with pytest.raises(NotADatabase) as caught:
            backup_database(database, tmp_path / "copy.sqlite3")
    finally:
        database.dispose()
    assert caught.value.code == "backup.database_damaged"
    assert caught.value.params["reason"]
    assert not (tmp_path / "copy.sqlite3").exists()


def test_damaged_database_backup_on_the_command_line(tmp_path, hand, capsys):
    from livestream_desk.cli import main

    damaged = make_damaged_pages(hand.path, tmp_path / "damaged.sqlite3")
    target = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(damaged), "--to", str(target), "--lang", "en"]) == 2
    assert_one_line_error(capsys.readouterr().err, str(damaged), "damaged", "no backup was made")
    assert not target.exists()


# --- an existing file -----------------------------------------------------------------


def test_backup_to_an_existing_file_needs_force(hand, tmp_path, capsys):
    from livestream_desk.cli import main

    target = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(hand.path), "--to", str(target)]) == 0
    before = digest(target)
    capsys.readouterr()
    assert main(["backup", "--db", str(hand.path), "--to", str(target)]) == 2
    assert_one_line_error(capsys.readouterr().err, str(target), "--force")
    assert digest(target) == before
    assert main(["backup", "--db", str(hand.path), "--to", str(target), "--force"]) == 0
    assert target.exists()


KILLED_BACKUP = """
import sys, time
from pathlib import Path
from livestream_desk.db import backup_copy

backup_copy.PAGES_PER_STEP = 1
def crawl(done, total):  # slow enough to be killed half-way
    if done == 2:
        print("copying", flush=True)
    time.sleep(0.05)
backup_copy.sqlite_backup(Path(sys.argv[1]), Path(sys.argv[2]), crawl)
"""


def test_a_killed_backup_leaves_a_partial_file_that_the_next_backup_removes(hand, tmp_path):
    folder = hand.path.parent / "backups"
    target = folder / "shop-killed.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    process = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(hand.path), str(target)],
                               stdout=subprocess.PIPE, text=True, env=env, cwd=str(REPO_ROOT))
    try:
        assert process.stdout.readline().strip() == "copying"
        process.kill()  # SIGKILL: nothing of ours runs to clean up
    finally:
        process.wait(timeout=30)
    assert leftovers(folder) == [folder / "shop-killed.sqlite3.partial"] and not target.exists()

    made = backup_database(hand)
    assert made.parent == folder and made.exists()
    assert leftovers(folder) == []
