"""The window's demo shop (`up_to_today`) was busy up to yesterday: the range ends with the current
month, whose sale lines and ended livestreams fall on the days before today; from tomorrow the
planned ones. (`demo` on the command line keeps DESIGN §7's whole months ending last month.)
Every test pins the clock (uow.clock), so the figures do not depend on the day the tests run."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from livestream_desk.db.models import Livestream, LivestreamStatus, MonthlyTarget, Product, Sale, StockMovement
from livestream_desk.domain.period import Month, MonthRange
from livestream_desk.services import uow
from livestream_desk.services.demo import generate_demo
from livestream_desk.services.summary import summary_mismatches

NOW = datetime(2026, 11, 29, 20, 15, 7)
TODAY = datetime(2026, 11, 29)


def _pin(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(uow, "clock", lambda: moment)


def _lines_by_month(conn) -> dict[int, int]:
    """Paid sale lines by month (the summary table's count)."""
    rows = conn.execute(text("SELECT month, SUM(lines) FROM monthly_sales_summary GROUP BY month")).all()
    return {month: lines for month, lines in rows if lines}


def _latest_moments(conn) -> dict[str, datetime]:
    """The latest time of each column that says when something happened."""
    columns = {
        "sales.paid_at": Sale.paid_at, "sales.created_at": Sale.created_at,
        "livestreams.created_at": Livestream.created_at, "livestreams.updated_at": Livestream.updated_at,
        "products.created_at": Product.created_at, "products.updated_at": Product.updated_at,
        "stock_movements.at": StockMovement.at,
    }
    return {name: conn.execute(select(func.max(column))).scalar_one() for name, column in columns.items()}


def test_the_current_month_runs_up_to_yesterday(db, monkeypatch):
    _pin(monkeypatch, NOW)
    summary = generate_demo(db, up_to_today=True, months=3, sales=1500, seed=3)
    assert summary.months == MonthRange(Month(2026, 9), Month(2026, 11))
    assert summary.sale_lines == 1500
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar_one() == 1500
        assert summary_mismatches(conn) == []
        last_paid = conn.execute(select(func.max(Sale.paid_at))).scalar_one()
        november = _lines_by_month(conn)
        streams = conn.execute(
            select(Livestream.status, Livestream.scheduled_start, Livestream.actual_end)
        ).all()
        november_live = conn.execute(
            select(func.count())
            .select_from(Sale)
            .join(Livestream, Livestream.id == Sale.livestream_id)
            .where(Sale.paid_at >= datetime(2026, 11, 1))
        ).scalar_one()
        targets = dict(conn.execute(select(MonthlyTarget.month, MonthlyTarget.target_fen)).all())
        november_net = conn.execute(
            select(func.sum(Sale.paid_fen - Sale.refunded_fen)).where(Sale.paid_at >= datetime(2026, 11, 1))
        ).scalar_one()
        latest = _latest_moments(conn)

    # Sales up to yesterday, none today, none in the future.
    assert TODAY - timedelta(days=1) <= last_paid < TODAY
    assert set(november) == {202609, 202610, 202611}
    assert november[202611] > 0.5 * november[202610]  # 28 of 30 days, Double 11 on top
    assert november_live > 0, "the current month's livestreams sold"
    for name, moment in latest.items():
        assert moment <= NOW, name

    ended = [(status, start, end) for status, start, end in streams if status != LivestreamStatus.PLANNED]
    planned = [start for status, start, _ in streams if status == LivestreamStatus.PLANNED]
    assert all(start < TODAY for _, start, _ in ended)
    assert all(end < TODAY for status, _, end in ended if status == LivestreamStatus.DONE)
    this_month = [start for status, start, _ in ended if status == LivestreamStatus.DONE and start >= datetime(2026, 11, 1)]
    assert len(this_month) >= 10, "the current month has its ended livestreams"
    assert max(this_month) >= datetime(2026, 11, 22)  # up to the last days before today
    # The planned ones from tomorrow: nothing planned in the past, nothing ended ahead, no day booked twice.
    assert min(planned).date() == TODAY.date() + timedelta(days=1), "the shop goes live again tomorrow"
    assert max(planned) < TODAY + timedelta(days=29)

    # Targets for the current month and the next; the next's from the current month's pace.
    assert {202609, 202610, 202611, 202612} <= set(targets)
    whole_november = november_net * 30 / 28
    assert whole_november * 1.0 < targets[202612] <= whole_november * 1.16


def test_the_current_months_share_follows_the_days_elapsed(tmp_path, monkeypatch):
    """Same seed, same growth curve: on the 8th the current month has a quarter of the lines it
    has on the 29th, relative to the month before (7 days elapsed against 28)."""
    from livestream_desk.db.engine import open_database

    shares = []
    for day in (8, 29):
        _pin(monkeypatch, datetime(2026, 11, day, 9, 0))
        database = open_database(tmp_path / f"day{day}.sqlite3")
        try:
            generate_demo(database, up_to_today=True, months=6, sales=6000, seed=4)
            with database.engine.connect() as conn:
                lines = _lines_by_month(conn)
                total = conn.execute(select(func.count()).select_from(Sale)).scalar_one()
                last_paid = conn.execute(select(func.max(Sale.paid_at))).scalar_one()
        finally:
            database.dispose()
        assert total == 6000
        assert last_paid < datetime(2026, 11, day)
        shares.append(lines[202611] / lines[202610])
    assert shares[0] / shares[1] == pytest.approx(7 / 28, rel=0.15)


@pytest.mark.parametrize("months", [1, 2])
def test_on_the_first_of_a_month_the_range_ends_with_the_month_before(db, monkeypatch, months):
    """The 1st has no day behind it: the month before is the last, whole; nothing divides by zero."""
    now = datetime(2026, 12, 1, 0, 30)
    _pin(monkeypatch, now)
    summary = generate_demo(db, up_to_today=True, months=months, sales=400, seed=2)
    assert summary.months == MonthRange.last_n(months, Month(2026, 11))
    assert summary.sale_lines == 400
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar_one() == 400
        assert summary_mismatches(conn) == []
        assert conn.execute(select(func.max(Sale.paid_at))).scalar_one() < datetime(2026, 12, 1)
        first_planned = conn.execute(
            select(func.min(Livestream.scheduled_start)).where(Livestream.status == LivestreamStatus.PLANNED)
        ).scalar_one()
        last_ended = conn.execute(
            select(func.max(Livestream.scheduled_start)).where(Livestream.status != LivestreamStatus.PLANNED)
        ).scalar_one()
        latest = _latest_moments(conn)
    assert first_planned.date() == datetime(2026, 12, 2).date()
    assert last_ended < datetime(2026, 12, 1)
    for name, moment in latest.items():
        assert moment <= now, name


def test_on_the_second_the_current_month_has_one_day(db, monkeypatch):
    _pin(monkeypatch, datetime(2026, 12, 2, 8, 0))
    summary = generate_demo(db, up_to_today=True, months=2, sales=3000, seed=2)
    assert summary.months == MonthRange(Month(2026, 11), Month(2026, 12))
    with db.engine.connect() as conn:
        lines = _lines_by_month(conn)
        total = conn.execute(select(func.count()).select_from(Sale)).scalar_one()
        first, last = conn.execute(
            select(func.min(Sale.paid_at), func.max(Sale.paid_at)).where(Sale.paid_at >= datetime(2026, 12, 1))
        ).one()
    assert total == 3000
    assert 0 < lines[202612] < 0.1 * lines[202611]
    assert datetime(2026, 12, 1) <= first <= last < datetime(2026, 12, 2)


def test_a_later_end_month_stops_at_yesterday(db, monkeypatch):
    _pin(monkeypatch, NOW)
    summary = generate_demo(db, up_to_today=True, months=2, sales=300, seed=5, end_month=Month(2027, 3))
    assert summary.months == MonthRange(Month(2026, 10), Month(2026, 11))
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Sale)).scalar_one() == 300
        assert conn.execute(select(func.max(Sale.paid_at))).scalar_one() < TODAY


def test_a_past_end_month_gives_whole_months_whatever_the_day(tmp_path, monkeypatch):
    """What the pinned tests rely on: an end month before the current one gives the same lines,
    livestreams and targets on any day."""
    from livestream_desk.db.engine import open_database

    dumps = []
    for moment in (NOW, datetime(2027, 2, 1, 7, 0)):
        _pin(monkeypatch, moment)
        database = open_database(tmp_path / f"{moment:%Y%m%d}.sqlite3")
        try:
            summary = generate_demo(database, up_to_today=True, months=3, sales=900, seed=6, end_month=Month(2026, 8))
            with database.engine.connect() as conn:
                dumps.append(
                    [
                        conn.execute(text("SELECT * FROM sales ORDER BY id")).all(),
                        conn.execute(text(
                            "SELECT id, title, scheduled_start, actual_start, actual_end, status, viewers, "
                            "updated_at FROM livestreams WHERE status != 'planned' ORDER BY id"
                        )).all(),
                        conn.execute(text("SELECT month, target_fen FROM monthly_targets ORDER BY month")).all(),
                    ]
                )
                last_paid = conn.execute(select(func.max(Sale.paid_at))).scalar_one()
        finally:
            database.dispose()
        assert summary.months == MonthRange(Month(2026, 6), Month(2026, 8))
        assert datetime(2026, 8, 28) <= last_paid < datetime(2026, 9, 1)
    assert dumps[0] == dumps[1]
