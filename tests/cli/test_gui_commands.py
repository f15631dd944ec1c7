"""`--smoke` and `screenshot` for real, in subprocesses (offscreen Qt)."""
from __future__ import annotations

from pathlib import Path

from .helpers import assert_one_line_error, digest, make_random

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_smoke_exits_0(run_cli, hand_db):
    done = run_cli("--db", hand_db, "--smoke", timeout=180)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr


def test_smoke_on_a_corrupt_database_exits_2_with_one_line(run_cli, tmp_path):
    bad = make_random(tmp_path / "bad.sqlite3")
    before = digest(bad)
    done = run_cli("--smoke", "--db", bad, timeout=180)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert digest(bad) == before


def test_screenshot_writes_pngs(run_cli, hand_db, tmp_path):
    out = tmp_path / "shots"
    done = run_cli("screenshot", "--db", hand_db, "--out", out, "--lang", "en", timeout=240)
    assert done.returncode == 0, (done.stdout, done.stderr)
    paths = [Path(line) for line in done.stdout.splitlines() if line.strip()]
    assert paths, done.stdout
    for path in paths:
        assert path.parent == out
        assert path.suffix == ".png"
        assert path.read_bytes()[:8] == PNG_SIGNATURE


def test_screenshot_of_a_corrupt_database_exits_2(run_cli, tmp_path):
    bad = make_random(tmp_path / "bad.sqlite3")
    done = run_cli("screenshot", "--db", bad, "--out", tmp_path / "shots", timeout=240)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert_one_line_error(done.stderr)
