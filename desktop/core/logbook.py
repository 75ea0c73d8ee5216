"""Logging an action in one go, adding the people it names if they are new."""

from __future__ import annotations

from dataclasses import replace

from desktop.core import actions, companies, people, undo
from desktop.store.connection import db


def log_action(
    data: actions.ActionData,
    *,
    action_id: int | None = None,
    new_counterpart: str = "",
    new_beneficiary: str = "",
    new_company: str = "",
) -> int:
    """Create (or update) the action, first adding any new people or company, all in one
    transaction. A failure anywhere leaves the database as it was: nothing half-added.
    """
    with db.atomic():
        if action_id is None:
            undo.name("Log action")
        else:
            undo.name("Edit action", data.summary)
        if new_company:
            data = replace(
                data, company_id=companies.create_company(companies.CompanyData(name=new_company))
            )
        if new_counterpart:
            data = replace(
                data, counterpart_id=people.create_person(people.PersonData(name=new_counterpart))
            )
        if new_beneficiary:
            data = replace(
                data, beneficiary_id=people.create_person(people.PersonData(name=new_beneficiary))
            )
        if action_id is None:
            return actions.create_action(data)
        actions.update_action(action_id, data)
        return action_id
