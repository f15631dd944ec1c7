"""Writing a table to `.xlsx` or CSV (DESIGN §7), so that it reads back exactly.

* `.xlsx` (openpyxl, write-only, so 50,000 rows stay cheap): text is always a text cell —
  never a formula, whatever it starts with; numbers (int, Decimal, float, Money) are
  number cells, Decimal/Money amounts with the format `0.00`; dates are date cells.
* CSV: UTF-8 with BOM (Excel on a Chinese Windows opens it right), CRLF line ends; a text
  cell starting with `= + - @`, tab, CR or LF gets a leading `'` against formula injection.

The reader (`tables.reader.clean_text`) removes exactly one leading `'`; so that this is
lossless, text that itself starts with `'` also gets one (both formats), and in `.xlsx`
the few texts the reader would otherwise change (`="…"`, a lone `-` / `--`) too.

The file appears only when complete: it is written next to the target and renamed.
"""
from __future__ import annotations

import csv
import errno
import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from ...domain.money import Money
from ..errors import Cancelled
from .reader import EMPTY_MARKERS, TableError

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "'")
MONEY_FORMAT = "0.00"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DATE_FORMAT = "yyyy-mm-dd"

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]


def escape_csv_text(text: str) -> str:
    """`=1+1` → `'=1+1`: a spreadsheet shows it as text instead of running it."""
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text


def escape_xlsx_text(text: str) -> str:
    """Text for a text cell that the reader would read back changed gets a leading `'`."""
    if text.startswith("'") or (len(text) >= 3 and text.startswith('="') and text.endswith('"')):
        return "'" + text
    if text.strip() in EMPTY_MARKERS:
        return "'" + text
    return text


def csv_value(value: object) -> str:
    """One cell as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Money):
        return value.plain()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return escape_csv_text(str(value))


@dataclass
class ExtraSheet:
    """A second sheet in an `.xlsx` (instructions, an example); plain rows of text."""

    title: str
    rows: Sequence[Sequence[object]]
    widths: Optional[Sequence[float]] = None


def _temporary_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def _finish(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError:
        raise TableError("tables.file_locked", path=str(path)) from None


def write_table(
    path: Union[str, Path],
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str = "Sheet1",
    widths: Optional[Sequence[float]] = None,
    extra_sheets: Sequence[ExtraSheet] = (),
    total: Optional[int] = None,
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> int:
    """Write `columns` and `rows` to `path` (.xlsx or .csv by its suffix); return the row count.

    Raises TableError for another suffix or a file that cannot be written, Cancelled
    when `cancelled()` turns True (the target is then left as it was).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise TableError("tables.bad_suffix", file=path.name)
    if not path.parent.is_dir():
        raise TableError("tables.no_folder", path=str(path), folder=str(path.parent))
    _refuse_a_full_disk(path)
    tmp = _temporary_path(path)
    try:
        if suffix == ".csv":
            count = _write_csv(tmp, columns, rows, total, progress, cancelled)
        else:
            count = _write_xlsx(tmp, columns, rows, sheet_title, widths, extra_sheets, total, progress, cancelled)
        _finish(tmp, path)
        return count
    except OSError as exc:
        raise TableError("tables.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


# Less room than this on the target's disk: refuse before reading a single row.
MIN_FREE_BYTES = 256 * 1024


def _refuse_a_full_disk(path: Path) -> None:
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return  # nothing to judge by: writing will tell
    if free < MIN_FREE_BYTES:
        raise TableError("tables.cannot_write", path=str(path), reason=os.strerror(errno.ENOSPC))


def _tick(count: int, total: Optional[int], progress: Progress, cancelled: IsCancelled) -> None:
    if count % 500 == 0:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(count, total or 0)


def _write_csv(tmp: Path, columns, rows, total, progress, cancelled) -> int:
    count = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([escape_csv_text(str(c)) for c in columns])
        for row in rows:
            _tick(count, total, progress, cancelled)
            writer.writerow([csv_value(v) for v in row])
            count += 1
    if progress is not None:
        progress(count, total or count)
    return count


def xlsx_cell(sheet, value: object):
    """One value as a write-only xlsx cell: money and times with number formats, text never a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    if isinstance(value, Money):
        value = value.yuan.quantize(Decimal("0.01"))
    if isinstance(value, bool):
        value = "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        if value.as_tuple().exponent == -2:
            cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    text = ILLEGAL_CHARACTERS_RE.sub("", escape_xlsx_text(str(value)))
    if not text.startswith("="):
        return text  # openpyxl stores any other str as a text cell
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl would take "=…" for a formula
    return cell


def _discard(sheet) -> None:
    """Stop a write-only sheet half-way: close its row writer and remove its temporary file."""
    rows = getattr(sheet, "_rows", None)
    writer = getattr(sheet, "_writer", None)
    try:
        if rows is not None:
            rows.close()
        if writer is not None:
            writer.close()
            writer.cleanup()
    except Exception:  # best effort: the half-written workbook is thrown away anyway
        pass


def _save_workbook(workbook, tmp: Path) -> None:
    """openpyxl's Workbook.save, but a failed write (a full disk) closes the zip file without
    it trying again: left to the garbage collector, ZipFile.__del__ would write its
    directory to the full disk and print a traceback on stderr ("Exception ignored in")."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if not workbook.worksheets:
        workbook.create_sheet()
    workbook.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)  # as openpyxl does
    archive = ZipFile(tmp, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        handle, archive.fp = archive.fp, None  # ZipFile.close() does nothing without fp
        if handle is not None:
            try:
                handle.close()
            except OSError:
                pass
        raise


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _write_xlsx(tmp: Path, columns, rows, sheet_title, widths, extra_sheets, total, progress, cancelled) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns):
        width = widths[index] if widths and index < len(widths) else max(10, len(str(column)) * 2 + 4)
        sheet.column_dimensions[_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(column)))
        cell.data_type = "s"
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    try:
        for row in rows:
            _tick(count, total, progress, cancelled)
            sheet.append([xlsx_cell(sheet, v) for v in row])
            count += 1
    except BaseException:
        _discard(sheet)
        raise
    for extra in extra_sheets:
        other = workbook.create_sheet(extra.title[:31])
        for index, width in enumerate(extra.widths or ()):
            other.column_dimensions[_column_letter(index)].width = width
        for extra_row in extra.rows:
            other.append([xlsx_cell(other, v) for v in extra_row])
    _save_workbook(workbook, tmp)
    if progress is not None:
        progress(count, total or count)
    return count


__all__ = ["write_table", "ExtraSheet", "escape_csv_text", "escape_xlsx_text", "csv_value", "xlsx_cell"]
