"""The full archive: every table out and back in, and nothing changed by a bad file."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import (
    actions,
    aliases,
    companies,
    company_names,
    follow_through,
    matching,
    needs,
    opportunities,
    people,
    positions,
    profile,
    timeline,
)
from desktop.core.actions import ActionData
from desktop.core.companies import CompanyData
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.core.people import PersonData
from desktop.core.positions import PositionData
from desktop.core.profile import ProfileData
from desktop.core.timeline import TimelineFilter
from desktop.formats import archive
from desktop.formats.archive import ArchiveError
from desktop.store import connection, migrations
from desktop.store.connection import db

#: What an archive holds today. A new table fails the test below until it is either added
#: here (and so archived) or named in archive.DERIVED (rebuilt from the others).
ARCHIVED = [
    "company", "skill", "profile", "profile_skill", "skill_alias", "company_alias",
    "tie_tier", "person", "person_role", "person_skill", "need", "need_skill", "opportunity",
    "opportunity_person", "action", "opportunity_history", "position",
]  # fmt: skip

RTL = "شبكة العلاقات — רשת קשרים"
LONG_NOTE = ("Met at the café ☕ 🤝; " + RTL + '\n\ttab, quote " and back\\slash. ') * 1700
SEARCHES = ("lovelace", "العلاقات", "acme", "rust")
ODD = "nul \x00 bell \x07 line\u2028sep 👩🏽‍💻 e\u0301"


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table but the full-text index internals, and the schema."""
    tables = [
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM pragma_table_list"
            " WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    rows = {
        "schema": db.execute_sql(  # without root pages, which a rebuilt index changes
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    }
    for table in tables:
        width = len(db.execute_sql(f"SELECT * FROM {table} LIMIT 0").description)
        order = ", ".join(str(i) for i in range(1, width + 1))
        rows[table] = db.execute_sql(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    return rows


def fill() -> None:
    """A small network with every table filled and every column away from its default."""
    companies.create_company(
        CompanyData(
            name="Ācme 🚀 Labs",
            website="https://acme.example",
            industry="Rockets",
            location="Zürich",
            notes=LONG_NOTE,
            is_target=True,
        )
    )
    ada = people.create_person(
        PersonData(
            name="Ada Lovelace",
            company="Ācme 🚀 Labs",
            title="CTO",
            email="ada@acme.example",
            phone="+1 555 0100",
            linkedin_url="https://www.linkedin.com/in/ada",
            location="London",
            how_met="PyCon",
            met_on=date(2024, 6, 1),
            notes=LONG_NOTE,
            roles=("mentor", "hiring_manager"),
            offers=["Python", "Go"],
            seeks=["Rust"],
            cadence_days=30,
            given_name="Augusta Ada",
            middle_name="King",
            family_name="Lovelace",
            name_prefix="Countess",
            name_suffix="FRS",
        )
    )
    noor = people.create_person(
        PersonData(name=RTL, company="شركة الأمل", notes=ODD, roles=("recruiter",))
    )
    need = needs.create_need(
        NeedData(
            company="Ācme 🚀 Labs",
            title="Data pipeline ✨",
            problem="Nightly jobs fail.",
            for_whom="team",
            skills=["SQL", "Python"],
            source_person_id=ada,
            learned_on=date(2024, 6, 2),
            status="filled",
            urgency=3,
            fit_override="strong",
            notes=RTL,
        )
    )
    opening = opportunities.create_opportunity(
        OpportunityData(
            company="Ācme 🚀 Labs",
            title="Staff engineer",
            need_id=need,
            url="https://acme.example/jobs/1",
            status="applied",
            status_on=date(2024, 6, 3),
            applied_on=date(2024, 6, 3),
            notes="Referred by Ada.",
            people=[(ada, "referrer"), (noor, "recruiter")],
        ),
        today=date(2024, 6, 3),
    )
    opportunities.set_status(opening, "not_selected", date(2024, 7, 1))
    follow_through.dismiss(opening)
    given = actions.create_action(
        ActionData(
            occurred_on=date(2024, 6, 2),
            direction="given",
            kind="referral",
            counterpart_id=ada,
            beneficiary_id=noor,
            company_id=companies.find_company("Ācme 🚀 Labs"),
            need_id=need,
            opportunity_id=opening,
            summary="Referred Noor for the pipeline 🛠",
            notes=LONG_NOTE,
            weight=3,
            follow_up_on=date(2024, 6, 9),
        )
    )
    actions.mark_follow_up_done(given, datetime(2024, 6, 9, 10, 30))
    actions.create_action(
        ActionData(
            occurred_on=date(2024, 6, 20),
            direction="received",
            kind="thanks",
            counterpart_id=ada,
            summary=f"Thanks from {RTL}",
            notes=ODD,
            weight=2,
        )
    )
    profile.save_profile(
        ProfileData(
            name="Me Myself",
            skills=["Python", "Kubernetes"],
            target_roles=["Staff engineer", "مهندس"],
            pitch="I make pipelines boring. 🙂",
        )
    )
    matching.set_profile_skills(["Python", "Kubernetes", "SQL"])
    aliases.save_aliases([("JS", "JavaScript"), ("ק8ס", "Kubernetes"), ("Py 🐍", "Python")])
    positions.add_position(
        ada,
        PositionData(
            company="Globex Ⅻ",
            title="Engineer 🛠",
            started="2019-03",
            ended="2021",
            source="linkedin",
        ),
    )
    company_names.set_aliases(companies.find_company("Ācme 🚀 Labs"), ["Acme Rockets"])
    # Tiers are seeded by the schema; a person is put in one, with their own longest gap.
    db.execute_sql("UPDATE tie_tier SET name = 'Close 🤝', ideal_days = 10 WHERE id = 1")
    db.execute_sql("UPDATE person SET tier_id = 1, longest_gap_days = 40 WHERE id = ?", (ada,))


@dataclass
class Source:
    path: Path
    text: str
    tables: dict[str, list[tuple]]
    found: dict[str, list[int]]  # people matching each of SEARCHES
    actions_found: int  # actions matching "pipeline"


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Source:
    folder = tmp_path_factory.mktemp("archive")
    connection.open_database(folder / "a.sqlite3")
    try:
        fill()
        archive.export(folder / "full.json")
        return Source(
            folder / "full.json",
            (folder / "full.json").read_text("utf-8"),
            snapshot(),
            {text: people.person_ids(text) for text in SEARCHES},
            timeline.count(TimelineFilter(text="pipeline")),
        )
    finally:
        connection.close_database()


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "network.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def set_cell(document: dict, table: str, row: int, column: str, value) -> None:
    found = document["tables"][table]
    found["rows"][row][found["columns"].index(column)] = value


def refused(path: Path, *words: str) -> str:
    """Import *path*, expect a refusal naming the file, and the database unchanged."""
    before = snapshot()
    with pytest.raises(ArchiveError) as caught:
        archive.import_into(path)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message
    assert snapshot() == before
    return message


def edited(source: Source, change) -> str:
    document = json.loads(source.text)
    change(document)
    return json.dumps(document, ensure_ascii=False)


# ---- what is archived ---------------------------------------------------------------


def test_every_table_is_archived_or_named_as_derived(database):
    assert archive.archived_tables() == ARCHIVED
    virtual_or_shadow = {
        name
        for name, kind in db.execute_sql("SELECT name, type FROM pragma_table_list")
        if kind in ("virtual", "shadow")
    }
    every = {
        row[0]
        for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not row[0].startswith("sqlite_")
    }
    assert every - virtual_or_shadow == set(ARCHIVED) | (archive.DERIVED - virtual_or_shadow)
    assert every >= archive.DERIVED  # no stale names
    assert {"person_search", "action_search"} <= archive.DERIVED & virtual_or_shadow


def test_the_fixture_sets_every_column_away_from_its_default(source):
    connection.open_database(source.path.with_name("a.sqlite3"))
    try:
        for table in ARCHIVED:
            for name, default in db.execute_sql(
                "SELECT name, dflt_value FROM pragma_table_info(?)", (table,)
            ):
                away = db.execute_sql(
                    f"SELECT count(*) FROM {table} WHERE {name} IS NOT {default or 'NULL'}"
                ).fetchone()[0]
                assert away, f"no row of {table} has {name} set"
    finally:
        connection.close_database()


def test_the_file_is_one_versioned_json_document(source):
    document = json.loads(source.text)
    assert document["format"] == "reciprocity-archive"
    assert document["version"] == 1
    assert document["schema_version"] == migrations.LATEST_VERSION
    assert datetime.fromisoformat(document["exported_at"]).tzinfo is not None
    assert list(document["tables"]) == ARCHIVED
    person = document["tables"]["person"]
    assert person["columns"][:2] == ["id", "name"]
    assert [row[1] for row in person["rows"]] == ["Ada Lovelace", RTL]
    rows = [line for line in source.text.split("\n") if line.startswith("[")]
    assert len(rows) == sum(len(t["rows"]) for t in document["tables"].values())  # a line each
    assert (source.path.stat().st_mode & 0o777) == 0o600  # private, like the database


# ---- round trip ---------------------------------------------------------------------


def test_round_trip_restores_every_table_row_for_row(source, database):
    counts = archive.import_into(source.path)

    assert counts == {table: len(source.tables[table]) for table in ARCHIVED}
    assert snapshot() == source.tables  # the summaries and their switch too
    assert {text: people.person_ids(text) for text in SEARCHES} == source.found
    assert source.found == {"lovelace": [1], "العلاقات": [1, 2], "acme": [1], "rust": [1]}
    assert timeline.count(TimelineFilter(text="pipeline")) == source.actions_found == 1
    assert connection.quick_check() == "ok"


def test_the_window_s_history_logs_none_of_a_restore(source, database):
    """Into an empty network a restore is no step to undo, and logging its rows one by one
    would cost more than the restore itself."""
    from desktop.store import undo_log

    undo_log.keep(connection.db)
    try:
        archive.import_into(source.path)
        assert connection.db.execute_sql("SELECT count(*) FROM undo_log").fetchone() == (0,)
        people.create_person(people.PersonData(name="After"))  # logged again after it
        assert len(undo_log.steps_since(0, connection.db)) == 1
    finally:
        undo_log.stop(connection.db)


def test_an_imported_network_exports_the_same_tables(source, database, tmp_path):
    archive.import_into(source.path)
    again = tmp_path / "again.json"
    archive.export(again)
    first, second = json.loads(source.text), json.loads(again.read_text("utf-8"))
    assert second["tables"] == first["tables"]


def test_tables_in_any_order_and_header_after_them(source, database, tmp_path):
    # What `jq -S` makes of an archive: children before parents, "version" at the end.
    document = json.loads(source.text)
    path = write(tmp_path, json.dumps(document, sort_keys=True, indent=2))
    archive.import_into(path)
    assert snapshot() == source.tables


def test_text_read_in_tiny_pieces(source, database, monkeypatch):
    monkeypatch.setattr(archive, "READ_CHUNK", 7)  # every token split across reads
    archive.import_into(source.path)
    assert snapshot() == source.tables


def test_a_ten_megabyte_note_is_fine(source, database, tmp_path):
    huge = "🙂 " + "x" * 10_000_000

    def change(document):
        document["tables"]["person"]["rows"][0][11] = huge

    archive.import_into(write(tmp_path, edited(source, change)))
    assert db.execute_sql("SELECT notes FROM person WHERE id = 1").fetchone()[0] == huge


def test_seeded_aliases_give_way_to_the_archive(source, database):
    assert len(aliases.list_aliases()) == 20
    archive.import_into(source.path)
    assert {a.alias for a in aliases.list_aliases()} == {"JS", "ק8ס", "Py 🐍"}


def test_progress_counts_the_bytes_read_and_a_cancel_keeps_nothing(source, database, tmp_path):
    size = source.path.stat().st_size
    seen: list[tuple[int, int]] = []
    archive.import_into(source.path, progress=lambda done, total: seen.append((done, total)))
    assert {total for _done, total in seen} == {size}
    done = [d for d, _total in seen]
    assert done == sorted(done) and done[-1] == size and len(done) > 3

    class Stop(Exception):
        pass

    fresh = connection.open_database(tmp_path / "fresh.sqlite3")
    before = snapshot()
    for stop_at in (1, len(seen) - 1):  # while reading rows; after the indexes are built
        calls = []

        def progress(done, total, stop_at=stop_at, calls=calls):
            calls.append(done)
            if len(calls) == stop_at:
                raise Stop

        with pytest.raises(Stop):
            archive.import_into(source.path, progress=progress)
        assert snapshot() == before, stop_at
        assert fresh.with_name(fresh.name + "-wal").stat().st_size == 0  # disk space back


def test_references_are_checked_per_row_again_afterwards(source, database, tmp_path):
    archive.import_into(source.path)
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    connection.open_database(tmp_path / "other.sqlite3")
    refused(write(tmp_path, b"{}"), "lacks format")
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_import_is_a_transaction_of_its_own(source, database):
    with db.atomic(), pytest.raises(RuntimeError):
        archive.import_into(source.path)
    assert archive.holdings() == ""


def test_what_a_network_holds_in_words(database):
    assert archive.holdings() == ""  # the seeded aliases do not count
    people.create_person(PersonData(name="Ada", company="Acme"))
    assert archive.holdings() == "1 company and 1 person"
    people.create_person(PersonData(name="Bob"))
    assert archive.holdings() == "1 company and 2 people"


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(database, tmp_path, monkeypatch):
    people.create_person(PersonData(name="Grace Hopper"))
    target = tmp_path / "network.json"
    target.write_text("the archive of last week")

    def disk_full(stream, database, table, columns, tell):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "_write_rows", disk_full)
    with pytest.raises(ArchiveError, match=r"could not write network\.json: No space left"):
        archive.export(target)
    assert target.read_text() == "the archive of last week"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_export_into_a_missing_folder_is_refused(database, tmp_path):
    with pytest.raises(ArchiveError, match=r"could not write missing\.json"):
        archive.export(tmp_path / "no such folder" / "missing.json")


# ---- refusals -----------------------------------------------------------------------


def test_a_database_with_a_network_is_refused_and_unchanged(source, database):
    people.create_person(PersonData(name="Grace Hopper", company="Navy"))
    message = refused(source.path, "already holds 1 company and 1 person")
    assert "reciprocity import archive full.json --database NEW.sqlite3" in message


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(version=2), ["newer Reciprocity", "archive version 2"]),
        (lambda d: d.update(schema_version=migrations.LATEST_VERSION + 1), ["newer Reciprocity"]),
        (lambda d: d.update(schema_version=1), ["not a valid Reciprocity archive", "version"]),
        (lambda d: d.update(format="something-else"), ["not a Reciprocity archive"]),
        (lambda d: d.pop("format"), ["lacks format"]),
        (lambda d: d.update(version="1"), ["version is '1'"]),
        (lambda d: d.update(extra=1), ["entry 'extra'"]),
        (lambda d: d["tables"].pop("need_skill"), ["lacks the table need_skill"]),
        (lambda d: d["tables"].update(gossip={"columns": [], "rows": []}), ["'gossip'"]),
        (
            lambda d: d["tables"]["person"]["columns"].__setitem__(3, "nickname"),
            ["table 'person'", "missing company_id", "unknown nickname"],
        ),
        (lambda d: d["tables"]["company"].pop("rows"), ["'company' lacks"]),
        (lambda d: d["tables"]["person"]["rows"][0].pop(), ["row 1 of the table 'person'"]),
        (lambda d: d["tables"]["person"]["rows"].append("Bob"), ["row 3 of the table 'person'"]),
        (
            lambda d: d["tables"]["person"]["rows"][1].__setitem__(12, "often"),
            ["row with id 2 of the table 'person'", "cadence_days “often”, not a whole number"],
        ),
        (
            lambda d: set_cell(d, "action", 0, "occurred_on", "31/01/2026"),
            ["row with id 1 of the table 'action'", "occurred_on “31/01/2026”, not a date"],
        ),
        (
            lambda d: set_cell(d, "person", 0, "met_on", "2026-02-30"),
            ["table 'person'", "met_on “2026-02-30”, not a date written YYYY-MM-DD"],
        ),
        (
            lambda d: set_cell(d, "action", 0, "follow_up_on", 20260131),
            ["table 'action'", "follow_up_on “20260131”, not a date"],
        ),
        (
            lambda d: set_cell(d, "opportunity_history", 0, "changed_on", "2026-01-31T00:00"),
            ["table 'opportunity_history'", "changed_on", "not a date"],
        ),
        (
            lambda d: set_cell(d, "company", 0, "created_at", "yesterday"),
            ["table 'company'", "created_at “yesterday”, not a time written"],
        ),
        (
            lambda d: set_cell(d, "action", 1, "direction", "sideways"),
            ["row 2 of the table 'action'", "not one this version of Reciprocity accepts"],
        ),
        (
            lambda d: set_cell(d, "person_role", 0, "role", "friend"),
            ["table 'person_role'", "not one this version of Reciprocity accepts"],
        ),
        (
            lambda d: d["tables"]["action"]["rows"][0].__setitem__(4, 999),
            ["table 'action'", "refers to a row the archive does not hold"],
        ),
        (
            lambda d: d["tables"]["action"]["rows"][0].__setitem__(11, 7),
            ["table 'action'", "not one this version of Reciprocity accepts"],
        ),
        (
            lambda d: d["tables"]["company"]["rows"][0].__setitem__(1, {"a": 1}),
            ["table 'company'"],
        ),
        (lambda d: d["tables"]["company"]["rows"][0].__setitem__(0, 2**70), ["'company'"]),
        (
            lambda d: d["tables"]["person"]["rows"].append(d["tables"]["person"]["rows"][0]),
            ["table 'person'", "two rows have the same key"],
        ),
    ],
)
def test_a_wrong_archive_is_refused_and_nothing_imported(source, database, tmp_path, change, words):
    refused(write(tmp_path, edited(source, change)), *words)


def test_a_dangling_reference_in_a_reordered_archive_is_refused_at_the_end(
    source, database, tmp_path
):
    document = json.loads(source.text)
    document["tables"]["action"]["rows"][0][4] = 999
    path = write(tmp_path, json.dumps(document, sort_keys=True))
    refused(path, "refers to a row the archive does not hold")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (b"", ["the file is empty"]),
        (b"   \n", ["the file is empty"]),
        (b"{", ["ends inside the archive", "cut short"]),
        (b"[1, 2]", ["expected '{'"]),
        (b"{not json", ["expected '\"'"]),
        (b'{"format": "reciprocity-archive", "version": 1', ["cut short"]),
        (b'{"format": "reciprocity-archive"} trailing', ["more after the end"]),
        (b'{"version": NaN}', ["NaN"]),
        (b'{"version": 1, "version": 1}', ["'version' twice"]),
        ("{}".encode("utf-16"), ["not UTF-8"]),
        (b'{"format": "reciprocity-archive\xff"}', ["not UTF-8"]),
        (b"{" * 100_000, ["expected '\"'"]),
        (b'{"tables": ' + b"[" * 100_000, ["expected '{'"]),
        (b'{"exported_at": ' + b"[" * 100_000, ["nests too deeply"]),
    ],
)
def test_malformed_files_are_refused(database, tmp_path, text, words):
    refused(write(tmp_path, text), *words)


def test_a_truncated_archive_is_refused(source, database, tmp_path):
    refused(write(tmp_path, source.text[: len(source.text) * 2 // 3]), "cut short")


def test_a_missing_file_is_refused(database, tmp_path):
    with pytest.raises(ArchiveError, match=r"could not read gone\.json"):
        archive.import_into(tmp_path / "gone.json")


def test_the_error_is_a_value_error(database, tmp_path):
    with pytest.raises(ValueError):
        archive.import_into(write(tmp_path, b"nope"))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_random_bytes_are_refused_and_change_nothing(database, tmp_path, data):
    refused(write(tmp_path, data))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_any_cut_of_an_archive_is_refused_and_changes_nothing(source, database, tmp_path, cut):
    # Cuts inside the rows fail after some rows went in: those must be rolled back.
    encoded = source.text.encode("utf-8")  # ends with "}}\n": keep at most all but "}\n"
    refused(write(tmp_path, encoded[: int((len(encoded) - 2) * cut)]))


def test_line_numbers_point_at_the_problem(database, tmp_path):
    text = (
        '{"format": "reciprocity-archive",\n"version": 1,\n'
        f'"schema_version": {migrations.LATEST_VERSION},\n"tables": {{"x" 5}}}}'
    )
    message = refused(write(tmp_path, text), "line 4")
    assert re.search(r"expected ':' in 'tables', found '5'", message)


def test_the_export_tells_how_far_it_is_and_a_cancel_keeps_the_old_file(database, tmp_path):
    from desktop.store.progress import Cancelled

    for n in range(5):
        people.create_person(PersonData(name=f"Person {n}"))
    heard = []
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "all.json"
    archive.export(target, progress=lambda done, total: heard.append((done, total)))
    total = heard[0][1]
    assert heard[0] == (0, total) and heard[-1] == (total, total)
    assert total >= 5 and all(a[0] <= b[0] for a, b in itertools.pairwise(heard))
    before = target.read_bytes()

    def stop(done, total):
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        archive.export(target, progress=stop)
    assert target.read_bytes() == before  # replaced only once complete
    assert sorted(p.name for p in folder.iterdir()) == ["all.json"]
