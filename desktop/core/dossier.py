"""A company's dossier: its needs, its people and their roles, its opportunities."""

from __future__ import annotations

from typing import NamedTuple

from desktop.core.opportunities import PART_LABELS
from desktop.core.people import ROLE_LABELS
from desktop.store.connection import db


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


class Dossier(NamedTuple):
    needs: list[DossierNeed]
    people: list[DossierPerson]
    opportunities: list[DossierOpportunity]


def dossier(company_id: int) -> Dossier:
    """Open needs first (most urgent, newest learned), everyone at the company or on its
    opportunities by name, opportunities with the latest change first."""
    need_rows = db.execute_sql(
        "SELECT id, title, status, urgency FROM need WHERE company_id = ?"
        " ORDER BY status <> 'open', urgency DESC, learned_on IS NULL, learned_on DESC, id DESC",
        (company_id,),
    ).fetchall()
    people_rows = db.execute_sql(
        "WITH here(person_id, part) AS ("
        "   SELECT id, NULL FROM person WHERE company_id = ?"
        "   UNION SELECT op.person_id, op.part FROM opportunity_person op"
        "   JOIN opportunity o ON o.id = op.opportunity_id WHERE o.company_id = ?)"
        " SELECT p.id, p.name, p.title, p.company_id = ?,"
        "   (SELECT group_concat(role, ' ') FROM person_role r WHERE r.person_id = p.id),"
        "   group_concat(h.part, ' ')"
        " FROM here h JOIN person p ON p.id = h.person_id"
        " GROUP BY p.id ORDER BY p.sort_key, p.id",
        (company_id, company_id, company_id),
    ).fetchall()
    people = []
    for person_id, name, title, works_here, roles, parts in people_rows:
        keys = dict.fromkeys([*(roles or "").split(), *(parts or "").split()])
        labels = [ROLE_LABELS.get(k) or PART_LABELS.get(k, k) for k in ROLE_LABELS if k in keys]
        people.append(DossierPerson(person_id, name, title, ", ".join(labels), bool(works_here)))
    opportunity_rows = db.execute_sql(
        "SELECT id, title, status, coalesce(status_changed_on, '') FROM opportunity"
        " WHERE company_id = ? ORDER BY status_changed_on IS NULL, status_changed_on DESC, id DESC",
        (company_id,),
    ).fetchall()
    return Dossier(
        [DossierNeed(*row) for row in need_rows],
        people,
        [DossierOpportunity(*row) for row in opportunity_rows],
    )
