"""The catalogue's errors: each carries a message code (messages/texts/catalogue.py, product.py)."""
from __future__ import annotations

from typing import Mapping, Optional

from ...domain.validation import platform_message
from ...messages import Message, Problem
from ..errors import UserError


class CatalogueProblem(UserError, Problem):
    """A catalogue request that cannot be carried out; nothing was written."""


class ProductInvalid(CatalogueProblem):
    """A product the rules refuse; `errors` maps ProductInput field names to Messages, so the
    editor shows each next to its field (and an import row names the column)."""

    def __init__(self, errors: Mapping[str, Message]):
        self.errors: dict[str, Message] = dict(errors)
        super().__init__("catalogue.product_invalid", problems=tuple(self.errors.values()))


class NotFound(CatalogueProblem):
    """The product (category, producer) was deleted meanwhile."""

    def __init__(self, what: str = "product", id: Optional[int] = None):
        super().__init__("common.deleted_meanwhile")
        self.what = what
        self.id = id


def product_label(name: str, spec: str = "", sku: Optional[str] = "", product_id: Optional[int] = None) -> str:
    """How a message names a product: “婺源皇菊 50朵/盒” (JX-HJ-050). User data, no words to
    translate: it is a plain text parameter of the message."""
    text = f"“{name}{' ' + spec if spec else ''}”"
    if sku:
        text += f" ({sku})"
    elif product_id is not None:
        text += f" (#{product_id})"
    return text


__all__ = ["CatalogueProblem", "ProductInvalid", "NotFound", "product_label", "platform_message"]
