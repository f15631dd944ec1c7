"""Platform order imports (DESIGN §6): 抖店, 快手小店, 京东 and the app's order template.

One job per module:
- parse.py      the file → rows (services.tables.reader) → layout → lines / rejected rows
- cells.py      one cell → text, ID, quantity, fen, time (or the reason it is refused)
- layouts.py    each layout's columns and synonyms; detection from the header row
- douyin.py, kuaishou.py, jd.py, generic.py   one parser per layout
- matching.py   line → catalogue product (platform code, 商家编码, exact name)
- attribution.py  line → livestream (same platform, paid inside its window)
- dedupe.py     line already imported: duplicate or updated (refunds only grow)
- preview.py    what an import would do, nothing written
- commit.py     one transaction per batch, lines through SaleLineWriter
- products.py   products an import creates or maps, in the batch's transaction
- history.py    the list of batches, their rejected rows, undo
"""
from .commit import Create, ImportResult, Leave, MapTo, Resolution, commit_import
from .history import BatchRow, UndoResult, batch_rejected_rows, list_batches, undo_batch
from .jd import split_fen
from .layouts import LAYOUTS, Layout, layout_named
from .lines import OrderLine, ParsedFile, RejectedRow
from .matching import ProductChoice, UnmatchedProduct, product_choices
from .parse import OrderFile, read_order_file
from .preview import ImportPreview, preview_import, preview_parsed

__all__ = [
    "BatchRow", "Create", "ImportPreview", "ImportResult", "LAYOUTS", "Layout", "Leave", "MapTo", "OrderFile",
    "OrderLine", "ParsedFile", "RejectedRow", "Resolution", "UndoResult", "UnmatchedProduct", "ProductChoice", "product_choices", "batch_rejected_rows",
    "commit_import", "layout_named", "list_batches", "preview_import", "preview_parsed", "read_order_file",
    "split_fen", "undo_batch",
]
