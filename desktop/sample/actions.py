"""The timeline of the sample network: actions given and received, day by day.

Actions are produced lazily and inserted in chunks, so a million of them never sit in
memory at once.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterator
from itertools import accumulate, pairwise

from desktop.sample import vocabulary
from desktop.sample.needs import Need, Opening, Opportunities
from desktop.sample.people import Companies, People
from desktop.sample.run import Picker, Row, Run
from desktop.sample.summaries import OPTIONAL_FIELDS, best_templates
from desktop.store import query

# fmt: off
KIND_WEIGHTS = {  # kind: (weight when given, weight when received)
    "check_in": (22, 18), "thanks": (8, 20), "job_lead": (14, 12), "referral": (12, 6),
    "introduction": (12, 10), "company_insight": (8, 14), "review": (8, 6),
    "interview_prep": (6, 8), "recommendation": (6, 4), "other": (4, 2),
}
KIND_WEIGHT_1_TO_3 = {  # kind: chances of an action weighing 1, 2 and 3
    "referral": (0, 4, 6), "recommendation": (1, 5, 4), "introduction": (2, 6, 2),
    "job_lead": (3, 5, 2), "review": (3, 6, 1), "interview_prep": (2, 6, 2),
    "company_insight": (5, 4, 1), "check_in": (9, 1, 0), "thanks": (8, 2, 0),
    "other": (7, 3, 0),
}
FOLLOW_UP_CHANCE = {"referral": 0.35, "job_lead": 0.25, "introduction": 0.25}  # else 0.08
#: Which group of people (see people.POOLS) the counterpart of an action comes from.
COUNTERPART_POOL = {
    ("given", "referral"): "hiring", ("given", "job_lead"): "seekers",
    ("given", "company_insight"): "seekers", ("given", "review"): "seekers",
    ("given", "interview_prep"): "seekers", ("received", "referral"): "helpers",
    ("received", "company_insight"): "insiders", ("received", "recommendation"): "helpers",
    ("received", "review"): "advisers", ("received", "interview_prep"): "advisers",
}
# fmt: on
_COLUMNS = (
    "id, occurred_on, direction, kind, counterpart_id, beneficiary_id, company_id, need_id, "
    "opportunity_id, summary, notes, weight, follow_up_on, follow_up_done_at, created_at"
)


def make_actions(
    run: Run,
    n: int,
    companies: Companies,
    people: People,
    needs_by_company: dict[int, list[Need]],
    opps: Opportunities,
) -> None:
    """Insert *n* actions, then move first meetings no later than the first action."""
    rows = _action_rows(run, n, companies, people, needs_by_company, opps)
    run.insert("action", _COLUMNS, rows, counted=True)
    _settle_first_meetings(run)


def _daily_counts(run: Run, n: int) -> list[int]:
    """Spread *n* actions over the days: quiet weekends, busier as the search grows."""
    weights = []
    for day in range(run.ndays):
        weekday = (run.start + day) % 7  # 0 is Sunday for proleptic ordinals
        ramp = 0.5 + day / run.ndays
        busy = (0.2, 1, 1, 1, 1, 0.9, 0.3)[weekday]
        weights.append(busy * ramp * run.rng.uniform(0.5, 1.5))
    total = sum(weights)
    cumulative = [round(n * c / total) for c in accumulate(weights)]
    cumulative[-1] = n
    return [b - a for a, b in pairwise([0, *cumulative])]


def _action_rows(
    run: Run,
    n: int,
    companies: Companies,
    people: People,
    needs_by_company: dict[int, list[Need]],
    opps: Opportunities,
) -> Iterator[Row]:
    rng, rnd, ndays, iso = run.rng, run.rnd, run.ndays, run.iso
    kind_of = {
        direction: Picker(list(KIND_WEIGHTS), [w[i] for w in KIND_WEIGHTS.values()])
        for i, direction in enumerate(("given", "received"))
    }
    weight_of = {k: Picker((1, 2, 3), w) for k, w in KIND_WEIGHT_1_TO_3.items()}
    pools, anyone = people.pools, people.pools.get("any")
    if anyone is None:  # no people, so no actions (generate_network asks for people)
        return
    names, company_names = people.name, companies.name
    templates: dict[tuple[object, ...], list[str]] = {}
    aid = 0
    for day, count in enumerate(_daily_counts(run, n)):
        for _ in range(count):
            aid += 1
            direction = "given" if rnd() < 0.6 else "received"
            kind = kind_of[direction](rnd)
            pool_name = COUNTERPART_POOL.get((direction, kind))
            cp = (pools.get(pool_name, anyone) if pool_name else anyone)(rnd)
            ben = company = need = opp = None
            if direction == "given" and kind in ("referral", "introduction"):
                pool = pools.get("seekers") if kind == "referral" or rnd() < 0.5 else None
                ben = (pool or anyone)(rnd)
                ben = None if ben == cp else ben
            if kind in ("referral", "job_lead", "interview_prep"):
                opp = _pick_opportunity(run, people, opps, cp, day, kind, direction)
                company = opp and opp[1]
                if kind == "interview_prep" and direction == "given":  # their interview
                    opp, company = None, company if rnd() < 0.5 else None
            elif kind == "company_insight" or rnd() < 0.15:
                company = people.company[cp] or (companies.pick(rnd) if companies.pick else None)
                if kind == "company_insight":
                    need = _pick_need(run, needs_by_company, company, day)
            known = (ben is not None, bool(company), opp is not None, need is not None)
            key = (direction, kind, *known)
            if key not in templates:
                have = frozenset(f for f, k in zip(OPTIONAL_FIELDS, known, strict=True) if k)
                templates[key] = best_templates(direction, kind, have)
            summary = rng.choice(templates[key]).format(
                cp=names[cp],
                skill=people.skill[cp],
                ben=ben and names[ben],
                company=company and company_names[company],
                role=opp and opp[2],
                need=need and need[1],
            )
            follow_up = done = None
            if rnd() < FOLLOW_UP_CHANCE.get(kind, 0.08):
                due = day + rng.choice((3, 7, 14, 14, 30))
                follow_up = iso[due]
                if due < ndays and rnd() < (0.9 if ndays - due > 45 else 0.55):
                    done = run.stamp(min(ndays - 1, due + rng.randint(-2, 7)))
            notes = run.some(0.12, vocabulary.ACTION_NOTES)
            # fmt: off
            need_id = need[0] if need else None
            if kind == "referral" and opp is not None:
                need_id = opp[4]  # a referral for a role serves the need behind it
            yield (aid, iso[day], direction, kind, cp, ben, company or None, need_id,
                   opp and opp[0], summary, notes, weight_of[kind](rnd), follow_up, done,
                   run.stamp(day))
            # fmt: on


def _pick_opportunity(
    run: Run, people: People, opps: Opportunities, cp: int, day: int, kind: str, direction: str
) -> Opening | None:
    """An opportunity that existed on *day*: for help with my interviews one I got that
    far in; else mostly one at the counterpart's company; else any."""
    rnd = run.rnd
    if kind == "interview_prep" and direction == "received":
        known = bisect(opps.my_interview_days, day)
        if known:
            return opps.my_interviews[int(rnd() * known)]
    employer = people.company[cp]
    local = opps.by_company.get(employer) if employer is not None else None
    if local and local[0][3] <= day and rnd() < 0.8:
        known = bisect([o[3] for o in local], day)
        return local[int(rnd() * known)]
    known = bisect(opps.days, day)
    return opps.all[int(rnd() * known)] if known else None


def _pick_need(
    run: Run, needs_by_company: dict[int, list[Need]], company: int | None, day: int
) -> Need | None:
    known = needs_by_company.get(company, []) if company is not None else []
    needs = [x for x in known if x[2] <= day]
    return run.rng.choice(needs) if needs and run.rnd() < 0.8 else None


def _settle_first_meetings(run: Run) -> None:
    """Nobody is met, or entered, after the first action with them."""
    first = "(SELECT min(occurred_on) FROM action WHERE counterpart_id = person.id)"
    query.execute(
        f"""
        UPDATE person SET met_on = min(met_on, {first}),
                          created_at = min(created_at, {first} || ' 08:00:00')
        WHERE EXISTS (SELECT 1 FROM action WHERE counterpart_id = person.id)
        """,
        database=run.database,
    )  # min() keeps a NULL met_on: not everyone remembers when they met
