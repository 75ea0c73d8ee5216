"""Who is in the sample network: skills, companies, people with their roles, and the user.

Each step inserts its rows and returns what later steps refer to. Ids start at 1 and
index the returned lists, whose item 0 is a blank.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from desktop.core.validation import name_key
from desktop.sample import names, vocabulary
from desktop.sample.run import Picker, Run
from desktop.store import query

# fmt: off
ROLE_WEIGHTS = {
    "job_seeker": 22, "colleague": 18, "hiring_manager": 14, "interviewer": 14,
    "recruiter": 12, "referrer": 10, "mentor": 10,
}
FAMILY_WEIGHTS = {
    "engineering": 3, "data": 2, "product": 1.5, "design": 1, "people": 1, "sales": 2,
    "marketing": 1, "operations": 1.5,
}
#: Groups of people by role, and which group the counterpart of an action comes from.
POOLS = {
    "seekers": ("job_seeker",),
    "hiring": ("hiring_manager", "recruiter"),
    "helpers": ("referrer", "colleague", "mentor"),
    "insiders": ("hiring_manager", "interviewer", "recruiter", "colleague"),
    "advisers": ("mentor", "interviewer", "colleague", "recruiter"),
}
# fmt: on
HIRING = ("hiring_manager", "recruiter")
DORMANT_DAYS = 3 * 366  # met longer ago than this and not written to since: dormant
_ASCII_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss"})

#: The skill family of a person, a need, an opening or the user.
family_of = Picker.of(FAMILY_WEIGHTS)


@dataclass
class Skills:
    ids: dict[str, list[int]]  # family -> its skill ids
    name: dict[int, str]


@dataclass
class Companies:
    name: list[str]
    domain: list[str]
    location: list[str]
    staffing: list[int]  # the recruiting agencies
    pick: Picker[int] | None  # a company, big and targeted ones more often; None if there are none


@dataclass
class People:
    name: list[str]
    company: list[int | None]
    skill: list[str]  # one skill each, to mention in summaries
    roles: list[tuple[str, ...]]
    by_company: dict[int, list[int]]
    by_role: dict[str, list[int]]
    pools: dict[str, Picker[int]]  # "any" and the POOLS, the more active people more often


def _ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Søren O'Brien" -> 'sorenobrien'."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum()).lower()


def make_skills(run: Run) -> Skills:
    skills = Skills(ids={}, name={})
    families = {f: spec["skills"] for f, spec in vocabulary.FAMILIES.items()}
    for family, skill_names in {**families, "general": vocabulary.GENERAL_SKILLS}.items():
        for name in skill_names:
            skills.name[len(skills.name) + 1] = name
            skills.ids.setdefault(family, []).append(len(skills.name))
    rows = ((sid, name, name_key(name)) for sid, name in skills.name.items())
    run.insert("skill", "id, name, name_key", rows)
    return skills


def make_companies(run: Run, n: int) -> Companies:
    rng, rnd, roots, suffixes = run.rng, run.rnd, names.COMPANY_ROOTS, names.COMPANY_SUFFIXES
    size = len(roots) * len(suffixes)
    picks = rng.sample(range(size), min(n, size))
    company_name, company_domain, company_location = [""], [""], [""]
    weights, rows = [], []
    for cid in range(1, n + 1):
        pick = picks[(cid - 1) % size]
        root, (suffix, industry) = roots[pick % len(roots)], suffixes[pick // len(roots)]
        name = f"{root} {suffix}" + (f" {(cid - 1) // size + 1}" if cid > size else "")
        tld = "org" if industry == "Nonprofit" else rng.choice(("com", "com", "io", "co"))
        domain, location = f"{_ascii(name)}.{tld}", rng.choice(names.LOCATIONS)
        target = rnd() < 1 / 3
        notes = run.some(0.6 if target else 0.15, vocabulary.COMPANY_NOTES)
        created = 0 if rnd() < 0.5 else int(rnd() * run.ndays / 2)
        when = run.stamps(created)
        website = f"https://www.{domain}"
        row = (cid, name, name_key(name), website, industry, location, notes, int(target))
        rows.append((*row, *when))
        company_name.append(name)
        company_domain.append(domain)
        company_location.append(location)
        weights.append(min(rng.paretovariate(1.2), 20) * (3 if target else 1))
    columns = (
        "id, name, name_key, website, industry, location, notes, is_target, created_at, updated_at"
    )
    run.insert("company", columns, rows, counted=True)
    return Companies(
        name=company_name,
        domain=company_domain,
        location=company_location,
        staffing=[r[0] for r in rows if r[4] == "Staffing & recruiting"],
        pick=Picker(range(1, n + 1), weights) if n else None,
    )


def _employer(run: Run, companies: Companies, role: str) -> int | None:
    """Where someone in this role works; many job seekers are between jobs."""
    rnd = run.rnd
    if companies.pick is None or (role == "job_seeker" and rnd() < 0.55):
        return None
    if role == "recruiter" and companies.staffing and rnd() < 0.3:
        return run.rng.choice(companies.staffing)
    return companies.pick(rnd) if rnd() < 0.92 else None


def make_people(run: Run, n: int, skills: Skills, companies: Companies) -> People:
    rng, rnd, firsts, lasts = run.rng, run.rnd, names.FIRST_NAMES, names.LAST_NAMES
    size = len(firsts) * len(lasts)
    picks = rng.sample(range(size), min(n, size))  # distinct names while they last
    picks += [rng.randrange(size) for _ in range(n - len(picks))]
    role_of = Picker.of(ROLE_WEIGHTS)
    found = People(
        name=[""],
        company=[None],
        skill=[""],
        roles=[()],
        by_company={},
        by_role={r: [] for r in ROLE_WEIGHTS},
        pools={},
    )
    people, roles, person_skills, activity = [], [], [], []
    for pid in range(1, n + 1):
        first, last = firsts[picks[pid - 1] % len(firsts)], lasts[picks[pid - 1] // len(firsts)]
        middle = f"{rng.choice(string.ascii_uppercase)}. " if pid > size else ""
        name = f"{first} {middle}{last}"
        mine = tuple(dict.fromkeys([role_of(rnd), *([role_of(rnd)] if rnd() < 0.2 else [])]))
        main, family = mine[0], family_of(rnd)
        company = _employer(run, companies, main)
        if main == "recruiter":
            title = rng.choice(vocabulary.RECRUITER_TITLES)
        elif main == "hiring_manager" or (main == "mentor" and rnd() < 0.5):
            title = rng.choice(vocabulary.FAMILIES[family]["managers"])
        else:
            title = rng.choice(vocabulary.FAMILIES[family]["titles"])
        # Hiring people seek skills; everyone else mostly offers them.
        own = skills.ids["people" if main == "recruiter" else family]
        hiring = main in HIRING
        offers = rng.sample(own, rng.randint(1, 5)) if not hiring or rnd() < 0.5 else []
        wanted = skills.ids[family]
        seeks = rng.sample(wanted, rng.randint(1, 5)) if hiring or rnd() < 0.3 else []
        if offers and rnd() < 0.3:
            offers.append(rng.choice(skills.ids["general"]))
        person_skills += [(pid, s, "offers") for s in offers]
        person_skills += [(pid, s, "seeks") for s in seeks]
        roles += [(pid, r) for r in mine]
        skill = skills.name[(offers or seeks)[0]]

        local = f"{_ascii(first)}.{_ascii(last)}"
        personal = f"example.{rng.choice(('com', 'net', 'org'))}"
        domain = companies.domain[company] if company else personal
        email = f"{local}@{domain}" if rnd() < 0.82 else ""
        phone = f"+1 {rng.choice(names.AREA_CODES)} 555-01{rng.randrange(100):02d}"
        phone = phone if rnd() < 0.6 else ""
        slug = f"{_ascii(first)}-{_ascii(last)}-{rng.getrandbits(28):07x}"
        linkedin = f"https://www.linkedin.com/in/{slug}" if rnd() < 0.85 else ""
        location = rng.choice(names.LOCATIONS)
        if company and rnd() < 0.8:
            location = companies.location[company]
        at = companies.name[company or (companies.pick(rnd) if companies.pick else 0)] or "work"
        other = found.name[rng.randrange(1, pid)] if pid > 1 else "a friend"
        how_met = rng.choice(vocabulary.HOW_MET).format(company=at, other=other, skill=skill)
        notes = run.some(0.25, vocabulary.PERSON_NOTES)
        notes = notes.format(skill=skill, title=title, location=location)
        cadence = rng.choice((14, 21, 30, 45, 60, 90, 180)) if rnd() < 0.4 else None
        # Old acquaintances were met before the window; most people came in by import.
        earliest = -3 * 365 if main in ("colleague", "mentor", "referrer") else -180
        met = rng.randint(earliest, run.ndays - 1) if rnd() < 0.9 else None
        created = 0 if met is None or met <= 0 or rnd() < 0.6 else met
        imported = f"{run.iso[0]} 20:14:07" if created == 0 else ""
        when = run.stamps(created, created=imported)
        met_on = None if met is None else run.day_iso(met)
        # People who came in by import have the name parts their source gave (LinkedIn's
        # First and Last Name); the ones typed in by hand have only the name.
        parts = (first, middle.strip(), last) if imported else ("", "", "")
        # fmt: off
        # Some keep in touch by a tier instead of days of their own. Some old acquaintances
        # were never written to since: dormant ties for the Reconnect list. (From the draws
        # already made, so that the rest of the network stays as it was.)
        tier = (1, 2, 3)[pid % 3] if cadence is None and pid % 5 < 2 else None
        dormant = met is not None and met <= run.ndays - 1 - DORMANT_DAYS and pid % 3 != 1
        people.append((pid, name, company, title, email, phone, linkedin, location, how_met,
                       met_on, notes, cadence, tier, *parts, *when))
        # fmt: on

        found.name.append(name)
        found.company.append(company)
        found.skill.append(skill)
        found.roles.append(mine)
        if company:
            found.by_company.setdefault(company, []).append(pid)
        for r in mine:
            found.by_role[r].append(pid)
        activity.append(min(rng.paretovariate(1.3), 40) * (2 if cadence else 1) * (not dormant))
    columns = (
        "id, name, company_id, title, email, phone, linkedin_url, location, how_met, "
        "met_on, notes, cadence_days, tier_id, given_name, middle_name, family_name, created_at, "
        "updated_at"
    )
    run.insert("person", columns, people, counted=True)
    run.insert("person_role", "person_id, role", roles)
    run.insert("person_skill", "person_id, skill_id, kind", person_skills)
    if n:
        found.pools["any"] = Picker(range(1, n + 1), activity)
    for pool, pool_roles in POOLS.items():
        ids = sorted({p for r in pool_roles for p in found.by_role[r]})
        if ids:
            found.pools[pool] = Picker(ids, [activity[p - 1] for p in ids])
    return found


def make_profile(run: Run, skills: Skills) -> None:
    """The user: a family of skills, two target roles and a one-line pitch."""
    rng, family = run.rng, family_of(run.rnd)
    spec = vocabulary.FAMILIES[family]
    mine = [*rng.sample(skills.ids[family], 8), rng.choice(skills.ids["general"])]
    name = f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.LAST_NAMES)}"
    title, need = rng.choice(spec["titles"]), rng.choice(spec["needs"])[0]
    strengths = " and ".join(skills.name[s] for s in mine[:2])
    pitch = f"{title} with deep {strengths} experience. I help teams {need[0].lower()}{need[1:]}."
    targets = ", ".join(rng.sample(spec["titles"], 2))
    query.execute(  # keep a profile the user already wrote
        "INSERT OR IGNORE INTO profile (id, name, target_roles, pitch) VALUES (1, ?, ?, ?)",
        (name, targets, pitch),
        database=run.database,
    )
    run.insert("profile_skill", "skill_id", ((s,) for s in mine))
