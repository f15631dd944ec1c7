"""Argument handling: --db before or after the command, bad arguments exit 2 with one line."""
from __future__ import annotations

import sys
import types

import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error

BAD_ARGUMENTS = [
    # (argv after the program name, a fragment the one-line reason must contain)
    (["--bogus"], "--bogus"),
    (["--lang", "fr"], "fr"),
    (["frobnicate"], "frobnicate"),
    (["export", "sales"], "export"),
    (["demo", "--bogus"], "--bogus"),
    (["demo", "--sales", "-5"], "-5"),
    (["demo", "--sales", "many"], "many"),
    (["demo", "--months", "0"], "0"),
    (["demo", "--months", "-3"], "-3"),
    (["demo", "--months", "1.5"], "1.5"),
    (["demo", "--seed", "x"], "'x'"),
    (["report"], "monthly"),
    (["report", "weekly"], "weekly"),
    (["report", "monthly", "--bogus"], "--bogus"),
    (["report", "monthly", "--from", "2026-13"], "2026-13"),
    (["report", "monthly", "--to", "2026-13"], "2026-13"),
    (["report", "monthly", "--from", "2026-00"], "2026-00"),
    (["report", "monthly", "--from", "last spring"], "last spring"),
    (["report", "monthly", "--from", "2026-10", "--to", "2026-01"], "2026-10"),
    (["report", "monthly", "--format", "xml"], "xml"),
    (["report", "monthly", "--platform", "tiktok"], "tiktok"),
    (["check", "--bogus"], "--bogus"),
    (["check", "extra"], "extra"),
    (["backup", "--bogus"], "--bogus"),
    (["backup", "--to"], "--to"),
    (["restore"], "FILE"),
    (["restore", "backup.sqlite3", "--bogus"], "--bogus"),
    (["screenshot"], "--out"),
    (["screenshot", "--out", "shots", "--bogus"], "--bogus"),
    (["--smoke", "check"], "--smoke"),
    (["--db", "", "check"], "--db"),
]


@pytest.mark.parametrize("argv,fragment", BAD_ARGUMENTS, ids=[" ".join(a) or "empty" for a, _ in BAD_ARGUMENTS])
def test_bad_arguments_exit_2_with_one_line(argv, fragment, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "never-created.sqlite3"
    full = argv if "--db" in argv else argv + ["--db", str(db)] if argv and argv[0] in {"demo", "report", "check", "backup", "restore", "screenshot"} else argv
    code = main(full)
    captured = capsys.readouterr()
    assert code == 2, captured
    assert_one_line_error(captured.err, fragment)
    assert captured.out == ""
    assert not db.exists()


def test_bad_month_message_names_the_value(capsys):
    assert main(["report", "monthly", "--from", "2026-13"]) == 2
    line = assert_one_line_error(capsys.readouterr().err)
    assert "'2026-13'" in line and "YYYY-MM" in line


def test_from_after_to_names_both(capsys):
    assert main(["report", "monthly", "--from", "2026-05", "--to", "2026-02"]) == 2
    assert_one_line_error(capsys.readouterr().err, "--from 2026-05", "--to 2026-02")


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("demo", "report", "check", "backup", "restore", "screenshot"):
        assert command in out
    assert "exit codes" in out


def test_report_help_documents_json(capsys):
    assert main(["report", "--help"]) == 0
    out = capsys.readouterr().out
    assert "json" in out and '"1234.50"' in out and "null" in out


def test_backup_help_documents_default_location(capsys):
    assert main(["backup", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "backups/" in out and "YYYYmmdd-HHMMSS" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "monthly", "--db", "{db}", "--format", "csv"],
        ["--db", "{db}", "report", "monthly", "--format", "csv"],
        ["report", "--db", "{db}", "monthly", "--format", "csv"],
        ["--lang", "en", "report", "monthly", "--format", "csv", "--db", "{db}"],
    ],
)
def test_db_before_or_after_the_command(argv, hand_db, capsys):
    code = main([a.replace("{db}", str(hand_db)) for a in argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith("month,livestreams,")
    assert "2026-04" in captured.out


def test_db_after_the_command_overrides_the_one_before(hand_db, tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    assert main(["--db", str(missing), "report", "monthly", "--db", str(hand_db)]) == 0
    assert main(["--db", str(hand_db), "report", "monthly", "--db", str(missing)]) == 2
    assert not missing.exists()


def test_without_db_uses_the_default_database(isolated_data_dir, capsys):
    default = isolated_data_dir / "livestream_desk.sqlite3"
    assert main(["report", "monthly"]) == 2
    assert_one_line_error(capsys.readouterr().err, "no database at", str(default))
    assert not default.exists()

    from tests.cli.conftest import build_hand_db

    build_hand_db(default)
    assert main(["report", "monthly", "--format", "csv"]) == 0
    assert "2026-03,1,1,3,200.00,0.00,200.00," in capsys.readouterr().out


def test_db_takes_a_sqlalchemy_url(hand_db, capsys):
    assert main(["report", "monthly", "--format", "csv", "--db", f"sqlite:///{hand_db}"]) == 0
    assert "2026-04,0,1,2,250.00,25.50,224.50,12.3" in capsys.readouterr().out


def test_bad_database_url_is_a_one_line_error(capsys):
    assert main(["report", "monthly", "--db", "nosuchdialect://x/y"]) == 2
    assert_one_line_error(capsys.readouterr().err)


def _fake_module(monkeypatch, name: str, **attributes):
    module = types.ModuleType(name)
    for key, value in attributes.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def test_no_command_starts_the_gui(monkeypatch, tmp_path):
    calls = []
    _fake_module(monkeypatch, "livestream_desk.app", run_gui=lambda db, lang, smoke=False: calls.append((db, lang, smoke)) or 0)
    assert main([]) == 0
    assert main(["--db", str(tmp_path / "x.sqlite3"), "--lang", "en"]) == 0
    assert main(["--db", "shop.sqlite3", "--smoke"]) == 0
    assert main(["--smoke", "--lang", "zh_CN"]) == 0
    assert calls == [
        (None, None, False),
        (str(tmp_path / "x.sqlite3"), "en", False),
        ("shop.sqlite3", None, True),
        (None, "zh_CN", True),
    ]


def test_gui_exit_code_is_passed_on(monkeypatch):
    _fake_module(monkeypatch, "livestream_desk.app", run_gui=lambda db, lang, smoke=False: 3)
    assert main(["--smoke"]) == 3


def test_screenshot_calls_the_ui_and_prints_paths(monkeypatch, tmp_path, capsys):
    calls = []

    def save_screenshots(db_target, out_dir, lang=None, size=(1366, 768), scale=1.0):
        calls.append((db_target, out_dir, lang, size, scale))
        return [out_dir / "dashboard.png", out_dir / "reports.png"]

    _fake_module(monkeypatch, "livestream_desk.ui.screenshot", save_screenshots=save_screenshots)
    out = tmp_path / "shots" / "new"
    assert main(["--lang", "en", "screenshot", "--db", "shop.sqlite3", "--out", str(out)]) == 0
    assert calls == [("shop.sqlite3", out, "en", (1366, 768), 1.0)]
    assert out.is_dir()
    assert capsys.readouterr().out.splitlines() == [str(out / "dashboard.png"), str(out / "reports.png")]


def test_known_errors_from_a_command_are_one_line(monkeypatch, capsys):
    from livestream_desk.db.errors import NewerSchema

    def run_gui(db, lang, smoke=False):
        raise NewerSchema("shop.sqlite3 was made by a newer livestream_desk")

    _fake_module(monkeypatch, "livestream_desk.app", run_gui=run_gui)
    assert main(["--smoke"]) == 2
    assert_one_line_error(capsys.readouterr().err, "newer livestream_desk")


def test_a_bug_is_reported_as_internal_error_with_traceback(monkeypatch, capsys):
    def run_gui(db, lang, smoke=False):
        raise ZeroDivisionError("oops")

    _fake_module(monkeypatch, "livestream_desk.app", run_gui=run_gui)
    assert main([]) == 70
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith("livestream-desk: internal error: ZeroDivisionError: oops") and "bug" in first
    assert "Traceback" in err


def test_oserror_is_a_one_line_error(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _fake_module(monkeypatch, "livestream_desk.ui.screenshot", save_screenshots=lambda *a, **k: [])
    assert main(["screenshot", "--out", str(blocker / "sub")]) == 2
    assert_one_line_error(capsys.readouterr().err)
