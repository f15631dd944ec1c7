"""Products: create, update, check, archive, delete and restore, each in ONE transaction.

Operations over several products (`set_archived`, `delete_products`,
`restore_deleted_products`) are all or nothing: when one product cannot be changed, a
Problem names it and nothing is written. The single-product functions are thin wrappers.
The table columns come from columns.product_columns (the one mapping); stock changes go
through stock.apply_stock_delta (deltas inside the transaction).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from sqlalchemy import delete, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Category, LineupItem, PlatformCode, Producer, Product, Sale, StockMovement
from ...domain.validation import ProductInput, ValidProduct, clean_product, field_message, sku_key
from ...messages import Message
from ..uow import now, reading, writing
from ..versions import check_version
from .categories import category_id_for, producer_id_for
from .columns import product_columns, valid_from_stored
from .errors import CatalogueProblem, NotFound, ProductInvalid, product_label
from .photos import photo_path_problem
from .platform_codes import code_conflict, replace_codes
from .rows import DeletedProduct, ProductDetail, ProductRow, StockMovementRow, read_detail, row_in
from .stock import REASON_EDITED, REASON_INITIAL, apply_stock_delta, record_movement


def validated(data: ProductInput) -> ValidProduct:
    """`data` cleaned by the field rules; ProductInvalid with every bad field."""
    valid, errors = _clean(data)
    if errors:
        raise ProductInvalid(errors)
    assert valid is not None
    return valid


def _clean(data: ProductInput) -> tuple[Optional[ValidProduct], dict[str, Message]]:
    """The field rules, plus the one that needs the data folder: a photo inside it."""
    valid, errors = clean_product(data)
    photo = photo_path_problem(data.photo_path)
    if photo is not None:
        errors = {**errors, "photo_path": photo}
    return valid, errors


def conflicts(session: Session, valid: ValidProduct, product_id: Optional[int]) -> dict[str, Message]:
    """Field errors that need the database: duplicate 商家编码 (in any letter case, full- or
    half-width: domain.validation.sku_key), name+spec clash without a code, unknown platform
    or a platform code of another product."""
    errors: dict[str, Message] = {}
    others = Product.id != product_id if product_id is not None else literal(True)
    if valid.sku:
        other = session.execute(
            select(Product.id, Product.name, Product.spec).where(Product.sku_key == sku_key(valid.sku), others)
        ).first()
        if other is not None:
            errors["sku"] = Message(
                "catalogue.sku_taken", sku=valid.sku, product=product_label(other.name, other.spec, None, other.id)
            )
    else:
        other = session.execute(
            select(Product.id, Product.name, Product.spec).where(
                Product.sku.is_(None), Product.name == valid.name, Product.spec == valid.spec, others
            )
        ).first()
        if other is not None:
            errors["name"] = Message(
                "catalogue.same_name_no_sku", product=product_label(other.name, other.spec, None, other.id)
            )
    if valid.platform_codes:
        message = code_conflict(session, valid.platform_codes, product_id)
        if message:
            errors["platform_codes"] = message
    return errors


def _integrity_to_invalid(exc: IntegrityError) -> ProductInvalid:
    text = str(exc.orig).lower()
    if "sku" in text:
        return ProductInvalid({"sku": Message("catalogue.sku_taken_by_another")})
    if "platform" in text:
        return ProductInvalid({"platform_codes": Message("catalogue.code_taken_by_another")})
    if "stock" in text:
        return ProductInvalid({"stock": field_message("product.negative", "stock")})
    return ProductInvalid({"name": Message("catalogue.cannot_save", reason=str(exc.orig))})


def _columns(session: Session, valid: ValidProduct) -> dict:
    return product_columns(
        valid, category_id=category_id_for(session, valid.category), producer_id=producer_id_for(session, valid.producer)
    )


# --- create, update, check ---------------------------------------------------------------


def create_product(db: Database, data: ProductInput) -> ProductRow:
    """Add a product; its stock, when not 0, opens its stock history."""
    valid = validated(data)
    try:
        with writing(db) as session:
            errors = conflicts(session, valid, None)
            if errors:
                raise ProductInvalid(errors)
            at = now()
            product_id = session.execute(
                insert(Product).values(**_columns(session, valid), created_at=at, updated_at=at).returning(Product.id)
            ).scalar_one()
            if valid.platform_codes:
                replace_codes(session, product_id, valid.platform_codes)
            if valid.stock:
                record_movement(session, product_id, valid.stock, valid.stock_reason or REASON_INITIAL, at)
            return row_in(session, product_id)
    except IntegrityError as exc:
        raise _integrity_to_invalid(exc) from None


def update_product(
    db: Database, product_id: int, data: ProductInput, *, loaded_stock: Optional[int] = None,
    expected_version: Optional[int] = None,
) -> ProductRow:
    """Save the editor's input over product `product_id`, in one transaction.

    Stock: with `loaded_stock` (the stock the editor showed when it loaded the product),
    `data.stock - loaded_stock` is applied as a delta to the stock as it is NOW, so a stock
    change made meanwhile (the stock dialog, another PC) is kept; an edit that did not touch
    the stock never writes it. Without `loaded_stock`, `data.stock` is the new stock
    (compared with the current stock inside the transaction). A change is recorded in the
    stock history (reason `data.stock_reason`, else REASON_EDITED).
    `data.platform_codes` None keeps the codes; a list replaces them.
    With `expected_version` (the version the editor read), versions.ChangedElsewhere when the
    product was changed since, on this or another PC (its stock moving does not count).
    """
    valid = validated(data)
    try:
        with writing(db) as session:
            current = session.execute(select(Product.stock).where(Product.id == product_id)).scalar()
            if current is None:
                raise NotFound("product", product_id)
            if expected_version is not None:
                name, spec = session.execute(select(Product.name, Product.spec).where(Product.id == product_id)).one()
                check_version(session.connection(), Product, product_id, expected_version,
                              Message("concurrency.product", name=product_label(name, spec)))
            errors = conflicts(session, valid, product_id)
            if errors:
                raise ProductInvalid(errors)
            at = now()
            values = _columns(session, valid)
            del values["stock"]  # only ever changed by a delta
            session.execute(update(Product).where(Product.id == product_id).values(**values, updated_at=at))
            if valid.platform_codes is not None:
                replace_codes(session, product_id, valid.platform_codes)
            delta = valid.stock - (current if loaded_stock is None else loaded_stock)
            if delta:
                apply_stock_delta(session, product_id, delta, valid.stock_reason or REASON_EDITED, at)
            return row_in(session, product_id)
    except IntegrityError as exc:
        raise _integrity_to_invalid(exc) from None


def check_product(db: Database, data: ProductInput, product_id: Optional[int] = None) -> dict[str, Message]:
    """Every field error `create_product` / `update_product` would raise, without writing:
    the field rules plus the database checks (for live feedback in the editor)."""
    valid, errors = _clean(data)
    if errors:
        return errors
    with reading(db) as conn:
        return conflicts(conn, valid, product_id)


def get_product(db: Database, product_id: int) -> ProductDetail:
    with reading(db) as conn:
        return read_detail(conn, product_id)


def product_input_from(detail: ProductDetail) -> ProductInput:
    """The editor's input for an existing product (and what an undo of an edit saves back)."""
    valid = valid_from_stored(detail)
    codes = tuple((c.platform, c.code) for c in detail.platform_codes)
    return replace(valid, platform_codes=codes).as_input()


# --- archive ------------------------------------------------------------------------------


def _unique(ids: Sequence[int]) -> list[int]:
    return list(dict.fromkeys(ids))


def _require(session: Session, ids: Sequence[int]) -> None:
    """NotFound for the first of `ids` that is no product."""
    found = set(session.execute(select(Product.id).where(Product.id.in_(ids))).scalars())
    for product_id in ids:
        if product_id not in found:
            raise NotFound("product", product_id)


def set_archived(db: Database, ids: Sequence[int], archived: bool) -> list[ProductRow]:
    """Archive (hide from the default view and from new lineups; sales stay) or put back on
    sale the products `ids`, in one transaction; their rows, in the order of `ids`."""
    ids = _unique(ids)
    with writing(db) as session:
        _require(session, ids)
        if ids:
            session.execute(update(Product).where(Product.id.in_(ids)).values(archived=archived, updated_at=now()))
        return [row_in(session, product_id) for product_id in ids]


def archive_product(db: Database, product_id: int) -> ProductRow:
    """Hide a product from the default view and from new lineups; its sales stay."""
    return set_archived(db, [product_id], True)[0]


def unarchive_product(db: Database, product_id: int) -> ProductRow:
    return set_archived(db, [product_id], False)[0]


# --- delete and restore ----------------------------------------------------------------------


def usage_counts(db: Database, product_id: int) -> tuple[int, int]:
    """(sale lines, lineup items) that refer to the product: either one forbids deleting it."""
    with reading(db) as conn:
        return _usage(conn, product_id)


def _usage(conn, product_id: int) -> tuple[int, int]:
    sales = conn.execute(select(func.count()).select_from(Sale).where(Sale.product_id == product_id)).scalar_one()
    lineup = conn.execute(
        select(func.count()).select_from(LineupItem).where(LineupItem.product_id == product_id)
    ).scalar_one()
    return sales, lineup


def delete_products(db: Database, ids: Sequence[int]) -> list[DeletedProduct]:
    """Delete products that no sale and no lineup uses, in one transaction; return what
    `restore_deleted_products` needs. All or nothing: when one of them has sales or lineup
    items (archive it instead) or is gone, a Problem names it and nothing is deleted."""
    ids = _unique(ids)
    with writing(db) as session:
        conn = session.connection()
        snapshots: list[DeletedProduct] = []
        in_use: list[tuple[ProductDetail, int, int]] = []
        for product_id in ids:
            detail = read_detail(conn, product_id)
            sales, lineup = _usage(conn, product_id)
            if sales or lineup:
                in_use.append((detail, sales, lineup))
                continue
            movements = tuple(
                StockMovementRow(id=m.id, product_id=m.product_id, delta=m.delta, reason=m.reason, at=m.at)
                for m in session.execute(
                    select(StockMovement).where(StockMovement.product_id == product_id).order_by(StockMovement.id)
                ).scalars()
            )
            snapshots.append(DeletedProduct(detail=detail, stock_movements=movements))
        if len(in_use) == 1:
            detail, sales, lineup = in_use[0]
            raise CatalogueProblem(
                "catalogue.product_in_use",
                product=product_label(detail.name, detail.spec, detail.sku),
                sales=sales,
                lineup=lineup,
            )
        if in_use:
            raise CatalogueProblem(
                "catalogue.products_in_use",
                count=len(in_use),
                products=tuple(product_label(d.name, d.spec, d.sku) for d, _s, _l in in_use),
            )
        if ids:
            session.execute(delete(PlatformCode).where(PlatformCode.product_id.in_(ids)))
            session.execute(delete(StockMovement).where(StockMovement.product_id.in_(ids)))
            session.execute(delete(Product).where(Product.id.in_(ids)))
        return snapshots


def delete_product(db: Database, product_id: int) -> DeletedProduct:
    """Delete one product (see delete_products)."""
    return delete_products(db, [product_id])[0]


def restore_deleted_products(db: Database, snapshots: Sequence[DeletedProduct]) -> list[ProductRow]:
    """Put deleted products back, in one transaction: every field, platform code and stock
    movement. All or nothing.

    Each gets its old id back unless another product took that id meanwhile (then a new
    one: use the returned rows' ids, in the order of `snapshots`). Refused when a 商家编码
    or platform code is now used by another product. A category or producer deleted
    meanwhile is made again by name; one renamed meanwhile stays as it is now.
    """
    with writing(db) as session:
        return [_restore(session, snapshot) for snapshot in snapshots]


def restore_deleted_product(db: Database, snapshot: DeletedProduct) -> ProductRow:
    """Put one deleted product back (see restore_deleted_products)."""
    return restore_deleted_products(db, [snapshot])[0]


def _restore(session: Session, snapshot: DeletedProduct) -> ProductRow:
    d = snapshot.detail
    if d.sku:
        other = session.execute(
            select(Product.id, Product.name, Product.spec).where(Product.sku_key == sku_key(d.sku))
        ).first()
        if other is not None:
            raise CatalogueProblem(
                "catalogue.restore_sku_taken",
                product=product_label(d.name, d.spec),
                sku=d.sku,
                other=product_label(other.name, other.spec, None, other.id),
            )
    codes = [(c.platform, c.code) for c in d.platform_codes]
    reason = code_conflict(session, codes, None)
    if reason:
        raise CatalogueProblem("catalogue.restore_refused", product=product_label(d.name, d.spec, d.sku), reason=reason)
    values = product_columns(
        valid_from_stored(d),
        category_id=_restore_ref(session, Category, d.category_id, d.category),
        producer_id=_restore_ref(session, Producer, d.producer_id, d.producer),
    )
    values.update(created_at=d.created_at or now(), updated_at=d.updated_at or now())
    if session.execute(select(Product.id).where(Product.id == d.id)).scalar() is None:
        values["id"] = d.id
    product_id = session.execute(insert(Product).values(**values).returning(Product.id)).scalar_one()
    replace_codes(session, product_id, codes)
    for m in snapshot.stock_movements:
        row = dict(product_id=product_id, delta=m.delta, reason=m.reason, at=m.at)
        if session.execute(select(StockMovement.id).where(StockMovement.id == m.id)).scalar() is None:
            row["id"] = m.id
        session.execute(insert(StockMovement).values(**row))
    return row_in(session, product_id)


def _restore_ref(session: Session, model, ref_id: Optional[int], name: str) -> Optional[int]:
    if ref_id is None and not name:
        return None
    if ref_id is not None:
        # Still there (perhaps renamed meanwhile): the same category / producer.
        if session.execute(select(model.id).where(model.id == ref_id)).scalar() is not None:
            return ref_id
    if not name:
        return None
    return category_id_for(session, name) if model is Category else producer_id_for(session, name)


__all__ = [
    "validated", "conflicts", "create_product", "update_product", "check_product", "get_product",
    "product_input_from", "set_archived", "archive_product", "unarchive_product", "usage_counts",
    "delete_products", "delete_product", "restore_deleted_products", "restore_deleted_product",
]
