"""Reciprocity figures on a small network where every number is worked out by hand.

The network (2026; Jan 5, Feb 2 and Apr 6 are Mondays; Feb 15 and Apr 5 are Sundays):

    a1   Jan  5  received  job_lead         from Ana   at Acme          weight 2
    a12  Jan  8  received  review           from Gus                    weight 1
    a2   Jan 12  given     referral         to Cleo    for Ben, at Acme weight 3
    a3   Jan 20  given     thanks           to Ana                      weight 1
    a4   Feb  2  received  company_insight  from Ben                    weight 2
    a5   Feb 10  given     introduction     to Dev     for Finn         weight 2
    a11  Feb 15  received  thanks           from Dev                    weight 1
    a6   Mar 31  received  recommendation   from Eve                    weight 3
    a7   Apr  1  received  check_in         from Eve                    weight 1
    a8   Apr  5  given     job_lead         to Ben                      weight 2
    a9   Apr  6  received  check_in         from Ana                    weight 1
    a10  Apr  6  given     check_in         to Ana                      weight 1

Needs learned on Jan 15 and Apr 2, and one with no date. Roles: Ana mentor and referrer,
Ben job seeker, Cleo hiring manager, Eve recruiter, Gus interviewer, Finn colleague,
Dev none. Follow-ups: a2 on Apr 7, a7 on Apr 3 (done), a10 on Apr 12, a5 on Apr 20.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.core import actions, companies, needs, people
from desktop.core import reciprocity as rc
from desktop.core.actions import ActionData
from desktop.core.needs import NeedData
from desktop.core.people import PersonData
from desktop.core.reciprocity import ranges
from desktop.core.reciprocity.ranges import Range

D = date


def person(name: str, *roles: str) -> int:
    return people.create_person(PersonData(name=name, roles=roles))


def act(day: date, direction: str, kind: str, who: int, weight: int = 1, **fields) -> int:
    return actions.create_action(
        ActionData(
            occurred_on=day,
            direction=direction,
            kind=kind,
            counterpart_id=who,
            weight=weight,
            summary=f"{direction} {kind}",
            **fields,
        )
    )


@pytest.fixture
def net(database):
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    p = {
        "ana": person("Ana Alves", "mentor", "referrer"),
        "ben": person("Ben Brown", "job_seeker"),
        "cleo": person("Cleo Chen", "hiring_manager"),
        "dev": person("Dev Das"),
        "eve": person("Eve Evans", "recruiter"),
        "finn": person("Finn Fox", "colleague"),
        "gus": person("Gus Gray", "interviewer"),
    }
    a = {
        "a1": act(D(2026, 1, 5), "received", "job_lead", p["ana"], 2, company_id=acme),
        "a12": act(D(2026, 1, 8), "received", "review", p["gus"], 1),
        "a2": act(
            D(2026, 1, 12), "given", "referral", p["cleo"], 3,
            beneficiary_id=p["ben"], company_id=acme, follow_up_on=D(2026, 4, 7),
        ),
        "a3": act(D(2026, 1, 20), "given", "thanks", p["ana"], 1),
        "a4": act(D(2026, 2, 2), "received", "company_insight", p["ben"], 2),
        "a5": act(
            D(2026, 2, 10), "given", "introduction", p["dev"], 2,
            beneficiary_id=p["finn"], follow_up_on=D(2026, 4, 20),
        ),
        "a11": act(D(2026, 2, 15), "received", "thanks", p["dev"], 1),
        "a6": act(D(2026, 3, 31), "received", "recommendation", p["eve"], 3),
        "a7": act(D(2026, 4, 1), "received", "check_in", p["eve"], 1, follow_up_on=D(2026, 4, 3)),
        "a8": act(D(2026, 4, 5), "given", "job_lead", p["ben"], 2),
        "a9": act(D(2026, 4, 6), "received", "check_in", p["ana"], 1),
        "a10": act(D(2026, 4, 6), "given", "check_in", p["ana"], 1, follow_up_on=D(2026, 4, 12)),
    }  # fmt: skip
    actions.mark_follow_up_done(a["a7"])
    for learned_on in (D(2026, 1, 15), D(2026, 4, 2), None):
        needs.create_need(NeedData(company="Acme", title="Hire a data lead", learned_on=learned_on))
    return p | a | {"acme": acme}


# --- one person ---------------------------------------------------------------------


def test_balance_counts_weights_dates_and_the_lag_of_one_person(net):
    # Given a3 (1) and a10 (1); received a1 (2) and a9 (1). First given Jan 20; the
    # first thing Ana gave after it is a9 on Apr 6: 11 + 28 + 31 + 6 = 76 days.
    assert rc.person_balance(net["ana"]) == rc.PersonBalance(
        net["ana"], 2, 2, 2, 3, -1,
        D(2026, 1, 20), D(2026, 4, 6), D(2026, 1, 5), D(2026, 4, 6), 76,
    )  # fmt: skip
    # Dev: given a5 on Feb 10, thanked me (a11) on Feb 15.
    assert rc.person_balance(net["dev"]).lag_days == 5


def test_balance_of_someone_who_only_gave_me(net):
    # Eve: a6 (3) and a7 (1) received, nothing given: no lag, all dates of giving empty.
    assert rc.person_balance(net["eve"]) == rc.PersonBalance(
        net["eve"], 0, 2, 0, 4, -4, None, None, D(2026, 3, 31), D(2026, 4, 1), None
    )


def test_balance_within_a_range_and_without_actions(net):
    # Q1 only: a3 given, a1 received; Ana's a9 (Apr 6) is outside, so no lag yet.
    q1 = Range(D(2026, 1, 1), D(2026, 3, 31))
    assert rc.person_balance(net["ana"], q1) == rc.PersonBalance(
        net["ana"], 1, 1, 1, 2, -1, D(2026, 1, 20), D(2026, 1, 20), D(2026, 1, 5), D(2026, 1, 5),
        None,
    )  # fmt: skip
    # Ben is a4's counterpart and a8's; a2 names him as beneficiary only, which is not
    # an exchange with him. Ben gave (Feb 2) before I gave him anything (Apr 5).
    ben = rc.person_balance(net["ben"])
    assert (ben.given, ben.received, ben.balance, ben.lag_days) == (1, 1, 0, None)
    nobody = rc.person_balance(net["finn"])
    assert nobody == rc.PersonBalance(net["finn"], 0, 0, 0, 0, 0, *[None] * 5)


def test_an_answer_on_the_same_day_does_not_count_as_coming_after(database):
    kim = person("Kim Kay")
    act(D(2026, 3, 2), "given", "check_in", kim)
    act(D(2026, 3, 2), "received", "thanks", kim)
    assert rc.person_balance(kim).lag_days is None
    assert rc.lag_histogram().waiting == 1
    act(D(2026, 3, 9), "received", "job_lead", kim)
    assert rc.person_balance(kim).lag_days == 7
    assert [b.people for b in rc.lag_histogram().bins] == [1, 0, 0, 0, 0]  # 7 is in 0-7


# --- totals and periods -------------------------------------------------------------


def test_totals_of_all_time(net):
    # Given a2 a3 a5 a8 a10 (3+1+2+2+1); received a1 a12 a4 a11 a6 a7 a9 (2+1+2+1+3+1+1).
    # Helped: Cleo, Ana, Dev, Ben as counterparts, Ben and Finn as beneficiaries.
    # Two-way: Ana, Ben and Dev; Eve and Gus only gave, Cleo only received.
    assert rc.totals() == rc.Totals(
        given=5, received=7, given_weight=9, received_weight=11,
        people_helped=5, two_way=3, needs_learned=2,
        referrals_made=1, introductions_made=1, insights_received=1,
    )  # fmt: skip


def test_totals_of_a_range_and_of_empty_ones(net):
    # Feb 2 to Apr 5: a4 a5 a11 a6 a7 a8, and the need of Apr 2. Helped Dev, Finn, Ben;
    # Ben gave a4 and received a8, Dev a11 and a5: two-way 2.
    assert rc.totals(Range(D(2026, 2, 2), D(2026, 4, 5))) == rc.Totals(
        given=2, received=4, given_weight=4, received_weight=7,
        people_helped=3, two_way=2, needs_learned=1,
        referrals_made=0, introductions_made=1, insights_received=1,
    )  # fmt: skip
    zeros = rc.Totals(*[0] * 10)
    assert rc.totals(Range(D(2025, 1, 1), D(2025, 12, 31))) == zeros
    assert rc.totals(Range(D(2026, 5, 1), D(2026, 4, 1))) == zeros  # start after end


def test_months_are_continuous_with_running_sums(net):
    rows = rc.by_period(period="month")
    assert [(r.start, r.end) for r in rows] == [
        (D(2026, 1, 1), D(2026, 1, 31)),
        (D(2026, 2, 1), D(2026, 2, 28)),
        (D(2026, 3, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2026, 4, 30)),
    ]
    figures = [r[2:] for r in rows]
    assert figures == [
        # given, received, weights, cumulative counts and weights, helped, two-way,
        # needs, referrals, introductions, insights
        (2, 2, 4, 3, 2, 2, 4, 3, 3, 1, 1, 1, 0, 0),  # a1 a12 a2 a3; Ana both ways
        (1, 2, 2, 3, 3, 4, 6, 6, 2, 1, 0, 0, 1, 1),  # a4 a5 a11; Dev both ways
        (0, 1, 0, 3, 3, 5, 6, 9, 0, 0, 0, 0, 0, 0),  # a6 on the 31st
        (2, 2, 3, 2, 5, 7, 9, 11, 2, 1, 1, 0, 0, 0),  # a7 a8 a9 a10; Ana both ways
    ]


def test_weeks_start_on_monday_and_empty_weeks_show_zeros(net):
    rows = rc.by_period(period="week")
    assert rows[0].start == D(2026, 1, 5) and rows[-1].start == D(2026, 4, 6)
    assert len(rows) == 14 and all(r.start.weekday() == 0 for r in rows)
    assert all(r.end - r.start == timedelta(days=6) for r in rows)
    by_start = {r.start: (r.given, r.received, r.people_helped, r.two_way) for r in rows}
    assert by_start[D(2026, 1, 5)] == (0, 2, 0, 0)  # a1 on Monday, a12 on Thursday
    # a5 on Tuesday and a11 on Sunday Feb 15 fall in the same week: Dev both ways.
    assert by_start[D(2026, 2, 9)] == (1, 1, 2, 1)
    # Sunday Apr 5 (a8) closes the week of Mar 30; Monday Apr 6 opens the next.
    assert by_start[D(2026, 3, 30)] == (1, 2, 1, 0)
    assert by_start[D(2026, 4, 6)] == (1, 1, 1, 1)
    empty = [r.start for r in rows if r.given == r.received == r.needs_learned == 0]
    assert empty == [D(2026, 1, 26)] + [D(2026, 2, 16) + timedelta(weeks=i) for i in range(6)]
    assert rows[-1].cumulative_given == 5 and rows[-1].cumulative_received == 7


def test_quarters_split_between_march_31_and_april_1(net):
    rows = rc.by_period(period="quarter")
    assert [(r.start, r.end) for r in rows] == [
        (D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2026, 6, 30)),
    ]
    # Q1: helped Cleo, Ben, Ana, Dev, Finn; Ana and Dev both ways. Ben gave in Q1 but
    # was given to (as counterpart) only in Q2.
    assert [(r.given, r.received, r.people_helped, r.two_way) for r in rows] == [
        (3, 5, 5, 2),
        (2, 2, 2, 1),
    ]


def test_periods_of_a_range_count_only_the_days_inside(net):
    # Jan 15 to Feb 10, both included: a3 and the need of Jan 15 in January, a4 and a5
    # (on the last day) in February.
    rows = rc.by_period(Range(D(2026, 1, 15), D(2026, 2, 10)), "month")
    assert [(r.start, r.given, r.received, r.needs_learned, r.people_helped) for r in rows] == [
        (D(2026, 1, 1), 1, 0, 1, 1),
        (D(2026, 2, 1), 1, 1, 0, 2),
    ]


def test_periods_of_empty_ranges(net):
    # A closed range shows its periods even without actions; an open one has none.
    rows = rc.by_period(Range(D(2025, 1, 1), D(2025, 3, 31)), "month")
    assert [r.start for r in rows] == [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    assert all(r[2:] == (0,) * 14 for r in rows)
    assert rc.by_period(Range(start=D(2027, 1, 1)), "week") == []
    assert rc.by_period(Range(D(2026, 5, 1), D(2026, 4, 1))) == []
    with pytest.raises(ValueError, match="week, month, quarter"):
        rc.by_period(period="year")


def test_an_open_start_begins_at_the_first_need_when_it_comes_first(database):
    needs.create_need(NeedData(company="Acme", title="Hire", learned_on=D(2026, 1, 30)))
    who = person("Ada Lovelace")
    act(D(2026, 3, 2), "given", "check_in", who)
    rows = rc.by_period(period="month")
    assert [(r.start, r.needs_learned, r.given) for r in rows] == [
        (D(2026, 1, 1), 1, 0),
        (D(2026, 2, 1), 0, 0),
        (D(2026, 3, 1), 0, 1),
    ]


def test_sql_periods_agree_with_python_on_every_day_of_two_years():
    # No database needed: the same expressions, evaluated by SQLite directly.
    con = sqlite3.connect(":memory:")
    day = D(2023, 12, 25)
    while day < D(2026, 1, 10):
        for period in ranges.PERIODS:
            sql = ranges.start_sql(period, "?")
            args = (day.isoformat(),) * sql.count("?")
            (start,) = con.execute(f"SELECT {sql}", args).fetchone()
            assert start == ranges.period_start(day, period).isoformat(), (day, period)
        day += timedelta(days=1)
    assert ranges.shift(D(2025, 11, 1), "quarter", 1) == D(2026, 2, 1)
    assert ranges.shift(D(2024, 3, 4), "week", -1) == D(2024, 2, 26)


# --- kinds and roles ----------------------------------------------------------------


def test_by_kind_lists_every_kind_in_form_order(net):
    rows = {r.kind: r[1:] for r in rc.by_kind()}
    assert list(rows) == list(actions.KIND_LABELS)
    assert rows == {
        "referral": (1, 0, 3, 0),
        "job_lead": (1, 1, 2, 2),
        "introduction": (1, 0, 2, 0),
        "company_insight": (0, 1, 0, 2),
        "recommendation": (0, 1, 0, 3),
        "review": (0, 1, 0, 1),
        "interview_prep": (0, 0, 0, 0),
        "check_in": (1, 2, 1, 2),
        "thanks": (1, 1, 1, 1),
        "other": (0, 0, 0, 0),
    }
    assert all(r[1:] == (0, 0, 0, 0) for r in rc.by_kind(Range(D(2025, 1, 1), D(2025, 1, 2))))


def test_by_role_counts_a_two_role_person_under_both(net):
    rows = {r.role: r[1:] for r in rc.by_role()}
    # (people, given, received, given weight, received weight)
    assert rows == {
        "hiring_manager": (1, 1, 0, 3, 0),  # Cleo: a2
        "recruiter": (1, 0, 2, 0, 4),  # Eve: a6 a7
        "interviewer": (1, 0, 1, 0, 1),  # Gus: a12
        "job_seeker": (1, 1, 1, 2, 2),  # Ben: a8, a4 (a2 names him as beneficiary only)
        "referrer": (1, 2, 2, 2, 3),  # Ana: a3 a10, a1 a9
        "mentor": (1, 2, 2, 2, 3),  # Ana again
        "colleague": (0, 0, 0, 0, 0),  # Finn was only a beneficiary
        rc.NO_ROLE: (1, 1, 1, 2, 1),  # Dev: a5, a11
    }
    april = {r.role: r[1:] for r in rc.by_role(Range(D(2026, 4, 1), D(2026, 4, 30)))}
    assert april["mentor"] == (1, 1, 1, 1, 1) and april[rc.NO_ROLE] == (0, 0, 0, 0, 0)


# --- people -------------------------------------------------------------------------


def test_top_exchanges_rank_by_total_weight_then_name(net):
    ranked = [(e.name, e.given_weight, e.received_weight) for e in rc.top_exchanges()]
    assert ranked == [
        ("Ana Alves", 2, 3),
        ("Ben Brown", 2, 2),
        ("Eve Evans", 0, 4),
        ("Cleo Chen", 3, 0),
        ("Dev Das", 2, 1),
        ("Gus Gray", 0, 1),
    ]
    assert [e.name for e in rc.top_exchanges(limit=2)] == ["Ana Alves", "Ben Brown"]
    assert rc.top_exchanges(Range(D(2025, 1, 1), D(2025, 12, 31))) == []


def test_lag_histogram_bins_people_and_counts_who_is_waiting(net):
    # I gave to Cleo (Jan 12), Ana (Jan 20), Dev (Feb 10), Ben (Apr 5). Dev came back
    # after 5 days, Ana after 76; Cleo and Ben have not given since.
    histogram = rc.lag_histogram()
    assert histogram == rc.LagHistogram(
        [
            rc.LagBin(0, 7, 1),
            rc.LagBin(8, 30, 0),
            rc.LagBin(31, 90, 1),
            rc.LagBin(91, 180, 0),
            rc.LagBin(181, None, 0),
        ],
        waiting=2,
    )
    # Bin ends are inclusive: 5 is in 0-5, 76 just past 6-75.
    custom = rc.lag_histogram(bins=(5, 75))
    assert [b.people for b in custom.bins] == [1, 0, 1]
    assert [(b.low, b.high) for b in custom.bins] == [(0, 5), (6, 75), (76, None)]
    # Within Q1 Ana's answer (Apr 6) is out of range: she is waiting there.
    q1 = rc.lag_histogram(Range(D(2026, 1, 1), D(2026, 3, 31)))
    assert [b.people for b in q1.bins] == [1, 0, 0, 0, 0] and q1.waiting == 2
    empty = rc.lag_histogram(Range(D(2025, 1, 1), D(2025, 12, 31)))
    assert [b.people for b in empty.bins] == [0] * 5 and empty.waiting == 0
    with pytest.raises(ValueError, match="rising"):
        rc.lag_histogram(bins=(30, 7))


def test_owed_ranks_most_weight_then_oldest_unanswered_help(net):
    # Eve gave 4, got nothing: owed 4 since her first help (Mar 31).
    # Gus gave 1 (Jan 8), got nothing: owed 1 since Jan 8.
    # Ana gave 3, got 2: my weight covers her a1 (2) but not a9 (Apr 6): owed 1 since Apr 6.
    # Dev gave 1 and got 2, but his thanks (Feb 15) came after my last help (Feb 10).
    # Ben gave 2 and got 2, my last help (Apr 5) after his (Feb 2): not owed.
    assert rc.owed() == [
        rc.Owed(net["eve"], "Eve Evans", 4, 4, 0, D(2026, 3, 31), D(2026, 4, 1), None),
        rc.Owed(net["gus"], "Gus Gray", 1, 1, 0, D(2026, 1, 8), D(2026, 1, 8), None),
        rc.Owed(net["ana"], "Ana Alves", 1, 3, 2, D(2026, 4, 6), D(2026, 4, 6), D(2026, 4, 6)),
        rc.Owed(net["dev"], "Dev Das", 0, 1, 2, D(2026, 2, 15), D(2026, 2, 15), D(2026, 2, 10)),
    ]
    assert [o.name for o in rc.owed(limit=2)] == ["Eve Evans", "Gus Gray"]
    assert [o.name for o in rc.owed(limit=3)] == ["Eve Evans", "Gus Gray", "Ana Alves"]
    # Until Jan 31: Ana gave a1 (2), I gave a3 (1): owed 1, since Jan 5.
    january = rc.owed(Range(D(2026, 1, 1), D(2026, 1, 31)))
    assert [(o.name, o.owed_weight, o.since) for o in january] == [
        ("Ana Alves", 1, D(2026, 1, 5)),
        ("Gus Gray", 1, D(2026, 1, 8)),
    ]
    assert rc.owed(Range(D(2025, 1, 1), D(2025, 12, 31))) == []


def test_owed_since_is_the_earlier_of_what_weight_and_time_say(database):
    hal, ivy = person("Hal Hope"), person("Ivy Ince")
    # Hal: 1 (Jan 1), my 3 (Jan 2), 1 (Jan 3), 3 (Jan 4). Weight: running sums 1, 2, 5
    # first pass my 3 on Jan 4; time: his first help after Jan 2 is Jan 3.
    act(D(2026, 1, 1), "received", "job_lead", hal, 1)
    act(D(2026, 1, 2), "given", "job_lead", hal, 3)
    act(D(2026, 1, 3), "received", "job_lead", hal, 1)
    act(D(2026, 1, 4), "received", "job_lead", hal, 3)
    # Ivy: 3 (Jan 6), my 1 (Jan 7), 1 (Mar 3). Weight: 3 > 1 already on Jan 6.
    act(D(2026, 1, 6), "received", "review", ivy, 3)
    act(D(2026, 1, 7), "given", "thanks", ivy, 1)
    act(D(2026, 3, 3), "received", "review", ivy, 1)
    assert [(o.name, o.owed_weight, o.since) for o in rc.owed()] == [
        ("Ivy Ince", 3, D(2026, 1, 6)),
        ("Hal Hope", 2, D(2026, 1, 3)),
    ]


# --- chains -------------------------------------------------------------------------


def link(net, action: str, who: str, day: date, kind: str, direction: str) -> rc.ChainLink:
    names = {"ana": "Ana Alves", "ben": "Ben Brown", "dev": "Dev Das", "finn": "Finn Fox"}
    return rc.ChainLink(net[action], net[who], names[who], day, kind, direction)


def test_a_three_link_chain(net):
    # Ana's lead at Acme (a1) -> I referred Ben for Acme (a2, to Cleo; Ben is whom it
    # helped) -> Ben gave me an insight (a4). a4 names no company and no beneficiary, so
    # it is not passed on. Nobody else's help is passed on either.
    chain = [
        link(net, "a1", "ana", D(2026, 1, 5), "job_lead", "received"),
        link(net, "a2", "ben", D(2026, 1, 12), "referral", "given"),
        link(net, "a4", "ben", D(2026, 2, 2), "company_insight", "received"),
    ]
    assert rc.chains() == [chain]
    assert rc.chains(net["ana"]) == [chain]
    assert rc.chains(net["ana"], max_depth=2) == [chain[:2]]
    assert rc.chains(net["eve"]) == []
    # Without a4 in the range, the chain stops at the referral.
    assert rc.chains(rng=Range(end=D(2026, 1, 31))) == [chain[:2]]
    assert rc.chains(rng=Range(D(2025, 1, 1), D(2025, 12, 31))) == []
    with pytest.raises(ValueError, match="from 2 to"):
        rc.chains(max_depth=1)


def test_chains_pass_help_on_to_someone_else_and_follow_it_further(net):
    # Ben's insight (a4) was for Finn; a5 (Feb 10, to Dev for Finn) then passes it on.
    a4 = actions.get_action(net["a4"])
    actions.update_action(net["a4"], replace(a4, beneficiary_id=net["finn"]))
    # Help for Ben himself is handing it back, not passing it on, even about Finn.
    act(D(2026, 2, 3), "given", "introduction", net["finn"], beneficiary_id=net["ben"])
    act(D(2026, 2, 20), "received", "other", net["finn"])  # Finn comes back after a5
    chain = [
        ("Ana Alves", D(2026, 1, 5), "received"),
        ("Ben Brown", D(2026, 1, 12), "given"),
        ("Ben Brown", D(2026, 2, 2), "received"),
        ("Finn Fox", D(2026, 2, 10), "given"),
        ("Finn Fox", D(2026, 2, 20), "received"),
    ]
    (found,) = rc.chains(net["ana"], max_depth=6)
    assert [(x.name, x.on, x.direction) for x in found] == chain
    # Every received action starts a chain; a4's own is the tail of Ana's. Longest first.
    everyone = rc.chains(max_depth=6)
    assert [[(x.name, x.on, x.direction) for x in c] for c in everyone] == [chain, chain[2:]]
    assert rc.chains(max_depth=6, limit=1) == everyone[:1]


def test_helping_the_person_someone_introduced_passes_their_help_on(database):
    ada, bo = person("Ada Lovelace"), person("Bo Berg")
    act(D(2026, 5, 4), "received", "introduction", ada, beneficiary_id=bo)  # Ada: meet Bo
    act(D(2026, 5, 4), "given", "interview_prep", bo)  # the same day is not later
    act(D(2026, 5, 6), "given", "review", bo)
    assert [[(x.name, x.on, x.kind) for x in c] for c in rc.chains()] == [
        [("Ada Lovelace", D(2026, 5, 4), "introduction"), ("Bo Berg", D(2026, 5, 6), "review")]
    ]


# --- dashboard ----------------------------------------------------------------------


def test_weekly_dashboard_compares_with_the_week_before(net):
    board = rc.dashboard(D(2026, 4, 8), "week")
    assert (board.period, board.start, board.previous_start) == (
        "week",
        D(2026, 4, 6),
        D(2026, 3, 30),
    )
    # This week: a9 a10 (Ana both ways). Last week: a6 a7 (Eve), a8 (to Ben), a need.
    assert board.people_helped == rc.Tile(1, 1, 0)
    assert board.referrals_made == rc.Tile(0, 0, 0)
    assert board.needs_learned == rc.Tile(0, 1, -1)
    assert board.two_way == rc.Tile(1, 0, 1)
    # Follow-ups dated Apr 7 and Apr 12 (Sunday) this week; Apr 3 (done) last week.
    assert board.follow_ups_due == rc.Tile(2, 1, 1)
    spark = [(p.start, p.given, p.received) for p in board.sparkline]
    assert len(spark) == 12 and spark[0] == (D(2026, 1, 19), 1, 0)
    assert spark[-2:] == [(D(2026, 3, 30), 1, 2), (D(2026, 4, 6), 1, 1)]
    assert [s[1:] for s in spark[4:10]] == [(0, 0)] * 6
    assert [o.name for o in board.owed] == ["Eve Evans", "Gus Gray", "Ana Alves", "Dev Das"]


def test_monthly_dashboard_and_a_quiet_start(net):
    board = rc.dashboard(D(2026, 4, 8), "month")
    assert board.start == D(2026, 4, 1) and board.previous_start == D(2026, 3, 1)
    assert board.people_helped == rc.Tile(2, 0, 2)  # Ben and Ana in April
    assert board.two_way == rc.Tile(1, 0, 1)
    assert board.needs_learned == rc.Tile(1, 0, 1)
    assert board.follow_ups_due == rc.Tile(4, 0, 4)
    assert [p.start for p in board.sparkline][-3:] == [
        D(2026, 2, 1),
        D(2026, 3, 1),
        D(2026, 4, 1),
    ]
    quiet = rc.dashboard(D(2020, 6, 1), "month")
    assert quiet.people_helped == quiet.follow_ups_due == rc.Tile(0, 0, 0)
    assert all(p.given == p.received == 0 for p in quiet.sparkline)
    with pytest.raises(ValueError, match="week or a month"):
        rc.dashboard(D(2026, 4, 8), "quarter")
