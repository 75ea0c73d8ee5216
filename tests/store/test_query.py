"""The typed door for hand-written SQL: rows by column name, never by position."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

import pytest
from peewee import Value, fn

from desktop.store import connection, query
from desktop.store.models import Company, Need, Person


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


def test_a_plain_sqlite3_connection_is_read_and_written_the_same_way(database):
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(":memory:")) as con:
        assert query.execute("CREATE TABLE c (name TEXT, n INTEGER)", database=con) == -1
        assert query.execute("INSERT INTO c VALUES ('A', 1)", database=con) == 1
        assert query.execute_many("INSERT INTO c VALUES (?, ?)", [("B", 2)], database=con) == 1
        assert query.rows("SELECT n AS count, name FROM c", into=Kept, database=con) == [
            Kept("A", 1),
            Kept("B", 2),
        ]
        assert query.value("PRAGMA user_version", database=con) == 0
        assert query.column("SELECT name FROM c ORDER BY n DESC", database=con) == ["B", "A"]
        assert query.mapping("SELECT count(*) AS n FROM c", database=con) == {"n": 2}
        # The shared database saw none of it.
        assert query.value("SELECT count(*) FROM sqlite_master WHERE name = 'c'") == 0


def test_mapping_names_each_value_by_its_column(database):
    assert query.mapping("SELECT 1 AS \"key 0\", 'x' AS wrong") == {"key 0": 1, "wrong": "x"}
    assert query.mapping("SELECT 1 AS one WHERE 0") is None


class Named(NamedTuple):
    id: int
    name: str
    is_target: bool
    company_id: int | None = None


def _company(name: str, target: bool = False) -> int:
    stamp = "2026-12-03 09:00:00"
    return int(
        Company.insert(
            name=name, name_key=name.lower(), is_target=target, created_at=stamp, updated_at=stamp
        ).execute()
    )


def test_a_peewee_query_maps_by_its_column_names_and_aliases(database):
    acme = _company("Acme", target=True)
    _company("Babbage")
    found = query.rows(
        Company.select(Company.name, Company.is_target, Company.id).order_by(Company.name),
        into=Named,
    )
    assert found == [Named(acme, "Acme", True), Named(acme + 1, "Babbage", False)]
    assert isinstance(found[0].is_target, bool)
    count = query.value(Company.select(fn.COUNT(Company.id)).where(Company.is_target == True))  # noqa: E712
    assert count == 1
    assert query.column(Company.select(Company.id).order_by(Company.id.desc())) == [acme + 1, acme]


def test_a_foreign_key_comes_back_under_its_column_name(database):
    acme = _company("Acme")
    stamp = "2026-12-03 09:00:00"
    Person.insert(name="Ada", company=acme, created_at=stamp, updated_at=stamp).execute()
    found = query.row(
        Person.select(Person.id, Person.name, Person.company, Value(False).alias("is_target")),
        into=Named,
    )
    assert found is not None and found.company_id == acme


def test_a_peewee_query_takes_no_parameters_beside_it(database):
    with pytest.raises(TypeError, match="carries its own parameters"):
        query.rows(Company.select(Company.name), (1,), into=Kept)


def test_fields_of_selects_the_columns_a_record_names(database):
    assert [f.column_name for f in query.fields_of(Company, KeptCompany)] == [
        "name",
        "is_target",
    ]
    with pytest.raises(TypeError, match="Company has no column for count"):
        query.fields_of(Company, Kept)


@dataclass
class KeptCompany:
    name: str
    is_target: bool


def test_days_and_stamps_are_written_as_the_schema_keeps_them(database):
    """ISO text, whatever sqlite3's own adapters would make of a date or a datetime."""
    acme = _company("Acme")
    stamp = datetime(2026, 12, 3, 14, 5, 9, 123456)
    need = Need.insert(
        company=acme, title="Data", learned_on=date(2026, 12, 1), created_at=stamp, updated_at=stamp
    ).execute()
    stored = connection.db.execute_sql(
        "SELECT learned_on, created_at FROM need WHERE id = ?", (need,)
    ).fetchone()
    assert stored == ("2026-12-01", "2026-12-03 14:05:09")
    made = Need.get_by_id(need)
    assert made.learned_on == date(2026, 12, 1)
    assert made.created_at == datetime(2026, 12, 3, 14, 5, 9)
    assert query.value(Need.select(Need.id).where(Need.learned_on < date(2026, 12, 2))) == need


def test_insert_writes_one_row_by_column_name_through_the_fields(database):
    acme = _company("Acme")
    stamp = datetime(2026, 12, 3, 14, 5, 9)
    need = query.insert(
        Need,
        {"company_id": acme, "title": "Data", "learned_on": date(2026, 12, 1),
         "created_at": stamp, "updated_at": stamp},
    )  # fmt: skip
    assert need == query.value(Need.select(Need.id).where(Need.title == "Data"))
    stored = connection.db.execute_sql(
        "SELECT company_id, learned_on, status, created_at FROM need WHERE id = ?", (need,)
    ).fetchone()
    assert stored == (acme, "2026-12-01", "open", "2026-12-03 14:05:09")  # the schema's default
    with pytest.raises(TypeError, match="Need has no column for company"):
        query.insert(Need, {"company": acme})
