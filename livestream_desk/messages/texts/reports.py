"""Messages of reports, the dashboard and their exports (services.reports, dashboard, report_*)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "reports.cannot_report": QT_TRANSLATE_NOOP("Messages", "cannot report {first}..{last}: {reason}"),
    "reports.custom_range_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "choose the first and last month of the custom range"
    ),
    # the monthly report as a table for people (report monthly --format table)
    "reports.table_title": QT_TRANSLATE_NOOP("Messages", "Monthly report {first}..{last} ({scope})"),
    "reports.table_empty": QT_TRANSLATE_NOOP("Messages", "Monthly report ({scope}): no paid sales yet"),
    "reports.all_platforms": QT_TRANSLATE_NOOP("Messages", "all platforms"),
    "reports.total": QT_TRANSLATE_NOOP("Messages", "Total"),
    "reports.column_month": QT_TRANSLATE_NOOP("Messages", "Month"),
    "reports.column_livestreams": QT_TRANSLATE_NOOP("Messages", "Livestreams"),
    "reports.column_orders": QT_TRANSLATE_NOOP("Messages", "Orders"),
    "reports.column_units": QT_TRANSLATE_NOOP("Messages", "Units"),
    "reports.column_gmv": QT_TRANSLATE_NOOP("Messages", "GMV"),
    "reports.column_refunds": QT_TRANSLATE_NOOP("Messages", "Refunds"),
    "reports.column_net_sales": QT_TRANSLATE_NOOP("Messages", "Net sales"),
    "reports.column_growth": QT_TRANSLATE_NOOP("Messages", "MoM growth"),
    # targets (services.reports.targets)
    "reports.target_not_whole_fen": QT_TRANSLATE_NOOP("Messages", "the target must be a whole amount in fen, not {value}"),
    "reports.target_negative": QT_TRANSLATE_NOOP("Messages", "the target cannot be negative ({value} fen)"),
    "reports.target_zero": QT_TRANSLATE_NOOP("Messages", "the target must be above zero; clear it instead"),
    "reports.target_too_large": QT_TRANSLATE_NOOP("Messages", "the target of {value} fen is too large"),
    "reports.target_unknown_platform": QT_TRANSLATE_NOOP("Messages", "unknown platform for a target: {platform}"),
    "reports.target_not_a_month": QT_TRANSLATE_NOOP("Messages", "a target needs a month (YYYY-MM), not {value}"),
    # exports (cli/exports/report.py, card.py)
    "reports.exported_workbook": QT_TRANSLATE_NOOP("Messages", "wrote the report {period} ({count} sale lines) to {target}"),
    "reports.exported_pdf": QT_TRANSLATE_NOOP("Messages", "wrote the report {period} to {target}"),
    "reports.exported_card": QT_TRANSLATE_NOOP("Messages", "wrote the card of {what} ({width}×{height}) to {target}"),
}
