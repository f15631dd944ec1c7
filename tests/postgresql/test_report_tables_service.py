"""tests/services/test_report_tables.py on PostgreSQL (see conftest.py)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_report_tables import *  # noqa: E402,F401,F403
