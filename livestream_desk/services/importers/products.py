"""Products an import creates or maps, inside the import's own transaction.

The catalogue's `create_product()` opens a transaction of its own, but an import batch is
ONE transaction (DESIGN §6): so the new product is checked by the same field rules
(domain.validation.clean_product) and gets the same search keys (domain.pinyin_keys),
and is written here with the session of the batch. Products made by an import are marked
"needs review" (the catalogue lists them for the seller to complete) and remember the
platform's product id as their platform code, so the next export matches them at once.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...db.models import PlatformCode, Product
from ...domain.validation import MAX_LENGTHS, ProductInput, clean_product, sku_key
from ...messages import Problem
from .matching import UnmatchedProduct


def create_product_for(session: Session, item: UnmatchedProduct, at) -> Optional[int]:
    """A new product (needs review) for an unmatched product of the file; None when the file's
    values are not a valid product (the lines then import without a product)."""
    sku = item.seller_code
    if sku and session.execute(select(Product.id).where(Product.sku_key == sku_key(sku))).scalar() is not None:
        sku = ""  # taken meanwhile: keep the product, not the clash
    data = ProductInput(
        name=item.name[: MAX_LENGTHS.get("name", 200)],
        spec=item.spec[: MAX_LENGTHS.get("spec", 100)],
        sku=sku,
        list_price=item.unit_price_fen,
        needs_review=True,
    )
    valid, errors = clean_product(data)
    if errors or valid is None:
        return None
    from ..catalogue.columns import derived_columns  # here: the catalogue package is slow to import

    return session.execute(
        insert(Product)
        .values(
            sku=valid.sku or None,
            name=valid.name,
            spec=valid.spec,
            unit=valid.unit,
            list_price_fen=valid.list_price_fen,
            stock=0,
            needs_review=True,
            **derived_columns(valid),
            created_at=at,
            updated_at=at,
        )
        .returning(Product.id)
    ).scalar_one()


def check_product_exists(session: Session, product_id: int, name: str) -> None:
    if session.execute(select(Product.id).where(Product.id == product_id)).scalar() is None:
        raise Problem("orders.changed_meanwhile", name=name)


def remember_codes(session: Session, codes: dict[tuple[str, str], int]) -> int:
    """Store (platform, product id) → product for the codes no product has yet; how many."""
    if not codes:
        return 0
    taken = {
        (r[0], r[1])
        for r in session.execute(
            select(PlatformCode.platform, PlatformCode.code).where(
                PlatformCode.code.in_(sorted({code for _, code in codes}))
            )
        )
    }
    rows = [
        {"platform": platform, "code": code[:128], "product_id": product_id}
        for (platform, code), product_id in sorted(codes.items())
        if (platform, code) not in taken
    ]
    if rows:
        session.execute(insert(PlatformCode), rows)
    return len(rows)


__all__ = ["create_product_for", "check_product_exists", "remember_codes"]
