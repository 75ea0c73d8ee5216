"""People: validation in words, one transaction per write, search over every field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.core import companies, people
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store.connection import db


def count(table: str) -> int:
    return db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def ada(**changes) -> PersonData:
    data = PersonData(
        name="Ada Lovelace",
        company="Analytical Engines",
        title="Engineering manager",
        email="ada@example.org",
        linkedin_url="https://www.linkedin.com/in/ada",
        roles=("hiring_manager", "mentor"),
        offers=["Python", "Mentoring"],
        seeks=["Data engineers"],
        met_on=date(2025, 3, 14),
        cadence_days=30,
        notes="Needs someone to tame the data pipeline before Q3.",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_create_and_read_back_every_field(database):
    person_id = people.create_person(ada())
    assert people.get_person(person_id) == PersonData(
        name="Ada Lovelace",
        company="Analytical Engines",
        title="Engineering manager",
        email="ada@example.org",
        linkedin_url="https://www.linkedin.com/in/ada",
        roles=("hiring_manager", "mentor"),
        offers=["Mentoring", "Python"],
        seeks=["Data engineers"],
        met_on=date(2025, 3, 14),
        cadence_days=30,
        notes="Needs someone to tame the data pipeline before Q3.",
    )
    assert count("company") == 1  # the new company was created with her


def test_name_parts_are_kept_beside_the_name_and_edited_with_it(database):
    data = PersonData(
        name="Dr. Lisette Schutte, PhD",
        given_name=" Lisette ",
        family_name="Schutte",
        name_prefix="Dr.",
        name_suffix="PhD",
    )
    person_id = people.create_person(data)
    kept = people.get_person(person_id)
    assert (kept.given_name, kept.middle_name, kept.family_name) == ("Lisette", "", "Schutte")
    assert (kept.name_prefix, kept.name_suffix) == ("Dr.", "PhD")
    people.update_person(person_id, replace(kept, middle_name="Anne", name_suffix=""))
    again = people.get_person(person_id)
    assert (again.middle_name, again.name_suffix, again.name) == (
        "Anne",
        "",
        "Dr. Lisette Schutte, PhD",
    )


def test_existing_company_is_reused_ignoring_case(database):
    companies.create_company(companies.CompanyData(name="Analytical Engines"))
    people.create_person(ada(company="analytical   ENGINES"))
    assert count("company") == 1


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "   "}, "name", "needs a name"),
        ({"email": "ada@"}, "email", "not a valid email address"),
        ({"email": "ada at example.org"}, "email", "not a valid email address"),
        ({"linkedin_url": "javascript:alert(1)"}, "linkedin_url", "http:// or https://"),
        ({"linkedin_url": "ftp://www.linkedin.com/in/ada"}, "linkedin_url", "http:// or https://"),
        ({"linkedin_url": "https://"}, "linkedin_url", "missing a site name"),
        ({"cadence_days": 99999}, "cadence_days", "1 to 3650 days"),
    ],
)
def test_invalid_input_is_explained_and_not_stored(database, changes, field, words):
    problems = people.validate_person(ada(**changes))
    assert words in problems.errors[field]
    with pytest.raises(ValidationError):
        people.create_person(ada(**changes))
    assert count("person") == 0
    assert count("company") == 0  # the transaction took the new company back too


def test_email_check_never_needs_the_network(database, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("tried to use the network")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert people.validate_person(ada(email="someone@unreachable-domain-zz9.com")).ok


def test_shared_email_or_linkedin_is_a_warning_not_a_refusal(database):
    people.create_person(ada())
    twin = ada(name="Augusta King", email="ADA@example.org")
    problems = people.validate_person(twin)
    assert problems.ok
    assert "Ada Lovelace already has this email address" in problems.warnings["email"]
    assert "Ada Lovelace already has this LinkedIn address" in problems.warnings["linkedin_url"]
    people.create_person(twin)
    assert count("person") == 2


def test_editing_a_person_does_not_warn_about_themselves(database):
    person_id = people.create_person(ada())
    assert people.validate_person(ada(), person_id).warnings == {}


def test_update_replaces_roles_and_skills(database):
    person_id = people.create_person(ada())
    people.update_person(person_id, ada(roles=("job_seeker",), offers=["SQL"], seeks=[]))
    data = people.get_person(person_id)
    assert data.roles == ("job_seeker",)
    assert data.offers == ["SQL"] and data.seeks == []


def test_skills_are_tidied_and_shared_ignoring_case(database):
    people.create_person(ada(offers=[" python ", "Python", "Machine   learning"]))
    people.create_person(ada(name="Grace", email="", linkedin_url="", offers=["PYTHON"]))
    assert db.execute_sql("SELECT name FROM skill ORDER BY name").fetchall() == [
        ("Data engineers",),
        ("Machine learning",),
        ("python",),
    ]


def test_delete_removes_person_links_and_search_entry(database):
    person_id = people.create_person(ada())
    people.delete_person(person_id)
    assert count("person") == 0 and count("person_role") == 0 and count("person_skill") == 0
    assert people.person_ids("Ada") == []
    assert count("company") == 1  # the company stays


def test_update_of_missing_person_says_so(database):
    with pytest.raises(LookupError, match="no person"):
        people.update_person(12345, ada())


@pytest.fixture
def network(database):
    ids = {
        "ada": people.create_person(ada()),
        "grace": people.create_person(
            PersonData(
                name="Grace Hopper",
                company="Navy",
                title="Rear admiral",
                email="grace@navy.example",
                offers=["COBOL", "Compilers"],
            )
        ),
        "linus": people.create_person(
            PersonData(
                name="Linus Åberg",
                title="Maintainer",
                notes="Met at the kernel summit",
                seeks=["Rust"],
            )
        ),
    }
    return ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["ada", "grace", "linus"]),
        ("ada", ["ada"]),
        ("lov", ["ada"]),
        ("analytical", ["ada"]),  # company
        ("rear adm", ["grace"]),  # title, two words
        ("grace@navy", ["grace"]),  # email
        ("kernel", ["linus"]),  # notes
        ("compil", ["grace"]),  # skills offered
        ("rust", ["linus"]),  # skills sought
        ("aberg", ["linus"]),  # without diacritics
        ("GRACE", ["grace"]),
        ("nobody", []),
        ('"', []),
        ("ada OR grace", []),  # typed words are words, not query syntax
    ],
)
def test_search_matches_every_field_by_prefix(network, text, expected):
    found = people.person_ids(text)
    assert found == [network[name] for name in expected]


def test_search_follows_a_renamed_company(network):
    company_id = companies.find_company("Navy")
    companies.update_company(company_id, companies.CompanyData(name="Fleet Systems"))
    assert people.person_ids("fleet") == [network["grace"]]
    assert people.person_ids("navy") == [network["grace"]]  # still in her email


def test_person_rows_show_labels_and_skills(network):
    row = people.person_rows([network["ada"]])[network["ada"]]
    assert row.name == "Ada Lovelace"
    assert row.company == "Analytical Engines"
    assert row.roles == "Hiring manager, Mentor"
    assert set(row.offers.split(", ")) == {"Python", "Mentoring"}
    assert row.seeks == "Data engineers"


def test_list_sorts_accented_names_among_the_others(database):
    for name in ("Zoe Adams", "Émile Roux", "Øyvind Berg", "Łukasz Nowak", "anna Smith"):
        people.create_person(PersonData(name=name))
    rows = people.person_rows(people.person_ids())
    assert [rows[i].name for i in people.person_ids()] == [
        "anna Smith",
        "Émile Roux",
        "Łukasz Nowak",
        "Øyvind Berg",
        "Zoe Adams",
    ]


@pytest.mark.parametrize("name", ["\u200b", " \u200b\u200e ", "\t\n"])
def test_invisible_names_are_refused(database, name):
    assert people.validate_person(PersonData(name=name)).errors["name"] == (
        "A person needs a name."
    )


def test_overlong_names_are_refused_with_the_limit(database):
    problems = people.validate_person(PersonData(name="x" * 5000))
    assert problems.errors["name"] == (
        "Names can be at most 200 characters long (this one has 5,000)."
    )


def test_same_name_is_a_warning(database):
    people.create_person(PersonData(name="José Núñez", company="Acme"))
    problems = people.validate_person(PersonData(name="jose nunez"))
    assert problems.ok
    assert problems.warnings["name"] == (
        "You already have José Núñez (Acme). Save anyway if this is someone else."
    )


@pytest.mark.parametrize("text", ["a\x00b", "\x00", "ada\x1b[0m", "\ud7ff"])
def test_search_survives_control_characters(network, text):
    people.person_ids(text)  # no exception


def test_search_finds_a_place(database):
    berlin = people.create_person(PersonData(name="Lena", location="Berlin, Germany"))
    people.create_person(PersonData(name="Sam", location="Austin, TX"))
    assert people.person_ids("berlin") == [berlin]


def test_find_people_matches_name_words_only(network):
    assert [c.name for c in people.find_people("gra")] == ["Grace Hopper"]
    assert [c.name for c in people.find_people("hop gra")] == ["Grace Hopper"]
    assert people.find_people("navy") == []  # a company, not a name
    assert people.find_people("") == []
    choice = people.find_people("ada")[0]
    assert (choice.name, choice.company) == ("Ada Lovelace", "Analytical Engines")


def test_person_named_ignores_case_and_accents(network):
    assert people.person_named("linus aberg") == network["linus"]
    assert people.person_named("Nobody") is None


def test_deleting_a_person_takes_their_actions_out_of_the_text_index(database):
    from desktop.core import actions

    ada = people.create_person(PersonData(name="Ada"))
    actions.create_action(
        actions.ActionData(occurred_on=date(2026, 1, 5), counterpart_id=ada, summary="Zebra talk")
    )
    people.delete_person(ada)
    found = db.execute_sql(
        "SELECT count(*) FROM action_search WHERE action_search MATCH 'zebra'"
    ).fetchone()[0]
    assert found == 0


def test_a_keystroke_reads_the_count_and_the_first_people_by_name(database):
    for n in range(60):
        people.create_person(people.PersonData(name=f"Ann {60 - n:02}", title="Analyst"))
    people.create_person(people.PersonData(name="Zoe", title="Baker"))
    everyone = people.person_ids("a")
    assert len(everyone) == 60
    total, first = people.person_search("a", first=5)  # many more than 4 × 5: the index walk
    assert total == 60 and first == everyone[:5]
    total, first = people.person_search("zoe", first=5)  # few: sorted outright, all of them
    assert (total, first) == (1, people.person_ids("zoe"))
    total, first = people.person_search("", first=5)
    assert total == 61 and first == people.person_ids("")[:5]
    assert people.person_search("  !! ") == (0, [])
