"""The product catalogue: products, categories, producers, platform codes, photos and stock.

Plain Python over SQLAlchemy, no Qt (DESIGN §2). Every function takes the open `Database`
and returns plain frozen dataclasses, never ORM objects. Every writing function runs in ONE
transaction (services.uow.writing) and writes nothing when it raises; operations over several
products (`set_archived`, `delete_products`, `restore_deleted_products`) are all or nothing.

Errors carry message codes (messages/texts/catalogue.py, product.py): `ProductInvalid`
has `errors: {field: Message}` with ProductInput's field names, so the editor shows each
message next to its field.

One job per module:
    query.py           ProductQuery: filters, sort, the plan of a text search (FTS5 / LIKE)
    window.py          counts and windows of a query (list_products, count_products…)
    products.py        create, update, check, archive, delete, restore
    columns.py         THE mapping between a ValidProduct and the products table's columns
    stock.py           stock deltas and the stock history
    categories.py      categories and producers
    platform_codes.py  platform codes
    photos.py          product photos
    rows.py            the plain rows the functions return
    errors.py          CatalogueProblem, ProductInvalid, NotFound
"""
from __future__ import annotations

from ...domain.validation import ProductInput, validate_product
from .categories import (
    add_category,
    category_id_for,
    delete_category,
    get_or_create_producer,
    list_categories,
    list_producers,
    merge_categories,
    producer_id_for,
    refresh_search_keys,
    rename_category,
    rename_producer,
)
from .columns import STORED_FIELDS, product_columns, stored_product_select, valid_from_stored
from .errors import CatalogueProblem, NotFound, ProductInvalid, product_label
from .photos import photo_file, store_photo
from .platform_codes import find_by_platform_code, set_platform_codes
from .products import (
    archive_product,
    check_product,
    create_product,
    delete_product,
    delete_products,
    get_product,
    product_input_from,
    restore_deleted_product,
    restore_deleted_products,
    set_archived,
    unarchive_product,
    update_product,
    usage_counts,
)
from .query import SORT_KEYS, ArchivedFilter, ProductQuery, has_search_index, order_by_query, query_conditions
from .rows import (
    CategoryRow,
    DeletedProduct,
    PlatformCodeRow,
    ProducerRow,
    ProductDetail,
    ProductRow,
    StockMovementRow,
)
from .stock import (
    REASON_EDITED,
    REASON_IMPORT,
    REASON_INITIAL,
    REASON_STOCKTAKE,
    adjust_stock,
    set_low_stock_threshold,
    set_stock,
    stock_history,
)
from .window import (
    count_products, list_certifications, list_origins, list_products, list_products_and_count, list_products_window,
    search_products,
)

__all__ = [
    "ProductInput",
    "ProductRow",
    "ProductDetail",
    "PlatformCodeRow",
    "StockMovementRow",
    "DeletedProduct",
    "CategoryRow",
    "ProducerRow",
    "ProductQuery",
    "ArchivedFilter",
    "SORT_KEYS",
    "CatalogueProblem",
    "ProductInvalid",
    "NotFound",
    "product_label",
    "validate_product",
    "check_product",
    "create_product",
    "update_product",
    "get_product",
    "product_input_from",
    "list_products",
    "count_products",
    "list_products_and_count",
    "list_products_window",
    "search_products",
    "query_conditions",
    "order_by_query",
    "has_search_index",
    "list_origins",
    "list_certifications",
    "set_archived",
    "archive_product",
    "unarchive_product",
    "usage_counts",
    "delete_products",
    "delete_product",
    "restore_deleted_products",
    "restore_deleted_product",
    "store_photo",
    "photo_file",
    "set_platform_codes",
    "find_by_platform_code",
    "adjust_stock",
    "set_stock",
    "stock_history",
    "set_low_stock_threshold",
    "list_categories",
    "add_category",
    "rename_category",
    "merge_categories",
    "delete_category",
    "list_producers",
    "get_or_create_producer",
    "rename_producer",
    "refresh_search_keys",
    "category_id_for",
    "producer_id_for",
    "STORED_FIELDS",
    "product_columns",
    "stored_product_select",
    "valid_from_stored",
    "REASON_INITIAL",
    "REASON_EDITED",
    "REASON_IMPORT",
    "REASON_STOCKTAKE",
]
