"""Shared test set-up: offscreen Qt, one QApplication per session, a fresh database per test."""
from __future__ import annotations

import faulthandler
import os
from pathlib import Path

import pytest

# Before anything imports Qt: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
faulthandler.enable()

# PostgreSQL: pg_server, pg_url, pg_db (skipped unless LIVESTREAM_DESK_TEST_PG_URL is set).
from tests.fixtures.postgresql import _pg_session_url, pg_db, pg_server, pg_url  # noqa: E402

__all__ = ["_pg_session_url", "pg_db", "pg_server", "pg_url"]  # fixtures, found by name


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


LARGE_CATALOGUE = 50_000


@pytest.fixture(scope="session")
def _catalogue_50k_template(tmp_path_factory) -> Path:
    """50,000 products written once per test session with one Core insert (DESIGN §10):
    every 8th a 皇菊, none archived, prices spread to 5,000 yuan."""
    from sqlalchemy import insert

    from livestream_desk.db import models
    from livestream_desk.db.engine import open_database
    from livestream_desk.domain.pinyin_keys import search_keys_for

    bases = [
        ("婺源皇菊", "婺源县", "婺源县篁岭皇菊专业合作社"),
        ("赣南脐橙", "信丰县", "信丰果农"),
        ("修水宁红茶", "修水县", "宁红茶业"),
        ("万年贡米", "万年县", "万年米业合作社"),
        ("南丰蜜桔", "南丰县", "南丰果业"),
        ("井冈山竹笋", "井冈山市", "井冈山农户"),
        ("鄱阳湖藜蒿", "鄱阳县", "湖区农户"),
        ("崇义高山茶", "崇义县", "阳岭茶场"),
    ]
    rows = []
    for i in range(LARGE_CATALOGUE):
        base, county, producer = bases[i % len(bases)]
        name = f"{base}{i // len(bases)}号"
        sku = f"SKU-{i:06d}"
        rows.append(dict(
            sku=sku, name=name, spec="500g", unit="袋", list_price_fen=1000 + (i * 7919) % 500_000,
            cost_fen=500 + i % 300, stock=i % 100, low_stock_threshold=10, origin_province="江西省",
            origin_county=county, certifications="地理标志" if i % 3 == 0 else "",
            search_keys=search_keys_for(name, sku, ["江西省", county], producer),
        ))
    path = tmp_path_factory.mktemp("catalogue_50k") / "catalogue.sqlite3"
    database = open_database(path)
    with database.engine.begin() as conn:
        conn.execute(insert(models.Product), rows)
    database.dispose()
    return path


@pytest.fixture
def catalogue_50k(_catalogue_50k_template):
    """The session's 50,000-product database, shared by the large-catalogue tests: READ ONLY
    (a test that writes would change what the others see)."""
    from livestream_desk.db.engine import open_database

    database = open_database(_catalogue_50k_template)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    """A copy of the demo database (24 months to 2026-10, ~3,000 sale lines), private to the test."""
    from livestream_desk.db.backup_copy import sqlite_backup
    from livestream_desk.db.engine import open_database

    path = sqlite_backup(_demo_template, tmp_path / "demo.sqlite3")
    database = open_database(path)
    yield database
    database.dispose()
