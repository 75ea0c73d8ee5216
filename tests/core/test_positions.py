"""Positions: each person's employment history, its open position shown as their company
and title, kept in step by every write; and when a position began and ended, as typed."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import merging, people, positions, undo
from desktop.core.dates import NotADate
from desktop.core.people import PersonData
from desktop.core.positions import PositionData
from desktop.core.validation import ValidationError
from desktop.core.when import parse_when, span_words, when_words
from desktop.store import query, undo_log
from desktop.store.connection import db

TODAY = date(2026, 12, 3)


def history(person_id: int) -> list[tuple]:
    return [
        (p.company, p.title, p.started, p.ended, p.current, p.source)
        for p in positions.positions_of(person_id)
    ]


def shown(person_id: int) -> tuple[str, str]:
    data = people.get_person(person_id)
    return data.company, data.title


def test_a_new_person_with_a_company_has_it_as_their_open_position(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Contoso", title="Analyst"))
    assert history(theo) == [("Contoso", "Analyst", None, None, True, "typed")]
    nobody = people.create_person(PersonData(name="Ira Free", title="Consultant"))
    assert history(nobody) == []  # a title alone is no position


def test_a_move_keeps_the_old_company_and_a_correction_does_not(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Contoso", title="Analyst"))
    people.update_person(theo, PersonData(name="Theo Grant", company="Contosso", title="Analyst"))
    assert history(theo) == [("Contosso", "Analyst", None, None, True, "typed")]  # corrected
    people.update_person(
        theo, PersonData(name="Theo Grant", company="Globex", title="Lead"), moved=True
    )
    assert history(theo) == [
        ("Globex", "Lead", None, None, True, "typed"),
        ("Contosso", "Analyst", None, None, False, "typed"),
    ]
    people.update_person(theo, PersonData(name="Theo Grant"), moved=True)  # left, no new job
    assert shown(theo) == ("", "")
    assert [p[4] for p in history(theo)] == [False, False]


def test_adding_a_current_position_ends_the_open_one_and_becomes_the_company(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Contoso", title="Analyst"))
    positions.add_position(
        theo, PositionData(company="Globex", title="Lead", started="2025-03", current=True)
    )
    assert history(theo) == [
        ("Globex", "Lead", "2025-03", None, True, "typed"),
        ("Contoso", "Analyst", None, "2025-03", False, "typed"),  # ended when the next began
    ]
    assert shown(theo) == ("Globex", "Lead")
    # An earlier job added to the history leaves the company as it is.
    positions.add_position(
        theo, PositionData(company="Initech", title="Intern", started="2015", ended="2016")
    )
    assert shown(theo) == ("Globex", "Lead")
    assert [p[0] for p in history(theo)] == ["Globex", "Contoso", "Initech"]


def test_ending_and_deleting_the_open_position_clears_the_company(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Contoso", title="Analyst"))
    (open_one,) = positions.positions_of(theo)
    positions.end_position(open_one.id, "2025-03")
    assert shown(theo) == ("", "")
    assert history(theo) == [("Contoso", "Analyst", None, "2025-03", False, "typed")]
    assert positions.positions_of(theo)[0].words() == "Analyst at Contoso, until Mar 2025"
    positions.update_position(
        open_one.id, PositionData(company="Contoso", title="Analyst", current=True)
    )
    assert shown(theo) == ("Contoso", "Analyst")
    positions.delete_position(open_one.id)
    assert shown(theo) == ("", "") and history(theo) == []


def test_a_position_is_validated_in_words(database):
    theo = people.create_person(PersonData(name="Theo Grant"))
    with pytest.raises(ValidationError) as refused:
        positions.add_position(
            theo, PositionData(company="Globex", started="2025-03", ended="2024")
        )
    assert refused.value.problems.errors == {"ended": "A position cannot end before it started."}
    with pytest.raises(ValidationError) as refused:
        positions.add_position(theo, PositionData(company="  "))
    assert "company" in refused.value.problems.errors
    # The same month at both ends is one month, not an end before the start.
    positions.add_position(theo, PositionData(company="Globex", started="2025-03", ended="2025-03"))
    assert history(theo) == [("Globex", "", "2025-03", "2025-03", False, "typed")]


def test_a_move_is_one_step_that_undo_takes_back_whole(database):
    undo_log.keep(db)
    try:
        theo = people.create_person(
            PersonData(name="Theo Grant", company="Contoso", title="Analyst")
        )
        before = history(theo), shown(theo)
        positions.add_position(theo, PositionData(company="Globex", title="Lead", current=True))
        step = undo_log.steps_since(0, db)[-1]
        assert step.label == "Add position at ‘Globex’ for Theo Grant"
        undone = undo.reverse(step.step)
        assert (history(theo), shown(theo)) == before
        undo.reverse(undone.step)
        assert shown(theo) == ("Globex", "Lead")
    finally:
        undo_log.stop(db)


def test_a_merge_brings_the_others_history_to_the_survivor(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Globex", title="Lead"))
    other = people.create_person(
        PersonData(name="Theo G.", company="Contoso", title="Analyst", email="t@example.com")
    )
    positions.add_position(other, PositionData(company="Initech", ended="2019"))
    people_before = query.value("SELECT count(*) FROM position")
    merging.merge_people(theo, other)
    assert history(theo) == [
        ("Globex", "Lead", None, None, True, "typed"),
        ("Initech", "", None, "2019", False, "merge"),
        ("Contoso", "Analyst", None, None, False, "merge"),
    ]
    assert query.value("SELECT count(*) FROM position") == people_before


def test_moves_are_counted_since_a_day_for_the_dashboard(database):
    theo = people.create_person(PersonData(name="Theo Grant", company="Contoso"))
    people.create_person(PersonData(name="Dana Ruiz", company="Globex"))  # no move
    people.update_person(
        theo, PersonData(name="Theo Grant", company="Globex", title="Lead"), moved=True
    )
    total, moves = positions.moves_since(date.today())
    assert total == 1
    assert [(m.person, m.company, m.title, m.earlier) for m in moves] == [
        ("Theo Grant", "Globex", "Lead", "Contoso")
    ]
    assert positions.moves_since(date(2199, 1, 1))[0] == 0


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2025", "2025"),
        ("2025-03", "2025-03"),
        ("2025-3", "2025-03"),
        ("03/2025", "2025-03"),
        ("Mar 2025", "2025-03"),
        ("march 2025", "2025-03"),
        ("Sept. 2024", "2024-09"),
        ("2025 Mar", "2025-03"),
        ("2025-03-14", "2025-03-14"),
        ("yesterday", "2026-12-02"),
        ("  ", None),
    ],
)
def test_when_a_position_began_is_typed_as_a_year_a_month_or_a_day(typed, meant):
    assert parse_when(typed, today=TODAY) == meant


@pytest.mark.parametrize("typed", ["2025-13", "Smarch 2025", "1850", "soon-ish"])
def test_what_is_not_a_year_month_or_day_is_refused_in_words(typed):
    with pytest.raises(NotADate) as refused:
        parse_when(typed, today=TODAY)
    assert str(refused.value).endswith(".") and len(str(refused.value).split()) > 4


def test_spans_read_as_words():
    assert when_words("2025-03-14") == "14 Mar 2025"
    assert span_words("2021-03", "2024-06", False) == "Mar 2021 – Jun 2024"
    assert span_words("2021", None, True) == "since 2021"
    assert span_words(None, None, True) == "now"
    assert span_words(None, "2024", False) == "until 2024"
    assert span_words(None, None, False) == ""
