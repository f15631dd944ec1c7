"""services.server on a real PostgreSQL server: the connection test's clear reasons (wrong
password, unreachable host, missing database; the password never in a message) and copying
this PC's database to an EMPTY server database once, in one transaction."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, insert, select

from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from livestream_desk.db.base import Base  # noqa: E402
from livestream_desk.db.engine import open_database  # noqa: E402
from livestream_desk.db.models import Product  # noqa: E402
from livestream_desk.messages import render  # noqa: E402
from livestream_desk.services import server, uow  # noqa: E402
from livestream_desk.services.summary import summary_mismatches  # noqa: E402


@pytest.fixture
def address(pg_url) -> server.ServerAddress:
    return server.ServerAddress.from_url(pg_url)


def refused(address) -> server.ServerProblem:
    with pytest.raises(server.ServerProblem) as caught:
        server.test_connection(address, timeout_s=3)
    text = render(caught.value.message)
    assert address.password not in text and address.password not in repr(caught.value.message.params)
    return caught.value


def test_an_empty_database_passes_the_test(address):
    check = server.test_connection(address)
    assert (check.tables, check.rows, check.revision) == (0, 0, "")
    assert check.server_version


def test_wrong_password(address):
    problem = refused(replace(address, password="not-the-password-123"))
    assert problem.code == "server.wrong_password"
    assert "not-the-password-123" not in render(problem.message)


def test_missing_database(address):
    assert refused(replace(address, database="ld_no_such_database")).code == "server.no_database"


def test_unreachable_host(address):
    assert refused(replace(address, host="127.0.0.1", port=1)).code == "server.unreachable"
    assert refused(replace(address, host="no-such-host.invalid")).code == "server.unreachable"


def test_empty_fields_are_named(address):
    assert refused(replace(address, host=" ")).message.params["field"].code == "server.field_host"


def table_counts(conn) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables if t.name not in server.NOT_COPIED}


def test_copy_the_demo_shop_to_an_empty_server_once(demo_db, address):
    seen = []
    result = server.copy_to_server(demo_db, address, progress=lambda done, total: seen.append((done, total)))
    with uow.reading(demo_db) as conn:
        expected = table_counts(conn)
    assert result.rows == sum(expected.values()) > 1000
    assert seen[0] == (0, result.rows) and seen[-1] == (result.rows, result.rows)

    copy = open_database(address.url(), create=False)
    try:
        with uow.reading(copy) as conn:
            assert table_counts(conn) == expected
            assert summary_mismatches(conn) == []
        with uow.writing(copy) as s:  # new rows on the server get new ids
            s.execute(insert(Product).values(name="新商品", list_price_fen=100))
    finally:
        copy.dispose()

    again = pytest.raises(server.ServerProblem, server.copy_to_server, demo_db, address)
    assert again.value.code == "server.not_empty"


def test_a_cancelled_copy_leaves_the_server_empty(demo_db, address):
    with pytest.raises(server.ServerProblem) as caught:
        server.copy_to_server(demo_db, address, cancelled=lambda: True)
    assert caught.value.code == "common.cancelled"
    check = server.test_connection(address)
    assert check.rows == 0 and check.tables > 0  # the schema is there, no rows: try again
    assert server.copy_to_server(demo_db, address).rows > 1000
