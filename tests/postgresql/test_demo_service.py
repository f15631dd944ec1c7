"""tests/services/test_demo.py on PostgreSQL (see conftest.py)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_demo import *  # noqa: E402,F401,F403

# It compares a raw `SELECT *` of two databases, and its second one is an SQLite file (times
# come back as text there); tests/db/test_postgresql.py compares the demo on both, typed.
del test_same_seed_gives_the_same_database  # noqa: F821
