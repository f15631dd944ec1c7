"""A large CSV is read in big blocks and the import's pause of the cyclic GC ends without a long
collection (issue 9: the window must stay responsive while a worker reads an export).

Reading in blocks must not change what is read: records that span block boundaries, quoted
cells over several lines, CRLF split between two blocks, a BOM, GB18030 and UTF-16 characters
cut in the middle all come out as reading the whole file at once gives them.
"""
from __future__ import annotations

import csv
import gc
import io
import math

import pytest

from livestream_desk.services.importers import read_order_file
from livestream_desk.services.gc_pause import cyclic_gc_paused
from livestream_desk.services.tables import reader
from livestream_desk.services.tables.reader import CsvRows, _decode, open_raw

from .support import DOUYIN_HEADER, douyin_row, write_csv

TRICKY_ROWS = [
    ["6928000000000000100", '="6928000000000000101"', "婺源皇菊\r\n（礼盒）", "50朵/盒", "2"],
    ["6928000000000000200", "\t6928000000000000201", '带"引号"的名称', "", "1"],
    [],  # a blank line stays a record of its own
    ["'6928000000000000300", "--", "多行\n名称\n第三行", "规格,带逗号", "3"],
    ["6928000000000000400", "6928000000000000401", "€ ￥ 𠀋 ＡＢＣ１２３", "-", "4"],
]


def _tricky_text(copies: int) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量"])
    for i in range(copies):
        writer.writerows(TRICKY_ROWS)
        writer.writerow([str(i), "x" * (i % 13), "鲜" * (i % 7), "", ""])
    return buffer.getvalue()


def _whole(data: bytes) -> list[list[str]]:
    text, _ = _decode(data, "orders.csv")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030", "utf-16"])
@pytest.mark.parametrize("block", [1, 2, 3, 7, 64, 1000])
def test_records_across_block_boundaries_are_read_as_from_the_whole_file(tmp_path, monkeypatch, encoding, block):
    data = _tricky_text(40).encode(encoding)  # GB18030 writes € and 𠀋 in four bytes
    path = tmp_path / "orders.csv"
    path.write_bytes(data)
    monkeypatch.setattr(reader, "CHUNK_BYTES", block)
    kind, found, [(_, rows)] = open_raw(path)
    assert (kind, found) == ("csv", encoding)
    read = list(rows)
    assert read == _whole(data)
    assert read[1:6] == TRICKY_ROWS and read[4][2] == "多行\n名称\n第三行" and len(read) == 1 + 40 * 6


def test_a_carriage_return_at_the_end_of_a_block_ends_one_line(tmp_path, monkeypatch):
    # "a,b\r" | "\nc,d\r\n": the CR and LF in two reads are one line end, not an extra blank record.
    path = tmp_path / "orders.csv"
    path.write_bytes(b"a,b\r\nc,d\r\ne,f\r\n")
    monkeypatch.setattr(reader, "CHUNK_BYTES", 4)
    _, _, [(_, rows)] = open_raw(path)
    assert list(rows) == [["a", "b"], ["c", "d"], ["e", "f"]]


def test_small_blocks_import_the_same_lines(tmp_path, monkeypatch):
    rows = [douyin_row(order=str(6928000000000000000 + i), line=str(6928000000000100000 + i),
                       name="多行\n名称" if i % 50 == 3 else f"皇菊{i % 5}", after="退款成功" if i % 7 == 0 else "-")
            for i in range(400)]
    rows[10][8] = "abc"  # rejected
    path = write_csv(tmp_path / "orders.csv", DOUYIN_HEADER, rows, "gb18030")
    whole = read_order_file(path).parsed
    monkeypatch.setattr(reader, "CHUNK_BYTES", 5)
    small = read_order_file(path).parsed
    assert [line.key for line in small.lines] == [line.key for line in whole.lines] and len(whole.lines) == 399
    assert [line.item_name for line in small.lines] == [line.item_name for line in whole.lines]
    assert small.rejected == whole.rejected and [r.row for r in whole.rejected] == [12]


class CountingFile(io.FileIO):
    reads = 0

    def readinto(self, buffer):
        CountingFile.reads += 1
        return super().readinto(buffer)


def test_a_large_file_is_read_in_few_large_reads(tmp_path, monkeypatch):
    """Every read lets go of the GIL for a moment, and a GUI thread waiting for the GIL only asks
    for it after 5 ms without any switch: reads every few rows keep the window frozen."""
    rows = [douyin_row(order=str(6928000000000000000 + i), line=str(6928000000000100000 + i)) for i in range(20_000)]
    path = write_csv(tmp_path / "orders.csv", DOUYIN_HEADER, rows)
    size = path.stat().st_size
    assert size > 3 * reader.CHUNK_BYTES  # several blocks
    monkeypatch.setattr(reader, "_open", lambda p: io.BufferedReader(CountingFile(p, "r")))
    CountingFile.reads = 0
    records = CsvRows(path, "utf-8-sig", ",", size)
    assert sum(1 for _ in records) == 20_001
    assert CountingFile.reads <= math.ceil(size / reader.CHUNK_BYTES) + 2  # 8 KB reads would be hundreds


class Tracked:
    pass


def _young(obj) -> bool:
    return any(o is obj for generation in (0, 1) for o in gc.get_objects(generation))


def test_the_gc_pause_leaves_what_it_made_to_the_oldest_generation():
    """Left young, the first collection after the pause walks all of an import's lines in one
    call (20-100 ms with the GIL held)."""
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
        made = [Tracked() for _ in range(5000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert gc.is_tracked(made[0]) and not _young(made[0]) and not _young(made)
    assert gc.get_count()[0] < 700  # no collection of everything made is due


def test_the_gc_pause_keeps_objects_frozen_on_purpose_and_a_disabled_gc_off():
    kept = Tracked()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cyclic_gc_paused():
            made = Tracked()
        assert gc.get_freeze_count() == frozen and gc.isenabled()
        assert _young(made)  # nothing moved: only the usual young collections
    finally:
        gc.unfreeze()
    assert gc.is_tracked(kept)
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_excel_rows_taken_one_at_a_time_keep_their_positions(tmp_path):
    """calamine's `to_python` builds a whole sheet in one call holding the GIL (180 ms for
    100,000 rows); the reader takes `iter_rows()` a row at a time and must give the same rows,
    also for a sheet whose used area starts right of column A or below row 1."""
    openpyxl = pytest.importorskip("openpyxl")
    from python_calamine import CalamineWorkbook

    from livestream_desk.services.tables.reader import _calamine_rows, read_raw

    workbook = openpyxl.Workbook()
    offset = workbook.active
    offset.title = "offset"
    offset["C4"], offset["D4"], offset["C5"], offset["D5"] = "订单号", "实付款", "123", 1.5
    offset["F7"] = "x"
    workbook.create_sheet("empty")
    holes = workbook.create_sheet("holes")
    holes["A1"], holes["E1"], holes["B3"], holes["A9"] = "a", "e", True, 3
    workbook.create_sheet("far")["H20"] = "far"
    path = tmp_path / "orders.xlsx"
    workbook.save(path)
    calamine = CalamineWorkbook.from_path(str(path))
    for name in calamine.sheet_names:
        sheet = calamine.get_sheet_by_name(name)
        assert _calamine_rows(sheet) == sheet.to_python(skip_empty_area=False), name
    sheets = dict(read_raw(path)[2])
    assert sheets["offset"][3] == ["", "", "订单号", "实付款", "", ""] and len(sheets["offset"]) == 7
    assert sheets["empty"] == [] and sheets["far"][19] == [""] * 7 + ["far"]
