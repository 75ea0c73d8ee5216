"""Hand-written SQL, run through one typed door: rows come back by column name.

The queries peewee cannot say well (FTS5 `MATCH`, window functions, the summary tables,
recursive chains) stay SQL, beside the code that needs them; their rows are mapped here
onto a dataclass or NamedTuple by the names in the SELECT list, so a reordered column can
never land in the wrong field. A column the type does not name is an error at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar, get_type_hints

from desktop.store.connection import db

T = TypeVar("T")
Params = Sequence[object]


def rows(sql: str, params: Params = (), *, into: type[T], database: Any = None) -> list[T]:
    """Every row of *sql* as an *into*, its fields filled by column name; ISO text becomes a
    `date` where the field is typed `date` (or `date | None`), 0 and 1 a `bool` where it is
    typed `bool`."""
    return list(each(sql, params, into=into, database=database))


def each(sql: str, params: Params = (), *, into: type[T], database: Any = None) -> Iterator[T]:
    """`rows`, one at a time, for results too long to hold."""
    cursor = (database or db).execute_sql(sql, params)
    make = _maker(into, tuple(d[0] for d in cursor.description))
    for values in cursor:
        yield make(values)


def row(sql: str, params: Params = (), *, into: type[T], database: Any = None) -> T | None:
    """The first row of *sql* as an *into*, or None when there is none."""
    return next(each(sql, params, into=into, database=database), None)


def value(sql: str, params: Params = (), *, database: Any = None) -> Any:
    """The single value of a one-column query (None when no row)."""
    found = (database or db).execute_sql(sql, params).fetchone()
    return None if found is None else found[0]


def column(sql: str, params: Params = (), *, database: Any = None) -> list[Any]:
    """The values of a one-column query, in order."""
    return [found[0] for found in (database or db).execute_sql(sql, params)]


def execute(sql: str, params: Params = (), *, database: Any = None) -> int:
    """Run a write; the id of the row it inserted (or the rows it changed for an update)."""
    cursor = (database or db).execute_sql(sql, params)
    if sql.lstrip()[:6].upper() == "INSERT" and cursor.lastrowid is not None:
        return cursor.lastrowid
    return cursor.rowcount


_makers: dict[tuple[type, tuple[str, ...]], Callable[[Sequence[Any]], Any]] = {}


def _maker(into: type[T], names: tuple[str, ...]) -> Callable[[Sequence[Any]], T]:
    """A function from a row's values to an *into*, worked out once per type and columns."""
    key = (into, names)
    if key in _makers:
        return _makers[key]
    fields = _fields(into)
    unknown = [name for name in names if name not in fields]
    if unknown:
        raise TypeError(f"{into.__name__} has no field for the column(s) {', '.join(unknown)}")
    converted = [(i, convert) for i, name in enumerate(names) if (convert := fields[name])]

    def make(values: Sequence[Any]) -> T:
        if converted:
            values = list(values)
            for i, convert in converted:
                if values[i] is not None:
                    values[i] = convert(values[i])
        made: T = into(**dict(zip(names, values, strict=True)))
        return made

    _makers[key] = make
    return make


def _fields(into: type) -> dict[str, Callable[[Any], Any] | None]:
    """Each field's name, and what turns SQLite's value into the field's (None: as is)."""
    hints = get_type_hints(into)
    if dataclasses.is_dataclass(into):
        names = [f.name for f in dataclasses.fields(into)]
    elif hasattr(into, "_fields"):  # a NamedTuple
        names = list(into._fields)
    else:
        raise TypeError(f"rows map onto a dataclass or a NamedTuple, not {into.__name__}")
    return {name: _converter(hints.get(name)) for name in names}


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    kinds = (hint, *getattr(hint, "__args__", ()))  # date, or date | None
    if date in kinds:
        return _date
    if bool in kinds:
        return bool
    return None


def _date(text: Any) -> date:
    return date.fromisoformat(text) if isinstance(text, str) else text


# ---- bulk work and rows of a shape known only at run time ---------------------------


def execute_many(sql: str, rows: Sequence[Params], *, database: Any = None) -> int:
    """Run one write for each of *rows* (a bulk insert: far faster than a statement each);
    the rows changed. SQLite's own errors come through as they are (sqlite3.Error)."""
    cursor = (database or db).connection().executemany(sql, rows)
    return cursor.rowcount


def column_batches(
    sql: str, params: Params = (), *, size: int, database: Any = None
) -> Iterator[list[Any]]:
    """The values of a one-column query, *size* at a time, for results too long to hold."""
    cursor = (database or db).execute_sql(sql, params)
    while found := cursor.fetchmany(size):
        yield [values[0] for values in found]


def copy(select: str, insert: str, *, source: Any, target: Any = None, size: int = 10_000) -> int:
    """Feed every row of *select* (run in *source*) to *insert* (in *target*), *size* rows
    at a time; the rows copied. The two statements name the same columns in the same
    order, so the rows pass from one to the other without being taken apart."""
    cursor = source.execute_sql(select)
    copied = 0
    while found := cursor.fetchmany(size):
        execute_many(insert, found, database=target)
        copied += len(found)
    return copied


def mapping(sql: str, params: Params = (), *, database: Any = None) -> dict[str, Any] | None:
    """The first row of *sql* as {column name: value}, or None: for a SELECT list made at
    run time, which no dataclass could name."""
    cursor = (database or db).execute_sql(sql, params)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip((d[0] for d in cursor.description), found, strict=True))
