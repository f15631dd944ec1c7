"""Messages of the command line (livestream_desk.cli)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    # arguments
    "cli.bad_month": QT_TRANSLATE_NOOP("Messages", "'{value}' is not a valid month ({reason}); write YYYY-MM, e.g. 2026-10"),
    "cli.not_whole_number": QT_TRANSLATE_NOOP("Messages", "'{value}' is not a whole number"),
    "cli.number_too_small": QT_TRANSLATE_NOOP("Messages", "must be {minimum} or more, got {value}"),
    "cli.smoke_with_command": QT_TRANSLATE_NOOP("Messages", "--smoke goes with the window, not with the {command} command"),
    "cli.empty_db": QT_TRANSLATE_NOOP("Messages", "--db is empty; give a database file or URL"),
    "cli.from_after_to": QT_TRANSLATE_NOOP("Messages", "--from {first} is after {last_option} {last}"),
    "cli.input_is_folder": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a file"),
    "cli.export_suffix": QT_TRANSLATE_NOOP(
        "Messages", "cannot export to {target}: the file name must end in {suffixes} (the suffix decides the format)"
    ),
    "cli.export_suffix_month": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot export to {target}: the file name must end in {suffixes}; --to names the file, "
        "the last month is {option} YYYY-MM",
    ),
    "cli.interrupted": QT_TRANSLATE_NOOP("Messages", "interrupted"),
    "cli.bug": QT_TRANSLATE_NOOP("Messages", "(this is a bug; please report it with the details below)"),
    # progress (stderr, on a terminal only)
    "cli.progress_demo": QT_TRANSLATE_NOOP("Messages", "generating demo data"),
    "cli.progress_reading": QT_TRANSLATE_NOOP("Messages", "reading"),
    "cli.progress_importing": QT_TRANSLATE_NOOP("Messages", "importing"),
    "cli.progress_exporting_products": QT_TRANSLATE_NOOP("Messages", "exporting products"),
    "cli.progress_backing_up": QT_TRANSLATE_NOOP("Messages", "backing up"),
    "cli.progress_restoring": QT_TRANSLATE_NOOP("Messages", "restoring"),
    # results
    "cli.demo_done": QT_TRANSLATE_NOOP(
        "Messages",
        "demo data in {path}: {first}..{last} ({months} months), {products} products, "
        "{livestreams} livestreams, {sale_lines} sale lines ({seconds} s)",
    ),
    "cli.exported_product": QT_TRANSLATE_NOOP("Messages", "wrote {count} product to {target}"),
    "cli.exported_products": QT_TRANSLATE_NOOP("Messages", "wrote {count} products to {target}"),
    "cli.exported_month": QT_TRANSLATE_NOOP("Messages", "wrote {count} month ({first}..{last}) to {target}"),
    "cli.exported_months": QT_TRANSLATE_NOOP("Messages", "wrote {count} months ({first}..{last}) to {target}"),
    "cli.exported_no_months": QT_TRANSLATE_NOOP("Messages", "wrote 0 months (no paid sales yet) to {target}"),
    "cli.backed_up": QT_TRANSLATE_NOOP("Messages", "backed up {source} to {target} ({size})"),
    "cli.saved_before_restore": QT_TRANSLATE_NOOP("Messages", "saved the previous content of {source} to {target}"),
    "cli.restored": QT_TRANSLATE_NOOP("Messages", "restored {source} into {target} (schema {revision})"),
    "cli.restored_upgraded": QT_TRANSLATE_NOOP(
        "Messages", "restored {source} into {target} (schema {revision}, upgraded to {head})"
    ),
    # import-products
    "cli.import_sheet": QT_TRANSLATE_NOOP("Messages", "sheet {sheet}"),
    "cli.import_counts": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected"
    ),
    "cli.import_ignored_columns": QT_TRANSLATE_NOOP("Messages", "ignored columns: {columns}"),
    "cli.import_rejected_rows": QT_TRANSLATE_NOOP(
        "Messages", "rejected rows (row number as the spreadsheet shows it, header = row 1):"
    ),
    "cli.import_row": QT_TRANSLATE_NOOP("Messages", "row {row}, {problems}"),
    "cli.import_cell_value": QT_TRANSLATE_NOOP("Messages", "{column} '{value}': {reason}"),
    "cli.import_cell": QT_TRANSLATE_NOOP("Messages", "{column}: {reason}"),
    "cli.import_new_categories": QT_TRANSLATE_NOOP("Messages", "new categories: {names}"),
    "cli.import_new_producers": QT_TRANSLATE_NOOP("Messages", "new producers: {names}"),
    "cli.import_seen_before": QT_TRANSLATE_NOOP("Messages", "this file was imported before, at {at}"),
    "cli.imported_into": QT_TRANSLATE_NOOP("Messages", "imported into {path} (import batch {batch})"),
    "cli.import_changed_rows": QT_TRANSLATE_NOOP("Messages", "rows that would change:"),
    "cli.import_changed_row": QT_TRANSLATE_NOOP("Messages", "row {row} {name}: {changes}"),
    "cli.import_change": QT_TRANSLATE_NOOP("Messages", "{column} {old} → {new}"),
    "cli.import_more_changes": QT_TRANSLATE_NOOP("Messages", "… and {count} more changed rows"),
    "cli.nothing_to_change": QT_TRANSLATE_NOOP("Messages", "nothing to change in {path}"),
    "cli.dry_run_done": QT_TRANSLATE_NOOP("Messages", "dry run: nothing was written to {path}"),
}
