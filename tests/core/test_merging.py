"""Merging two records of one person: fields chosen, links moved, nothing lost or doubled."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import actions, merging, needs, opportunities, people
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.store.connection import db


@pytest.fixture
def twins(database):
    keep = people.create_person(
        PersonData(name="Ada Lovelace", email="ada@old.example", title="Countess",
                   roles=("mentor",), offers=["Math"])
    )  # fmt: skip
    other = people.create_person(
        PersonData(name="Ada King", email="ada@new.example", phone="+44 555",
                   roles=("hiring_manager",), offers=["Engines", "math"])
    )  # fmt: skip
    bob = people.create_person(PersonData(name="Bob"))
    with_other = actions.create_action(
        ActionData(occurred_on=date(2026, 1, 2), counterpart_id=other, summary="Tea with Ada")
    )
    for_other = actions.create_action(
        ActionData(
            occurred_on=date(2026, 1, 3), counterpart_id=bob, beneficiary_id=other,
            summary="Introduced Ada to Bob",
        )
    )  # fmt: skip
    need = needs.create_need(
        needs.NeedData(company="Acme", title="Engines", source_person_id=other)
    )
    opp = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme",
            title="Lead",
            people=[(other, "hiring_manager"), (keep, "hiring_manager")],
        )
    )
    return dict(keep=keep, other=other, bob=bob, with_other=with_other, for_other=for_other,
                need=need, opp=opp)  # fmt: skip


def test_differences_show_what_must_be_chosen(twins):
    assert merging.differences(twins["keep"], twins["other"]) == {
        "name": ("Ada Lovelace", "Ada King"),
        "email": ("ada@old.example", "ada@new.example"),
    }


def test_merge_moves_every_link_and_keeps_the_chosen_values(twins):
    merging.merge_people(twins["keep"], twins["other"], take_other={"email"})
    keep = people.get_person(twins["keep"])
    assert (keep.name, keep.email, keep.phone, keep.title) == (
        "Ada Lovelace", "ada@new.example", "+44 555", "Countess"
    )  # fmt: skip
    # The name and the address not chosen are not lost.
    assert keep.notes == "Also known as: Ada King\nAlso: ada@old.example"
    assert set(keep.roles) == {"mentor", "hiring_manager"}
    assert [s.casefold() for s in keep.offers] == ["engines", "math"]  # one Math
    assert actions.get_action(twins["with_other"]).counterpart_id == twins["keep"]
    assert actions.get_action(twins["for_other"]).beneficiary_id == twins["keep"]
    assert needs.get_need(twins["need"]).source_person_id == twins["keep"]
    assert opportunities.get_opportunity(twins["opp"]).people == [
        (twins["keep"], "hiring_manager")
    ]  # once, not twice
    assert db.execute_sql("SELECT 1 FROM person WHERE id = ?", (twins["other"],)).fetchone() is None
    assert people.person_ids("engines") == [twins["keep"]]  # searchable by their skills


def test_a_merge_that_cannot_be_saved_changes_nothing(twins):
    with pytest.raises(ValueError, match="two different people"):
        merging.merge_people(twins["keep"], twins["keep"])
    with pytest.raises(ValueError, match="Unknown fields"):
        merging.merge_people(twins["keep"], twins["other"], take_other={"shoe_size"})
    assert people.get_person(twins["other"]).name == "Ada King"


def test_nothing_not_chosen_is_lost(database):
    keep = people.create_person(
        PersonData(name="Ada Lovelace", company="Acme", title="CTO", how_met="PyCon",
                   met_on=date(2024, 6, 1), location="London", notes="Met at the Royal Society.")
    )  # fmt: skip
    other = people.create_person(
        PersonData(name="Ada Lovelace", company="Globex", title="Countess", how_met="Letters",
                   met_on=date(2023, 1, 2), location="Leeds", notes="Prefers email.")
    )  # fmt: skip
    merging.merge_people(keep, other, take_other={"notes", "title"})
    merged = people.get_person(keep)
    assert (merged.company, merged.title, merged.how_met) == ("Acme", "Countess", "PyCon")
    assert merged.notes.splitlines() == [
        "Prefers email.",
        "Met at the Royal Society.",
        "Also at: Globex",
        "Also title: CTO",
        "Also location: Leeds",
        "Also how met: Letters",
        "Also met on: 2023-01-02",
    ]


def test_no_one_helps_themselves_after_a_merge(twins):
    helped_keep = actions.create_action(
        ActionData(
            occurred_on=date(2026, 1, 4), counterpart_id=twins["other"],
            beneficiary_id=twins["keep"], summary="Ada King introduced Ada Lovelace",
        )
    )  # fmt: skip
    merging.merge_people(twins["keep"], twins["other"])
    action = actions.get_action(helped_keep)
    assert (action.counterpart_id, action.beneficiary_id) == (twins["keep"], None)
