"""tests/services/test_catalogue.py on PostgreSQL (see conftest.py)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_catalogue import *  # noqa: E402,F401,F403

# SQLite hands a deleted row's id out again (INTEGER PRIMARY KEY takes max(rowid) + 1);
# PostgreSQL's sequences never do. These two check that reuse; tests/db/test_postgresql.py
# checks delete / restore / ids on PostgreSQL instead.
del test_delete_then_restore_brings_back_everything  # noqa: F821
del test_restore_with_its_id_taken_gets_a_new_id  # noqa: F821

# A timing test of the SQLite search (trigram index, name-index walks); PostgreSQL searches
# with a plain LIKE. Its correctness checks are the other tests here.
del test_windows_over_50000_products  # noqa: F821
