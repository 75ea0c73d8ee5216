"""Reads run through one typed door: rows come back by column name.

A read is either a peewee query built on the models (`Person.select(...).where(...)`) or,
where peewee cannot say it well or is measurably slower (FTS5 `MATCH`, window functions,
the summary tables, recursive chains, the hot list and timeline pages), SQL text kept
beside the code that needs it. Either way its rows are mapped here onto a dataclass or
NamedTuple by the names SQLite gives the columns (a model field's column name, or its
alias), so a reordered column can never land in the wrong field. A column the type does
not name is an error at once.

Every helper runs on the shared `db` unless given a `database`: another peewee database,
or a plain `sqlite3.Connection` (the backups' and the file checks' own connections).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from operator import itemgetter
from typing import Any, TypeVar, get_type_hints

from peewee import BaseQuery, Field, Model

from desktop.store.connection import db

T = TypeVar("T")
Params = Sequence[object]
#: SQL text (with its parameters passed beside it), or a peewee query carrying its own.
Sql = str | BaseQuery


def rows(sql: Sql, params: Params = (), *, into: type[T], database: Any = None) -> list[T]:
    """Every row of *sql* as an *into*, its fields filled by column name; ISO text becomes a
    `date` where the field is typed `date` (or `date | None`), 0 and 1 a `bool` where it is
    typed `bool`."""
    return list(each(sql, params, into=into, database=database))


def each(sql: Sql, params: Params = (), *, into: type[T], database: Any = None) -> Iterator[T]:
    """`rows`, one at a time, for results too long to hold."""
    cursor = _run(sql, params, database)
    return map(_maker(into, tuple(d[0] for d in cursor.description)), cursor)


def row(sql: Sql, params: Params = (), *, into: type[T], database: Any = None) -> T | None:
    """The first row of *sql* as an *into*, or None when there is none."""
    return next(each(sql, params, into=into, database=database), None)


def value(sql: Sql, params: Params = (), *, database: Any = None) -> Any:
    """The single value of a one-column query (None when no row)."""
    found = _run(sql, params, database).fetchone()
    return None if found is None else found[0]


def column(sql: Sql, params: Params = (), *, database: Any = None) -> list[Any]:
    """The values of a one-column query, in order."""
    return [found[0] for found in _run(sql, params, database)]


def execute(sql: str, params: Params = (), *, database: Any = None) -> int:
    """Run a write or a statement that shapes a TEMP table; the id of the row it inserted
    (or the rows it changed for an update)."""
    cursor = _cursor(database, sql, params)
    if sql.lstrip()[:6].upper() == "INSERT" and cursor.lastrowid is not None:
        return cursor.lastrowid
    return cursor.rowcount


def insert(model: type[Model], values: Mapping[str, object], *, database: Any = None) -> int:
    """Insert one row of *model*, its *values* keyed by column name; the new row's id.

    The statement is made once for each set of columns and each value goes through its
    field's `db_value`, as peewee's `insert` does; for the writes importers make once a
    row, where peewee builds the same statement anew at some 25 times the cost.
    """
    fields = model._meta.columns
    unknown = [name for name in values if name not in fields]
    if unknown:
        raise TypeError(f"{model.__name__} has no column for {', '.join(unknown)}")
    key = (model, tuple(values))
    if key not in _inserts:
        columns = ", ".join(f'"{name}"' for name in values)
        _inserts[key] = (
            f'INSERT INTO "{model._meta.table_name}" ({columns})'
            f" VALUES ({', '.join('?' * len(values))})"
        )
    params = [fields[name].db_value(value) for name, value in values.items()]
    cursor = _cursor(database, _inserts[key], params)
    return int(cursor.lastrowid or 0)


_inserts: dict[tuple[type[Model], tuple[str, ...]], str] = {}


def _run(sql: Sql, params: Params, database: Any) -> sqlite3.Cursor:
    """The cursor of *sql*: text with *params*, or a peewee query rendered with its own."""
    if not isinstance(sql, str):
        if params:
            raise TypeError("a peewee query carries its own parameters; pass none beside it")
        sql, params = sql.sql()
    return _cursor(database, sql, params)


def _cursor(database: Any, sql: str, params: Params) -> sqlite3.Cursor:
    """The cursor of *sql* run in *database*: a peewee database (`db` if None) or a plain
    sqlite3 connection."""
    if isinstance(database, sqlite3.Connection):
        return database.execute(sql, params)
    cursor: sqlite3.Cursor = (database or db).execute_sql(sql, params)
    return cursor


def fields_of(model: type[Model], into: type) -> list[Field[Any]]:
    """The fields of *model* whose column names are the fields of *into* (a dataclass or
    NamedTuple), in its order: what to select to fill one from a row of the table."""
    columns: dict[str, Field[Any]] = model._meta.columns
    missing = [name for name in _fields(into) if name not in columns]
    if missing:
        raise TypeError(f"{model.__name__} has no column for {', '.join(missing)}")
    return [columns[name] for name in _fields(into)]


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
    build = _builder(into, names, list(fields))
    if not converted:
        _makers[key] = build
        return build

    def make(values: Sequence[Any]) -> T:
        if converted:
            values = list(values)
            for i, convert in converted:
                if values[i] is not None:
                    values[i] = convert(values[i])
        made: T = build(values)
        return made

    _makers[key] = make
    return make


def _builder(
    into: type[T], names: tuple[str, ...], fields: list[str]
) -> Callable[[Sequence[Any]], T]:
    """What makes an *into* from values in the order of *names*. A NamedTuple whose every
    field is selected is filled in place, a third of the cost of passing names: the
    timeline, the lists and the figures map thousands of rows at a time."""
    if hasattr(into, "_fields") and sorted(names) == sorted(fields):
        new: Callable[..., T] = tuple.__new__  # what NamedTuple._make calls, without its checks
        if names == tuple(fields):
            return partial(new, into)  # in C: no Python frame per row
        pick = itemgetter(*(names.index(name) for name in fields))
        return lambda values: new(into, pick(values))
    return lambda values: into(**dict(zip(names, values, strict=True)))


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
    raw = database if isinstance(database, sqlite3.Connection) else (database or db).connection()
    return raw.executemany(sql, rows).rowcount


def column_batches(
    sql: str, params: Params = (), *, size: int, database: Any = None
) -> Iterator[list[Any]]:
    """The values of a one-column query, *size* at a time, for results too long to hold."""
    cursor = _cursor(database, sql, params)
    while found := cursor.fetchmany(size):
        yield [values[0] for values in found]


def copy(select: str, insert: str, *, source: Any, target: Any = None, size: int = 10_000) -> int:
    """Feed every row of *select* (run in *source*) to *insert* (in *target*), *size* rows
    at a time; the rows copied. The two statements name the same columns in the same
    order, so the rows pass from one to the other without being taken apart."""
    cursor = _cursor(source, select, ())
    copied = 0
    while found := cursor.fetchmany(size):
        execute_many(insert, found, database=target)
        copied += len(found)
    return copied


def mapping(sql: str, params: Params = (), *, database: Any = None) -> dict[str, Any] | None:
    """The first row of *sql* as {column name: value}, or None: for a SELECT list made at
    run time, which no dataclass could name."""
    cursor = _cursor(database, sql, params)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip((d[0] for d in cursor.description), found, strict=True))
