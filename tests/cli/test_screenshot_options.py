"""`screenshot --lang en --scale 1.5 --size WxH` in a real subprocess: the picture has the
scaled pixels (QT_SCALE_FACTOR, as on a 150% screen) and the window speaks English."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from livestream_desk.cli import main


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR"
    return struct.unpack(">II", header[16:24])


def test_screenshots_at_150_percent_in_english(run_cli, hand_db, tmp_path):
    out = tmp_path / "en-150"
    done = run_cli("screenshot", "--db", hand_db, "--out", out, "--lang", "en", "--scale", "1.5", timeout=240)
    assert done.returncode == 0, (done.stdout, done.stderr)
    paths = [Path(line) for line in done.stdout.splitlines() if line.strip()]
    assert [p.name for p in paths] == [
        "01-dashboard.png", "02-schedule.png", "03-catalogue.png", "04-sales.png", "05-reports.png", "06-settings.png"
    ]
    for path in paths:
        assert _png_size(path) == (2049, 1152), path.name  # 1366×768 laid out, 1.5× the pixels


def test_screenshot_size_option(run_cli, hand_db, tmp_path):
    out = tmp_path / "small"
    done = run_cli("screenshot", "--db", hand_db, "--out", out, "--size", "1024x600", "--scale", "150%",
                   timeout=240)
    assert done.returncode == 0, (done.stdout, done.stderr)
    first = Path(done.stdout.splitlines()[0])
    assert _png_size(first) == (1536, 900)


@pytest.mark.parametrize("argv, wrong", [
    (["--size", "1366"], "--size"),
    (["--size", "10x10"], "--size"),
    (["--scale", "0.5"], "--scale"),
    (["--scale", "big"], "--scale"),
])
def test_bad_size_or_scale_is_one_line(argv, wrong, tmp_path, capsys):
    assert main(["screenshot", "--db", str(tmp_path / "x.sqlite3"), "--out", str(tmp_path / "o"), *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and wrong in err
    assert not (tmp_path / "o").exists()
