"""Reusable tabular reading and writing (CSV in the encodings of DESIGN §6, Excel).

Plain Python, no Qt: the product import/export uses it, and the order importers can too.
"""
from .reader import (
    CellValue,
    Table,
    TableError,
    TableRow,
    cell_text,
    clean_cell,
    clean_text,
    header_key,
    read_raw,
    read_table,
)
from .writer import ExtraSheet, csv_value, escape_csv_text, escape_xlsx_text, write_table

__all__ = [
    "CellValue",
    "Table",
    "TableError",
    "TableRow",
    "cell_text",
    "clean_cell",
    "clean_text",
    "header_key",
    "read_raw",
    "read_table",
    "ExtraSheet",
    "csv_value",
    "escape_csv_text",
    "escape_xlsx_text",
    "write_table",
]
