"""tests/services/test_product_roundtrip.py on PostgreSQL (see conftest.py): 状态 and 库存预警,
and 商家编码 in any letter case or width (the export round trip itself runs on the SQLite demo)."""
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from tests.services.test_product_roundtrip import *  # noqa: E402,F401,F403
