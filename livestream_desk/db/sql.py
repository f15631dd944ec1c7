"""SQL expressions that differ by dialect, written once for SQLite and PostgreSQL."""
from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


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
