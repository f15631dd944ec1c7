"""The lineup (排品): default prices, reorder that persists, copy, planned value, archived products."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from livestream_desk.db.models import Product
from livestream_desk.messages import Problem
from livestream_desk.services import schedule as s


@pytest.fixture
def stream_id(db, people):
    return s.create_livestream(db, s.LivestreamInput("皇菊专场", "抖音", datetime(2026, 11, 30, 20), 120,
                                                     people["douyin_room"], people["li"])).livestream_id


def _names(db, stream_id):
    return [item.product_name for item in s.lineup(db, stream_id)]


def test_add_uses_the_live_price_else_the_list_price(db, stream_id, products):
    s.add_to_lineup(db, stream_id, products)
    items = s.lineup(db, stream_id)
    assert [(i.position, i.product_name, i.live_price_fen) for i in items] == [
        (1, "修水皇菊", 5900), (2, "赣南脐橙", 4990), (3, "婺源绿茶", 9900)]
    assert items[0].spec == "50g/罐" and items[0].list_price_fen == 6800
    s.add_to_lineup(db, stream_id, [products[2]], position=1)
    assert _names(db, stream_id) == ["婺源绿茶", "修水皇菊", "赣南脐橙", "婺源绿茶"]
    with pytest.raises(Problem):
        s.add_to_lineup(db, stream_id, [99999])


def test_reorder_persists(db, stream_id, products):
    ids = s.add_to_lineup(db, stream_id, products)
    assert s.move_lineup_item_down(db, ids[0]) == 2
    assert _names(db, stream_id) == ["赣南脐橙", "修水皇菊", "婺源绿茶"]
    assert s.move_lineup_item_up(db, ids[2]) == 2
    assert _names(db, stream_id) == ["赣南脐橙", "婺源绿茶", "修水皇菊"]
    assert s.move_lineup_item_up(db, ids[1]) == 1  # already first: stays
    s.move_lineup_item(db, ids[1], 3)
    assert _names(db, stream_id) == ["婺源绿茶", "修水皇菊", "赣南脐橙"]
    s.set_lineup_order(db, stream_id, [ids[1], ids[0]])
    assert _names(db, stream_id) == ["赣南脐橙", "修水皇菊", "婺源绿茶"]
    assert [i.position for i in s.lineup(db, stream_id)] == [1, 2, 3]
    s.remove_from_lineup(db, [ids[0]])
    assert [(i.position, i.product_name) for i in s.lineup(db, stream_id)] == [(1, "赣南脐橙"), (2, "婺源绿茶")]


def test_edit_items_and_planned_value(db, stream_id, products):
    ids = s.add_to_lineup(db, stream_id, products[:2])
    s.set_lineup_item(db, ids[0], live_price="¥55.00", allotted_stock="40", talking_points="头采皇菊，一朵一杯")
    item = s.set_lineup_item(db, ids[1], allotted_stock=10)
    assert item.value_fen == 4990 * 10
    first = s.lineup(db, stream_id)[0]
    assert (first.live_price_fen, first.allotted_stock, first.talking_points) == (5500, 40, "头采皇菊，一朵一杯")
    assert s.lineup_total(db, stream_id) == s.LineupTotal(2, 5500 * 40 + 4990 * 10)
    row = s.get_livestream(db, stream_id)
    assert (row.lineup_size, row.planned_value_fen) == (2, 5500 * 40 + 4990 * 10)
    with pytest.raises(Problem) as caught:
        s.set_lineup_item(db, ids[0], allotted_stock="-1")
    assert caught.value.code == "schedule.negative"


def test_copy_lineup_from_an_earlier_livestream(db, people, stream_id, products):
    ids = s.add_to_lineup(db, stream_id, products)
    s.set_lineup_item(db, ids[1], live_price="39.90", allotted_stock=30, talking_points="现摘现发")
    other = s.create_livestream(db, s.LivestreamInput("下一场", "抖音", datetime(2026, 12, 2, 20), 90)).livestream_id
    s.add_to_lineup(db, other, [products[0]])
    assert s.copy_lineup(db, stream_id, other) == 3
    copied = s.lineup(db, other)
    assert [i.product_name for i in copied] == ["修水皇菊", "修水皇菊", "赣南脐橙", "婺源绿茶"]
    assert (copied[2].live_price_fen, copied[2].allotted_stock, copied[2].talking_points) == (3990, 30, "现摘现发")
    assert s.copy_lineup(db, stream_id, other, replace=True) == 3
    assert _names(db, other) == ["修水皇菊", "赣南脐橙", "婺源绿茶"]
    with pytest.raises(Problem):
        s.copy_lineup(db, other, other)


def test_an_archived_product_still_shows_and_undo_restores(db, stream_id, products):
    s.add_to_lineup(db, stream_id, products)
    with db.engine.begin() as conn:
        conn.execute(update(Product.__table__).where(Product.__table__.c.id == products[1]).values(archived=True))
    items = s.lineup(db, stream_id)
    assert [i.archived for i in items] == [False, True, False]
    s.remove_from_lineup(db, [items[1].id])
    s.restore_lineup(db, stream_id, items)
    assert s.lineup(db, stream_id) == items


def test_runsheet_data(db, stream_id, products):
    ids = s.add_to_lineup(db, stream_id, products[:2])
    s.set_lineup_item(db, ids[0], allotted_stock=20, talking_points="卖点一")
    sheet = s.runsheet(db, stream_id)
    assert sheet.livestream.title == "皇菊专场" and sheet.platform_name == "抖音"
    assert [(l.order, l.product_name, l.spec, l.list_price_fen, l.live_price_fen, l.allotted_stock, l.talking_points)
            for l in sheet.lines] == [(1, "修水皇菊", "50g/罐", 6800, 5900, 20, "卖点一"),
                                      (2, "赣南脐橙", "5斤/箱", 4990, 4990, None, "")]
    assert sheet.total_value_fen == 5900 * 20
