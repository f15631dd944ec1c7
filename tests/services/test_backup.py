"""services.backup: copies through the SQLite backup API, validated restores with a safety backup."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from livestream_desk.db import schema_version
from livestream_desk.db.engine import Database, open_database
from livestream_desk.db.errors import ForeignDatabase, NewerSchema, NotADatabase, UnsupportedOperation
from livestream_desk.db.models import Sale
from livestream_desk.services.backup import (
    backup_database,
    default_backup_path,
    inspect_backup_file,
    restore_database,
)
from livestream_desk.services.errors import UserError
from livestream_desk.services.summary import refresh_months
from tests.cli.conftest import build_hand_db
from tests.cli.helpers import digest, make_damaged_pages, make_foreign, make_newer_schema, make_random, row_counts


@pytest.fixture
def hand(tmp_path):
    path = build_hand_db(tmp_path / "shop.sqlite3")
    database = open_database(path)
    yield database
    database.dispose()


def sales_count(database: Database) -> int:
    with database.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Sale)).scalar_one()


def delete_sales(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(Sale.__table__.delete())
        refresh_months(conn)


def test_default_backup_path_is_beside_the_database(hand):
    path = default_backup_path(hand)
    assert path.parent == hand.path.parent / "backups"
    assert path.name.startswith("shop-") and path.suffix == ".sqlite3"
    assert "before-restore" in default_backup_path(hand, "before-restore").name


def test_backup_is_a_consistent_copy(hand):
    target = backup_database(hand)
    assert target.exists() and target.parent.name == "backups"
    assert row_counts(target) == row_counts(hand.path)
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # stands alone, no WAL
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not Path(str(target) + ".partial").exists()


def test_backup_includes_commits_still_in_the_wal(hand, tmp_path):
    # Keep a reader open so the WAL is not checkpointed, then back up.
    reader = hand.engine.connect().execution_options(readonly=True)
    reader.execute(text("SELECT count(*) FROM sales"))
    delete_sales(hand)
    assert Path(str(hand.path) + "-wal").stat().st_size > 0
    target = backup_database(hand, tmp_path / "b.sqlite3")
    reader.close()
    assert row_counts(target)["sales"] == 0


def test_backup_reports_progress(hand, tmp_path):
    seen = []
    backup_database(hand, tmp_path / "b.sqlite3", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_backup_replaces_an_older_backup_but_not_other_files(hand, tmp_path):
    older = backup_database(hand, tmp_path / "nightly.sqlite3")
    delete_sales(hand)
    with pytest.raises(UserError, match="already exists"):
        backup_database(hand, older)  # replacing is asked for explicitly (CLI --force, the file dialog)
    assert row_counts(older)["sales"] == 6
    assert backup_database(hand, older, overwrite=True) == older
    assert row_counts(older)["sales"] == 0

    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    with pytest.raises(UserError, match="not overwriting"):
        backup_database(hand, other, overwrite=True)
    assert other.read_bytes() == b"\xff\xd8\xff\xe0 jpeg"


def test_backup_refuses_the_database_itself(hand):
    before = digest(hand.path)
    with pytest.raises(UserError, match="itself"):
        backup_database(hand, hand.path)
    assert digest(hand.path) == before


def test_backup_into_a_folder(hand, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    made = backup_database(hand, folder)
    assert made.parent == folder and made.name.startswith("shop-")


def test_server_database_is_unsupported_with_a_pg_dump_hint():
    server = Database(url="postgresql+psycopg://shop@server/shop", engine=None, session_factory=None, path=None, revision="x")
    with pytest.raises(UnsupportedOperation, match="pg_dump"):
        backup_database(server)
    with pytest.raises(UnsupportedOperation, match="pg_dump"):
        default_backup_path(server)


def test_restore_round_trip(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    delete_sales(hand)
    hand.dispose()

    result = restore_database(saved, hand.path)
    assert result.target == hand.path.resolve()
    assert result.revision == schema_version.HEAD and result.migrated_from is None
    assert row_counts(hand.path)["sales"] == 6
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert result.safety_backup.parent == hand.path.parent / "backups"
    assert "before-restore" in result.safety_backup.name
    assert row_counts(result.safety_backup)["sales"] == 0


def test_restore_reaches_a_database_that_is_open(hand, tmp_path):
    """Another connection (the open window) sees the restored content: pages, not a file swap."""
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    delete_sales(hand)
    assert sales_count(hand) == 0
    restore_database(saved, hand.path)
    assert sales_count(hand) == 6  # the same engine, its pooled connection still open


def test_restore_does_not_modify_the_backup(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    before = digest(saved)
    restore_database(saved, hand.path)
    assert digest(saved) == before


def test_restore_to_a_new_place_needs_no_safety_backup(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    target = tmp_path / "other-pc" / "data" / "livestream_desk.sqlite3"
    result = restore_database(saved, target)
    assert result.safety_backup is None
    assert row_counts(target) == row_counts(hand.path)
    reopened = open_database(target, create=False)
    assert sales_count(reopened) == 6
    reopened.dispose()


def test_restore_with_a_url_target(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    target = tmp_path / "via-url.sqlite3"
    restore_database(saved, f"sqlite:///{target}")
    assert row_counts(target)["sales"] == 6


def test_restore_to_a_server_database_is_unsupported(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    with pytest.raises(UnsupportedOperation):
        restore_database(saved, "postgresql+psycopg://shop@server/shop")


@pytest.mark.parametrize(
    "kind,error,match",
    [
        ("missing", NotADatabase, "does not exist"),
        ("folder", NotADatabase, "folder"),
        ("empty-file", NotADatabase, "empty file"),
        ("random", NotADatabase, "not an SQLite file"),
        ("text", NotADatabase, "not an SQLite file"),
        ("no-tables", NotADatabase, "holds no livestream_desk data"),
        ("foreign", ForeignDatabase, "did not make"),
        ("newer", NewerSchema, "newer"),
        ("damaged", NotADatabase, "malformed|damaged"),
    ],
)
def test_restore_refuses_a_bad_source_and_touches_nothing(kind, error, match, hand, tmp_path):
    source = tmp_path / f"{kind}.sqlite3"
    if kind == "folder":
        source.mkdir()
    elif kind == "empty-file":
        source.write_bytes(b"")
    elif kind == "random":
        make_random(source)
    elif kind == "text":
        source.write_text("订单号,商品名称\n1,婺源皇菊\n", encoding="utf-8")
    elif kind == "no-tables":
        conn = sqlite3.connect(source)
        conn.execute("PRAGMA user_version = 7")
        conn.close()
    elif kind == "foreign":
        make_foreign(source)
    elif kind == "newer":
        make_newer_schema(backup_database(hand, source))
    elif kind == "damaged":
        make_damaged_pages(backup_database(hand, tmp_path / "good.sqlite3"), source)
    hand.dispose()
    before = digest(hand.path)
    with pytest.raises(error, match=match):
        restore_database(source, hand.path)
    assert digest(hand.path) == before
    assert not (hand.path.parent / "backups").exists()


@pytest.mark.parametrize("kind", ["foreign", "newer"])  # unreadable ones are moved aside: test_restore_damaged.py
def test_restore_refuses_a_target_it_must_not_touch(kind, hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    target = tmp_path / f"target-{kind}.sqlite3"
    if kind == "random":
        make_random(target)
    elif kind == "foreign":
        make_foreign(target)
    else:
        make_newer_schema(backup_database(hand, target))
    before = digest(target)
    with pytest.raises((NotADatabase, ForeignDatabase, NewerSchema)):
        restore_database(saved, target)
    assert digest(target) == before


def test_restore_refuses_the_database_onto_itself(hand):
    hand.dispose()
    before = digest(hand.path)
    with pytest.raises(UserError, match="itself"):
        restore_database(hand.path, hand.path)
    assert digest(hand.path) == before


def test_inspect_backup_file_reads_a_write_protected_file(hand, tmp_path):
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    saved.chmod(0o444)
    try:
        assert inspect_backup_file(saved) == schema_version.HEAD
        target = tmp_path / "restored.sqlite3"
        restore_database(saved, target)
        assert row_counts(target)["sales"] == 6
    finally:
        saved.chmod(0o644)


def test_restore_while_another_thread_writes_elsewhere(hand, tmp_path):
    """A restore waits for the write lock (busy timeout) instead of corrupting anything."""
    saved = backup_database(hand, tmp_path / "saved.sqlite3")
    writer = hand.engine.connect()
    writer.begin()  # BEGIN IMMEDIATE: holds the write lock
    writer.execute(Sale.__table__.delete())
    released = threading.Timer(0.5, lambda: (writer.commit(), writer.close()))
    released.start()
    restore_database(saved, hand.path)
    released.join()
    assert sales_count(hand) == 6
