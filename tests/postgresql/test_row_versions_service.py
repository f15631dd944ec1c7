"""tests/services/test_row_versions.py on PostgreSQL (see conftest.py): two Database objects,
two connection pools, one server."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_row_versions import *  # noqa: E402,F401,F403
