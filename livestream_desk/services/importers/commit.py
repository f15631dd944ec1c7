"""Writing an import batch: ONE transaction for the batch row, the products it creates or
maps, the platform codes it learns and every sale line (through SaleLineWriter, the one
write path of sales, which keeps the monthly summary and the stock in step).

The database is compared with the file again inside the write transaction (BEGIN IMMEDIATE
on SQLite), so lines another PC imported since the preview are duplicates, not errors.

Stock: sold units leave stock. Platform orders are sales that already happened, so when
the app's stock of a product is lower than what the batch sold, the batch first books the
missing units in (a stock movement "导入订单补记库存（批次 #n）") instead of refusing the
import; undoing the batch takes exactly those units back out (history.undo_batch).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Union

from sqlalchemy import insert, select, update

from ...db.engine import Database
from ...db.models import ImportBatch, Platform, Product, SaleSource, StockMovement
from .. import uow
from ..errors import Cancelled
from ..sale_lines import SaleLineWriter
from .attribution import LivestreamWindows
from .dedupe import classify
from .matching import ProductMatcher, unmatched_key
from .parse import cyclic_gc_paused
from .preview import ImportPreview
from .products import check_product_exists, create_product_for, remember_codes

WRITE_CHUNK = 5000  # lines per executemany (bounded memory, regular progress)
# The sale columns an imported line sets, in the order of the values written for it.
LINE_COLUMNS = (
    "livestream_id", "product_id", "item_name", "platform", "order_id", "line_id", "quantity", "unit_price_fen",
    "paid_fen", "paid_at", "refunded_fen", "refunded_quantity", "order_status", "traffic_source", "source",
    "import_batch_id", "created_at",
)
ORDERS = "orders"


def sold_reason(batch_id: int) -> str:
    return f"导入订单（批次 #{batch_id}）"


def topped_up_reason(batch_id: int) -> str:
    return f"导入订单补记库存（批次 #{batch_id}）"


@dataclass(frozen=True)
class MapTo:
    """Map an unmatched product of the file to this catalogue product (remembered)."""

    product_id: int


@dataclass(frozen=True)
class Create:
    """Create a new product (needs review) for an unmatched product of the file."""


@dataclass(frozen=True)
class Leave:
    """Import the lines without a product."""


Resolution = Union[MapTo, Create, Leave]


@dataclass(frozen=True)
class ImportResult:
    batch_id: Optional[int]  # None: nothing new, nothing written
    new: int
    duplicate: int
    updated: int
    rejected: int
    unpaid: int
    created_products: tuple[str, ...] = ()
    attributed: int = 0
    learned_codes: int = 0


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


@cyclic_gc_paused()
def commit_import(
    db: Database,
    preview: ImportPreview,
    resolutions: Optional[Mapping[str, Resolution]] = None,
    *,
    default: Resolution = Create(),
    progress: Optional[Callable[[int, int], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> ImportResult:
    """Write the preview's file as one batch. `resolutions` maps an unmatched product's key
    to what to do with it; products without one get `default`. Cancelled (raised by
    `cancelled()`) rolls everything back."""
    resolutions = dict(resolutions or {})
    order_file = preview.file
    parsed = order_file.parsed
    lines = parsed.lines
    rejected = parsed.rejected
    with uow.writing(db) as session:
        conn = session.connection()
        classified = classify(conn, lines)
        if not classified.new and not classified.updates:
            return ImportResult(None, 0, classified.duplicates + parsed.repeated, 0, len(rejected), parsed.unpaid)
        at = uow.now()
        platforms = sorted({line.platform for line in lines})
        batch_platform = platforms[0] if len(platforms) == 1 else Platform.OTHER
        batch_id = session.execute(
            insert(ImportBatch)
            .values(kind=ORDERS, file_name=_clip(order_file.file_name, 500), file_hash=order_file.sha256,
                    platform=batch_platform, imported_at=at)
            .returning(ImportBatch.id)
        ).scalar_one()

        # Products: matched, mapped or created; platform codes learned.
        new_lines = [lines[i] for i in classified.new]
        matcher = ProductMatcher(conn, platforms)
        product_of: list[Optional[int]] = [None] * len(new_lines)
        decided: dict[str, Optional[int]] = {}
        learned: dict[tuple[str, str], int] = {}
        ambiguous: set[tuple[str, str]] = set()
        created: list[str] = []
        for position, line in enumerate(new_lines):
            product_id = matcher.match(line)
            if product_id is None:
                key = unmatched_key(line)
                if key not in decided:
                    decided[key] = _resolve(session, line, key, resolutions.get(key, default), preview, at, created)
                product_id = decided[key]
            product_of[position] = product_id
            if product_id is not None and line.platform_product_id:
                code = (line.platform, line.platform_product_id)
                if code not in matcher.codes:
                    if learned.setdefault(code, product_id) != product_id:
                        ambiguous.add(code)  # one 商品ID, several catalogue products: learn nothing
        for code in ambiguous:
            learned.pop(code, None)
        learned_count = remember_codes(session, learned)

        # Attribution.
        windows = LivestreamWindows(conn, platforms)
        livestream_of = [windows.livestream_for(line) for line in new_lines]

        # Stock the batch will take, per product; book in what the shelf lacks.
        _top_up_stock(session, batch_id, new_lines, product_of, at)

        total = len(new_lines) + len(classified.updates)
        with SaleLineWriter(session, adjust_stock=True, stock_reason=sold_reason(batch_id), now=at) as writer:
            for start in range(0, len(new_lines), WRITE_CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(start, total)
                writer.add_values(LINE_COLUMNS, [
                    (
                        livestream_of[i],
                        product_of[i],
                        _clip(f"{line.item_name} {line.spec}" if line.spec else line.item_name, 200),
                        line.platform,
                        line.order_id,
                        line.line_id,
                        line.quantity,
                        line.unit_price_fen,
                        line.paid_fen,
                        line.paid_at,
                        line.refunded_fen,
                        line.refunded_quantity,
                        _clip(line.status, 32),
                        _clip(line.traffic_source, 32),
                        SaleSource.IMPORT,
                        batch_id,
                        at,
                    )
                    for i, line in enumerate(new_lines[start : start + WRITE_CHUNK], start)
                ])
            writer.update_each((sale_id, values) for _, sale_id, values in classified.updates)
            if cancelled is not None and cancelled():
                raise Cancelled()
        session.execute(
            update(ImportBatch)
            .where(ImportBatch.id == batch_id)
            .values(
                new_rows=len(new_lines),
                duplicate_rows=classified.duplicates + parsed.repeated,
                updated_rows=len(classified.updates),
                rejected_rows=len(rejected),
                rejected_detail=json.dumps([r.as_json() for r in rejected], ensure_ascii=False),
            )
        )
        if progress is not None:
            progress(total, total)
        return ImportResult(
            batch_id=batch_id,
            new=len(new_lines),
            duplicate=classified.duplicates + parsed.repeated,
            updated=len(classified.updates),
            rejected=len(rejected),
            unpaid=parsed.unpaid,
            created_products=tuple(created),
            attributed=sum(1 for x in livestream_of if x is not None),
            learned_codes=learned_count,
        )


def _resolve(session, line, key: str, resolution: Resolution, preview: ImportPreview, at, created: list[str]) -> Optional[int]:
    if isinstance(resolution, MapTo):
        check_product_exists(session, resolution.product_id, line.item_name)
        return resolution.product_id
    if isinstance(resolution, Create):
        item = next((u for u in preview.unmatched if u.key == key), None)
        if item is None:  # unmatched only now (a product deleted since the preview)
            from .matching import UnmatchedProduct

            item = UnmatchedProduct(key, line.platform, line.item_name, line.spec, line.seller_code,
                                    line.platform_product_id, 1, line.quantity, line.unit_price_fen)
        product_id = create_product_for(session, item, at)
        if product_id is not None:
            created.append(f"{item.name} {item.spec}".strip())
        return product_id
    return None


def _top_up_stock(session, batch_id: int, lines, product_of, at) -> None:
    needed: dict[int, int] = defaultdict(int)
    for line, product_id in zip(lines, product_of):
        if product_id is not None:
            needed[product_id] += max(0, line.quantity - line.refunded_quantity)
    if not needed:
        return
    ids = sorted(p for p, units in needed.items() if units > 0)
    stocks = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        stocks.update((r[0], r[1]) for r in session.execute(select(Product.id, Product.stock).where(Product.id.in_(chunk))))
    for product_id in ids:
        missing = needed[product_id] - int(stocks.get(product_id, 0))
        if missing > 0:
            session.execute(update(Product).where(Product.id == product_id).values(stock=Product.stock + missing))
            session.execute(insert(StockMovement).values(product_id=product_id, delta=missing,
                                                         reason=topped_up_reason(batch_id), at=at))


__all__ = ["commit_import", "ImportResult", "MapTo", "Create", "Leave", "Resolution", "sold_reason", "topped_up_reason"]
