"""Company needs: validation, create / update / delete, and the queries behind their list."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from peewee import chunked

from desktop.core import companies, skills, undo
from desktop.core.clock import now_text
from desktop.core.validation import (
    MAX_NAME,
    Problems,
    ValidationError,
    clean,
    fold,
    name_problem,
)
from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import Need, NeedSkill, Person
from desktop.store.textkeys import has_visible_text

FOR_WHOM_LABELS = {
    "boss": "A boss",
    "customers": "Customers",
    "shareholders": "Shareholders",
    "team": "The team",
    "other": "Someone else",
}
STATUS_LABELS = {"open": "Open", "filled": "Filled", "closed": "Closed"}
URGENCY_LABELS = {1: "Low", 2: "Normal", 3: "High"}
FIT_LEVELS = ("strong", "partial", "none")


@dataclass
class NeedData:
    """Everything the need form edits. `company` is a name: new names create a company."""

    company: str = ""
    title: str = ""
    problem: str = ""
    for_whom: str = ""
    skills: list[str] = field(default_factory=list)
    source_person_id: int | None = None
    learned_on: date | None = None
    status: str = "open"
    urgency: int = 2
    fit_override: str | None = None
    notes: str = ""

    def cleaned(self) -> NeedData:
        return NeedData(
            company=" ".join(self.company.split()),
            title=" ".join(self.title.split()),
            problem=self.problem.strip(),
            for_whom=clean(self.for_whom),
            skills=skills.tidy(self.skills),
            source_person_id=self.source_person_id,
            learned_on=self.learned_on,
            status=clean(self.status),
            urgency=self.urgency,
            fit_override=self.fit_override or None,
            notes=self.notes.strip(),
        )


class NeedRow(NamedTuple):
    """One line of the needs list."""

    id: int
    company: str
    title: str
    status: str
    urgency: int
    learned_on: date | None
    source: str  # the name of the person who told me, or ''


def validate_need(data: NeedData, need_id: int | None = None) -> Problems:
    """Errors that block saving. *need_id* (the need being edited) mirrors the other validators."""
    data = data.cleaned()
    problems = Problems()
    if not has_visible_text(data.company):
        problems.errors["company"] = "A need belongs to a company."
    elif message := name_problem(data.company, "A company"):
        problems.errors["company"] = message
    if not has_visible_text(data.title):
        problems.errors["title"] = "Give the need a short title."
    elif len(data.title) > MAX_NAME:
        problems.errors["title"] = (
            f"Keep the title to {MAX_NAME} characters (this one has {len(data.title):,});"
            " the problem field takes the details."
        )
    if data.for_whom and data.for_whom not in FOR_WHOM_LABELS:
        problems.errors["for_whom"] = (
            f"'For whom' must be one of: {', '.join(FOR_WHOM_LABELS.values())}, or left empty."
        )
    if data.status not in STATUS_LABELS:
        problems.errors["status"] = "A need is open, filled or closed."
    if isinstance(data.urgency, bool) or data.urgency not in URGENCY_LABELS:
        problems.errors["urgency"] = "Urgency is 1 (low), 2 (normal) or 3 (high)."
    if data.fit_override is not None and data.fit_override not in FIT_LEVELS:
        problems.errors["fit_override"] = "My fit is strong, partial or none, or left automatic."
    if (
        data.source_person_id is not None
        and not Person.select().where(Person.id == data.source_person_id).exists()
    ):
        problems.errors["source_person_id"] = (
            "The person who told you about this need is no longer in your network."
        )
    return problems


def _checked(data: NeedData, need_id: int | None) -> NeedData:
    problems = validate_need(data, need_id)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


def _company_id(name: str) -> int:
    found = companies.find_company(name)
    if found is not None:
        return found
    return companies.insert_company(companies.CompanyData(name=name))


#: The need's own columns that `NeedData` holds as they are stored.
_STORED = (
    "title",
    "problem",
    "for_whom",
    "source_person_id",
    "learned_on",
    "status",
    "urgency",
    "fit_override",
    "notes",
)


def _values(data: NeedData) -> dict[str, Any]:
    """The need's columns, by name; creates the company if it is new."""
    return {"company_id": _company_id(data.company), **{c: getattr(data, c) for c in _STORED}}


def _write_skills(need_id: int, names: list[str]) -> None:
    NeedSkill.delete().where(NeedSkill.need == need_id).execute()
    chosen = dict.fromkeys(skills.ensure_skills(names))  # two spellings of one skill: once
    for batch in chunked(chosen, skills.ROWS_PER_INSERT):
        NeedSkill.insert_many(
            [(need_id, skill_id) for skill_id in batch], [NeedSkill.need, NeedSkill.skill]
        ).execute()


def create_need(data: NeedData) -> int:
    """Validate and store a new need (and a new company if named) in one transaction."""
    with db.atomic():
        undo.name("Add need", data.title)
        data = _checked(data, None)
        stamp = now_text()
        need_id = int(Need.insert(**_values(data), created_at=stamp, updated_at=stamp).execute())
        _write_skills(need_id, data.skills)
        return need_id


def update_need(need_id: int, data: NeedData) -> None:
    """Validate and save changes in one transaction."""
    with db.atomic():
        undo.name("Edit need", data.title)
        data = _checked(data, need_id)
        with contextlib.suppress(LookupError):
            if get_need(need_id) == data:
                return  # saved as it was: nothing to write, and no step to undo
        if not Need.select().where(Need.id == need_id).exists():
            raise LookupError(f"There is no need with id {need_id}.")
        Need.update(**_values(data), updated_at=now_text()).where(Need.id == need_id).execute()
        _write_skills(need_id, data.skills)


def delete_need(need_id: int) -> None:
    """Delete a need with its skills; actions and opportunities that named it stay."""
    with db.atomic():
        undo.name("Delete need", undo.row_name("need", "title", need_id))
        Need.delete().where(Need.id == need_id).execute()


def get_need(need_id: int) -> NeedData:
    found = query.row(
        "SELECT c.name AS company, n.title, n.problem, n.for_whom, n.source_person_id,"
        " n.learned_on, n.status, n.urgency, n.fit_override, n.notes"
        " FROM need n JOIN company c ON c.id = n.company_id WHERE n.id = ?",
        (need_id,),
        into=NeedData,
    )
    if found is None:
        raise LookupError(f"There is no need with id {need_id}.")
    skills = query.column(
        "SELECT s.name FROM need_skill ns JOIN skill s ON s.id = ns.skill_id"
        " WHERE ns.need_id = ? ORDER BY s.name_key",
        (need_id,),
    )
    return replace(found, skills=skills)


def need_ids(
    text: str = "", status: str | None = None, company_id: int | None = None, company: str = ""
) -> list[int]:
    """Ids of needs whose title, problem, company or skills contain *text* (ignoring case
    and accents), optionally of one status, one company, and companies whose name contains
    *company*; newest learned first, needs with no date last."""
    where, params = [], []
    folded = fold(text)
    if folded:
        where.append(
            "instr(fold(n.title || ' ' || n.problem || ' ' || c.name || ' ' ||"
            " coalesce((SELECT group_concat(s.name, ' ') FROM need_skill ns"
            " JOIN skill s ON s.id = ns.skill_id WHERE ns.need_id = n.id), '')), ?) > 0"
        )
        params.append(folded)
    if status is not None:
        where.append("n.status = ?")
        params.append(status)
    at_company, company_params = companies.company_conditions("n", company_id, company)
    where += at_company
    params += company_params
    return query.column(
        "SELECT n.id FROM need n JOIN company c ON c.id = n.company_id"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY n.learned_on IS NULL, n.learned_on DESC, n.id DESC",
        params,
    )


def need_rows(ids: list[int]) -> dict[int, NeedRow]:
    """The list columns for the given needs."""
    result: dict[int, NeedRow] = {}
    for marks, chunk in id_chunks(ids):
        for found in query.each(
            "SELECT n.id, c.name AS company, n.title, n.status, n.urgency, n.learned_on,"
            " coalesce(p.name, '') AS source"
            " FROM need n JOIN company c ON c.id = n.company_id"
            " LEFT JOIN person p ON p.id = n.source_person_id"
            f" WHERE n.id IN ({marks})",
            chunk,
            into=NeedRow,
        ):
            result[found.id] = found
    return result


def need_title(need_id: int) -> str:
    return str(query.value(Need.select(Need.title).where(Need.id == need_id)) or "")


def need_count() -> int:
    """How many needs are recorded, whatever their status."""
    return int(query.value("SELECT count(*) FROM need"))
