"""Hostile spreadsheets through the commands, in a subprocess (issue 7 item 1).

A 5 KB `.xlsx` with one value in XFD1048576 used to abort the process (a Rust panic inside
python-calamine allocating 512 GB: SIGABRT, so the returncode was negative), and one in
A1048576 cost seconds and hundreds of MB. Now each is refused in one line with exit 2,
within a few seconds and a few tens of MB more than the command's own start-up.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import REPO_ROOT
from tests.cli.helpers import assert_one_line_error
from tests.fixtures.hostile_xlsx import ORDER_HEADER, PRODUCT_HEADER, far_value_workbook

TIME_LIMIT_S = 20  # generous for a loaded 2-core machine; a refusal takes about 2 s here
MEMORY_ABOVE_START_MB = 60


def run_measured(args: list[str], data_dir: Path, timeout: float = 120) -> tuple[int, str, float, float]:
    """(returncode, stderr, seconds, peak RSS in MB) of `python -m livestream_desk ARGS`,
    the peak taken from the child's own resource usage (os.wait4)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["LIVESTREAM_DESK_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    stderr_path = data_dir / "stderr.txt"
    started = time.monotonic()
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "livestream_desk", *args], stdout=subprocess.DEVNULL,
                                   stderr=stderr, env=env, cwd=str(REPO_ROOT))
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    seconds = time.monotonic() - started
    return process.returncode, stderr_path.read_text("utf-8"), seconds, usage.ru_maxrss / 1024


@pytest.fixture
def start_up(tmp_path) -> float:
    """Peak RSS (MB) of a command that reads a tiny valid file: the baseline to compare with."""
    path = far_value_workbook(tmp_path / "ok.xlsx", "B3")
    _, _, _, peak = run_measured(["import-products", str(path), "--db", str(tmp_path / "d.sqlite3"), "--dry-run"],
                                 tmp_path)
    return peak


@pytest.mark.parametrize("command, header", [("import-products", PRODUCT_HEADER), ("import-orders", ORDER_HEADER)])
@pytest.mark.parametrize("reference", ["XFD1048576", "A1048576"])
def test_a_few_kb_workbook_with_a_far_value_is_refused_fast(tmp_path, start_up, command, header, reference):
    path = far_value_workbook(tmp_path / "export.xlsx", reference, header=header)
    assert path.stat().st_size < 5000
    args = [command, str(path), "--db", str(tmp_path / "d.sqlite3"), "--dry-run", "--lang", "en"]
    code, stderr, seconds, peak = run_measured(args, tmp_path)
    assert code == 2, (code, stderr[-2000:])  # a crash is a negative code (SIGABRT)
    assert_one_line_error(stderr, "export.xlsx", "far away from", "delete the stray cells")
    assert seconds < TIME_LIMIT_S
    assert peak < start_up + MEMORY_ABOVE_START_MB, (peak, start_up)
    assert not (tmp_path / "d.sqlite3").exists()


def test_the_refusal_follows_the_language(tmp_path):
    path = far_value_workbook(tmp_path / "商品.xlsx", "XFD1048576")
    code, stderr, _, _ = run_measured(
        ["import-products", str(path), "--db", str(tmp_path / "d.sqlite3"), "--lang", "zh_CN"], tmp_path)
    assert code == 2
    line = assert_one_line_error(stderr, "商品.xlsx", "XFD1048576")
    assert "far away" not in line


@pytest.mark.parametrize("name", ["far_value.xls", "far_value_mini.xls"])
def test_an_old_xls_with_a_value_in_its_last_cell_is_refused_fast(tmp_path, start_up, name):
    # 5.6 KB: python-calamine spent 13 s and 1.25 GB on it.
    source = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / name
    args = ["import-products", str(source), "--db", str(tmp_path / "d.sqlite3"), "--dry-run", "--lang", "en"]
    code, stderr, seconds, peak = run_measured(args, tmp_path)
    assert code == 2, (code, stderr[-2000:])
    assert_one_line_error(stderr, name, "IV65536", "far away from")
    assert seconds < TIME_LIMIT_S
    assert peak < start_up + MEMORY_ABOVE_START_MB, (peak, start_up)
