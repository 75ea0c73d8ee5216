"""Go to anything: each kind found, ranked exact, whole word, start, word, anywhere, close
spelling, recent first within each; commands first among equals; actions by summary."""

from __future__ import annotations

from datetime import date

from desktop.core import actions, companies, goto, needs, opportunities, people
from desktop.core.actions import ActionData
from desktop.core.changes import Changed
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.core.people import PersonData


def found(text, commands=()):
    goto.forget()
    return [(hit.kind, hit.title) for hit in goto.search(text, commands)]


def test_each_kind_is_found_by_a_few_letters(database):
    ada = people.create_person(PersonData(name="Ada Lovelace", company="Analytical Engines"))
    needs.create_need(NeedData(company="Analytical Engines", title="Automate the looms"))
    opportunities.create_opportunity(OpportunityData(company="Globex", title="Loom engineer"))
    actions.create_action(
        ActionData(
            occurred_on=date(2026, 3, 2), counterpart_id=ada, summary="Lent Ada my loom notes"
        )
    )
    command = goto.Command("log", "Log action", "Ctrl+L")
    assert ("person", "Ada Lovelace") in found("ada")
    assert ("company", "Analytical Engines") in found("analyt")
    assert ("need", "Automate the looms") in found("automate")
    assert ("opportunity", "Loom engineer") in found("loom eng")
    assert ("action", "Lent Ada my loom notes") in found("loom notes")
    assert found("log", [command])[0] == ("command", "Log action")
    assert found("   ") == [] and found("zzzz-nobody") == []


def test_exact_then_whole_word_then_start_then_a_word_then_anywhere_then_close(database):
    for name in (
        "Mariam Stone",
        "Tom Maria",
        "Annamaria Blake",
        "Maria",
        "Maria Lopez",
        "Marla Kent",
    ):
        people.create_person(PersonData(name=name))
    assert [title for _kind, title in found("maria")] == [
        "Maria",  # the whole name
        "Maria Lopez",  # a name that begins with the whole word
        "Mariam Stone",  # a name that begins with it
        "Tom Maria",  # a later word begins with it
        "Annamaria Blake",  # it is in the name
        "Marla Kent",  # a close spelling
    ]


def test_within_a_tier_the_person_dealt_with_last_comes_first(database):
    old, new, never = (
        people.create_person(PersonData(name=name)) for name in ("Sam Old", "Sam New", "Sam Never")
    )
    for who, on in ((old, date(2025, 1, 1)), (new, date(2026, 6, 1))):
        actions.create_action(ActionData(occurred_on=on, counterpart_id=who, summary="Talked"))
    assert [title for _kind, title in found("sam")] == ["Sam New", "Sam Old", "Sam Never"]
    # Logging with Sam Never moves them up at once, without reading every name again.
    goto.search("sam")
    actions.create_action(
        ActionData(occurred_on=date(2026, 7, 1), counterpart_id=never, summary="Met")
    )
    goto.note_changes(Changed.ACTIONS)
    assert next(hit.title for hit in goto.search("sam")) == "Sam Never"


def test_a_close_spelling_finds_the_person_and_case_and_accents_do_not_matter(database):
    people.create_person(PersonData(name="Zoë Gallagher"))
    assert found("ZOE") == [("person", "Zoë Gallagher")]
    assert found("gallager") == [("person", "Zoë Gallagher")]
    assert found("zoe galager") == [("person", "Zoë Gallagher")]


def test_a_command_comes_before_a_record_that_matches_as_well(database):
    people.create_person(PersonData(name="People Person"))
    command = goto.Command("page:people", "People", "Ctrl+2")
    assert found("people", [command])[:2] == [("command", "People"), ("person", "People Person")]


def test_a_name_changed_is_found_by_its_new_name_after_the_change_is_told(database):
    ada = people.create_person(PersonData(name="Ada Byron"))
    assert [hit.title for hit in goto.search("byron")] == ["Ada Byron"]
    people.update_person(ada, PersonData(name="Ada Lovelace"))
    goto.note_changes(Changed.PEOPLE)
    assert [hit.title for hit in goto.search("lovelace")] == ["Ada Lovelace"]
    companies.create_company(companies.CompanyData(name="Byron & Co"))
    goto.note_changes(Changed.COMPANIES)
    assert [hit.kind for hit in goto.search("byron")] == ["company"]


def test_a_company_with_accents_is_found_as_typed_without_them(database):
    companies.create_company(companies.CompanyData(name="Société Générale"))
    companies.create_company(companies.CompanyData(name="Nestlé"))
    companies.create_company(companies.CompanyData(name="Nestle Waters"))
    assert found("societe gen") == [("company", "Société Générale")]
    assert found("Nestlé")[0] == ("company", "Nestlé")  # the whole name first
