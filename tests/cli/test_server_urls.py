"""`--db` server URLs on the command line (issue 7 items 2 and 3): a server that accepts the
connection but never answers, malformed URLs and passwords in the query, each one line and
exit 2 — never a hang, a traceback or a password on the screen."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.cli.helpers import assert_one_line_error

SECRET = "S3cr3t-pw"


@pytest.fixture
def silent_server():
    """A TCP server on loopback that accepts connections and never sends a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_server_that_never_answers_fails_fast(run_cli, silent_server):
    pytest.importorskip("psycopg")
    url = f"postgresql+psycopg://shop:{SECRET}@127.0.0.1:{silent_server}/desk?connect_timeout=1&password={SECRET}"
    started = time.monotonic()
    done = run_cli("report", "monthly", "--db", url, "--lang", "en", timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    line = assert_one_line_error(done.stderr, "did not answer within 1 s", f"127.0.0.1:{silent_server}", "connect_timeout")
    assert SECRET not in done.stdout + done.stderr, line
    assert elapsed < 20  # the command's start-up plus the 1 s timeout; it used to wait forever


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("postgresql+psycopg://u@h:abc/db", "port must be a number"),
        (f"postgresql+psycopg://u:{SECRET}@h:abc/db", "port must be a number"),
        ("postgresql+psycopg://u@[::1/db", "unclosed ["),
        (f"postgresql+psycopg://u@[::1/db?password={SECRET}", "unclosed ["),
    ],
)
@pytest.mark.parametrize("command", [("report", "monthly"), ("check",), ("import-products", "FILE", "--dry-run")])
def test_a_malformed_url_is_one_line_and_exit_2(run_cli, tmp_path, url, fragment, command):
    products = tmp_path / "products.csv"
    products.write_text("商品名称,售价\n赣南脐橙,12.50\n", encoding="utf-8")
    command = tuple(str(products) if arg == "FILE" else arg for arg in command)
    done = run_cli(*command, "--db", url, "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert_one_line_error(done.stderr, "bad database URL", fragment)
    assert SECRET not in done.stdout + done.stderr


def test_a_password_in_the_query_is_never_printed(run_cli):
    pytest.importorskip("psycopg")
    # Nothing listens on port 1: the connection is refused at once.
    url = f"postgresql+psycopg://shop@127.0.0.1:1/desk?password={SECRET}&sslpassword={SECRET}x"
    done = run_cli("report", "monthly", "--db", url, "--lang", "en")
    assert done.returncode == 2, done.stderr
    line = assert_one_line_error(done.stderr, "127.0.0.1:1/desk")
    assert SECRET not in done.stdout + done.stderr, line
    assert "password=***" in line
