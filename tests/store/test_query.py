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
