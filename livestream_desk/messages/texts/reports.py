"""Messages of reports, the dashboard and their exports (services.reports, dashboard, report_*)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "reports.cannot_report": QT_TRANSLATE_NOOP("Messages", "cannot report {first}..{last}: {reason}"),
    "reports.custom_range_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "choose the first and last month of the custom range"
    ),
}
