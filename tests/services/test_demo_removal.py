"""Removing demo data leaves the user's own data (issue 7 item 22): tested with both present."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from livestream_desk.db.models import Account, Category, Host, Livestream, MonthlyTarget, Producer, Product, Sale
from livestream_desk.domain.period import Month
from livestream_desk.domain.validation import ProductInput
from livestream_desk.services import uow
from livestream_desk.services.catalogue import create_product
from livestream_desk.services.demo import catalogue as demo_catalogue
from livestream_desk.services.demo.removal import demo_present, remove_demo
from livestream_desk.services.health import check_database
from livestream_desk.services.reports import monthly_report
from livestream_desk.services.sales.entry import SaleInput, create_sale
from livestream_desk.services.summary import summary_mismatches


def count(database, model, *where) -> int:
    with uow.reading(database) as conn:
        return conn.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_an_empty_or_users_only_database_has_no_demo(db):
    assert not demo_present(db)
    create_product(db, ProductInput(name="自家土鸡蛋", list_price="2.5", category="禽蛋"))
    assert not demo_present(db)


def test_removes_demo_and_keeps_the_users_products_and_sales(demo_db):
    database = demo_db
    assert demo_present(database)
    # The user's own product (in a category the demo also uses) and sales: one of their own
    # product, one of a demo product, one attributed to a demo livestream.
    own = create_product(database, ProductInput(name="自家土鸡蛋", list_price="2.5", category="禽蛋", stock=100))
    demo_info = demo_catalogue.PRODUCTS[0]
    with database.engine.begin() as conn:  # enough stock for the user's sales below
        conn.execute(Product.__table__.update().where(Product.name == demo_info.name).values(stock=50))
    with uow.reading(database) as conn:
        demo_product = conn.execute(
            select(Product.id).where(Product.name == demo_info.name, Product.sku == demo_info.sku)
        ).scalar_one()
        stream_id, stream_platform = conn.execute(
            select(Livestream.id, Livestream.platform).where(Livestream.status == "done").order_by(Livestream.id)
        ).first()
    create_sale(database, SaleInput(product_id=own.id, quantity=3, unit_price="2.50",
                                    paid_at=datetime(2026, 10, 3, 9, 0), platform="other"))
    create_sale(database, SaleInput(product_id=demo_product, quantity=1, unit_price="88",
                                    paid_at=datetime(2026, 10, 4, 9, 0), platform="douyin"))
    create_sale(database, SaleInput(product_id=demo_product, quantity=2, unit_price="80",
                                    paid_at=datetime(2026, 10, 5, 20, 0), livestream_id=stream_id,
                                    platform=stream_platform))
    user_lines = count(database, Sale, Sale.source != "demo")
    assert user_lines == 3

    removal = remove_demo(database)

    assert removal.sale_lines > 1000 and removal.products == len(demo_catalogue.PRODUCTS) - 1
    assert removal.kept_products == 1 and removal.kept_livestreams == 1
    assert not demo_present(database)
    # Only the user's lines are left, and the figures are theirs: 7.50 + 88 + 160.
    assert count(database, Sale) == 3 and count(database, Sale, Sale.source == "demo") == 0
    report = monthly_report(database, Month(2026, 10), Month(2026, 10))
    assert report.rows[0].gmv_fen == 750 + 8800 + 16000
    # The user's product stays; the demo product they sold stays (as theirs), the rest go.
    with uow.reading(database) as conn:
        names = set(conn.execute(select(Product.name)).scalars())
        assert names == {"自家土鸡蛋", demo_info.name}
        assert summary_mismatches(conn) == []
        # The kept livestream keeps its live room and host; every other demo room goes.
        kept_stream = conn.execute(select(Livestream)).all()
        assert [row.id for row in kept_stream] == [stream_id]
        assert count(database, Account) == 1
        assert count(database, Host) <= 1
        # Categories and producers used by kept products stay, the demo's others go.
        categories = set(conn.execute(select(Category.name)).scalars())
        assert "禽蛋" in categories and categories <= {"禽蛋", demo_info.category}
        assert count(database, Producer) <= 1
        # Demo targets for months now without sales are gone; October has sales, its target stays.
        months = set(conn.execute(select(MonthlyTarget.month)).scalars())
        assert months <= {202610}
    assert check_database(database).healthy


def test_removing_twice_changes_nothing_more(demo_db):
    remove_demo(demo_db)
    again = remove_demo(demo_db)
    assert (again.sale_lines, again.products, again.livestreams) == (0, 0, 0)
    assert count(demo_db, Product) == 0
