"""The command line on a real PostgreSQL server (DESIGN §7: `--db postgresql+psycopg://…`).

Skipped unless LIVESTREAM_DESK_TEST_PG_URL names a server (tests/fixtures/postgresql.py);
.ci/run starts one. Each test runs `python -m livestream_desk` against a database of its own.
"""
from __future__ import annotations

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from livestream_desk.db import models
from livestream_desk.db.engine import open_database
from livestream_desk.services.backup import PG_DUMP_HINT
from tests.cli.helpers import assert_one_line_error
from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()


def _password_shown(url: str, output: str) -> bool:
    return f":{make_url(url).password}@" in output


def test_demo_report_check_screenshot_export_and_file_commands(run_cli, pg_url, tmp_path):
    done = run_cli("demo", "--db", pg_url, "--months", "2", "--sales", "200")
    assert done.returncode == 0, done.stderr
    assert "200 sale lines" in done.stdout
    assert not _password_shown(pg_url, done.stdout + done.stderr)

    report = run_cli("report", "monthly", "--db", pg_url, "--format", "csv")
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    assert lines[0] == "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct"
    assert len(lines) == 3  # the two demo months
    # The same commands on an SQLite file give the same report, to the fen.
    sqlite_file = tmp_path / "same.sqlite3"
    assert run_cli("demo", "--db", str(sqlite_file), "--months", "2", "--sales", "200").returncode == 0
    assert run_cli("report", "monthly", "--db", str(sqlite_file), "--format", "csv").stdout == report.stdout

    check = run_cli("check", "--db", pg_url)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.rstrip().endswith("healthy")
    assert "left to the database server" in check.stdout
    assert not _password_shown(pg_url, check.stdout)

    # The window's pages load their figures from the server too.
    shots = run_cli("screenshot", "--db", pg_url, "--out", str(tmp_path / "shots"))
    assert shots.returncode == 0, shots.stderr
    assert len(shots.stdout.splitlines()) >= 4 and all(line.endswith(".png") for line in shots.stdout.splitlines())

    again = run_cli("demo", "--db", pg_url, "--months", "2", "--sales", "200")
    assert again.returncode == 2
    assert_one_line_error(again.stderr, "empty database")

    for args in (("backup", "--db", pg_url), ("restore", str(sqlite_file), "--db", pg_url)):
        refused = run_cli(*args)
        assert refused.returncode == 2, args
        assert_one_line_error(refused.stderr, PG_DUMP_HINT)

    exported = tmp_path / "monthly.csv"
    export = run_cli("export", "monthly", "--db", pg_url, "--to", str(exported))
    assert export.returncode == 0, export.stderr
    assert exported.read_text(encoding="utf-8-sig").splitlines() == lines


def test_a_newer_schema_is_refused_untouched(run_cli, pg_url):
    database = open_database(pg_url)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    for args in (("check",), ("report", "monthly"), ("demo", "--months", "1", "--sales", "1")):
        done = run_cli(*args, "--db", pg_url)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        line = assert_one_line_error(done.stderr, "9999_future", "newer")
        assert not _password_shown(pg_url, line)
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
            assert conn.execute(select(func.count()).select_from(models.Product)).scalar() == 0
    finally:
        engine.dispose()


def test_a_wrong_password_or_no_server_is_one_line_without_the_password(run_cli, pg_url):
    url = make_url(pg_url)
    wrong_password = url.set(password="Wrong-Secret-4711").render_as_string(hide_password=False)
    no_server = url.set(port=1, password="Other-Secret-4712").render_as_string(hide_password=False)
    for target, secret in ((wrong_password, "Wrong-Secret-4711"), (no_server, "Other-Secret-4712")):
        for args in (("check",), ("demo", "--months", "1")):
            done = run_cli(*args, "--db", target)
            assert done.returncode == 2, (args, done.stderr)
            line = assert_one_line_error(done.stderr, "cannot open", "***")
            assert secret not in line
