"""Shared helpers for the benchmarks: cached demo databases, timing and peak memory of commands.

Every benchmark compares against a baseline measured in the same run (these machines are
noisy), and prints medians and ratios.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CLI = [sys.executable, "-m", "livestream_desk"]


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["LIVESTREAM_DESK_DATA_DIR"] = str(OUT / "data")  # keep QSettings-free runs off the user's data
    return env


def demo_database(sales: int, path: Path | None = None) -> Path:
    """A demo database with `sales` lines, built once and reused by later runs."""
    path = path or OUT / f"demo-{sales}.sqlite3"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {path.name} with {sales:,} sale lines…", flush=True)
    started = time.perf_counter()
    run([*CLI, "demo", "--db", str(path), "--sales", str(sales), "--seed", "1"])
    print(f"  built in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 2**20:.0f} MiB)")
    return path


def empty_database() -> Path:
    """An empty database at the current schema (rebuilt when a migration came since it was
    cached: otherwise every run measured on a copy would upgrade it first)."""
    path = OUT / "empty.sqlite3"
    from livestream_desk.db import schema_version

    if not path.exists() or _revision(path) != schema_version.HEAD:
        path.parent.mkdir(parents=True, exist_ok=True)
        from livestream_desk.db.engine import open_database

        building = path.with_name(f"empty-{os.getpid()}.sqlite3")
        open_database(building).dispose()
        os.replace(building, path)  # other benchmarks copying it never see a half-built file
    return path


def _revision(path: Path):
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as conn:
            return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.Error:
        return None


def run(command: list[str], allow_fail: bool = False) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=bench_env(), capture_output=True, text=True)
    if result.returncode != 0 and not allow_fail:
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(command)}\n{result.stderr}")
    return result


def measure(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one run of `command` in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=bench_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"command failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def compare(name: str, baseline: list[str], subject: list[str], repeats: int, limit_time: float | None,
            limit_memory: float | None = None) -> dict:
    """Run baseline and subject alternately `repeats` times; print medians and ratios."""
    measure(baseline), measure(subject)  # warm the file cache
    base_runs, subject_runs = [], []
    for _ in range(repeats):
        base_runs.append(measure(baseline))
        subject_runs.append(measure(subject))
    base_time = statistics.median(t for t, _ in base_runs)
    subject_time = statistics.median(t for t, _ in subject_runs)
    base_mem = statistics.median(m for _, m in base_runs)
    subject_mem = statistics.median(m for _, m in subject_runs)
    time_ratio = subject_time / base_time
    mem_ratio = subject_mem / base_mem
    print(f"{name}")
    print(f"  baseline  {base_time * 1000:8.0f} ms  {base_mem / 1024:6.1f} MiB peak")
    print(f"  subject   {subject_time * 1000:8.0f} ms  {subject_mem / 1024:6.1f} MiB peak")
    verdict = "ok" if limit_time is None or time_ratio <= limit_time else "OVER"
    print(f"  time ratio   {time_ratio:5.2f}x" + (f"  (goal ≤ {limit_time}x: {verdict})" if limit_time else ""))
    if limit_memory is not None:
        verdict = "ok" if mem_ratio <= limit_memory else "OVER"
        print(f"  memory ratio {mem_ratio:5.2f}x  (goal ≤ {limit_memory}x: {verdict})")
    return {"time_ratio": time_ratio, "memory_ratio": mem_ratio}
