"""`export products|monthly --db PATH --to FILE.xlsx|FILE.csv` (DESIGN §7)."""
from __future__ import annotations

import codecs
import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from livestream_desk.cli import main

from .helpers import assert_one_line_error, digest

FORMULA_NAME = '=HYPERLINK("http://evil.example","点我领券")'


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert err == ""
    return out


@pytest.fixture
def catalogue_db(tmp_path):
    """A catalogue with awkward values: formula-like text, a leading quote, a code with a leading 0,
    a multi-line note, an archived product."""
    from livestream_desk.db.engine import open_database
    from livestream_desk.services import catalogue
    from livestream_desk.services.catalogue import ProductInput, create_product

    path = tmp_path / "shop.sqlite3"
    database = open_database(path)
    try:
        for product in [
            ProductInput(name="婺源皇菊", sku="JX-HJ-050", spec="50朵/盒", unit="盒", category="花草茶",
                         list_price="39.90", live_price="29.9", cost="18", stock=200, origin_province="江西省",
                         origin_county="婺源县", origin_town="江湾镇", origin_village="篁岭村",
                         producer="婺源县篁岭皇菊专业合作社", certifications="地理标志、绿色食品",
                         shelf_life_days=540, notes="冷藏，避光\n第二行"),
            ProductInput(name=FORMULA_NAME, spec="+1", unit="@", notes="-不要晒", list_price="1"),
            ProductInput(name="'引号开头", sku="0012", list_price="1234567.89", cost="0", origin_province="北京市",
                         origin_county="密云区"),
            ProductInput(name="土鸡蛋", spec="30枚", list_price="45", stock=0, origin_county="修水县"),
        ]:
            create_product(database, product)
        egg = catalogue.list_products(database, catalogue.ProductQuery(text="土鸡蛋"))[0]
        catalogue.archive_product(database, egg.id)
    finally:
        database.dispose()
    return path


def template_fields(db_path) -> list[tuple]:
    """What the template carries of every product (archived ones too), sorted by name."""
    from livestream_desk.db.engine import open_database
    from livestream_desk.services.catalogue import ProductQuery, get_product, list_products

    database = open_database(db_path, create=False)
    try:
        rows = list_products(database, ProductQuery(archived="include", sort="name"))
        result = []
        for row in rows:
            detail = get_product(database, row.id)
            result.append((row.name, row.spec, row.unit, row.category, row.sku, row.list_price_fen,
                           row.live_price_fen, row.cost_fen, row.stock, row.origin, row.producer,
                           row.certifications, detail.shelf_life_days, detail.notes))
        return result
    finally:
        database.dispose()


# --- products ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_products_round_trip_into_a_fresh_database(catalogue_db, tmp_path, capsys, suffix):
    target = tmp_path / f"商品导出{suffix}"
    out = ok(capsys, "export", "products", "--db", str(catalogue_db), "--to", str(target))
    assert out == f"wrote 4 products to {target}\n"  # the archived product too

    fresh = tmp_path / "fresh.sqlite3"
    lines = ok(capsys, "import-products", str(target), "--db", str(fresh)).splitlines()
    assert "4 new, 0 updated, 0 unchanged, 0 rejected" in lines[0]
    assert template_fields(fresh) == template_fields(catalogue_db)

    # And back into the database it came from: nothing to change.
    lines = ok(capsys, "import-products", str(target), "--db", str(catalogue_db)).splitlines()
    assert "0 new, 0 updated, 4 unchanged, 0 rejected" in lines[0]


def test_products_csv_has_a_bom_and_escapes_formulas(catalogue_db, tmp_path, capsys):
    target = tmp_path / "products.csv"
    ok(capsys, "export", "products", "--db", str(catalogue_db), "--to", str(target))
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:6] == ["商品名称", "规格", "单位", "分类", "商家编码", "售价"]
    by_name = {row[0]: row for row in rows[1:]}
    assert "'" + FORMULA_NAME in by_name
    formula = by_name["'" + FORMULA_NAME]
    assert formula[1] == "'+1" and formula[2] == "'@" and formula[rows[0].index("备注")] == "'-不要晒"
    assert "''引号开头" in by_name
    assert by_name["婺源皇菊"][5:8] == ["39.90", "29.90", "18.00"]
    assert by_name["''引号开头"][4] == "0012"


def test_products_xlsx_amounts_are_numbers_and_text_is_text(catalogue_db, tmp_path, capsys):
    target = tmp_path / "products.xlsx"
    ok(capsys, "export", "products", "--db", str(catalogue_db), "--to", str(target))
    sheet = openpyxl.load_workbook(target)["商品"]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "商品名称" and header[5] == "售价"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    chrysanthemum = rows["婺源皇菊"]
    assert chrysanthemum[0].data_type == "s"
    for cell, value in zip(chrysanthemum[5:8], (39.9, 29.9, 18)):
        assert cell.data_type == "n" and cell.value == value and cell.number_format == "0.00"
    assert chrysanthemum[8].data_type == "n" and chrysanthemum[8].value == 200
    assert chrysanthemum[4].data_type == "s" and chrysanthemum[4].value == "JX-HJ-050"
    formula = rows[FORMULA_NAME]  # the text itself, in a text cell: never a formula
    assert formula[0].data_type == "s"
    # A leading ' gets one more (the reader removes exactly one), so it reads back as it was.
    quoted = rows["''引号开头"]
    assert quoted[4].value == "0012" and quoted[4].data_type == "s"


def test_export_does_not_change_the_database(catalogue_db, tmp_path, capsys):
    before = digest(catalogue_db)
    ok(capsys, "export", "products", "--db", str(catalogue_db), "--to", str(tmp_path / "p.xlsx"))
    ok(capsys, "export", "monthly", "--db", str(catalogue_db), "--to", str(tmp_path / "m.csv"))
    assert digest(catalogue_db) == before


def test_empty_catalogue_writes_the_header(tmp_path, capsys):
    from livestream_desk.db.engine import open_database

    db = tmp_path / "empty.sqlite3"
    open_database(db).dispose()
    target = tmp_path / "products.csv"
    assert ok(capsys, "--db", str(db), "export", "products", "--to", str(target)) == f"wrote 0 products to {target}\n"
    assert target.read_text(encoding="utf-8-sig").startswith("商品名称,规格,")


# --- monthly ------------------------------------------------------------------------------------------------


def report_csv(capsys, db, *argv: str) -> str:
    return ok(capsys, "report", "monthly", "--db", str(db), "--format", "csv", *argv)


@pytest.mark.parametrize(
    "export_range, report_range",
    [
        ((), ()),
        (("--from", "2025-12", "--until", "2026-06"), ("--from", "2025-12", "--to", "2026-06")),
        (("--from", "2026-03"), ("--from", "2026-03")),
        (("--until", "2026-02"), ("--to", "2026-02")),
    ],
    ids=["default", "from-until", "from", "until"],
)
def test_monthly_csv_equals_report_csv(hand_db, tmp_path, capsys, export_range, report_range):
    target = tmp_path / "monthly.csv"
    out = ok(capsys, "export", "monthly", "--db", str(hand_db), "--to", str(target), *export_range)
    expected = report_csv(capsys, hand_db, *report_range)
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # CRLF, as Excel writes CSV
    assert text.replace("\r\n", "\n") == expected
    months = len(expected.splitlines()) - 1
    assert out.startswith(f"wrote {months} months (") and out.endswith(f") to {target}\n")


def test_default_monthly_export_content(hand_db, tmp_path, capsys):
    target = tmp_path / "monthly.csv"
    out = ok(capsys, "export", "monthly", "--db", str(hand_db), "--to", str(target))
    assert out == f"wrote 4 months (2026-01..2026-04) to {target}\n"
    assert target.read_text(encoding="utf-8-sig").replace("\r\n", "\n") == (
        "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\n"
        "2026-01,0,2,4,180.50,30.00,150.50,\n"
        "2026-02,1,0,0,0.00,0.00,0.00,-100.0\n"  # a negative growth is a number, not escaped text
        "2026-03,1,1,3,200.00,0.00,200.00,\n"
        "2026-04,0,1,2,250.00,25.50,224.50,12.3\n"
    )


def test_monthly_xlsx_numbers_and_text(hand_db, tmp_path, capsys):
    target = tmp_path / "monthly.xlsx"
    ok(capsys, "export", "monthly", "--db", str(hand_db), "--to", str(target))
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == [
        "month", "livestreams", "orders", "units", "gmv", "refunds", "net_sales", "mom_growth_pct"]
    assert [[cell.value for cell in row] for row in rows[1:]] == [
        ["2026-01", 0, 2, 4, 180.5, 30, 150.5, None],
        ["2026-02", 1, 0, 0, 0, 0, 0, -100],
        ["2026-03", 1, 1, 3, 200, 0, 200, None],
        ["2026-04", 0, 1, 2, 250, 25.5, 224.5, 12.3],
    ]
    for row in rows[1:]:
        assert row[0].data_type == "s"  # the month is text, not a date
        assert all(cell.data_type == "n" for cell in row[1:7])
        assert all(cell.number_format == "0.00" for cell in row[4:7])
    # Same numbers as the CSV report.
    csv_rows = [line.split(",") for line in report_csv(capsys, hand_db).splitlines()[1:]]
    for row, expected in zip(rows[1:], csv_rows, strict=True):
        values = [cell.value for cell in row]
        assert values[0] == expected[0]
        assert [int(v) for v in expected[1:4]] == values[1:4]
        assert [Decimal(v) for v in expected[4:7]] == [Decimal(str(v)).quantize(Decimal("0.01")) for v in values[4:7]]
        assert (Decimal(expected[7]) if expected[7] else None) == (None if values[7] is None else Decimal(str(values[7])))


def test_monthly_without_sales_writes_the_header(tmp_path, capsys):
    from livestream_desk.db.engine import open_database

    db = tmp_path / "empty.sqlite3"
    open_database(db).dispose()
    target = tmp_path / "monthly.csv"
    out = ok(capsys, "export", "monthly", "--db", str(db), "--to", str(target))
    assert out == f"wrote 0 months (no paid sales yet) to {target}\n"
    assert target.read_bytes() == codecs.BOM_UTF8 + b"month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct\r\n"


# --- refused ---------------------------------------------------------------------------------------------


BAD = [
    # (argv after `export`, fragments of the one-line reason)
    (["livestreams", "--to", "{tmp}/s.ics"], ("s.ics", ".xlsx / .csv")),
    (["calendar", "--to", "{tmp}/c.csv"], ("c.csv", ".ics")),
    (["runsheet", "--to", "{tmp}/r.pdf"], ("LIVESTREAM_ID",)),
    (["weekly", "--to", "{tmp}/s.csv"], ("invalid choice",)),
    (["products"], ("--to",)),
    (["products", "--to", "{tmp}/p.txt"], ("p.txt", ".xlsx / .csv")),
    (["products", "--to", "{tmp}/p.pdf"], ("p.pdf", ".xlsx / .csv")),
    (["products", "--to", "{tmp}/noext"], ("noext", ".xlsx / .csv")),
    (["monthly", "--to", "2026-05"], ("2026-05", "--until")),
    # --from belongs to `export monthly`: argparse names it as unrecognised for products.
    (["products", "--to", "{tmp}/p.csv", "--from", "2026-01"], ("--from",)),
    (["monthly", "--to", "{tmp}/m.csv", "--from", "2026-05", "--until", "2026-02"], ("--from 2026-05", "--until 2026-02")),
    (["monthly", "--to", "{tmp}/m.csv", "--until", "2026-13"], ("2026-13",)),
    (["products", "--to", "{tmp}/no-such-folder/p.csv"], ("no-such-folder",)),
]


@pytest.mark.parametrize("argv, fragments", BAD, ids=[" ".join(a).replace("{tmp}/", "") for a, _ in BAD])
def test_refused_exports_exit_2_with_one_line(hand_db, tmp_path, capsys, argv, fragments):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    before = digest(hand_db)
    code, out, err = run(capsys, "export", *argv, "--db", str(hand_db))
    assert code == 2, (out, err)
    assert_one_line_error(err, *fragments)
    assert out == ""
    assert digest(hand_db) == before
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".xlsx", ".txt", ".pdf") or p.name == "noext"]


@pytest.mark.parametrize("kind", ["products", "monthly"])
def test_missing_database_exits_2_and_is_not_created(tmp_path, capsys, kind):
    db = tmp_path / "missing.sqlite3"
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", kind, "--db", str(db), "--to", str(target))
    assert code == 2
    assert_one_line_error(err, "no database at", str(db))
    assert not db.exists() and not target.exists()


def test_help_documents_kinds_and_month_options(capsys):
    out = ok(capsys, "export", "--help")
    for fragment in ("products", "monthly", "--from YYYY-MM", "--until YYYY-MM", ".xlsx", ".csv", "BOM"):
        assert fragment in out, fragment
    out = ok(capsys, "export", "monthly", "--help")
    for fragment in ("--to FILE", "--from YYYY-MM", "--until YYYY-MM"):
        assert fragment in out, fragment


# --- a real process -------------------------------------------------------------------------------------


def test_in_a_subprocess(run_cli, hand_db, tmp_path):
    target = tmp_path / "monthly.xlsx"
    done = run_cli("export", "monthly", "--db", hand_db, "--to", target)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == f"wrote 4 months (2026-01..2026-04) to {target}\n"
    assert target.exists()

    done = run_cli("export", "products", "--db", hand_db, "--to", tmp_path / "products.doc")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert_one_line_error(done.stderr, "products.doc")
    assert done.stdout == ""

    done = run_cli("export", "products", "--db", tmp_path / "missing.sqlite3", "--to", tmp_path / "p.csv")
    assert done.returncode == 2
    assert_one_line_error(done.stderr, "no database at")


@pytest.mark.parametrize("kind", ["products", "monthly"])
@pytest.mark.parametrize("bad_kind", ["random", "truncated-half", "truncated-header", "newer", "foreign", "empty-file"])
def test_bad_database_exits_2_untouched(kind, bad_kind, hand_db, tmp_path, capsys):
    from .test_bad_databases import EXPECTED, make_bad

    bad = make_bad(bad_kind, hand_db, tmp_path)
    before = digest(bad)
    target = tmp_path / "out.xlsx"
    code, out, err = run(capsys, "export", kind, "--db", str(bad), "--to", str(target))
    assert code == 2, (out, err)
    assert_one_line_error(err, EXPECTED[bad_kind])
    assert digest(bad) == before
    assert not target.exists()
