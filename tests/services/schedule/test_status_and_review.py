"""The status flow records the actual times; the review form checks its numbers."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from livestream_desk.domain.money import Money
from livestream_desk.messages import Problem
from livestream_desk.services import schedule as s

START = datetime(2026, 11, 30, 20, 0)


@pytest.fixture
def stream_id(db, people):
    return s.create_livestream(db, s.LivestreamInput("年货节", "快手", START, 120, people["kuaishou_room"],
                                                     people["wang"])).livestream_id


def test_live_then_done_records_actual_times(db, stream_id, clock):
    clock.now = START + timedelta(minutes=3, seconds=20)
    row = s.start_livestream(db, stream_id)
    assert (row.status, row.actual_start, row.actual_end) == ("live", START + timedelta(minutes=3, seconds=20), None)
    with pytest.raises(Problem) as caught:
        s.cancel_livestream(db, stream_id)
    assert caught.value.code == "schedule.status_change_refused"
    clock.now = START + timedelta(hours=2, minutes=10)
    row = s.finish_livestream(db, stream_id)
    assert (row.status, row.actual_end) == ("done", START + timedelta(hours=2, minutes=10))
    assert row.duration_minutes == 126
    with pytest.raises(Problem):
        s.start_livestream(db, stream_id)
    with pytest.raises(Problem):
        s.finish_livestream(db, stream_id)


def test_a_forgotten_livestream_is_recorded_done_with_the_planned_times(db, stream_id, clock):
    clock.now = START + timedelta(days=1)
    row = s.finish_livestream(db, stream_id)
    assert (row.actual_start, row.actual_end) == (START, START + timedelta(minutes=120))


def test_review_saves_figures_and_money_in_fen(db, stream_id, clock):
    with pytest.raises(Problem) as caught:
        s.save_review(db, stream_id, s.ReviewInput(viewers=10))
    assert caught.value.code == "schedule.review_not_done"
    clock.now = START
    s.start_livestream(db, stream_id)
    clock.now = START + timedelta(hours=2)
    s.finish_livestream(db, stream_id)
    row = s.save_review(db, stream_id, s.ReviewInput(
        viewers="１２,３４５", peak_online=480, new_followers="86", likes="", duration_minutes="135",
        ad_spend="¥1,200.50", other_cost=Money(3000)))
    assert (row.viewers, row.peak_online, row.new_followers, row.likes) == (12345, 480, 86, None)
    assert (row.ad_spend_fen, row.other_cost_fen) == (120050, 3000)
    assert row.actual_end == START + timedelta(minutes=135)


@pytest.mark.parametrize(
    "review, code, field",
    [
        (s.ReviewInput(viewers="-5"), "schedule.negative", "Viewers"),
        (s.ReviewInput(likes="很多"), "schedule.not_a_number", "Likes"),
        (s.ReviewInput(ad_spend="-100"), "schedule.negative", "Ad spend"),
        (s.ReviewInput(other_cost="12.345"), "schedule.bad_money", "Other costs"),
        (s.ReviewInput(viewers=100, peak_online=200), "schedule.peak_above_viewers", None),
    ],
)
def test_bad_review_values_are_refused(db, stream_id, clock, review, code, field):
    clock.now = START + timedelta(days=1)
    s.finish_livestream(db, stream_id)
    before = s.get_livestream(db, stream_id)
    with pytest.raises(Problem) as caught:
        s.save_review(db, stream_id, review)
    assert caught.value.code == code
    if field:
        assert str(caught.value).startswith(field)
    assert s.get_livestream(db, stream_id) == before
