"""The timeline: filters, stable keyset pages, month counts, and index-only query plans."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from desktop import sample
from desktop.core import actions, companies, people, timeline
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.core.timeline import TimelineFilter
from desktop.store.connection import db
from desktop.store.models import ACTION_KINDS
from desktop.store.textkeys import fold

WORDS = ["coffee", "résumé", "referral", "pipeline", "kernel", "lunch"]


def all_pages(flt: TimelineFilter, size: int = 3) -> list[timeline.TimelineRow]:
    rows: list[timeline.TimelineRow] = []
    while True:
        after = (rows[-1].occurred_on, rows[-1].id) if rows else None
        batch = timeline.page(flt, after, size)
        assert len(batch) <= size
        rows.extend(batch)
        if len(batch) < size:
            return rows


def log(counterpart: int, day: date, **fields) -> int:
    fields.setdefault("summary", "Checked in")
    return actions.create_action(ActionData(occurred_on=day, counterpart_id=counterpart, **fields))


@pytest.fixture
def net(database):
    """Three people, two companies and 60 varied actions over four months."""
    ids = {
        "ada": people.create_person(PersonData(name="Ada Lovelace")),
        "grace": people.create_person(PersonData(name="Grace Hopper")),
        "linus": people.create_person(PersonData(name="Linus Åberg")),
        "acme": companies.create_company(companies.CompanyData(name="Acme")),
        "globex": companies.create_company(companies.CompanyData(name="Globex")),
    }
    rng = random.Random(3)
    made = []
    for _ in range(60):
        data = ActionData(
            occurred_on=date(2026, 1, 1) + timedelta(days=rng.randrange(100)),
            direction=rng.choice(["given", "received"]),
            kind=rng.choice(["referral", "check_in", "thanks", "job_lead"]),
            counterpart_id=ids[rng.choice(["ada", "grace", "linus"])],
            beneficiary_id=rng.choice([None, None, ids["ada"], ids["grace"]]),
            company_id=rng.choice([None, ids["acme"], ids["globex"]]),
            summary=" ".join(rng.sample(WORDS, 2)).capitalize(),
            notes=rng.choice(["", "", "Met over lunch", "Needs a kernel hacker"]),
        )
        made.append((actions.create_action(data), data))
    return ids, made


def expected(made, flt: TimelineFilter) -> list[int]:
    """The filter worked out in Python, newest first."""
    words = [fold(w) for w in flt.text.split()]

    def keep(data: ActionData) -> bool:
        tokens = re.findall(r"\w+", fold(f"{data.summary} {data.notes}"))
        return (
            (flt.person_id is None or flt.person_id in (data.counterpart_id, data.beneficiary_id))
            and (flt.company_id is None or data.company_id == flt.company_id)
            and (not flt.kinds or data.kind in flt.kinds)
            and (flt.direction is None or data.direction == flt.direction)
            and (flt.start is None or data.occurred_on >= flt.start)
            and (flt.end is None or data.occurred_on <= flt.end)
            and all(any(t.startswith(w) for t in tokens) for w in words)
        )

    kept = [(data.occurred_on, action_id) for action_id, data in made if keep(data)]
    return [action_id for _, action_id in sorted(kept, reverse=True)]


FILTERS = {
    "everything": {},
    "person": {"person": "ada"},
    "company": {"company": "acme"},
    "kind": {"kinds": frozenset({"referral"})},
    "two kinds": {"kinds": frozenset({"referral", "thanks"})},
    "all kinds": {"kinds": frozenset(ACTION_KINDS)},
    "direction": {"direction": "received"},
    "dates": {"start": date(2026, 2, 1), "end": date(2026, 2, 28)},
    "text": {"text": "coff"},
    "text in notes": {"text": "kernel"},
    "accents ignored": {"text": "resume"},
    "two words": {"text": "lunch COFFEE"},
    "kinds and text": {"kinds": frozenset({"check_in", "thanks"}), "text": "pipe"},
    "person and company": {"person": "grace", "company": "globex"},
    "all at once": {
        "person": "grace",
        "kinds": frozenset({"referral", "check_in"}),
        "direction": "given",
        "start": date(2026, 1, 10),
        "end": date(2026, 3, 31),
        "text": "re",
    },
}


def make_filter(ids, spec) -> TimelineFilter:
    spec = dict(spec)
    if "person" in spec:
        spec["person_id"] = ids[spec.pop("person")]
    if "company" in spec:
        spec["company_id"] = ids[spec.pop("company")]
    return TimelineFilter(**spec)


@pytest.mark.parametrize("spec", FILTERS.values(), ids=FILTERS.keys())
def test_filters_pages_and_count_agree(net, spec):
    ids, made = net
    flt = make_filter(ids, spec)
    rows = all_pages(flt)
    assert [r.id for r in rows] == expected(made, flt)
    assert timeline.count(flt) == len(rows)
    months: dict[str, int] = {}
    for row in rows:
        months[row.occurred_on[:7]] = months.get(row.occurred_on[:7], 0) + 1
    assert timeline.month_counts(flt) == months


def test_every_filter_leaves_something_to_check(net):
    ids, made = net
    for name, spec in FILTERS.items():
        assert expected(made, make_filter(ids, spec)), f"{name} matches nothing: a weak test"


def test_person_filter_shows_each_action_once_even_when_they_are_both_sides(net):
    ids, _ = net
    both = log(ids["linus"], date(2026, 6, 1), beneficiary_id=ids["linus"])
    rows = all_pages(TimelineFilter(person_id=ids["linus"]))
    assert [r.id for r in rows].count(both) == 1


def test_rows_carry_names_and_follow_up_state(net):
    ids, _ = net
    action_id = log(
        ids["ada"],
        date(2026, 6, 1),
        kind="referral",
        beneficiary_id=ids["grace"],
        company_id=ids["acme"],
        summary="Referred Grace",
        weight=3,
        follow_up_on=date(2026, 6, 8),
    )
    actions.mark_follow_up_done(action_id)
    plain = log(ids["linus"], date(2026, 6, 1))
    newer, older = timeline.page(TimelineFilter(start=date(2026, 6, 1)))
    assert newer.id == plain  # same day: the later entry comes first
    assert (newer.beneficiary_id, newer.beneficiary, newer.company) == (None, "", "")
    assert (newer.follow_up_on, newer.follow_up_done) == (None, False)
    assert older == timeline.TimelineRow(
        action_id, "2026-06-01", "given", "referral", "Referred Grace", 3,
        ids["ada"], "Ada Lovelace", ids["grace"], "Grace Hopper", ids["acme"], "Acme",
        "2026-06-08", True,
    )  # fmt: skip


@pytest.mark.parametrize("text", ['"', "  ", "ada OR grace", "a\x00b", "NEAR(x y)"])
def test_typed_text_is_words_never_query_syntax(net, text):
    flt = TimelineFilter(text=text)
    assert timeline.count(flt) == len(all_pages(flt, 50))


def test_punctuation_alone_matches_nothing_and_blank_matches_all(net):
    assert timeline.page(TimelineFilter(text='"')) == []
    assert timeline.count(TimelineFilter(text="   ")) == 60


def test_pages_over_equal_dates_neither_skip_nor_repeat_while_actions_are_added(database):
    ada = people.create_person(PersonData(name="Ada"))
    day = date(2026, 3, 1)
    ids = [log(ada, day, summary=f"Action {i}") for i in range(20)]
    full = sorted(ids, reverse=True)
    assert [r.id for r in all_pages(TimelineFilter())] == full

    seen: list[int] = []
    after = None
    while True:
        batch = timeline.page(TimelineFilter(), after, 3)
        seen.extend(r.id for r in batch)
        if len(batch) < 3:
            break
        after = (batch[-1].occurred_on, batch[-1].id)
        log(ada, day, summary="Logged while scrolling")  # same day, newer: above the cursor
        log(ada, day + timedelta(days=1), summary="Logged for tomorrow")
    assert seen == full
    assert timeline.count(TimelineFilter()) == 20 + 2 * (len(seen) // 3)


def test_month_counts_are_newest_first(database):
    ada = people.create_person(PersonData(name="Ada"))
    for day, n in ((date(2025, 12, 31), 2), (date(2026, 1, 1), 1), (date(2026, 3, 15), 3)):
        for _ in range(n):
            log(ada, day, kind="thanks" if n == 3 else "check_in")
    assert list(timeline.month_counts(TimelineFilter()).items()) == [
        ("2026-03", 3),
        ("2026-01", 1),
        ("2025-12", 2),
    ]
    assert timeline.month_counts(TimelineFilter(kinds=frozenset({"thanks"}))) == {"2026-03": 3}
    assert timeline.month_counts(TimelineFilter(text="nothing-like-this")) == {}


@pytest.fixture
def sample_db(database):
    sample.generate_network(
        db, people=300, companies=30, actions=5000, months=18, today=date(2026, 3, 15)
    )
    busy = db.execute_sql(
        "SELECT counterpart_id FROM action GROUP BY counterpart_id ORDER BY count(*) DESC"
    ).fetchone()[0]
    company = db.execute_sql(
        "SELECT company_id FROM action WHERE company_id IS NOT NULL"
        " GROUP BY company_id ORDER BY count(*) DESC"
    ).fetchone()[0]
    return {"person": busy, "company": company}


SAMPLE_FILTERS = {
    "everything": {},
    "person": {"person_id": "person"},
    "company": {"company_id": "company"},
    "kind": {"kinds": frozenset({"referral"})},
    "kinds and direction": {"kinds": frozenset({"thanks", "job_lead"}), "direction": "given"},
    "direction": {"direction": "received"},
    "dates": {"start": date(2025, 6, 1), "end": date(2025, 8, 31)},
    "text": {"text": "coffee"},
    "kind and text": {"kinds": frozenset({"check_in"}), "text": "co"},
    "person, kind and dates": {
        "person_id": "person",
        "kinds": frozenset({"check_in", "thanks"}),
        "start": date(2025, 1, 1),
    },
}


def sample_filter(ids, spec) -> TimelineFilter:
    return TimelineFilter(**{k: ids.get(v, v) if k.endswith("_id") else v for k, v in spec.items()})


@pytest.mark.parametrize("spec", SAMPLE_FILTERS.values(), ids=SAMPLE_FILTERS.keys())
def test_every_page_query_walks_an_index_and_never_sorts(sample_db, spec):
    flt = sample_filter(sample_db, spec)
    for after in (None, ("2025-10-01", 10**9)):
        sql, params = timeline.page_sql(flt, after, 200)
        steps = [r[3] for r in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
        assert not [s for s in steps if "TEMP B-TREE" in s], steps
        walks = [s for s in steps if re.match(r"(SCAN|SEARCH) action\b", s)]
        assert walks and all("USING" in s and "INDEX" in s for s in walks), steps


def sample_actions() -> list[tuple[int, ActionData]]:
    rows = db.execute_sql(
        "SELECT id, occurred_on, direction, kind, counterpart_id, beneficiary_id, company_id,"
        " summary, notes FROM action"
    ).fetchall()
    return [
        (r[0], ActionData(date.fromisoformat(r[1]), *r[2:7], summary=r[7], notes=r[8]))
        for r in rows
    ]


@pytest.mark.parametrize("spec", SAMPLE_FILTERS.values(), ids=SAMPLE_FILTERS.keys())
def test_sample_pages_match_the_filter_worked_out_in_python(sample_db, spec):
    flt = sample_filter(sample_db, spec)
    rows = all_pages(flt, 200)
    assert rows, "a filter that matches nothing tests nothing"
    assert [r.id for r in rows] == expected(sample_actions(), flt)
    assert timeline.count(flt) == len(rows)
    assert sum(timeline.month_counts(flt).values()) == len(rows)


def test_filter_by_opportunity_and_need_alone_or_with_a_person(database):
    from desktop.core import needs, opportunities
    from desktop.core.needs import NeedData
    from desktop.core.opportunities import OpportunityData

    ada = people.create_person(people.PersonData(name="Ada"))
    bob = people.create_person(people.PersonData(name="Bob"))
    need = needs.create_need(NeedData(company="Acme", title="Pipeline"))
    opp = opportunities.create_opportunity(OpportunityData(company="Acme", title="Analyst"))

    def log(day: int, who: int, **links) -> int:
        return actions.create_action(
            actions.ActionData(
                occurred_on=date(2026, 1, day), counterpart_id=who, summary=f"Day {day}", **links
            )
        )

    first = log(1, ada, opportunity_id=opp)
    second = log(2, bob, opportunity_id=opp, need_id=need)
    log(3, ada)
    fourth = log(4, ada, need_id=need)

    def ids(**fields) -> list[int]:
        return [row.id for row in timeline.page(TimelineFilter(**fields), None, 10)]

    assert ids(opportunity_id=opp) == [second, first]
    assert ids(need_id=need) == [fourth, second]
    assert ids(opportunity_id=opp, person_id=ada) == [first]
    assert timeline.count(TimelineFilter(need_id=need, person_id=bob)) == 1


def test_filter_by_the_counterparts_role(database):
    ada = people.create_person(people.PersonData(name="Ada", roles=("recruiter", "mentor")))
    bob = people.create_person(people.PersonData(name="Bob", roles=("job_seeker",)))
    with_ada = actions.create_action(
        actions.ActionData(occurred_on=date(2026, 1, 1), counterpart_id=ada, summary="Call")
    )
    actions.create_action(
        actions.ActionData(occurred_on=date(2026, 1, 2), counterpart_id=bob, summary="Tip")
    )
    rows = timeline.page(TimelineFilter(role="recruiter"), None, 10)
    assert [row.id for row in rows] == [with_ada]
    assert timeline.count(TimelineFilter(role="job_seeker", person_id=ada)) == 0
