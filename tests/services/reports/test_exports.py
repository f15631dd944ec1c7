"""The report's workbook read back with openpyxl, the PDF's text (pdftotext) and the 战报 cards."""
from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from livestream_desk.domain.money import format_display
from livestream_desk.domain.period import Month
from livestream_desk.messages import catalogue_translator
from livestream_desk.services import uow
from livestream_desk.services.reports import ReportPeriod, period_report
from livestream_desk.services.reports.cards import livestream_card, month_card
from livestream_desk.services.reports.workbook import SHEETS, save_report_workbook
from tests.services.reports.data import done_streams, in_period, load, random_shop, sums_of

PERIOD = ReportPeriod.year(2025)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 10, 0, 0))


@pytest.fixture
def shop(db):
    data = random_shop(random.Random(77), n_orders=120, n_streams=30)
    load(db, data)
    return data


def yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def rows_of(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True)]


def test_workbook_reads_back_as_the_report(db, shop, tmp_path):
    report = period_report(db, PERIOD)
    target = tmp_path / "报告.xlsx"
    count = save_report_workbook(db, report, target)
    lines = [r for r in shop.sales if in_period(r, PERIOD.first, PERIOD.last)]
    assert count == len(lines)
    book = load_workbook(target)
    assert book.sheetnames == list(SHEETS)

    summary = {row[0]: row for row in rows_of(book["汇总"]) if row and row[0]}
    current, previous = report.summary.current, report.summary.previous
    assert Decimal(str(summary["净成交(元)"][1])) == yuan(current.net_sales_fen)
    assert Decimal(str(summary["净成交(元)"][2])) == yuan(previous.net_sales_fen)
    assert summary["订单数"][1] == current.orders
    assert summary["直播场次"][1] == current.livestreams
    assert summary["报告期间"][1] == "2025"

    platforms = rows_of(book["平台"])
    assert platforms[0][0] == "平台"
    assert [Decimal(str(r[1])) for r in platforms[1:]] == [yuan(r.net_sales_fen) for r in report.platforms]
    assert [r[4] for r in platforms[1:]] == [r.orders for r in report.platforms]

    products = rows_of(book["商品"])[1:]
    assert len(products) == len(report.all_products.all_rows)
    assert sum(Decimal(str(r[4])) for r in products) == yuan(current.net_sales_fen)
    assert sum(r[7] for r in products) == current.units

    producers = rows_of(book["生产者"])[1:]
    assert [Decimal(str(r[3])) for r in producers] == [yuan(r.net_sales_fen) for r in report.producers.all_rows]
    names = [r[0] for r in producers]
    assert "+修水茶厂" in [r.name for r in report.producers.rows]  # the shop sells for a producer named so
    assert "'+修水茶厂" in names and "+修水茶厂" not in names  # escaped against formula injection

    streams = rows_of(book["直播场次"])[1:]
    assert [r[0] for r in streams] == [r.livestream_id for r in report.livestreams]
    assert len(streams) == len(done_streams(shop, PERIOD.first, PERIOD.last))

    sales = rows_of(book["销售明细"])
    assert len(sales) == len(lines) + 1
    gmv, _refunds, _units, _n = sums_of(lines)
    assert sum(Decimal(str(r[5])) for r in sales[1:]) == yuan(gmv)


def test_workbook_cells_are_numbers_with_formats_and_text_is_never_a_formula(db, shop, tmp_path):
    target = tmp_path / "r.xlsx"
    save_report_workbook(db, period_report(db, PERIOD), target)
    book = load_workbook(target)
    sheet = book["平台"]
    money = sheet.cell(row=2, column=2)
    assert isinstance(money.value, (int, float)) and money.number_format == "0.00"
    assert sheet.cell(row=2, column=5).data_type == "n"  # orders
    assert sheet.cell(row=2, column=8).number_format == "0.00%"
    for name in book.sheetnames:
        for row in book[name].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), (name, cell.coordinate, cell.value)
    categories = [r[0] for r in rows_of(book["品类"])]
    hosts = [r[0] for r in rows_of(book["主播"])]
    assert "'=SUM(A1)" in categories
    assert "'@张三" in hosts


def test_workbook_of_an_empty_period(db, tmp_path):
    target = tmp_path / "empty.xlsx"
    assert save_report_workbook(db, period_report(db, ReportPeriod.month(Month(2026, 1))), target) == 0
    assert load_workbook(target).sheetnames == list(SHEETS)


def test_workbook_refuses_another_suffix_and_a_missing_folder(db, tmp_path):
    from livestream_desk.services.tables.reader import TableError

    report = period_report(db, ReportPeriod.month(Month(2026, 1)))
    with pytest.raises(TableError):
        save_report_workbook(db, report, tmp_path / "r.csv")
    with pytest.raises(TableError):
        save_report_workbook(db, report, tmp_path / "missing" / "r.xlsx")


# --- the PDF -----------------------------------------------------------------------------


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)  # CJK fonts map some glyphs to Kangxi radicals


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_holds_the_figures_in_chinese(qapp, db, shop, tmp_path):
    from livestream_desk.ui.exports.report_pdf import render_report_pdf

    report = period_report(db, PERIOD)
    target = tmp_path / "report.pdf"
    render_report_pdf(report, target, catalogue_translator("zh_CN"))
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    current = report.summary.current
    assert "销售报告 2025" in text
    assert "净成交" in text and "生产者" in text
    for figure in (current.net_sales_fen, current.gmv_fen, current.refunds_fen, report.summary.previous.net_sales_fen):
        assert format_display(figure) in text
    for row in report.platforms:
        assert format_display(row.net_sales_fen) in text
    for row in report.producers.rows:
        if row.key is not None:
            assert row.name.lstrip("+") in text


# --- the 战报 cards ----------------------------------------------------------------------


def test_livestream_card_figures(db, shop):
    stream = max(shop.livestreams, key=lambda s: len([r for r in shop.sales if r["livestream_id"] == s["id"]]))
    card = livestream_card(db, stream["id"], top=3)
    lines = [r for r in shop.sales if r["livestream_id"] == stream["id"] and r["paid_at"] is not None]
    gmv, refunds, units, _n = sums_of(lines)
    assert (card.gmv_fen, card.net_sales_fen, card.units) == (gmv, gmv - refunds, units)
    assert card.orders == len({(r["platform"], r["order_id"]) for r in lines})
    assert card.viewers == stream["viewers"]
    per_product = {}
    for r in lines:
        g, f = per_product.get(r["product_id"], (0, 0))
        per_product[r["product_id"]] = (g + r["paid_fen"], f + r["refunded_fen"])
    best = sorted((g - f for g, f in per_product.values()), reverse=True)[:3]
    assert [p.net_sales_fen for p in card.top_products] == best


def test_month_card_figures(db, shop):
    month = Month(2025, 6)
    card = month_card(db, month)
    this = sums_of([r for r in shop.sales if in_period(r, month, month)])
    before = sums_of([r for r in shop.sales if in_period(r, month.previous(), month.previous())])
    assert card.net_sales_fen == this[0] - this[1]
    assert card.previous_net_fen == before[0] - before[1]
    streams = done_streams(shop, month, month)
    assert card.livestreams == len(streams)
    if card.best_livestream is not None:
        nets = {s["id"]: (lambda s_: s_[0] - s_[1])(sums_of([r for r in shop.sales if r["livestream_id"] == s["id"]]))
                for s in streams}
        assert card.best_livestream.net_sales_fen == max(nets.values())
    producers = {p["id"]: p for p in shop.producers}
    products = {p["id"]: p for p in shop.products}
    helped = {}
    for r in shop.sales:
        if in_period(r, month, month) and r["product_id"] and products[r["product_id"]]["producer_id"]:
            pid = products[r["product_id"]]["producer_id"]
            helped[pid] = helped.get(pid, 0) + r["paid_fen"] - r["refunded_fen"]
    assert card.producers_helped == len(helped)
    assert [p.net_sales_fen for p in card.top_producers] == sorted(helped.values(), reverse=True)[:3]
    assert all(p.name in {x["name"] for x in producers.values()} for p in card.top_producers)


def test_cards_render_1080_wide_png(qapp, db, shop, tmp_path):
    from PySide6.QtGui import QImage

    from livestream_desk.ui.cards.render import render_livestream_card, render_month_card, save_card_png

    tx = catalogue_translator("zh_CN")
    image = render_month_card(month_card(db, Month(2025, 6)), tx)
    assert image.width() == 1080 and image.height() > 1500
    path = save_card_png(image, tmp_path / "month.png")
    loaded = QImage(str(path))
    assert (loaded.width(), loaded.height()) == (image.width(), image.height())
    stream_id = shop.livestreams[0]["id"]
    image = render_livestream_card(livestream_card(db, stream_id), tx)
    assert image.width() == 1080
    # the head is the palette's blue, the body white
    assert image.pixelColor(5, 5).blue() > 200 and image.pixelColor(5, image.height() - 5).name() == "#ffffff"


def test_card_of_a_missing_livestream(db):
    from livestream_desk.messages import Problem

    with pytest.raises(Problem) as caught:
        livestream_card(db, 12345)
    assert caught.value.code == "schedule.not_found"
