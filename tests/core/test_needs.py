"""Needs: validation in words, one transaction per write, the list newest first."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import companies, needs, people
from desktop.core.needs import NeedData
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store.connection import db


def count(table: str) -> int:
    return db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def pipeline(**changes) -> NeedData:
    data = NeedData(
        company="Analytical Engines",
        title="Tame the data pipeline",
        problem="Reports arrive late; the board notices.",
        for_whom="shareholders",
        skills=["Python", "SQL", "python"],
        learned_on=date(2025, 3, 14),
        urgency=3,
        notes="Ask Ada again in May.",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_labels_cover_the_schema_values():
    assert list(needs.FOR_WHOM_LABELS) == ["boss", "customers", "shareholders", "team", "other"]
    assert needs.FOR_WHOM_LABELS["team"] == "The team"
    assert list(needs.STATUS_LABELS) == ["open", "filled", "closed"]


def test_create_and_read_back_every_field(database):
    ada = people.create_person(PersonData(name="Ada Lovelace"))
    need_id = needs.create_need(pipeline(source_person_id=ada, fit_override="partial"))
    assert needs.get_need(need_id) == NeedData(
        company="Analytical Engines",
        title="Tame the data pipeline",
        problem="Reports arrive late; the board notices.",
        for_whom="shareholders",
        skills=["Python", "SQL"],
        source_person_id=ada,
        learned_on=date(2025, 3, 14),
        status="open",
        urgency=3,
        fit_override="partial",
        notes="Ask Ada again in May.",
    )
    assert count("company") == 1  # created with the need
    assert count("need_skill") == 2


def test_existing_company_is_reused_ignoring_case(database):
    companies.create_company(companies.CompanyData(name="Analytical Engines"))
    needs.create_need(pipeline(company="  analytical   ENGINES "))
    assert count("company") == 1


def test_update_replaces_fields_and_skills(database):
    need_id = needs.create_need(pipeline())
    needs.update_need(
        need_id, pipeline(company="Babbage & Co", title="Hire a tester", skills=["Testing"])
    )
    data = needs.get_need(need_id)
    assert (data.company, data.title, data.skills) == ("Babbage & Co", "Hire a tester", ["Testing"])
    with pytest.raises(LookupError):
        needs.update_need(need_id + 1, pipeline())


def test_delete_takes_the_skills_links_not_the_company(database):
    need_id = needs.create_need(pipeline())
    needs.delete_need(need_id)
    assert (count("need"), count("need_skill"), count("company")) == (0, 0, 1)
    with pytest.raises(LookupError):
        needs.get_need(need_id)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"company": "   "}, "company", "A need belongs to a company."),
        ({"title": " \u200b "}, "title", "Give the need a short title."),
        ({"status": "done"}, "status", "A need is open, filled or closed."),
        ({"urgency": 4}, "urgency", "Urgency is 1 (low), 2 (normal) or 3 (high)."),
        ({"urgency": 0}, "urgency", "Urgency is 1 (low), 2 (normal) or 3 (high)."),
        (
            {"fit_override": "great"},
            "fit_override",
            "My fit is strong, partial or none, or left automatic.",
        ),
        (
            {"for_whom": "the king"},
            "for_whom",
            "'For whom' must be one of: A boss, Customers, Shareholders, The team, "
            "Someone else, or left empty.",
        ),
        (
            {"source_person_id": 999},
            "source_person_id",
            "The person who told you about this need is no longer in your network.",
        ),
    ],
)
def test_invalid_input_is_explained_and_not_stored(database, changes, field, message):
    problems = needs.validate_need(pipeline(**changes))
    assert problems.errors == {field: message}
    with pytest.raises(ValidationError):
        needs.create_need(pipeline(**changes))
    assert count("need") == 0
    assert count("company") == 0  # the transaction took the new company back too


def test_a_failed_write_after_the_company_leaves_nothing_behind(database, monkeypatch):
    def broken(need_id, names):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(needs, "_write_skills", broken)
    with pytest.raises(RuntimeError):
        needs.create_need(pipeline())
    assert (count("need"), count("company"), count("skill")) == (0, 0, 0)


def test_list_is_newest_learned_first_and_filters(database):
    ada = people.create_person(PersonData(name="Ada Lovelace"))
    old = needs.create_need(pipeline(title="Old", learned_on=date(2024, 1, 1)))
    undated = needs.create_need(pipeline(title="Undated", learned_on=None))
    new = needs.create_need(
        pipeline(
            company="Crème Brûlée SA",
            title="Économétrie",
            problem="Forecasts.",
            learned_on=date(2025, 6, 1),
            status="filled",
            source_person_id=ada,
            skills=["R"],
        )
    )
    assert needs.need_ids() == [new, old, undated]
    assert needs.need_ids("creme") == [new]  # company name, accents ignored
    assert needs.need_ids("ECONOMETRIE") == [new]
    assert needs.need_ids("sql") == [old, undated]  # skills count
    assert needs.need_ids("late") == [old, undated]  # the problem too
    assert needs.need_ids(status="open") == [old, undated]
    engines = companies.find_company("Analytical Engines")
    assert needs.need_ids(company_id=engines) == [old, undated]
    assert needs.need_ids("nothing like it") == []
    rows = needs.need_rows([new, undated])
    assert rows[new] == needs.NeedRow(
        new, "Crème Brûlée SA", "Économétrie", "filled", 3, date(2025, 6, 1), "Ada Lovelace"
    )
    assert rows[undated].learned_on is None and rows[undated].source == ""
