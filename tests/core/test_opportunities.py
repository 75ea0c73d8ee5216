"""Opportunities: validation in words, a dated status history, people with their parts,
and the follow-through offered after a 'not selected'."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core import follow_through, needs, opportunities, people
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store.connection import db

TODAY = date(2026, 5, 20)


def count(table: str) -> int:
    return db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def person(name: str, skills: list[str] = (), seeker: bool = False, company: str = "") -> int:
    return people.create_person(
        PersonData(
            name=name,
            company=company,
            roles=["job_seeker"] if seeker else [],
            offers=list(skills),
        )
    )


def test_create_records_the_first_status_and_every_field(database):
    grace = person("Grace Hopper")
    alan = person("Alan Turing")
    need = needs.create_need(NeedData(company="Initech", title="Ship the compiler"))
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(
            company="initech",  # the existing company, typed in other case
            title="Compiler engineer",
            need_id=need,
            url="https://initech.example/jobs/7",
            status="applied",
            status_on=date(2026, 5, 2),
            notes="Referred by Grace.",
            people=[(grace, "referrer"), (alan, "hiring_manager"), (grace, "referrer")],
        ),
        today=TODAY,
    )
    data = opportunities.get_opportunity(opportunity_id)
    assert data.company == "Initech" and data.need_id == need
    assert data.applied_on == date(2026, 5, 2)  # applied, so the day it was applied
    assert data.people == [
        (alan, "hiring_manager"),
        (grace, "referrer"),
    ]  # once each, in part order
    assert opportunities.history(opportunity_id) == [("applied", date(2026, 5, 2))]
    assert count("company") == 1


def test_status_moves_are_all_allowed_and_each_is_dated(database):
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status_on=date(2026, 4, 1)), today=TODAY
    )
    opportunities.set_status(opportunity_id, "interviewing", date(2026, 4, 10))
    opportunities.set_status(opportunity_id, "applied", date(2026, 4, 12))  # backwards is fine
    opportunities.set_status(opportunity_id, "applied", date(2026, 4, 13))  # no change: no entry
    opportunities.set_status(opportunity_id, "not_selected", date(2026, 5, 1))
    assert opportunities.history(opportunity_id) == [
        ("interested", date(2026, 4, 1)),
        ("interviewing", date(2026, 4, 10)),
        ("applied", date(2026, 4, 12)),
        ("not_selected", date(2026, 5, 1)),
    ]
    row = opportunities.opportunity_rows([opportunity_id])[opportunity_id]
    assert row.status == "not_selected" and row.status_on == date(2026, 5, 1)


def test_editing_the_day_of_the_same_status_corrects_the_latest_entry(database):
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status_on=date(2026, 4, 1)), today=TODAY
    )
    data = opportunities.get_opportunity(opportunity_id)
    data.status_on = date(2026, 3, 30)
    opportunities.update_opportunity(opportunity_id, data)
    assert opportunities.history(opportunity_id) == [("interested", date(2026, 3, 30))]


def test_bad_input_is_refused_in_words_and_nothing_is_written(database):
    other = needs.create_need(NeedData(company="Globex", title="Cut churn"))
    bad = OpportunityData(
        company=" ",
        title="",
        url="javascript:alert(1)",
        status="hired",
        people=[(999, "interviewer")],
    )
    problems = opportunities.validate_opportunity(bad)
    assert problems.errors["company"] == "An opportunity belongs to a company."
    assert problems.errors["title"].startswith("Give the opportunity a title")
    assert "http" in problems.errors["url"]
    assert problems.errors["status"] == "Choose a status from the pipeline."
    assert "no longer in your network" in problems.errors["people"]
    wrong_company = OpportunityData(company="Initech", title="Analyst", need_id=other)
    assert opportunities.validate_opportunity(wrong_company).errors["need_id"] == (
        "That need is at Globex; choose one of Initech's."
    )
    with pytest.raises(ValidationError):
        opportunities.create_opportunity(wrong_company)
    assert count("opportunity") == 0 and count("opportunity_history") == 0
    assert count("company") == 1  # Globex only: Initech was not half-added


def test_future_dates_warn_but_save(database):
    later = date.today() + timedelta(days=3)
    problems = opportunities.validate_opportunity(
        OpportunityData(company="Acme", title="Analyst", status_on=later)
    )
    assert problems.ok and problems.warnings["status_on"] == "This date is in the future."


def test_list_filters_by_text_status_and_company(database):
    a = opportunities.create_opportunity(
        OpportunityData(company="Société Générale", title="Quant", status_on=date(2026, 1, 5))
    )
    b = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status="offer", status_on=date(2026, 2, 1))
    )
    c = opportunities.create_opportunity(
        OpportunityData(
            company="Acme", title="Lead", status="withdrawn", status_on=date(2026, 3, 1)
        )
    )
    assert opportunities.opportunity_ids() == [c, b, a]  # latest change first
    assert opportunities.opportunity_ids("societe") == [a]  # accents and case aside
    assert opportunities.opportunity_ids(status="active") == [b, a]
    assert opportunities.opportunity_ids(status="withdrawn") == [c]
    acme = opportunities.company_of(b)
    assert opportunities.opportunity_ids(company_id=acme) == [c, b]
    assert opportunities.status_counts() == {"interested": 1, "offer": 1, "withdrawn": 1}


def test_deleting_keeps_the_actions_that_named_it(database):
    from desktop.core import actions

    ada = person("Ada")
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", people=[(ada, "recruiter")])
    )
    actions.create_action(
        actions.ActionData(
            occurred_on=TODAY, counterpart_id=ada, opportunity_id=opportunity_id, summary="Call"
        )
    )
    opportunities.delete_opportunity(opportunity_id)
    assert count("opportunity_person") == 0 and count("opportunity_history") == 0
    assert db.execute_sql("SELECT opportunity_id FROM action").fetchall() == [(None,)]


# -- follow-through -------------------------------------------------------------------------


@pytest.fixture
def not_selected(database):
    """An opportunity I was not selected for, with its need, people and candidates."""
    ids = {
        "hm": person("Hana Manager", company="Initech"),
        "rec": person("Rita Recruiter", company="Initech"),
        "int1": person("Ian Interviewer", ["Python"]),  # matches, but was on the panel
        "int2": person("Iris Interviewer"),
        "seeker": person("Sam Seeker", ["Python", "SQL"], seeker=True),
        "helper": person("Hal Helper", ["SQL"]),
        "nobody": person("Nora Nobody", ["Knitting"]),
    }
    need = needs.create_need(
        NeedData(company="Initech", title="Tame the data pipeline", skills=["python", "SQL"])
    )
    ids["need"] = need
    ids["opp"] = opportunities.create_opportunity(
        OpportunityData(
            company="Initech",
            title="Data engineer",
            need_id=need,
            status="not_selected",
            people=[
                (ids["hm"], "hiring_manager"),
                (ids["rec"], "recruiter"),
                (ids["int1"], "interviewer"),
                (ids["int2"], "interviewer"),
            ],
        )
    )
    return ids


def test_offer_suggests_referrals_thanks_and_keeping_in_touch(not_selected):
    ids = not_selected
    assert follow_through.is_due(ids["opp"])
    offer = follow_through.offer(ids["opp"], today=TODAY)
    assert [(s.counterpart_id, s.beneficiary_id, s.summary, s.why) for s in offer.referrals] == [
        (
            ids["hm"],
            ids["seeker"],
            "Referred Sam Seeker to Hana Manager for Tame the data pipeline",
            "job seeker; offers Python, SQL",
        ),
        (
            ids["hm"],
            ids["helper"],
            "Referred Hal Helper to Hana Manager for Tame the data pipeline",
            "offers SQL",
        ),
    ]  # Ian was on the panel, Nora matches nothing
    assert [s.summary for s in offer.thanks] == [
        "Thanked Ian Interviewer for the interview for Data engineer",
        "Thanked Iris Interviewer for the interview for Data engineer",
    ]
    assert [(s.counterpart_id, s.follow_up_on) for s in offer.keep_in_touch] == [
        (ids["rec"], TODAY + timedelta(days=30)),
        (ids["hm"], TODAY + timedelta(days=30)),
    ]
    assert offer.note == ""


def test_accepting_logs_each_chosen_suggestion_once_and_never_offers_again(not_selected):
    ids = not_selected
    offer = follow_through.offer(ids["opp"], today=TODAY)
    chosen = [offer.referrals[0], offer.thanks[1], offer.keep_in_touch[0]]
    new_ids = follow_through.accept(ids["opp"], chosen, today=TODAY)
    assert len(new_ids) == 3
    rows = db.execute_sql(
        "SELECT kind, direction, counterpart_id, beneficiary_id, need_id, opportunity_id,"
        " follow_up_on, occurred_on FROM action ORDER BY id"
    ).fetchall()
    assert rows == [
        (
            "referral",
            "given",
            ids["hm"],
            ids["seeker"],
            ids["need"],
            ids["opp"],
            None,
            "2026-05-20",
        ),
        ("thanks", "given", ids["int2"], None, None, ids["opp"], None, "2026-05-20"),
        ("check_in", "given", ids["rec"], None, None, ids["opp"], "2026-06-19", "2026-05-20"),
    ]
    assert not follow_through.is_due(ids["opp"])


def test_dismissing_is_remembered(not_selected):
    follow_through.dismiss(not_selected["opp"])
    assert not follow_through.is_due(not_selected["opp"])
    assert count("action") == 0


def test_offer_explains_what_is_missing(database):
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status="not_selected")
    )
    offer = follow_through.offer(opportunity_id, today=TODAY)
    assert offer.suggestions == []
    assert "Link the opportunity to the need" in offer.note
    assert "Add the people you met" in offer.note


def test_referral_goes_to_whoever_told_me_when_no_hiring_manager_is_known(database):
    source = person("Tom Teller")
    seeker = person("Sue Seeker", ["Go"], seeker=True)
    need = needs.create_need(
        NeedData(company="Acme", title="Scale the API", skills=["Golang"], source_person_id=source)
    )
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Backend", need_id=need, status="not_selected")
    )
    [referral] = follow_through.offer(opportunity_id, today=TODAY).referrals
    assert (referral.counterpart_id, referral.beneficiary_id) == (source, seeker)


def test_long_names_are_shortened_to_a_valid_summary(database):
    long_name = "N" * 200
    hm = person(long_name)
    seeker = person("S" * 190, ["Go"], seeker=True)
    need = needs.create_need(NeedData(company="Acme", title="T" * 200, skills=["Go"]))
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(
            company="Acme",
            title="Backend",
            need_id=need,
            status="not_selected",
            people=[(hm, "hiring_manager")],
        )
    )
    offer = follow_through.offer(opportunity_id, today=TODAY)
    follow_through.accept(opportunity_id, offer.referrals, today=TODAY)
    [(summary, beneficiary)] = db.execute_sql("SELECT summary, beneficiary_id FROM action")
    assert len(summary) == 200 and summary.endswith("…") and beneficiary == seeker


def test_save_adds_new_people_in_the_same_transaction(database):
    ada = person("Ada")
    opportunity_id = opportunities.save_opportunity(
        OpportunityData(company="Acme", title="Analyst", people=[(ada, "referrer")]),
        new_people=[("Rita Recruiter", "recruiter")],
    )
    rita = people.person_named("Rita Recruiter")
    assert opportunities.get_opportunity(opportunity_id).people == [
        (rita, "recruiter"),
        (ada, "referrer"),
    ]
    assert people.get_person(rita).company == "Acme"  # met through this opportunity
    with pytest.raises(ValidationError):
        opportunities.save_opportunity(
            OpportunityData(company="Acme", title=""), new_people=[("Ivan", "interviewer")]
        )
    assert people.person_named("Ivan") is None  # nothing half-added


def test_what_was_logged_is_not_offered_again(not_selected):
    ids = not_selected
    offer = follow_through.offer(ids["opp"], today=TODAY)
    follow_through.accept(ids["opp"], [offer.referrals[0], *offer.thanks], today=TODAY)
    again = follow_through.offer(ids["opp"], today=TODAY)
    assert [s.beneficiary_id for s in again.referrals] == [ids["helper"]]
    assert again.thanks == []
    assert len(again.keep_in_touch) == 2
    assert again.note == "3 of these are already on your timeline and left out."


def test_people_new_to_the_network_get_their_part_as_role(database):
    opportunities.save_opportunity(
        OpportunityData(company="Acme", title="Analyst"), new_people=[("Rita", "recruiter")]
    )
    assert people.get_person(people.person_named("Rita")).roles == ("recruiter",)
