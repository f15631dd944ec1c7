"""Which catalogue product an order line is (DESIGN §6), in this order:

1. the platform's product id learned before (platform_codes: (platform, 商品ID) → product);
2. the seller's own code (商家编码 / SKU编码 / 货号) = the product's sku, in any letter case or
   width (domain.validation.sku_key, the products.sku_key column);
3. the exact product name (a product with the same spec preferred; 京东 writes name and spec
   as one 商品名称, so "name spec" matches too);
4. otherwise unmatched: the preview lists it, to be mapped to a product or created.
"""
from __future__ import annotations

from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Optional

from sqlalchemy import Connection, select

from ...db.models import PlatformCode, Product
from ...domain.validation import sku_key
from .lines import OrderLine


@dataclass(frozen=True)
class UnmatchedProduct:
    """A product of the file that no catalogue product matches, with what the file says of it."""

    key: str  # how the lines of this product are grouped (stable within one preview)
    platform: str
    name: str
    spec: str
    seller_code: str
    platform_product_id: str
    lines: int
    units: int
    unit_price_fen: int  # the price of its first line: a starting point for a new product


# A file repeats a few codes over many lines: normalise each once (100,000 lines: 0.3 s).
_code_key = lru_cache(maxsize=1 << 14)(sku_key)


def unmatched_key(line: OrderLine) -> str:
    if line.seller_code:
        return f"code\x1f{_code_key(line.seller_code) or line.seller_code}"
    if line.platform_product_id:
        return f"id\x1f{line.platform}\x1f{line.platform_product_id}"
    return f"name\x1f{line.item_name}\x1f{line.spec}"


class ProductMatcher:
    """The catalogue's codes and names, loaded once for a whole file."""

    def __init__(self, conn: Connection, platforms: Iterable[str]) -> None:
        platforms = sorted(set(platforms))
        self.codes: dict[tuple[str, str], int] = {
            (r.platform, r.code): r.product_id
            for r in conn.execute(
                select(PlatformCode.platform, PlatformCode.code, PlatformCode.product_id).where(
                    PlatformCode.platform.in_(platforms)
                )
            )
        }
        # The code as stored and its key (a code as the file writes it is most often the
        # stored one: no key to compute then). A product whose code clashed has no key: not
        # matched by its code until it is reviewed.
        self.skus: dict[str, int] = {}
        self.names: dict[str, list[tuple[int, str, bool]]] = {}
        columns = (Product.id, Product.sku, Product.sku_key, Product.name, Product.spec, Product.archived)
        for r in conn.execute(select(*columns).order_by(Product.id)):
            if r.sku_key:
                self.skus[r.sku] = self.skus[r.sku_key] = r.id
            self.names.setdefault(r.name, []).append((r.id, r.spec, bool(r.archived)))
            if r.spec:
                self.names.setdefault(f"{r.name} {r.spec}", []).append((r.id, r.spec, bool(r.archived)))

    def match(self, line: OrderLine) -> Optional[int]:
        if line.platform_product_id:
            found = self.codes.get((line.platform, line.platform_product_id))
            if found is not None:
                return found
        if line.seller_code:
            found = self.skus.get(line.seller_code)
            if found is None:
                key = _code_key(line.seller_code)
                found = self.skus.get(key) if key else None
            if found is not None:
                return found
        candidates = self.names.get(line.item_name)
        if candidates:
            same_spec = [c for c in candidates if c[1] == line.spec]
            # The same spec first, then products still on sale, then the oldest.
            best = min(same_spec or candidates, key=lambda c: (c[2], c[0]))
            return best[0]
        return None

    def learn(self, platform: str, code: str, product_id: int) -> None:
        self.codes[(platform, code)] = product_id


def match_lines(matcher: ProductMatcher, lines: list[OrderLine]) -> tuple[list[Optional[int]], list[UnmatchedProduct]]:
    """The product of each line (None when unmatched) and the unmatched products, grouped."""
    products: list[Optional[int]] = []
    groups: dict[str, list[OrderLine]] = {}
    for line in lines:
        found = matcher.match(line)
        products.append(found)
        if found is None:
            groups.setdefault(unmatched_key(line), []).append(line)
    unmatched = [
        UnmatchedProduct(
            key=key,
            platform=group[0].platform,
            name=group[0].item_name,
            spec=group[0].spec,
            seller_code=group[0].seller_code,
            platform_product_id=group[0].platform_product_id,
            lines=len(group),
            units=sum(line.quantity for line in group),
            unit_price_fen=group[0].unit_price_fen,
        )
        for key, group in groups.items()
    ]
    return products, unmatched





@dataclass(frozen=True)
class ProductChoice:
    """A catalogue product an unmatched product of a file can be mapped to."""

    id: int
    name: str
    spec: str
    sku: str

    @property
    def label(self) -> str:
        text = f"{self.name} {self.spec}".strip()
        return f"{text} ({self.sku})" if self.sku else text


def product_choices(db) -> list[ProductChoice]:
    """Every product not archived, by name (the dialog's searchable list)."""
    from .. import uow

    with uow.reading(db) as conn:
        rows = conn.execute(
            select(Product.id, Product.name, Product.spec, Product.sku).where(Product.archived.is_(False)).order_by(Product.name_sort, Product.name, Product.spec)
        )
        return [ProductChoice(r.id, r.name, r.spec, r.sku or "") for r in rows]
__all__ = ["UnmatchedProduct", "ProductMatcher", "ProductChoice", "match_lines", "unmatched_key", "product_choices"]
