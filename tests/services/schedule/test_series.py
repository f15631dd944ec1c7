"""Recurring series: the right dates across a month boundary; whole-series edits and cancels
change the future occurrences only."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from livestream_desk.messages import Problem
from livestream_desk.services import schedule as s

TUE, FRI = 1, 4


def _template(people) -> s.LivestreamInput:
    return s.LivestreamInput(title="皇菊周播", platform="抖音", scheduled_start=None,
                             account_id=people["douyin_room"], host_id=people["li"], theme="日常专场")


def test_dates_across_a_month_boundary():
    rule = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2026, 12, 25), count=5)
    assert s.series_dates(rule) == (date(2026, 12, 25), date(2026, 12, 29), date(2027, 1, 1),
                                    date(2027, 1, 5), date(2027, 1, 8))
    until = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2027, 1, 27), until=date(2027, 2, 6))
    assert s.series_dates(until) == (date(2027, 1, 29), date(2027, 2, 2), date(2027, 2, 5))


@pytest.mark.parametrize(
    "rule, code",
    [
        (s.SeriesRule(frozenset(), time(20), 60, date(2026, 12, 1), count=3), "schedule.series_no_weekdays"),
        (s.SeriesRule(frozenset({1}), time(20), 60, date(2026, 12, 1)), "schedule.series_needs_end"),
        (s.SeriesRule(frozenset({1}), time(20), 60, date(2026, 12, 1), until=date(2026, 11, 30)),
         "schedule.series_until_before_first"),
        (s.SeriesRule(frozenset({1}), time(20), 60, date(2026, 12, 2), until=date(2026, 12, 7)), "schedule.series_empty"),
        (s.SeriesRule(frozenset(range(7)), time(20), 60, date(2026, 12, 1), until=date(2028, 12, 1)),
         "schedule.series_too_many"),
    ],
)
def test_bad_rules(rule, code):
    with pytest.raises(Problem) as caught:
        s.series_dates(rule)
    assert caught.value.code == code


def test_create_series_writes_every_occurrence(db, people):
    rule = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2026, 12, 25), count=5)
    made = s.create_series(db, _template(people), rule)
    rows = s.series_occurrences(db, made.series_id)
    assert [r.scheduled_start for r in rows] == [
        datetime(2026, 12, 25, 20), datetime(2026, 12, 29, 20), datetime(2027, 1, 1, 20),
        datetime(2027, 1, 5, 20), datetime(2027, 1, 8, 20)]
    assert {(r.title, r.planned_minutes, r.status, r.series_id) for r in rows} == {
        ("皇菊周播", 120, "planned", made.series_id)}
    assert made.livestream_ids == tuple(r.id for r in rows)
    assert made.clashes == ()  # its own occurrences never clash with each other


def test_series_in_the_past_writes_nothing(db, people):
    rule = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2026, 11, 20), count=4)
    with pytest.raises(Problem) as caught:
        s.create_series(db, _template(people), rule)
    assert caught.value.code == "schedule.planned_in_past"
    assert s.list_livestreams(db) == ()


def test_editing_the_series_changes_future_occurrences_only(db, people, clock):
    rule = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2026, 12, 1), count=6)
    made = s.create_series(db, _template(people), rule)
    # time passes: the first two happened (one done, one forgotten), the third is cancelled
    first, second, third = made.livestream_ids[:3]
    clock.now = datetime(2026, 12, 1, 19, 55)
    s.start_livestream(db, first)
    clock.now = datetime(2026, 12, 1, 22, 0)
    s.finish_livestream(db, first)
    s.cancel_livestream(db, third)
    clock.now = datetime(2026, 12, 9, 9, 0)  # after the 3rd (Dec 8), before the 4th (Dec 11)

    future = made.livestream_ids[3:]
    assert s.future_occurrence_ids(db, made.series_id) == future
    edit = s.LivestreamInput(title="皇菊周播（新）", platform="抖音", scheduled_start=datetime(2026, 12, 11, 19, 30),
                             planned_minutes=90, account_id=people["douyin_room"], host_id=people["wang"])
    result = s.update_series(db, made.series_id, edit)
    assert result.livestream_ids == future
    rows = {r.id: r for r in s.series_occurrences(db, made.series_id)}
    for old in made.livestream_ids[:3]:
        assert rows[old].title == "皇菊周播" and rows[old].host_name == "李知"
        assert rows[old].scheduled_start.time() == time(20)
    assert rows[first].status == "done" and rows[third].status == "cancelled"
    assert rows[second].status == "planned"  # in the past, not future: left alone
    for new in future:
        row = rows[new]
        assert (row.title, row.host_name, row.planned_minutes) == ("皇菊周播（新）", "王芳", 90)
        assert row.scheduled_start.time() == time(19, 30)
    assert [rows[i].scheduled_start.date() for i in future] == [date(2026, 12, 11), date(2026, 12, 15), date(2026, 12, 18)]

    cancelled = s.cancel_series(db, made.series_id)
    assert cancelled == future
    rows = {r.id: r for r in s.series_occurrences(db, made.series_id)}
    assert [rows[i].status for i in made.livestream_ids] == ["done", "planned"] + ["cancelled"] * 4
    s.reopen_livestreams(db, cancelled)  # undo
    assert [r.status for r in s.series_occurrences(db, made.series_id)][3:] == ["planned"] * 3


def test_one_occurrence_is_edited_alone(db, people):
    rule = s.SeriesRule(frozenset({TUE, FRI}), time(20), 120, date(2026, 12, 1), count=3)
    made = s.create_series(db, _template(people), rule)
    middle = made.livestream_ids[1]
    s.update_livestream(db, middle, s.LivestreamInput("特别场", "抖音", datetime(2026, 12, 4, 21), 60,
                                                      people["douyin_room"], people["li"]))
    rows = s.series_occurrences(db, made.series_id)
    assert [r.title for r in rows] == ["皇菊周播", "特别场", "皇菊周播"]
    assert all(r.series_id == made.series_id for r in rows)
