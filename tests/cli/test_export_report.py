"""`export report` (.xlsx / .pdf) and `export card` (战报 .png) end to end (DESIGN §7, issue 10).

In-process through cli.main (the `qapp` fixture first: the command would otherwise make a bare
QGuiApplication), plus one real subprocess per kind.
"""
from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from livestream_desk.cli import main
from livestream_desk.db.engine import open_database
from livestream_desk.domain.money import format_display
from livestream_desk.domain.period import Month
from livestream_desk.services.reports import ReportPeriod, period_report
from livestream_desk.services.reports.cards import month_card
from livestream_desk.services.reports.workbook import SHEETS
from tests.services.reports.data import load, random_shop

from .helpers import assert_one_line_error


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "shop.sqlite3"
    database = open_database(path)
    shop = random_shop(random.Random(4), n_orders=150, n_streams=30)
    load(database, shop)
    database.dispose()
    return path, shop


def figures(path, period):
    database = open_database(path)
    try:
        return period_report(database, period)
    finally:
        database.dispose()


def test_export_report_xlsx(shop_db, tmp_path, capsys):
    path, _shop = shop_db
    target = tmp_path / "q2.xlsx"
    assert main(["export", "report", "--db", str(path), "--from", "2025-04", "--until", "2025-06", "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "2025-Q2" in out and str(target) in out
    report = figures(path, ReportPeriod.quarter(2025, 2))
    book = load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    summary = {row[0]: row for row in book["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert Decimal(str(summary["净成交(元)"][1])) == Decimal(report.figures.net_sales_fen) / 100
    assert summary["订单数"][1] == report.figures.orders


def test_export_report_pdf_in_chinese(qapp, shop_db, tmp_path, capsys):
    path, _shop = shop_db
    target = tmp_path / "year.pdf"
    assert main(["export", "report", "--db", str(path), "--from", "2025-01", "--until", "2025-12", "--to", str(target),
                 "--lang", "zh_CN"]) == 0
    assert "2025" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                                                        check=True).stdout.decode())
    report = figures(path, ReportPeriod.year(2025))
    assert "销售报告 2025" in text
    assert format_display(report.figures.net_sales_fen) in text
    assert format_display(report.figures.gmv_fen) in text


def test_export_report_defaults_to_the_last_month_with_sales(shop_db, tmp_path, capsys):
    path, shop = shop_db
    last = max(Month.of(r["paid_at"]) for r in shop.sales if r["paid_at"])
    target = tmp_path / "last.xlsx"
    assert main(["export", "report", "--db", str(path), "--to", str(target)]) == 0
    assert str(last) in capsys.readouterr().out
    summary = {row[0]: row for row in load_workbook(target)["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert summary["报告期间"][1] == str(last)


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--from", "2025-06", "--until", "2025-01", "--to", "r.xlsx"], "--from 2025-06"),
        (["--to", "r.csv"], "r.csv"),
        (["--from", "2025-13", "--to", "r.xlsx"], "2025-13"),
        (["--to", "2025-06"], "--until"),
    ],
)
def test_export_report_bad_arguments(shop_db, tmp_path, capsys, monkeypatch, args, fragment):
    path, _ = shop_db
    monkeypatch.chdir(tmp_path)
    assert main(["export", "report", "--db", str(path), *args]) == 2
    assert_one_line_error(capsys.readouterr().err, fragment)
    assert not list(tmp_path.glob("r.*"))


def test_export_report_to_a_missing_folder(shop_db, tmp_path, capsys):
    path, _ = shop_db
    assert main(["export", "report", "--db", str(path), "--to", str(tmp_path / "no" / "r.pdf")]) == 2
    assert_one_line_error(capsys.readouterr().err, "no")


def test_export_cards(qapp, shop_db, tmp_path, capsys, monkeypatch):
    from datetime import datetime

    from PySide6.QtGui import QImage

    from livestream_desk.messages import catalogue_translator
    from livestream_desk.services import uow
    from livestream_desk.ui.cards.render import render_month_card

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 10, 0))
    path, shop = shop_db
    month_png = tmp_path / "month.png"
    assert main(["export", "card", "--month", "2025-06", "--db", str(path), "--to", str(month_png), "--lang", "zh_CN"]) == 0
    assert "2025-06" in capsys.readouterr().out
    image = QImage(str(month_png))
    assert image.width() == 1080 and image.height() > 1500

    # the command draws the service's figures: the same picture (Qt may place the glyphs of the
    # first text drawn at a size a little differently, so a few pixels of antialiasing may differ)
    database = open_database(path)
    try:
        card = month_card(database, Month(2025, 6))
    finally:
        database.dispose()
    drawn = render_month_card(card, catalogue_translator("zh_CN")).convertToFormat(QImage.Format.Format_ARGB32)
    saved = image.convertToFormat(QImage.Format.Format_ARGB32)
    assert (drawn.width(), drawn.height()) == (saved.width(), saved.height())
    differing = sum(1 for y in range(0, saved.height(), 2) for x in range(0, saved.width(), 2)
                    if drawn.pixel(x, y) != saved.pixel(x, y))
    assert differing < saved.width() * saved.height() / 4 * 0.01

    stream = shop.livestreams[0]
    stream_png = tmp_path / "stream.png"
    assert main(["export", "card", "--livestream", str(stream["id"]), "--db", str(path), "--to", str(stream_png)]) == 0
    assert stream["title"] in capsys.readouterr().out
    assert QImage(str(stream_png)).width() == 1080


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--livestream", "999", "--to", "c.png"], "999"),
        (["--month", "2025-06", "--to", "c.jpg"], "c.jpg"),
        (["--to", "c.png"], "--livestream"),
        (["--livestream", "1", "--month", "2025-06", "--to", "c.png"], "--month"),
        (["--livestream", "0", "--to", "c.png"], "0"),
    ],
)
def test_export_card_bad_arguments(qapp, shop_db, tmp_path, capsys, monkeypatch, args, fragment):
    path, _ = shop_db
    monkeypatch.chdir(tmp_path)
    assert main(["export", "card", "--db", str(path), *args]) == 2
    assert_one_line_error(capsys.readouterr().err, fragment)
    assert not list(tmp_path.glob("c.*"))


def test_export_report_and_card_in_a_subprocess(run_cli, shop_db, tmp_path):
    path, _ = shop_db
    done = run_cli("export", "report", "--db", path, "--from", "2025-01", "--until", "2025-03", "--to", tmp_path / "q1.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "q1.pdf").read_bytes().startswith(b"%PDF")
    done = run_cli("export", "card", "--db", path, "--month", "2025-03", "--to", tmp_path / "m.png", "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    assert "已将" in done.stdout
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
