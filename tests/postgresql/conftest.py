"""The service tests of tests/services again, on PostgreSQL (DESIGN §1: a shop's shared server).

Each module here imports the tests of one tests/services module; this folder's `db` fixture
is a PostgreSQL database (`pg_db`), so every one of them that uses `db` runs again on the
server (a module may also point a fixture of its own at the server). Tests that never touch
the server (pure ones, and those on SQLite files of their own) ran already in tests/services:
they are deselected here. Without LIVESTREAM_DESK_TEST_PG_URL the
ones left are skipped with that reason (tests/fixtures/postgresql.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture
def db(pg_db):
    return pg_db


def pytest_collection_modifyitems(config, items):
    kept, dropped = [], []
    for item in items:
        in_here = HERE in Path(str(item.fspath)).resolve().parents
        on_server = "pg_server" in getattr(item, "fixturenames", ())  # through `db` or a database of its own
        (dropped if in_here and not on_server else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
