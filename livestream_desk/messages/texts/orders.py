"""Messages of the platform order imports (services/importers, `import-orders`, the import dialog)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    # the file as a whole
    "orders.unknown_layout": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is not an order export the app knows: no header row of 抖店, 快手小店, 京东 or the app's order "
        "template in its first rows.",
    ),
    "orders.missing_columns": QT_TRANSLATE_NOOP(
        "Messages", "{file} has no header row of a {platform} order export (it needs the columns {columns})."
    ),
    "orders.no_rows": QT_TRANSLATE_NOOP("Messages", "{file} has a header row but no order lines under it."),
    "orders.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages", "{file} has {rows} rows; at most {limit} can be imported at once. Export a shorter period."
    ),
    "orders.unknown_platform_option": QT_TRANSLATE_NOOP(
        "Messages", "unknown order layout “{value}”; use auto, douyin, kuaishou, jd, generic or 抖音, 快手, 京东"
    ),
    "orders.batch_missing": QT_TRANSLATE_NOOP("Messages", "Import #{batch} no longer exists."),
    "orders.batch_already_undone": QT_TRANSLATE_NOOP("Messages", "Import #{batch} was already undone on {when}."),
    "orders.changed_meanwhile": QT_TRANSLATE_NOOP(
        "Messages", "The product chosen for “{name}” was deleted meanwhile; choose another and import again."
    ),
    # layouts (names shown in messages and in the dialog)
    "orders.layout_douyin": QT_TRANSLATE_NOOP("Messages", "抖店 (Douyin)"),
    "orders.layout_kuaishou": QT_TRANSLATE_NOOP("Messages", "快手小店 (Kuaishou)"),
    "orders.layout_jd": QT_TRANSLATE_NOOP("Messages", "京东 (JD)"),
    "orders.layout_generic": QT_TRANSLATE_NOOP("Messages", "the app's order template"),
    # one rejected row: why
    "orders.missing_value": QT_TRANSLATE_NOOP("Messages", "this column is required and the cell is empty"),
    "orders.bad_id": QT_TRANSLATE_NOOP("Messages", "“{value}” is not an order or product ID"),
    "orders.damaged_id": QT_TRANSLATE_NOOP(
        "Messages",
        "the ID “{value}” was damaged by Excel (scientific notation); export the file from the platform again "
        "and import it without opening it in Excel",
    ),
    "orders.bad_quantity": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a quantity (a whole number, 0 or more)"),
    "orders.bad_amount": QT_TRANSLATE_NOOP("Messages", "“{value}” is not an amount of money"),
    "orders.negative_amount": QT_TRANSLATE_NOOP("Messages", "the amount “{value}” is negative"),
    "orders.bad_time": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date and time (write it as 2026-09-10 08:00:00)"
    ),
    "orders.refund_over_paid": QT_TRANSLATE_NOOP(
        "Messages", "the refund {value} is more than the amount paid for the line"
    ),
    "orders.freight_over_paid": QT_TRANSLATE_NOOP(
        "Messages", "the freight {value} is more than the amount the order paid"
    ),
    "orders.order_has_bad_line": QT_TRANSLATE_NOOP(
        "Messages",
        "another line of order {value} (row {row}) was rejected; the order's money is split over all its lines, "
        "so none of them is imported",
    ),
    "orders.repeated_line": QT_TRANSLATE_NOOP(
        "Messages", "the same order line appears earlier in the file (row {row})"
    ),
    "orders.unknown_platform": QT_TRANSLATE_NOOP(
        "Messages", "unknown platform “{value}”; use 抖音, 快手, 视频号, 淘宝, 京东, 拼多多 or 其他"
    ),
    "orders.cell_too_long": QT_TRANSLATE_NOOP("Messages", "the cell holds {value} characters; at most {limit}"),
    # the command line
    "orders.cli_detected": QT_TRANSLATE_NOOP("Messages", "{file}: {layout}, {rows} rows"),
    "orders.cli_summary": QT_TRANSLATE_NOOP(
        "Messages", "new: {new}, duplicate: {duplicate}, updated: {updated}, rejected: {rejected}"
    ),
    "orders.cli_unpaid": QT_TRANSLATE_NOOP("Messages", "unpaid lines ignored: {count}"),
    "orders.cli_rejected_row": QT_TRANSLATE_NOOP("Messages", "row {row}, column {column}, value “{value}”: {reason}"),
    "orders.cli_created_products": QT_TRANSLATE_NOOP(
        "Messages", "new products marked “needs review”: {count} ({names})"
    ),
    "orders.cli_imported": QT_TRANSLATE_NOOP("Messages", "Imported as batch #{batch} into {path}."),
    "orders.cli_nothing_new": QT_TRANSLATE_NOOP("Messages", "Nothing new to import; the database is unchanged."),
    "orders.cli_dry_run": QT_TRANSLATE_NOOP("Messages", "Dry run: nothing was written."),
    "orders.cli_progress": QT_TRANSLATE_NOOP("Messages", "Importing orders"),
}
