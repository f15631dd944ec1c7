"""商品 Catalogue page: products, search, editing, stock, import and export."""
from .page import CataloguePage

__all__ = ["CataloguePage"]
