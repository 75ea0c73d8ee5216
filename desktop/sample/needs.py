"""What the companies of the sample network need, and the openings the user pursues.

A need is kept as (id, title, day learned, skill family); an opportunity as
(id, company, title, day created, need id or None).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.sample import vocabulary
from desktop.sample.people import HIRING, Companies, People, Skills, family_of
from desktop.sample.run import Picker, Run

# fmt: off
OPPORTUNITY_STATUS_WEIGHTS = {
    "interested": 18, "applied": 24, "interviewing": 14, "offer": 3, "accepted": 1,
    "not_selected": 28, "withdrawn": 12,
}
FOR_WHOM_WEIGHTS = {"boss": 30, "customers": 30, "team": 22, "shareholders": 10, "other": 5}
# fmt: on
INTERVIEWED = ("interviewing", "offer", "accepted", "not_selected")

Need = tuple[int, str, int, str]
Opening = tuple[int, int, str, int, int | None]  # id, company, title, day, need id


@dataclass
class Opportunities:
    """Openings sorted by the day they appeared, so "known by day d" is a bisect away."""

    all: list[Opening]
    days: list[int]  # the day each of all appeared
    by_company: dict[int, list[Opening]]
    my_interviews: list[Opening]  # the ones the user got an interview for
    my_interview_days: list[int]


def make_needs(
    run: Run, n: int, skills: Skills, companies: Companies, people: People
) -> dict[int, list[Need]]:
    """Insert *n* needs; return them by company."""
    rng, rnd, for_whom = run.rng, run.rnd, Picker.of(FOR_WHOM_WEIGHTS)
    needs_by_company: dict[int, list[Need]] = {}
    pick = companies.pick
    if pick is None:  # no companies, so none has needs
        return needs_by_company
    rows, need_skills = [], []
    for nid in range(1, n + 1):
        company, family = pick(rnd), family_of(rnd)
        title, problem = rng.choice(vocabulary.FAMILIES[family]["needs"])
        whom = for_whom(rnd) if rnd() < 0.95 else ""
        problem = f"{problem} {vocabulary.FOR_WHOM_SENTENCES[whom]}".strip()
        insiders = people.by_company.get(company)
        source: int | None
        if insiders and rnd() < 0.9:
            source = rng.choice(insiders)
        else:  # heard from someone outside, or forgot who
            source = people.pools["any"](rnd) if people.pools and rnd() < 0.5 else None
        learned = int(rnd() * run.ndays)
        age = (run.ndays - learned) / run.ndays
        status = "open" if rnd() < 0.85 - 0.6 * age else rng.choice(("filled", "closed"))
        urgency = rng.choice((1, 2, 2, 2, 3, 3))
        fit = rng.choice(("strong", "partial", "none")) if rnd() < 0.15 else None
        notes = run.some(0.2, vocabulary.NEED_NOTES)
        when = (run.iso[learned], *run.stamps(learned))
        row = (nid, company, title, problem, whom, source, status, urgency, fit, notes)
        rows.append((*row, *when))
        need_skills += [(nid, s) for s in rng.sample(skills.ids[family], rng.randint(2, 5))]
        needs_by_company.setdefault(company, []).append((nid, title, learned, family))
    columns = (
        "id, company_id, title, problem, for_whom, source_person_id, status, urgency, "
        "fit_override, notes, learned_on, created_at, updated_at"
    )
    run.insert("need", columns, rows, counted=True)
    run.insert("need_skill", "need_id, skill_id", need_skills)
    return needs_by_company


def make_opportunities(
    run: Run,
    n: int,
    companies: Companies,
    people: People,
    needs_by_company: dict[int, list[Need]],
) -> Opportunities:
    rng, rnd, last = run.rng, run.rnd, run.ndays - 1
    status_of = Picker.of(OPPORTUNITY_STATUS_WEIGHTS)
    opps = Opportunities(all=[], days=[], by_company={}, my_interviews=[], my_interview_days=[])
    pick = companies.pick
    if pick is None:  # no companies, so no openings
        return opps
    rows, parts, history = [], [], []
    for oid in range(1, n + 1):
        company = pick(rnd)
        needs = needs_by_company.get(company)
        need = rng.choice(needs) if needs and rnd() < 0.6 else None
        title = rng.choice(vocabulary.FAMILIES[need[3] if need else family_of(rnd)]["titles"])
        created = max(need[2] if need else 0, int(rnd() * run.ndays))
        status = status_of(rnd)
        applied = None
        if status != "interested" and (status != "withdrawn" or rnd() < 0.6):
            applied = min(last, created + rng.randint(0, 10))
        changed = created
        if status != "interested":
            changed = min(last, (applied or created) + rng.randint(5, 60))
            if status == "applied" and applied is not None:
                changed = applied  # still at 'applied': it changed the day I applied
        job = f"https://careers.{companies.domain[company]}/jobs/{rng.randrange(1000, 99999)}"
        url = job if rnd() < 0.7 else ""
        notes = run.some(0.3, vocabulary.OPPORTUNITY_NOTES)
        applied_on = None if applied is None else run.iso[applied]
        when = run.stamps(created, changed)
        # fmt: off
        rows.append((oid, company, need and need[0], title, url, status, run.iso[changed],
                     applied_on, notes, *when))
        # fmt: on
        history += _history(run, oid, status, created, applied, changed)
        opp = (oid, company, title, created, need and need[0])
        opps.by_company.setdefault(company, []).append(opp)
        opps.all.append(opp)
        if status in INTERVIEWED:
            opps.my_interviews.append(opp)
        parts += _opportunity_people(run, people, oid, company, status)
    columns = (
        "id, company_id, need_id, title, url, status, status_changed_on, applied_on, notes, "
        "created_at, updated_at"
    )
    run.insert("opportunity", columns, rows, counted=True)
    run.insert("opportunity_person", "opportunity_id, person_id, part", parts)
    run.insert("opportunity_history", "opportunity_id, status, changed_on", history)
    for openings in (opps.all, opps.my_interviews, *opps.by_company.values()):
        openings.sort(key=lambda o: (o[3], o[0]))  # by the day they appeared
    opps.days = [o[3] for o in opps.all]
    opps.my_interview_days = [o[3] for o in opps.my_interviews]
    return opps


def _history(
    run: Run, oid: int, status: str, created: int, applied: int | None, changed: int
) -> list[tuple[int, str, str]]:
    """The steps to *status*: interested, applied, interviewing when there were interviews,
    then where it stands (drawing nothing from the random stream, so the rest is as before)."""
    steps = [("interested", created)]
    if applied is not None:
        steps.append(("applied", applied))
    if status in INTERVIEWED and status != "interviewing":
        steps.append(("interviewing", (max(applied or created, created) + changed) // 2))
    if status != steps[-1][0]:
        steps.append((status, changed))
    return [(oid, step, run.iso[max(day, created)]) for step, day in steps]


def _opportunity_people(
    run: Run, people: People, oid: int, company: int, status: str
) -> list[tuple[int, int, str]]:
    """Hiring manager and recruiter (from the company, or an agency), interviewers."""
    rng, rnd = run.rng, run.rnd
    staff = people.by_company.get(company, [])
    roles = people.roles
    in_role = {r: [p for p in staff if r in roles[p]] for r in (*HIRING, "interviewer")}
    parts = []
    for part, chance in (("hiring_manager", 0.85), ("recruiter", 0.75)):
        pool = in_role[part] or (people.by_role[part] if part == "recruiter" else staff)
        if pool and rnd() < chance:
            parts.append((oid, rng.choice(pool), part))
    if status in INTERVIEWED:
        pool = in_role["interviewer"] or staff
        chosen = rng.sample(pool, min(len(pool), rng.randint(0, 3)))
        parts += [(oid, p, "interviewer") for p in chosen]
    if people.by_role["referrer"] and rnd() < 0.2:
        parts.append((oid, rng.choice(people.by_role["referrer"]), "referrer"))
    return list(dict.fromkeys(parts))
