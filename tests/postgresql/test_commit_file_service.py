"""tests/services/importers/test_commit_file.py on PostgreSQL (see conftest.py)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.importers.test_commit_file import *  # noqa: E402,F401,F403
