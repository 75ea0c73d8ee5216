"""The typed door for hand-written SQL: rows by column name, never by position."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pytest

from desktop.store import query


class Pair(NamedTuple):
    when: date | None
    flag: bool
    name: str


@dataclass
class Kept:
    name: str
    count: int = 0


def test_columns_land_in_the_fields_of_their_names_whatever_the_order(database):
    found = query.rows("SELECT 'Ada' AS name, 1 AS flag, '2026-12-03' AS \"when\"", into=Pair)
    assert found == [Pair(when=date(2026, 12, 3), flag=True, name="Ada")]
    assert isinstance(found[0].flag, bool)


def test_a_missing_value_stays_none_and_defaults_fill_unselected_fields(database):
    assert query.row("SELECT NULL AS \"when\", 0 AS flag, '' AS name", into=Pair) == Pair(
        None, False, ""
    )
    assert query.row("SELECT 'Zoë' AS name", into=Kept) == Kept("Zoë", 0)


def test_a_column_the_type_does_not_name_is_refused(database):
    with pytest.raises(TypeError, match=r"Kept has no field for the column\(s\) counted"):
        query.rows("SELECT 'Ada' AS name, 3 AS counted", into=Kept)


def test_only_dataclasses_and_named_tuples(database):
    with pytest.raises(TypeError, match="dataclass or a NamedTuple"):
        query.rows("SELECT 1 AS x", into=dict)


def test_no_row_is_none_and_values_and_columns_are_single_columns(database):
    assert query.row("SELECT 'a' AS name WHERE 0", into=Kept) is None
    assert query.value("SELECT 7") == 7
    assert query.value("SELECT 7 WHERE 0") is None
    assert query.column("SELECT 1 UNION ALL SELECT 2 ORDER BY 1") == [1, 2]


def test_execute_says_the_new_id_or_the_rows_changed(database):
    first = query.execute(
        "INSERT INTO company (name, name_key, created_at, updated_at) VALUES ('A', 'a', '', '')"
    )
    second = query.execute(
        "INSERT INTO company (name, name_key, created_at, updated_at) VALUES ('B', 'b', '', '')"
    )
    assert second == first + 1
    assert query.execute("UPDATE company SET industry = 'x'") == 2


def _companies(names):
    return [(name, name.lower(), "", "") for name in names]


_INSERT_COMPANY = "INSERT INTO company (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)"


def test_execute_many_writes_every_row_and_says_how_many(database):
    assert query.execute_many(_INSERT_COMPANY, _companies(["A", "B", "C"])) == 3
    assert query.column("SELECT name FROM company ORDER BY id") == ["A", "B", "C"]


def test_execute_many_lets_sqlites_own_error_through(database):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        query.execute_many(_INSERT_COMPANY, _companies(["A", "a"]))


def test_column_batches_hands_out_every_value_in_order_a_batch_at_a_time(database):
    query.execute_many(_INSERT_COMPANY, _companies(f"C{n}" for n in range(5)))
    batches = list(query.column_batches("SELECT name FROM company ORDER BY id", size=2))
    assert batches == [["C0", "C1"], ["C2", "C3"], ["C4"]]
    assert list(query.column_batches("SELECT name FROM company WHERE 0", size=2)) == []


def test_copy_feeds_the_rows_of_one_database_to_another(database, tmp_path):
    from peewee import SqliteDatabase

    source = SqliteDatabase(str(tmp_path / "source.sqlite3"))
    source.execute_sql("CREATE TABLE c (name TEXT, name_key TEXT)")
    for n in range(5):
        source.execute_sql("INSERT INTO c VALUES (?, ?)", (f"C{n}", f"c{n}"))
    copied = query.copy(
        "SELECT name, name_key FROM c ORDER BY rowid",
        "INSERT INTO company (name, name_key, created_at, updated_at) VALUES (?, ?, '', '')",
        source=source,
        size=2,
    )
    source.close()
    assert copied == 5
    assert query.column("SELECT name_key FROM company ORDER BY id") == [f"c{n}" for n in range(5)]


def test_mapping_names_each_value_by_its_column(database):
    assert query.mapping("SELECT 1 AS \"key 0\", 'x' AS wrong") == {"key 0": 1, "wrong": "x"}
    assert query.mapping("SELECT 1 AS one WHERE 0") is None
