"""tests/services/test_sale_write_path.py on PostgreSQL (see conftest.py)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_sale_write_path import *  # noqa: E402,F401,F403
