"""Planning an import (new, merged, skipped) and writing it all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import companies, people
from desktop.formats import importing
from desktop.formats.importing import Cancelled
from desktop.formats.records import ImportedPerson, Parsed, Skipped
from desktop.store.connection import db


def count(table: str) -> int:
    return db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def known(database):
    return {
        "ada": people.create_person(
            people.PersonData(
                name="Ada Lovelace",
                company="Analytical Engines",
                email="ada@engines.example",
                title="",
            )
        ),
        "zoe": people.create_person(
            people.PersonData(
                name="Zoë Ångström",
                company="Nordic AB",
                linkedin_url="https://www.linkedin.com/in/zoe-a/",
                phone="+46 555",
            )
        ),
    }


def incoming() -> Parsed:
    return Parsed(
        people=[
            # The same email, in other case: Ada, merged (title filled, company unchanged).
            ImportedPerson(2, "Ada  Lovelace", company="Other Co", title="Countess",
                           email="ADA@engines.example"),
            # The same LinkedIn address written another way: Zoë, nothing new to fill.
            ImportedPerson(3, "Zoe Angstrom", linkedin_url="linkedin.com/in/zoe-a",
                           phone="+46 999"),
            # Name and company, ignoring case and accents.
            ImportedPerson(4, "zoë ångström", company="NORDIC AB", location="Malmö"),
            # New, with a company that is new too.
            ImportedPerson(5, "Grace Hopper", company="Navy", title="Rear Admiral",
                           email="grace@navy.example", met_on=date(2025, 3, 14),
                           how_met="Connected on LinkedIn"),
            # The same new person twice in one file: one person, the second fills a gap.
            ImportedPerson(6, "Grace Hopper", company="navy", phone="+1 555"),
            # A bad email does not lose the person; it goes to the notes.
            ImportedPerson(7, "Alan Turing", email="not an email", extra_emails=["a@b.example"]),
            ImportedPerson(8, "   "),
        ],
        skipped=[Skipped(9, "No name: the row has neither a first nor a last name.")],
    )  # fmt: skip


def test_plan_tells_new_merged_and_skipped_before_writing(known):
    before = count("person")
    plan = importing.plan(incoming())
    assert count("person") == before  # nothing written by planning
    assert [p.name for p in plan.new] == ["Grace Hopper", "Alan Turing"]
    assert plan.new[0].phone == "+1 555"  # filled from row 6
    assert plan.new[1].email == "" and "Email as imported: not an email" in plan.new[1].notes
    assert "Also: a@b.example" in plan.new[1].notes
    merges = {m.row: (m.person_id, m.fills) for m in plan.merges}
    assert merges[2] == (known["ada"], {"title": "Countess"})
    assert merges[3] == (known["zoe"], {})  # phone already set: not overwritten…
    assert plan.merges[1].also == ["Also: +46 999"]  # …but kept in the notes
    assert merges[4] == (known["zoe"], {"location": "Malmö"})
    assert merges[6][0] < 0  # the Grace of row 5
    assert [(s.row, s.reason) for s in plan.skipped] == [
        (8, "No name."),
        (9, "No name: the row has neither a first nor a last name."),
    ]
    assert plan.summary().splitlines()[0] == (
        "2 new, 3 merged, 0 already known, 1 repeated in the file, 2 skipped"
    )
    assert plan.merges[-1].words() == "Joined with an earlier row: fills phone"


def test_apply_writes_it_all_in_one_go(known):
    plan = importing.plan(incoming())
    done = importing.apply(plan)
    assert len(done.new_ids) == 2 and done.companies_added == 1
    grace = people.get_person(people.person_named("Grace Hopper"))
    assert (grace.company, grace.title, grace.phone, grace.met_on) == (
        "Navy", "Rear Admiral", "+1 555", date(2025, 3, 14)
    )  # fmt: skip
    ada = people.get_person(known["ada"])
    assert (ada.title, ada.company) == ("Countess", "Analytical Engines")
    assert people.get_person(known["zoe"]).location == "Malmö"
    assert people.person_ids("grace") == [done.new_ids[0]]  # searchable at once
    assert companies.find_company("navy") is not None


def test_cancel_halfway_leaves_the_network_as_it_was(known):
    many = Parsed(people=[ImportedPerson(n, f"Person {n}") for n in range(2, 1300)])
    plan = importing.plan(many)
    before = (count("person"), count("company"), count("person_search"))
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 1000:
            raise Cancelled

    with pytest.raises(Cancelled):
        importing.apply(plan, progress)
    assert seen[:2] == [500, 1000]
    assert (count("person"), count("company"), count("person_search")) == before


def test_linkedin_addresses_compare_by_the_part_naming_the_person():
    key = importing.linkedin_key
    assert key("https://www.LinkedIn.com/in/ada/?trk=x") == key("linkedin.com/in/ada")


ADA_AGAIN = ImportedPerson(
    2, "Ada Lovelace", company="Analytical Engines", email="ada@personal.example"
)


def test_another_email_for_someone_known_is_kept_in_their_notes(known):
    plan = importing.plan(Parsed(people=[ADA_AGAIN]))
    [merge] = plan.merges
    assert (merge.fills, merge.also) == ({}, ["Also: ada@personal.example"])
    assert plan.summary().startswith("0 new, 1 merged")
    importing.apply(plan)
    ada = people.get_person(known["ada"])
    assert (ada.email, ada.notes) == ("ada@engines.example", "Also: ada@personal.example")
    again = importing.plan(Parsed(people=[ADA_AGAIN]))
    assert again.merges[0].also == []  # already in the notes: not added twice


def test_a_vcard_file_counts_cards_not_rows(database):
    plan = importing.plan(Parsed(skipped=[Skipped(3, "No name.")], unit="card"))
    assert plan.summary().splitlines()[1] == "  card 3: No name."


def test_every_row_says_what_happens_and_with_whom(database):
    people.create_person(people.PersonData(name="Ada Lovelace", email="ada@example.com"))
    plan = importing.plan(
        Parsed(
            people=[
                ImportedPerson(
                    2, "Ada Augusta Lovelace", email="ADA@example.com", title="Countess"
                ),
                ImportedPerson(3, "Babbage & Co", company="Babbage & Co"),
                ImportedPerson(4, "Ada Lovelace", email="ada@example.com"),
                ImportedPerson(5, "B. & Co", company="Babbage & Co"),
            ],
            skipped=[Skipped(6, "No name: the row has neither a first nor a last name.")],
        )
    )
    assert plan.entries() == [
        (2, "Merged with Ada Lovelace: fills title", "Ada Augusta Lovelace", ""),
        (3, "New", "Babbage & Co", "Babbage & Co"),
        (4, "Already known: nothing new", "Ada Lovelace", ""),
        (5, "New", "B. & Co", "Babbage & Co"),
        (6, "Skipped — No name: the row has neither a first nor a last name.", "", ""),
    ]


def test_every_field_a_merge_fills_has_words():
    assert set(importing.FIELD_WORDS) == {"company", *importing.FIELDS}
    merge = importing.Merge(1, "Ada", 2, {"linkedin_url": "x", "met_on": "y"})
    assert merge.words() == "Merged: fills LinkedIn address, when you met"


def test_tidying_keeps_every_field(database):
    from dataclasses import fields

    person = ImportedPerson(
        row=9, name=" Ada  Lovelace ", company=" Acme  Ltd", title="CTO", email="ada@acme.org",
        phone="+44  20", linkedin_url="https://www.linkedin.com/in/ada", location="London",
        how_met="PyCon", met_on=date(2024, 6, 1), notes="Met twice.",
    )  # fmt: skip
    tidied = importing.plan(Parsed(people=[person])).new[0]
    assert [f.name for f in fields(ImportedPerson)] == [
        "row",
        "name",
        "company",
        "title",
        "email",
        "phone",
        "linkedin_url",
        "location",
        "how_met",
        "met_on",
        "notes",
        "extra_emails",
    ]  # fmt: skip  (a new field must be carried by importing._tidy too)
    assert (tidied.row, tidied.name, tidied.company, tidied.phone) == (
        9, "Ada Lovelace", "Acme Ltd", "+44 20",
    )  # fmt: skip
    for name in ("title", "email", "linkedin_url", "location", "how_met", "met_on", "notes"):
        assert getattr(tidied, name) == getattr(person, name), name


def test_a_merge_fills_an_empty_company_and_keeps_the_files_notes(database):
    bob = people.create_person(people.PersonData(name="Bobby T", email="bob@example.com"))
    sam = people.create_person(
        people.PersonData(
            name="Sam O'Neil",
            email="sam@work.example",
            linkedin_url="https://www.linkedin.com/in/sam",
        )
    )
    plan = importing.plan(
        Parsed(
            people=[
                ImportedPerson(2, "Bobby T", company="Initech", email="BOB@example.com"),
                ImportedPerson(
                    3, "Sam O'Neil", email="sam.personal@example.com", location="Leeds",
                    linkedin_url="https://linkedin.com/in/sam/", notes="Prefers calls after 5pm.",
                ),
            ]
        )
    )  # fmt: skip
    assert [m.words() for m in plan.merges] == [
        "Merged: fills company",
        "Merged: fills location, notes; keeps other contact details in the notes",
    ]
    importing.apply(plan)
    assert people.get_person(bob).company == "Initech"
    assert companies.company_ids() != []
    kept = people.get_person(sam)
    assert kept.location == "Leeds"
    assert kept.notes == "Prefers calls after 5pm.\nAlso: sam.personal@example.com"
    again = importing.plan(
        Parsed(people=[ImportedPerson(2, "Bobby T", company="Globex", email="bob@example.com")])
    )
    assert again.merges[0].words() == "Already known: nothing new"  # nothing overwritten


def test_a_name_with_the_same_phone_number_is_the_same_person(database):
    jurgen = people.create_person(
        people.PersonData(name="Jürgen Müller", company="Siemens AG", phone="+49 89 636 00")
    )
    plan = importing.plan(
        Parsed(
            people=[
                ImportedPerson(2, "Jurgen Muller", phone="089 636-00", title="Engineer"),
                ImportedPerson(3, "Someone Else", phone="089 636-00"),  # the switchboard
                ImportedPerson(4, "Jürgen Müller", company="Bosch", phone="12"),  # too short
            ]
        )
    )
    assert [(m.row, m.person_id) for m in plan.merges] == [(2, jurgen)]
    assert [p.row for p in plan.new] == [3, 4]
    assert importing.phone_key("+44 (0)20 7946-0000") == importing.phone_key("020 7946 0000")
