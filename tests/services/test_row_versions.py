"""Row versions (services.versions): a save over a change made on another PC since the row
was read is refused with who and when, never a silent overwrite; saving again with the
version it now has overwrites knowingly; stock moves stay deltas (tests/postgresql runs
these on a real server too)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import select

from livestream_desk.db.engine import open_database
from livestream_desk.db.models import LineupItem, Livestream, Product, Sale
from livestream_desk.messages import render
from livestream_desk.services import catalogue, sales, schedule, uow, versions
from livestream_desk.services.sale_lines import SaleLineWriter

OTHER_PC = "amei@SHOP-PC2"
THIS_PC = "xiaolin@SHOP-PC1"
NOW = datetime(2026, 11, 29, 10, 0, 0)


@pytest.fixture
def pcs(db, monkeypatch):
    """(this PC's Database, another PC's Database on the same data); `as_other()` makes the
    next writes say they come from the other PC."""
    monkeypatch.setattr(uow, "clock", lambda: NOW)
    monkeypatch.setattr(versions, "writer_name", lambda: THIS_PC)
    other = open_database(db.path if db.is_sqlite else db.engine.url.render_as_string(hide_password=False))
    yield db, other
    other.dispose()


def as_other(monkeypatch, when=datetime(2026, 11, 29, 10, 5, 0)):
    monkeypatch.setattr(versions, "writer_name", lambda: OTHER_PC)
    monkeypatch.setattr(uow, "clock", lambda: when)


def as_this(monkeypatch):
    monkeypatch.setattr(versions, "writer_name", lambda: THIS_PC)
    monkeypatch.setattr(uow, "clock", lambda: NOW)


@pytest.fixture
def shop(db):
    with uow.writing(db) as s:
        tea = Product(name="婺源皇菊", spec="50朵/盒", list_price_fen=5990, stock=50)
        s.add(tea)
        s.flush()
        stream = Livestream(title="年货节专场", platform="douyin", scheduled_start=datetime(2026, 12, 8, 19, 0))
        s.add(stream)
        s.flush()
        item = LineupItem(livestream_id=stream.id, product_id=tea.id, position=1, live_price_fen=2990)
        s.add(item)
        s.flush()
        return tea.id, stream.id, item.id


def version_of(db, model, row_id):
    with uow.reading(db) as conn:
        return conn.execute(select(model.version, model.updated_by).where(model.id == row_id)).one()


def test_a_product_changed_elsewhere_is_not_overwritten(pcs, shop, monkeypatch):
    here, other = pcs
    tea, _, _ = shop
    opened = catalogue.get_product(here, tea)
    assert opened.version == 1

    as_other(monkeypatch)
    theirs = replace(catalogue.product_input_from(catalogue.get_product(other, tea)), notes="新茶到货")
    catalogue.update_product(other, tea, theirs, expected_version=1)
    as_this(monkeypatch)

    mine = replace(catalogue.product_input_from(opened), name="婺源皇菊（特级）")
    with pytest.raises(versions.ChangedElsewhere) as caught:
        catalogue.update_product(here, tea, mine, expected_version=opened.version)
    problem = caught.value
    assert problem.code == "concurrency.changed_elsewhere"
    assert (problem.who, problem.when, problem.version) == (OTHER_PC, datetime(2026, 11, 29, 10, 5, 0), 2)
    text = render(problem.message)
    assert OTHER_PC in text and "2026-11-29 10:05" in text and "婺源皇菊" in text
    now = catalogue.get_product(here, tea)
    assert (now.name, now.notes) == ("婺源皇菊", "新茶到货")  # nothing of mine was written

    # 覆盖: save again with the version it has now
    catalogue.update_product(here, tea, mine, expected_version=problem.version)
    now = catalogue.get_product(here, tea)
    assert (now.name, now.version, now.updated_by) == ("婺源皇菊（特级）", 3, THIS_PC)


def test_stock_moves_do_not_conflict_and_both_count(pcs, shop, monkeypatch):
    here, other = pcs
    tea, stream, _ = shop
    opened = catalogue.get_product(here, tea)
    as_other(monkeypatch)
    sales.create_sale(other, sales.SaleInput(product_id=tea, quantity="3", unit_price="29.90",
                                             paid_at="2026-11-29 09:51", livestream_id=stream))
    as_this(monkeypatch)
    sales.create_sale(here, sales.SaleInput(product_id=tea, quantity="2", unit_price="29.90",
                                            paid_at="2026-11-29 09:52", livestream_id=stream))
    assert version_of(here, Product, tea).version == 1  # stock is a delta, not an edit
    # the editor showed stock 50 and the user typed 60 (+10 received): the sales still count
    mine = replace(catalogue.product_input_from(opened), stock="60")
    catalogue.update_product(here, tea, mine, loaded_stock=opened.stock, expected_version=opened.version)
    assert catalogue.get_product(here, tea).stock == 50 - 3 - 2 + 10


def test_archiving_elsewhere_counts_as_a_change(pcs, shop, monkeypatch):
    here, other = pcs
    tea, _, _ = shop
    opened = catalogue.get_product(here, tea)
    as_other(monkeypatch)
    catalogue.set_archived(other, [tea], True)
    as_this(monkeypatch)
    assert version_of(here, Product, tea) == (2, OTHER_PC)
    with pytest.raises(versions.ChangedElsewhere):
        catalogue.update_product(here, tea, catalogue.product_input_from(opened), expected_version=opened.version)


def test_a_livestream_changed_elsewhere(pcs, shop, monkeypatch):
    here, other = pcs
    _, stream, _ = shop
    opened = schedule.get_livestream(here, stream)
    data = schedule.LivestreamInput(title="年货节专场（改）", platform="douyin", scheduled_start=opened.scheduled_start,
                                    planned_minutes=opened.planned_minutes)
    as_other(monkeypatch)
    schedule.update_livestream(other, stream, replace(data, title="年货节皇菊专场"), expected_version=opened.version)
    as_this(monkeypatch)
    with pytest.raises(versions.ChangedElsewhere) as caught:
        schedule.update_livestream(here, stream, data, expected_version=opened.version)
    assert caught.value.who == OTHER_PC and "年货节皇菊专场" in render(caught.value.message)
    assert schedule.get_livestream(here, stream).title == "年货节皇菊专场"
    schedule.update_livestream(here, stream, data, expected_version=caught.value.version)
    row = schedule.get_livestream(here, stream)
    assert (row.title, row.version) == ("年货节专场（改）", 3)


def test_a_lineup_entry_changed_elsewhere(pcs, shop, monkeypatch):
    here, other = pcs
    _, stream, item = shop
    opened = schedule.lineup(here, stream)[0]
    as_other(monkeypatch)
    schedule.set_lineup_item(other, item, talking_points="高山云雾", expected_version=opened.version)
    # a reorder elsewhere is not a change of the entry
    schedule.set_lineup_order(other, stream, [item])
    as_this(monkeypatch)
    with pytest.raises(versions.ChangedElsewhere) as caught:
        schedule.set_lineup_item(here, item, live_price="19.90", expected_version=opened.version)
    assert caught.value.who == OTHER_PC
    row = schedule.lineup(here, stream)[0]
    assert (row.talking_points, row.live_price_fen, row.version) == ("高山云雾", 2990, 2)


def test_a_sale_line_changed_elsewhere(pcs, shop, monkeypatch):
    here, other = pcs
    tea, stream, _ = shop
    sale_id = sales.create_sale(here, sales.SaleInput(product_id=tea, quantity="2", unit_price="29.90",
                                                      paid_at="2026-11-29 09:30", livestream_id=stream))
    opened = sales.get_sale(here, sale_id)
    assert opened.version == 1
    as_other(monkeypatch)
    with uow.writing(other) as s, SaleLineWriter(s, adjust_stock=True) as lines:  # an import moved the refund on
        lines.update(sale_id, {"refunded_fen": 2990, "refunded_quantity": 1})
    as_this(monkeypatch)
    line = version_of(here, Sale, sale_id)
    assert line == (2, OTHER_PC)
    mine = sales.SaleInput(product_id=tea, quantity="3", unit_price="29.90", paid_at="2026-11-29 09:30",
                           livestream_id=stream)
    with pytest.raises(versions.ChangedElsewhere) as caught:
        sales.update_sale(here, sale_id, mine, expected_version=opened.version)
    assert caught.value.who == OTHER_PC
    assert sales.get_sale(here, sale_id).quantity == 2
    assert catalogue.get_product(here, tea).stock == 50 - 2 + 1  # nothing half-way
    sales.update_sale(here, sale_id, mine, expected_version=caught.value.version)
    assert (sales.get_sale(here, sale_id).quantity, catalogue.get_product(here, tea).stock) == (3, 50 - 3 + 1)


def test_writer_name_is_user_at_computer():
    versions.writer_name.cache_clear()
    name = versions.writer_name()
    assert "@" in name and len(name) <= 128
