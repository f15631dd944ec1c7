"""Net-sales targets: set / clear / list, the checks on bad input, and a period's progress."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from livestream_desk.db.models import MonthlyTarget
from livestream_desk.domain.period import Month
from livestream_desk.services.reports import (
    ReportPeriod,
    TargetError,
    clear_target,
    list_targets,
    monthly_report,
    parse_target,
    set_target,
    set_targets,
    target_progress,
)
from livestream_desk.services.reports.rows import TargetRow
from tests.services.reports.data import in_period, load, random_shop, sums_of


def count(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(MonthlyTarget)).scalar_one()


def test_set_replace_list_and_clear(db):
    october = Month(2026, 10)
    assert set_target(db, october, 5_000_000) == TargetRow(october, "", 5_000_000)
    set_target(db, october, 1_000_000, "douyin")
    set_target(db, Month(2026, 9), 4_000_000)
    set_target(db, october, 6_000_000)  # replaces
    assert list_targets(db) == [
        TargetRow(Month(2026, 9), "", 4_000_000),
        TargetRow(october, "", 6_000_000),
        TargetRow(october, "douyin", 1_000_000),
    ]
    assert list_targets(db, october, october, platform="douyin") == [TargetRow(october, "douyin", 1_000_000)]
    assert monthly_report(db, october, october).rows[0].target_fen == 6_000_000  # the monthly report reads the same
    assert clear_target(db, october) is True
    assert clear_target(db, october) is False
    assert list_targets(db, october, october) == [TargetRow(october, "douyin", 1_000_000)]


@pytest.mark.parametrize(
    "value, code",
    [
        (-1, "reports.target_negative"),
        (0, "reports.target_zero"),
        (1234.5, "reports.target_not_whole_fen"),
        (100.0, "reports.target_not_whole_fen"),
        ("100", "reports.target_not_whole_fen"),
        (True, "reports.target_not_whole_fen"),
        (Decimal("100"), "reports.target_not_whole_fen"),
        (10**16, "reports.target_too_large"),
    ],
)
def test_bad_targets_are_refused_and_nothing_is_written(db, value, code):
    with pytest.raises(TargetError) as caught:
        set_target(db, Month(2026, 10), value)
    assert caught.value.code == code
    assert count(db) == 0


def test_bad_platform_and_month(db):
    with pytest.raises(TargetError) as caught:
        set_target(db, Month(2026, 10), 100, "weibo")
    assert caught.value.code == "reports.target_unknown_platform"
    with pytest.raises(TargetError) as caught:
        set_target(db, 202610, 100)
    assert caught.value.code == "reports.target_not_a_month"
    assert set_target(db, "2026-10", 100).month == Month(2026, 10)  # text months are read
    assert count(db) == 1


def test_parse_target():
    assert parse_target("5万") == 5_000_000
    assert parse_target("¥50,000.00") == 5_000_000
    with pytest.raises(TargetError) as caught:
        parse_target("-5")
    assert caught.value.code == "reports.target_negative"
    with pytest.raises(Exception) as caught:
        parse_target("abc")
    assert caught.value.code.startswith("money.")


def test_progress_equals_brute_force(db):
    shop = random_shop(random.Random(9))
    load(db, shop)
    period = ReportPeriod.quarter(2025, 2)
    progress = target_progress(db, period)
    lines = [r for r in shop.sales if in_period(r, period.first, period.last)]
    keys = {m.key for m in period.months}
    overall = [t["target_fen"] for t in shop.targets if t["month"] in keys and t["platform"] == ""]
    gmv, refunds, _u, _n = sums_of(lines)
    assert progress.overall.actual_fen == gmv - refunds
    assert progress.overall.target_fen == (sum(overall) if overall else None)
    if overall:
        assert progress.overall.share == Decimal(gmv - refunds) / sum(overall)
    platforms = {t["platform"] for t in shop.targets if t["month"] in keys and t["platform"]}
    assert {p.platform for p in progress.platforms} == platforms
    for p in progress.platforms:
        mine = [r for r in lines if r["platform"] == p.platform]
        g, r, _u, _n = sums_of(mine)
        assert p.actual_fen == g - r
        assert p.target_fen == sum(t["target_fen"] for t in shop.targets if t["month"] in keys and t["platform"] == p.platform)
    assert [m for m, _ in progress.months] == list(period.months)
    for month, p in progress.months:
        g, r, _u, _n = sums_of([x for x in lines if in_period(x, month, month)])
        assert p.actual_fen == g - r
        target = [t["target_fen"] for t in shop.targets if t["month"] == month.key and t["platform"] == ""]
        assert p.target_fen == (target[0] if target else None)
        assert p.share is None if not target else p.share == Decimal(g - r) / target[0]


def test_set_targets_writes_every_change_in_one_transaction(db):
    october, november = Month(2026, 10), Month(2026, 11)
    set_target(db, october, 1_000_000, "douyin")
    assert set_targets(db, [(october, "", 5_000_000), (october, "douyin", None), (november, "kuaishou", 700_000),
                            (november, "", 2_000_000), (november, "", 3_000_000)]) == 5
    assert list_targets(db) == [
        TargetRow(october, "", 5_000_000),
        TargetRow(november, "", 3_000_000),  # named twice: the later one stays
        TargetRow(november, "kuaishou", 700_000),
    ]
    assert set_targets(db, []) == 0


@pytest.mark.parametrize("bad", [(Month(2026, 12), "", 0), (Month(2026, 12), "", 1.5), (Month(2026, 12), "tiktok", 100),
                                 (202612, "", 100)])
def test_one_bad_target_writes_none_of_the_changes(db, bad):
    set_target(db, Month(2026, 10), 1_000_000)
    with pytest.raises(TargetError):
        set_targets(db, [(Month(2026, 10), "", None), (Month(2026, 11), "", 500), bad])
    assert list_targets(db) == [TargetRow(Month(2026, 10), "", 1_000_000)]
