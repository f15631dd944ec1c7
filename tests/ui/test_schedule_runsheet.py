"""The run sheet PDF: A4, Chinese product names and prices readable from the file's text."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import datetime

import pytest

from livestream_desk.services import schedule

from .schedule_support import fixed_clock, people, products

__all__ = ["fixed_clock"]  # fixtures of schedule_support, asked for by name

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


def test_runsheet_pdf_has_chinese_names_and_prices(qapp, db, tmp_path, fixed_clock):  # noqa: F811
    from livestream_desk.ui.schedule.runsheet import render_runsheet_pdf

    host, _, room, _ = people(db)
    made = products(db, 3)
    ls_id = schedule.create_livestream(db, schedule.LivestreamInput(
        "年货节专场", "douyin", datetime(2026, 12, 3, 20, 0), 150, room, host, theme="年货节")).livestream_id
    items = schedule.add_to_lineup(db, ls_id, [p.id for p in made])
    schedule.set_lineup_item(db, items[0], live_price="¥35.00", allotted_stock="30", talking_points="第一口回甘")
    path = render_runsheet_pdf(schedule.runsheet(db, ls_id), tmp_path / "runsheet.pdf")

    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("年货节专场", "婺源皇菊", "江西大米", "修水宁红茶", "¥35.00", "¥60.00", "¥41.90", "第一口回甘",
                     "婺源皇菊直播间", "小王", "2026-12-03 20:00"):
        # pdftotext may give CJK radicals (⼀, U+2F00) for the same glyphs; NFKC maps them back
        assert expected in unicodedata.normalize("NFKC", text), expected
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    if info:
        assert "A4" in info or "595.2" in info or "595.28" in info
