"""Actions: validation in words, one transaction per write, the search index in step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop.core import actions, companies, people
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store import search_index
from desktop.store.connection import db
from desktop.store.models import ACTION_KINDS

TODAY = date(2026, 3, 15)


def count(table: str) -> int:
    return db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def matches(text: str) -> list[int]:
    rows = db.execute_sql(
        "SELECT rowid FROM action_search WHERE action_search MATCH ? ORDER BY rowid",
        (people.fts_query(text),),
    )
    return [r[0] for r in rows.fetchall()]


@pytest.fixture
def ids(database):
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    globex = companies.create_company(companies.CompanyData(name="Globex"))
    stamp = "2026-01-01 09:00:00"
    need = db.execute_sql(
        "INSERT INTO need (company_id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (globex, "Tame the data pipeline", stamp, stamp),
    ).lastrowid
    opportunity = db.execute_sql(
        "INSERT INTO opportunity (company_id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (acme, "Data engineer", stamp, stamp),
    ).lastrowid
    return {
        "ada": people.create_person(PersonData(name="Ada Lovelace", company="Acme")),
        "grace": people.create_person(PersonData(name="Grace Hopper")),
        "acme": acme,
        "globex": globex,
        "need": need,
        "opportunity": opportunity,
    }


def referral(ids, **changes) -> ActionData:
    data = ActionData(
        occurred_on=date(2026, 3, 10),
        direction="given",
        kind="referral",
        counterpart_id=ids["ada"],
        beneficiary_id=ids["grace"],
        company_id=ids["acme"],
        summary="Referred Grace for the data engineer role",
        notes="Ada said the team needs someone who knows COBOL.",
        weight=3,
        follow_up_on=date(2026, 3, 17),
    )
    return replace(data, **changes)


def test_labels_follow_the_kinds_of_the_schema():
    assert tuple(actions.KIND_LABELS) == ACTION_KINDS
    assert actions.KIND_LABELS["review"] == "Resume or portfolio review"
    assert actions.DIRECTION_LABELS == {"given": "Given", "received": "Received"}


def test_create_and_read_back_every_field(ids):
    action_id = actions.create_action(referral(ids, summary="  Referred Grace  "))
    assert actions.get_action(action_id) == referral(ids, summary="Referred Grace")
    created_at = db.execute_sql("SELECT created_at FROM action").fetchone()[0]
    assert datetime.strptime(created_at, "%Y-%m-%d %H:%M:%S")


@pytest.mark.parametrize(("link", "company"), [("need", "globex"), ("opportunity", "acme")])
def test_company_comes_from_the_need_or_opportunity(ids, link, company):
    data = referral(ids, company_id=None, **{f"{link}_id": ids[link]})
    action_id = actions.create_action(data)
    assert actions.get_action(action_id).company_id == ids[company]


def test_a_chosen_company_is_kept_and_a_mismatch_is_only_a_warning(ids):
    data = referral(ids, need_id=ids["need"])  # the need is at Globex, the action at Acme
    problems = actions.validate_action(data, TODAY)
    assert problems.ok
    assert problems.warnings["need_id"] == "This need is at Globex, not at the company chosen."
    assert actions.get_action(actions.create_action(data)).company_id == ids["acme"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"counterpart_id": None}, "counterpart_id", "Choose the person this was with."),
        ({"counterpart_id": 999}, "counterpart_id", "The person this was with no longer exists"),
        ({"summary": ""}, "summary", "Write a one-line summary."),
        ({"summary": "  \t "}, "summary", "Write a one-line summary."),
        ({"summary": "\u200b"}, "summary", "Write a one-line summary."),
        (
            {"summary": "Referred Grace\nShe starts Monday"},
            "summary",
            "Keep the summary to one line; put the rest in the notes.",
        ),
        ({"summary": "x\u2028y"}, "summary", "Keep the summary to one line"),
        ({"summary": "x" * 201}, "summary", "200 characters (this one has 201)"),
        (
            {"follow_up_on": date(2026, 3, 9)},
            "follow_up_on",
            "The follow-up date cannot be before the action's date (2026-03-10).",
        ),
        ({"weight": 0}, "weight", "The weight is 1, 2 or 3."),
        ({"weight": 4}, "weight", "The weight is 1, 2 or 3."),
        ({"kind": "bribe"}, "kind", "Choose what kind of action this was."),
        ({"direction": "taken"}, "direction", "Choose whether you gave this or received it."),
        ({"beneficiary_id": 999}, "beneficiary_id", "The person this helped no longer exists"),
        ({"company_id": 999}, "company_id", "That company no longer exists"),
        ({"need_id": 999}, "need_id", "That need no longer exists"),
        ({"opportunity_id": 999}, "opportunity_id", "That opportunity no longer exists"),
    ],
)
def test_invalid_input_is_explained_and_not_stored(ids, changes, field, message):
    problems = actions.validate_action(referral(ids, **changes), TODAY)
    assert message in problems.errors[field]
    assert list(problems.errors) == [field]
    with pytest.raises(ValidationError) as caught:
        actions.create_action(referral(ids, **changes))
    assert message in caught.value.problems.errors[field]
    assert count("action") == 0 and count("action_search") == 0


def test_the_limits_themselves_are_accepted(ids):
    data = referral(ids, summary="x" * 200, weight=1, follow_up_on=date(2026, 3, 10))
    assert actions.validate_action(data, TODAY).errors == {}


def test_future_date_and_self_benefit_are_warnings_that_allow_saving(ids):
    data = referral(
        ids,
        occurred_on=date(2026, 3, 16),
        follow_up_on=None,
        beneficiary_id=ids["ada"],
    )
    problems = actions.validate_action(data, TODAY)
    assert problems.ok
    assert problems.warnings["occurred_on"] == "This date is in the future."
    assert "the person it helped is usually someone else" in problems.warnings["beneficiary_id"]
    assert "occurred_on" not in actions.validate_action(data, date(2026, 3, 16)).warnings
    actions.create_action(data)
    assert count("action") == 1


def test_a_failure_after_the_insert_leaves_nothing_behind(ids, monkeypatch):
    def broken(action_ids, database=db):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_index, "refresh_actions", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        actions.create_action(referral(ids))
    assert count("action") == 0


def test_search_index_follows_create_update_and_delete(ids):
    first = actions.create_action(referral(ids))
    second = actions.create_action(referral(ids, summary="Coffee with Ada", notes=""))
    assert matches("cobol") == [first]
    assert matches("refer grace") == [first]
    actions.update_action(first, referral(ids, summary="Résumé review", notes="Fixed typos"))
    assert matches("cobol") == []
    assert matches("resume typo") == [first]
    actions.delete_action(first)
    assert matches("resume") == []
    assert count("action_search") == 1 and matches("coffee") == [second]


def test_update_and_get_of_a_missing_action_say_so(ids):
    with pytest.raises(LookupError, match="no action"):
        actions.update_action(12345, referral(ids))
    with pytest.raises(LookupError, match="no action"):
        actions.get_action(12345)
    assert count("action") == 0


def follow_up_state(action_id: int) -> tuple[str | None, str | None]:
    return db.execute_sql(
        "SELECT follow_up_on, follow_up_done_at FROM action WHERE id = ?", (action_id,)
    ).fetchone()


def test_mark_done_snooze_and_reopen(ids):
    action_id = actions.create_action(referral(ids))
    actions.mark_follow_up_done(action_id, datetime(2026, 3, 17, 9, 30, 5))
    assert follow_up_state(action_id) == ("2026-03-17", "2026-03-17 09:30:05")
    actions.reopen_follow_up(action_id)
    assert follow_up_state(action_id) == ("2026-03-17", None)
    actions.mark_follow_up_done(action_id)
    actions.snooze_follow_up(action_id, date(2026, 3, 24))
    assert follow_up_state(action_id) == ("2026-03-24", None)  # snoozing opens it again


def test_snooze_refuses_a_date_before_the_action(ids):
    action_id = actions.create_action(referral(ids))
    with pytest.raises(ValidationError) as caught:
        actions.snooze_follow_up(action_id, date(2026, 3, 9))
    assert caught.value.problems.errors["follow_up_on"] == (
        "The follow-up date cannot be before the action's date (2026-03-10)."
    )
    assert follow_up_state(action_id) == ("2026-03-17", None)


def test_marking_done_needs_a_follow_up(ids):
    action_id = actions.create_action(referral(ids, follow_up_on=None))
    with pytest.raises(ValidationError, match="no follow-up"):
        actions.mark_follow_up_done(action_id)
    with pytest.raises(LookupError):
        actions.mark_follow_up_done(12345)


def test_editing_keeps_done_unless_the_follow_up_date_changes(ids):
    action_id = actions.create_action(referral(ids))
    actions.mark_follow_up_done(action_id, datetime(2026, 3, 17, 10, 0))
    actions.update_action(action_id, referral(ids, summary="Referred Grace to Ada"))
    assert follow_up_state(action_id) == ("2026-03-17", "2026-03-17 10:00:00")
    actions.update_action(action_id, referral(ids, follow_up_on=date(2026, 4, 1)))
    assert follow_up_state(action_id) == ("2026-04-01", None)
