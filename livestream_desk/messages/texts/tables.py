"""Reading and writing spreadsheets (services/tables): files that cannot be used as a table."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    "tables.bad_utf8": QT_TRANSLATE_NOOP("Messages", "{file} starts as UTF-8 but has invalid bytes at position {position}"),
    "tables.bad_utf16": QT_TRANSLATE_NOOP("Messages", "{file} is damaged UTF-16 text"),
    "tables.binary": QT_TRANSLATE_NOOP("Messages", "{file} is not a CSV or Excel file (it holds binary data)"),
    "tables.unknown_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is in an unknown text encoding (not UTF-8 or GB18030/GBK); save it again as CSV UTF-8 or .xlsx",
    ),
    "tables.bad_csv": QT_TRANSLATE_NOOP("Messages", "{file} is not a well-formed CSV file: {reason}"),
    "tables.unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read {file}: {reason}"),
    "tables.damaged_excel": QT_TRANSLATE_NOOP(
        "Messages", "cannot read {file}: a damaged or unsupported Excel file ({reason})"
    ),
    "tables.stray_far_cell": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: sheet {sheet} has a value in cell {cell}, far away from its {cells} filled cells; "
        "delete the stray cells below and to the right of the data (or copy the data into a new workbook) and try again",
    ),
    "tables.cell_beyond_excel": QT_TRANSLATE_NOOP(
        "Messages", "{file}: sheet {sheet} refers to cell {cell}, beyond the last cell of an Excel sheet (XFD1048576); the file is damaged"
    ),
    "tables.unpacks_too_large": QT_TRANSLATE_NOOP(
        "Messages", "{file} unpacks to {megabytes} MB, far more than a workbook of its size holds; the file is damaged and was not read"
    ),
    "tables.web_page": QT_TRANSLATE_NOOP(
        "Messages", "{file} is a web page saved with an Excel name; open it in Excel and save it as .xlsx"
    ),
    "tables.not_excel": QT_TRANSLATE_NOOP("Messages", "{file} is not an Excel file (damaged, or in another format)"),
    "tables.not_a_table": QT_TRANSLATE_NOOP("Messages", "{file} is not a CSV or Excel file (.csv, .xlsx or .xls)"),
    "tables.is_folder": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a file"),
    "tables.empty": QT_TRANSLATE_NOOP("Messages", "{file} is empty"),
    "tables.no_header": QT_TRANSLATE_NOOP(
        "Messages", "{file}: no header row with the column {columns} in the first {rows} rows of the file"
    ),
    "tables.no_header_in_sheets": QT_TRANSLATE_NOOP(
        "Messages", "{file}: no header row with the column {columns} in the first {rows} rows of any sheet"
    ),
    "tables.file_locked": QT_TRANSLATE_NOOP(
        "Messages", "cannot write {path}: the file is open in another program (Excel?) or the folder is read-only"
    ),
    "tables.bad_suffix": QT_TRANSLATE_NOOP("Messages", "{file}: choose a file name ending in .xlsx or .csv"),
    "tables.no_folder": QT_TRANSLATE_NOOP("Messages", "cannot write {path}: the folder {folder} does not exist"),
    "tables.cannot_write": QT_TRANSLATE_NOOP("Messages", "cannot write {path}: {reason}"),
}
