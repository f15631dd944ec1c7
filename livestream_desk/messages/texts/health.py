"""Messages of the database check (services.health, db.engine.integrity_problems, services.summary)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "health.check_schema": QT_TRANSLATE_NOOP("Messages", "schema"),
    "health.check_integrity": QT_TRANSLATE_NOOP("Messages", "integrity"),
    "health.check_summary": QT_TRANSLATE_NOOP("Messages", "summary"),
    "health.check_contents": QT_TRANSLATE_NOOP("Messages", "contents"),
    "health.check_codes": QT_TRANSLATE_NOOP("Messages", "product codes"),
    "health.codes_ok": QT_TRANSLATE_NOOP("Messages", "every seller code belongs to one product"),
    "health.sku_clashes": QT_TRANSLATE_NOOP("Messages", "{count} product(s) share a seller code with another product"),
    "health.sku_clash": QT_TRANSLATE_NOOP(
        "Messages",
        "{product}: seller code {sku} is the code of {other} (letter case or width aside); "
        "give it a code of its own (it is marked needs review)",
    ),
    "health.ok": QT_TRANSLATE_NOOP("Messages", "ok"),
    "health.problem": QT_TRANSLATE_NOOP("Messages", "PROBLEM"),
    "health.checking": QT_TRANSLATE_NOOP("Messages", "checking {path}"),
    "health.healthy": QT_TRANSLATE_NOOP("Messages", "healthy"),
    "health.problems_found": QT_TRANSLATE_NOOP("Messages", "{count} problem(s) found"),
    "health.schema_current": QT_TRANSLATE_NOOP("Messages", "version {revision} (current)"),
    "health.schema_missing": QT_TRANSLATE_NOOP("Messages", "no livestream_desk schema"),
    "health.no_tables": QT_TRANSLATE_NOOP("Messages", "the database has no livestream_desk tables"),
    "health.schema_older": QT_TRANSLATE_NOOP(
        "Messages",
        "version {revision}, older than this app's {head}; it is upgraded (after a backup) when the app next opens it",
    ),
    "health.schema_newer": QT_TRANSLATE_NOOP(
        "Messages", "version {revision} is newer than this app knows ({head}); update the app"
    ),
    "health.file_damaged": QT_TRANSLATE_NOOP("Messages", "the file is damaged"),
    "health.file_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "SQLite cannot read the file: {reason}; restore a backup (livestream-desk restore FILE)"
    ),
    "health.integrity_on_server": QT_TRANSLATE_NOOP("Messages", "left to the database server"),
    "health.problem_count": QT_TRANSLATE_NOOP("Messages", "{count} problem(s)"),
    "health.integrity_ok": QT_TRANSLATE_NOOP("Messages", "SQLite integrity and foreign keys"),
    "health.summary_unreadable": QT_TRANSLATE_NOOP("Messages", "could not be read"),
    "health.sales_unreadable": QT_TRANSLATE_NOOP("Messages", "SQLite cannot read the sales: {reason}"),
    "health.summary_mismatches": QT_TRANSLATE_NOOP(
        "Messages", "{count} month/platform total(s) differ from the sale lines"
    ),
    "health.summary_ok": QT_TRANSLATE_NOOP("Messages", "monthly totals equal the sale lines ({months} months)"),
    "health.contents": QT_TRANSLATE_NOOP(
        "Messages", "{products} products, {livestreams} livestreams, {sale_lines} sale lines, {import_batches} import batches"
    ),
    "health.summary_differs": QT_TRANSLATE_NOOP(
        "Messages", "summary for {month} {platform} is {kept}, lines say {raw}"
    ),
    "health.report_table_differs": QT_TRANSLATE_NOOP(
        "Messages", "{table} row {key} is {kept}, lines say {raw}"
    ),
}
