"""Keep-in-touch tiers: their checks, the gaps that hold for a person, and setting a tier
for many people at once as one step to undo."""

from __future__ import annotations

import pytest

from desktop.core import people, ties, undo
from desktop.core.people import PersonData
from desktop.core.ties import Gaps, Tier, TierData
from desktop.core.validation import ValidationError
from desktop.store import undo_log
from desktop.store.connection import db

CLOSE = Tier(1, "Close", 14, 21)


def tier_id(name: str) -> int:
    found = ties.tier_named(name)
    assert found is not None, name
    return found


@pytest.fixture
def history(database):
    undo_log.keep(db)
    yield
    undo_log.stop(db)


def tiers_of(*ids: int) -> list[int | None]:
    return [
        db.execute_sql("SELECT tier_id FROM person WHERE id = ?", (i,)).fetchone()[0] for i in ids
    ]


# -- the gaps -------------------------------------------------------------------------------
def test_the_three_tiers_every_network_starts_with(database):
    assert [(t.name, t.ideal_days, t.longest_days) for t in ties.list_tiers()] == [
        ("Close", 14, 21),
        ("Regular", 30, 45),
        ("Occasional", 90, 135),
    ]


@pytest.mark.parametrize(
    ("cadence", "longest", "tier", "expected"),
    [
        (None, None, None, None),
        (None, None, CLOSE, Gaps(14, 21, "the ‘Close’ tier", "the ‘Close’ tier")),
        (10, None, CLOSE, Gaps(10, 21, "their own", "the ‘Close’ tier")),
        (None, 30, CLOSE, Gaps(14, 30, "the ‘Close’ tier", "their own")),
        (20, 25, CLOSE, Gaps(20, 25, "their own", "their own")),
        # The tier's longest is shorter than their own ideal: half as long again.
        (25, None, CLOSE, Gaps(25, 38, "their own", "half as long again")),
        (7, None, None, Gaps(7, 11, "their own", "half as long again")),
        (14, None, None, Gaps(14, 21, "their own", "half as long again")),
        # Only a longest, and no ideal: no keeping in touch at all.
        (None, 30, None, None),
    ],
)
def test_effective_gaps(cadence, longest, tier, expected):
    assert ties.effective_gaps(cadence, longest, tier) == expected


def test_the_gaps_in_words(database):
    ada = people.create_person(PersonData(name="Ada", tier="Regular"))
    assert ties.gaps_text(ties.gaps_of(ada)) == "Every 30 days, at most 45 (the ‘Regular’ tier)"
    people.update_person(ada, PersonData(name="Ada", tier="Regular", cadence_days=50))
    assert ties.gaps_text(ties.gaps_of(ada)) == (
        "Every 50 days (their own), at most 75 (half as long again)"
    )
    assert ties.gaps_text(None) == ""


# -- the tiers' checks ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (TierData("  ", 10, 20), "name", "needs a name"),
        (TierData("x" * 201, 10, 20), "name", "at most 200 characters"),
        (TierData("Weekly", 0, 20), "ideal_days", "every 1 to 3,650 days"),
        (TierData("Weekly", 10, 3651), "longest_days", "1 to 3,650 days"),
        (TierData("Weekly", 10, 9), "longest_days", "cannot be shorter than the ideal one"),
        (TierData("close", 7, 10), "name", "There is a tier called ‘Close’ already"),
        (TierData(" CLOSE ", 7, 10), "name", "There is a tier called ‘Close’ already"),
    ],
)
def test_a_tier_is_checked_before_it_is_saved(database, data, field, words):
    problems = ties.validate_tier(data)
    assert words in problems.errors[field]
    with pytest.raises(ValidationError):
        ties.create_tier(data)
    assert len(ties.list_tiers()) == 3


def test_ideal_equal_to_longest_and_the_limits_are_allowed(database):
    assert ties.validate_tier(TierData("Daily", 1, 1)).ok
    assert ties.validate_tier(TierData("Decade", 3650, 3650)).ok


def test_create_rename_edit_and_delete(database):
    weekly = ties.create_tier(TierData("  Weekly  ", 7, 10))
    assert ties.get_tier(weekly) == Tier(weekly, "Weekly", 7, 10)
    assert ties.list_tiers()[0].name == "Weekly"  # the closest first
    ties.rename_tier(weekly, "Every week")
    assert ties.get_tier(weekly).name == "Every week"
    assert ties.tier_named("EVERY WEEK") == weekly
    # A tier keeps its own name when saved again, whatever the case.
    ties.update_tier(weekly, TierData("every week", 5, 9))
    assert ties.get_tier(weekly) == Tier(weekly, "every week", 5, 9)
    with pytest.raises(ValidationError):
        ties.update_tier(weekly, TierData("Regular", 5, 9))
    ada = people.create_person(PersonData(name="Ada", tier="every week"))
    assert ties.people_in(weekly) == 1
    ties.delete_tier(weekly)
    assert people.get_person(ada).tier == ""
    assert ties.tier_named("every week") is None


def test_saving_the_whole_list_adds_edits_swaps_and_deletes_in_one_step(history):
    ada = people.create_person(PersonData(name="Ada", tier="Occasional"))
    close, regular = tier_id("Close"), tier_id("Regular")
    rows = [
        (close, TierData("Regular", 14, 21)),  # the two swap names
        (regular, TierData("Close", 30, 45)),
        (None, TierData("Weekly", 7, 10)),
    ]
    before = len(undo_log.steps_since(0, db))
    ties.save_tiers(rows)
    assert len(undo_log.steps_since(0, db)) == before + 1
    assert undo_log.steps_since(0, db)[-1].label == "Edit keep-in-touch tiers"
    assert {(t.id, t.name) for t in ties.list_tiers()} >= {(close, "Regular"), (regular, "Close")}
    assert ties.tier_named("Occasional") is None and people.get_person(ada).tier == ""
    undo.reverse(undo_log.steps_since(0, db)[-1].step)
    assert [t.name for t in ties.list_tiers()] == ["Close", "Regular", "Occasional"]
    assert people.get_person(ada).tier == "Occasional"


def test_saving_the_list_unchanged_is_no_step(history):
    rows = [(t.id, TierData(t.name, t.ideal_days, t.longest_days)) for t in ties.list_tiers()]
    before = len(undo_log.steps_since(0, db))
    ties.save_tiers(rows)
    assert len(undo_log.steps_since(0, db)) == before


def test_a_list_with_two_tiers_of_one_name_is_refused_whole(database):
    rows = [(None, TierData("Weekly", 7, 10)), (None, TierData("weekly ", 8, 12))]
    problems = ties.validate_tiers(rows)
    assert problems.errors == {"1.name": "Two tiers are called ‘weekly’; give each its own name."}
    with pytest.raises(ValidationError):
        ties.save_tiers(rows)
    assert len(ties.list_tiers()) == 3


# -- a person's tier and longest gap ----------------------------------------------------------
def test_a_person_keeps_their_tier_and_longest_gap(database):
    ada = people.create_person(PersonData(name="Ada", tier="close", longest_gap_days=30))
    found = people.get_person(ada)
    assert (found.tier, found.longest_gap_days) == ("Close", 30)
    people.update_person(ada, PersonData(name="Ada"))
    found = people.get_person(ada)
    assert (found.tier, found.longest_gap_days) == ("", None)


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"tier": "Weekly"}, "tier", "no keep-in-touch tier called ‘Weekly’"),
        ({"longest_gap_days": 30}, "longest_gap_days", "or choose a tier"),
        ({"tier": "Close", "longest_gap_days": 10}, "longest_gap_days", "every 14 days"),
        ({"cadence_days": 40, "tier": "Close", "longest_gap_days": 30}, "longest_gap_days",
         "every 40 days"),
        ({"cadence_days": 4, "longest_gap_days": 3651}, "longest_gap_days", "1 to 3650 days"),
    ],
)  # fmt: skip
def test_a_persons_tier_and_longest_gap_are_checked(database, fields, field, words):
    problems = people.validate_person(PersonData(name="Ada", **fields))
    assert words in problems.errors[field]
    with pytest.raises(ValidationError):
        people.create_person(PersonData(name="Ada", **fields))
    assert people.person_count() == 0


# -- many people at once ---------------------------------------------------------------------
def test_setting_a_tier_for_many_people_is_one_step_to_undo(history):
    ids = [people.create_person(PersonData(name=f"Person {n}")) for n in range(12)]
    already = ids[0]
    ties.assign_tier([already], tier_id("Regular"))
    steps = len(undo_log.steps_since(0, db))
    assert ties.assign_tier(ids, tier_id("Close")) == 12
    (step,) = undo_log.steps_since(0, db)[steps:]
    assert step.label == "Set tier ‘Close’ for 12 people"
    assert set(tiers_of(*ids)) == {tier_id("Close")}
    undo.reverse(step.step)
    assert tiers_of(*ids) == [tier_id("Regular"), *[None] * 11]


def test_clearing_the_tier_and_a_tier_already_held(history):
    ids = [people.create_person(PersonData(name=f"Person {n}", tier="Close")) for n in range(2)]
    assert ties.assign_tier(ids, tier_id("Close")) == 0  # nothing to change
    assert ties.assign_tier([*ids, ids[0]], None) == 2
    assert undo_log.steps_since(0, db)[-1].label == "Clear the keep-in-touch tier of 2 people"
    assert tiers_of(*ids) == [None, None]
    ties.assign_tier(ids[:1], tier_id("Regular"))
    assert undo_log.steps_since(0, db)[-1].label == "Set tier ‘Regular’ for 1 person"


def test_setting_a_tier_that_is_gone_changes_nobody(database):
    ada = people.create_person(PersonData(name="Ada"))
    with pytest.raises(LookupError):
        ties.assign_tier([ada], 999)
    assert tiers_of(ada) == [None]


def test_many_more_people_than_one_statement_takes(database):
    db.execute_sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)"
        " INSERT INTO person (name, created_at, updated_at)"
        " SELECT 'P' || i, '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM n"
    )
    ids = [row[0] for row in db.execute_sql("SELECT id FROM person ORDER BY id")]
    assert ties.assign_tier(ids, tier_id("Occasional")) == 1100
    assert set(tiers_of(ids[0], ids[600], ids[-1])) == {tier_id("Occasional")}
