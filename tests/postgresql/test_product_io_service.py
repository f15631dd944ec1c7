"""tests/services/test_product_io.py on PostgreSQL (see conftest.py): product import and export."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_product_io import *  # noqa: E402,F401,F403
