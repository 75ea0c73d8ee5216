"""Check database finds each kind of problem and says it in words; Repair mends the
summaries and the search indexes, after a backup; a damaged file is for a restore."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import sample
from desktop.core import people
from desktop.store import backups, check, connection
from desktop.store.connection import db


@pytest.fixture
def network(tmp_path):
    """An open database holding a sample network of a few hundred pages."""
    path = connection.open_database(tmp_path / "net.sqlite3")
    sample.generate_network(db, people=300, companies=40, actions=4000)
    yield path
    connection.close_database()


def dump() -> dict[str, list]:
    tables = [
        t
        for (t,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    rows = {t: db.execute_sql(f"SELECT * FROM {t}").fetchall() for t in tables}
    rows["schema"] = db.execute_sql("SELECT type, name, sql FROM sqlite_master").fetchall()
    rows["temp"] = db.execute_sql("SELECT name FROM temp.sqlite_master").fetchall()
    return rows


def test_a_sound_network_passes_both_checks(network):
    full = check.run_check()
    assert full.ok and not full.repairable and full.findings == ()
    assert full.words() == (
        "No problems found: the file, the references between records, the timeline "
        "summaries and the search indexes are all in order."
    )
    quick = check.run_check(full=False)
    assert quick.ok and quick.words().startswith("No problems found by the quick check: ")
    assert full.seconds > 0


def test_the_check_changes_nothing(network):
    db.execute_sql("UPDATE action_day SET n = n + 5 WHERE day = (SELECT min(day) FROM action_day)")
    before = dump()
    areas = []
    assert not check.run_check(progress=areas.append).ok
    assert dump() == before
    assert areas == list(check.AREAS)


def test_a_broken_summary_row_is_found_and_repairable(network):
    db.execute_sql("UPDATE action_day SET n = n + 1 WHERE day = (SELECT min(day) FROM action_day)")
    db.execute_sql("DELETE FROM action_person WHERE person_id = (SELECT min(person_id)"
                   " FROM action_person)")  # fmt: skip
    report = check.run_check()
    (finding,) = report.findings
    assert finding == check.Finding(
        "summaries",
        "The timeline summaries are out of step with the actions for 1 day and 1 person, so "
        "the reciprocity figures may be wrong.",
        True,
    )
    assert report.repairable and not report.ok
    assert report.words().endswith(
        "Repair mends it (it makes a backup first); nothing you entered changes."
    )


def test_a_deleted_search_index_row_is_found(network):
    db.execute_sql("DELETE FROM person_search WHERE rowid = 5")
    db.execute_sql("DELETE FROM action_search WHERE rowid IN (7, 8)")
    db.execute_sql("UPDATE action_search SET summary = 'old words' WHERE rowid = 9")
    report = check.run_check()
    assert [f.words for f in report.findings] == [
        "The search index of people is out of step: 1 person is missing. Searching may not "
        "find what it should.",
        "The search index of actions is out of step: 2 actions are missing; 1 action is "
        "indexed as it was before a change. Searching may not find what it should.",
    ]
    assert report.repairable
    quick = check.run_check(full=False)  # the quick check counts rows only
    assert [f.area for f in quick.findings] == ["search", "search"]


def test_an_index_row_of_someone_no_longer_there_is_found(network):
    gone = people.create_person(people.PersonData(name="Gone Soon"))
    db.execute_sql("DELETE FROM person WHERE id = ?", (gone,))  # not through core
    assert [f.words for f in check.run_check().findings] == [
        "The search index of people is out of step: 1 person no longer there is still in "
        "it. Searching may not find what it should."
    ]


def test_damage_inside_a_search_index_is_found_and_repaired(network):
    db.execute_sql(
        "UPDATE person_search_data SET block = zeroblob(length(block))"
        " WHERE id = (SELECT max(id) FROM person_search_data)"
    )
    report = check.run_check()
    (finding,) = report.findings
    assert finding.area == "search" and finding.repairable
    assert "its inner structure is damaged (SQLite says “database disk image is malformed”)" in (
        finding.words
    )
    _saved, after = check.repair(network)
    assert after.ok, after.words()
    assert people.person_ids("a")  # searching works again


def test_a_dangling_reference_is_found_and_left_for_a_restore(network):
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql("INSERT INTO person_role (person_id, role) VALUES (99999, 'mentor')")
    db.execute_sql("UPDATE action SET company_id = 88888 WHERE id IN (1, 2, 3)")
    db.execute_sql("PRAGMA foreign_keys = ON")
    report = check.run_check()
    assert [f.words for f in report.findings] == [
        "3 actions refer to a company that is not there.",
        "1 role of a person refers to a person that is not there.",
    ]
    assert not report.repairable
    assert report.words().splitlines()[-1] == (
        "Repairing cannot mend this: restore a backup from before it happened."
    )


def test_repair_mends_summaries_and_search_after_a_backup(network):
    db.execute_sql("UPDATE action_day SET n = n + 1 WHERE day = (SELECT min(day) FROM action_day)")
    db.execute_sql("DELETE FROM person_search WHERE rowid = 5")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql("INSERT INTO person_role (person_id, role) VALUES (99999, 'mentor')")
    db.execute_sql("PRAGMA foreign_keys = ON")
    before = check.run_check()
    assert [f.area for f in before.findings] == ["references", "summaries", "search"]
    assert before.words().splitlines()[-1] == (
        "Repair can mend the summaries and the search indexes, but not the rest: for that, "
        "restore a backup from before it happened."
    )
    saved, after = check.repair(network)
    assert [f.area for f in after.findings] == ["references"]  # that one is for a restore
    assert saved.reason == "before-repair" and backups.list_backups(network) == [saved]
    # The backup was made first: it still holds the broken rows.
    con = sqlite3.connect(saved.path)
    assert con.execute("SELECT count(*) FROM person_search WHERE rowid = 5").fetchone() == (0,)
    con.close()
    assert db.execute_sql("SELECT count(*) FROM person_search WHERE rowid = 5").fetchone() == (1,)


def test_repair_is_one_transaction(network, monkeypatch):
    from desktop.store import search_index

    db.execute_sql("UPDATE action_day SET n = n + 1 WHERE day = (SELECT min(day) FROM action_day)")

    def fails(_database):
        raise RuntimeError("stopped half way")

    monkeypatch.setattr(search_index, "rebuild", fails)
    with pytest.raises(RuntimeError):
        check.repair(network)
    assert [f.area for f in check.run_check().findings] == ["summaries"]  # nothing half done


def damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\xa5" * 4096)


def test_a_damaged_page_is_said_in_words_and_is_not_repairable(network, tmp_path):
    connection.close_database()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(network, copy)
    assert copy.stat().st_size > 100 * 4096
    damage(copy)
    db.init(str(copy), pragmas=connection.PRAGMAS)  # as the window holds it, already open
    for full in (True, False):
        areas = []
        report = check.run_check(full=full, progress=areas.append)
        assert areas == ["file"]  # the other checks would only repeat it, or mislead
        assert [f.area for f in report.findings] == ["file"]
        (finding,) = report.findings
        assert finding.words.startswith("The file is damaged: SQLite")
        assert not finding.repairable and not report.repairable
        assert report.words().splitlines()[-1] == (
            "Repairing cannot mend this: restore a backup from before it happened."
        )
    with pytest.raises(connection.DatabaseError) as refused:
        check.repair(copy)
    assert refused.value.kind == "damaged"
    connection.close_database()


def test_a_network_opened_for_viewing_can_be_checked_but_not_repaired(network):
    connection.close_database()
    connection.open_database(network, read_only=True)
    assert check.run_check().ok
    with pytest.raises(connection.DatabaseError, match="open for viewing only"):
        check.repair(network)
