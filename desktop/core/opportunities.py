"""Opportunities: the roles I pursue, their pipeline with its dated history, and the people
involved in each (hiring manager, recruiter, interviewers, referrer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from peewee import chunked, fn

from desktop.core import companies, people, undo
from desktop.core.clock import now_text
from desktop.core.validation import (
    MAX_NAME,
    Problems,
    ValidationError,
    clean,
    fold,
    name_problem,
    url_problem,
    web_address,
)
from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import (
    Company,
    Need,
    Opportunity,
    OpportunityHistory,
    OpportunityPerson,
    Person,
)
from desktop.store.textkeys import has_visible_text

#: The pipeline in its order; the last two end it without an offer.
STATUS_LABELS = {
    "interested": "Interested",
    "applied": "Applied",
    "interviewing": "Interviewing",
    "offer": "Offer",
    "accepted": "Accepted",
    "not_selected": "Not selected",
    "withdrawn": "Withdrawn",
}
ACTIVE = ("interested", "applied", "interviewing", "offer")
PART_LABELS = {
    "hiring_manager": "Hiring manager",
    "recruiter": "Recruiter",
    "interviewer": "Interviewer",
    "referrer": "Referrer",
}


@dataclass
class OpportunityData:
    """Everything the opportunity form edits. `company` is a name: a new one is added.

    `status_on` is the day the current status began; when the status changes it is kept
    in the history with that day. `people` holds (person id, part) pairs.
    """

    company: str = ""
    title: str = ""
    need_id: int | None = None
    url: str = ""
    status: str = "interested"
    status_on: date | None = None
    applied_on: date | None = None
    notes: str = ""
    people: list[tuple[int, str]] = field(default_factory=list)

    def cleaned(self) -> OpportunityData:
        unique = list(dict.fromkeys((int(pid), part) for pid, part in self.people))
        return OpportunityData(
            company=" ".join(self.company.split()),
            title=" ".join(self.title.split()),
            need_id=self.need_id,
            url=web_address(self.url),
            status=clean(self.status),
            status_on=self.status_on,
            applied_on=self.applied_on,
            notes=self.notes.strip(),
            people=unique,
        )


class OpportunityRow(NamedTuple):
    """One line of the opportunities list."""

    id: int
    title: str
    company: str
    status: str
    status_on: date | None
    applied_on: date | None
    need: str  # the title of the need it serves, or ''


class Involved(NamedTuple):
    """Someone taking part in an opportunity, and their part."""

    person_id: int
    part: str
    name: str


class Change(NamedTuple):
    """One step of an opportunity's history."""

    status: str
    changed_on: date


def validate_opportunity(data: OpportunityData, today: date | None = None) -> Problems:
    """Errors that block saving, and warnings (dates in the future) that do not."""
    data = data.cleaned()
    today = today or date.today()
    problems = Problems()
    errors, warnings = problems.errors, problems.warnings
    if not has_visible_text(data.company):
        errors["company"] = "An opportunity belongs to a company."
    elif message := name_problem(data.company, "A company"):
        errors["company"] = message
    if not has_visible_text(data.title):
        errors["title"] = "Give the opportunity a title, such as the role's name."
    elif len(data.title) > MAX_NAME:
        errors["title"] = (
            f"Keep the title to {MAX_NAME} characters (this one has {len(data.title):,})."
        )
    if data.url and (message := url_problem(data.url, "The posting's address")):
        errors["url"] = message
    if data.status not in STATUS_LABELS:
        errors["status"] = "Choose a status from the pipeline."
    if data.need_id is not None:
        at = query.value(
            Company.select(Company.name)
            .join(Need, on=Need.company == Company.id)
            .where(Need.id == data.need_id)
        )
        if at is None:
            errors["need_id"] = "That need no longer exists; choose another or none."
        elif "company" not in errors and fold(at) != fold(data.company):
            errors["need_id"] = f"That need is at {at}; choose one of {data.company}'s."
    for key, value in (("status_on", data.status_on), ("applied_on", data.applied_on)):
        if value is not None and value > today:
            warnings[key] = "This date is in the future."
    for person_id, part in data.people:
        if part not in PART_LABELS:
            errors["people"] = (
                "Each person's part is hiring manager, recruiter, interviewer or referrer."
            )
        elif not Person.select().where(Person.id == person_id).exists():
            errors["people"] = "Someone in the list is no longer in your network; remove them."
    return problems


def _checked(data: OpportunityData) -> OpportunityData:
    problems = validate_opportunity(data)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


def _company_id(name: str) -> int:
    found = companies.find_company(name)
    if found is not None:
        return found
    return companies.insert_company(companies.CompanyData(name=name))


def _values(data: OpportunityData, today: date) -> dict[str, Any]:
    """The opportunity's columns, by name; creates the company if it is new."""
    status_on = data.status_on or today
    applied_on = data.applied_on
    if applied_on is None and data.status == "applied":
        applied_on = status_on  # the day it moved to applied is the day I applied
    return {
        "company_id": _company_id(data.company),
        "need_id": data.need_id,
        "title": data.title,
        "url": data.url,
        "status": data.status,
        "status_changed_on": status_on,
        "applied_on": applied_on,
        "notes": data.notes,
    }


ROWS_PER_INSERT = 200  # three values a row, well below what SQLite takes in one statement


def _write_people(opportunity_id: int, people: list[tuple[int, str]]) -> None:
    OpportunityPerson.delete().where(OpportunityPerson.opportunity == opportunity_id).execute()
    columns = [OpportunityPerson.opportunity, OpportunityPerson.person, OpportunityPerson.part]
    for batch in chunked(people, ROWS_PER_INSERT):
        OpportunityPerson.insert_many(
            [(opportunity_id, person_id, part) for person_id, part in batch], columns
        ).execute()


def _record_status(opportunity_id: int, status: str, on: date) -> None:
    OpportunityHistory.insert(opportunity=opportunity_id, status=status, changed_on=on).execute()


def create_opportunity(data: OpportunityData, today: date | None = None) -> int:
    """Validate and store a new opportunity (a new company too) in one transaction."""
    today = today or date.today()
    with db.atomic():
        undo.name("Add opportunity", data.title)
        data = _checked(data)
        values = _values(data, today)
        stamp = now_text()
        opportunity_id = int(
            Opportunity.insert(**values, created_at=stamp, updated_at=stamp).execute()
        )
        _write_people(opportunity_id, data.people)
        _record_status(opportunity_id, data.status, values["status_changed_on"])
        return opportunity_id


def update_opportunity(
    opportunity_id: int, data: OpportunityData, today: date | None = None
) -> None:
    """Save changes in one transaction. A new status is added to the history with its day;
    the same status with another day corrects the day of the latest entry."""
    today = today or date.today()
    with db.atomic():
        undo.name("Edit opportunity", data.title)
        data = _checked(data)
        old = query.value(
            Opportunity.select(Opportunity.status).where(Opportunity.id == opportunity_id)
        )
        if old is None:
            raise LookupError(f"There is no opportunity with id {opportunity_id}.")
        values = _values(data, today)
        Opportunity.update(**values, updated_at=now_text()).where(
            Opportunity.id == opportunity_id
        ).execute()
        _write_people(opportunity_id, data.people)
        if old != data.status:
            _record_status(opportunity_id, data.status, values["status_changed_on"])
        else:
            latest = OpportunityHistory.alias("latest")
            OpportunityHistory.update(changed_on=values["status_changed_on"]).where(
                OpportunityHistory.id
                == latest.select(latest.id)
                .where(latest.opportunity == opportunity_id)
                .order_by(latest.changed_on.desc(), latest.id.desc())
                .limit(1)
            ).execute()


def save_opportunity(
    data: OpportunityData,
    opportunity_id: int | None = None,
    new_people: Sequence[tuple[str, str]] = (),
    today: date | None = None,
) -> int:
    """Create or update, first adding the (name, part) people who are new to my network
    (at its company, with their part as their role), all in one transaction; returns the
    opportunity's id."""
    with db.atomic():
        undo.name("Add opportunity" if opportunity_id is None else "Edit opportunity", data.title)
        added = [
            (
                people.create_person(
                    people.PersonData(name=name, company=data.company, roles=(part,))
                ),
                part,
            )
            for name, part in new_people
        ]
        data = replace(data, people=[*data.people, *added])
        if opportunity_id is None:
            return create_opportunity(data, today)
        update_opportunity(opportunity_id, data, today)
        return opportunity_id


def set_status(opportunity_id: int, status: str, on: date | None = None) -> None:
    """Move an opportunity to *status* (any move is allowed), recorded with its day."""
    with db.atomic():
        data = get_opportunity(opportunity_id)
        if data.status == status:
            return
        undo.name(f"Move {{}} to {STATUS_LABELS.get(status, status)}", data.title)
        data.status = status
        data.status_on = on or date.today()
        update_opportunity(opportunity_id, data)


def delete_opportunity(opportunity_id: int) -> None:
    """Delete an opportunity with its people and history; actions naming it stay."""
    with db.atomic():
        undo.name("Delete opportunity", undo.row_name("opportunity", "title", opportunity_id))
        Opportunity.delete().where(Opportunity.id == opportunity_id).execute()


def get_opportunity(opportunity_id: int) -> OpportunityData:
    found = query.row(
        "SELECT c.name AS company, o.title, o.need_id, o.url, o.status,"
        " o.status_changed_on AS status_on, o.applied_on, o.notes"
        " FROM opportunity o JOIN company c ON c.id = o.company_id WHERE o.id = ?",
        (opportunity_id,),
        into=OpportunityData,
    )
    if found is None:
        raise LookupError(f"There is no opportunity with id {opportunity_id}.")
    return replace(found, people=[(p.person_id, p.part) for p in people_of(opportunity_id)])


def people_of(opportunity_id: int) -> list[Involved]:
    """Everyone involved, in pipeline-part order then by name."""
    # SQL text: the follow-through offer and the opportunity's pane read it with the rest.
    order = " ".join(f"WHEN '{part}' THEN {n}" for n, part in enumerate(PART_LABELS))
    return query.rows(
        "SELECT p.id AS person_id, op.part, p.name FROM opportunity_person op"
        " JOIN person p ON p.id = op.person_id WHERE op.opportunity_id = ?"
        f" ORDER BY CASE op.part {order} END, p.sort_key, p.id",
        (opportunity_id,),
        into=Involved,
    )


class Involvement(NamedTuple):
    """One opportunity a person takes part in, and their part."""

    opportunity_id: int
    title: str
    company: str
    part: str
    status: str


def involving(person_id: int) -> list[Involvement]:
    """The opportunities a person takes part in, the latest status change first."""
    return query.rows(
        "SELECT o.id AS opportunity_id, o.title, c.name AS company, op.part, o.status"
        " FROM opportunity_person op"
        " JOIN opportunity o ON o.id = op.opportunity_id JOIN company c ON c.id = o.company_id"
        " WHERE op.person_id = ?"
        " ORDER BY o.status_changed_on IS NULL, o.status_changed_on DESC, o.id DESC, op.part",
        (person_id,),
        into=Involvement,
    )


def history(opportunity_id: int) -> list[Change]:
    """Every status the opportunity has had, oldest first."""
    return query.rows(
        OpportunityHistory.select(OpportunityHistory.status, OpportunityHistory.changed_on)
        .where(OpportunityHistory.opportunity == opportunity_id)
        .order_by(OpportunityHistory.changed_on, OpportunityHistory.id),
        into=Change,
    )


def opportunity_ids(
    text: str = "", status: str | None = None, company_id: int | None = None, company: str = ""
) -> list[int]:
    """Ids of opportunities whose title, company or notes contain *text* (ignoring case
    and accents), of one status ('active' for any open stage), one company and companies
    whose name contains *company*, if given; the latest status change first."""
    where, params = [], []
    folded = fold(text)
    if folded:
        where.append("instr(fold(o.title || ' ' || c.name || ' ' || o.notes), ?) > 0")
        params.append(folded)
    if status == "active":
        where.append(f"o.status IN ({', '.join('?' * len(ACTIVE))})")
        params.extend(ACTIVE)
    elif status is not None:
        where.append("o.status = ?")
        params.append(status)
    at_company, company_params = companies.company_conditions("o", company_id, company)
    where += at_company
    params += company_params
    return query.column(
        "SELECT o.id FROM opportunity o JOIN company c ON c.id = o.company_id"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY o.status_changed_on IS NULL, o.status_changed_on DESC, o.id DESC",
        params,
    )


def opportunity_rows(ids: list[int]) -> dict[int, OpportunityRow]:
    result: dict[int, OpportunityRow] = {}
    for marks, chunk in id_chunks(ids):
        for found in query.each(
            "SELECT o.id, o.title, c.name AS company, o.status, o.status_changed_on AS status_on,"
            " o.applied_on, coalesce(n.title, '') AS need"
            " FROM opportunity o JOIN company c ON c.id = o.company_id"
            f" LEFT JOIN need n ON n.id = o.need_id WHERE o.id IN ({marks})",
            chunk,
            into=OpportunityRow,
        ):
            result[found.id] = found
    return result


def status_counts() -> dict[str, int]:
    """How many opportunities are at each status (statuses with none are left out)."""
    counted = query.rows(
        Opportunity.select(Opportunity.status, fn.COUNT(Opportunity.id).alias("n")).group_by(
            Opportunity.status
        ),
        into=_StatusCount,
    )
    return {found.status: found.n for found in counted}


class _StatusCount(NamedTuple):
    status: str
    n: int


def opportunity_count() -> int:
    return int(query.value("SELECT count(*) FROM opportunity"))


def opportunity_title(opportunity_id: int) -> str:
    found = query.value(
        Opportunity.select(Opportunity.title).where(Opportunity.id == opportunity_id)
    )
    return str(found or "")


def company_of(opportunity_id: int) -> int | None:
    found: int | None = query.value(
        Opportunity.select(Opportunity.company).where(Opportunity.id == opportunity_id)
    )
    return found
