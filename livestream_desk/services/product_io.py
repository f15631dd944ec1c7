"""The product template of DESIGN §6: import (read → preview → apply) and export.

Columns: 商品名称, 规格, 单位, 分类, 商家编码, 售价, 直播价, 成本价, 库存, 库存预警, 产地, 生产者,
认证, 保质期(天), 备注, 状态. Only 商品名称 is required; columns may come in any order, extra
columns are ignored, blank lines skipped. A file without 库存预警 or 状态 (made before they
were added) still imports: a missing column, like a blank cell, keeps an existing product's
value; a new product gets 0 and 在售.

Matching: a row with a 商家编码 updates the product with that code, compared trimmed, in any
letter case and width (domain.validation.sku_key; the product keeps its own spelling), or
makes a new product with it; a row without one updates the product without a code that has
the same name and spec; otherwise it is a new product. Blank cells in an updating row keep
the old values. A row with any bad value is rejected whole, with its row number as the
spreadsheet shows it (header = row 1), the column, the value and the reason; the other rows
still import. A row is "unchanged" only when every field the file gives equals the stored one.

    preview = read_product_file(db, path)           # writes nothing (the GUI shows it; --dry-run)
    preview.counts  → {"new": 3, "update": 1, "unchanged": 40, "rejected": 2}
    result = apply_product_import(db, preview)      # one transaction, an ImportBatch row
    result = import_product_file(db, path)          # the CLI: read and write in one pass

Reading and classifying the rows is services/product_import_rows.py; writing them,
services/product_import_writer.py (a chunk is written while the next rows are checked); the
layout and the export, services/product_sheet.py. `import_product_file` streams: rows are
read, checked and written in chunks inside one transaction, so a 100,000-row file never sits in memory as row objects (bench/
bench_import_products.py). `export_products()` writes the same layout (.xlsx or .csv), so
an exported file re-imports as all "unchanged" and into an empty database as the same
catalogue; 产地 is one column ("江西省 婺源县 江湾镇 篁岭村") split back by
`domain.validation.split_origin`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Optional, Union

from ..db.engine import Database
from .errors import Cancelled
from .gc_pause import cyclic_gc_paused
from .uow import reading, writing
from .product_import_writer import ProductWriter
from .product_import_rows import (  # the rows and what they do (re-exported)
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ProductFile,
    ProductImportPreview,
    ProductImportResult,
    ProductImportRow,
    RowProblem,
    _Classifier,
    _file_hash,
    _load_index,
    _open_product_rows,
    _parse_row,
    _previously_imported,
    read_table_of_products,
)
from .product_sheet import (  # the template's layout (re-exported)
    COLUMN_ALIASES,
    PRODUCT_COLUMNS,
    export_products,
    template_resource,
    write_product_template,
)

Progress = Optional[Callable[[int, int], None]]
IsCancelled = Optional[Callable[[], bool]]


# --- reading ------------------------------------------------------------------------


def read_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportPreview:
    """Read a product file and classify every row against the catalogue; write nothing.

    Raises TableError (a Problem with a `tables.*` code) when the file cannot be read: not CSV
    or Excel, an unknown encoding, no 商品名称 column. `progress(done, total)` is called
    now and then; `cancelled()` returning True raises Cancelled.
    """
    path = Path(path)
    info, table_rows = _open_product_rows(path, progress, cancelled)
    digest = _file_hash(path)
    with reading(db) as conn, cyclic_gc_paused():
        index = _load_index(conn)
        classify = _Classifier(index).classify
        rows = []
        for r in table_rows:
            fields, problems, cells = _parse_row(r)
            rows.append(classify(r.number, cells, fields, problems))
        previous = _previously_imported(conn, digest)
    writes = [r.valid for r in rows if r.valid is not None and r.status in (NEW, UPDATE)]
    new_categories = tuple(dict.fromkeys(v.category for v in writes if v.category and v.category not in index.categories))
    new_producers = tuple(dict.fromkeys(v.producer for v in writes if v.producer and v.producer not in index.producers))
    return ProductImportPreview(
        path=path,
        file_name=path.name,
        file_hash=digest,
        kind=info.kind,
        encoding=info.encoding,
        sheet=info.sheet,
        header_row=info.header_row,
        columns=info.columns,
        ignored_columns=info.ignored_columns,
        rows=rows,
        new_categories=new_categories,
        new_producers=new_producers,
        previously_imported_at=previous,
    )


# --- writing --------------------------------------------------------------------------


def apply_product_import(
    db: Database, preview: ProductImportPreview, progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportResult:
    """Write the preview's new and updated rows in ONE transaction, with an ImportBatch row
    (kind "products"). Rows are classified again against the catalogue as it is now, so a
    product added since the preview is updated rather than duplicated. All or nothing:
    any error or a cancel leaves the database as it was.

    The batch row counts: new_rows = products made, duplicate_rows = rows that matched an
    existing product (updated or unchanged), rejected_rows = rejected rows.
    """
    total = max(len(preview.rows), 1)
    with writing(db) as session, cyclic_gc_paused():
        index = _load_index(session.connection())
        classify = _Classifier(index).classify
        with ProductWriter(session, index, preview.file_name) as writer:
            for n, r in enumerate(preview.rows):
                if n % 200 == 0:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if progress is not None:
                        progress(n, total)
                writer.add(classify(r.row, r.cells, r.fields, list(r.cell_problems)))
            batch_id = writer.finish(preview.file_name, preview.file_hash)
        if cancelled is not None and cancelled():
            raise Cancelled()
    if progress is not None:
        progress(total, total)
    return writer.result(batch_id)


def import_product_file(
    db: Database, path: Union[str, Path], progress: Progress = None, cancelled: IsCancelled = None
) -> ProductImportResult:
    """Read, check and write a product file in one pass and ONE transaction (the command
    line's way): what read_product_file + apply_product_import do, without keeping the rows.
    Nothing new or changed: no batch row, nothing written. TableError before anything is
    written when the file is not a product list."""
    path = Path(path)
    info, table_rows = _open_product_rows(path, progress, cancelled)
    info = replace(info, file_hash=_file_hash(path))
    with writing(db) as session, cyclic_gc_paused():
        conn = session.connection()
        info = replace(info, previously_imported_at=_previously_imported(conn, info.file_hash))
        index = _load_index(conn)
        classify = _Classifier(index).classify
        with ProductWriter(session, index, info.file_name) as writer:
            text_only = info.kind == "csv"  # a CSV's cells are all text
            add = writer.add
            for r in table_rows:
                fields, problems, cells = _parse_row(r, text_only)
                add(classify(r.number, cells, fields, problems))
            batch_id = writer.finish(info.file_name, info.file_hash)
    return writer.result(batch_id, info)


__all__ = [
    "PRODUCT_COLUMNS",
    "NEW",
    "UPDATE",
    "UNCHANGED",
    "REJECTED",
    "COLUMN_ALIASES",
    "RowProblem",
    "ProductFile",
    "ProductImportRow",
    "ProductImportPreview",
    "ProductImportResult",
    "read_product_file",
    "read_table_of_products",
    "apply_product_import",
    "import_product_file",
    "export_products",
    "write_product_template",
    "template_resource",
]
