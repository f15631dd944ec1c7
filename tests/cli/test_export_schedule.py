"""`export livestreams`, `export calendar` and `export runsheet` (DESIGN §7, issue 8)."""
from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, time, timedelta

import pytest

from livestream_desk.cli import main
from livestream_desk.db.engine import open_database
from livestream_desk.domain.money import parse_fen
from livestream_desk.services import schedule as s
from livestream_desk.services import uow
from livestream_desk.services.tables.reader import read_table

from .helpers import assert_one_line_error

NOW = datetime(2026, 11, 29, 10, 0)


@pytest.fixture
def schedule_db(tmp_path, monkeypatch):
    """A database with a done livestream (figures, lineup), a planned one with a lineup, a
    weekly series and a cancelled one; `uow.clock` pinned at NOW."""
    from sqlalchemy import insert

    from livestream_desk.db.models import Product

    monkeypatch.setattr(uow, "clock", lambda: NOW)
    path = tmp_path / "schedule.sqlite3"
    db = open_database(path)
    with db.engine.begin() as conn:
        products = [
            conn.execute(insert(Product.__table__).values(**row)).inserted_primary_key[0]
            for row in (
                {"name": "修水皇菊", "spec": "50g/罐", "unit": "罐", "list_price_fen": 6800, "live_price_fen": 5900},
                {"name": "赣南脐橙", "spec": "5斤/箱", "unit": "箱", "list_price_fen": 4990},
            )
        ]
    room = s.add_account(db, "抖音", "修水李知皇菊")
    host = s.add_host(db, "李知")
    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 1, 9, 0))
    done = s.create_livestream(db, s.LivestreamInput("=皇菊开采季", "douyin", datetime(2026, 11, 2, 20), 120, room, host)).livestream_id
    s.add_to_lineup(db, done, products)
    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 2, 23, 0))
    s.finish_livestream(db, done)
    s.save_review(db, done, s.ReviewInput(viewers=3200, peak_online=150, new_followers=40, likes=9000,
                                           ad_spend="300", other_cost="20.50"))
    monkeypatch.setattr(uow, "clock", lambda: NOW)
    planned = s.create_livestream(db, s.LivestreamInput("年货节预热", "快手", datetime(2026, 12, 1, 19, 30), 90,
                                                        None, host, theme="年货节", notes="记得备样品")).livestream_id
    ids = s.add_to_lineup(db, planned, products)
    s.set_lineup_item(db, ids[0], live_price="49.90", allotted_stock=30, talking_points="头采皇菊")
    s.set_lineup_item(db, ids[1], allotted_stock=20)
    s.create_series(db, s.LivestreamInput("皇菊周播", "抖音", None, account_id=room, host_id=host),
                    s.SeriesRule(frozenset({1, 4}), time(20), 120, date(2026, 12, 25), count=3))
    cancelled = s.create_livestream(db, s.LivestreamInput("取消的场", "抖音", datetime(2026, 12, 3, 10), 60)).livestream_id
    s.cancel_livestream(db, cancelled)
    db.dispose()
    return path, {"done": done, "planned": planned}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_livestreams_round_trip(schedule_db, tmp_path, capsys, suffix):
    path, ids = schedule_db
    target = tmp_path / f"livestreams{suffix}"
    assert main(["export", "livestreams", "--db", str(path), "--to", str(target)]) == 0
    assert "6 livestreams" in capsys.readouterr().out
    table = read_table(target, columns=s.LIVESTREAM_COLUMNS)
    assert tuple(table.columns) == s.LIVESTREAM_COLUMNS
    rows = {row.text("标题"): row for row in table.rows}
    assert set(rows) == {"=皇菊开采季", "年货节预热", "皇菊周播", "取消的场"} | set()
    done = rows["=皇菊开采季"]
    assert (done.text("场次ID"), done.text("平台"), done.text("直播间"), done.text("主播"), done.text("状态")) == (
        str(ids["done"]), "抖音", "修水李知皇菊", "李知", "已结束")
    assert (done.text("排品数"), done.text("观看人数"), done.text("最高在线"), done.text("新增粉丝"), done.text("点赞")) == (
        "2", "3200", "150", "40", "9000")
    assert (parse_fen(done.get("投流")), parse_fen(done.get("其他成本"))) == (30000, 2050)
    planned = rows["年货节预热"]
    assert (planned.text("平台"), planned.text("主题"), planned.text("状态"), planned.text("排品数")) == (
        "快手", "年货节", "计划中", "2")
    assert parse_fen(planned.get("计划货值")) == 4990 * 30 + 4990 * 20
    assert planned.text("计划开始").startswith("2026-12-01 19:30")
    if suffix == ".csv":
        raw = target.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        cells = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert "'=皇菊开采季" in [c for row in cells for c in row]  # formula injection escaped


def test_export_calendar_parses_with_local_times_and_alarms(schedule_db, tmp_path, capsys):
    icalendar = pytest.importorskip("icalendar")
    path, ids = schedule_db
    target = tmp_path / "schedule.ics"
    assert main(["export", "calendar", "--db", str(path), "--to", str(target), "--remind", "45"]) == 0
    assert "4 planned livestreams" in capsys.readouterr().out
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"年货节预热", "皇菊周播"} and len(calendar.walk("VEVENT")) == 4
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    event = events["年货节预热"]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.replace(tzinfo=None) == datetime(2026, 12, 1, 19, 30)
    assert end.replace(tzinfo=None) == datetime(2026, 12, 1, 21, 0)
    assert start.utcoffset() == timedelta(hours=8)
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "李知" in str(event["DESCRIPTION"]) and "快手" in str(event["LOCATION"])
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(minutes=-45)
    series_starts = sorted(e.decoded("DTSTART").replace(tzinfo=None) for e in calendar.walk("VEVENT")
                           if str(e["SUMMARY"]) == "皇菊周播")
    assert series_starts == [datetime(2026, 12, 25, 20), datetime(2026, 12, 29, 20), datetime(2027, 1, 1, 20)]
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == 4
    assert all(len(line.encode()) <= 75 for line in target.read_bytes().decode().split("\r\n"))


def test_calendar_default_alarm_and_bad_suffix(schedule_db, tmp_path, capsys):
    icalendar = pytest.importorskip("icalendar")
    path, _ = schedule_db
    target = tmp_path / "schedule.ics"
    assert main(["export", "calendar", "--db", str(path), "--to", str(target)]) == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert {a.decoded("TRIGGER") for a in calendar.walk("VALARM")} == {timedelta(minutes=-30)}
    capsys.readouterr()
    assert main(["export", "calendar", "--db", str(path), "--to", str(tmp_path / "schedule.csv")]) == 2
    assert_one_line_error(capsys.readouterr().err, ".ics")


def test_export_runsheet_pdf_shows_chinese_names_and_prices(qapp, schedule_db, tmp_path, capsys):
    # `qapp` first: in-process, the command would otherwise make a bare QGuiApplication, and
    # every widget test later in the session would abort (one application per process).
    path, ids = schedule_db
    target = tmp_path / "runsheet.pdf"
    assert main(["export", "runsheet", str(ids["planned"]), "--db", str(path), "--to", str(target)]) == 0
    assert "2 products" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, check=True).stdout.decode()
    # Qt's PDF maps some ideographs to their Kangxi radical forms (⽶ for 米): NFKC folds them back.
    text = unicodedata.normalize("NFKC", text)
    for expected in ("年货节预热", "修水皇菊", "赣南脐橙", "¥68.00", "¥49.90", "头采皇菊"):
        assert expected in text, expected


def test_runsheet_of_a_missing_livestream(qapp, schedule_db, tmp_path, capsys):
    path, _ = schedule_db
    assert main(["export", "runsheet", "999", "--db", str(path), "--to", str(tmp_path / "x.pdf")]) == 2
    assert_one_line_error(capsys.readouterr().err, "999")
    assert not (tmp_path / "x.pdf").exists()
