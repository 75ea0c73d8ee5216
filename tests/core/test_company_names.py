"""When two company names are one company: precision first, the rule said in words."""

from __future__ import annotations

import pytest

from desktop.core import companies, company_names
from desktop.core.companies import CompanyData
from desktop.core.company_names import ALIAS, NAME, SAME, Canon
from desktop.core.validation import ValidationError
from desktop.store.textkeys import company_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Contoso, Ltd.", "Contoso"),
        ("Acme Corp", "Acme"),
        ("ACME Inc.", "acme"),
        ("The Coca-Cola Company", "Coca Cola"),
        ("Société Générale S.A.", "Societe Generale"),
        ("Müller GmbH & Co. KG", "Müller"),
        ("Johnson & Johnson", "Johnson and Johnson"),
        ("ＧＬＯＢＥＸ", "Globex"),  # full width
        ("Globex\u200b Corporation", "Globex"),  # a zero-width space
    ],
)
def test_names_that_differ_only_in_spelling_and_legal_suffix_are_one(one, other):
    assert company_key(one) == company_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Apex Systems", "Apex Group"),
        ("Acme", "Acme Rockets"),
        ("Amazon", "Amazon Web Services"),
        ("Meta", "Facebook"),  # only by an alias the user confirms
        ("Inc.", "Ltd."),  # a suffix alone is the whole name
        ("Delta Air Lines", "Delta Dental"),
    ],
)
def test_names_that_name_other_companies_stay_apart(one, other):
    assert company_key(one) != company_key(other)


def test_a_company_counts_its_namesakes_and_aliases_with_their_rule(database):
    contoso = companies.create_company(CompanyData(name="Contoso"))
    ltd = companies.create_company(CompanyData(name="Contoso, Ltd."))
    companies.create_company(CompanyData(name="Contoso Rockets"))
    meta = companies.create_company(CompanyData(name="Meta"))
    facebook = companies.create_company(CompanyData(name="Facebook"))
    company_names.set_aliases(meta, ["Facebook", "Instagram"])
    assert [(n.name, n.rule) for n in company_names.namesakes(contoso)] == [
        ("Contoso", SAME),
        ("Contoso, Ltd.", NAME),
    ]
    assert [(n.id, n.rule) for n in company_names.namesakes(ltd)] == [(ltd, SAME), (contoso, NAME)]
    # Both ways: Meta counts Facebook, and Facebook counts Meta.
    assert [(n.id, n.rule) for n in company_names.namesakes(meta)] == [
        (meta, SAME),
        (facebook, ALIAS),
    ]
    assert [(n.id, n.rule) for n in company_names.namesakes(facebook)] == [
        (facebook, SAME),
        (meta, ALIAS),
    ]
    assert Canon().same("Instagram, Inc.", "Meta")
    assert not Canon().same("Instagram", "Contoso")


def test_two_companies_of_one_name_on_different_websites_are_two(database):
    systems = companies.create_company(
        CompanyData(name="Apex", website="https://www.apexsystems.example/")
    )
    fintech = companies.create_company(
        CompanyData(name="Apex, Inc.", website="apexfintech.example")
    )
    plain = companies.create_company(CompanyData(name="APEX Ltd"))
    assert [n.id for n in company_names.namesakes(systems)] == [systems, plain]
    assert [n.id for n in company_names.namesakes(fintech)] == [fintech, plain]


def test_aliases_are_refused_in_words_when_they_would_mislead(database):
    meta = companies.create_company(CompanyData(name="Meta"))
    other = companies.create_company(CompanyData(name="Alphabet"))
    company_names.set_aliases(other, ["Google"])
    with pytest.raises(ValidationError) as refused:
        company_names.set_aliases(meta, ["Google LLC"])
    assert refused.value.problems.errors == {
        "aliases": "‘Google LLC’ is already another name for Alphabet."
    }
    with pytest.raises(ValidationError) as refused:
        company_names.set_aliases(meta, ["Meta Inc."])
    assert "already how Meta is matched" in refused.value.problems.errors["aliases"]
    company_names.set_aliases(meta, ["Facebook", " facebook ", ""])
    assert company_names.aliases_of(meta) == ["Facebook"]
    assert [(a.alias, a.company) for a in company_names.aliases()] == [
        ("Google", "Alphabet"),
        ("Facebook", "Meta"),
    ]


def test_precision_and_recall_on_the_sample_networks_company_names():
    """Every company the sample generator can name (root × kind, 4,000 and more), each
    written the ways exports write it: no two companies share a key (precision 1), and
    every spelling of one finds the others (recall 1)."""
    from desktop.sample.names import COMPANY_ROOTS, COMPANY_SUFFIXES

    spellings = (
        "{}", "{} Inc.", "{}, Inc", "{} LLC", "{}, Ltd.", "{} Limited", "{} GmbH",
        "The {}", "{} Corporation", "{} S.A.", "{} & Co.", "  {}  ", "{} Pty Ltd",
    )  # fmt: skip
    companies_named = [f"{root} {kind}" for root in COMPANY_ROOTS for kind, _ in COMPANY_SUFFIXES]
    companies_named += list(COMPANY_ROOTS)  # 'Wren' is not 'Wren Cloud'
    owners: dict[str, set[str]] = {}
    found = 0
    for company in companies_named:
        keys = {company_key(spelling.format(company)) for spelling in spellings}
        found += len(keys) == 1
        for key in keys:
            owners.setdefault(key, set()).add(company)
    shared = [key for key, named in owners.items() if len(named) > 1]
    assert shared == []  # precision: no key stands for two companies
    assert found == len(companies_named)  # recall: each company one key, however written
    assert len(companies_named) > 4000
