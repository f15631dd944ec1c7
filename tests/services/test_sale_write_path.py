"""The sales table has one writer (services.sale_lines), and it keeps the summary and stock true."""
from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from livestream_desk.db.models import Product, Sale, StockMovement
from livestream_desk.services import uow
from livestream_desk.services.sale_lines import SaleLineWriter
from livestream_desk.services.summary import summary_mismatches

PACKAGE = Path(__file__).resolve().parents[2] / "livestream_desk"
WRITER = PACKAGE / "services" / "sale_lines.py"
_WRITE_CALLS = {"insert", "update", "delete"}


def _writes_sales(tree: ast.AST) -> list[int]:
    """Line numbers that write the sales table: insert/update/delete(Sale…), Sale(...) objects,
    or SQL text naming the table after INSERT INTO / UPDATE / DELETE FROM."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in _WRITE_CALLS and node.args:
                target = ast.unparse(node.args[0])
                if target in ("Sale", "Sale.__table__", "sales_table") or target.startswith("Sale."):
                    found.append(node.lineno)
            if name == "Sale":  # an ORM object, added to a session
                found.append(node.lineno)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = " ".join(node.value.lower().split())
            if any(f"{verb} sales" in text for verb in ("insert into", "update", "delete from")):
                found.append(node.lineno)
    return sorted(set(found))


def test_only_the_write_path_writes_sales():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == WRITER or "migrations" in path.parts:
            continue
        for line in _writes_sales(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert offenders == [], "only services/sale_lines.py may write the sales table: " + ", ".join(offenders)


def test_the_scan_sees_a_writer():
    # The check above must be able to fail.
    tree = ast.parse("conn.execute(insert(Sale).values(x=1))\nsession.add(Sale(order_id='1'))\n"
                     "conn.exec_driver_sql('DELETE FROM sales WHERE id=1')\n")
    assert _writes_sales(tree) == [1, 2, 3]


def _product(db, stock=10) -> int:
    with uow.writing(db) as session:
        return session.execute(
            insert(Product).values(name="婺源皇菊", list_price_fen=3990, stock=stock, search_keys="").returning(Product.id)
        ).scalar_one()


def _line(product_id, order, paid_at, paid=3990, quantity=1, **extra):
    return dict(platform="douyin", order_id=order, line_id=order, product_id=product_id, quantity=quantity,
                unit_price_fen=paid // max(quantity, 1), paid_fen=paid, paid_at=paid_at, **extra)


def test_summary_follows_every_write(db):
    product = _product(db)
    with uow.writing(db) as session, SaleLineWriter(session) as lines:
        first = lines.add(_line(product, "A1", datetime(2026, 10, 31, 23, 59, 59)))
        lines.add_many([_line(product, f"B{i}", datetime(2026, 11, 1, 8, i)) for i in range(5)])
    with uow.writing(db) as session, SaleLineWriter(session) as lines:
        lines.update(first, {"paid_at": datetime(2026, 9, 30, 12, 0), "refunded_fen": 1000})
        lines.delete_where(Sale.order_id == "B0")
    with uow.reading(db) as conn:
        assert summary_mismatches(conn) == []
        assert conn.execute(select(Sale.order_id).order_by(Sale.order_id)).scalars().all() == ["A1", "B1", "B2", "B3", "B4"]


def test_a_failed_transaction_leaves_lines_and_summary_untouched(db):
    product = _product(db)
    with pytest.raises(RuntimeError):
        with uow.writing(db) as session, SaleLineWriter(session) as lines:
            lines.add(_line(product, "A1", datetime(2026, 10, 1, 20, 0)))
            raise RuntimeError("power cut")
    with uow.reading(db) as conn:
        assert conn.execute(select(Sale.id)).all() == []
        assert summary_mismatches(conn) == []


def test_stock_moves_with_sold_units(db):
    product = _product(db, stock=10)
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as lines:
        sale = lines.add(_line(product, "A1", datetime(2026, 10, 1, 20, 0), paid=7980, quantity=2))
        lines.add(_line(product, "A2", None, quantity=3))  # never paid: nothing left the shelf
    with uow.reading(db) as conn:
        assert conn.execute(select(Product.stock).where(Product.id == product)).scalar_one() == 8
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as lines:
        lines.update(sale, {"refunded_quantity": 1, "refunded_fen": 3990})
    with uow.writing(db) as session, SaleLineWriter(session, adjust_stock=True) as lines:
        lines.delete([sale])
    with uow.reading(db) as conn:
        assert conn.execute(select(Product.stock).where(Product.id == product)).scalar_one() == 10
        deltas = conn.execute(select(StockMovement.delta).order_by(StockMovement.id)).scalars().all()
        assert deltas == [-2, 1, 1]
        assert summary_mismatches(conn) == []
