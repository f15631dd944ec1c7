"""Platform codes: which product a platform's product id / SKU code stands for (importers
of orders match on them first)."""
from __future__ import annotations

from typing import Optional, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Platform, PlatformCode, Product
from ...domain.validation import ProductInput, clean_product, clean_sku
from ...messages import Message
from ..uow import now, reading, writing
from .errors import NotFound, ProductInvalid, platform_message, product_label
from .rows import PlatformCodeRow


def replace_codes(session: Session, product_id: int, codes: Sequence[tuple[str, str]]) -> None:
    """The product's codes become `codes` (already cleaned and checked)."""
    session.execute(delete(PlatformCode).where(PlatformCode.product_id == product_id))
    if codes:
        session.execute(
            insert(PlatformCode),
            [{"platform": p, "code": c, "product_id": product_id} for p, c in codes],
        )


def code_conflict(session: Session, codes: Sequence[tuple[str, str]], product_id: Optional[int]) -> Optional[Message]:
    """Why `codes` cannot be given to product `product_id` (None: a new product): an unknown
    platform or a code of another product. None when they can."""
    for platform, code in codes:
        if platform not in Platform.ALL:
            return Message("common.unknown_platform", value=platform, choices=", ".join(Platform.ALL))
        other = session.execute(
            select(Product.id, Product.name, Product.spec, Product.sku)
            .join(PlatformCode, PlatformCode.product_id == Product.id)
            .where(PlatformCode.platform == platform, PlatformCode.code == code)
        ).first()
        if other is not None and other.id != product_id:
            return Message(
                "catalogue.platform_code_taken",
                platform=platform_message(platform),
                code=code,
                product=product_label(other.name, other.spec, other.sku, other.id),
            )
    return None


def set_platform_codes(db: Database, product_id: int, codes: Sequence[tuple[str, str]]) -> tuple[PlatformCodeRow, ...]:
    """Replace the product's platform codes (platform, platform product id / SKU code).

    A code already mapped to another product is refused (ProductInvalid on field
    "platform_codes", naming that product).
    """
    valid, errors = clean_product(ProductInput(name="-", platform_codes=list(codes)))
    if "platform_codes" in errors:
        raise ProductInvalid({"platform_codes": errors["platform_codes"]})
    assert valid is not None and valid.platform_codes is not None
    with writing(db) as session:
        if session.execute(select(Product.id).where(Product.id == product_id)).scalar() is None:
            raise NotFound("product", product_id)
        message = code_conflict(session, valid.platform_codes, product_id)
        if message:
            raise ProductInvalid({"platform_codes": message})
        replace_codes(session, product_id, valid.platform_codes)
        session.execute(update(Product).where(Product.id == product_id).values(updated_at=now()))
        rows = session.execute(
            select(PlatformCode.id, PlatformCode.platform, PlatformCode.code)
            .where(PlatformCode.product_id == product_id)
            .order_by(PlatformCode.platform, PlatformCode.code)
        )
        return tuple(PlatformCodeRow(platform=r.platform, code=r.code, id=r.id) for r in rows)


def find_by_platform_code(db: Database, platform: str, code: str) -> Optional[int]:
    """The product mapped to (platform, code), if any (importers match on this first)."""
    with reading(db) as conn:
        return conn.execute(
            select(PlatformCode.product_id).where(PlatformCode.platform == platform, PlatformCode.code == clean_sku(code))
        ).scalar()


__all__ = ["replace_codes", "code_conflict", "set_platform_codes", "find_by_platform_code"]
