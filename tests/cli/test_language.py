"""Messages in --lang's language (default: the system locale); machine output never changes."""
from __future__ import annotations

import json

import pytest

from livestream_desk.cli import main
from livestream_desk.languages import system_language

from .helpers import assert_one_line_error, digest, make_random


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def bad_price_csv(tmp_path):
    path = tmp_path / "商品.csv"
    path.write_text("商品名称,售价\n婺源皇菊,12.3.4\n", encoding="utf-8")
    return path


def test_bad_price_in_an_import_is_explained_in_chinese(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    code, out, err = run(capsys, "import-products", str(bad_price_csv(tmp_path)), "--db", str(db), "--lang", "zh_CN")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "商品.csv (csv, utf-8)：新增 0，更新 0，未变 0，拒绝 1"
    assert "  第 2 行，售价 '12.3.4'：“12.3.4”有不止一个小数点" in lines
    assert lines[-1].startswith("已导入") or lines[-1].endswith("中没有需要改动的内容")
    assert "decimal" not in out and "rejected" not in out


def test_the_same_import_in_english(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    code, out, err = run(capsys, "import-products", str(bad_price_csv(tmp_path)), "--db", str(db), "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[0] == "商品.csv (csv, utf-8): 0 new, 0 updated, 0 unchanged, 1 rejected"
    assert "  row 2, 售价 '12.3.4': “12.3.4” has more than one decimal point" in out.splitlines()


@pytest.mark.parametrize(
    "lang, expected",
    [("zh_CN", "文件 {path} 不存在。"), ("en", "The file {path} does not exist.")],
)
def test_a_missing_file(tmp_path, capsys, lang, expected):
    missing = tmp_path / "没有.csv"
    code, out, err = run(capsys, "import-products", str(missing), "--db", str(tmp_path / "db.sqlite3"), "--lang", lang)
    assert code == 2 and out == ""
    assert assert_one_line_error(err).endswith(expected.format(path=missing))


@pytest.mark.parametrize(
    "lang, fragment, absent",
    [("zh_CN", "不是本软件的数据库", "not a livestream_desk"), ("en", "is not a livestream_desk database", "数据库")],
)
@pytest.mark.parametrize("command", [["report", "monthly"], ["check"], ["export", "products", "--to", "{tmp}/p.csv"]])
def test_a_corrupt_database(tmp_path, capsys, lang, fragment, absent, command):
    bad = make_random(tmp_path / "bad.sqlite3")
    before = digest(bad)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in command]
    code, out, err = run(capsys, *argv, "--db", str(bad), "--lang", lang)
    assert code == 2 and out == ""
    line = assert_one_line_error(err, fragment, str(bad))
    assert absent not in line
    assert digest(bad) == before


def test_our_reasons_for_bad_arguments_are_translated(capsys):
    code, out, err = run(capsys, "--lang", "zh_CN", "report", "monthly", "--from", "2026-13")
    assert code == 2
    assert "不是有效的月份" in assert_one_line_error(err, "2026-13")
    code, out, err = run(capsys, "report", "monthly", "--from", "2026-05", "--to", "2026-02", "--lang", "zh_CN")
    assert code == 2
    assert_one_line_error(err, "--from 2026-05 晚于 --to 2026-02")


def test_machine_readable_output_does_not_change_with_the_language(hand_db, capsys, tmp_path):
    outputs = {}
    for lang in ("zh_CN", "en"):
        csv_code, csv_out, _ = run(capsys, "report", "monthly", "--format", "csv", "--db", str(hand_db), "--lang", lang)
        json_code, json_out, _ = run(capsys, "report", "monthly", "--format", "json", "--db", str(hand_db), "--lang", lang)
        target = tmp_path / f"monthly-{lang}.csv"
        assert run(capsys, "export", "monthly", "--to", str(target), "--db", str(hand_db), "--lang", lang)[0] == 0
        assert csv_code == json_code == 0
        outputs[lang] = (csv_out, json_out, target.read_bytes())
    assert outputs["zh_CN"] == outputs["en"]
    csv_out, json_out, exported = outputs["zh_CN"]
    assert csv_out.splitlines()[0] == "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct"
    assert set(json.loads(json_out)[0]) == {
        "month", "livestreams", "orders", "units", "gmv", "refunds", "net_sales", "mom_growth_pct"
    }
    assert exported.decode("utf-8-sig").splitlines()[0] == csv_out.splitlines()[0]


def test_check_speaks_chinese(hand_db, capsys):
    code, out, err = run(capsys, "check", "--db", str(hand_db), "--lang", "zh_CN")
    assert code == 0, err
    assert out.rstrip().endswith("数据库正常")
    assert "6 条销售明细" in out and "结构" in out


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ],
)
def test_the_system_language_follows_the_locale(environ, expected):
    assert system_language(environ) == expected


def test_without_lang_the_cli_follows_the_locale(run_cli, tmp_path):
    missing = tmp_path / "missing.sqlite3"
    chinese = run_cli("check", "--db", missing, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"})
    assert chinese.returncode == 2
    assert_one_line_error(chinese.stderr, f"{missing} 处没有数据库")
    english = run_cli("check", "--db", missing, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"})
    assert_one_line_error(english.stderr, f"no database at {missing}")
    # --lang wins over the locale.
    chosen = run_cli("check", "--db", missing, "--lang", "en", env={"LC_ALL": "", "LANG": "zh_CN.UTF-8"})
    assert_one_line_error(chosen.stderr, f"no database at {missing}")
