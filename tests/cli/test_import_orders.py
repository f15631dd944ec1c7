"""`import-orders` on the command line: summary, exit codes, samples, hostile files, kill -9."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services.importers.support import DOUYIN_HEADER, SAMPLES, douyin_row, write_csv

from .conftest import REPO_ROOT
from .helpers import assert_one_line_error, digest


def report(run_cli, db: Path, first="2025-09", last="2026-10") -> str:
    done = run_cli("report", "monthly", "--db", db, "--format", "csv", "--from", first, "--to", last)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_samples_reproduce_the_expected_reports(run_cli, tmp_path):
    db = tmp_path / "shop.sqlite3"
    for name in ("douyin_orders.csv", "kuaishou_orders.xlsx"):
        done = run_cli("import-orders", SAMPLES / name, "--db", db, "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert "rejected: 0" in done.stdout
    assert report(run_cli, db) == (SAMPLES / "expected_monthly.csv").read_text(encoding="utf-8")
    again = run_cli("import-orders", SAMPLES / "douyin_orders.csv", "--db", db, "--lang", "en")
    assert "new: 0, duplicate: 66, updated: 0, rejected: 0" in again.stdout

    jd = tmp_path / "jd.sqlite3"
    done = run_cli("import-orders", SAMPLES / "jd_orders.csv", "--db", jd, "--platform", "京东", "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    assert report(run_cli, jd) == (SAMPLES / "expected_monthly_jd.csv").read_text(encoding="utf-8")


def test_rejected_rows_are_listed_with_row_column_and_value(run_cli, tmp_path):
    path = write_csv(tmp_path / "bad.csv", DOUYIN_HEADER, [douyin_row(line="1"), douyin_row(line="2", qty="2x")])
    db = tmp_path / "shop.sqlite3"
    done = run_cli("import-orders", path, "--db", db, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "new: 1, duplicate: 0, updated: 0, rejected: 1" in done.stdout
    assert "row 3, column 商品数量, value “2x”" in done.stdout


def test_dry_run_writes_nothing(run_cli, tmp_path):
    db = tmp_path / "shop.sqlite3"
    run_cli("import-orders", SAMPLES / "jd_orders.csv", "--db", db)
    before = digest(db)
    done = run_cli("import-orders", SAMPLES / "douyin_orders.csv", "--db", db, "--dry-run", "--lang", "en")
    assert done.returncode == 0 and "new: 66" in done.stdout
    assert digest(db) == before


@pytest.mark.parametrize("kind", ["binary", "missing", "unknown layout", "bad platform"])
def test_unusable_files_give_one_line(run_cli, tmp_path, kind):
    db = tmp_path / "shop.sqlite3"
    path = tmp_path / "orders.csv"
    extra = []
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 50)
    elif kind == "unknown layout":
        path.write_text("名字,年龄\n张三,3\n", encoding="utf-8")
    elif kind == "bad platform":
        write_csv(path, DOUYIN_HEADER, [douyin_row()])
        extra = ["--platform", "amazon"]
    done = run_cli("import-orders", path, "--db", db, "--lang", "en", *extra)
    assert done.returncode == 2
    assert_one_line_error(done.stderr)
    assert not db.exists()  # nothing made for a file that cannot be imported


def test_huge_cells(run_cli, tmp_path):
    # Up to the CSV reader's field limit a huge cell is one rejected row; beyond it the file is refused in one line.
    path = write_csv(tmp_path / "huge.csv", DOUYIN_HEADER, [douyin_row(line="1", name="茶" * 100_000), douyin_row(line="2")])
    done = run_cli("import-orders", path, "--db", tmp_path / "shop.sqlite3", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "rejected: 1" in done.stdout and max(len(line) for line in done.stdout.splitlines()) < 400
    path = write_csv(tmp_path / "huger.csv", DOUYIN_HEADER, [douyin_row(line="1", name="茶" * 300_000)])
    done = run_cli("import-orders", path, "--db", tmp_path / "other.sqlite3", "--lang", "en")
    assert done.returncode == 2
    assert_one_line_error(done.stderr)


def big_export(path: Path, lines: int) -> Path:
    rows = [
        douyin_row(order=str(7_000_000_000_000_000_000 + i // 2), line=str(8_000_000_000_000_000_000 + i),
                   paid_at=f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} 20:00:00", code=f"SKU-{i % 40}", name=f"商品{i % 40}")
        for i in range(lines)
    ]
    return write_csv(path, DOUYIN_HEADER, rows)


def _counts(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT count(*) FROM sales").fetchone()[0],
                conn.execute("SELECT count(*) FROM import_batches").fetchone()[0])
    finally:
        conn.close()


def test_kill_9_leaves_the_whole_batch_or_none(run_cli, tmp_path, isolated_data_dir):
    lines = 12_000
    export = big_export(tmp_path / "big.csv", lines)
    empty = tmp_path / "empty.sqlite3"
    from livestream_desk.db.engine import open_database

    open_database(empty).dispose()
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LIVESTREAM_DESK_DATA_DIR=str(isolated_data_dir))
    command = [sys.executable, "-m", "livestream_desk", "import-orders", str(export), "--lang", "en", "--db"]

    started = time.perf_counter()
    full = tmp_path / "full.sqlite3"
    shutil.copy(empty, full)
    subprocess.run(command + [str(full)], env=env, check=True, capture_output=True, timeout=300)
    duration = time.perf_counter() - started
    assert _counts(full) == (lines, 1)

    rng = random.Random(9)
    outcomes = []
    for attempt in range(10):
        db = tmp_path / f"killed-{attempt}.sqlite3"
        shutil.copy(empty, db)
        process = subprocess.Popen(command + [str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, duration * 1.05))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        counts = _counts(db)
        assert counts in ((0, 0), (lines, 1)), counts
        outcomes.append(counts[1])
        check = run_cli("check", "--db", db)
        assert check.returncode == 0, check.stdout + check.stderr
        again = subprocess.run(command + [str(db)], env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr
        assert _counts(db) == (lines, 1)
    assert 0 in outcomes  # at least one kill landed before the commit
