"""`demo --remove`: the demo data goes, the user's own products and sales stay, `check` passes."""
from __future__ import annotations

import sqlite3
from datetime import datetime

from livestream_desk.cli import main

from .helpers import assert_one_line_error


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_remove_keeps_the_users_sale_and_check_passes(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert run(capsys, "demo", "--db", str(path), "--months", "3", "--sales", "300")[0] == 0
    # The user's own product and sale, written as the app writes them.
    from livestream_desk.db.engine import open_database
    from livestream_desk.domain.validation import ProductInput
    from livestream_desk.services.catalogue import create_product
    from livestream_desk.services.sales.entry import SaleInput, create_sale

    database = open_database(path)
    try:
        own = create_product(database, ProductInput(name="自家腊肉", list_price="68", stock=10))
        create_sale(database, SaleInput(product_id=own.id, quantity=2, unit_price="68",
                                        paid_at=datetime(2026, 9, 9, 12, 0), platform="other"))
    finally:
        database.dispose()

    code, out, err = run(capsys, "demo", "--db", str(path), "--remove", "--lang", "zh_CN")
    assert code == 0, err
    assert "300" in out and "演示数据" in out
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM products").fetchall() == [("自家腊肉",)]
        assert conn.execute("SELECT source, paid_fen FROM sales").fetchall() == [("manual", 13600)]
        assert conn.execute("SELECT count(*) FROM livestreams").fetchone() == (0,)
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert code == 0 and out.rstrip().endswith("healthy")
    code, out, _ = run(capsys, "report", "monthly", "--db", str(path), "--format", "csv")
    assert out.splitlines()[1:] == ["2026-09,0,1,2,136.00,0.00,136.00,"]
    # Again: nothing left to remove, nothing changed.
    code, out, _ = run(capsys, "demo", "--db", str(path), "--remove")
    assert code == 0 and "no demo data" in out


def test_demo_remove_refuses_generation_options(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert run(capsys, "demo", "--db", str(path), "--months", "1", "--sales", "10")[0] == 0
    code, _, err = run(capsys, "demo", "--db", str(path), "--remove", "--months", "3")
    assert code == 2
    assert_one_line_error(err, "--months")


def test_demo_remove_never_creates_a_database(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    code, _, err = run(capsys, "demo", "--db", str(missing), "--remove")
    assert code == 2 and not missing.exists()
    assert_one_line_error(err, str(missing))
