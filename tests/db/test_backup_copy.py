"""Copies of a live database through the SQLite backup API."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import insert

from livestream_desk.db import models
from livestream_desk.db.backup_copy import sqlite_backup


def host_names(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM hosts")}
    finally:
        conn.close()


def test_copy_leaves_out_uncommitted_rows(db, db_path, tmp_path):
    with db.engine.begin() as conn:
        conn.execute(insert(models.Host).values(name="已提交"))
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO hosts (name) VALUES ('未提交')")
        target = sqlite_backup(db_path, tmp_path / "copies" / "copy.sqlite3")  # writer still open
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert target == tmp_path / "copies" / "copy.sqlite3"
    assert host_names(target) == {"已提交"}
    assert not list(target.parent.glob("*.partial"))
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert not Path(f"{target}-wal").exists()


def test_copy_includes_commits_still_in_the_wal(db, db_path, tmp_path):
    """A file copy of the main file would miss these: they live only in the -wal file yet."""
    writer = sqlite3.connect(db_path)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO hosts (name) VALUES ('在WAL里')")
        writer.commit()
        assert Path(f"{db_path}-wal").stat().st_size > 0
        target = sqlite_backup(db_path, tmp_path / "copy.sqlite3")
    finally:
        writer.close()
    assert "在WAL里" in host_names(target)


def test_copy_replaces_a_stale_partial_and_an_old_target(db, db_path, tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"old backup")
    Path(f"{target}.partial").write_bytes(b"half a copy from a crash")
    sqlite_backup(db_path, target)
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not Path(f"{target}.partial").exists()


def test_progress_is_reported(db, db_path, tmp_path, monkeypatch):
    from livestream_desk.db import backup_copy

    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 2)
    seen: list[tuple[int, int]] = []
    sqlite_backup(db_path, tmp_path / "copy.sqlite3", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_paths_with_uri_characters(tmp_path):
    """`#`, `?` and `%` are legal in folder names (`#` on Windows too) but special in a URI."""
    folder = tmp_path / "店铺#2 50%"
    folder.mkdir()
    source = folder / "shop.sqlite3"
    from livestream_desk.db.engine import open_database

    database = open_database(source)
    with database.engine.begin() as conn:
        conn.execute(insert(models.Host).values(name="小林"))
    database.dispose()
    target = sqlite_backup(source, folder / "backups" / "copy.sqlite3")
    assert host_names(target) == {"小林"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", folder.name]  # no stray file made
