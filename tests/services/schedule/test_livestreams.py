"""Creating, editing, cancelling, duplicating, moving and deleting livestreams; the checks and
the clash warning that names the other livestream."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from livestream_desk.db.models import LineupItem, Livestream
from livestream_desk.messages import Problem, catalogue_translator, render
from livestream_desk.services import schedule as s

from .conftest import NOW

TOMORROW_8PM = datetime(2026, 11, 30, 20, 0)


def _input(people, **changes) -> s.LivestreamInput:
    values = dict(title="皇菊专场", platform="抖音", scheduled_start=TOMORROW_8PM, planned_minutes=120,
                  account_id=people["douyin_room"], host_id=people["li"], theme="日常专场")
    values.update(changes)
    return s.LivestreamInput(**values)


def _count(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Livestream)).scalar_one()


def test_create_edit_and_read_back(db, people):
    saved = s.create_livestream(db, _input(people))
    assert saved.clashes == ()
    row = s.get_livestream(db, saved.livestream_id)
    assert (row.title, row.platform, row.account_name, row.host_name, row.status) == (
        "皇菊专场", "douyin", "修水李知皇菊", "李知", "planned")
    assert row.scheduled_end == TOMORROW_8PM + timedelta(hours=2)

    s.update_livestream(db, row.id, _input(people, title="  皇菊 年货节  ", planned_minutes=180, host_id=people["wang"]))
    row = s.get_livestream(db, row.id)
    assert (row.title, row.planned_minutes, row.host_name) == ("皇菊 年货节", 180, "王芳")


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"title": "  "}, "schedule.title_required"),
        ({"platform": ""}, "schedule.platform_required"),
        ({"platform": "weibo"}, "common.unknown_platform"),
        ({"scheduled_start": None}, "schedule.start_required"),
        ({"planned_minutes": 0}, "schedule.end_before_start"),
        ({"planned_minutes": -30}, "schedule.end_before_start"),
        ({"planned_minutes": 25 * 60}, "schedule.too_long"),
        ({"scheduled_start": NOW - timedelta(hours=1)}, "schedule.planned_in_past"),
        ({"platform": "快手"}, "schedule.account_other_platform"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(db, people, changes, code):
    with pytest.raises(Problem) as caught:
        s.create_livestream(db, _input(people, **changes))
    assert caught.value.code == code
    assert _count(db) == 0
    assert render(caught.value.message, catalogue_translator("zh_CN")) != str(caught.value)  # has Chinese


def test_platform_by_chinese_name_or_key():
    assert s.parse_platform("抖音") == s.parse_platform("douyin") == "douyin"
    assert s.parse_platform(" 视频号 ") == "shipinhao"
    assert s.parse_platform("京东") == "jd"
    assert s.parse_platform("DOUYIN") == "douyin"
    assert s.find_platform("微博") is None


def test_clash_warning_names_the_other_livestream(db, people):
    first = s.create_livestream(db, _input(people, title="修水皇菊 开采季"))
    # the same host, on 快手, half an hour into the first: saved, with a warning
    second = s.create_livestream(
        db, _input(people, title="快手 年货节", platform="kuaishou", account_id=people["kuaishou_room"],
                   scheduled_start=TOMORROW_8PM + timedelta(minutes=30)))
    assert [(c.kind, c.other_id, c.other_title, c.name) for c in second.clashes] == [
        ("host", first.livestream_id, "修水皇菊 开采季", "李知")]
    text = str(second.clashes[0].message)
    assert "修水皇菊 开采季" in text and "李知" in text and "20:00" in text
    assert "修水皇菊 开采季" in render(second.clashes[0].message, catalogue_translator("zh_CN"))
    assert _count(db) == 2

    # the same room, another host, overlapping: an account clash
    third = s.check_livestream(db, _input(people, host_id=people["wang"], scheduled_start=TOMORROW_8PM + timedelta(minutes=119)))
    assert [(c.kind, c.other_id) for c in third] == [("account", first.livestream_id)]
    # back to back is no clash; a cancelled livestream never clashes
    assert s.check_livestream(db, _input(people, host_id=people["wang"], scheduled_start=TOMORROW_8PM + timedelta(hours=2))) == ()
    s.cancel_livestream(db, first.livestream_id)
    assert s.check_livestream(db, _input(people, host_id=people["wang"], scheduled_start=TOMORROW_8PM + timedelta(minutes=10))) == ()
    # editing a livestream does not clash with itself
    assert s.update_livestream(db, second.livestream_id, _input(
        people, title="快手 年货节", platform="kuaishou", account_id=people["kuaishou_room"],
        scheduled_start=TOMORROW_8PM + timedelta(minutes=30))).clashes == ()


def test_cancel_and_reopen(db, people):
    saved = s.create_livestream(db, _input(people))
    row = s.cancel_livestream(db, saved.livestream_id)
    assert row.status == "cancelled"
    with pytest.raises(Problem) as caught:
        s.start_livestream(db, saved.livestream_id)
    assert caught.value.code == "schedule.status_change_refused"
    assert "cancelled" in str(caught.value)
    assert s.reopen_livestream(db, saved.livestream_id).status == "planned"


def test_duplicate_copies_fields_and_lineup(db, people, products):
    saved = s.create_livestream(db, _input(people))
    s.add_to_lineup(db, saved.livestream_id, products[:2])
    copy = s.duplicate_livestream(db, saved.livestream_id)
    row = s.get_livestream(db, copy.livestream_id)
    assert row.scheduled_start == TOMORROW_8PM + timedelta(days=7)
    assert (row.title, row.account_id, row.host_id, row.status, row.lineup_size) == (
        "皇菊专场", people["douyin_room"], people["li"], "planned", 2)


def test_reschedule_keeps_the_time_of_day_and_undoes(db, people):
    saved = s.create_livestream(db, _input(people))
    moved = s.reschedule_livestream(db, saved.livestream_id, date(2026, 12, 3))
    assert moved.old_start == TOMORROW_8PM and moved.new_start == datetime(2026, 12, 3, 20, 0)
    assert s.get_livestream(db, saved.livestream_id).scheduled_start == datetime(2026, 12, 3, 20, 0)
    with pytest.raises(Problem) as caught:
        s.reschedule_livestream(db, saved.livestream_id, date(2026, 11, 28))
    assert caught.value.code == "schedule.planned_in_past"
    s.move_livestream(db, saved.livestream_id, moved.old_start)
    assert s.get_livestream(db, saved.livestream_id).scheduled_start == TOMORROW_8PM


def test_delete_and_undo_restores_lineup(db, people, products):
    saved = s.create_livestream(db, _input(people))
    s.add_to_lineup(db, saved.livestream_id, products)
    before = s.lineup(db, saved.livestream_id)
    snapshots = s.delete_livestreams(db, [saved.livestream_id])
    assert _count(db) == 0
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(LineupItem)).scalar_one() == 0
    s.restore_livestreams(db, snapshots)
    assert s.get_livestream(db, saved.livestream_id).title == "皇菊专场"
    assert s.lineup(db, saved.livestream_id) == before


def test_month_view_reads_300_livestreams_in_one_query(db, people, products):
    from sqlalchemy import event

    template = _input(people, account_id=None, host_id=None)
    rule = s.SeriesRule(frozenset(range(7)), TOMORROW_8PM.time(), 60, date(2026, 12, 1), until=date(2026, 12, 31))
    for n in range(10):
        made = s.create_series(db, template, rule)
    s.add_to_lineup(db, made.livestream_id, products)
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    rows = s.livestreams_between(db, datetime(2026, 12, 1), datetime(2027, 1, 1))
    assert len(rows) == 310
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1
    assert sorted(r.scheduled_start for r in rows) == [r.scheduled_start for r in rows]
    assert sum(r.lineup_size for r in rows) == 3


def test_list_view_filters_and_orders(db, people):
    s.create_livestream(db, _input(people, title="B 场"))
    s.create_livestream(db, _input(people, title="A 场", platform="快手", account_id=people["kuaishou_room"],
                                   host_id=people["wang"], scheduled_start=TOMORROW_8PM + timedelta(days=1)))
    assert [r.title for r in s.list_livestreams(db, s.ListQuery(order_by="title"))] == ["A 场", "B 场"]
    assert [r.title for r in s.list_livestreams(db, s.ListQuery(text="王芳"))] == ["A 场"]
    assert [r.title for r in s.list_livestreams(db, s.ListQuery(platform="抖音"))] == ["B 场"]
    assert s.count_livestreams(db, s.ListQuery(status="planned")) == 2


def test_upcoming_and_reminders(db, people, clock):
    s.create_livestream(db, _input(people, scheduled_start=NOW + timedelta(minutes=20)))
    s.create_livestream(db, _input(people, scheduled_start=NOW + timedelta(days=2), host_id=None, account_id=None))
    upcoming = s.upcoming_livestreams(db, 5)
    assert [u.minutes_until for u in upcoming] == [20, 2 * 24 * 60]
    assert [u.minutes_until for u in s.due_reminders(db, 30)] == [20]
    assert s.due_reminders(db, 10) == ()


def test_rooms_and_hosts_retire_but_stay_on_old_livestreams(db, people):
    saved = s.create_livestream(db, _input(people))
    s.set_host_retired(db, people["li"], True)
    s.set_account_retired(db, people["douyin_room"], True)
    assert "李知" not in [h.name for h in s.list_hosts(db, include_retired=False)]
    assert [a.name for a in s.list_accounts(db, "抖音", include_retired=False)] == []
    row = s.get_livestream(db, saved.livestream_id)
    assert (row.host_name, row.host_retired, row.account_retired) == ("李知", True, True)
    # an old livestream keeps them when edited; a new one cannot pick them
    s.update_livestream(db, row.id, _input(people, title="改名"))
    with pytest.raises(Problem) as caught:
        s.create_livestream(db, _input(people, account_id=None))
    assert caught.value.code == "schedule.host_retired"
    s.set_host_retired(db, people["li"], False)
    s.rename_host(db, people["li"], "李知老师")
    assert s.get_livestream(db, row.id).host_name == "李知老师"
    with pytest.raises(Problem):
        s.add_host(db, "王芳")
    assert [h.livestreams for h in s.list_hosts(db) if h.name == "李知老师"] == [1]
