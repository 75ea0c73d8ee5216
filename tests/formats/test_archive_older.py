"""Archives written by an older Reciprocity (an older database version) import into this
one, upgraded by the same steps that upgrade an old database file."""

from __future__ import annotations

import json

import pytest
from peewee import SqliteDatabase

from desktop.core import people
from desktop.formats import archive
from desktop.store import connection, migrations


def _old_network(path, version: int) -> SqliteDatabase:
    """A database of *version* holding a company, a person with an action, and an
    opportunity, written as the program of that version would."""
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    old.connect()
    migrations.migrate(old, None, steps=migrations.STEPS[:version])
    for sql in (
        "INSERT INTO company (name, name_key, created_at, updated_at)"
        " VALUES ('Acme', 'acme', '2025-01-01 09:00:00', '2025-01-01 09:00:00')",
        "INSERT INTO person (name, sort_key, company_id, email, created_at, updated_at)"
        " VALUES ('Lisette Schutte, PhD', 'lisette schutte, phd', 1, 'lisette@acme.example',"
        " '2025-01-01 09:00:00', '2025-01-01 09:00:00')",
        "INSERT INTO action (occurred_on, direction, kind, counterpart_id, summary, weight,"
        " created_at) VALUES ('2025-02-03', 'given', 'referral', 1, 'Referred Sam', 2,"
        " '2025-02-03 10:00:00')",
        "INSERT INTO opportunity (company_id, title, status, status_changed_on, created_at,"
        " updated_at) VALUES (1, 'Data lead', 'applied', '2025-03-02',"
        " '2025-01-01 10:00:00', '2025-03-02 10:00:00')",
    ):
        old.execute_sql(sql)
    if version >= 2:  # from version 2 on, the program kept each status with its day
        old.execute_sql(
            "INSERT INTO opportunity_history (opportunity_id, status, changed_on)"
            " VALUES (1, 'applied', '2025-03-02')"
        )
    return old


@pytest.mark.parametrize("version", range(1, migrations.LATEST_VERSION))
def test_an_archive_of_an_older_version_is_upgraded_as_it_comes_in(database, tmp_path, version):
    old = _old_network(tmp_path / f"v{version}.sqlite3", version)
    written = tmp_path / f"v{version}.json"
    try:
        archive.export(written, old)
    finally:
        old.close()
    assert json.loads(written.read_text())["schema_version"] == version

    counts = archive.import_into(written)

    assert (counts["person"], counts["company"], counts["action"]) == (1, 1, 1)
    person_id = people.person_named("Lisette Schutte, PhD")
    assert person_id is not None
    kept = people.get_person(person_id)
    assert (kept.company, kept.email) == ("Acme", "lisette@acme.example")
    # What later versions added comes as their steps make it, never guessed.
    assert (kept.given_name, kept.family_name, kept.name_suffix) == ("", "", "")
    db = connection.db
    history = db.execute_sql("SELECT status, changed_on FROM opportunity_history").fetchall()
    assert history == [("applied", "2025-03-02")]
    aliases = db.execute_sql("SELECT count(*) FROM skill_alias").fetchone()[0]
    assert aliases > 0  # the common short forms, as a new database of this version has
    assert people.find_people("Lisette")  # the search index was built
    day = db.execute_sql("SELECT count(*) FROM action_day").fetchone()[0]
    assert day == 1  # the timeline's summaries too
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    # Nothing of the scratch database is left behind.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".archive-")) == []


def test_a_broken_old_archive_leaves_the_network_empty_and_no_scratch_file(database, tmp_path):
    old = _old_network(tmp_path / "v2.sqlite3", 2)
    written = tmp_path / "v2.json"
    try:
        archive.export(written, old)
    finally:
        old.close()
    document = json.loads(written.read_text())
    document["tables"]["action"]["rows"][0][4] = 99  # a counterpart the archive lacks
    written.write_text(json.dumps(document))

    with pytest.raises(archive.ArchiveError, match="refers to a row the archive does not hold"):
        archive.import_into(written)

    assert archive.holdings() == ""
    leftovers = [p.name for p in tmp_path.rglob(".archive-*")]
    assert leftovers == []


def test_an_old_archive_whose_tables_do_not_match_its_version_is_refused(database, tmp_path):
    old = _old_network(tmp_path / "v1.sqlite3", 1)
    written = tmp_path / "v1.json"
    try:
        archive.export(written, old)
    finally:
        old.close()
    document = json.loads(written.read_text())
    document["tables"]["person"]["columns"].append("given_name")
    for row in document["tables"]["person"]["rows"]:
        row.append("Lisette")
    written.write_text(json.dumps(document))

    with pytest.raises(archive.ArchiveError, match="unknown given_name"):
        archive.import_into(written)
    assert archive.holdings() == ""
