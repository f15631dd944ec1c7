"""Platforms named in Chinese on the command line (DESIGN §7), and `report` / `check` in the
reader's language (issue 7 item 23)."""
from __future__ import annotations

import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error

DOUYIN_CSV = (
    "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\n"
    "2026-01,0,1,3,150.50,0.00,150.50,\n"
    "2026-02,0,0,0,0.00,0.00,0.00,-100.0\n"
    "2026-03,1,1,3,200.00,0.00,200.00,\n"
    "2026-04,0,1,2,250.00,25.50,224.50,12.3\n"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", ["douyin", "抖音", "抖店", " 抖音 ", "DOUYIN"])
def test_report_takes_the_platform_by_key_or_chinese_name(hand_db, capsys, name):
    code, out, err = run(capsys, "report", "monthly", "--db", str(hand_db), "--format", "csv", "--platform", name)
    assert code == 0, err
    assert out == DOUYIN_CSV


def test_report_names_the_platform_in_the_readers_language(hand_db, capsys):
    code, out, _ = run(capsys, "report", "monthly", "--db", str(hand_db), "--platform", "快手小店", "--lang", "zh_CN")
    assert code == 0
    assert out.splitlines()[0] == "月度报表 2026-01..2026-01（快手）"
    code, out, _ = run(capsys, "report", "monthly", "--db", str(hand_db), "--platform", "快手", "--lang", "en")
    assert out.splitlines()[0] == "Monthly report 2026-01..2026-01 (Kuaishou)"


def test_an_unknown_platform_is_one_line_listing_the_chinese_names(hand_db, capsys):
    code, out, err = run(capsys, "report", "monthly", "--db", str(hand_db), "--platform", "微博", "--lang", "zh_CN")
    assert code == 2 and out == ""
    line = assert_one_line_error(err, "微博", "douyin / 抖音", "other / 其他")
    assert "…" not in line  # the whole list, not clipped


def test_export_sales_takes_a_chinese_platform_name(hand_db, capsys, tmp_path):
    target = tmp_path / "douyin.csv"
    code, _, err = run(capsys, "export", "sales", "--db", str(hand_db), "--platform", "抖音", "--to", str(target))
    assert code == 0, err
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 5  # the header and the five douyin lines (orders A, C, D, E)
    assert all(",抖音," in row for row in rows[1:])
    code, _, err = run(capsys, "export", "sales", "--db", str(hand_db), "--platform", "火星", "--to", str(target))
    assert code == 2
    assert_one_line_error(err, "火星")


@pytest.mark.parametrize("name, layout", [("快手小店", "kuaishou"), ("京东直播", "jd"), ("抖店", "douyin"), ("auto", None)])
def test_import_orders_layout_by_any_platform_name(name, layout):
    from livestream_desk.services.importers import layout_named

    found = layout_named(name)
    assert (found.key if found else None) == layout


def test_import_orders_refuses_a_platform_without_a_layout(tmp_path, capsys):
    source = tmp_path / "orders.csv"
    source.write_text("订单号\n1\n", encoding="utf-8")
    code, _, err = run(capsys, "import-orders", str(source), "--db", str(tmp_path / "x.sqlite3"), "--platform", "淘宝")
    assert code == 2
    assert_one_line_error(err, "淘宝")


def test_report_and_check_follow_the_locale_without_lang(run_cli, hand_db):
    chinese = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    report = run_cli("report", "monthly", "--db", hand_db, "--platform", "抖音", env=chinese)
    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[1].split()[:3] == ["月份", "直播场次", "订单数"]
    assert "（抖音）" in report.stdout.splitlines()[0]
    check = run_cli("check", "--db", hand_db, env=chinese)
    assert check.returncode == 0, check.stderr
    assert check.stdout.rstrip().endswith("数据库正常")
