"""Undoable catalogue changes: create, edit, archive, delete — each an `UndoableOp`.

The background work, the busy page, the error boxes and the undo stack are ui/operation.py's;
here are only the service calls of each step and the command's name. Each step gets what the
step before it returned (a row, rows, or the snapshots a delete returns to restore from), and
`changed(ids)` gets the products to select afterwards (none when they are gone).

Every step is one service call, so one transaction: several products are archived, deleted or
restored all or nothing by the services themselves. The one exception is the confirmation's
"delete the free ones, archive the used ones": two calls, and when the second fails the first
is reversed before the error is shown (an error while reversing is raised, never swallowed).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ...db.engine import Database
from ...services import catalogue
from ...services.catalogue import DeletedProduct, ProductInput, ProductRow
from ..operation import UndoableOp

Changed = Callable[[list[int]], None]



def _quoted(name: str) -> str:
    return f"“{name}”"


def product_ids(state: Any) -> list[int]:
    """The products a step left in the catalogue (rows), none for what it deleted (snapshots)."""
    if isinstance(state, ProductRow):
        return [state.id]
    if isinstance(state, (list, tuple)):
        return [pid for item in state for pid in product_ids(item)]
    return []


def _op(page: QWidget, stack: QUndoStack, text: str, changed: Changed, **steps: Any) -> UndoableOp:
    return UndoableOp(page, stack, text, changed=lambda state: changed(product_ids(state)), **steps)


def create_product(
    page: QWidget, stack: QUndoStack, data: ProductInput, *, changed: Changed,
    success: Optional[Callable[[Any], None]] = None, failure: Optional[Callable[[BaseException], None]] = None,
) -> UndoableOp:
    """A new product. Undo deletes it (keeping everything, to put it back on redo)."""
    return _op(
        page, stack,
        QCoreApplication.translate("CatalogueCommands", "New product {name}").format(
            name=_quoted(str(data.name).strip())),
        changed,
        do=lambda db: catalogue.create_product(db, data),
        undo=lambda db, row: catalogue.delete_products(db, [row.id]),
        redo=lambda db, snapshots: catalogue.restore_deleted_products(db, snapshots)[0],
        success=success, failure=failure,
    )


def edit_product(
    page: QWidget, stack: QUndoStack, product_id: int, before: ProductInput, after: ProductInput,
    stock_before: int, stock_after: int, *, changed: Changed,
    success: Optional[Callable[[Any], None]] = None, failure: Optional[Callable[[BaseException], None]] = None,
    expected_version: Optional[int] = None,
) -> UndoableOp:
    """The editor's changes to one product; undo saves back what it was before.
    `expected_version`: the version the editor showed (a change made elsewhere since makes
    the step fail with versions.ChangedElsewhere, so the editor can ask).

    Stock moves by the difference the editor made (`stock_after - stock_before`, usually 0),
    applied to the stock as it is when the step runs: a stock change made in between (the
    stock dialog, another PC) is kept by the edit and by its undo.
    """
    return _op(
        page, stack,
        QCoreApplication.translate("CatalogueCommands", "Edit {name}").format(
            name=_quoted(str(after.name).strip() or str(before.name))),
        changed,
        do=lambda db: catalogue.update_product(db, product_id, after, loaded_stock=stock_before,
                                               expected_version=expected_version),
        undo=lambda db, _row: catalogue.update_product(db, product_id, before, loaded_stock=stock_after),
        success=success, failure=failure,
    )


def set_archived(
    page: QWidget, stack: QUndoStack, products: Sequence[tuple[int, str]], archive: bool, *, changed: Changed,
) -> UndoableOp:
    """Archive (or put back on sale) products; undo does the opposite."""
    if len(products) == 1:
        name = _quoted(products[0][1])
        text = (QCoreApplication.translate("CatalogueCommands", "Archive {name}") if archive
                else QCoreApplication.translate("CatalogueCommands", "Put {name} back on sale")).format(name=name)
    else:
        text = (QCoreApplication.translate("CatalogueCommands", "Archive {count} products") if archive
                else QCoreApplication.translate("CatalogueCommands", "Put {count} products back on sale")
                ).format(count=f"{len(products):,}")
    ids = [product_id for product_id, _name in products]
    return _op(
        page, stack, text, changed,
        do=lambda db: catalogue.set_archived(db, ids, archive),
        undo=lambda db, _rows: catalogue.set_archived(db, ids, not archive),
    )


def delete_products(
    page: QWidget, stack: QUndoStack, delete: Sequence[tuple[int, str]], archive: Sequence[tuple[int, str]] = (),
    *, changed: Changed,
) -> UndoableOp:
    """Delete products no sale or lineup uses, and archive the ones that are used (the
    confirmation said so). Undo restores every deleted product with its stock history and
    platform codes, and puts the archived ones back on sale."""
    everything = [*delete, *archive]
    if len(everything) == 1:
        name = _quoted(everything[0][1])
        text = (QCoreApplication.translate("CatalogueCommands", "Delete {name}") if delete
                else QCoreApplication.translate("CatalogueCommands", "Archive {name}")).format(name=name)
    elif not archive:
        text = QCoreApplication.translate("CatalogueCommands", "Delete {count} products").format(count=f"{len(delete):,}")
    else:
        text = QCoreApplication.translate("CatalogueCommands", 
                                          "Delete {deleted} and archive {archived} products").format(
            deleted=len(delete), archived=len(archive))
    delete_ids = [pid for pid, _name in delete]
    archive_ids = [pid for pid, _name in archive]
    return _op(
        page, stack, text, changed,
        do=lambda db: _delete_and_archive(db, delete_ids, archive_ids),
        undo=lambda db, state: _restore_and_unarchive(db, state[0], archive_ids),
        # A restored product has its old id unless another took it meanwhile: redo the rows.
        redo=lambda db, state: _delete_and_archive(db, [row.id for row in state[0]], archive_ids),
    )


def _delete_and_archive(
    db: Database, delete_ids: list[int], archive_ids: list[int]
) -> tuple[list[DeletedProduct], list[ProductRow]]:
    snapshots = catalogue.delete_products(db, delete_ids) if delete_ids else []
    if not archive_ids:
        return snapshots, []
    try:
        return snapshots, catalogue.set_archived(db, archive_ids, True)
    except BaseException:
        if snapshots:
            catalogue.restore_deleted_products(db, snapshots)  # if this fails too, its error is raised
        raise


def _restore_and_unarchive(
    db: Database, snapshots: list[DeletedProduct], archive_ids: list[int]
) -> tuple[list[ProductRow], list[ProductRow]]:
    restored = catalogue.restore_deleted_products(db, snapshots) if snapshots else []
    if not archive_ids:
        return restored, []
    try:
        return restored, catalogue.set_archived(db, archive_ids, False)
    except BaseException:
        if restored:
            catalogue.delete_products(db, [row.id for row in restored])
        raise


__all__ = ["create_product", "edit_product", "set_archived", "delete_products", "product_ids"]
