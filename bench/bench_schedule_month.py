"""The schedule's month view with 300 livestreams in a month, against a 16 ms frame.

    python bench/bench_schedule_month.py [--per-month N] [--repeats N]

A database in bench/out/ gets N livestreams (default 300) in each of three months
(2026-12, 2027-01, 2027-02) with rooms and hosts, written with one Core insert. The
schedule page is shown offscreen at 1366×768 and measured in the GUI thread:

  (a) render: the month's rows handed to the month view, then a synchronous repaint
      (layout of the chips, elided texts, painting) — the cost of showing a loaded month;
  (b) next month: `step(1)` (the page shows the prefetched month, whose texts were laid out
      in idle time) and a synchronous repaint, after the first month has been shown and its
      neighbours prefetched; the very first move is reported apart (b0): it also rasterises
      glyphs the app has not drawn before, once per run;
  (c) for information: the background query of one month (livestreams_between), which
      runs off the GUI thread and so does not count against the frame.

Each is repeated --repeats times (median and worst printed) and compared with 16 ms.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

FRAME_MS = 16.0
MONTHS = ((2026, 12), (2027, 1), (2027, 2))


def build_database(path: Path, per_month: int) -> None:
    from sqlalchemy import insert

    from livestream_desk.db.engine import open_database
    from livestream_desk.db.models import Livestream
    from livestream_desk.services import schedule

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    database = open_database(path)
    try:
        rng = random.Random(1)
        platforms = ("douyin", "kuaishou", "shipinhao", "taobao", "jd", "pinduoduo")
        rooms = {p: [schedule.add_account(database, p, f"{p}直播间{n}") for n in range(3)] for p in platforms}
        hosts = [schedule.add_host(database, name) for name in ("小王", "李姐", "阿强", "刘婷婷", "陈师傅", "赵小美")]
        rows = []
        for year, month in MONTHS:
            first = datetime(year, month, 1)
            for n in range(per_month):
                platform = rng.choice(platforms)
                start = first + timedelta(days=rng.randrange(28), hours=rng.choice((9, 10, 14, 15, 19, 20, 21)),
                                          minutes=rng.choice((0, 30)))
                status = rng.choice(("planned", "planned", "planned", "done", "cancelled"))
                rows.append(dict(title=f"皇菊专场 {n}", platform=platform, scheduled_start=start, planned_minutes=120,
                                 account_id=rng.choice(rooms[platform]), host_id=rng.choice(hosts), status=status,
                                 theme="年货节", notes="", created_at=start, updated_at=start))
        with database.engine.begin() as conn:
            conn.execute(insert(Livestream), rows)
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-month", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    path = ROOT / "bench" / "out" / f"schedule-{args.per_month}.sqlite3"
    build_database(path, args.per_month)

    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    app.setOrganizationName("livestream-desk-bench")
    from livestream_desk import i18n
    from livestream_desk.db.engine import open_database
    from livestream_desk.services import schedule, uow
    from livestream_desk.ui.schedule.page import SchedulePage
    from livestream_desk.ui.tasks import TaskRunner

    i18n.install_translators(app, i18n.CHINESE)
    uow.clock = lambda: datetime(2026, 11, 29, 10, 0)  # the months ahead are planned, as a seller's would be
    database = open_database(path)
    window = QMainWindow()
    runner = TaskRunner(window)
    page = SchedulePage(database, runner, window)
    window.setCentralWidget(page)
    window.resize(1366, 768)
    window.show()

    def idle() -> None:
        while page.is_busy() or runner.active():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()

    idle()
    view = page.month_view
    first = datetime(*MONTHS[0], 1)
    query_ms = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        rows = schedule.livestreams_between(database, first - timedelta(days=7), first + timedelta(days=42))
        query_ms.append((time.perf_counter() - started) * 1000)
    shown = sum(1 for r in rows if r.scheduled_start.month == MONTHS[0][1])

    render_ms, next_ms = [], []
    for _ in range(args.repeats):
        page.show_date(first.date(), "month")
        idle()
        rows = page.rows
        view.set_rows(())
        view.repaint()
        started = time.perf_counter()
        view.set_rows(rows)
        view.repaint()
        render_ms.append((time.perf_counter() - started) * 1000)

        idle()  # the neighbours are prefetched
        started = time.perf_counter()
        page.step(1)
        view.repaint()
        next_ms.append((time.perf_counter() - started) * 1000)
        idle()
    on_screen = len(view.visible_ids())

    def line(name: str, values: list[float]) -> str:
        median, worst = statistics.median(values), max(values)
        verdict = "within" if worst <= FRAME_MS else "OVER"
        return (f"{name:<34} median {median:6.2f} ms   worst {worst:6.2f} ms   "
                f"({median / FRAME_MS:4.0%} of a {FRAME_MS:.0f} ms frame; worst {verdict} one frame)")

    print(f"month view, {shown} livestreams in {MONTHS[0][0]}-{MONTHS[0][1]:02d} ({len(rows)} in the 6-week grid, "
          f"{on_screen} chips drawn at 1366×768), {args.repeats} runs")
    print(line("(a) render a loaded month", render_ms))
    print(f"{'(b0) first move to the next month':<34} {next_ms[0]:6.2f} ms (once per run of the app: its characters "
          "are rasterised for the first time)")
    print(line("(b) next month again (prefetched)", next_ms[1:] or next_ms))
    print(f"{'(c) query one month (worker thread)':<34} median {statistics.median(query_ms):6.2f} ms")
    page.database_detached()
    runner.cancel_all()
    runner.wait(5000)
    database.dispose()


if __name__ == "__main__":
    main()
