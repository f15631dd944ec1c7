"""Opening databases: creation, pragmas, write locking, and refusing what is not ours."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Float, Integer, Numeric, event, inspect, insert, select, text
from sqlalchemy.exc import OperationalError

from livestream_desk import config
from livestream_desk.db import engine as engine_module
from livestream_desk.db import models, schema_version
from livestream_desk.db.base import Base
from livestream_desk.db.engine import (
    Database,
    create_engine_for,
    integrity_problems,
    is_network_path,
    open_database,
    read_revision,
)
from livestream_desk.db.errors import DatabaseProblem, ForeignDatabase, NewerSchema, NotADatabase


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def make_app_database(path: Path) -> None:
    database = open_database(path)
    with database.engine.begin() as conn:
        conn.execute(insert(models.Host), [{"name": "小林"}, {"name": "阿梅"}])
    database.dispose()


def set_journal_mode(path: Path, mode: str) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(f"PRAGMA journal_mode={mode}").fetchone()[0] == mode.lower()
    conn.close()


# --- a fresh database ---------------------------------------------------------


def test_fresh_database_is_created_and_migrated_to_head(db_path):
    assert not db_path.exists()
    database = open_database(db_path)
    try:
        assert db_path.exists()
        assert database.path == db_path.resolve()
        assert database.is_sqlite
        assert database.revision == schema_version.HEAD
        assert database.migrated_from is None
        assert database.pre_migration_backup is None  # nothing to back up in a new file
        assert read_revision(database.engine) == (schema_version.HEAD, True)
        with database.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
        assert integrity_problems(database) == []
        assert not (db_path.parent / "backups").exists()
    finally:
        database.dispose()


def test_reopening_an_up_to_date_database_changes_nothing(db_path):
    make_app_database(db_path)
    database = open_database(db_path)
    try:
        assert database.revision == schema_version.HEAD
        assert database.migrated_from is None
        with database.engine.connect() as conn:
            assert conn.execute(select(models.Host.name).order_by(models.Host.name)).scalars().all() == ["小林", "阿梅"]
    finally:
        database.dispose()


def test_missing_file_without_create_is_refused(db_path):
    with pytest.raises(NotADatabase, match="no database at"):
        open_database(db_path, create=False)
    assert not db_path.exists()


def test_missing_folders_are_created(tmp_path):
    path = tmp_path / "新建文件夹" / "店铺" / "shop.sqlite3"
    database = open_database(path)
    database.dispose()
    assert path.exists()


def test_empty_file_becomes_a_database(db_path):
    db_path.write_bytes(b"")  # e.g. made by "New > Text document" and renamed
    database = open_database(db_path)
    database.dispose()
    assert database.revision == schema_version.HEAD


# --- pragmas and locking -------------------------------------------------------


def _pragmas(conn) -> dict:
    return {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


def test_pragmas_on_every_connection(db):
    # Several connections held at once, so each is a separate DBAPI connection (read-only:
    # a plain connection would BEGIN IMMEDIATE, and the second would wait for the first).
    conns = [db.engine.connect().execution_options(readonly=True) for _ in range(3)]
    try:
        for conn in conns:
            values = _pragmas(conn)
            assert values["journal_mode"] == "wal"
            assert values["synchronous"] == 2  # FULL
            assert values["foreign_keys"] == 1
            assert values["busy_timeout"] > 0
    finally:
        for conn in conns:
            conn.close()
    with db.session() as session:
        assert _pragmas(session.connection())["foreign_keys"] == 1


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.engine.begin() as conn:
            conn.execute(insert(models.PlatformCode).values(platform="douyin", code="x", product_id=999))


def test_write_transactions_begin_immediate(db):
    statements: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _record(conn, cursor, statement, *args):
        statements.append(statement)

    with db.engine.begin() as conn:
        conn.execute(select(1))
    with db.session() as session, session.begin():
        session.execute(select(1))
    with db.engine.connect().execution_options(readonly=True) as conn:
        conn.execute(select(1))
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN IMMEDIATE", "BEGIN"]


def test_second_writer_is_refused_while_the_first_holds_the_lock(db, db_path, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    other, _ = create_engine_for(db_path)
    try:
        with db.engine.begin():  # holds the write lock from BEGIN on, before any write
            started = time.monotonic()
            with pytest.raises(OperationalError, match="locked"):
                with other.begin():
                    pass
            assert time.monotonic() - started >= 0.09  # it waited for the busy timeout
            # Readers are not blocked (WAL): a read-only connection still reads.
            with other.connect().execution_options(readonly=True) as reader:
                assert reader.execute(select(1)).scalar() == 1
        with other.begin() as conn:  # once the first commits, the second gets in
            conn.execute(insert(models.Host).values(name="后来者"))
    finally:
        other.dispose()


def test_second_writer_waits_for_the_first_to_commit(db, db_path):
    other, _ = create_engine_for(db_path)  # default busy timeout (seconds)
    holding = threading.Event()

    def first_writer():
        with db.engine.begin() as conn:
            conn.execute(insert(models.Host).values(name="先"))
            holding.set()
            time.sleep(0.3)

    thread = threading.Thread(target=first_writer)
    thread.start()
    try:
        assert holding.wait(5)
        started = time.monotonic()
        with other.begin() as conn:
            conn.execute(insert(models.Host).values(name="后"))
        assert time.monotonic() - started >= 0.1
    finally:
        thread.join()
        other.dispose()
    with db.engine.connect() as conn:
        assert set(conn.execute(select(models.Host.name)).scalars()) == {"先", "后"}


# --- files that are not ours: refused, never touched -------------------------


def _assert_refused_untouched(path: Path, error: type[DatabaseProblem], *fragments: str) -> str:
    before = digest(path)
    size = path.stat().st_size
    with pytest.raises(error) as caught:
        open_database(path)
    message = str(caught.value)
    assert str(path.name) in message
    for fragment in fragments:
        assert fragment in message
    assert "Traceback" not in message and "\n" not in message
    assert digest(path) == before and path.stat().st_size == size
    assert sidecars(path) == []  # no -wal / -shm / -journal left behind
    assert not (path.parent / "backups").exists()
    return message


def test_random_bytes_are_not_a_database(db_path):
    db_path.write_bytes(os.urandom(8192))
    _assert_refused_untouched(db_path, NotADatabase, "not an SQLite file")


def test_text_file_is_not_a_database(db_path):
    db_path.write_text("订单号,商品名称,实付金额\n1001,皇菊,99.00\n", encoding="utf-8")
    _assert_refused_untouched(db_path, NotADatabase, "not an SQLite file")


def test_tiny_file_is_not_a_database(db_path):
    db_path.write_bytes(b"SQLite")
    _assert_refused_untouched(db_path, NotADatabase)


def test_truncated_database_is_refused(db_path, tmp_path):
    whole = tmp_path / "whole.sqlite3"
    make_app_database(whole)
    data = whole.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    _assert_refused_untouched(db_path, NotADatabase, "cannot open")


def test_corrupt_database_is_refused(db_path, tmp_path):
    whole = tmp_path / "whole.sqlite3"
    make_app_database(whole)
    data = bytearray(whole.read_bytes())
    data[100:4096] = os.urandom(3996)  # the schema page, after an intact header
    db_path.write_bytes(bytes(data))
    _assert_refused_untouched(db_path, NotADatabase, "cannot open")


def test_sqlite_header_then_garbage_is_refused(db_path):
    db_path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    _assert_refused_untouched(db_path, NotADatabase)


def test_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(NotADatabase, match="cannot read"):
        open_database(folder)


@pytest.mark.parametrize("journal_mode", ["DELETE", "WAL"])
def test_foreign_database_is_refused_untouched(db_path, journal_mode):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE ledger (day TEXT, amount INTEGER)")
    conn.execute("INSERT INTO ledger VALUES ('2026-10-01', 12345)")
    conn.commit()
    conn.close()
    set_journal_mode(db_path, journal_mode)
    _assert_refused_untouched(db_path, ForeignDatabase, "did not make")
    # The other program still sees its file as it left it (journal mode included).
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == journal_mode.lower()
    assert conn.execute("SELECT * FROM ledger").fetchall() == [("2026-10-01", 12345)]
    conn.close()


@pytest.mark.parametrize("journal_mode", ["DELETE", "WAL"])
def test_newer_schema_is_refused_untouched(db_path, journal_mode):
    make_app_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    # A backup copy (or a file from another PC) is in rollback-journal mode; switching it to
    # WAL would rewrite its header, so both modes must come out byte-for-byte the same.
    set_journal_mode(db_path, journal_mode)
    before = digest(db_path)
    message = _assert_refused_untouched(db_path, NewerSchema, "9999_future", "newer")
    assert "not changed" in message
    with pytest.raises(NewerSchema):
        open_database(db_path, migrate=False)  # refused even when only reading
    assert digest(db_path) == before and sidecars(db_path) == []


def test_newer_schema_refused_through_a_url(db_path):
    make_app_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(NewerSchema):
        open_database(f"sqlite:///{db_path}")
    assert digest(db_path) == before


# --- schema rules ----------------------------------------------------------------


def test_no_float_or_numeric_columns_anywhere(db):
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert not isinstance(column.type, (Float, Numeric)), f"{table.name}.{column.name} is {column.type}"
            if column.name.endswith("_fen"):
                assert isinstance(column.type, Integer), f"{table.name}.{column.name} must be Integer fen"
    # And in the migrated file itself, as SQLite sees the declared types.
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.exec_driver_sql(f"PRAGMA table_info('{table}')"):
                declared = (row[2] or "").upper()
                for bad in ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL"):
                    assert bad not in declared, f"{table}.{row[1]} is declared {declared}"


def test_money_columns_keep_large_amounts_exactly(db):
    big = 9_007_199_254_740_993  # 2**53 + 1: a float would lose the last fen
    with db.engine.begin() as conn:
        conn.execute(insert(models.Sale).values(platform="douyin", order_id="1", paid_fen=big))
    with db.engine.connect() as conn:
        assert conn.execute(select(models.Sale.paid_fen)).scalar() == big
        assert conn.execute(text("SELECT typeof(paid_fen) FROM sales")).scalar() == "integer"


# --- where the database is ----------------------------------------------------------


def test_default_path_is_in_the_data_folder(isolated_data_dir):
    assert config.default_db_path() == isolated_data_dir / "livestream_desk.sqlite3"
    database = open_database()
    try:
        assert database.path == (isolated_data_dir / "livestream_desk.sqlite3").resolve()
        assert database.path.exists()
        assert database.describe() == str(database.path)
    finally:
        database.dispose()


def test_sqlite_url_works_like_a_path(db_path):
    database = open_database(f"sqlite:///{db_path}")
    try:
        assert database.path == db_path.resolve()
        assert database.revision == schema_version.HEAD
        with database.engine.connect() as conn:
            assert _pragmas(conn)["journal_mode"] == "wal"
    finally:
        database.dispose()
    again = open_database(db_path)
    again.dispose()
    assert again.revision == schema_version.HEAD


def test_string_path_and_home_relative_path(db_path, monkeypatch, tmp_path):
    database = open_database(str(db_path))
    database.dispose()
    assert database.path == db_path.resolve()
    monkeypatch.setenv("HOME", str(tmp_path))
    engine, path = create_engine_for("~/shop.sqlite3")
    engine.dispose()
    assert path == (tmp_path / "shop.sqlite3").resolve()


def test_postgresql_url_is_accepted_without_connecting(monkeypatch):
    calls = []
    real_create_engine = engine_module.create_engine

    def recording_create_engine(url, **kwargs):
        calls.append((url, kwargs))
        return real_create_engine("sqlite://")  # stand-in: no driver or server needed

    monkeypatch.setattr(engine_module, "create_engine", recording_create_engine)
    engine, path = create_engine_for("postgresql+psycopg://shop:secret@db.example:5432/shop")
    engine.dispose()
    assert path is None
    [(url, kwargs)] = calls
    assert url.get_backend_name() == "postgresql"
    assert url.database == "shop"
    assert kwargs.get("pool_pre_ping") is True


def test_postgresql_engine_dialect():
    pytest.importorskip("psycopg")  # the optional `postgresql` extra
    engine, path = create_engine_for("postgresql+psycopg://shop:secret@db.example:5432/shop")
    try:
        assert path is None
        assert engine.dialect.name == "postgresql"
        database = Database(url=str(engine.url), engine=engine, session_factory=None, path=None, revision="")
        assert not database.is_sqlite
        assert "secret" not in database.describe()
        assert "db.example" in database.describe()
    finally:
        engine.dispose()


def test_network_share_detection():
    assert is_network_path(Path("//server/share/shop.sqlite3"))
    assert is_network_path(Path("\\\\server\\share\\shop.sqlite3"))
    assert not is_network_path(Path("/home/user/shop.sqlite3"))
