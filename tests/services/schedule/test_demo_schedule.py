"""The demo's schedule: four weeks planned ahead with lineups, a weekly series, one clash."""
from __future__ import annotations

from datetime import time, timedelta

from livestream_desk.services import schedule as s
from livestream_desk.services import uow
from livestream_desk.services.schedule.editing import clashes_in


def test_demo_plans_four_weeks_with_a_series_and_one_clash(demo_db):
    today = uow.now().date()
    planned = [r for r in s.list_livestreams(demo_db, s.ListQuery(status="planned"))]
    assert planned, "upcoming livestreams"
    assert min(r.scheduled_start.date() for r in planned) > today
    assert max(r.scheduled_start.date() for r in planned) <= today + timedelta(days=28)
    assert all(5 <= r.lineup_size <= 12 and r.planned_value_fen > 0 for r in planned)

    series_ids = {r.series_id for r in planned if r.series_id}
    assert len(series_ids) == 1
    series = s.series_occurrences(demo_db, series_ids.pop())
    assert len(series) == 8
    assert {(r.scheduled_start.weekday(), r.scheduled_start.time(), r.platform) for r in series} == {
        (1, time(20), "douyin"), (4, time(20), "douyin")}

    clashes = []
    with uow.reading(demo_db) as conn:
        for r in planned:
            clashes += clashes_in(conn, livestream_id=r.id, start=r.scheduled_start, minutes=r.planned_minutes,
                                  account_id=r.account_id, host_id=r.host_id)
    assert len(clashes) == 2  # one pair, seen from each side
    assert {c.kind for c in clashes} == {"host"}
    assert any(c.other_id in {r.id for r in series} for c in clashes)

    upcoming = s.upcoming_livestreams(demo_db, 5)
    assert len(upcoming) == 5 and all(u.minutes_until > 0 for u in upcoming)
