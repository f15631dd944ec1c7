"""tests/services/test_reports.py on PostgreSQL (see conftest.py), its hypothesis test included."""
from __future__ import annotations

import pytest

from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_reports import *  # noqa: E402,F401,F403


@pytest.fixture(scope="module")
def shared_db(pg_server):
    """The hypothesis examples' database (emptied by the test before each example), on the server."""
    from livestream_desk.db.engine import open_database

    url = pg_server.create_database()
    database = open_database(url)
    yield database
    database.dispose()
    pg_server.drop_database(url)
