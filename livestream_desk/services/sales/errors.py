"""The sales services' errors: each carries a message code (messages/texts/sales.py)."""
from __future__ import annotations

from typing import Mapping

from ...messages import Message, Problem
from ..errors import UserError


class SalesProblem(UserError, Problem):
    """A sales request that cannot be carried out; nothing was written."""


class SaleInvalid(SalesProblem):
    """A sale the rules refuse; `errors` maps SaleInput field names to Messages, so the
    entry dialog shows each next to its field."""

    def __init__(self, errors: Mapping[str, Message]):
        self.errors: dict[str, Message] = dict(errors)
        super().__init__("sales.sale_invalid", problems=tuple(self.errors.values()))


class SaleNotFound(SalesProblem):
    """The sale line was deleted meanwhile (on this or another PC)."""

    def __init__(self, sale_id: int):
        super().__init__("common.deleted_meanwhile")
        self.sale_id = sale_id


__all__ = ["SalesProblem", "SaleInvalid", "SaleNotFound"]
