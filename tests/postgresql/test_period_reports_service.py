"""tests/services/reports on PostgreSQL (see conftest.py): breakdowns, drill-downs, targets, exports."""
from __future__ import annotations

import pytest

from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.reports.test_breakdowns import *  # noqa: E402,F401,F403
from tests.services.reports.test_drilldown import *  # noqa: E402,F401,F403
from tests.services.reports.test_exports import *  # noqa: E402,F401,F403
from tests.services.reports.test_targets import *  # noqa: E402,F401,F403


@pytest.fixture(scope="module")
def shared_db(pg_server):
    """The hypothesis examples' database (emptied before each example), on the server."""
    from livestream_desk.db.engine import open_database

    url = pg_server.create_database()
    database = open_database(url)
    yield database
    database.dispose()
    pg_server.drop_database(url)
