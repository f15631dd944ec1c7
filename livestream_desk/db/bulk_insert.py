"""Many rows written by one executemany on SQLite, through the DBAPI cursor: the bulk writes of
imports (sale lines, products, stock movements) without SQLAlchemy's per-row bookkeeping."""
from __future__ import annotations

from datetime import datetime
from operator import itemgetter
from typing import Any, Sequence

from sqlalchemy import Connection, Table, insert


def values_getter(names: Sequence[str]):
    """row → tuple of its values for `names`."""
    if len(names) == 1:
        name = names[0]
        return lambda row: (row[name],)
    return itemgetter(*names)


def insert_rows(conn: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """One executemany of `rows` (values in the order of `names`) into `table` on SQLite,
    converted by the columns' own bind processors: what `conn.execute(insert(table), dicts)`
    does, without SQLAlchemy's per-row parameter bookkeeping (about half the time of a
    100,000-line import). The caller makes sure the rows name every column with a
    Python-side default: nothing is filled in here."""
    dialect = conn.dialect
    names = list(names)
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    order = list(compiled.positiontup or ())
    if sorted(order) != sorted(names):  # not the plain statement expected: let SQLAlchemy do it
        conn.execute(insert(table), [dict(zip(names, r)) for r in rows])
        return
    converters = []
    for position, name in enumerate(order):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            converters.append((position, _remembering(_quick_datetimes(process))))
    params: Sequence = rows
    if order != names:
        get = values_getter([names.index(name) for name in order])
        params = [get(r) for r in params]
    if converters and params:
        # Column by column: the columns to convert go through their processor once per
        # distinct value (a batch's times repeat), the rest is transposed in C.
        columns = list(zip(*params))
        for position, process in converters:
            columns[position] = _converted(columns[position], process)
        params = list(zip(*columns))
    conn.exec_driver_sql(compiled.string, params)


def _converted(values: Sequence[Any], process) -> Sequence[Any]:
    """`process` of each value; for naive datetimes (and None) computed once per distinct
    value (aware ones are left out: equal instants in two zones are written differently)."""
    if set(map(type, values)) <= {datetime, type(None)}:
        distinct = dict.fromkeys(values)
        if all(value is None or value.tzinfo is None for value in distinct):
            for value in distinct:
                distinct[value] = process(value)
            return list(map(distinct.__getitem__, values))
    return list(map(process, values))


_PROBE = datetime(2001, 2, 3, 4, 5, 6, 7)


def _quick_datetimes(process):
    """`process`, with naive datetimes formatted by `isoformat` when that gives exactly what
    `process` does (SQLite's DATETIME storage format; checked on a probe value)."""
    try:
        same = process(_PROBE) == _PROBE.isoformat(" ", "microseconds")
    except Exception:  # not a datetime column
        same = False
    if not same:
        return process

    def convert(value):
        if value.__class__ is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return process(value)

    return convert


def _remembering(process):
    """`process` that reuses its last result for the same value (a batch's created_at)."""
    last: list = [object(), None]

    def convert(value):
        if value is last[0]:
            return last[1]
        if value is None:
            return process(value)
        if value.__class__ is last[0].__class__ and value == last[0]:
            return last[1]
        result = process(value)
        last[0], last[1] = value, result
        return result

    return convert


__all__ = ["insert_rows", "values_getter"]
