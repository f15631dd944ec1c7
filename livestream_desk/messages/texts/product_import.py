"""Importing a product list (services/product_io): why a row was rejected, and the counts."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "product_import.rejected_row": QT_TRANSLATE_NOOP("Messages", "row {row}: {reason}"),
    "product_import.rejected_cell": QT_TRANSLATE_NOOP("Messages", "row {row}, {column}: {reason}"),
    "product_import.rejected_value": QT_TRANSLATE_NOOP("Messages", "row {row}, {column} “{value}”: {reason}"),
    "product_import.same_sku": QT_TRANSLATE_NOOP("Messages", "the same 商家编码 is in row {row}"),
    "product_import.same_name_spec": QT_TRANSLATE_NOOP(
        "Messages", "row {row} has the same name and spec and no 商家编码"
    ),
    "product_import.ambiguous_name": QT_TRANSLATE_NOOP(
        "Messages", "{count} products without 商家编码 have this name and spec; add the 商家编码 to this row"
    ),
    "product_import.bad_status": QT_TRANSLATE_NOOP("Messages", "write {on_sale} or {archived}"),
    "product_import.order_export": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} looks like an order export (it has a {column} column), not a product list; import it as orders",
    ),
    "product_import.summary": QT_TRANSLATE_NOOP(
        "Messages", "{new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected"
    ),
}
