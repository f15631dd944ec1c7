"""The schedule's totals line (合计): the month's (week's, the list filter's) livestreams,
planned hours and value, cancelled ones named apart and not counted."""
from __future__ import annotations

from datetime import date, datetime

from livestream_desk.services import schedule
from livestream_desk.ui.schedule.totals import plan_totals

from .schedule_support import fixed_clock, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name


def plan(db, title, start, minutes=120, platform="douyin"):
    return schedule.create_livestream(db, schedule.LivestreamInput(title, platform, start, minutes)).livestream_id


def test_the_month_total_counts_only_that_month_and_not_the_cancelled(qtbot, schedule_page, db):
    page = schedule_page
    plan(db, "十二月一", datetime(2026, 12, 2, 20, 0), 120)
    plan(db, "十二月二", datetime(2026, 12, 5, 19, 0), 90, platform="kuaishou")
    cancelled = plan(db, "取消的", datetime(2026, 12, 8, 19, 0), 60)
    schedule.cancel_livestream(db, cancelled)
    plan(db, "一月的", datetime(2027, 1, 2, 20, 0), 60)  # in December's grid (the first week of January)
    page.refresh()
    wait_idle(qtbot, page)
    # November: its grid shows 1–6 December, but November itself plans nothing.
    assert page.totals_bar.totals.livestreams == 0
    assert "0" in page.totals_bar.text()

    page.step(1)  # December
    wait_idle(qtbot, page)
    totals = page.totals_bar.totals
    assert (totals.livestreams, totals.cancelled, totals.minutes) == (2, 1, 210)
    text = page.totals_bar.text()
    assert text.startswith("合计")
    assert "本月" in text and "2" in text and "3 小时 30 分钟" in text and "1 场已取消" in text

    page.set_mode("list")
    wait_idle(qtbot, page)
    assert page.totals_bar.totals.livestreams == 2
    page.filter_edit.setText("十二月二")
    assert (page.totals_bar.totals.livestreams, page.totals_bar.totals.minutes) == (1, 90)
    page.filter_edit.clear()

    page.set_mode("week")
    page.show_date(date(2026, 12, 1))
    wait_idle(qtbot, page)
    assert (page.totals_bar.totals.livestreams, page.totals_bar.totals.minutes) == (2, 210)  # 30 Nov – 6 Dec
    assert "本周" in page.totals_bar.text()


def test_plan_totals_adds_value_and_viewers(db):
    first = plan(db, "甲", datetime(2026, 12, 2, 20, 0), 100)
    plan(db, "乙", datetime(2026, 12, 3, 20, 0), 50)
    rows = schedule.livestreams_between(db, datetime(2026, 12, 1), datetime(2027, 1, 1))
    totals = plan_totals(rows, date(2026, 12, 1), date(2027, 1, 1))
    assert (totals.livestreams, totals.minutes, totals.viewers) == (2, 150, None)
    assert totals.planned_value_fen == sum(row.planned_value_fen for row in rows)
    assert plan_totals(rows, date(2026, 12, 3), date(2026, 12, 4)).livestreams == 1
    assert first in {row.id for row in rows}
