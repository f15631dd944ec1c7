"""A period's report as an Excel workbook (`export report --to FILE.xlsx`, the reports page).

Sheets 汇总, 平台, 品类, 商品, 产地, 生产者, 主播, 直播场次, 销售明细. Sheet and column names are
fixed Chinese (the file goes to the park or the township; a program reading it finds the same
names whatever the app's language). Numbers are number cells: money in yuan with the format
`0.00`, shares with `0.00%`, growth in percent with `0.0`; text is always a text cell, and text
starting with = + - @ (or a tab / line break / ') gets a leading ' against formula injection.
The file appears only when complete.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from ...db.engine import Database
from ...domain.metrics import round_pct
from ..errors import Cancelled
from ..sales.export import COLUMNS as SALE_COLUMNS
from ..sales.export import WIDTHS as SALE_WIDTHS
from ..sales.export import export_row
from ..sales.query import SaleQuery
from ..sales.window import count_sales, iter_sales
from ..schedule.platforms import chinese_name
from ..tables.reader import TableError
from ..tables.writer import MONEY_FORMAT, _finish, _temporary_path, escape_csv_text, xlsx_cell
from .report import PeriodReport
from .rows import OTHERS, Breakdown, GroupRow

SHEETS = ("汇总", "平台", "品类", "商品", "产地", "生产者", "主播", "直播场次", "销售明细")
SHARE_FORMAT = "0.00%"
PCT_FORMAT = "0.0"
RATIO_FORMAT = "0.00"
KIND_NAMES = {"month": "月度", "quarter": "季度", "year": "年度", "custom": "自定义"}
NONE_NAMES = {"品类": "未分类", "商品": "未关联商品", "产地": "未填产地", "生产者": "未填生产者", "主播": "未指定主播"}
OTHERS_NAME = "其他"

Progress = Optional[Callable[[int, int], None]]


class Money2(Decimal):
    """Yuan with two decimals, written with the money format."""


class Share(Decimal):
    """A share (0.25 = 25%), written with the percent format."""


class Pct(Decimal):
    """A percentage with one decimal (12.3 = +12.3%)."""


class Ratio(Decimal):
    """A plain ratio with two decimals (ROI)."""


def yuan(fen: Optional[int]) -> Optional[Money2]:
    if fen is None:
        return None
    return Money2((Decimal(fen) / 100).quantize(Decimal("0.01")))


def yuan_of(fen: Optional[Decimal]) -> Optional[Money2]:
    """A fen ratio (GPM) as yuan, two decimals."""
    if fen is None:
        return None
    return Money2((Decimal(fen) / 100).quantize(Decimal("0.01")))


def share(value: Optional[Decimal]) -> Optional[Share]:
    return None if value is None else Share(value.quantize(Decimal("0.000001")))


def pct(value: Optional[Decimal]) -> Optional[Pct]:
    rounded = round_pct(value)
    return None if rounded is None else Pct(rounded)


def ratio(value: Optional[Decimal]) -> Optional[Ratio]:
    return None if value is None else Ratio(value.quantize(Decimal("0.01")))


def text_cell(value: str) -> str:
    """Text as written: formula-like starts get a leading '."""
    return escape_csv_text(value)


def _cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    formats = ((Money2, MONEY_FORMAT), (Share, SHARE_FORMAT), (Pct, PCT_FORMAT), (Ratio, RATIO_FORMAT))
    for kind, number_format in formats:
        if isinstance(value, kind):
            cell = WriteOnlyCell(sheet, value=Decimal(value))
            cell.number_format = number_format
            return cell
    if isinstance(value, bool):
        value = "是" if value else "否"
    if isinstance(value, (Decimal, int, float, datetime, date)):
        return xlsx_cell(sheet, value)  # numbers and times as every table export writes them
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text_cell(str(value))))
    cell.data_type = "s"  # never a formula
    return cell


def _money_value(value):
    """Money from the sales export (domain Money) as Money2."""
    from ...domain.money import Money

    if isinstance(value, Money):
        return yuan(value.fen)
    return value


# --- the rows of each sheet ------------------------------------------------------------------


def summary_rows(report: PeriodReport) -> list[list[object]]:
    summary = report.summary
    current, previous, year_ago = summary.current, summary.previous, summary.year_ago
    rows: list[list[object]] = [
        ["报告期间", report.period.label, KIND_NAMES.get(report.period.kind.value, "")],
        ["起止月份", str(report.period.first), str(report.period.last)],
        ["上期", previous.period.label],
        ["去年同期", year_ago.period.label],
        ["生成时间", report.made_at],
        [],
        ["指标", "本期", "上期", "环比变化", "环比%", "去年同期", "同比变化", "同比%"],
    ]
    money = {"gmv_fen", "refunds_fen", "net_sales_fen", "ad_spend_fen"}
    labels = (
        ("净成交(元)", "net_sales_fen"),
        ("成交金额(元)", "gmv_fen"),
        ("退款金额(元)", "refunds_fen"),
        ("订单数", "orders"),
        ("件数", "units"),
        ("直播场次", "livestreams"),
        ("观看人数", "viewers"),
        ("投流(元)", "ad_spend_fen"),
    )
    for label, name in labels:
        mom, yoy = summary.vs_previous(name), summary.vs_year_ago(name)
        convert = yuan if name in money else (lambda v: v)
        rows.append([label, convert(mom.current), convert(mom.base), convert(mom.delta), pct(mom.pct),
                     convert(yoy.base), convert(yoy.delta), pct(yoy.pct)])
    rows.append(["GPM(元/千次观看)", yuan_of(current.gpm_fen), yuan_of(previous.gpm_fen), None, None, yuan_of(year_ago.gpm_fen)])
    rows.append(["ROI", ratio(current.roi), ratio(previous.roi), None, None, ratio(year_ago.roi)])
    overall = report.targets.overall
    rows.append([])
    rows.append(["目标(元)", yuan(overall.target_fen)])
    rows.append(["目标完成率", share(overall.share)])
    for progress in report.targets.platforms:
        rows.append([f"目标 {chinese_name(progress.platform)}(元)", yuan(progress.target_fen),
                     "完成", yuan(progress.actual_fen), share(progress.share)])
    return rows


def _name(row: GroupRow, sheet: str) -> str:
    if row.key == OTHERS:
        return OTHERS_NAME
    if row.key is None:
        return NONE_NAMES.get(sheet, "")
    return row.name


def _figures(row: GroupRow) -> list[object]:
    return [yuan(row.net_sales_fen), yuan(row.gmv_fen), yuan(row.refunds_fen), row.units]


GROUP_HEADERS = ["净成交(元)", "成交金额(元)", "退款金额(元)", "件数"]


def platform_rows(report: PeriodReport) -> tuple[list[str], list[list[object]]]:
    header = ["平台", "净成交(元)", "成交金额(元)", "退款金额(元)", "订单数", "件数", "直播场次", "占比"]
    rows = [[chinese_name(r.platform), yuan(r.net_sales_fen), yuan(r.gmv_fen), yuan(r.refunds_fen), r.orders, r.units,
             r.livestreams, share(r.share)] for r in report.platforms]
    return header, rows


def category_rows(breakdown: Breakdown) -> tuple[list[str], list[list[object]]]:
    header = ["品类", *GROUP_HEADERS, "商品数", "占比"]
    return header, [[_name(r, "品类"), *_figures(r), r.products, share(r.share)] for r in breakdown.all_rows]


def product_rows(breakdown: Breakdown) -> tuple[list[str], list[list[object]]]:
    header = ["商品", "规格", "品类", "产地", *GROUP_HEADERS, "占比"]
    rows = []
    for r in breakdown.all_rows:
        origin = " ".join(part for part in (r.county, r.town, r.village) if part)
        rows.append([_name(r, "商品"), r.spec, r.category, origin, *_figures(r), share(r.share)])
    return header, rows


def origin_rows(breakdown: Breakdown) -> tuple[list[str], list[list[object]]]:
    header = ["县", "乡镇", "村", *GROUP_HEADERS, "商品数", "占比"]
    rows = []
    for r in breakdown.all_rows:
        if r.key is None or r.key == OTHERS:
            rows.append([_name(r, "产地"), "", "", *_figures(r), r.products, share(r.share)])
        else:
            rows.append([r.county, r.town, r.village, *_figures(r), r.products, share(r.share)])
    return header, rows


def producer_rows(breakdown: Breakdown) -> tuple[list[str], list[list[object]]]:
    header = ["生产者", "类型", "村", *GROUP_HEADERS, "商品数", "占比"]
    return header, [[_name(r, "生产者"), r.kind, r.village, *_figures(r), r.products, share(r.share)]
                    for r in breakdown.all_rows]


def host_rows(report: PeriodReport) -> tuple[list[str], list[list[object]]]:
    header = ["主播", "直播场次", "净成交(元)", "成交金额(元)", "订单数", "件数", "观看人数", "GPM(元)", "投流(元)", "ROI", "占比"]
    rows = [[r.name if r.host_id is not None else NONE_NAMES["主播"], r.livestreams, yuan(r.net_sales_fen), yuan(r.gmv_fen),
             r.orders, r.units, r.viewers, yuan_of(r.gpm_fen), yuan(r.ad_spend_fen), ratio(r.roi), share(r.share)]
            for r in report.hosts]
    return header, rows


def livestream_rows(report: PeriodReport) -> tuple[list[str], list[list[object]]]:
    header = ["直播场次ID", "开始时间", "标题", "平台", "主播", "直播间", "净成交(元)", "成交金额(元)", "退款金额(元)",
              "订单数", "件数", "观看人数", "GPM(元)", "投流(元)", "ROI", "转化率"]
    rows = [[r.livestream_id, r.start, r.title, chinese_name(r.platform), r.host_name, r.account_name, yuan(r.net_sales_fen),
             yuan(r.gmv_fen), yuan(r.refunds_fen), r.orders, r.units, r.viewers, yuan_of(r.gpm_fen), yuan(r.ad_spend_fen),
             ratio(r.roi), share(r.conversion)] for r in report.livestreams]
    return header, rows


# --- writing -----------------------------------------------------------------------------


def _sheet(workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[object]], widths=None):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    for index, _column in enumerate(header):
        width = widths[index] if widths and index < len(widths) else 14
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    if header:
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for column in header:
            cell = _cell(sheet, column)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
    return count


def save_report_workbook(
    db: Database,
    report: PeriodReport,
    path: Union[str, Path],
    *,
    progress: Progress = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> int:
    """Write `report` (and the period's sale lines, read from `db`) to `path` (.xlsx); return the
    number of sale lines written. Raises TableError for a file that cannot be written,
    Cancelled when `cancelled()` turns True (the target is then left as it was)."""
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise TableError("tables.bad_suffix", file=path.name)
    if not path.parent.is_dir():
        raise TableError("tables.no_folder", path=str(path), folder=str(path.parent))
    tmp = _temporary_path(path)
    query = SaleQuery(start=report.period.start(), end=report.period.end(), sort="paid_at", descending=False, limit=None)
    total = count_sales(db, query)
    try:
        workbook = Workbook(write_only=True)
        _sheet(workbook, "汇总", [], summary_rows(report), widths=(18, 16, 16, 16, 10, 16, 16, 10))
        _sheet(workbook, "平台", *platform_rows(report))
        _sheet(workbook, "品类", *category_rows(report.categories))
        _sheet(workbook, "商品", *product_rows(report.all_products), widths=(28, 14, 12, 24))
        _sheet(workbook, "产地", *origin_rows(report.origins))
        _sheet(workbook, "生产者", *producer_rows(report.producers), widths=(28, 10, 14))
        _sheet(workbook, "主播", *host_rows(report))
        _sheet(workbook, "直播场次", *livestream_rows(report), widths=(10, 20, 28, 10, 10, 18))

        def sale_rows():
            for count, row in enumerate(iter_sales(db, query)):
                if count % 1000 == 0:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if progress is not None:
                        progress(count, total)
                yield [_money_value(value) for value in export_row(row)]

        written = _sheet(workbook, "销售明细", SALE_COLUMNS, sale_rows(), widths=SALE_WIDTHS)
        workbook.save(tmp)
        if progress is not None:
            progress(written, total)
        _finish(tmp, path)
        return written
    except OSError as exc:
        raise TableError("tables.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


__all__ = ["SHEETS", "save_report_workbook", "summary_rows", "platform_rows", "category_rows", "product_rows",
           "origin_rows", "producer_rows", "host_rows", "livestream_rows"]
