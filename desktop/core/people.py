"""People: validation, create / update / delete, and the queries behind their list."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from desktop.core import companies, skills
from desktop.core.clock import now_text
from desktop.core.validation import (
    Problems,
    ValidationError,
    clean,
    email_problem,
    fold,
    linkedin_problem,
    name_problem,
)
from desktop.store import query, search_index
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import ROLES

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

MAX_CADENCE_DAYS = 3650
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

    def cleaned(self) -> PersonData:
        return PersonData(
            name=" ".join(self.name.split()),
            company=" ".join(self.company.split()),
            title=clean(self.title),
            email=clean(self.email),
            phone=clean(self.phone),
            linkedin_url=clean(self.linkedin_url),
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
        )


class PersonRow(NamedTuple):
    """One line of the people list."""

    id: int
    name: str
    company: str
    title: str
    roles: str
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
    for column, what in (("email", "email address"), ("linkedin_url", "LinkedIn address")):
        value = getattr(data, column)
        if value and column not in problems.errors:
            other = db.execute_sql(
                f"SELECT name FROM person WHERE lower({column}) = lower(?) AND id IS NOT ?"
                " ORDER BY id LIMIT 1",
                (value, person_id),
            ).fetchone()
            if other:
                problems.warnings[column] = (
                    f"{other[0]} already has this {what}. Save anyway if they are different people."
                )
    return problems


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


def _columns(data: PersonData) -> tuple[Any, ...]:
    return (
        data.name,
        fold(data.name),
        _company_id(data.company),
        data.title,
        data.email,
        data.phone,
        data.linkedin_url,
        data.location,
        data.how_met,
        data.met_on.isoformat() if data.met_on else None,
        data.notes,
        data.cadence_days,
        *(getattr(data, part) for part in NAME_PARTS),
    )


def _write_links(person_id: int, data: PersonData) -> None:
    db.execute_sql("DELETE FROM person_role WHERE person_id = ?", (person_id,))
    db.execute_sql("DELETE FROM person_skill WHERE person_id = ?", (person_id,))
    for role in data.roles:
        db.execute_sql("INSERT INTO person_role (person_id, role) VALUES (?, ?)", (person_id, role))
    for kind, names in (("seeks", data.seeks), ("offers", data.offers)):
        for skill_id in skills.ensure_skills(names):
            db.execute_sql(
                "INSERT INTO person_skill (person_id, skill_id, kind) VALUES (?, ?, ?)",
                (person_id, skill_id, kind),
            )
    search_index.refresh_people([person_id])


_COLUMNS = (
    "name, sort_key, company_id, title, email, phone, linkedin_url, location, how_met, met_on,"
    " notes, cadence_days, given_name, middle_name, family_name, name_prefix, name_suffix"
)


def create_person(data: PersonData) -> int:
    """Validate and store a new person (and a new company if named) in one transaction."""
    with db.atomic():
        data = _checked(data, None)
        stamp = now_text()
        person_id = query.execute(
            f"INSERT INTO person ({_COLUMNS}, created_at, updated_at)"
            f" VALUES ({', '.join('?' * (len(_COLUMNS.split(',')) + 2))})",
            (*_columns(data), stamp, stamp),
        )
        _write_links(person_id, data)
        return person_id


def update_person(person_id: int, data: PersonData) -> None:
    with db.atomic():
        data = _checked(data, person_id)
        assignments = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
        cursor = db.execute_sql(
            f"UPDATE person SET {assignments}, updated_at = ? WHERE id = ?",
            (*_columns(data), now_text(), person_id),
        )
        if cursor.rowcount != 1:
            raise LookupError(f"There is no person with id {person_id}.")
        _write_links(person_id, data)


def action_count(person_id: int) -> int:
    """Actions that name this person as counterpart (they go with the person)."""
    return int(query.value("SELECT count(*) FROM action WHERE counterpart_id = ?", (person_id,)))


def delete_person(person_id: int) -> None:
    """Delete a person with their roles, skills and the actions they were counterpart to."""
    with db.atomic():
        gone = query.column("SELECT id FROM action WHERE counterpart_id = ?", (person_id,))
        db.execute_sql("DELETE FROM person WHERE id = ?", (person_id,))
        search_index.refresh_people([person_id])
        search_index.refresh_actions(gone)  # their actions went with them


def get_person(person_id: int) -> PersonData:
    found = query.row(
        "SELECT p.name, coalesce(c.name, '') AS company, p.title, p.email, p.phone,"
        " p.linkedin_url, p.location, p.how_met, p.met_on, p.notes, p.cadence_days,"
        " p.given_name, p.middle_name, p.family_name, p.name_prefix, p.name_suffix"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id = ?",
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
    row = db.execute_sql("SELECT company_id FROM person WHERE id = ?", (person_id,)).fetchone()
    return row[0] if row else None


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
        rows = db.execute_sql(
            "SELECT p.id, p.name, coalesce(c.name, ''), p.title,"
            " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id),"
            " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
            "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'offers'),"
            " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
            "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'seeks')"
            f" FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN ({marks})",
            chunk,
        )
        for pid, name, company, title, roles, offers, seeks in rows.fetchall():
            labels = ", ".join(ROLE_LABELS[r] for r in ROLES if r in (roles or "").split(","))
            result[pid] = PersonRow(pid, name, company, title, labels, offers or "", seeks or "")
    return result


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
    rows = db.execute_sql("SELECT id FROM person WHERE sort_key = ? ORDER BY id", (fold(name),))
    return [row[0] for row in rows.fetchall()]


def person_named(name: str) -> int | None:
    """The one person with this name; None if nobody, or several, have it."""
    found = people_named(name)
    return found[0] if len(found) == 1 else None


def person_name(person_id: int) -> str:
    row = db.execute_sql("SELECT name FROM person WHERE id = ?", (person_id,)).fetchone()
    return row[0] if row else ""
