"""The order import dialog and the import history (DESIGN §6, issue 9 item 6).

`open_import_dialog(parent, db)` is what the Sales page and the dashboard's empty state call.
"""
from .dialog import OrderImportDialog, open_import_dialog
from .history_dialog import ImportHistoryDialog, open_import_history

__all__ = ["OrderImportDialog", "open_import_dialog", "ImportHistoryDialog", "open_import_history"]
