"""The layout of the product template (DESIGN §6): its columns, the other names people give
them and the help sheet; the export and the empty template in that layout. Reading and
importing such files is services/product_io.py."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional, Union

from sqlalchemy import select

from ..db.engine import Database
from ..db.models import Category, Producer, Product
from ..domain.validation import join_origin
from . import catalogue
from .catalogue import ArchivedFilter, ProductQuery
from .tables import ExtraSheet, write_table
from .uow import reading

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]

NAME, SPEC, UNIT, CATEGORY, SKU = "商品名称", "规格", "单位", "分类", "商家编码"
LIST_PRICE, LIVE_PRICE, COST, STOCK, LOW_STOCK = "售价", "直播价", "成本价", "库存", "库存预警"
ORIGIN, PRODUCER, CERTIFICATIONS, SHELF_LIFE, NOTES = "产地", "生产者", "认证", "保质期(天)", "备注"
STATUS = "状态"

PRODUCT_COLUMNS = (
    NAME, SPEC, UNIT, CATEGORY, SKU, LIST_PRICE, LIVE_PRICE, COST, STOCK, LOW_STOCK, ORIGIN, PRODUCER,
    CERTIFICATIONS, SHELF_LIFE, NOTES, STATUS,
)
# 状态: what the export writes, and what the import reads as on sale / archived (下架).
ON_SALE, ARCHIVED = "在售", "下架"
STATUS_WORDS = {
    ON_SALE: False, "上架": False, "销售中": False, "出售中": False, "正常": False, "on sale": False, "active": False,
    ARCHIVED: True, "已下架": True, "停售": True, "仓库中": True, "archived": True,
}
REQUIRED_COLUMNS = (NAME,)
# Other names people give these columns in their own sheets.
COLUMN_ALIASES = {
    "名称": NAME, "商品名": NAME, "品名": NAME, "产品名称": NAME, "商品标题": NAME,
    "规格型号": SPEC, "商品规格": SPEC,
    "计量单位": UNIT,
    "类目": CATEGORY, "品类": CATEGORY, "商品分类": CATEGORY, "类别": CATEGORY,
    "编码": SKU, "商品编码": SKU, "货号": SKU, "sku": SKU, "sku编码": SKU, "商家sku编码": SKU,
    "价格": LIST_PRICE, "零售价": LIST_PRICE, "销售价": LIST_PRICE, "售价(元)": LIST_PRICE,
    "直播价格": LIVE_PRICE, "福利价": LIVE_PRICE, "直播价(元)": LIVE_PRICE,
    "成本": COST, "进价": COST, "成本价(元)": COST,
    "库存数量": STOCK, "库存数": STOCK,
    "库存预警值": LOW_STOCK, "预警库存": LOW_STOCK, "低库存预警": LOW_STOCK, "安全库存": LOW_STOCK,
    "商品状态": STATUS, "上下架": STATUS, "上架状态": STATUS, "销售状态": STATUS,
    "原产地": ORIGIN, "产地(省市县镇村)": ORIGIN,
    "生产商": PRODUCER, "生产者/合作社": PRODUCER, "合作社": PRODUCER, "供货方": PRODUCER,
    "认证信息": CERTIFICATIONS, "资质": CERTIFICATIONS,
    "保质期": SHELF_LIFE, "保质期天数": SHELF_LIFE, "保质期(日)": SHELF_LIFE,
    "说明": NOTES,
}
# A header with one of these is an order export, not a product list.
ORDER_COLUMNS = ("订单号", "主订单编号", "子订单编号", "订单编号")

FIELD_COLUMNS = {
    "name": NAME, "spec": SPEC, "unit": UNIT, "category": CATEGORY, "sku": SKU,
    "list_price": LIST_PRICE, "live_price": LIVE_PRICE, "cost": COST, "stock": STOCK,
    "origin_province": ORIGIN, "origin_county": ORIGIN, "origin_town": ORIGIN, "origin_village": ORIGIN,
    "producer": PRODUCER, "certifications": CERTIFICATIONS, "shelf_life_days": SHELF_LIFE, "notes": NOTES,
    "low_stock_threshold": LOW_STOCK, "archived": STATUS,
}
COLUMN_WIDTHS = (28, 14, 8, 12, 16, 10, 10, 10, 8, 10, 30, 20, 20, 12, 30, 8)


TEMPLATE_HELP = (
    ("列", "是否必填", "说明", "示例"),
    (NAME, "必填", "商品名称", "婺源皇菊"),
    (SPEC, "", "规格；没有商家编码时，名称+规格相同的商品视为同一个商品", "50朵/盒"),
    (UNIT, "", "单位：斤、盒、箱、袋……", "盒"),
    (CATEGORY, "", "分类；新分类会自动创建", "花草茶"),
    (SKU, "", "商家编码（唯一）；填写后按编码更新已有商品", "JX-HJ-050"),
    (LIST_PRICE, "", "售价，单位元，可写 39.9、¥39.90、39.90元", "39.90"),
    (LIVE_PRICE, "", "直播价（元）", "29.90"),
    (COST, "", "成本价（元），用于计算毛利率", "18.00"),
    (STOCK, "", "库存（整数，不能为负）", "200"),
    (LOW_STOCK, "", "库存预警：库存不高于这个数时提醒补货（整数，0 表示不提醒）", "20"),
    (ORIGIN, "", "产地：省 县 镇 村，用空格分开", "江西省 婺源县 江湾镇 篁岭村"),
    (PRODUCER, "", "生产者：合作社或农户；新名称会自动创建", "婺源县篁岭皇菊专业合作社"),
    (CERTIFICATIONS, "", "认证，多个用顿号分开", "地理标志、绿色食品"),
    (SHELF_LIFE, "", "保质期（天，整数）", "540"),
    (NOTES, "", "备注", ""),
    (STATUS, "", "在售 或 下架；不填时新商品为在售，已有商品保持原状态", "在售"),
    (),
    ("规则",),
    ("只有“商品名称”必填；列的顺序可以不同，多余的列会被忽略，空行会被跳过。",),
    ("有商家编码的行：更新该编码的商品，没有则新建。没有商家编码的行：更新名称和规格都相同、且没有编码的商品，没有则新建。",),
    ("更新时留空的格子保持原值不变。",),
    ("导入前会先预览新建、更新、未变和有问题的行，确认后才写入。",),
)


# --- export and template ---------------------------------------------------------------


def _export_rows(db: Database, query: ProductQuery):
    statement = (
        select(
            Product.name, Product.spec, Product.unit, Category.name.label("category"), Product.sku,
            Product.list_price_fen, Product.live_price_fen, Product.cost_fen, Product.stock,
            Product.low_stock_threshold, Product.origin_province, Product.origin_county, Product.origin_town, Product.origin_village,
            Producer.name.label("producer"), Product.certifications, Product.shelf_life_days, Product.notes,
            Product.archived,
        )
        .select_from(Product)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .where(*catalogue.query_conditions(query))
    )
    statement = catalogue.order_by_query(statement, query)
    if query.offset:
        statement = statement.offset(query.offset)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    with reading(db) as conn:
        return conn.execute(statement).all()


def _yuan(fen: Optional[int]) -> Optional[Decimal]:
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))




def export_products(
    db: Database,
    path: Union[str, Path],
    query: Optional[ProductQuery] = None,
    progress: Progress = None,
    cancelled: IsCancelled = None,
) -> int:
    """Write the catalogue (all products, archived too, when `query` is None; else the
    products `query` selects) to .xlsx or .csv in the template layout; return the count.

    Amounts are numbers (two decimals); text cells are text, never formulas; in CSV,
    formula-like text gets a leading `'`.
    """
    query = query or ProductQuery(archived=ArchivedFilter.INCLUDE, sort="id")
    records = _export_rows(db, query)
    rows = (
        [
            r.name, r.spec, r.unit, r.category or "", r.sku or "", _yuan(r.list_price_fen),
            _yuan(r.live_price_fen), _yuan(r.cost_fen), r.stock, r.low_stock_threshold,
            join_origin(r.origin_province, r.origin_county, r.origin_town, r.origin_village),
            r.producer or "", r.certifications, r.shelf_life_days, r.notes, ARCHIVED if r.archived else ON_SALE,
        ]
        for r in records
    )
    return write_table(path, PRODUCT_COLUMNS, rows, sheet_title="商品", widths=COLUMN_WIDTHS,
                       total=len(records), progress=progress, cancelled=cancelled)


def write_product_template(path: Union[str, Path]) -> Path:
    """The empty product template (.xlsx: header row plus a 说明 sheet with the rules and an
    example; .csv: the header row only). Returns the path."""
    path = Path(path)
    extra = [ExtraSheet("说明", TEMPLATE_HELP, widths=(14, 10, 60, 30))] if path.suffix.lower() == ".xlsx" else []
    write_table(path, PRODUCT_COLUMNS, [], sheet_title="商品", widths=COLUMN_WIDTHS, extra_sheets=extra)
    return path


TEMPLATE_RESOURCE = ("templates", "products_template.xlsx")


def template_resource() -> Optional[Path]:
    """The template shipped in resources/ (made by scripts/make_templates.py), if present;
    `write_product_template()` makes the same file anywhere."""
    try:
        from ..resources import resource_path

        found = resource_path(*TEMPLATE_RESOURCE)
    except FileNotFoundError:
        return None
    return found if found.is_file() else None
