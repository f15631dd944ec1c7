"""The catalogue's questions to the user: export what, delete or archive what (module
functions, so tests can answer them; texts in the "CataloguePage" context)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...services.catalogue import ProductRow

EXPORT_FILTERED, EXPORT_ALL = "filtered", "all"



def ask_export_scope(parent: QWidget, shown: int) -> Optional[str]:
    """Export the filtered list or the whole catalogue? EXPORT_FILTERED, EXPORT_ALL or None."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CataloguePage", "Export products"))
    box.setText(QCoreApplication.translate(
        "CataloguePage", "The list is filtered. Export only the {count} products shown, or the whole catalogue?"
    ).format(count=f"{shown:,}"))
    shown_text = QCoreApplication.translate("CataloguePage", "Products shown ({count})").format(count=f"{shown:,}")
    filtered = box.addButton(shown_text, QMessageBox.ButtonRole.AcceptRole)
    everything = box.addButton(QCoreApplication.translate("CataloguePage", "Whole catalogue"),
                               QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(filtered)
    box.exec()
    clicked = box.clickedButton()
    if clicked is filtered:
        return EXPORT_FILTERED
    if clicked is everything:
        return EXPORT_ALL
    return None


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def quoted(row: ProductRow) -> str:
    return f"“{row.name}{' ' + row.spec if row.spec else ''}”"


def _uses_text(sales: int, lineup: int) -> str:
    if sales and lineup:
        text = QCoreApplication.translate("CataloguePage", "{sales} sale lines and {lineup} lineup items")
        return text.format(sales=f"{sales:,}", lineup=f"{lineup:,}")
    if sales:
        return QCoreApplication.translate("CataloguePage", "{sales} sale lines").format(sales=f"{sales:,}")
    return QCoreApplication.translate("CataloguePage", "{lineup} lineup items").format(lineup=f"{lineup:,}")


def confirm_delete(
    parent: QWidget, rows: list[ProductRow], usage: dict[int, tuple[int, int]]
) -> Optional[tuple[list[ProductRow], list[ProductRow]]]:
    """Ask before deleting `rows` (`usage`: product id → (sale lines, lineup items)); a used
    product cannot be deleted and is archived instead. (to delete, to archive), or None."""
    used = [r for r in rows if any(usage.get(r.id, (0, 0)))]
    free = [r for r in rows if r not in used]
    to_archive = [r for r in used if not r.archived]
    title = QCoreApplication.translate("CataloguePage", "Delete products")
    if len(rows) == 1 and not used:
        text = QCoreApplication.translate(
            "CataloguePage", "Delete {name}?\n\nYou can undo this with Undo in the Edit menu."
        ).format(name=quoted(rows[0]))
    elif len(rows) == 1:
        sales, lineup = usage[rows[0].id]
        uses = _uses_text(sales, lineup)
        if rows[0].archived:
            QMessageBox.information(parent, title, QCoreApplication.translate(
                "CataloguePage", "{name} has {uses}, so it cannot be deleted; it is already archived.").format(
                name=quoted(rows[0]), uses=uses))
            return None
        text = QCoreApplication.translate(
            "CataloguePage",
            "{name} has {uses}, so it cannot be deleted.\n\nArchive it instead? It disappears from the "
            "product list and from new lineups; its sales stay in the reports."
        ).format(name=quoted(rows[0]), uses=uses)
        title = QCoreApplication.translate("CataloguePage", "Archive instead of deleting")
    elif not used:
        text = QCoreApplication.translate(
            "CataloguePage", "Delete these {count} products?\n\nYou can undo this with Undo in the Edit menu."
        ).format(count=f"{len(rows):,}")
    else:
        text = QCoreApplication.translate(
            "CataloguePage",
            "{used} of the {count} products have sales or lineup items and cannot be deleted: they will be "
            "archived instead. The other {free} will be deleted.\n\nGo ahead? You can undo this."
        ).format(used=len(used), count=len(rows), free=len(free))
    if not _ask(parent, title, text) or not (free or to_archive):
        return None
    return free, to_archive


__all__ = ["ask_export_scope", "confirm_delete", "quoted", "EXPORT_FILTERED", "EXPORT_ALL"]
