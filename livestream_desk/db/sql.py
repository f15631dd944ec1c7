"""SQL expressions that differ by dialect, written once for SQLite and PostgreSQL."""
from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import coercions, roles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal


class month_key(FunctionElement):
    """The calendar month of a timestamp as the integer YYYYMM (local time, no zone)."""

    type = Integer()
    inherit_cache = True
    name = "month_key"


@compiles(month_key)
def _month_key_default(element, compiler, **kw):
    (column,) = list(element.clauses)
    return "CAST(EXTRACT(YEAR FROM %s) * 100 + EXTRACT(MONTH FROM %s) AS INTEGER)" % (
        compiler.process(column, **kw),
        compiler.process(column, **kw),
    )


@compiles(month_key, "sqlite")
def _month_key_sqlite(element, compiler, **kw):
    (column,) = list(element.clauses)
    return f"CAST(strftime('%Y%m', {compiler.process(column, **kw)}) AS INTEGER)"


class nulls_low(ColumnElement):
    """An ORDER BY term that sorts NULL below every value, as SQLite does: first ascending,
    last descending.

    PostgreSQL sorts NULL above every value (a product without a cost would head the list
    sorted by margin, descending); there the order is spelled out with NULLS FIRST / LAST.
    SQLite gets the plain ASC / DESC it always had, so its query plans stay as they are.
    """

    inherit_cache = True
    _traverse_internals = [
        ("element", InternalTraversal.dp_clauseelement),
        ("descending", InternalTraversal.dp_boolean),
    ]

    def __init__(self, element, descending: bool = False):
        self.element = coercions.expect(roles.ExpressionElementRole, element)
        self.descending = bool(descending)


@compiles(nulls_low)
def _nulls_low_default(element, compiler, **kw):
    term = element.element.desc().nulls_last() if element.descending else element.element.asc().nulls_first()
    return compiler.process(term, **kw)


@compiles(nulls_low, "sqlite")
def _nulls_low_sqlite(element, compiler, **kw):
    term = element.element.desc() if element.descending else element.element.asc()
    return compiler.process(term, **kw)
