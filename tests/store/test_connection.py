"""Opening the database: pragmas, permissions, schema version, refusing newer files."""

from __future__ import annotations

import os
import sqlite3
import stat

import peewee
import pytest
from peewee import ForeignKeyField

from desktop.store import connection, migrations
from desktop.store.models import ALL_MODELS

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def pragma(name):
    return connection.db.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_pragmas_are_set(database):
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("cell_size_check") == 1


def test_a_page_whose_cells_point_into_its_header_is_found_damaged(tmp_path, monkeypatch):
    """A damaged page is refused as it is read. Unchecked, SQLite would read these cells
    as rows with no name, and show them as if nothing were wrong."""
    path = tmp_path / "cells.sqlite3"
    connection.open_database(path)
    with connection.db.atomic():
        for number in range(400):
            connection.db.execute_sql(
                "INSERT INTO company (name, name_key, created_at, updated_at) "
                "VALUES (?, ?, '', '')",
                (f"Company {number} " + "x" * 40, f"company {number}"),
            )
    connection.close_database()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (leaf,) = con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'company' AND pagetype = 'leaf' LIMIT 1"
    ).fetchone()
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as handle:
        handle.seek((leaf - 1) * page_size)
        cells = int.from_bytes(handle.read(8)[3:5], "big")
        # Every cell pointer at byte 16 of the page, inside the pointers themselves, where
        # the bytes 00 10 read as a cell of no payload.
        handle.write(b"\x00\x10" * cells)
    monkeypatch.setattr(connection, "CHECK_AT_OPEN_BYTES", 0)  # the read must find it
    connection.open_database(path)
    try:
        with pytest.raises(peewee.DatabaseError, match="malformed"):
            connection.db.execute_sql("SELECT name FROM company").fetchall()
    finally:
        connection.close_database()


def test_new_database_has_latest_schema_version(database):
    assert pragma("user_version") == migrations.LATEST_VERSION == 5


@posix_only
def test_new_file_and_folder_are_private(tmp_path):
    path = connection.open_database(tmp_path / "private" / "data.sqlite3")
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        connection.close_database()


def _sql_literal(value):
    """A model field's default as the schema writes it in DEFAULT (None: no default)."""
    if value is None or callable(value):
        return None
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def test_models_match_the_schema(database):
    """The models describe the schema exactly: every column a field and every field a
    column, with the schema's nullability, defaults, keys and foreign keys."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {
            name: (notnull, default, pk)
            for _cid, name, _type, notnull, default, pk in connection.db.execute_sql(
                f"PRAGMA table_info({table})"
            )
        }
        assert columns, f"table {table} is missing"
        fields = {field.column_name: field for field in model._meta.sorted_fields}
        assert set(fields) == set(columns), table
        for name, field in fields.items():
            notnull, default, pk = columns[name]
            where = f"{table}.{name}"
            # SQLite reports an INTEGER PRIMARY KEY (the rowid) as nullable; it never is.
            assert field.null == (not notnull and not pk), f"{where}: null={field.null}"
            assert _sql_literal(field.default) == default, f"{where}: default {field.default!r}"
        keys = sorted(name for name, (_n, _d, pk) in columns.items() if pk)
        pk_fields = model._meta.get_primary_keys()
        assert sorted(f.column_name for f in pk_fields) == keys, f"{table} primary key"
        foreign = {
            row[3]: (row[2], row[4], row[6])  # from -> (table, to, on_delete)
            for row in connection.db.execute_sql(f"PRAGMA foreign_key_list({table})")
        }
        declared = {
            f.column_name: (f.rel_model._meta.table_name, f.rel_field.column_name, f.on_delete)
            for f in fields.values()
            if isinstance(f, ForeignKeyField)
        }
        assert declared == foreign, f"{table} foreign keys"


def test_every_table_has_a_model(database):
    """Only the full-text indexes (virtual tables, and SQLite's tables behind them) are
    left to SQL: each other table is a model."""
    found = dict(
        connection.db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    )
    virtual = {name for name, sql in found.items() if sql.startswith("CREATE VIRTUAL TABLE")}
    behind = {n for n in found for v in virtual if n.startswith(v + "_")}  # FTS5's own tables
    plain = set(found) - virtual - behind
    assert plain == {model._meta.table_name for model in ALL_MODELS}
    assert virtual == {"person_search", "action_search"}


def test_foreign_keys_are_enforced(database):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        connection.db.execute_sql(
            "INSERT INTO person_role (person_id, role) VALUES (999, 'mentor')"
        )


def test_database_newer_than_program_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE thing (x)")
    con.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(connection.DatabaseError, match="newer version of Reciprocity"):
        connection.open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite3"]


def test_file_that_is_not_a_database_is_refused_with_words(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(connection.DatabaseError, match="is not a Reciprocity database"):
        connection.open_database(path)
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(connection.DatabaseError, match="is a folder"):
        connection.open_database(tmp_path)


def test_impossible_location_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(connection.DatabaseError, match="could not create"):
        connection.open_database(blocker / "x.sqlite3")


def test_quick_check_reports_ok(database):
    assert connection.quick_check() == "ok"


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "keep.sqlite3"
    connection.open_database(path)
    connection.db.execute_sql(
        "INSERT INTO company (name, name_key, created_at, updated_at) VALUES ('A', 'a', '', '')"
    )
    connection.close_database()
    connection.open_database(path)
    try:
        assert connection.db.execute_sql("SELECT name FROM company").fetchall() == [("A",)]
    finally:
        connection.close_database()


def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "bookmarks.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmarks (url TEXT)")
    con.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(connection.DatabaseError, match="database of another program"):
        connection.open_database(path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    connection.open_database(path)
    try:
        assert pragma("user_version") == migrations.LATEST_VERSION
    finally:
        connection.close_database()


def test_text_keys_take_the_same_view_of_ascii_on_the_fast_path():
    """ASCII skips the Unicode work; the keys must be those the full path gives."""
    import string
    import unicodedata

    from desktop.store import textkeys

    def slow_fold(text):
        decomposed = unicodedata.normalize(
            "NFKD", textkeys._visible(text + "é")[:-1].translate(textkeys._BASE_LETTERS)
        )
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return " ".join(bare.split()).casefold()

    samples = [string.printable, "  Ada   LOVELACE\t", "O'Brien-Smith & Co.", "", "x\x00y"]
    for text in samples:
        assert textkeys.fold(text) == slow_fold(text)
        assert (
            textkeys.name_key(text)
            == " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
        )
