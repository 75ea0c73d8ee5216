"""A believable, invented job search to explore the program and to measure it at scale.

`generate_network` fills an empty database with companies, people with their roles and
skills, the user's profile, company needs, opportunities and a timeline of actions given
and received. Same arguments and seed give byte-identical tables: all randomness comes
from one `random.Random(seed)` and the only clock is the `today` argument.
Rows go in with `executemany` in one transaction; actions are produced in chunks, so a
million of them never sit in memory at once.
"""

from __future__ import annotations

import calendar
import random
import string
import unicodedata
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import accumulate, islice, pairwise

from peewee import SqliteDatabase

from desktop.core import sample_words as words
from desktop.core.validation import name_key
from desktop.store import search_index

SAMPLE_SIZE = dict(people=150, companies=30, actions=1200, months=18)
LARGE_SIZE = dict(people=30000, companies=3000, actions=1_000_000, months=60)
NEEDS_PER_COMPANY = 2
OPPORTUNITIES_PER_COMPANY = 1
CHUNK = 50_000
BULK_CACHE_KIB = 64 * 1024

Progress = Callable[[int, int], None]

# fmt: off
ROLE_WEIGHTS = {
    "job_seeker": 22, "colleague": 18, "hiring_manager": 14, "interviewer": 14,
    "recruiter": 12, "referrer": 10, "mentor": 10,
}
FAMILY_WEIGHTS = {
    "engineering": 3, "data": 2, "product": 1.5, "design": 1, "people": 1, "sales": 2,
    "marketing": 1, "operations": 1.5,
}
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
OPPORTUNITY_STATUS_WEIGHTS = {
    "interested": 18, "applied": 24, "interviewing": 14, "offer": 3, "accepted": 1,
    "not_selected": 28, "withdrawn": 12,
}
FOR_WHOM_WEIGHTS = {"boss": 30, "customers": 30, "team": 22, "shareholders": 10, "other": 5}
#: Groups of people by role, and which group the counterpart of an action comes from.
POOLS = {
    "seekers": ("job_seeker",),
    "hiring": ("hiring_manager", "recruiter"),
    "helpers": ("referrer", "colleague", "mentor"),
    "insiders": ("hiring_manager", "interviewer", "recruiter", "colleague"),
    "advisers": ("mentor", "interviewer", "colleague", "recruiter"),
}
COUNTERPART_POOL = {
    ("given", "referral"): "hiring", ("given", "job_lead"): "seekers",
    ("given", "company_insight"): "seekers", ("given", "review"): "seekers",
    ("given", "interview_prep"): "seekers", ("received", "referral"): "helpers",
    ("received", "company_insight"): "insiders", ("received", "recommendation"): "helpers",
    ("received", "review"): "advisers", ("received", "interview_prep"): "advisers",
}
# fmt: on
HIRING = ("hiring_manager", "recruiter")
INTERVIEWED = ("interviewing", "offer", "accepted", "not_selected")
_OPTIONAL_FIELDS = ("ben", "company", "role", "need")  # in summaries; {cp} {skill} always known
_ASCII_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss"})
_FILLED_TABLES = (
    ("person", "people"), ("company", "companies"), ("skill", "skills"), ("need", "needs"),
    ("opportunity", "opportunities"), ("action", "actions"),
)  # fmt: skip
_ACTION_COLUMNS = (
    "id, occurred_on, direction, kind, counterpart_id, beneficiary_id, company_id, need_id, "
    "opportunity_id, summary, notes, weight, follow_up_on, follow_up_done_at, created_at"
)


def generate_network(
    database: SqliteDatabase,
    *,
    people: int = 150,
    companies: int = 30,
    actions: int = 1200,
    months: int = 18,
    seed: int = 7,
    today: date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill the opened, empty *database* with a sample network; return the row counts.

    Raises ValueError when the database already holds data or the sizes make no sense.
    *progress*, if given, is called now and then with (rows done, rows in all); an
    exception raised from it cancels the whole run and leaves the database as it was.
    """
    if min(people, companies, actions) < 0 or months < 1:
        raise ValueError("Sizes cannot be negative and the period must be at least a month.")
    if actions and not people:
        raise ValueError("Actions need people to happen with; ask for at least one person.")
    gen = _Generator(database, random.Random(seed), today or date.today(), months, progress)
    # A bigger page cache keeps the action indexes in memory: a third faster at scale.
    previous = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        with database.atomic():
            _refuse_unless_empty(database)
            counts = gen.run(people, companies, actions)
            search_index.rebuild(database)
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(previous)}")
    return counts


def _refuse_unless_empty(database: SqliteDatabase) -> None:
    for table, what in _FILLED_TABLES:
        found = database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
        if found:
            raise ValueError(
                f"The sample network can only be added to an empty database, and this one "
                f"already holds {found} {what}. Create a new database for the sample."
            )


def _ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Søren O'Brien" -> 'sorenobrien'."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum()).lower()


def _months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _fields(template: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


def _best_templates(direction: str, kind: str, have: frozenset[str]) -> list[str]:
    """The summaries that use the most of what is known about an action and nothing more."""
    usable = [
        (len(_fields(t) & have), t)
        for t in words.SUMMARIES[direction, kind]
        if _fields(t) & set(_OPTIONAL_FIELDS) <= have
    ]
    best = max(n for n, _ in usable)
    return [t for n, t in usable if n == best]


class _Picker:
    """Weighted choice by bisecting cumulative weights (what random.choices does inside)."""

    def __init__(self, items: Sequence, weights: Iterable[float]):
        self.items, self.cum = items, list(accumulate(weights))
        self.total, self.hi = self.cum[-1], len(items) - 1

    def __call__(self, rnd: Callable[[], float]):
        return self.items[bisect(self.cum, rnd() * self.total, 0, self.hi)]

    @classmethod
    def of(cls, weights: dict) -> _Picker:
        return cls(list(weights), weights.values())


class _Generator:
    """Makes the rows table by table, remembering what later tables refer to."""

    def __init__(self, database, rng: random.Random, today: date, months: int, progress):
        self.database, self.rng, self.rnd, self.progress = database, rng, rng.random, progress
        self.start = _months_before(today, months).toordinal()
        self.ndays = today.toordinal() - self.start + 1  # days are offsets 0 .. ndays-1
        # Every day as ISO text, plus 60 days past today for follow-ups.
        self.iso = [date.fromordinal(self.start + i).isoformat() for i in range(self.ndays + 60)]
        clock = [(h, m) for h in range(8, 22) for m in range(60)]
        self.times = [f"{h:02d}:{m:02d}:{rng.randrange(60):02d}" for h, m in clock]
        self.done = self.total = 0
        self.family = _Picker.of(FAMILY_WEIGHTS)

    # -- helpers --------------------------------------------------------------------------
    def day_iso(self, day: int) -> str:
        if 0 <= day < len(self.iso):
            return self.iso[day]
        return date.fromordinal(self.start + day).isoformat()

    def stamp(self, day: int) -> str:
        """'YYYY-MM-DD HH:MM:SS' at a random daytime on a day offset."""
        return f"{self.day_iso(day)} {self.times[int(self.rnd() * len(self.times))]}"

    def stamps(self, day: int, until: int | None = None, created: str = "") -> tuple[str, str]:
        """created_at on *day* (unless given) and a later updated_at, on *until* or soon."""
        created = created or self.stamp(day)
        updated = self.stamp(self.later(day) if until is None else until)
        return created, max(created, updated)

    def later(self, day: int) -> int:
        """A day between *day* and today, usually soon after."""
        return min(self.ndays - 1, day + int(self.rnd() ** 3 * (self.ndays - day)))

    def some(self, chance: float, options: Sequence[str]) -> str:
        """One of *options* with the given chance, else ''."""
        return self.rng.choice(options) if self.rnd() < chance else ""

    def insert(self, table: str, columns: str, rows: Iterable[tuple], counted=False) -> int:
        marks = ", ".join("?" * (columns.count(",") + 1))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        connection, n = self.database.connection(), 0
        for chunk in _chunks(rows, CHUNK):
            connection.executemany(sql, chunk)
            n += len(chunk)
            if counted:
                self.done += len(chunk)
                if self.progress:
                    self.progress(self.done, self.total)
        return n

    def run(self, people: int, companies: int, actions: int) -> dict[str, int]:
        needs, opportunities = companies * NEEDS_PER_COMPANY, companies * OPPORTUNITIES_PER_COMPANY
        self.total = companies + people + needs + opportunities + actions
        if self.progress:
            self.progress(0, self.total)
        self.make_skills()
        self.make_companies(companies)
        self.make_people(people)
        self.make_profile()
        self.make_needs(needs)
        self.make_opportunities(opportunities)
        self.insert("action", _ACTION_COLUMNS, self.action_rows(actions), counted=True)
        self.settle_first_meetings()
        counts = (companies, people, needs, opportunities, actions)
        return dict(
            zip(("companies", "people", "needs", "opportunities", "actions"), counts, strict=True)
        )

    # -- skills, companies, people, profile -------------------------------------------------
    def make_skills(self) -> None:
        self.skill_ids: dict[str, list[int]] = {}  # family -> its skill ids
        self.skill_name: dict[int, str] = {}
        families = {f: spec["skills"] for f, spec in words.FAMILIES.items()}
        for family, names in {**families, "general": words.GENERAL_SKILLS}.items():
            for name in names:
                self.skill_name[len(self.skill_name) + 1] = name
                self.skill_ids.setdefault(family, []).append(len(self.skill_name))
        rows = ((sid, name, name_key(name)) for sid, name in self.skill_name.items())
        self.insert("skill", "id, name, name_key", rows)

    def make_companies(self, n: int) -> None:
        rng, rnd, roots, suffixes = self.rng, self.rnd, words.COMPANY_ROOTS, words.COMPANY_SUFFIXES
        size = len(roots) * len(suffixes)
        picks = rng.sample(range(size), min(n, size))
        self.company_name, self.company_domain, self.company_location = [""], [""], [""]
        weights, rows = [], []
        for cid in range(1, n + 1):
            pick = picks[(cid - 1) % size]
            root, (suffix, industry) = roots[pick % len(roots)], suffixes[pick // len(roots)]
            name = f"{root} {suffix}" + (f" {(cid - 1) // size + 1}" if cid > size else "")
            tld = "org" if industry == "Nonprofit" else rng.choice(("com", "com", "io", "co"))
            domain, location = f"{_ascii(name)}.{tld}", rng.choice(words.LOCATIONS)
            target = rnd() < 1 / 3
            notes = self.some(0.6 if target else 0.15, words.COMPANY_NOTES)
            created = 0 if rnd() < 0.5 else int(rnd() * self.ndays / 2)
            when = self.stamps(created)
            website = f"https://www.{domain}"
            row = (cid, name, name_key(name), website, industry, location, notes, int(target))
            rows.append((*row, *when))
            self.company_name.append(name)
            self.company_domain.append(domain)
            self.company_location.append(location)
            weights.append(min(rng.paretovariate(1.2), 20) * (3 if target else 1))
        columns = (
            "id, name, name_key, website, industry, location, notes, is_target, "
            "created_at, updated_at"
        )
        self.insert("company", columns, rows, counted=True)
        self.staffing = [r[0] for r in rows if r[4] == "Staffing & recruiting"]
        self.company = _Picker(range(1, n + 1), weights) if n else None

    def employer(self, role: str) -> int | None:
        """Where someone in this role works; many job seekers are between jobs."""
        rnd = self.rnd
        if self.company is None or (role == "job_seeker" and rnd() < 0.55):
            return None
        if role == "recruiter" and self.staffing and rnd() < 0.3:
            return self.rng.choice(self.staffing)
        return self.company(rnd) if rnd() < 0.92 else None

    def make_people(self, n: int) -> None:
        rng, rnd, firsts, lasts = self.rng, self.rnd, words.FIRST_NAMES, words.LAST_NAMES
        size = len(firsts) * len(lasts)
        picks = rng.sample(range(size), min(n, size))  # distinct names while they last
        picks += [rng.randrange(size) for _ in range(n - len(picks))]
        role_of = _Picker.of(ROLE_WEIGHTS)
        self.person_name, self.person_company, self.person_skill = [""], [None], [""]
        self.person_roles: list[tuple[str, ...]] = [()]
        self.people_by_company: dict[int, list[int]] = {}
        self.people_by_role: dict[str, list[int]] = {r: [] for r in ROLE_WEIGHTS}
        people, roles, skills, activity = [], [], [], []
        for pid in range(1, n + 1):
            first, last = firsts[picks[pid - 1] % len(firsts)], lasts[picks[pid - 1] // len(firsts)]
            middle = f"{rng.choice(string.ascii_uppercase)}. " if pid > size else ""
            name = f"{first} {middle}{last}"
            mine = tuple(dict.fromkeys([role_of(rnd), *([role_of(rnd)] if rnd() < 0.2 else [])]))
            main, family = mine[0], self.family(rnd)
            company = self.employer(main)
            if main == "recruiter":
                title = rng.choice(words.RECRUITER_TITLES)
            elif main == "hiring_manager" or (main == "mentor" and rnd() < 0.5):
                title = rng.choice(words.FAMILIES[family]["managers"])
            else:
                title = rng.choice(words.FAMILIES[family]["titles"])
            # Hiring people seek skills; everyone else mostly offers them.
            own = self.skill_ids["people" if main == "recruiter" else family]
            hiring = main in HIRING
            offers = rng.sample(own, rng.randint(1, 5)) if not hiring or rnd() < 0.5 else []
            wanted = self.skill_ids[family]
            seeks = rng.sample(wanted, rng.randint(1, 5)) if hiring or rnd() < 0.3 else []
            if offers and rnd() < 0.3:
                offers.append(rng.choice(self.skill_ids["general"]))
            skills += [(pid, s, "offers") for s in offers] + [(pid, s, "seeks") for s in seeks]
            roles += [(pid, r) for r in mine]
            skill = self.skill_name[(offers or seeks)[0]]

            local = f"{_ascii(first)}.{_ascii(last)}"
            personal = f"example.{rng.choice(('com', 'net', 'org'))}"
            domain = self.company_domain[company] if company else personal
            email = f"{local}@{domain}" if rnd() < 0.82 else ""
            phone = f"+1 {rng.choice(words.AREA_CODES)} 555-01{rng.randrange(100):02d}"
            phone = phone if rnd() < 0.6 else ""
            slug = f"{_ascii(first)}-{_ascii(last)}-{rng.getrandbits(28):07x}"
            linkedin = f"https://www.linkedin.com/in/{slug}" if rnd() < 0.85 else ""
            location = rng.choice(words.LOCATIONS)
            if company and rnd() < 0.8:
                location = self.company_location[company]
            at = self.company_name[company or (self.company(rnd) if self.company else 0)] or "work"
            other = self.person_name[rng.randrange(1, pid)] if pid > 1 else "a friend"
            how_met = rng.choice(words.HOW_MET).format(company=at, other=other, skill=skill)
            notes = self.some(0.25, words.PERSON_NOTES)
            notes = notes.format(skill=skill, title=title, location=location)
            cadence = rng.choice((14, 21, 30, 45, 60, 90, 180)) if rnd() < 0.4 else None
            # Old acquaintances were met before the window; most people came in by import.
            earliest = -3 * 365 if main in ("colleague", "mentor", "referrer") else -180
            met = rng.randint(earliest, self.ndays - 1) if rnd() < 0.9 else None
            created = 0 if met is None or met <= 0 or rnd() < 0.6 else met
            imported = f"{self.iso[0]} 20:14:07" if created == 0 else ""
            when = self.stamps(created, created=imported)
            met_on = None if met is None else self.day_iso(met)
            # fmt: off
            people.append((pid, name, company, title, email, phone, linkedin, location, how_met,
                           met_on, notes, cadence, *when))
            # fmt: on

            self.person_name.append(name)
            self.person_company.append(company)
            self.person_skill.append(skill)
            self.person_roles.append(mine)
            if company:
                self.people_by_company.setdefault(company, []).append(pid)
            for r in mine:
                self.people_by_role[r].append(pid)
            activity.append(min(rng.paretovariate(1.3), 40) * (2 if cadence else 1))
        columns = (
            "id, name, company_id, title, email, phone, linkedin_url, location, how_met, "
            "met_on, notes, cadence_days, created_at, updated_at"
        )
        self.insert("person", columns, people, counted=True)
        self.insert("person_role", "person_id, role", roles)
        self.insert("person_skill", "person_id, skill_id, kind", skills)
        self.pools = {"any": _Picker(range(1, n + 1), activity)} if n else {}
        for pool, pool_roles in POOLS.items():
            ids = sorted({p for r in pool_roles for p in self.people_by_role[r]})
            if ids:
                self.pools[pool] = _Picker(ids, [activity[p - 1] for p in ids])

    def make_profile(self) -> None:
        """The user: a family of skills, two target roles and a one-line pitch."""
        rng, family = self.rng, self.family(self.rnd)
        spec = words.FAMILIES[family]
        skills = [*rng.sample(self.skill_ids[family], 8), rng.choice(self.skill_ids["general"])]
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        title, need = rng.choice(spec["titles"]), rng.choice(spec["needs"])[0]
        strengths = " and ".join(self.skill_name[s] for s in skills[:2])
        pitch = (
            f"{title} with deep {strengths} experience. I help teams {need[0].lower()}{need[1:]}."
        )
        targets = ", ".join(rng.sample(spec["titles"], 2))
        self.database.execute_sql(  # keep a profile the user already wrote
            "INSERT OR IGNORE INTO profile (id, name, target_roles, pitch) VALUES (1, ?, ?, ?)",
            (name, targets, pitch),
        )
        self.insert("profile_skill", "skill_id", ((s,) for s in skills))

    # -- needs and opportunities ------------------------------------------------------------
    def make_needs(self, n: int) -> None:
        rng, rnd, for_whom = self.rng, self.rnd, _Picker.of(FOR_WHOM_WEIGHTS)
        self.needs_by_company: dict[int, list[tuple[int, str, int, str]]] = {}
        rows, skills = [], []
        for nid in range(1, n + 1):
            company, family = self.company(rnd), self.family(rnd)
            title, problem = rng.choice(words.FAMILIES[family]["needs"])
            whom = for_whom(rnd) if rnd() < 0.95 else ""
            problem = f"{problem} {words.FOR_WHOM_SENTENCES[whom]}".strip()
            insiders = self.people_by_company.get(company)
            if insiders and rnd() < 0.9:
                source = rng.choice(insiders)
            else:  # heard from someone outside, or forgot who
                source = self.pools["any"](rnd) if self.pools and rnd() < 0.5 else None
            learned = int(rnd() * self.ndays)
            age = (self.ndays - learned) / self.ndays
            status = "open" if rnd() < 0.85 - 0.6 * age else rng.choice(("filled", "closed"))
            urgency = rng.choice((1, 2, 2, 2, 3, 3))
            fit = rng.choice(("strong", "partial", "none")) if rnd() < 0.15 else None
            notes = self.some(0.2, words.NEED_NOTES)
            when = (self.iso[learned], *self.stamps(learned))
            row = (nid, company, title, problem, whom, source, status, urgency, fit, notes)
            rows.append((*row, *when))
            skills += [(nid, s) for s in rng.sample(self.skill_ids[family], rng.randint(2, 5))]
            self.needs_by_company.setdefault(company, []).append((nid, title, learned, family))
        columns = (
            "id, company_id, title, problem, for_whom, source_person_id, status, urgency, "
            "fit_override, notes, learned_on, created_at, updated_at"
        )
        self.insert("need", columns, rows, counted=True)
        self.insert("need_skill", "need_id, skill_id", skills)

    def make_opportunities(self, n: int) -> None:
        rng, rnd, last = self.rng, self.rnd, self.ndays - 1
        status_of = _Picker.of(OPPORTUNITY_STATUS_WEIGHTS)
        self.opps_by_company: dict[int, list[tuple[int, int, str, int]]] = {}
        self.opps: list[tuple[int, int, str, int]] = []  # id, company, title, created day
        self.my_interviews: list[tuple[int, int, str, int]] = []
        rows, parts = [], []
        for oid in range(1, n + 1):
            company = self.company(rnd)
            needs = self.needs_by_company.get(company)
            need = rng.choice(needs) if needs and rnd() < 0.6 else None
            title = rng.choice(words.FAMILIES[need[3] if need else self.family(rnd)]["titles"])
            created = max(need[2] if need else 0, int(rnd() * self.ndays))
            status = status_of(rnd)
            applied = None
            if status != "interested" and (status != "withdrawn" or rnd() < 0.6):
                applied = min(last, created + rng.randint(0, 10))
            changed = created
            if status != "interested":
                changed = min(last, (applied or created) + rng.randint(5, 60))
            job = (
                f"https://careers.{self.company_domain[company]}/jobs/{rng.randrange(1000, 99999)}"
            )
            url = job if rnd() < 0.7 else ""
            notes = self.some(0.3, words.OPPORTUNITY_NOTES)
            applied_on = None if applied is None else self.iso[applied]
            when = self.stamps(created, changed)
            # fmt: off
            rows.append((oid, company, need and need[0], title, url, status, self.iso[changed],
                         applied_on, notes, *when))
            # fmt: on
            opp = (oid, company, title, created)
            self.opps_by_company.setdefault(company, []).append(opp)
            self.opps.append(opp)
            if status in INTERVIEWED:
                self.my_interviews.append(opp)
            parts += self.opportunity_people(oid, company, status)
        columns = (
            "id, company_id, need_id, title, url, status, status_changed_on, applied_on, notes, "
            "created_at, updated_at"
        )
        self.insert("opportunity", columns, rows, counted=True)
        self.insert("opportunity_person", "opportunity_id, person_id, part", parts)
        # Sorted by the day they appeared, so "known by day d" is a bisect away.
        for opps in (self.opps, self.my_interviews, *self.opps_by_company.values()):
            opps.sort(key=lambda o: (o[3], o[0]))
        self.opp_days = [o[3] for o in self.opps]
        self.my_interview_days = [o[3] for o in self.my_interviews]

    def opportunity_people(self, oid: int, company: int, status: str) -> list[tuple]:
        """Hiring manager and recruiter (from the company, or an agency), interviewers."""
        rng, rnd = self.rng, self.rnd
        staff = self.people_by_company.get(company, [])
        roles = self.person_roles
        in_role = {r: [p for p in staff if r in roles[p]] for r in (*HIRING, "interviewer")}
        parts = []
        for part, chance in (("hiring_manager", 0.85), ("recruiter", 0.75)):
            pool = in_role[part] or (self.people_by_role[part] if part == "recruiter" else staff)
            if pool and rnd() < chance:
                parts.append((oid, rng.choice(pool), part))
        if status in INTERVIEWED:
            pool = in_role["interviewer"] or staff
            chosen = rng.sample(pool, min(len(pool), rng.randint(0, 3)))
            parts += [(oid, p, "interviewer") for p in chosen]
        if self.people_by_role["referrer"] and rnd() < 0.2:
            parts.append((oid, rng.choice(self.people_by_role["referrer"]), "referrer"))
        return list(dict.fromkeys(parts))

    # -- actions ----------------------------------------------------------------------------
    def daily_counts(self, n: int) -> list[int]:
        """Spread *n* actions over the days: quiet weekends, busier as the search grows."""
        weights = []
        for day in range(self.ndays):
            weekday = (self.start + day) % 7  # 0 is Sunday for proleptic ordinals
            ramp = 0.5 + day / self.ndays
            busy = (0.2, 1, 1, 1, 1, 0.9, 0.3)[weekday]
            weights.append(busy * ramp * self.rng.uniform(0.5, 1.5))
        total = sum(weights)
        cumulative = [round(n * c / total) for c in accumulate(weights)]
        cumulative[-1] = n
        return [b - a for a, b in pairwise([0, *cumulative])]

    def action_rows(self, n: int) -> Iterator[tuple]:
        rng, rnd, ndays, iso = self.rng, self.rnd, self.ndays, self.iso
        kind_of = {
            direction: _Picker(list(KIND_WEIGHTS), [w[i] for w in KIND_WEIGHTS.values()])
            for i, direction in enumerate(("given", "received"))
        }
        weight_of = {k: _Picker((1, 2, 3), w) for k, w in KIND_WEIGHT_1_TO_3.items()}
        pools, anyone = self.pools, self.pools.get("any")
        names, company_names = self.person_name, self.company_name
        templates: dict[tuple, list[str]] = {}
        aid = 0
        for day, count in enumerate(self.daily_counts(n)):
            for _ in range(count):
                aid += 1
                direction = "given" if rnd() < 0.6 else "received"
                kind = kind_of[direction](rnd)
                cp = pools.get(COUNTERPART_POOL.get((direction, kind)), anyone)(rnd)
                ben = company = need = opp = None
                if direction == "given" and kind in ("referral", "introduction"):
                    pool = pools.get("seekers") if kind == "referral" or rnd() < 0.5 else None
                    ben = (pool or anyone)(rnd)
                    ben = None if ben == cp else ben
                if kind in ("referral", "job_lead", "interview_prep"):
                    opp = self.pick_opportunity(cp, day, kind, direction)
                    company = opp and opp[1]
                    if kind == "interview_prep" and direction == "given":  # their interview
                        opp, company = None, company if rnd() < 0.5 else None
                elif kind == "company_insight" or rnd() < 0.15:
                    company = self.person_company[cp] or (self.company and self.company(rnd))
                    if kind == "company_insight":
                        need = self.pick_need(company, day)
                known = (ben is not None, bool(company), opp is not None, need is not None)
                key = (direction, kind, *known)
                if key not in templates:
                    have = frozenset(f for f, k in zip(_OPTIONAL_FIELDS, known, strict=True) if k)
                    templates[key] = _best_templates(direction, kind, have)
                summary = rng.choice(templates[key]).format(
                    cp=names[cp],
                    skill=self.person_skill[cp],
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
                        done = self.stamp(min(ndays - 1, due + rng.randint(-2, 7)))
                notes = self.some(0.12, words.ACTION_NOTES)
                # fmt: off
                yield (aid, iso[day], direction, kind, cp, ben, company or None, need and need[0],
                       opp and opp[0], summary, notes, weight_of[kind](rnd), follow_up, done,
                       self.stamp(day))
                # fmt: on

    def pick_opportunity(self, cp: int, day: int, kind: str, direction: str):
        """An opportunity that existed on *day*: for help with my interviews one I got that
        far in; else mostly one at the counterpart's company; else any."""
        rnd = self.rnd
        if kind == "interview_prep" and direction == "received":
            known = bisect(self.my_interview_days, day)
            if known:
                return self.my_interviews[int(rnd() * known)]
        local = self.opps_by_company.get(self.person_company[cp])
        if local and local[0][3] <= day and rnd() < 0.8:
            known = bisect([o[3] for o in local], day)
            return local[int(rnd() * known)]
        known = bisect(self.opp_days, day)
        return self.opps[int(rnd() * known)] if known else None

    def pick_need(self, company: int | None, day: int):
        needs = [x for x in self.needs_by_company.get(company, ()) if x[2] <= day]
        return self.rng.choice(needs) if needs and self.rnd() < 0.8 else None

    def settle_first_meetings(self) -> None:
        """Nobody is met, or entered, after the first action with them."""
        first = "(SELECT min(occurred_on) FROM action WHERE counterpart_id = person.id)"
        self.database.execute_sql(f"""
            UPDATE person SET met_on = min(met_on, {first}),
                              created_at = min(created_at, {first} || ' 08:00:00')
            WHERE EXISTS (SELECT 1 FROM action WHERE counterpart_id = person.id)
        """)  # min() keeps a NULL met_on: not everyone remembers when they met
