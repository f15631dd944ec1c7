"""Attribution of imported lines to the livestream they came from."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert

from livestream_desk.db.models import Livestream
from livestream_desk.services import uow

from .support import DOUYIN_HEADER, JD_HEADER, douyin_row, import_file, jd_row, sales_rows, write_csv


def stream(db, platform, title, scheduled, actual_start=None, actual_end=None, status="done", minutes=120):
    with uow.writing(db) as session:
        return session.execute(
            insert(Livestream).values(title=title, platform=platform, scheduled_start=scheduled, planned_minutes=minutes,
                                      actual_start=actual_start, actual_end=actual_end, status=status)
            .returning(Livestream.id)
        ).scalar_one()


def test_lines_go_to_the_livestream_they_were_paid_in(db, tmp_path):
    evening = stream(db, "douyin", "晚场", datetime(2026, 9, 10, 19, 0), datetime(2026, 9, 10, 19, 10), datetime(2026, 9, 10, 21, 0))
    stream(db, "douyin", "早场", datetime(2026, 9, 10, 8, 0))  # scheduled window only: 08:00-10:00
    stream(db, "kuaishou", "快手晚场", datetime(2026, 9, 10, 19, 0), datetime(2026, 9, 10, 19, 0), datetime(2026, 9, 10, 22, 0))
    cancelled = stream(db, "douyin", "取消", datetime(2026, 9, 11, 19, 0), status="cancelled")
    rows = [
        douyin_row(line="in", paid_at="2026-09-10 20:00:00"),
        douyin_row(line="after_end", paid_at="2026-09-10 21:29:00"),
        douyin_row(line="too_late", paid_at="2026-09-10 21:31:00"),
        douyin_row(line="video", paid_at="2026-09-10 20:00:00", source="短视频"),
        douyin_row(line="card", paid_at="2026-09-10 20:00:00", source="商品卡"),
        douyin_row(line="morning", paid_at="2026-09-10 09:30:00"),
        douyin_row(line="cancelled", paid_at="2026-09-11 19:30:00"),
    ]
    import_file(db, write_csv(tmp_path / "a.csv", DOUYIN_HEADER, rows))
    got = {r.line_id: r.livestream_id for r in sales_rows(db)}
    morning = got.pop("morning")
    assert morning is not None and morning != evening
    assert got == {"in": evening, "after_end": evening, "too_late": None, "video": None, "card": None, "cancelled": None}
    assert cancelled not in got.values()


def test_jd_only_live_channel_lines(db, tmp_path):
    live = stream(db, "jd", "京东直播", datetime(2026, 9, 10, 8, 0), datetime(2026, 9, 10, 8, 0), datetime(2026, 9, 10, 9, 0))
    rows = [jd_row(order="1", channel="京东直播"), jd_row(order="2", channel="暂无来源")]
    import_file(db, write_csv(tmp_path / "j.csv", JD_HEADER, rows))
    assert {r.order_id: r.livestream_id for r in sales_rows(db)} == {"1": live, "2": None}
