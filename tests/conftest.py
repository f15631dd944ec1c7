"""Shared test set-up: offscreen Qt, one QApplication per session, a fresh database per test."""
from __future__ import annotations

import faulthandler
import os
import shutil
from pathlib import Path

import pytest

# Before anything imports Qt: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
faulthandler.enable()

# PostgreSQL: pg_server, pg_url, pg_db (skipped unless LIVESTREAM_DESK_TEST_PG_URL is set).
from tests.fixtures.postgresql import _pg_session_url, pg_db, pg_server, pg_url  # noqa: E402,F401


@pytest.fixture(scope="session", autouse=True)
def _qt_refcount_guard():
    """See livestream_desk/ui/qt_compat.py: a no-op unless a buggy PySide6 is installed."""
    from livestream_desk.ui import qt_compat

    qt_compat.apply()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Each test gets its own data folder, so nothing touches the user's real database."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("LIVESTREAM_DESK_DATA_DIR", str(data))
    return data


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path):
    """A fresh, migrated, empty database of its own."""
    from livestream_desk.db.engine import open_database

    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """A small demo database built once per test session; tests get their own copy."""
    from livestream_desk.db.engine import open_database
    from livestream_desk.domain.period import Month
    from livestream_desk.services.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, months=24, sales=3000, seed=7, end_month=Month(2026, 10))
    database.dispose()
    return path


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    """A copy of the demo database (24 months to 2026-10, ~3,000 sale lines), private to the test."""
    from livestream_desk.db.backup_copy import sqlite_backup
    from livestream_desk.db.engine import open_database

    path = sqlite_backup(_demo_template, tmp_path / "demo.sqlite3")
    database = open_database(path)
    yield database
    database.dispose()
