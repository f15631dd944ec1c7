"""Server URLs (db/urls.py, issue 7 items 2 and 3): passwords never shown, malformed URLs
refused in one message, a connect timeout by default and a statement timeout for reads."""
from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from livestream_desk.db import urls
from livestream_desk.db.engine import create_engine_for
from livestream_desk.db.errors import DatabaseProblem
from livestream_desk.db.urls import (
    CONNECT_TIMEOUT_S,
    parse_url,
    printable_text,
    printable_url,
    scrub,
    secrets_of_text,
)
from livestream_desk.services.database import printable_target
from livestream_desk.services.errors import message_of

SECRET = "S3cr3t-pw"


@pytest.mark.parametrize(
    "target",
    [
        f"postgresql+psycopg://u:{SECRET}@h/db",
        f"postgresql+psycopg://u@h/db?password={SECRET}",
        f"postgresql+psycopg://u@h:5433/db?sslmode=require&password={SECRET}&application_name=x",
        f"postgresql+psycopg://u@h/db?sslpassword={SECRET}",
        f"postgresql+psycopg://u:{SECRET}@h/db?PASSWORD={SECRET}",
    ],
)
def test_every_password_of_a_url_is_hidden(target):
    for shown in (printable_url(make_url(target)), printable_target(target), printable_text(target)):
        assert SECRET not in shown and "***" in shown, shown
        assert "h" in shown and "db" in shown
    assert SECRET in secrets_of_text(target)


def test_a_url_without_secrets_is_shown_as_it_is():
    target = "postgresql+psycopg://u@h:5433/db?sslmode=require"
    assert printable_target(target) == target
    assert secrets_of_text(target) == []


def test_scrub_removes_secrets_from_any_text():
    target = f"postgresql+psycopg://u@h/db?password={SECRET}"
    assert scrub(f"driver said: bad password {SECRET}!", secrets_of_text(target)) == "driver said: bad password ***!"


@pytest.mark.parametrize(
    "target, reason",
    [
        ("postgresql+psycopg://u@h:abc/db", "the port must be a number"),
        (f"postgresql+psycopg://u:{SECRET}@h:abc/db", "the port must be a number"),
        ("postgresql+psycopg://u@[::1/db", "unclosed ["),
        (f"postgresql+psycopg://u@[::1/db?password={SECRET}", "unclosed ["),
        ("postgresql+psycopg://u@h:99999/db", "the port must be a number from 1 to 65535"),
    ],
)
def test_a_malformed_url_is_one_problem_without_its_password(target, reason):
    with pytest.raises(DatabaseProblem) as caught:
        parse_url(target)
    assert caught.value.code == "database.bad_url"
    text = str(caught.value)
    assert reason in text and SECRET not in text
    with pytest.raises(DatabaseProblem):
        create_engine_for(target)
    assert message_of(caught.value) is not None  # a known error: one line, exit 2


def _connect_params(target: str) -> dict:
    """The keyword arguments the driver would be called with (nothing is connected)."""
    engine, _ = create_engine_for(target)
    seen: dict = {}

    @event.listens_for(engine, "do_connect")
    def _capture(_dialect, _record, _cargs, cparams):
        seen.update(cparams)
        raise RuntimeError("stop before the network")

    with pytest.raises(Exception, match="stop before the network"):
        engine.connect()
    engine.dispose()
    return seen


def test_server_connections_time_out_after_about_ten_seconds_by_default():
    pytest.importorskip("psycopg")
    assert CONNECT_TIMEOUT_S == 10
    assert _connect_params("postgresql+psycopg://u@127.0.0.1/db")["connect_timeout"] == 10


def test_the_url_can_set_its_own_connect_timeout():
    pytest.importorskip("psycopg")
    assert str(_connect_params("postgresql+psycopg://u@127.0.0.1/db?connect_timeout=3")["connect_timeout"]) == "3"


def test_a_sqlite_file_gets_no_server_arguments(tmp_path):
    assert urls.server_connect_args(make_url(f"sqlite:///{tmp_path / 'x.sqlite3'}")) == {}


# --- on a real server (skipped without LIVESTREAM_DESK_TEST_PG_URL) ---------------------------------


def test_reads_on_a_server_have_a_statement_timeout_and_writes_do_not(pg_url):
    from livestream_desk.db.engine import open_database
    from livestream_desk.db.urls import READ_STATEMENT_TIMEOUT_MS
    from livestream_desk.services import uow

    database = open_database(pg_url)
    try:
        with uow.reading(database) as conn:
            shown = conn.exec_driver_sql("SHOW statement_timeout").scalar()
        assert shown == f"{READ_STATEMENT_TIMEOUT_MS // 60_000}min"
        with uow.writing(database) as session:
            assert session.connection().exec_driver_sql("SHOW statement_timeout").scalar() == "0"
    finally:
        database.dispose()


def test_a_read_past_its_timeout_is_one_known_message(pg_url, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from livestream_desk.db import engine as engine_module
    from livestream_desk.db.engine import open_database
    from livestream_desk.messages import render
    from livestream_desk.services import uow

    monkeypatch.setattr(engine_module, "READ_STATEMENT_TIMEOUT_MS", 200)
    database = open_database(pg_url)
    try:
        with pytest.raises(OperationalError) as caught:
            with uow.reading(database) as conn:
                conn.exec_driver_sql("SELECT pg_sleep(3)").scalar()
    finally:
        database.dispose()
    message = message_of(caught.value)
    assert message is not None and message.code == "database.read_timed_out"
    assert "did not finish reading" in render(message)
