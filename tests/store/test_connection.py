"""Opening the database: pragmas, permissions, schema version, refusing newer files."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from desktop.store import connection, migrations
from desktop.store.models import ALL_MODELS

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def pragma(name):
    return connection.db.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_pragmas_are_set(database):
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL


def test_new_database_has_latest_schema_version(database):
    assert pragma("user_version") == migrations.LATEST_VERSION == 3


@posix_only
def test_new_file_and_folder_are_private(tmp_path):
    path = connection.open_database(tmp_path / "private" / "data.sqlite3")
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        connection.close_database()


def test_models_match_the_schema(database):
    """Every model field is a column of its table, so the models and the SQL agree."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in connection.db.execute_sql(f"PRAGMA table_info({table})")}
        assert columns, f"table {table} is missing"
        fields = {field.column_name for field in model._meta.sorted_fields}
        assert fields == columns, table


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
