"""Companies: unique names ignoring case, website checks, deleting what goes with them."""

from __future__ import annotations

import pytest

from desktop.core import companies, people
from desktop.core.companies import CompanyData
from desktop.core.validation import ValidationError
from desktop.store.connection import db


def test_name_is_unique_ignoring_case(database):
    companies.create_company(CompanyData(name="Acme"))
    problems = companies.validate_company(CompanyData(name="  ACME "))
    assert problems.errors["name"] == "A company named 'Acme' already exists."
    with pytest.raises(ValidationError):
        companies.create_company(CompanyData(name="acme"))


def test_unicode_names_compare_by_casefold(database):
    companies.create_company(CompanyData(name="Straße GmbH"))
    assert not companies.validate_company(CompanyData(name="STRASSE GMBH")).ok


def test_renaming_to_its_own_name_in_other_case_is_fine(database):
    company_id = companies.create_company(CompanyData(name="acme"))
    companies.update_company(company_id, CompanyData(name="Acme"))
    assert companies.get_company(company_id).name == "Acme"


@pytest.mark.parametrize(
    ("website", "ok"),
    [
        ("https://acme.example", True),
        ("http://acme.example/jobs?x=1", True),
        ("", True),
        ("ftp://acme.example", False),
        ("acme.example", True),  # saved as https://acme.example (below)
        ("javascript:alert(1)", False),
        ("acme", False),
    ],
)
def test_website_must_be_http(database, website, ok):
    problems = companies.validate_company(CompanyData(name="Acme", website=website))
    assert problems.ok is ok
    if not ok:
        assert "http:// or https://" in problems.errors["website"]


def test_a_bare_site_name_is_saved_with_https_before_it(database):
    """As found: the form refused globex.example until https:// was typed."""
    company_id = companies.create_company(CompanyData(name="Globex", website=" globex.example "))
    assert companies.get_company(company_id).website == "https://globex.example"
    person_id = people.create_person(
        people.PersonData(name="Ada", linkedin_url="www.linkedin.com/in/ada")
    )
    assert people.get_person(person_id).linkedin_url == "https://www.linkedin.com/in/ada"


def test_empty_name_is_refused(database):
    assert companies.validate_company(CompanyData(name=" ")).errors["name"] == (
        "A company needs a name."
    )


def test_delete_keeps_people_and_tells_the_impact(database):
    person_id = people.create_person(people.PersonData(name="Ada", company="Acme"))
    company_id = companies.find_company("acme")
    db.execute_sql(
        "INSERT INTO need (company_id, title, created_at, updated_at) VALUES (?, 'Data', '', '')",
        (company_id,),
    )
    assert companies.delete_impact(company_id) == (1, 1, 0)
    companies.delete_company(company_id)
    assert people.get_person(person_id).company == ""
    assert db.execute_sql("SELECT count(*) FROM need").fetchone()[0] == 0
    assert people.person_ids("acme") == []


def test_list_filters_and_rows(database):
    for name, industry in (("Beta", "Health"), ("alpha", "Fintech"), ("Gamma", "Fintech")):
        companies.create_company(CompanyData(name=name, industry=industry))
    people.create_person(people.PersonData(name="Ada", company="Gamma"))
    ids = companies.company_ids()
    assert [companies.company_rows(ids)[i].name for i in ids] == ["alpha", "Beta", "Gamma"]
    fintech = companies.company_ids("fintech")
    rows = companies.company_rows(fintech)
    assert [(rows[i].name, rows[i].people) for i in fintech] == [("alpha", 0), ("Gamma", 1)]


@pytest.mark.parametrize(
    "twin",
    [
        "Acme Co\u0308rp",  # decomposed ö
        "ＡＣＭＥ Cörp",  # full-width letters
        "Acme Cörp\u200b",  # a zero-width space at the end
    ],
)
def test_names_that_look_the_same_are_the_same(database, twin):
    companies.create_company(CompanyData(name="Acme Cörp"))
    assert not companies.validate_company(CompanyData(name=twin)).ok


def test_accented_and_plain_spellings_are_different_companies(database):
    companies.create_company(CompanyData(name="Acme Cörp"))
    assert companies.validate_company(CompanyData(name="Acme Corp")).ok


def test_search_ignores_case_and_accents_in_every_column(database):
    paris = companies.create_company(CompanyData(name="Lumière", location="Île-de-France"))
    berlin = companies.create_company(CompanyData(name="Nord", location="Straße 5, Berlin"))
    assert companies.company_ids("île") == [paris]
    assert companies.company_ids("ile-de") == [paris]
    assert companies.company_ids("LUMIERE") == [paris]
    assert companies.company_ids("strasse") == [berlin]
    assert companies.company_ids("Straße") == [berlin]
    assert companies.company_ids("") == [paris, berlin]
