"""Actions on the timeline: validation, create / update / delete, and their follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from peewee import Case

from desktop.core import undo
from desktop.core.clock import now_text
from desktop.core.validation import Problems, ValidationError
from desktop.store import query, search_index
from desktop.store.connection import db
from desktop.store.models import (
    ACTION_KINDS,
    DIRECTIONS,
    Action,
    Company,
    Need,
    Opportunity,
    Person,
)
from desktop.store.textkeys import has_visible_text

KIND_LABELS = {
    "referral": "Referral",
    "job_lead": "Job lead",
    "introduction": "Introduction",
    "company_insight": "Company insight",
    "recommendation": "Recommendation",
    "review": "Resume or portfolio review",
    "interview_prep": "Interview prep",
    "check_in": "Check-in",
    "thanks": "Thanks",
    "other": "Other",
}
assert tuple(KIND_LABELS) == ACTION_KINDS
DIRECTION_LABELS = {"given": "Given", "received": "Received"}
assert tuple(DIRECTION_LABELS) == DIRECTIONS

MAX_SUMMARY = 200
WEIGHTS = (1, 2, 3)


@dataclass
class ActionData:
    """Everything the action form edits; the ids point at existing rows."""

    occurred_on: date
    direction: str = "given"
    kind: str = "check_in"
    counterpart_id: int | None = None
    beneficiary_id: int | None = None
    company_id: int | None = None
    need_id: int | None = None
    opportunity_id: int | None = None
    summary: str = ""
    notes: str = ""
    weight: int = 1
    follow_up_on: date | None = None

    def cleaned(self) -> ActionData:
        return replace(self, summary=self.summary.strip(), notes=self.notes.strip())


Linked = type[Person] | type[Company] | type[Need] | type[Opportunity]

# (field, model, message when the row is gone) for the optional links.
_LINKS: tuple[tuple[str, Linked, str], ...] = (
    ("beneficiary_id", Person, "The person this helped no longer exists; choose someone else."),
    ("company_id", Company, "That company no longer exists; choose another."),
    ("need_id", Need, "That need no longer exists; choose another."),
    ("opportunity_id", Opportunity, "That opportunity no longer exists; choose another."),
)
# The links that belong to a company themselves.
_AT_COMPANY: tuple[tuple[str, type[Need] | type[Opportunity]], ...] = (
    ("need_id", Need),
    ("opportunity_id", Opportunity),
)


def _exists(model: Linked, row_id: int) -> bool:
    return model.select().where(model.id == row_id).exists()


def validate_action(data: ActionData, today: date | None = None) -> Problems:
    """Errors that block saving, and warnings (a future date, odd links) that do not."""
    data = data.cleaned()
    today = today or date.today()
    problems = Problems()
    errors, warnings = problems.errors, problems.warnings
    if not isinstance(data.occurred_on, date):
        errors["occurred_on"] = "Choose the date this happened."
    elif data.occurred_on > today:
        warnings["occurred_on"] = "This date is in the future."
    if data.direction not in DIRECTIONS:
        errors["direction"] = "Choose whether you gave this or received it."
    if data.kind not in ACTION_KINDS:
        errors["kind"] = "Choose what kind of action this was."
    if data.counterpart_id is None:
        errors["counterpart_id"] = "Choose the person this was with."
    elif not _exists(Person, data.counterpart_id):
        errors["counterpart_id"] = "The person this was with no longer exists; choose someone else."
    if message := _summary_problem(data.summary):
        errors["summary"] = message
    if data.weight not in WEIGHTS or isinstance(data.weight, bool):
        errors["weight"] = "The weight is 1, 2 or 3."
    if (
        data.follow_up_on is not None
        and isinstance(data.occurred_on, date)
        and data.follow_up_on < data.occurred_on
    ):
        errors["follow_up_on"] = _early_follow_up(data.occurred_on)
    for field, model, message in _LINKS:
        value = getattr(data, field)
        if value is not None and not _exists(model, value):
            errors[field] = message
    if data.beneficiary_id is not None and data.beneficiary_id == data.counterpart_id:
        warnings["beneficiary_id"] = (
            "This is the person the action was with; the person it helped is usually "
            "someone else (whom you referred or introduced)."
        )
    for field, linked in _AT_COMPANY:
        if field not in errors and (at := _other_company(linked, getattr(data, field), data)):
            warnings[field] = (
                f"This {linked._meta.table_name} is at {at}, not at the company chosen."
            )
    return problems


def _summary_problem(summary: str) -> str | None:
    if not has_visible_text(summary):
        return "Write a one-line summary."
    if len(summary.splitlines()) > 1:
        return "Keep the summary to one line; put the rest in the notes."
    if len(summary) > MAX_SUMMARY:
        return (
            f"Keep the summary to {MAX_SUMMARY} characters (this one has {len(summary):,}); "
            "put the rest in the notes."
        )
    return None


def _early_follow_up(occurred_on: date) -> str:
    return f"The follow-up date cannot be before the action's date ({occurred_on.isoformat()})."


def _other_company(
    model: type[Need] | type[Opportunity], row_id: int | None, data: ActionData
) -> str:
    """The company of a need or opportunity when it is not the action's company, else ''."""
    if row_id is None or data.company_id is None:
        return ""
    name = query.value(
        Company.select(Company.name)
        .join(model, on=model.company == Company.id)
        .where(model.id == row_id, model.company != data.company_id)
    )
    return str(name or "")


def _checked(data: ActionData) -> ActionData:
    problems = validate_action(data)
    if not problems.ok:
        raise ValidationError(problems)
    data = data.cleaned()
    for field, model in _AT_COMPANY:
        row_id = getattr(data, field)
        if data.company_id is None and row_id is not None:
            company_id = query.value(model.select(model.company).where(model.id == row_id))
            data = replace(data, company_id=company_id)
    return data


def _values(data: ActionData) -> dict[str, Any]:
    """The action's columns, by name: `ActionData` has one field per column it edits."""
    return {f.name: getattr(data, f.name) for f in fields(ActionData)}


def create_action(data: ActionData) -> int:
    """Validate and store a new action in one transaction; returns its id."""
    with db.atomic():
        undo.name("Log action")
        data = _checked(data)
        action_id = int(Action.insert(**_values(data), created_at=now_text()).execute())
        search_index.refresh_actions([action_id])
        return action_id


def update_action(action_id: int, data: ActionData) -> None:
    """Validate and save changes in one transaction.

    A follow-up marked done stays done while its date is unchanged; a new date opens it.
    """
    with db.atomic():
        undo.name("Edit action", data.summary)
        data = _checked(data)
        # The CASE sees the row as it was: done stays only if the date stays.
        done = Case(None, [(Action.follow_up_on == data.follow_up_on, Action.follow_up_done_at)])
        changed = (
            Action.update(**_values(data), follow_up_done_at=done)
            .where(Action.id == action_id)
            .execute()
        )
        if changed != 1:
            raise LookupError(f"There is no action with id {action_id}.")
        search_index.refresh_actions([action_id])


def delete_action(action_id: int) -> None:
    with db.atomic():
        undo.name("Delete action", undo.row_name("action", "summary", action_id))
        Action.delete().where(Action.id == action_id).execute()
        search_index.refresh_actions([action_id])


def get_action(action_id: int) -> ActionData:
    found = query.row(
        Action.select(*query.fields_of(Action, ActionData)).where(Action.id == action_id),
        into=ActionData,
    )
    if found is None:
        raise LookupError(f"There is no action with id {action_id}.")
    return found


class _Dates(NamedTuple):
    occurred_on: date
    follow_up_on: date | None


def _follow_up_of(action_id: int) -> tuple[date, date | None]:
    """(action's date, follow-up date) of an action."""
    found = query.row(
        Action.select(Action.occurred_on, Action.follow_up_on).where(Action.id == action_id),
        into=_Dates,
    )
    if found is None:
        raise LookupError(f"There is no action with id {action_id}.")
    return found


def mark_follow_up_done(action_id: int, when: datetime | None = None) -> None:
    """Tick off an action's follow-up (now, or at *when*)."""
    with db.atomic():
        undo.name("Mark follow-up done", undo.row_name("action", "summary", action_id))
        if _follow_up_of(action_id)[1] is None:
            raise ValidationError(
                Problems(errors={"follow_up_on": "This action has no follow-up to mark done."})
            )
        done = when or now_text()  # a datetime is written to the second, as now_text is
        Action.update(follow_up_done_at=done).where(Action.id == action_id).execute()


def snooze_follow_up(action_id: int, until: date) -> None:
    """Move an action's follow-up to *until* (opening it again if it was done)."""
    with db.atomic():
        undo.name("Snooze follow-up", undo.row_name("action", "summary", action_id))
        occurred_on, _ = _follow_up_of(action_id)
        if until < occurred_on:
            raise ValidationError(Problems(errors={"follow_up_on": _early_follow_up(occurred_on)}))
        Action.update(follow_up_on=until, follow_up_done_at=None).where(
            Action.id == action_id
        ).execute()


def reopen_follow_up(action_id: int) -> None:
    """Undo `mark_follow_up_done`."""
    with db.atomic():
        undo.name("Reopen follow-up", undo.row_name("action", "summary", action_id))
        _follow_up_of(action_id)
        Action.update(follow_up_done_at=None).where(Action.id == action_id).execute()


def any_logged() -> bool:
    """Whether any action was logged yet."""
    return Action.select().exists()
