"""People: validation, create / update / delete, and the queries behind their list."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from peewee import chunked, fn

from desktop.core import companies, positions, skills, ties, undo
from desktop.core.clock import now_text
from desktop.core.validation import (
    Problems,
    ValidationError,
    clean,
    email_problem,
    fold,
    linkedin_problem,
    name_problem,
    web_address,
)
from desktop.store import query, search_index
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import ROLES, Action, Person, PersonRole, PersonSkill

ROLE_LABELS = {
    "hiring_manager": "Hiring manager",
    "recruiter": "Recruiter",
    "interviewer": "Interviewer",
    "job_seeker": "Job seeker",
    "referrer": "Referrer",
    "mentor": "Mentor",
    "colleague": "Colleague",
}
assert tuple(ROLE_LABELS) == ROLES

MAX_CADENCE_DAYS = ties.MAX_GAP_DAYS
#: The parts of a person's name, as columns of the person table and fields of PersonData.
NAME_PARTS = ("given_name", "middle_name", "family_name", "name_prefix", "name_suffix")


@dataclass
class PersonData:
    """Everything the person form edits. `company` is a name: new names create a company."""

    name: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    location: str = ""
    how_met: str = ""
    met_on: date | None = None
    notes: str = ""
    roles: tuple[str, ...] = ()
    seeks: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    cadence_days: int | None = None
    # The parts of the name as a source gave them or the user typed them; never guessed.
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    #: The keep-in-touch tier's name ('' for none) and the longest gap of their own.
    tier: str = ""
    longest_gap_days: int | None = None

    def cleaned(self) -> PersonData:
        return PersonData(
            name=" ".join(self.name.split()),
            company=" ".join(self.company.split()),
            title=clean(self.title),
            email=clean(self.email),
            phone=clean(self.phone),
            linkedin_url=web_address(self.linkedin_url),
            location=clean(self.location),
            how_met=clean(self.how_met),
            met_on=self.met_on,
            notes=self.notes.strip(),
            roles=tuple(r for r in ROLES if r in set(self.roles)),
            seeks=skills.tidy(self.seeks),
            offers=skills.tidy(self.offers),
            cadence_days=self.cadence_days or None,
            given_name=clean(self.given_name),
            middle_name=clean(self.middle_name),
            family_name=clean(self.family_name),
            name_prefix=clean(self.name_prefix),
            name_suffix=clean(self.name_suffix),
            tier=" ".join(self.tier.split()),
            longest_gap_days=self.longest_gap_days or None,
        )


class PersonRow(NamedTuple):
    """One line of the people list."""

    id: int
    name: str
    company: str
    title: str
    roles: str
    tier: str
    offers: str
    seeks: str


def validate_person(data: PersonData, person_id: int | None = None) -> Problems:
    """Errors that block saving, and warnings (likely duplicates) that do not."""
    data = data.cleaned()
    problems = Problems()
    if message := name_problem(data.name, "A person"):
        problems.errors["name"] = message
    elif same_name := _same_name(data.name, person_id):
        problems.warnings["name"] = (
            f"You already have {same_name}. Save anyway if this is someone else."
        )
    if message := email_problem(data.email):
        problems.errors["email"] = message
    if message := linkedin_problem(data.linkedin_url):
        problems.errors["linkedin_url"] = message
    unknown = set(data.roles) - set(ROLES)
    if unknown:
        problems.errors["roles"] = f"Unknown role: {', '.join(sorted(unknown))}."
    if data.cadence_days is not None and not 0 < data.cadence_days <= MAX_CADENCE_DAYS:
        problems.errors["cadence_days"] = (
            f"Keep in touch every 1 to {MAX_CADENCE_DAYS} days, or leave it empty."
        )
    _check_tier(data, problems)
    for column, what in (("email", "email address"), ("linkedin_url", "LinkedIn address")):
        value = getattr(data, column)
        if value and column not in problems.errors:
            detail = getattr(Person, column)
            other = query.value(
                Person.select(Person.name)
                .where(fn.lower(detail) == fn.lower(value), Person.id != person_id)
                .order_by(Person.id)
                .limit(1)
            )
            if other is not None:
                problems.warnings[column] = (
                    f"{other} already has this {what}. Save anyway if they are different people."
                )
    return problems


def _check_tier(data: PersonData, problems: Problems) -> None:
    """The tier must be one there is; the longest gap needs an ideal one not longer."""
    tier = None
    if data.tier:
        tier_id = ties.tier_named(data.tier)
        if tier_id is None:
            problems.errors["tier"] = (
                f"There is no keep-in-touch tier called ‘{data.tier}’. Choose one of the"
                " tiers, or name it first in Edit › Keep-in-touch tiers."
            )
        else:
            tier = ties.get_tier(tier_id)
    longest = data.longest_gap_days
    if longest is None or "cadence_days" in problems.errors or "tier" in problems.errors:
        return
    ideal = data.cadence_days or (tier.ideal_days if tier else None)
    if not 0 < longest <= MAX_CADENCE_DAYS:
        problems.errors["longest_gap_days"] = (
            f"The longest gap is 1 to {MAX_CADENCE_DAYS} days, or leave it empty."
        )
    elif ideal is None:
        problems.errors["longest_gap_days"] = (
            "Say how often to keep in touch, or choose a tier, before the longest gap."
        )
    elif longest < ideal:
        problems.errors["longest_gap_days"] = (
            f"The longest gap cannot be shorter than keeping in touch every {ideal} days."
        )


def _same_name(name: str, person_id: int | None) -> str:
    """'Ada Lovelace (Acme)' if someone else has this name, ignoring case and accents."""
    found = query.row(
        "SELECT p.name, c.name AS company FROM person p LEFT JOIN company c"
        " ON c.id = p.company_id WHERE p.sort_key = ? AND p.id IS NOT ? ORDER BY p.id LIMIT 1",
        (fold(name), person_id),
        into=_Namesake,
    )
    if found is None:
        return ""
    return f"{found.name} ({found.company})" if found.company else found.name


class _Namesake(NamedTuple):
    name: str
    company: str | None


def _checked(data: PersonData, person_id: int | None) -> PersonData:
    problems = validate_person(data, person_id)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


def _company_id(name: str) -> int | None:
    if not name:
        return None
    found = companies.find_company(name)
    if found is not None:
        return found
    return companies.insert_company(companies.CompanyData(name=name))


#: The person's own columns that `PersonData` holds as they are stored.
_STORED = (
    "name",
    "title",
    "email",
    "phone",
    "linkedin_url",
    "location",
    "how_met",
    "met_on",
    "notes",
    "cadence_days",
    "longest_gap_days",
    *NAME_PARTS,
)


def _columns(data: PersonData) -> dict[str, Any]:
    """The person's columns, by name; creates the company if it is new."""
    return {
        **{column: getattr(data, column) for column in _STORED},
        "sort_key": fold(data.name),
        "company_id": _company_id(data.company),
        "tier_id": ties.tier_named(data.tier) if data.tier else None,
    }


def _write_links(person_id: int, data: PersonData) -> None:
    PersonRole.delete().where(PersonRole.person == person_id).execute()
    PersonSkill.delete().where(PersonSkill.person == person_id).execute()
    if data.roles:
        PersonRole.insert_many(
            [(person_id, role) for role in data.roles], [PersonRole.person, PersonRole.role]
        ).execute()
    for kind, names in (("seeks", data.seeks), ("offers", data.offers)):
        chosen = dict.fromkeys(skills.ensure_skills(names))  # two spellings of one skill: once
        for batch in chunked(chosen, skills.ROWS_PER_INSERT):
            PersonSkill.insert_many(
                [(person_id, skill_id, kind) for skill_id in batch],
                [PersonSkill.person, PersonSkill.skill, PersonSkill.kind],
            ).execute()
    search_index.refresh_people([person_id])


def create_person(data: PersonData) -> int:
    """Validate and store a new person (and a new company if named) in one transaction."""
    with db.atomic():
        undo.name("Add", data.name)
        data = _checked(data, None)
        stamp = now_text()
        columns = _columns(data)
        person_id = int(Person.insert(**columns, created_at=stamp, updated_at=stamp).execute())
        positions.follow_person(person_id, columns["company_id"], data.title, moved=False)
        _write_links(person_id, data)
        return person_id


def update_person(person_id: int, data: PersonData, *, moved: bool = False) -> None:
    """Save an edited person. If their company or title changed, *moved* says whether
    they changed jobs (the old position stays in their history, ended) or the old one
    was a mistake (corrected in place)."""
    with db.atomic():
        undo.name("Edit", data.name)
        data = _checked(data, person_id)
        with contextlib.suppress(LookupError):
            if get_person(person_id) == data:
                return  # saved as they were: nothing to write, and no step to undo
        columns = _columns(data)
        changed = (
            Person.update(**columns, updated_at=now_text()).where(Person.id == person_id).execute()
        )
        if changed != 1:
            raise LookupError(f"There is no person with id {person_id}.")
        positions.follow_person(person_id, columns["company_id"], data.title, moved=moved)
        _write_links(person_id, data)


def action_count(person_id: int) -> int:
    """Actions that name this person as counterpart (they go with the person)."""
    return int(query.value("SELECT count(*) FROM action WHERE counterpart_id = ?", (person_id,)))


def delete_person(person_id: int) -> None:
    """Delete a person with their roles, skills and the actions they were counterpart to."""
    with db.atomic():
        undo.name("Delete", undo.row_name("person", "name", person_id))
        gone = query.column(Action.select(Action.id).where(Action.counterpart == person_id))
        Person.delete().where(Person.id == person_id).execute()
        search_index.refresh_people([person_id])
        search_index.refresh_actions(gone)  # their actions went with them


def get_person(person_id: int) -> PersonData:
    found = query.row(
        "SELECT p.name, coalesce(c.name, '') AS company, p.title, p.email, p.phone,"
        " p.linkedin_url, p.location, p.how_met, p.met_on, p.notes, p.cadence_days,"
        " p.given_name, p.middle_name, p.family_name, p.name_prefix, p.name_suffix,"
        " coalesce(t.name, '') AS tier, p.longest_gap_days"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        " LEFT JOIN tie_tier t ON t.id = p.tier_id WHERE p.id = ?",
        (person_id,),
        into=PersonData,
    )
    if found is None:
        raise LookupError(f"There is no person with id {person_id}.")
    roles = set(query.column("SELECT role FROM person_role WHERE person_id = ?", (person_id,)))
    skills = query.rows(
        "SELECT ps.kind, s.name FROM person_skill ps JOIN skill s ON s.id = ps.skill_id"
        " WHERE ps.person_id = ? ORDER BY s.name_key",
        (person_id,),
        into=_Skill,
    )
    return replace(
        found,
        roles=tuple(r for r in ROLES if r in roles),
        seeks=[skill.name for skill in skills if skill.kind == "seeks"],
        offers=[skill.name for skill in skills if skill.kind == "offers"],
    )


class _Skill(NamedTuple):
    kind: str
    name: str


def person_company_id(person_id: int) -> int | None:
    found: int | None = query.value(Person.select(Person.company).where(Person.id == person_id))
    return found


def fts_query(text: str) -> str:
    """Turn what the user typed into an FTS5 query: every word must match a prefix."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    words = [w for w in printable.split() if any(ch.isalnum() for ch in w)]
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def person_ids(text: str = "") -> list[int]:
    """Ids of people matching *text* (name, company, title, email, notes, skills), by name."""
    words = fts_query(text)
    if not words:
        if text.strip():
            return []
        return query.column("SELECT id FROM person ORDER BY sort_key, id")
    return query.column(
        "SELECT p.id FROM person_search s JOIN person p ON p.id = s.rowid"
        " WHERE person_search MATCH ? ORDER BY p.sort_key, p.id",
        (words,),
    )


SEARCH_FIRST = 300  # the people a keystroke reads: a few screens of the list


def person_search(text: str = "", first: int = SEARCH_FIRST) -> tuple[int, list[int]]:
    """How many people match *text*, and the first *first* of them by name (all of them,
    when that is not many more). One letter matches most of a large network; counting
    them and walking the name index until the first screens are found is several times
    quicker than sorting them all, and the rest are read by `person_ids` when needed."""
    words = fts_query(text)
    if not words:
        if text.strip():
            return 0, []
        total = person_count()
        ids = query.column("SELECT id FROM person ORDER BY sort_key, id LIMIT ?", (first,))
        return total, ids
    total = int(
        query.value("SELECT count(*) FROM person_search WHERE person_search MATCH ?", (words,))
    )
    if total <= first * 4:  # few enough to sort outright
        return total, person_ids(text)
    ids = query.column(
        "SELECT id FROM person INDEXED BY person_sort WHERE id IN"
        " (SELECT rowid FROM person_search WHERE person_search MATCH ?)"
        " ORDER BY sort_key, id LIMIT ?",
        (words, first),
    )
    return total, ids


def person_rows(ids: list[int]) -> dict[int, PersonRow]:
    """The list columns for the given people."""
    result: dict[int, PersonRow] = {}
    for marks, chunk in id_chunks(ids):
        for found in query.each(
            "SELECT p.id, p.name, coalesce(c.name, '') AS company, p.title,"
            " coalesce(t.name, '') AS tier,"
            " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id) AS roles,"
            " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
            "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'offers') AS offers,"
            " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
            "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'seeks') AS seeks"
            " FROM person p LEFT JOIN company c ON c.id = p.company_id"
            f" LEFT JOIN tie_tier t ON t.id = p.tier_id WHERE p.id IN ({marks})",
            chunk,
            into=_Listed,
        ):
            held = (found.roles or "").split(",")
            result[found.id] = PersonRow(
                id=found.id,
                name=found.name,
                company=found.company,
                title=found.title,
                roles=", ".join(ROLE_LABELS[r] for r in ROLES if r in held),
                tier=found.tier,
                offers=found.offers or "",
                seeks=found.seeks or "",
            )
    return result


class _Listed(NamedTuple):
    """A row of the people list as SQL gives it: role keys, skill names, or None."""

    id: int
    name: str
    company: str
    title: str
    tier: str
    roles: str | None
    offers: str | None
    seeks: str | None


def person_count() -> int:
    return int(query.value("SELECT count(*) FROM person"))


class PersonChoice(NamedTuple):
    """A person offered while typing a name: enough to tell namesakes apart."""

    id: int
    name: str
    company: str


def find_people(text: str, limit: int = 20) -> list[PersonChoice]:
    """People whose name has words starting with what was typed, for pickers."""
    words = fts_query(text)
    if not words:
        return []
    return query.rows(
        "SELECT p.id, p.name, coalesce(c.name, '') AS company FROM person_search s"
        " JOIN person p ON p.id = s.rowid LEFT JOIN company c ON c.id = p.company_id"
        " WHERE person_search MATCH ? ORDER BY p.sort_key, p.id LIMIT ?",
        (f"name : ({words})", limit),
        into=PersonChoice,
    )


def people_named(name: str) -> list[int]:
    """Ids of everyone whose name reads the same (case and accents aside)."""
    return query.column(
        Person.select(Person.id).where(Person.sort_key == fold(name)).order_by(Person.id)
    )


def person_named(name: str) -> int | None:
    """The one person with this name; None if nobody, or several, have it."""
    found = people_named(name)
    return found[0] if len(found) == 1 else None


def person_name(person_id: int) -> str:
    return str(query.value(Person.select(Person.name).where(Person.id == person_id)) or "")
