"""0004_product_keys: 商家编码 keys (case and width folded, unique) and pinyin name sort keys
filled for existing products; codes that clash once case is ignored do not stop the upgrade:
they are logged, left without a key, marked needs review, and listed by `check`."""
from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from livestream_desk.db.engine import open_database
from livestream_desk.services.health import check_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def products(path: Path) -> dict[int, tuple]:
    conn = sqlite3.connect(path)
    try:
        return {
            r[0]: r[1:]
            for r in conn.execute("SELECT id, sku, sku_key, name_sort, needs_review FROM products ORDER BY id")
        }
    finally:
        conn.close()


@pytest.fixture
def clashing_0003(tmp_path) -> Path:
    """The 0003 fixture plus two products whose codes are others' in another case / width."""
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0003_schedule_and_imports.sqlite3", path)
    conn = sqlite3.connect(path)
    for product_id, sku, name in ((10, "wy-hj-50", "安福火腿"), (11, "ＷＮ－ＧＭ－５ ", "万年贡米 小袋"), (12, "new-1", "新品")):
        conn.execute(
            "INSERT INTO products (id, sku, name, spec, unit, list_price_fen, stock, low_stock_threshold, origin_province,"
            " origin_county, origin_town, origin_village, certifications, photo_path, notes, search_keys, archived,"
            " needs_review, created_at, updated_at) VALUES (?, ?, ?, '', '', 100, 0, 0, '', '', '', '', '', '', '', '',"
            " 0, 0, '2026-11-01 00:00:00.000000', '2026-11-01 00:00:00.000000')",
            (product_id, sku, name),
        )
    conn.commit()
    conn.close()
    return path


def test_upgrade_keeps_the_first_code_and_reports_the_clashes(clashing_0003, caplog):
    caplog.set_level(logging.WARNING)
    database = open_database(clashing_0003)
    try:
        assert database.migrated_from == "0003_schedule_and_imports"
        report = check_database(database)
    finally:
        database.dispose()

    rows = products(clashing_0003)
    assert rows[1] == ("WY-HJ-50", "wy-hj-50", "wu yuan huang ju", 0)  # the first keeps its key
    assert rows[2][:2] == ("WN-GM-5", "wn-gm-5")
    assert rows[10] == ("wy-hj-50", None, "an fu huo tui", 1)  # the clashing one: no key, to review
    assert rows[11][1] is None and rows[11][3] == 1
    assert rows[12] == ("new-1", "new-1", "xin pin", 0)
    assert rows[3][1] is None and rows[3][2] == "jing gang shan xiang gu gan"  # no code: no key

    logged = [r.getMessage() for r in caplog.records if "clashes" in r.getMessage()]
    assert len(logged) == 2 and "'wy-hj-50' of product 10" in logged[0]

    codes = {c.name: c for c in report.checks}["codes"]
    assert not codes.ok and not report.healthy
    assert [m.code for m in codes.problems] == ["health.sku_clash", "health.sku_clash"]
    assert codes.problems[0].params["sku"] == "wy-hj-50" and "WY-HJ-50" in codes.problems[0].params["other"]
    assert "seller code wy-hj-50" in str(codes.problems[0])


def test_the_key_is_unique_whatever_the_case(clashing_0003):
    database = open_database(clashing_0003)
    database.dispose()
    conn = sqlite3.connect(clashing_0003)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE products SET sku_key = 'wy-hj-50' WHERE id = 12")
        conn.execute("UPDATE products SET sku_key = NULL WHERE id = 12")  # many without a key
    finally:
        conn.close()


def test_0004_fixture_reports_its_clash(tmp_path):
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0004_product_keys.sqlite3", path)
    database = open_database(path)
    try:
        report = check_database(database)
    finally:
        database.dispose()
    codes = {c.name: c for c in report.checks}["codes"]
    assert [m.code for m in codes.problems] == ["health.sku_clash"]


def test_check_lists_the_clash_and_exits_1(tmp_path, capsys):
    from livestream_desk.cli import main

    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0004_product_keys.sqlite3", path)
    open_database(path).dispose()  # upgraded to today's schema first (check itself only reads)
    assert main(["--lang", "en", "check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "seller code wy-hj-50 is the code of “婺源皇菊 50朵/罐” (WY-HJ-50)" in out
