"""Several PCs on one PostgreSQL server (issue 11 item 3), with real separate processes
(tests/postgresql/other_pc.py): a save over another PC's change is refused with who and
when; both PCs' sales land and the stock counts both; the other PC's NOTIFY arrives here
within REFRESH_WITHIN_S of its commit."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.fixtures.postgresql import skip_module_without_server

skip_module_without_server()

from livestream_desk.db.models import Livestream, Product, Sale  # noqa: E402
from livestream_desk.services import catalogue, changes, uow, versions  # noqa: E402
from livestream_desk.services.summary import summary_mismatches  # noqa: E402
from tests.postgresql.other_pc import OTHER_PC  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
REFRESH_WITHIN_S = 2.0  # the window polls its listener's signal at once; this is the server's part


def full_url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def other_pc(db, *args: str) -> subprocess.Popen:
    env = dict(os.environ, LIVESTREAM_DESK_OTHER_PC_DB=full_url(db))
    return subprocess.Popen([sys.executable, "-m", "tests.postgresql.other_pc", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> list[float]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return [float(line.split()[1]) for line in out.splitlines() if line.startswith("committed")]


@pytest.fixture
def shop(db):
    with uow.writing(db) as s:
        tea = Product(name="婺源皇菊", spec="50朵/盒", list_price_fen=5990, stock=100)
        stream = Livestream(title="年货节专场", platform="douyin", scheduled_start=datetime(2026, 11, 1, 20, 0))
        s.add_all([tea, stream])
        s.flush()
        return tea.id, stream.id


def test_a_save_over_the_other_pcs_change_is_refused_with_who_and_when(db, shop):
    tea, _ = shop
    opened = catalogue.get_product(db, tea)
    finished(other_pc(db, "rename", str(tea), "婺源皇菊（特级）"))
    mine = replace(catalogue.product_input_from(opened), notes="本机的备注")
    with pytest.raises(versions.ChangedElsewhere) as caught:
        catalogue.update_product(db, tea, mine, expected_version=opened.version)
    assert caught.value.who == OTHER_PC
    assert caught.value.when is not None and abs((caught.value.when - uow.now()).total_seconds()) < 120
    now = catalogue.get_product(db, tea)
    assert (now.name, now.notes, now.version, now.updated_by) == ("婺源皇菊（特级）", "", 2, OTHER_PC)


def test_both_pcs_sales_land_and_the_stock_counts_both(db, shop):
    tea, stream = shop
    first, second = other_pc(db, "sell", str(tea), str(stream), "15"), other_pc(db, "sell", str(tea), str(stream), "15")
    assert len(finished(first)) == 15 and len(finished(second)) == 15
    with uow.reading(db) as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar_one() == 30
        assert conn.execute(select(Product.stock).where(Product.id == tea)).scalar_one() == 100 - 30
        assert summary_mismatches(conn) == []


def test_the_other_pcs_sale_is_heard_here_within_seconds(db, shop):
    tea, stream = shop
    listener = changes.ServerListener(full_url(db), db.engine)
    try:
        # this PC's own writes are not news to it
        catalogue.set_archived(db, [tea], False)
        assert listener.wait(0.3) == frozenset()

        process = other_pc(db, "sell", str(tea), str(stream), "1")
        heard, deadline = set(), time.monotonic() + 60  # includes the other process starting Python
        while not {"sales", "catalogue"} <= heard and time.monotonic() < deadline:
            heard |= listener.wait(1.0)
        received = time.time()
        (committed,) = finished(process)
    finally:
        listener.close()
    assert {"sales", "catalogue"} <= heard
    delay = received - committed
    print(f"NOTIFY from the other process heard {delay * 1000:.0f} ms after its commit")
    assert delay < REFRESH_WITHIN_S
