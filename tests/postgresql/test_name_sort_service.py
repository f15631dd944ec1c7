"""tests/services/test_name_sort.py on PostgreSQL (see conftest.py): the same pinyin order,
whatever the server's collation (the key column is byte-ordered, "C")."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_name_sort import *  # noqa: E402,F401,F403
