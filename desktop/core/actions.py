"""Actions on the timeline: validation, create / update / delete, and their follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from desktop.core.clock import now_text
from desktop.core.validation import Problems, ValidationError
from desktop.store import query, search_index
from desktop.store.connection import db
from desktop.store.models import ACTION_KINDS, DIRECTIONS
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


# (field, table, message when the row is gone) for the optional links.
_LINKS = (
    ("beneficiary_id", "person", "The person this helped no longer exists; choose someone else."),
    ("company_id", "company", "That company no longer exists; choose another."),
    ("need_id", "need", "That need no longer exists; choose another."),
    ("opportunity_id", "opportunity", "That opportunity no longer exists; choose another."),
)


def _exists(table: str, row_id: int) -> bool:
    return db.execute_sql(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


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
    elif not _exists("person", data.counterpart_id):
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
    for field, table, message in _LINKS:
        value = getattr(data, field)
        if value is not None and not _exists(table, value):
            errors[field] = message
    if data.beneficiary_id is not None and data.beneficiary_id == data.counterpart_id:
        warnings["beneficiary_id"] = (
            "This is the person the action was with; the person it helped is usually "
            "someone else (whom you referred or introduced)."
        )
    for field, table in (("need_id", "need"), ("opportunity_id", "opportunity")):
        if field not in errors and (at := _other_company(table, getattr(data, field), data)):
            warnings[field] = f"This {table} is at {at}, not at the company chosen."
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


def _other_company(table: str, row_id: int | None, data: ActionData) -> str:
    """The company of a need or opportunity when it is not the action's company, else ''."""
    if row_id is None or data.company_id is None:
        return ""
    name = query.value(
        f"SELECT c.name FROM {table} t JOIN company c ON c.id = t.company_id"
        " WHERE t.id = ? AND t.company_id <> ?",
        (row_id, data.company_id),
    )
    return name or ""


def _checked(data: ActionData) -> ActionData:
    problems = validate_action(data)
    if not problems.ok:
        raise ValidationError(problems)
    data = data.cleaned()
    for field, table in (("need_id", "need"), ("opportunity_id", "opportunity")):
        row_id = getattr(data, field)
        if data.company_id is None and row_id is not None:
            company_id = query.value(f"SELECT company_id FROM {table} WHERE id = ?", (row_id,))
            data = replace(data, company_id=company_id)
    return data


_COLUMNS = (
    "occurred_on, direction, kind, counterpart_id, beneficiary_id, company_id, need_id,"
    " opportunity_id, summary, notes, weight, follow_up_on"
)


def _values(data: ActionData) -> tuple[Any, ...]:
    """Column values in `_COLUMNS` order."""
    return (
        data.occurred_on.isoformat(),
        data.direction,
        data.kind,
        data.counterpart_id,
        data.beneficiary_id,
        data.company_id,
        data.need_id,
        data.opportunity_id,
        data.summary,
        data.notes,
        data.weight,
        data.follow_up_on.isoformat() if data.follow_up_on else None,
    )


def create_action(data: ActionData) -> int:
    """Validate and store a new action in one transaction; returns its id."""
    with db.atomic():
        data = _checked(data)
        action_id = query.execute(
            f"INSERT INTO action ({_COLUMNS}, created_at) VALUES ({', '.join('?' * 13)})",
            (*_values(data), now_text()),
        )
        search_index.refresh_actions([action_id])
        return action_id


def update_action(action_id: int, data: ActionData) -> None:
    """Validate and save changes in one transaction.

    A follow-up marked done stays done while its date is unchanged; a new date opens it.
    """
    with db.atomic():
        data = _checked(data)
        values = _values(data)
        assignments = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
        # The CASE sees the row as it was: done stays only if the date stays.
        cursor = db.execute_sql(
            f"UPDATE action SET {assignments}, follow_up_done_at = CASE WHEN follow_up_on IS ?"
            " THEN follow_up_done_at END WHERE id = ?",
            (*values, values[-1], action_id),
        )
        if cursor.rowcount != 1:
            raise LookupError(f"There is no action with id {action_id}.")
        search_index.refresh_actions([action_id])


def delete_action(action_id: int) -> None:
    with db.atomic():
        db.execute_sql("DELETE FROM action WHERE id = ?", (action_id,))
        search_index.refresh_actions([action_id])


def get_action(action_id: int) -> ActionData:
    found = query.row(f"SELECT {_COLUMNS} FROM action WHERE id = ?", (action_id,), into=ActionData)
    if found is None:
        raise LookupError(f"There is no action with id {action_id}.")
    return found


class _Dates(NamedTuple):
    occurred_on: date
    follow_up_on: date | None


def _follow_up_of(action_id: int) -> tuple[date, date | None]:
    """(action's date, follow-up date) of an action."""
    found = query.row(
        "SELECT occurred_on, follow_up_on FROM action WHERE id = ?", (action_id,), into=_Dates
    )
    if found is None:
        raise LookupError(f"There is no action with id {action_id}.")
    return found


def mark_follow_up_done(action_id: int, when: datetime | None = None) -> None:
    """Tick off an action's follow-up (now, or at *when*)."""
    with db.atomic():
        if _follow_up_of(action_id)[1] is None:
            raise ValidationError(
                Problems(errors={"follow_up_on": "This action has no follow-up to mark done."})
            )
        stamp = when.strftime("%Y-%m-%d %H:%M:%S") if when else now_text()
        db.execute_sql("UPDATE action SET follow_up_done_at = ? WHERE id = ?", (stamp, action_id))


def snooze_follow_up(action_id: int, until: date) -> None:
    """Move an action's follow-up to *until* (opening it again if it was done)."""
    with db.atomic():
        occurred_on, _ = _follow_up_of(action_id)
        if until < occurred_on:
            raise ValidationError(Problems(errors={"follow_up_on": _early_follow_up(occurred_on)}))
        db.execute_sql(
            "UPDATE action SET follow_up_on = ?, follow_up_done_at = NULL WHERE id = ?",
            (until.isoformat(), action_id),
        )


def reopen_follow_up(action_id: int) -> None:
    """Undo `mark_follow_up_done`."""
    with db.atomic():
        _follow_up_of(action_id)
        db.execute_sql("UPDATE action SET follow_up_done_at = NULL WHERE id = ?", (action_id,))


def any_logged() -> bool:
    """Whether any action was logged yet."""
    return bool(db.execute_sql("SELECT EXISTS (SELECT 1 FROM action)").fetchone()[0])
