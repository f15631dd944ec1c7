"""`report monthly` on a hand-built database: exact CSV, JSON, table, ranges and platforms."""
from __future__ import annotations

import json

import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest

HEADER = "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct"

EXPECTED_ALL = f"""\
{HEADER}
2026-01,0,2,4,180.50,30.00,150.50,
2026-02,1,0,0,0.00,0.00,0.00,-100.0
2026-03,1,1,3,200.00,0.00,200.00,
2026-04,0,1,2,250.00,25.50,224.50,12.3
"""


def report(capsys, *args: str) -> str:
    code = main(["report", "monthly", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err == ""
    return captured.out


def test_csv_default_range_is_first_to_last_month_with_a_paid_sale(hand_db, capsys):
    # A month without sales in the middle (zeros), a refund, growth empty where the previous
    # month is 0, and 12.25 % rounded half up to 12.3.
    assert report(capsys, "--db", str(hand_db), "--format", "csv") == EXPECTED_ALL


def test_csv_explicit_range_with_zero_months_around(hand_db, capsys):
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--from", "2025-12", "--to", "2026-06")
    assert out == (
        f"{HEADER}\n"
        "2025-12,0,0,0,0.00,0.00,0.00,\n"
        "2026-01,0,2,4,180.50,30.00,150.50,\n"
        "2026-02,1,0,0,0.00,0.00,0.00,-100.0\n"
        "2026-03,1,1,3,200.00,0.00,200.00,\n"
        "2026-04,0,1,2,250.00,25.50,224.50,12.3\n"
        "2026-05,0,0,0,0.00,0.00,0.00,-100.0\n"
        "2026-06,0,0,0,0.00,0.00,0.00,\n"
    )


def test_first_month_compares_with_the_month_before_the_range(hand_db, capsys):
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--from", "2026-04", "--to", "2026-04")
    assert out == f"{HEADER}\n2026-04,0,1,2,250.00,25.50,224.50,12.3\n"


def test_only_from_or_only_to(hand_db, capsys):
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--from", "2026-03")
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["2026-03", "2026-04"]
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--to", "2026-02")
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["2026-01", "2026-02"]
    # Beyond the sales: still one row, never an error.
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--from", "2026-09")
    assert out == f"{HEADER}\n2026-09,0,0,0,0.00,0.00,0.00,\n"


def test_platform_filter(hand_db, capsys):
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--platform", "douyin")
    assert out == (
        f"{HEADER}\n"
        "2026-01,0,1,3,150.50,0.00,150.50,\n"
        "2026-02,0,0,0,0.00,0.00,0.00,-100.0\n"
        "2026-03,1,1,3,200.00,0.00,200.00,\n"
        "2026-04,0,1,2,250.00,25.50,224.50,12.3\n"
    )
    out = report(capsys, "--db", str(hand_db), "--format", "csv", "--platform", "kuaishou")
    assert out == f"{HEADER}\n2026-01,0,1,1,30.00,30.00,0.00,\n"


def test_json(hand_db, capsys):
    rows = json.loads(report(capsys, "--db", str(hand_db), "--format", "json"))
    assert [row["month"] for row in rows] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert rows[0] == {
        "month": "2026-01",
        "livestreams": 0,
        "orders": 2,
        "units": 4,
        "gmv": "180.50",
        "refunds": "30.00",
        "net_sales": "150.50",
        "mom_growth_pct": None,
    }
    assert rows[1]["mom_growth_pct"] == "-100.0"
    assert rows[3]["mom_growth_pct"] == "12.3" and rows[3]["net_sales"] == "224.50"
    assert list(rows[0]) == HEADER.split(",")


def test_json_agrees_with_csv(hand_db, capsys):
    rows = json.loads(report(capsys, "--db", str(hand_db), "--format", "json", "--from", "2025-11", "--to", "2026-05"))
    csv_lines = report(capsys, "--db", str(hand_db), "--format", "csv", "--from", "2025-11", "--to", "2026-05").splitlines()
    for row, line in zip(rows, csv_lines[1:], strict=True):
        assert ",".join("" if v is None else str(v) for v in row.values()) == line


def test_table(hand_db, capsys):
    out = report(capsys, "--db", str(hand_db))
    lines = out.splitlines()
    assert "2026-01..2026-04" in lines[0]
    assert lines[1].split() == ["Month", "Livestreams", "Orders", "Units", "GMV", "Refunds", "Net", "sales", "MoM", "growth"]
    row_apr = next(line for line in lines if line.startswith("2026-04"))
    assert row_apr.split() == ["2026-04", "0", "1", "2", "¥250.00", "¥25.50", "¥224.50", "+12.3%"]
    row_feb = next(line for line in lines if line.startswith("2026-02"))
    assert row_feb.split()[-1] == "-100.0%"
    total = next(line for line in lines if line.startswith("Total"))
    assert total.split() == ["Total", "2", "4", "9", "¥630.50", "¥55.50", "¥575.00"]
    # Aligned: every data row ends its money columns at the same place as the header.
    width = len(lines[1])
    assert all(len(line) <= width for line in lines[1:])
    assert len({line.index("¥") + len(line.split()[4]) for line in lines if line.startswith("2026")}) == 1


def test_table_in_chinese_is_aligned_by_display_width(hand_db, capsys):
    from livestream_desk.services.report_format import display_width

    out = report(capsys, "--lang", "zh_CN", "--db", str(hand_db), "--platform", "douyin")
    lines = out.splitlines()
    assert lines[1].split()[:3] == ["月份", "直播场次", "订单数"]
    assert any(line.startswith("合计") for line in lines)
    rule = lines[2]
    # The header's columns end where the rule's dashes end.
    assert display_width(lines[1]) == len(rule)


def test_money_with_thousands_separators_in_table(tmp_path, capsys):
    from datetime import datetime

    from livestream_desk.db.engine import open_database
    from livestream_desk.db.models import Sale
    from livestream_desk.services.summary import refresh_months

    path = tmp_path / "big.sqlite3"
    database = open_database(path)
    with database.engine.begin() as conn:
        conn.execute(
            Sale.__table__.insert(),
            [{"platform": "jd", "order_id": "X1", "line_id": "", "quantity": 1200, "paid_fen": 123456789,
              "paid_at": datetime(2026, 5, 5, 12, 0), "refunded_fen": 0}],
        )
        refresh_months(conn)
    database.dispose()
    out = report(capsys, "--db", str(path))
    assert "¥1,234,567.89" in out and "1,200" in out


def test_empty_database(db, capsys):
    path = str(db.path)
    db.dispose()
    assert report(capsys, "--db", path, "--format", "csv") == HEADER + "\n"
    assert json.loads(report(capsys, "--db", path, "--format", "json")) == []
    assert "no paid sales" in report(capsys, "--db", path)
    assert report(capsys, "--db", path, "--format", "csv", "--from", "2026-01", "--to", "2026-02") == (
        f"{HEADER}\n2026-01,0,0,0,0.00,0.00,0.00,\n2026-02,0,0,0,0.00,0.00,0.00,\n"
    )


def test_report_does_not_change_the_database(hand_db, capsys):
    before = digest(hand_db)
    report(capsys, "--db", str(hand_db), "--format", "csv")
    assert digest(hand_db) == before


def test_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "nope" / "shop.sqlite3"
    assert main(["report", "monthly", "--db", str(missing)]) == 2
    assert_one_line_error(capsys.readouterr().err, "no database at", str(missing))
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_report_in_a_subprocess(run_cli, hand_db, fmt):
    done = run_cli("report", "monthly", "--db", hand_db, "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    if fmt == "csv":
        assert done.stdout == EXPECTED_ALL


def test_report_loads_no_qt_no_pyqtgraph_no_alembic(run_cli, hand_db, tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(
        "import sys\n"
        "from livestream_desk.cli import main\n"
        f"code = main(['report', 'monthly', '--db', {str(hand_db)!r}, '--format', 'csv'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'pyqtgraph', 'alembic', 'openpyxl'})\n"
        "print('LOADED', loaded, 'CODE', code)\n"
    )
    import os
    import subprocess
    import sys

    from .conftest import REPO_ROOT

    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED [] CODE 0" in done.stdout
