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
from contextlib import nullcontext
from dataclasses import dataclass
from operator import attrgetter
from typing import Callable, Mapping, Optional, Sequence, Union

from sqlalchemy import insert, select, update

from ...db.engine import Database, sqlite_page_cache
from ...db.models import ImportBatch, Platform, Product, SaleSource, StockMovement
from .. import uow
from ..errors import Cancelled
from ..gc_pause import cyclic_gc_paused
from ..sale_lines import SaleLineWriter
from .attribution import LivestreamWindows
from .dedupe import classify
from .matching import ProductMatcher, UnmatchedProduct, unmatched_key
from .parse import OrderFile
from .preview import ImportPreview
from .products import check_product_exists, create_product_for, remember_codes

WRITE_CHUNK = 5000  # lines per executemany (bounded memory, regular progress)
LARGE_BATCH = 10_000  # lines from which an import writes with a larger SQLite page cache
LARGE_BATCH_CACHE_KIB = 4 * 1024
# The sale columns an imported line sets, in the order of the values written for it: first
# those the batch decides, then the line's own attributes as they are (`_LINE_VALUES`, one
# C call per line), then the clipped texts and the batch's constants.
_LINE_ATTRIBUTES = ("platform", "order_id", "line_id", "quantity", "unit_price_fen", "paid_fen", "paid_at",
                    "refunded_fen", "refunded_quantity")
LINE_COLUMNS = (
    "livestream_id", "product_id", "item_name", *_LINE_ATTRIBUTES, "order_status", "traffic_source", "source",
    "import_batch_id", "created_at",
)
_LINE_VALUES = attrgetter(*_LINE_ATTRIBUTES)
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
    return commit_file(db, preview.file, resolutions, default=default, unmatched=preview.unmatched,
                       progress=progress, cancelled=cancelled)


@cyclic_gc_paused()
def commit_file(
    db: Database,
    order_file: OrderFile,
    resolutions: Optional[Mapping[str, Resolution]] = None,
    *,
    default: Resolution = Create(),
    unmatched: Sequence[UnmatchedProduct] = (),
    progress: Optional[Callable[[int, int], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> ImportResult:
    """Write a parsed file as one batch, with or without a preview shown first (the command
    line shows none: it compares the file with the database once, here). `unmatched`: the
    preview's unmatched products, whose figures a created product starts from; a product
    unmatched only now starts from its first line (what a preview would have listed)."""
    resolutions = dict(resolutions or {})
    parsed = order_file.parsed
    lines = parsed.lines
    rejected = parsed.rejected
    # A large batch: the pages of the sales indexes (times come in no order) stay in memory
    # (100,000 lines: 0.7 s of CPU instead of 0.9).
    with uow.writing(db) as session, (
        sqlite_page_cache(session.connection(), LARGE_BATCH_CACHE_KIB) if len(lines) >= LARGE_BATCH else nullcontext()
    ):
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

        # Products: matched, mapped or created; platform codes learned. A file repeats a few
        # products over many lines: each distinct product of the file is matched once.
        new_lines = lines if len(classified.new) == len(lines) else [lines[i] for i in classified.new]
        matcher = ProductMatcher(conn, platforms)
        items = {item.key: item for item in unmatched}
        product_of: list[Optional[int]] = []
        label_of: list[str] = []  # the sale's item_name: the file's name and spec
        found: dict[tuple, tuple[Optional[int], str]] = {}
        decided: dict[str, Optional[int]] = {}
        learned: dict[tuple[str, str], int] = {}
        ambiguous: set[tuple[str, str]] = set()
        created: list[str] = []
        for line in new_lines:
            what = (line.platform, line.platform_product_id, line.seller_code, line.item_name, line.spec)
            known = found.get(what)
            if known is None:
                product_id = matcher.match(line)
                if product_id is None:
                    key = unmatched_key(line)
                    if key not in decided:
                        decided[key] = _resolve(session, line, key, resolutions.get(key, default), items, at, created)
                    product_id = decided[key]
                if product_id is not None and line.platform_product_id:
                    code = (line.platform, line.platform_product_id)
                    if code not in matcher.codes:
                        if learned.setdefault(code, product_id) != product_id:
                            ambiguous.add(code)  # one 商品ID, several catalogue products: learn nothing
                label = _clip(f"{line.item_name} {line.spec}" if line.spec else line.item_name, 200)
                known = found[what] = (product_id, label)
            product_of.append(known[0])
            label_of.append(known[1])
        del found
        for code in ambiguous:
            learned.pop(code, None)
        learned_count = remember_codes(session, learned)

        # Attribution.
        livestream_of = LivestreamWindows(conn, platforms).livestreams_for(new_lines)

        # Stock the batch will take, per product; book in what the shelf lacks.
        _top_up_stock(session, batch_id, new_lines, product_of, at)

        total = len(new_lines) + len(classified.updates)
        clipped: dict[str, str] = {}  # statuses and sources repeat: clipped once each
        with SaleLineWriter(session, adjust_stock=True, stock_reason=sold_reason(batch_id), now=at) as writer:
            batch = (SaleSource.IMPORT, batch_id, at)
            for start in range(0, len(new_lines), WRITE_CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(start, total)
                rows = []
                for i in range(start, min(start + WRITE_CHUNK, len(new_lines))):
                    line = new_lines[i]
                    status, source = line.status, line.traffic_source
                    if len(status) > 32:
                        status = clipped.setdefault(status, status[:32])
                    if len(source) > 32:
                        source = clipped.setdefault(source, source[:32])
                    rows.append((livestream_of[i], product_of[i], label_of[i], *_LINE_VALUES(line), status, source,
                                 *batch))
                writer.add_values(LINE_COLUMNS, rows)
                del rows
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
            attributed=len(livestream_of) - livestream_of.count(None),
            learned_codes=learned_count,
        )


def _resolve(session, line, key: str, resolution: Resolution, items: Mapping[str, UnmatchedProduct], at,
             created: list[str]) -> Optional[int]:
    if isinstance(resolution, MapTo):
        check_product_exists(session, resolution.product_id, line.item_name)
        return resolution.product_id
    if isinstance(resolution, Create):
        item = items.get(key)
        if item is None:  # no preview, or unmatched only now (a product deleted since the preview)
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
            units = line.quantity - line.refunded_quantity
            if units > 0:
                needed[product_id] += units
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


__all__ = ["commit_import", "commit_file", "ImportResult", "MapTo", "Create", "Leave", "Resolution", "sold_reason", "topped_up_reason"]
