"""The `.xlsx` check before the fast reader (services/tables/xlsx_guard.py, issue 7 item 1).

The files that would crash or swamp python-calamine are only checked here in-process (the
check refuses them before calamine sees them); tests/cli/test_hostile_files.py runs them
through the commands in a subprocess, where a crash would show as one.
"""
from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from livestream_desk.messages import render
from livestream_desk.services.tables import TableError, read_table
from livestream_desk.services.tables.xlsx_guard import FREE_BOX_CELLS, check_workbook, sheet_extent
from tests.fixtures.hostile_xlsx import (
    MAIN_NS,
    PRODUCT_HEADER,
    far_value_workbook,
    header_row,
    sheet_xml,
    text_cell,
    write_workbook,
)

COLUMNS = ["商品名称", "售价"]


def refused(path) -> TableError:
    with pytest.raises(TableError) as caught:
        read_table(path, columns=COLUMNS)
    return caught.value


@pytest.mark.parametrize("reference", ["XFD1048576", "A1048576", "ZZ20000"])
@pytest.mark.parametrize("dimension", [None, "A1:B2", "A1:XFD1048576"])
def test_a_stray_far_value_is_refused_naming_the_cell(tmp_path, reference, dimension):
    path = far_value_workbook(tmp_path / "products.xlsx", reference, dimension=dimension)
    assert path.stat().st_size < 5000
    started = time.perf_counter()
    problem = refused(path)
    assert time.perf_counter() - started < 2
    assert problem.code == "tables.stray_far_cell"
    text = str(problem)
    assert "products.xlsx" in text and "订单" in text and "4 filled cells" in text
    column = "".join(ch for ch in reference if ch.isalpha())
    row = reference[len(column):]
    assert f"{'B' if column == 'A' else column}{row}" in text  # the box's far corner


def test_the_refusal_reads_in_chinese():
    from livestream_desk.messages.catalogue import catalogue_translator

    problem = TableError("tables.stray_far_cell", file="a.xlsx", sheet="订单", cell="XFD1048576", cells=3)
    text = render(problem.message, catalogue_translator("zh_CN"))
    assert "XFD1048576" in text and any("\u4e00" <= ch <= "\u9fff" for ch in text.replace("订单", ""))


@pytest.mark.parametrize("reference", ["XFE1", "A1048577", "A99999999999"])
def test_a_cell_beyond_excel_is_refused(tmp_path, reference):
    row = "".join(ch for ch in reference if ch.isdigit())
    rows = [header_row(PRODUCT_HEADER), f'<row r="{row[:10]}"><c r="{reference}"><v>1</v></c></row>']
    path = write_workbook(tmp_path / "p.xlsx", sheet_xml(rows))
    problem = refused(path)
    assert problem.code in ("tables.cell_beyond_excel", "tables.damaged_excel"), str(problem)


def test_a_declared_dimension_beyond_excel_is_refused(tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", sheet_xml([header_row(PRODUCT_HEADER)], "A1:XFE2000000"))
    assert refused(path).code == "tables.cell_beyond_excel"


def test_cells_without_references_are_placed_by_position(tmp_path):
    # Allowed by the format: cells and rows without r="…" follow the previous one.
    far_row = '<row r="1048576"><c><v>1</v></c><c><v>2</v></c></row>'
    rows = [header_row(PRODUCT_HEADER), far_row]
    path = write_workbook(tmp_path / "p.xlsx", sheet_xml(rows))
    problem = refused(path)
    assert problem.code == "tables.stray_far_cell"
    assert "B1048576" in str(problem)


def test_a_namespace_prefix_does_not_hide_a_far_cell(tmp_path):
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>商品名称</x:t></x:is></x:c></x:row>'
        '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    path = write_workbook(tmp_path / "p.xlsx", sheet)
    assert refused(path).code == "tables.stray_far_cell"


def test_attributes_split_by_newlines_do_not_hide_a_far_cell(tmp_path):
    rows = [header_row(PRODUCT_HEADER), '<row\nr="1048576"><c\nr="XFD1048576"\n><v>1</v></c></row>']
    path = write_workbook(tmp_path / "p.xlsx", sheet_xml(rows))
    assert refused(path).code == "tables.stray_far_cell"


def test_a_far_sheet_after_the_table_is_found_too(tmp_path):
    path = far_value_workbook(tmp_path / "p.xlsx", "XFD1048576")
    with zipfile.ZipFile(path, "a") as archive:  # a second worksheet only xl/worksheets/ names
        archive.writestr("xl/worksheets/sheet2.xml", sheet_xml(['<row r="9"><c r="XFD9"><v>1</v></c></row>']))
    assert refused(path).code == "tables.stray_far_cell"


def test_a_zip_member_that_unpacks_huge_is_refused(tmp_path):
    sheet = sheet_xml([header_row(PRODUCT_HEADER)])
    bomb = b"<sst>" + b" " * (60 << 20) + b"</sst>"
    path = write_workbook(tmp_path / "bomb.xlsx", sheet, {"xl/sharedStrings.xml": bomb})
    assert path.stat().st_size < 200_000
    problem = refused(path)
    assert problem.code == "tables.unpacks_too_large"
    assert "bomb.xlsx" in str(problem)


# --- what must still be read ---------------------------------------------------------------------


def test_formatted_empty_cells_far_away_are_harmless(tmp_path):
    # Formatting (a border, a fill) writes empty cells; the fast reader skips them.
    rows = [header_row(PRODUCT_HEADER), f'<row r="2">{text_cell("A2", "赣南脐橙")}<c r="B2"><v>12.5</v></c></row>',
            '<row r="1048576"><c r="XFC1048576" s="1"></c><c r="XFD1048576" s="1"/></row>']
    path = write_workbook(tmp_path / "p.xlsx", sheet_xml(rows, "A1:XFD1048576"))
    table = read_table(path, columns=COLUMNS)
    assert [(row.number, row.values) for row in table.rows] == [(2, {"商品名称": "赣南脐橙", "售价": 12.5})]


def test_a_dense_sheet_larger_than_the_free_box_is_read(tmp_path):
    rows_wanted = FREE_BOX_CELLS // 2 + 10  # two columns: its box is just above the free box
    rows = [header_row(PRODUCT_HEADER)]
    rows += [f'<row r="{r}">{text_cell(f"A{r}", f"商品{r}")}<c r="B{r}"><v>{r}</v></c></row>' for r in range(2, rows_wanted + 2)]
    path = write_workbook(tmp_path / "big.xlsx", sheet_xml(rows))
    check_workbook(path)
    with zipfile.ZipFile(path) as archive:
        extent = sheet_extent(archive, "xl/worksheets/sheet1.xml")
    assert (extent.last_row, extent.last_column, extent.filled) == (rows_wanted + 1, 2, 2 * rows_wanted + 2)
    assert extent.box > FREE_BOX_CELLS


def test_a_sparse_but_small_sheet_is_read(tmp_path):
    path = far_value_workbook(tmp_path / "p.xlsx", "Z5000")  # 130,000 cells: inside the free box
    table = read_table(path, columns=COLUMNS)
    assert [row.number for row in table.rows] == [2]


# --- .ods: repeats by attribute (services/tables/ods_guard.py) -------------------------------------

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_text(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def write_ods(path, rows: str):
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="商品">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


ODS_HEADER = f"<table:table-row>{ods_text('商品名称')}{ods_text('售价')}</table:table-row>"
ODS_ROW = (f"<table:table-row>{ods_text('赣南脐橙')}"
           '<table:table-cell office:value-type="float" office:value="12.5"><text:p>12.5</text:p></table:table-cell>'
           "</table:table-row>")


@pytest.mark.parametrize("columns_before", [16383, 9])
def test_an_ods_value_repeated_far_away_is_refused(tmp_path, columns_before):
    far = (
        '<table:table-row table:number-rows-repeated="1048573"><table:table-cell/></table:table-row>'
        f'<table:table-row><table:table-cell table:number-columns-repeated="{columns_before}"/>'
        '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
        "</table:table-row>"
    )
    path = write_ods(tmp_path / "p.ods", ODS_HEADER + ODS_ROW + far)
    assert path.stat().st_size < 3000
    problem = refused(path)
    assert problem.code == "tables.stray_far_cell"
    assert f"{'XFD' if columns_before == 16383 else 'J'}1048576" in str(problem) and "商品" in str(problem)


def test_an_ods_as_libreoffice_saves_it_is_read(tmp_path):
    # LibreOffice pads every sheet with repeated empty rows and cells up to the sheet's end.
    padding_cells = '<table:table-cell table:number-columns-repeated="1022"/>'
    padding_rows = ('<table:table-row table:number-rows-repeated="1048574">'
                    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    rows = (ODS_HEADER.replace("</table:table-row>", padding_cells + "</table:table-row>")
            + ODS_ROW.replace("</table:table-row>", padding_cells + "</table:table-row>")
            + padding_rows)
    table = read_table(write_ods(tmp_path / "p.ods", rows), columns=COLUMNS)
    assert [(row.number, row.values) for row in table.rows] == [(2, {"商品名称": "赣南脐橙", "售价": 12.5})]


# --- .xls: BIFF8 cell records (services/tables/xls_guard.py) -----------------------------------------

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"  # made by make_xls.py there


@pytest.mark.parametrize("name", ["far_value.xls", "far_value_mini.xls"])
def test_an_xls_with_a_value_in_its_last_cell_is_refused(tmp_path, name):
    path = tmp_path / name
    shutil.copyfile(HOSTILE / name, path)
    assert path.stat().st_size < 6000
    started = time.perf_counter()
    problem = refused(path)
    assert time.perf_counter() - started < 2
    assert problem.code == "tables.stray_far_cell"
    assert "IV65536" in str(problem) and "商品" in str(problem)


def test_a_plain_xls_is_read(tmp_path):
    table = read_table(HOSTILE / "products.xls", columns=COLUMNS)
    assert [(row.number, row.values) for row in table.rows] == [
        (2, {"商品名称": "赣南脐橙", "售价": 12.5}), (3, {"商品名称": "婺源皇菊", "售价": 39.9})]


def test_an_xls_the_check_cannot_follow_is_left_to_the_reader(tmp_path):
    from livestream_desk.services.tables.xls_guard import check_xls

    damaged = tmp_path / "d.xls"
    damaged.write_bytes((HOSTILE / "far_value.xls").read_bytes()[:700])
    check_xls(damaged)  # no exception: the reader says what it makes of the file
    with pytest.raises(TableError):
        read_table(damaged, columns=COLUMNS)
