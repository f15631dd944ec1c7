"""Schema migrations: scripts match the models, every old schema opens with nothing lost,
and a backup is made before any upgrade."""
from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from livestream_desk.db import engine as engine_module
from livestream_desk.db import models, schema_version
from livestream_desk.db.base import Base
from livestream_desk.db.engine import integrity_problems, open_database, read_revision
from livestream_desk.db.migrate import alembic_config, script_revisions
from livestream_desk.services.summary import summary_mismatches

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def table_rows(path: Path) -> dict[str, list[dict]]:
    """Every row of every table (but Alembic's own and the search index, which is derived
    from the products: see test_search_index_*), as dicts, in rowid order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        names = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_") and name != "alembic_version" and models.in_models(name, "table", {})
        ]
        return {name: [dict(row) for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')] for name in names}
    finally:
        conn.close()


def stored_revision(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_known_revisions_match_the_migration_scripts():
    assert list(schema_version.REVISIONS) == script_revisions()
    assert schema_version.HEAD == schema_version.REVISIONS[-1]
    assert len(set(schema_version.REVISIONS)) == len(schema_version.REVISIONS)


def test_migrated_schema_equals_the_models(db):
    with db.engine.connect() as conn:
        options = {"compare_type": True, "compare_server_default": True, "render_as_batch": True,
                   "include_name": models.in_models}
        context = MigrationContext.configure(conn, opts=options)
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], "the models and the migrations disagree; add an Alembic revision"


def test_every_model_table_is_created(db):
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        for table in Base.metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name


def test_migrations_go_down_and_up_again(db):
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with db.engine.connect() as conn:
        assert inspect(conn).get_table_names() in ([], ["alembic_version"])
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    assert read_revision(db.engine) == (schema_version.HEAD, True)


@pytest.mark.parametrize("revision", schema_version.REVISIONS)
def test_a_fixture_exists_for_every_schema_version(revision):
    path = FIXTURES / f"schema_{revision}.sqlite3"
    assert path.exists(), f"run `python tests/fixtures/make_schema_fixtures.py` and commit {path.name}"
    assert stored_revision(path) == revision
    rows = table_rows(path)
    empty = [name for name, content in rows.items() if not content]
    assert not empty, f"the fixture should have rows in every table; empty: {empty}"


@pytest.mark.parametrize("revision", schema_version.REVISIONS)
def test_old_schema_opens_with_nothing_lost(revision, tmp_path):
    source = FIXTURES / f"schema_{revision}.sqlite3"
    path = tmp_path / "shop.sqlite3"
    fixture_bytes = source.read_bytes()
    shutil.copyfile(source, path)
    before = table_rows(path)

    database = open_database(path)
    try:
        assert database.revision == schema_version.HEAD
        assert read_revision(database.engine) == (schema_version.HEAD, True)
        if revision == schema_version.HEAD:
            assert database.migrated_from is None
        else:
            assert database.migrated_from == revision
            assert database.pre_migration_backup is not None and database.pre_migration_backup.exists()
            assert stored_revision(database.pre_migration_backup) == revision
        assert integrity_problems(database) == []
        with database.engine.connect().execution_options(readonly=True) as conn:
            assert summary_mismatches(conn) == []
    finally:
        database.dispose()

    after = table_rows(path)
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        assert len(after[table]) == len(rows), f"rows lost in {table}"
        # Columns that still exist under the same name keep their values.
        for old, new in zip(rows, after[table]):
            shared = old.keys() & new.keys()
            assert {k: old[k] for k in shared} == {k: new[k] for k in shared}, table
    assert source.read_bytes() == fixture_bytes  # the committed fixture itself is never opened for writing


SEARCH_TRIGGERS = {
    "products_search_insert", "products_search_delete", "products_search_update_old", "products_search_update_new"
}


def search_index_problems(conn) -> list[str]:
    """FTS5's own check of product_search against what it indexes (the products, through the
    view product_search_source); empty when they agree."""
    try:
        conn.exec_driver_sql("INSERT INTO product_search (product_search, rank) VALUES ('integrity-check', 1)")
    except Exception as exc:  # noqa: BLE001 - SQLITE_CORRUPT_VTAB: the index differs from the products
        return [str(exc)]
    return []


def test_search_index_triggers_exist_at_head(db):
    """A migration that copies `products` (a batch ALTER on SQLite) drops its triggers with the
    old table; it must create them again (0002_product_search.create_triggers) and rebuild."""
    with db.engine.connect() as conn:
        triggers = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products'"
            )
        }
        assert SEARCH_TRIGGERS <= triggers
        assert search_index_problems(conn) == []


@pytest.mark.parametrize("revision", schema_version.REVISIONS)
def test_search_index_matches_the_products_of_an_old_schema(revision, tmp_path):
    """Opening an old file fills the index (0002's backfill) or keeps it; the search finds each
    product by its keys through the index exactly as LIKE does."""
    from livestream_desk.services import catalogue

    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(FIXTURES / f"schema_{revision}.sqlite3", path)
    database = open_database(path)
    try:
        with database.engine.connect() as conn:
            assert catalogue.has_search_index(conn)
            assert search_index_problems(conn) == []
            keys = dict(conn.exec_driver_sql("SELECT id, search_keys FROM products").all())
        for product_id, product_keys in keys.items():
            for word in product_keys.split()[:3]:
                query = catalogue.ProductQuery(text=word, archived="include", limit=100)
                rows, total = catalogue.list_products_and_count(database, query)
                assert product_id in [r.id for r in rows], word
                expected = sum(1 for k in keys.values() if any(word in key for key in k.split()))
                assert total == expected, word
    finally:
        database.dispose()


def test_fixture_reads_as_expected_in_the_report(tmp_path):
    """The 0001 fixture through today's services: its sales land in the right months."""
    from livestream_desk.domain.metrics import round_pct
    from livestream_desk.services.reports import monthly_report

    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0001_initial.sqlite3", path)
    database = open_database(path)
    try:
        report = monthly_report(database)
        assert [str(r.month) for r in report.rows] == ["2025-12", "2026-01"]
        december, january = report.rows
        assert (december.orders, december.units, december.gmv_fen, december.refunds_fen) == (1, 3, 18970, 4990)
        assert (january.orders, january.units, january.gmv_fen, january.refunds_fen) == (2, 4, 21960, 0)
        assert december.livestreams == 1  # started 2025-12-31 20:05, ended in January
        assert january.livestreams == 1  # the cancelled and the planned ones do not count
        assert december.target_fen == 2000000 and january.target_fen == 3000000
        # 13980 net in December → 21960 in January
        assert round_pct(january.mom_growth_pct) == Decimal("57.1")
    finally:
        database.dispose()


# --- backup before migration -------------------------------------------------------


@pytest.fixture
def older_schema(db_path, monkeypatch):
    """A database whose stored revision is an older one this build still knows.

    There is only one real revision so far, so an older one is simulated: the app is told
    it knows `0000_old` before HEAD, and the upgrade itself is replaced by a stamp (it is
    the backup around it that is under test here).
    """
    from sqlalchemy import insert

    from livestream_desk.db import models

    database = open_database(db_path)
    with database.engine.begin() as conn:
        conn.execute(insert(models.Host), [{"name": f"主播{i}"} for i in range(25)])
        conn.execute(insert(models.Category), [{"name": "茶叶"}, {"name": "粮油"}])
    database.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '0000_old'")
    conn.commit()
    conn.close()

    monkeypatch.setattr(schema_version, "REVISIONS", ("0000_old", "0001_initial"))
    monkeypatch.setattr(schema_version, "HEAD", "0001_initial")
    upgrades: list[dict] = []

    def fake_upgrade(engine):
        backups = sorted((db_path.parent / "backups").glob("*.sqlite3"))
        upgrades.append({"backups_before_upgrade": backups})
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001_initial'")

    monkeypatch.setattr(engine_module, "_upgrade", fake_upgrade)
    return upgrades


def test_backup_is_made_before_migrating(db_path, older_schema):
    before = table_rows(db_path)
    database = open_database(db_path)
    try:
        assert database.migrated_from == "0000_old"
        assert database.revision == schema_version.HEAD
        backup = database.pre_migration_backup
    finally:
        database.dispose()

    assert len(older_schema) == 1
    assert older_schema[0]["backups_before_upgrade"] == [backup]  # made before the upgrade ran
    assert backup.parent == db_path.parent / "backups"
    assert "0000_old" in backup.name
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # stands alone
    finally:
        conn.close()
    assert stored_revision(backup) == "0000_old"
    assert table_rows(backup) == before
    assert not list(backup.parent.glob("*.partial"))
    assert stored_revision(db_path) == "0001_initial"


def test_no_backup_and_no_upgrade_when_not_migrating(db_path, older_schema):
    database = open_database(db_path, migrate=False)
    database.dispose()
    assert database.revision == "0000_old"
    assert database.migrated_from is None and database.pre_migration_backup is None
    assert older_schema == []
    assert not (db_path.parent / "backups").exists()
    assert stored_revision(db_path) == "0000_old"


def test_failed_upgrade_leaves_the_backup_and_reports_the_error(db_path, older_schema, monkeypatch):
    def broken_upgrade(engine):
        raise RuntimeError("migration went wrong")

    monkeypatch.setattr(engine_module, "_upgrade", broken_upgrade)
    with pytest.raises(RuntimeError, match="went wrong"):
        open_database(db_path)
    backups = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and stored_revision(backups[0]) == "0000_old"
    assert stored_revision(db_path) == "0000_old"
