"""The timeline's summary tables stay equal to a fresh rebuild through every kind of
change, and the all-time figures read from them equal the same figures worked out from
the actions themselves."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from desktop.core import actions, people, reciprocity
from desktop.core.actions import ActionData
from desktop.core.reciprocity import Range
from desktop.store import summaries
from desktop.store.connection import db

EVERYTHING = Range(date(1, 1, 1), date(9999, 12, 31))  # all time, but the live path
KINDS = ("referral", "job_lead", "introduction", "company_insight", "check_in", "thanks")


def summary_rows() -> tuple[list, list]:
    return (
        db.execute_sql("SELECT * FROM action_day ORDER BY 1, 2, 3").fetchall(),
        db.execute_sql("SELECT * FROM action_person ORDER BY 1").fetchall(),
    )


def assert_summaries_are_current() -> None:
    kept = summary_rows()
    with db.atomic() as transaction:
        summaries.rebuild(db)
        fresh = summary_rows()
        transaction.rollback()
    assert kept == fresh


def assert_all_time_figures_agree() -> None:
    everything, fast = EVERYTHING, reciprocity.ALL_TIME
    assert reciprocity.totals(fast)._replace(needs_learned=0) == reciprocity.totals(
        everything
    )._replace(needs_learned=0)
    assert reciprocity.by_kind(fast) == reciprocity.by_kind(everything)
    assert reciprocity.by_role(fast) == reciprocity.by_role(everything)
    assert reciprocity.top_exchanges(fast, 50) == reciprocity.top_exchanges(everything, 50)
    assert reciprocity.lag_histogram(fast) == reciprocity.lag_histogram(everything)
    assert reciprocity.owed(fast, None) == reciprocity.owed(everything, None)


def test_random_changes_keep_the_summaries_current(database):
    rng = random.Random(5)
    ids = [
        people.create_person(
            people.PersonData(name=f"P{n}", roles=(rng.choice(["recruiter", "job_seeker"]),))
        )
        for n in range(8)
    ]
    start = date(2026, 1, 1)
    logged: list[int] = []
    for step in range(160):
        choice = rng.random()
        if choice < 0.55 or not logged:
            counterpart = rng.choice(ids)
            beneficiary = rng.choice([None, *ids])
            logged.append(
                actions.create_action(
                    ActionData(
                        occurred_on=start + timedelta(days=rng.randrange(60)),
                        direction=rng.choice(["given", "received"]),
                        kind=rng.choice(KINDS),
                        counterpart_id=counterpart,
                        beneficiary_id=beneficiary if beneficiary != counterpart else None,
                        summary=f"step {step}",
                        weight=rng.randint(1, 3),
                    )
                )
            )
        elif choice < 0.85:
            action_id = rng.choice(logged)
            data = actions.get_action(action_id)
            data.occurred_on = start + timedelta(days=rng.randrange(60))
            data.direction = rng.choice(["given", "received"])
            data.kind = rng.choice(KINDS)
            data.weight = rng.randint(1, 3)
            data.counterpart_id = rng.choice(ids)
            data.beneficiary_id = rng.choice([None, *[i for i in ids if i != data.counterpart_id]])
            actions.update_action(action_id, data)
        elif choice < 0.97:
            actions.delete_action(logged.pop(rng.randrange(len(logged))))
        else:  # a person goes, with the actions they were the other person of
            gone = ids.pop(rng.randrange(len(ids)))
            people.delete_person(gone)
            logged = [
                a
                for a in logged
                if db.execute_sql("SELECT 1 FROM action WHERE id = ?", (a,)).fetchone()
            ]
            ids.append(people.create_person(people.PersonData(name=f"New {step}")))
        assert_summaries_are_current()  # after every change, so none can hide behind another
    assert_all_time_figures_agree()
    assert db.execute_sql("SELECT count(*) FROM action_day").fetchone()[0] > 0


def test_a_paused_bulk_load_is_rebuilt_at_the_end(database):
    ada = people.create_person(people.PersonData(name="Ada"))
    with db.atomic(), summaries.paused(db):
        for day in range(3):
            actions.create_action(
                ActionData(occurred_on=date(2026, 1, 1 + day), counterpart_id=ada, summary="x")
            )
        assert summary_rows() == ([], [])  # nothing ran while paused
    assert_summaries_are_current()
    assert reciprocity.totals().given == 3


def test_a_pause_needs_a_transaction_and_a_rollback_keeps_the_triggers(database):
    def triggers() -> list[str]:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        return [row[0] for row in db.execute_sql(sql)]

    kept = triggers()
    assert len(kept) == 3
    with pytest.raises(RuntimeError), summaries.paused(db):
        pass
    with pytest.raises(LookupError), db.atomic(), summaries.paused(db):
        assert triggers() == []
        raise LookupError("a load that fails half way")
    assert triggers() == kept
    ada = people.create_person(people.PersonData(name="Ada"))
    actions.create_action(ActionData(occurred_on=date(2026, 1, 1), counterpart_id=ada, summary="x"))
    assert_summaries_are_current()
