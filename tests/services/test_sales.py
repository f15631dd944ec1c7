"""services.sales: manual entry, editing, deleting with undo, refunds — summary and stock stay true."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from livestream_desk.db.models import LineupItem, Livestream, Product, Sale
from livestream_desk.domain.metrics import SaleLine, totals_of
from livestream_desk.domain.period import Month
from livestream_desk.services import sales, uow
from livestream_desk.services.reports import monthly_report
from livestream_desk.services.summary import summary_mismatches


@pytest.fixture
def shop(db):
    """Two products (stock 50 and 10) and a finished 抖音 livestream with both in its lineup."""
    with uow.writing(db) as s:
        tea = Product(name="婺源皇菊", spec="50朵/盒", list_price_fen=5990, live_price_fen=3990, stock=50)
        rice = Product(name="万年贡米", spec="5kg", list_price_fen=6800, stock=10)
        s.add_all([tea, rice])
        s.flush()
        stream = Livestream(title="年货节专场", platform="douyin", scheduled_start=datetime(2026, 10, 8, 19, 0),
                            actual_start=datetime(2026, 10, 8, 19, 5), actual_end=datetime(2026, 10, 8, 21, 0),
                            status="done", viewers=2000, ad_spend_fen=10_000)
        s.add(stream)
        s.flush()
        s.add_all([LineupItem(livestream_id=stream.id, product_id=tea.id, position=1, live_price_fen=2990, allotted_stock=30),
                   LineupItem(livestream_id=stream.id, product_id=rice.id, position=2, allotted_stock=5)])
        ids = (tea.id, rice.id, stream.id)
    return ids


def stock_of(db, product_id):
    with uow.reading(db) as conn:
        return conn.execute(select(Product.stock).where(Product.id == product_id)).scalar_one()


def assert_summary_true(db):
    with uow.reading(db) as conn:
        assert summary_mismatches(conn) == []


def raw_totals(db, where=()):
    with uow.reading(db) as conn:
        rows = conn.execute(
            select(Sale.platform, Sale.order_id, Sale.quantity, Sale.paid_fen, Sale.refunded_fen, Sale.paid_at)
            .where(*where)).all()
    return totals_of(SaleLine(r.platform, r.order_id, r.quantity, r.paid_fen, r.refunded_fen, r.paid_at is not None)
                     for r in rows)


def test_manual_entry_edit_delete_undo_keep_summary_and_stock(db, shop):
    tea, rice, stream = shop
    sale_id = sales.create_sale(db, sales.SaleInput(product_id=tea, quantity="3", unit_price="¥29.90",
                                                    paid_at="2026-10-08 20:00", livestream_id=stream))
    row = sales.get_sale(db, sale_id)
    assert (row.quantity, row.unit_price_fen, row.paid_fen, row.platform) == (3, 2990, 8970, "douyin")
    assert row.order_id.startswith("M20261008-") and row.source == "manual"
    assert stock_of(db, tea) == 47
    assert_summary_true(db)

    before = sales.update_sale(db, sale_id, sales.SaleInput(product_id=rice, quantity=2, unit_price="68",
                                                            paid_amount="130", paid_at=datetime(2026, 9, 30, 23, 59, 59)))
    assert (stock_of(db, tea), stock_of(db, rice)) == (50, 8)
    assert sales.get_sale(db, sale_id).paid_fen == 13000
    assert_summary_true(db)
    report = {r.month: r for r in monthly_report(db, Month(2026, 9), Month(2026, 10)).rows}
    assert report[Month(2026, 9)].gmv_fen == 13000 and report[Month(2026, 10)].gmv_fen == 0

    sales.restore_sale_values(db, before)  # undo the edit
    assert (stock_of(db, tea), stock_of(db, rice)) == (47, 10)
    assert sales.get_sale(db, sale_id).paid_fen == 8970
    assert_summary_true(db)

    snapshots = sales.delete_sales(db, [sale_id])
    assert stock_of(db, tea) == 50 and sales.count_sales(db) == 0
    assert_summary_true(db)
    new_ids = sales.restore_sales(db, snapshots)  # undo the delete
    restored = sales.get_sale(db, new_ids[0])
    assert (restored.order_id, restored.paid_fen, restored.livestream_id) == (row.order_id, 8970, stream)
    assert stock_of(db, tea) == 47
    assert_summary_true(db)
    assert sales.sales_totals(db).totals == raw_totals(db)


def test_entry_checks_name_each_field_and_write_nothing(db, shop):
    tea, _rice, stream = shop
    with pytest.raises(sales.SaleInvalid) as caught:
        sales.create_sale(db, sales.SaleInput(product_id=None, quantity="两", unit_price="12.345",
                                              paid_amount="-1", paid_at="昨天", order_id="x" * 80))
    assert set(caught.value.errors) == {"product_id", "quantity", "unit_price", "paid_amount", "paid_at", "order_id"}
    assert caught.value.errors["unit_price"].code == "money.too_many_decimals"
    with pytest.raises(sales.SaleInvalid) as caught:
        sales.create_sale(db, sales.SaleInput(product_id=tea, quantity=1, paid_at="2099-01-01 00:00"))
    assert caught.value.errors["paid_at"].code == "sales.paid_at_future"
    with pytest.raises(sales.SaleInvalid) as caught:  # more than in stock
        sales.create_sale(db, sales.SaleInput(product_id=tea, quantity=51, paid_at="2026-10-01 10:00"))
    assert caught.value.errors["quantity"].code == "sales.stock_short"
    with pytest.raises(sales.SaleInvalid) as caught:
        sales.create_sale(db, sales.SaleInput(product_id=tea, paid_at="2026-10-01 10:00", livestream_id=stream,
                                              platform="kuaishou"))
    assert "platform" in caught.value.errors
    assert sales.count_sales(db) == 0 and stock_of(db, tea) == 50


def test_typed_order_number_groups_lines_and_blank_price_uses_live_price(db, shop):
    tea, rice, _stream = shop
    first = sales.create_sale(db, sales.SaleInput(product_id=tea, paid_at="2026/10/2 9:30", order_id="A-1"))
    second = sales.create_sale(db, sales.SaleInput(product_id=rice, quantity=2, paid_at="2026-10-02 09:30",
                                                   order_id="A-1"))
    a, b = sales.get_sale(db, first), sales.get_sale(db, second)
    assert (a.order_id, a.line_id, b.line_id) == ("A-1", "1", "2")
    assert a.unit_price_fen == 3990 and b.paid_fen == 13600  # live price, else list price × quantity
    assert sales.sales_totals(db).orders == 1 and sales.sales_totals(db).units == 3


def test_refunds_partial_and_full_follow_the_report(db, shop):
    tea, _rice, stream = shop
    sale_id = sales.create_sale(db, sales.SaleInput(product_id=tea, quantity=4, unit_price="29.90",
                                                    paid_at="2026-10-08 20:10", livestream_id=stream))
    change = sales.refund_sale(db, sale_id, "29.90", 1)
    assert (change.before_fen, change.after_fen, change.after_quantity) == (0, 2990, 1)
    assert stock_of(db, tea) == 47  # one unit came back
    assert sales.get_sale(db, sale_id).refund_state == "partial"
    october = monthly_report(db, Month(2026, 10), Month(2026, 10)).rows[0]
    assert (october.gmv_fen, october.refunds_fen, october.net_sales_fen, october.units) == (11960, 2990, 8970, 4)
    assert_summary_true(db)

    with pytest.raises(sales.SaleInvalid) as caught:
        sales.refund_sale(db, sale_id, "200", 5)
    assert set(caught.value.errors) == {"amount", "quantity"}

    full = sales.refund_fully(db, sale_id)
    assert (full.after_fen, full.after_quantity) == (11960, 4)
    assert stock_of(db, tea) == 50 and sales.get_sale(db, sale_id).refund_state == "full"
    october = monthly_report(db, Month(2026, 10), Month(2026, 10)).rows[0]
    assert october.net_sales_fen == 0 and october.gmv_fen == 11960  # refunds stay in the line's own month
    figures = sales.livestream_figures(db, stream)
    assert (figures.gmv_fen, figures.refunds_fen, figures.net_sales_fen) == (11960, 11960, 0)

    back = sales.undo_refund(db, full)
    assert sales.get_sale(db, sale_id).refunded_fen == 2990 and stock_of(db, tea) == 47
    sales.redo_refund(db, back)
    assert sales.get_sale(db, sale_id).refunded_fen == 11960
    assert_summary_true(db)
    assert sales.list_sales(db, sales.SaleQuery(refunded=sales.RefundFilter.REFUNDED))[1] == 1
    assert sales.list_sales(db, sales.SaleQuery(refunded=sales.RefundFilter.NOT_REFUNDED))[1] == 0


def test_livestream_figures_and_breakdown(db, shop):
    tea, rice, stream = shop
    for quantity, price in ((2, "29.90"), (1, "25")):
        sales.create_sale(db, sales.SaleInput(product_id=tea, quantity=quantity, unit_price=price,
                                              paid_at="2026-10-08 20:00", livestream_id=stream))
    figures = sales.livestream_figures(db, stream)
    assert (figures.gmv_fen, figures.orders, figures.units) == (8480, 2, 3)
    assert figures.gpm_fen == 4240  # 8480 fen per 2,000 viewers × 1,000
    assert str(figures.conversion) == "0.001" and str(figures.roi) == "0.848"
    rows = sales.product_breakdown(db, stream)
    assert [(r.position, r.product_id, r.allotted, r.sold_units) for r in rows] == [(1, tea, 30, 3), (2, rice, 5, 0)]
    assert rows[0].live_price_fen == 2990 and rows[0].realised_price_fen == 2827  # 8480 / 3


def test_console_logs_at_live_price_changes_and_undoes(db, shop, monkeypatch):
    tea, rice, stream = shop
    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 10, 8, 20, 0, 0))
    state = sales.console_state(db, stream)
    assert [(b.number, b.product_id, b.price_fen) for b in state.buttons] == [(1, tea, 2990), (2, rice, 6800)]
    first = sales.log_sale(db, stream, state.buttons[0].lineup_item_id)
    second = sales.log_sale(db, stream, state.buttons[1].lineup_item_id, 2)
    assert (first.paid_fen, second.paid_fen) == (2990, 13600)
    sales.change_quantity(db, stream, first.sale_id, 3)
    state = sales.console_state(db, stream)
    assert (state.totals.gmv_fen, state.totals.units, state.totals.orders) == (2990 * 3 + 13600, 5, 2)
    assert [e.sale_id for e in state.recent] == [second.sale_id, first.sale_id]
    assert (stock_of(db, tea), stock_of(db, rice)) == (47, 8)
    undone = sales.undo_last(db, stream)
    assert undone.sale_id == second.sale_id and stock_of(db, rice) == 10
    assert sales.console_state(db, stream).totals.gmv_fen == 8970
    assert_summary_true(db)


def test_windows_counts_and_totals_agree_with_the_raw_lines(demo_db):
    everything = sales.list_sales(demo_db, sales.SaleQuery(limit=None))
    rows, total = everything
    assert total == len(rows) > 1000
    paid = [r.paid_at for r in rows if r.paid_at]
    assert paid == sorted(paid, reverse=True)
    # windows never overlap and cover the list
    seen = []
    for offset in range(0, 1000, 200):
        window, count = sales.list_sales(demo_db, sales.SaleQuery(offset=offset, limit=200))
        assert count == total
        seen += [r.id for r in window]
    assert seen == [r.id for r in rows[:1000]]
    platform = rows[0].platform
    stream = next(r.livestream_id for r in rows if r.livestream_id)
    product = rows[0].product_id
    for query, where in (
        (sales.SaleQuery(), []),
        (sales.SaleQuery(platform=platform, start=Month(2026, 1).start(), end=Month(2026, 7).start()),
         [Sale.platform == platform, Sale.paid_at >= datetime(2026, 1, 1), Sale.paid_at < datetime(2026, 7, 1)]),
        (sales.SaleQuery(livestream_id=stream), [Sale.livestream_id == stream]),
        (sales.SaleQuery(product_id=product, start=datetime(2026, 3, 15)),
         [Sale.product_id == product, Sale.paid_at >= datetime(2026, 3, 15)]),
        (sales.SaleQuery(refunded=sales.RefundFilter.REFUNDED), [(Sale.refunded_fen > 0) | (Sale.refunded_quantity > 0)]),
    ):
        assert sales.sales_totals(demo_db, query).totals == raw_totals(demo_db, where), query
        with uow.reading(demo_db) as conn:
            from sqlalchemy import func
            expected = conn.execute(select(func.count()).select_from(Sale).where(*where)).scalar_one()
        assert sales.count_sales(demo_db, query) == expected
    assert sales.summary_answers(sales.SaleQuery(platform="douyin", start=Month(2026, 1).start()))
    assert not sales.summary_answers(sales.SaleQuery(start=datetime(2026, 1, 2)))
