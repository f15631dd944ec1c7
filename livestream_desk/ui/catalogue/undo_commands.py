"""Undoable catalogue changes (the page's QUndoStack): create, edit, archive, delete.

Each command's database work runs in the TaskRunner, never in the GUI thread: `forward(db)`
and `backward(db)` run on a worker thread and return plain data, `after_forward(result)` /
`after_backward(result)` take it back on the GUI thread. The page runs the work first and
moves the stack (push / undo / redo) only once the work succeeded, so QUndoStack's own
`redo()` and `undo()` have nothing left to do and a failed undo (say the product's 商家编码 was
taken meanwhile) leaves the stack where it was.

A command over several products is all or nothing: when one step fails, the steps already
done are reversed before the error is reported.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ...db.engine import Database
from ...services import catalogue
from ...services.catalogue import DeletedProduct, ProductInput, ProductRow


def _quoted(name: str) -> str:
    return f"“{name}”"


def _with_current_stock(database: Database, product_id: int, data: ProductInput) -> ProductInput:
    """An editor's input never changes the stock: that goes through the stock dialog, with a
    reason. Saving (or undoing) an edit keeps whatever the stock is now."""
    return replace(data, stock=catalogue.get_product(database, product_id).stock, stock_reason="")


class CatalogueCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)

    # --- worker thread --------------------------------------------------------------
    def forward(self, database: Database) -> Any:
        raise NotImplementedError

    def backward(self, database: Database) -> Any:
        raise NotImplementedError

    # --- GUI thread -------------------------------------------------------------------
    def after_forward(self, result: Any) -> None:
        pass

    def after_backward(self, result: Any) -> None:
        pass

    def product_ids(self) -> list[int]:
        """The products to select after the change."""
        return []

    # QUndoStack calls these on push / undo / redo: the work was done before.
    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


class CreateProductCommand(CatalogueCommand):
    """A new product. Undo deletes it (keeping everything, to put it back on redo)."""

    def __init__(self, data: ProductInput) -> None:
        super().__init__(QCoreApplication.translate("CatalogueCommands", "New product {name}").format(
            name=_quoted(str(data.name).strip())))
        self.data = data
        self.product_id: Optional[int] = None
        self.snapshot: Optional[DeletedProduct] = None

    def forward(self, database: Database) -> ProductRow:
        if self.snapshot is not None:
            return catalogue.restore_deleted_product(database, self.snapshot)
        return catalogue.create_product(database, self.data)

    def after_forward(self, result: ProductRow) -> None:
        self.product_id = result.id

    def backward(self, database: Database) -> DeletedProduct:
        assert self.product_id is not None
        return catalogue.delete_product(database, self.product_id)

    def after_backward(self, result: DeletedProduct) -> None:
        self.snapshot = result

    def product_ids(self) -> list[int]:
        return [self.product_id] if self.product_id is not None else []


class EditProductCommand(CatalogueCommand):
    """The editor's changes to one product; undo saves back what it was before."""

    def __init__(self, product_id: int, before: ProductInput, after: ProductInput) -> None:
        super().__init__(QCoreApplication.translate("CatalogueCommands", "Edit {name}").format(
            name=_quoted(str(after.name).strip() or str(before.name))))
        self.product_id = product_id
        self.before = before
        self.after = after

    def forward(self, database: Database) -> ProductRow:
        return catalogue.update_product(database, self.product_id,
                                        _with_current_stock(database, self.product_id, self.after))

    def backward(self, database: Database) -> ProductRow:
        return catalogue.update_product(database, self.product_id,
                                        _with_current_stock(database, self.product_id, self.before))

    def product_ids(self) -> list[int]:
        return [self.product_id]


def _all_or_nothing(steps: Sequence[tuple[Callable[[], Any], Callable[[Any], Any]]]) -> list[Any]:
    """Run each (do, undo) step; if one fails, undo the ones done (newest first) and re-raise."""
    done: list[tuple[Callable[[Any], Any], Any]] = []
    try:
        for do, undo in steps:
            done.append((undo, do()))
    except BaseException:
        for undo, result in reversed(done):
            try:
                undo(result)
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
        raise
    return [result for _undo, result in done]


class ArchiveProductsCommand(CatalogueCommand):
    """Archive (or put back on sale) products; undo does the opposite."""

    def __init__(self, products: Sequence[tuple[int, str]], archive: bool) -> None:
        if len(products) == 1:
            name = _quoted(products[0][1])
            text = (QCoreApplication.translate("CatalogueCommands", "Archive {name}") if archive
                    else QCoreApplication.translate("CatalogueCommands", "Put {name} back on sale")).format(name=name)
        else:
            text = (QCoreApplication.translate("CatalogueCommands", "Archive {count} products") if archive
                    else QCoreApplication.translate("CatalogueCommands", "Put {count} products back on sale")
                    ).format(count=len(products))
        super().__init__(text)
        self.ids = [product_id for product_id, _name in products]
        self.archive = archive

    def _set(self, database: Database, archived: bool) -> list[ProductRow]:
        first = catalogue.archive_product if archived else catalogue.unarchive_product
        second = catalogue.unarchive_product if archived else catalogue.archive_product
        return _all_or_nothing([
            (lambda pid=pid: first(database, pid), lambda _r, pid=pid: second(database, pid)) for pid in self.ids
        ])

    def forward(self, database: Database) -> list[ProductRow]:
        return self._set(database, self.archive)

    def backward(self, database: Database) -> list[ProductRow]:
        return self._set(database, not self.archive)

    def product_ids(self) -> list[int]:
        return list(self.ids)


class DeleteProductsCommand(CatalogueCommand):
    """Delete products no sale or lineup uses, and archive the ones that are used (the
    confirmation said so). Undo restores every deleted product with its stock history and
    platform codes, and puts the archived ones back on sale."""

    def __init__(self, delete: Sequence[tuple[int, str]], archive: Sequence[tuple[int, str]] = ()) -> None:
        everything = [*delete, *archive]
        if len(everything) == 1:
            name = _quoted(everything[0][1])
            text = (QCoreApplication.translate("CatalogueCommands", "Delete {name}") if delete
                    else QCoreApplication.translate("CatalogueCommands", "Archive {name}")).format(name=name)
        elif not archive:
            text = QCoreApplication.translate("CatalogueCommands", "Delete {count} products").format(count=len(delete))
        else:
            text = QCoreApplication.translate(
                "CatalogueCommands", "Delete {deleted} and archive {archived} products"
            ).format(deleted=len(delete), archived=len(archive))
        super().__init__(text)
        self.delete_ids = [pid for pid, _name in delete]
        self.archive_ids = [pid for pid, _name in archive]
        self.snapshots: list[DeletedProduct] = []

    def forward(self, database: Database) -> list[Any]:
        steps: list[tuple[Callable[[], Any], Callable[[Any], Any]]] = []
        for pid in self.archive_ids:
            steps.append((lambda pid=pid: catalogue.archive_product(database, pid),
                          lambda _r, pid=pid: catalogue.unarchive_product(database, pid)))
        for pid in self.delete_ids:
            steps.append((lambda pid=pid: catalogue.delete_product(database, pid),
                          lambda snapshot: catalogue.restore_deleted_product(database, snapshot)))
        return _all_or_nothing(steps)

    def after_forward(self, result: list[Any]) -> None:
        self.snapshots = [r for r in result if isinstance(r, DeletedProduct)]

    def backward(self, database: Database) -> list[Any]:
        steps: list[tuple[Callable[[], Any], Callable[[Any], Any]]] = []
        for snapshot in self.snapshots:
            steps.append((lambda s=snapshot: catalogue.restore_deleted_product(database, s),
                          lambda row: catalogue.delete_product(database, row.id)))
        for pid in self.archive_ids:
            steps.append((lambda pid=pid: catalogue.unarchive_product(database, pid),
                          lambda _r, pid=pid: catalogue.archive_product(database, pid)))
        return _all_or_nothing(steps)

    def after_backward(self, result: list[Any]) -> None:
        # A restored product gets its old id back unless another took it meanwhile.
        restored = [r for r in result[: len(self.snapshots)] if isinstance(r, ProductRow)]
        self.delete_ids = [row.id for row in restored]

    def product_ids(self) -> list[int]:
        return [*self.delete_ids, *self.archive_ids]


__all__ = [
    "CatalogueCommand",
    "CreateProductCommand",
    "EditProductCommand",
    "ArchiveProductsCommand",
    "DeleteProductsCommand",
]
