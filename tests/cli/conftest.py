"""Fixtures for the command-line tests: hand-built databases and a real subprocess runner."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def build_hand_db(path: Path) -> Path:
    """A small database written with Core inserts, its summary refreshed as the services do.

    Sales (paid lines only count):
      2026-01  douyin order A: 100.00 ×1 + 50.50 ×2 (the second paid 23:59:59 on the 31st);
               kuaishou order B: 30.00 ×1, fully refunded
      2026-02  no sales; one done kuaishou livestream (scheduled start only)
      2026-03  douyin order C: 200.00 ×3; douyin order D never paid; one done douyin livestream
      2026-04  douyin order E: 250.00 ×2, 25.50 refunded (net 224.50: growth 12.25% → 12.3);
               one planned livestream (not counted)
    """
    from livestream_desk.db.engine import open_database
    from livestream_desk.db.models import Livestream, Sale
    from livestream_desk.services.summary import refresh_months

    database = open_database(path)
    sale = Sale.__table__
    streams = Livestream.__table__

    def line(platform, order, line_id, qty, paid_fen, paid_at, refunded_fen=0):
        return {
            "platform": platform,
            "order_id": order,
            "line_id": line_id,
            "quantity": qty,
            "unit_price_fen": paid_fen // max(qty, 1),
            "paid_fen": paid_fen,
            "paid_at": paid_at,
            "refunded_fen": refunded_fen,
            "refunded_quantity": qty if refunded_fen == paid_fen and refunded_fen else 0,
            "item_name": "婺源皇菊",
            "source": "manual",
        }

    try:
        with database.engine.begin() as conn:
            conn.execute(
                sale.insert(),
                [
                    line("douyin", "A", "1", 1, 10000, datetime(2026, 1, 5, 20, 15)),
                    line("douyin", "A", "2", 2, 5050, datetime(2026, 1, 31, 23, 59, 59)),
                    line("kuaishou", "B", "", 1, 3000, datetime(2026, 1, 12, 9, 0), refunded_fen=3000),
                    line("douyin", "C", "1", 3, 20000, datetime(2026, 3, 10, 21, 0)),
                    line("douyin", "D", "1", 1, 9900, None),
                    line("douyin", "E", "1", 2, 25000, datetime(2026, 4, 1, 0, 0), refunded_fen=2550),
                ],
            )
            def stream(title, platform, scheduled, status, actual_start=None, actual_end=None):
                # Every row with the same keys: an executemany takes its columns from the first.
                return {
                    "title": title,
                    "platform": platform,
                    "scheduled_start": scheduled,
                    "actual_start": actual_start,
                    "actual_end": actual_end,
                    "status": status,
                }

            conn.execute(
                streams.insert(),
                [
                    stream("年货节专场", "kuaishou", datetime(2026, 2, 3, 19, 0), "done"),
                    # Scheduled in February, actually started just after midnight: a March livestream.
                    stream(
                        "春茶上新",
                        "douyin",
                        datetime(2026, 2, 28, 20, 0),
                        "done",
                        datetime(2026, 3, 1, 0, 5),
                        datetime(2026, 3, 1, 2, 0),
                    ),
                    stream("计划中", "douyin", datetime(2026, 4, 20, 20, 0), "planned"),
                ],
            )
            refresh_months(conn)
    finally:
        database.dispose()
    return path


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """The CLI speaks the system's language: pin English so tests read the same everywhere
    (tests of other languages pass --lang or their own environment)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def hand_db(tmp_path) -> Path:
    return build_hand_db(tmp_path / "hand.sqlite3")


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(isolated_data_dir):
    """Run `python -m livestream_desk ARGS` in a real subprocess."""

    def run(*args: str, timeout: float = 120, env: dict | None = None) -> Completed:
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(REPO_ROOT)] + ([environment["PYTHONPATH"]] if environment.get("PYTHONPATH") else [])
        )
        environment["LIVESTREAM_DESK_DATA_DIR"] = str(isolated_data_dir)
        environment["QT_QPA_PLATFORM"] = "offscreen"
        environment["PYTHONIOENCODING"] = "utf-8"
        environment.update(env or {})
        done = subprocess.run(
            [sys.executable, "-m", "livestream_desk", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=environment,
            cwd=str(REPO_ROOT),
        )
        return Completed(done.returncode, done.stdout, done.stderr)

    return run
