"""Companies: validation, create / update / delete, and the queries behind their list."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from desktop.core import undo
from desktop.core.clock import now_text
from desktop.core.validation import (
    Problems,
    ValidationError,
    clean,
    fold,
    name_key,
    name_problem,
    url_problem,
    web_address,
)
from desktop.store import query, search_index
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import Company, Need, Opportunity, Person
from desktop.store.textkeys import company_key


@dataclass
class CompanyData:
    """Everything the company form edits."""

    name: str = ""
    website: str = ""
    industry: str = ""
    location: str = ""
    notes: str = ""
    is_target: bool = False

    def cleaned(self) -> CompanyData:
        return CompanyData(
            name=" ".join(self.name.split()),
            website=web_address(self.website),
            industry=clean(self.industry),
            location=clean(self.location),
            notes=self.notes.strip(),
            is_target=bool(self.is_target),
        )


class CompanyRow(NamedTuple):
    id: int
    name: str
    industry: str
    location: str
    is_target: bool
    people: int


class Colleague(NamedTuple):
    """Someone at a company, for its page."""

    id: int
    name: str
    title: str


class Choice(NamedTuple):
    """A need or opportunity offered in a form's list."""

    id: int
    title: str


class DeleteImpact(NamedTuple):
    """What else a company's deletion touches, for the confirmation message."""

    people: int
    needs: int
    opportunities: int


def company_conditions(
    alias: str, company_id: int | None, company: str
) -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) keeping rows of table *alias* at one company and/or
    at companies whose name contains *company*, ignoring case and accents; the query joins
    `company c`."""
    where: list[str] = []
    params: list[Any] = []
    if company_id is not None:
        where.append(f"{alias}.company_id = ?")
        params.append(company_id)
    if folded := fold(company):
        where.append("instr(fold(c.name), ?) > 0")
        params.append(folded)
    return where, params


def find_company(name: str) -> int | None:
    """The id of the company called *name* (ignoring case and spacing), if any."""
    found: int | None = query.value(
        Company.select(Company.id).where(Company.name_key == name_key(name))
    )
    return found


def validate_company(data: CompanyData, company_id: int | None = None) -> Problems:
    data = data.cleaned()
    problems = Problems()
    if message := name_problem(data.name, "A company"):
        problems.errors["name"] = message
    else:
        existing = query.value(
            Company.select(Company.name).where(
                Company.name_key == name_key(data.name), Company.id != company_id
            )
        )
        if existing is not None:
            problems.errors["name"] = f"A company named '{existing}' already exists."
    if message := url_problem(data.website, "The website"):
        problems.errors["website"] = message
    return problems


def _checked(data: CompanyData, company_id: int | None) -> CompanyData:
    problems = validate_company(data, company_id)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


def _values(data: CompanyData) -> dict[str, Any]:
    """The company's columns, by name: the form's fields and the keys made from its name."""
    return {
        **{f.name: getattr(data, f.name) for f in fields(CompanyData)},
        "name_key": name_key(data.name),
        "sort_key": fold(data.name),
        "match_key": company_key(data.name),
    }


def insert_company(data: CompanyData) -> int:
    """Insert a cleaned, validated company; the caller holds the transaction.

    Through `query.insert`: importers call this once for each new company."""
    stamp = now_text()
    return query.insert(Company, {**_values(data), "created_at": stamp, "updated_at": stamp})


def create_company(data: CompanyData) -> int:
    """Validate and store a new company in one transaction; returns its id."""
    with db.atomic():
        undo.name("Add", data.name)
        return insert_company(_checked(data, None))


def update_company(company_id: int, data: CompanyData) -> None:
    """Validate and save changes in one transaction; re-indexes the company's people."""
    with db.atomic():
        undo.name("Edit", data.name)
        data = _checked(data, company_id)
        with contextlib.suppress(LookupError):
            if get_company(company_id) == data:
                return  # saved as it was: nothing to write, and no step to undo
        changed = (
            Company.update(**_values(data), updated_at=now_text())
            .where(Company.id == company_id)
            .execute()
        )
        if changed != 1:
            raise LookupError(f"There is no company with id {company_id}.")
        search_index.refresh_company(company_id)


def delete_impact(company_id: int) -> DeleteImpact:
    found = query.row(
        "SELECT (SELECT count(*) FROM person WHERE company_id = ?) AS people,"
        " (SELECT count(*) FROM need WHERE company_id = ?) AS needs,"
        " (SELECT count(*) FROM opportunity WHERE company_id = ?) AS opportunities",
        (company_id, company_id, company_id),
        into=DeleteImpact,
    )
    assert found is not None  # counts always make a row
    return found


def delete_company(company_id: int) -> None:
    """Delete a company: its people stay (without a company); its needs and opportunities go."""
    with db.atomic():
        undo.name("Delete", undo.row_name("company", "name", company_id))
        people = query.column(Person.select(Person.id).where(Person.company == company_id))
        Company.delete().where(Company.id == company_id).execute()
        search_index.refresh_people(people)


def get_company(company_id: int) -> CompanyData:
    # SQL text, which a brief reads with the rest: peewee would take 25 times as long.
    found = query.row(
        "SELECT name, website, industry, location, notes, is_target FROM company WHERE id = ?",
        (company_id,),
        into=CompanyData,
    )
    if found is None:
        raise LookupError(f"There is no company with id {company_id}.")
    return found


def company_ids(text: str = "") -> list[int]:
    """Ids of companies whose name, industry or location contains *text*, sorted by name."""
    text = fold(text)
    if not text:
        return query.column("SELECT id FROM company ORDER BY sort_key, id")
    return query.column(
        "SELECT id FROM company WHERE instr(fold(name || ' ' || industry || ' ' || location),"
        " ?) > 0 ORDER BY sort_key, id",
        (text,),
    )


def company_rows(ids: list[int]) -> dict[int, CompanyRow]:
    """The list columns for the given companies."""
    result: dict[int, CompanyRow] = {}
    for marks, chunk in id_chunks(ids):
        for found in query.each(
            "SELECT c.id, c.name, c.industry, c.location, c.is_target,"
            " (SELECT count(*) FROM person p WHERE p.company_id = c.id) AS people"
            f" FROM company c WHERE c.id IN ({marks})",
            chunk,
            into=CompanyRow,
        ):
            result[found.id] = found
    return result


def company_people(company_id: int) -> list[Colleague]:
    """The people at a company, by name."""
    return query.rows(
        Person.select(Person.id, Person.name, Person.title)
        .where(Person.company == company_id)
        .order_by(Person.sort_key, Person.id),
        into=Colleague,
    )


def company_names() -> list[str]:
    return query.column(Company.select(Company.name).order_by(Company.sort_key))


def company_count() -> int:
    return int(query.value("SELECT count(*) FROM company"))


def needs_of(company_id: int) -> list[Choice]:
    """A company's needs, open ones first, for choosing in forms."""
    return query.rows(
        Need.select(Need.id, Need.title)
        .where(Need.company == company_id)
        .order_by(Need.status != "open", Need.learned_on.desc(), Need.id.desc()),
        into=Choice,
    )


def opportunities_of(company_id: int) -> list[Choice]:
    """A company's opportunities, newest first."""
    return query.rows(
        Opportunity.select(Opportunity.id, Opportunity.title)
        .where(Opportunity.company == company_id)
        .order_by(Opportunity.id.desc()),
        into=Choice,
    )
