"""A company's dossier: its needs, its people and their roles, its opportunities."""

from __future__ import annotations

import re
from typing import NamedTuple

from desktop.core.opportunities import PART_LABELS
from desktop.core.people import ROLE_LABELS
from desktop.store import query


class DossierNeed(NamedTuple):
    id: int
    title: str
    status: str
    urgency: int


class DossierPerson(NamedTuple):
    id: int
    name: str
    title: str
    roles: str  # 'Hiring manager, Interviewer' from their roles and their parts here
    works_here: bool  # False for people met through its opportunities (an agency recruiter)


class DossierOpportunity(NamedTuple):
    id: int
    title: str
    status: str
    status_on: str  # ISO date or ''


class _PersonHere(NamedTuple):
    id: int
    name: str
    title: str
    works_here: bool
    roles: str | None
    parts: str | None


class Dossier(NamedTuple):
    needs: list[DossierNeed]
    people: list[DossierPerson]
    opportunities: list[DossierOpportunity]


def _says(title: str | None, label: str) -> bool:
    """Whether *title* holds *label* as whole words, ignoring case ('Senior Recruiter')."""
    pattern = rf"\b{re.escape(label)}\b"
    return title is not None and re.search(pattern, title, re.IGNORECASE) is not None


def dossier(company_id: int) -> Dossier:
    """Open needs first (most urgent, newest learned), everyone at the company or on its
    opportunities by name, opportunities with the latest change first."""
    needs = query.rows(
        "SELECT id, title, status, urgency FROM need WHERE company_id = ?"
        " ORDER BY status <> 'open', urgency DESC, learned_on IS NULL, learned_on DESC, id DESC",
        (company_id,),
        into=DossierNeed,
    )
    people_rows = query.rows(
        "WITH here(person_id, part) AS ("
        "   SELECT id, NULL FROM person WHERE company_id = ?"
        "   UNION SELECT op.person_id, op.part FROM opportunity_person op"
        "   JOIN opportunity o ON o.id = op.opportunity_id WHERE o.company_id = ?)"
        " SELECT p.id, p.name, p.title, p.company_id = ? AS works_here,"
        "   (SELECT group_concat(role, ' ') FROM person_role r WHERE r.person_id = p.id)"
        "     AS roles,"
        "   group_concat(h.part, ' ') AS parts"
        " FROM here h JOIN person p ON p.id = h.person_id"
        " GROUP BY p.id ORDER BY p.sort_key, p.id",
        (company_id, company_id, company_id),
        into=_PersonHere,
    )
    people = []
    for here in people_rows:
        keys = dict.fromkeys([*(here.roles or "").split(), *(here.parts or "").split()])
        labels = [
            label
            for k in ROLE_LABELS
            if k in keys
            # "Recruiter" said once: a title of Senior Recruiter says it already.
            and not _says(here.title, label := ROLE_LABELS.get(k) or PART_LABELS.get(k, k))
        ]
        people.append(
            DossierPerson(here.id, here.name, here.title, ", ".join(labels), here.works_here)
        )
    opportunities = query.rows(
        "SELECT id, title, status, coalesce(status_changed_on, '') AS status_on FROM opportunity"
        " WHERE company_id = ? ORDER BY status_changed_on IS NULL, status_changed_on DESC, id DESC",
        (company_id,),
        into=DossierOpportunity,
    )
    return Dossier(needs, people, opportunities)
