"""Planning an import (new, merged, skipped) and writing it all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import companies, people, positions
from desktop.formats import importing
from desktop.formats.records import ImportedPerson, Parsed, Skipped
from desktop.store.connection import db
from desktop.store.progress import Cancelled


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
            # The same email, in other case: Ada, merged (title filled, company unchanged:
            # 'Analytical Engines Ltd.' is the company she is at, not a move).
            ImportedPerson(2, "Ada  Lovelace", company="Analytical Engines Ltd.", title="Countess",
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


def test_another_email_under_a_known_name_is_someone_else_and_a_possible_duplicate(known):
    plan = importing.plan(Parsed(people=[ADA_AGAIN]))
    assert plan.merges == [] and [p.name for p in plan.new] == ["Ada Lovelace"]
    assert plan.entries() == [
        (
            2,
            "New — possible duplicate of Ada Lovelace (Analytical Engines)",
            "Ada Lovelace",
            "Analytical Engines",
        )
    ]
    assert plan.summary().startswith("1 new (1 possible duplicate), 0 merged")
    importing.apply(plan)
    ada = people.get_person(known["ada"])
    assert (ada.email, ada.notes) == ("ada@engines.example", "")


def test_a_detail_already_in_the_notes_in_another_spelling_is_not_added_again(database):
    known = people.create_person(
        people.PersonData(
            name="Dana Ng",
            email="dana@x.example",
            phone="+1 905 555 0100",
            notes="Phone: 905-666-1234\nAlso: https://linkedin.com/in/dana-ng/",
        )
    )
    again = ImportedPerson(
        2, "Dana Ng", email="Dana@X.example", phone="(905) 666-1234",
        linkedin_url="https://www.linkedin.com/in/dana-ng",
    )  # fmt: skip
    plan = importing.plan(Parsed(people=[again]))
    [merge] = plan.merges
    assert (merge.person_id, merge.also) == (known, [])
    assert merge.fills == {"linkedin_url": "https://www.linkedin.com/in/dana-ng"}
    new_number = ImportedPerson(3, "Dana Ng", email="dana@x.example", phone="905 777 4321")
    assert importing.plan(Parsed(people=[new_number])).merges[0].also == ["Also: 905 777 4321"]


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
        how_met="PyCon", met_on=date(2024, 6, 1), notes="Met twice.", given_name="Ada",
        middle_name="Augusta", family_name="Lovelace", name_prefix="Lady", name_suffix="FRS",
        roles=("mentor",), seeks=["Rust"], offers=["Python", "Go"], cadence_days=30,
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
        "given_name",
        "middle_name",
        "family_name",
        "name_prefix",
        "name_suffix",
        "roles",
        "seeks",
        "offers",
        "cadence_days",
    ]  # fmt: skip  (a new field must be carried by importing._tidy too)
    assert (tidied.row, tidied.name, tidied.company, tidied.phone) == (
        9, "Ada Lovelace", "Acme Ltd", "+44 20",
    )  # fmt: skip
    for name in ("title", "email", "linkedin_url", "location", "how_met", "met_on", "notes"):
        assert getattr(tidied, name) == getattr(person, name), name
    for name in ("given_name", "middle_name", "family_name", "name_prefix", "name_suffix"):
        assert getattr(tidied, name) == getattr(person, name), name
    assert (tidied.roles, tidied.seeks, tidied.offers, tidied.cadence_days) == (
        ("mentor",), ["Rust"], ["Python", "Go"], 30,
    )  # fmt: skip


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
    # Another company for someone known by email is a move: the old one is kept, ended.
    assert again.merges[0].words() == "Moved from Initech to Globex"
    importing.apply(again)
    assert people.get_person(bob).company == "Globex"
    history = [(p.company, p.current) for p in positions.positions_of(bob)]
    assert history == [("Globex", True), ("Initech", False)]


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


def _linkedin_rows(*rows: str) -> bytes:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    return (header + "".join(row + "\r\n" for row in rows)).encode()


def test_one_name_at_one_company_with_two_profiles_is_two_people(database):
    from desktop.formats import linkedin

    data = _linkedin_rows(
        "Riley,Silva,https://www.linkedin.com/in/riley-1,,Company 381,Engineer,14 Mar 2025",
        "Riley,Silva,https://www.linkedin.com/in/riley-2,riley@b.example,Company 381,Lead,"
        "15 Mar 2025",
    )
    plan = importing.plan(linkedin.parse(data, "Connections.csv"))
    assert [p.linkedin_url for p in plan.new] == [
        "https://www.linkedin.com/in/riley-1",
        "https://www.linkedin.com/in/riley-2",
    ]
    assert plan.merges == []
    assert plan.entries()[1][1] == "New — possible duplicate of Riley Silva (Company 381)"
    importing.apply(plan)
    emails = sorted(people.get_person(i).email for i in people.people_named("Riley Silva"))
    assert emails == ["", "riley@b.example"]  # one person's email never lands on the other
    # The same file again: each row finds its own person by the profile address.
    again = importing.plan(linkedin.parse(data, "Connections.csv"))
    assert (len(again.new), again.known) == (0, 2)


def test_one_name_without_company_and_two_phone_numbers_is_two_people(database):
    rows = [
        ImportedPerson(2, "Manu", phone="+1 555 0101 111"),
        ImportedPerson(3, "Manu", phone="+1 555 0202 222"),
    ]
    plan = importing.plan(Parsed(people=rows))
    assert [p.phone for p in plan.new] == ["+1 555 0101 111", "+1 555 0202 222"]
    assert plan.doubts == {3: "Manu"}
    importing.apply(plan)
    # Against the network as well, and the same number still finds its person.
    again = importing.plan(Parsed(people=[ImportedPerson(2, "Manu", phone="+1 (555) 0202-222")]))
    assert [m.person_id for m in again.merges] == [people.people_named("Manu")[1]]


def test_one_email_with_two_linkedin_profiles_is_two_people(database):
    known = people.create_person(
        people.PersonData(
            name="Team Inbox", email="jobs@acme.example", linkedin_url="https://linkedin.com/in/a"
        )
    )
    row = ImportedPerson(
        2, "Sam Smith", email="jobs@acme.example", linkedin_url="https://linkedin.com/in/b"
    )
    plan = importing.plan(Parsed(people=[row]))
    assert len(plan.new) == 1 and plan.merges == []
    same = ImportedPerson(3, "Whoever", email="JOBS@acme.example")
    assert [m.person_id for m in importing.plan(Parsed(people=[same])).merges] == [known]


def test_a_matching_profile_joins_whatever_the_name(database):
    known = people.create_person(
        people.PersonData(name="Bob Jones", linkedin_url="https://www.linkedin.com/in/bj")
    )
    row = ImportedPerson(2, "Robert Jones", linkedin_url="linkedin.com/in/bj/", title="CTO")
    [merge] = importing.plan(Parsed(people=[row])).merges
    assert (merge.person_id, merge.fills) == (known, {"title": "CTO"})


def test_control_characters_are_removed_and_said(database):
    from desktop.formats import linkedin

    data = _linkedin_rows(
        "\x00Nul,Person,https://www.linkedin.com/in/nul,,Acme\x07,,14 Mar 2025",
        "Ok,Person,https://www.linkedin.com/in/ok,,,,14 Mar 2025",
    )
    plan = importing.plan(linkedin.parse(data, "Connections.csv"))
    assert [(row, what, name, company) for row, what, name, company in plan.entries()] == [
        (2, "New — control characters removed", "Nul Person", "Acme"),
        (3, "New", "Ok Person", ""),
    ]
    assert plan.notices == [
        "Control characters (such as a NUL byte) were removed from 1 row; the preview marks it."
    ]
    importing.apply(plan)
    stored = people.get_person(people.person_named("Nul Person"))
    assert (stored.name, stored.company, stored.given_name) == ("Nul Person", "Acme", "Nul")
    notes = ImportedPerson(2, "Nora", notes="line one\x00\r\nline\ttwo\x1b")
    [tidied] = importing.plan(Parsed(people=[notes])).new
    assert tidied.notes == "line one\nline\ttwo"


def test_a_name_of_control_characters_only_is_skipped(database):
    plan = importing.plan(Parsed(people=[ImportedPerson(4, "\x00\x00")]))
    assert plan.new == [] and plan.skipped[0].reason == "No name."


def test_a_merge_adds_name_parts_roles_skills_and_cadence_they_lack(database):
    known = people.create_person(
        people.PersonData(name="Ada Lovelace", email="ada@x.example", roles=("mentor",),
                          offers=["Python"])
    )  # fmt: skip
    row = ImportedPerson(
        2, "Ada Lovelace", email="ada@x.example", given_name="Ada", family_name="Lovelace",
        roles=("mentor", "recruiter"), offers=["python", "Go"], seeks=["Rust"], cadence_days=30,
    )  # fmt: skip
    plan = importing.plan(Parsed(people=[row]))
    assert plan.merges[0].words() == (
        "Merged: fills keep in touch, name parts, roles, skills sought, skills offered"
    )
    importing.apply(plan)
    ada = people.get_person(known)
    assert (ada.given_name, ada.family_name, ada.cadence_days) == ("Ada", "Lovelace", 30)
    assert (ada.roles, ada.seeks, sorted(ada.offers)) == (
        ("recruiter", "mentor"), ["Rust"], ["Go", "Python"],
    )  # fmt: skip


CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_a_newer_export_moves_two_people_retitles_one_and_loses_nothing(database):
    from desktop.core import company_names
    from desktop.formats import linkedin

    first = (
        CONNECTIONS_HEADER
        + 'Theo,Grant,https://www.linkedin.com/in/theo,,"Contoso, Ltd.",Analyst,01 Mar 2024\n'
        + "Dana,Ruiz,https://www.linkedin.com/in/dana,,Initech,Engineer,02 Mar 2024\n"
        + "Sam,Lee,,sam@example.com,Globex Corporation,Analyst,03 Mar 2024\n"
        + "Mia,Wong,https://www.linkedin.com/in/mia,,Contoso,Designer,04 Mar 2024\n"
        + "Raj,Patel,https://www.linkedin.com/in/raj,,Meta,Engineer,05 Mar 2024\n"
        + "Ola,Nordmann,,,Umbrella,Chemist,06 Mar 2024\n"
    )
    importing.apply(importing.plan(linkedin.parse(first.encode(), "Connections.csv"),
                                   origin="linkedin", as_of=date(2024, 3, 10)))  # fmt: skip
    company_names.set_aliases(companies.find_company("Meta"), ["Facebook"])
    theo, dana, sam, mia, raj, ola = (
        people.person_named(n)
        for n in ("Theo Grant", "Dana Ruiz", "Sam Lee", "Mia Wong", "Raj Patel", "Ola Nordmann")
    )
    newer = (
        CONNECTIONS_HEADER
        # Moved (known by LinkedIn address), and by email.
        + "Theo,Grant,https://www.linkedin.com/in/theo,,Globex Corporation,Analytics Lead,"
        + "01 Mar 2024\n"
        + "Sam,Lee,,SAM@example.com,Umbrella,Head of Data,03 Mar 2024\n"
        # A new title at the same company, spelt another way.
        + "Dana,Ruiz,https://www.linkedin.com/in/dana,,Initech Inc.,Senior Engineer,02 Mar 2024\n"
        # Not moves: the same company by its legal suffix, and by a confirmed alias.
        + 'Mia,Wong,https://www.linkedin.com/in/mia,,"Contoso, Ltd.",Designer,04 Mar 2024\n'
        + "Raj,Patel,https://www.linkedin.com/in/raj,,Facebook,Engineer,05 Mar 2024\n"
        # Known by name alone: another company may be another person, so no move.
        + "Ola,Nordmann,,,Wayne Enterprises,Chemist,06 Mar 2024\n"
    )
    plan = importing.plan(
        linkedin.parse(newer.encode(), "Connections.csv"), origin="linkedin",
        as_of=date(2026, 11, 20),
    )  # fmt: skip
    words = {entry[2]: entry[1] for entry in plan.entries()}
    assert words["Theo Grant"] == (
        "Moved from Contoso, Ltd. to Globex Corporation (Analytics Lead)"
    )
    assert words["Sam Lee"] == "Moved from Globex Corporation to Umbrella (Head of Data)"
    assert words["Dana Ruiz"] == "New title at Initech: Senior Engineer (was Engineer)"
    assert words["Mia Wong"] == words["Raj Patel"] == "Already known: nothing new"
    assert words["Ola Nordmann"].startswith("New")  # a namesake elsewhere: a new person
    assert plan.moves == 3
    assert (
        "2 people you know are in a new job and 1 has a new title; their earlier positions"
        " stay in their history, ended November 2026, the month of this file."
    ) in plan.notices
    assert "3 merged (3 in a new job or title)" in plan.summary()
    importing.apply(plan)

    def history(person_id):
        return [
            (p.company, p.title, p.started, p.ended, p.current, p.source)
            for p in positions.positions_of(person_id)
        ]

    assert history(theo) == [
        ("Globex Corporation", "Analytics Lead", "2026-11", None, True, "linkedin"),
        ("Contoso, Ltd.", "Analyst", None, "2026-11", False, "linkedin"),
    ]
    assert history(sam)[0][:2] == ("Umbrella", "Head of Data")
    assert history(sam)[1][:2] == ("Globex Corporation", "Analyst")
    assert history(dana) == [
        ("Initech", "Senior Engineer", "2026-11", None, True, "linkedin"),
        ("Initech", "Engineer", None, "2026-11", False, "linkedin"),
    ]
    assert [p[0] for p in history(mia)] == ["Contoso"] and len(history(raj)) == 1
    assert history(ola) == [("Umbrella", "Chemist", None, None, True, "linkedin")]
    for person_id, shown in ((theo, ("Globex Corporation", "Analytics Lead")),
                             (dana, ("Initech", "Senior Engineer"))):  # fmt: skip
        data = people.get_person(person_id)
        assert (data.company, data.title) == shown
    # Importing the same file again changes nothing more.
    again = importing.plan(linkedin.parse(newer.encode(), "Connections.csv"), origin="linkedin")
    assert again.moves == 0
