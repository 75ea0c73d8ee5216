"""Follow-ups that are due, and the people a keep-in-touch cadence says to contact again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from desktop.store.connection import db

WEEK = timedelta(days=7)
LATER_LIMIT = 200


class FollowUp(NamedTuple):
    """An open follow-up; `company` is the action's company, else the person's, else ''."""

    action_id: int
    due_on: date
    person_id: int
    person: str
    kind: str
    summary: str
    company: str
    occurred_on: date


class ReachOut(NamedTuple):
    """Someone whose keep-in-touch cadence has run out; `last_contact` is the last action."""

    person_id: int
    person: str
    company: str
    last_contact: date | None
    cadence_days: int
    next_contact: date
    days_overdue: int


@dataclass
class Buckets:
    """What the follow-ups page shows, each list in the order to work through it."""

    overdue: list[FollowUp]
    today: list[FollowUp]
    this_week: list[FollowUp]
    reach_out: list[ReachOut]
    later: list[FollowUp]  # set further ahead, soonest first (at most LATER_LIMIT)


# Open follow-ups; the condition matches the partial index action_follow_up.
_OPEN = "a.follow_up_on IS NOT NULL AND a.follow_up_done_at IS NULL"

# People with a cadence and when to contact them next: the cadence counts from the last
# action with them as counterpart (either direction), else from when we met, else from
# when they were entered. The max() per person is one seek in action_counterpart.
_CONTACTS = """
    SELECT id, name, sort_key, company_id, cadence_days, last_contact,
           date(coalesce(last_contact, met_on, substr(created_at, 1, 10)),
                '+' || cadence_days || ' days') AS next_contact
    FROM (SELECT p.*, (SELECT max(a.occurred_on) FROM action a
                       WHERE a.counterpart_id = p.id) AS last_contact
          FROM person p WHERE p.cadence_days IS NOT NULL)
"""


def _due(until: date, after: date | None = None, limit: int = -1) -> list[FollowUp]:
    """Open follow-ups due on or before *until* (and after *after*), soonest first."""
    rows = db.execute_sql(
        "SELECT a.id, a.follow_up_on, a.counterpart_id, p.name, a.kind, a.summary,"
        " coalesce(c.name, pc.name, ''), a.occurred_on"
        " FROM action a JOIN person p ON p.id = a.counterpart_id"
        " LEFT JOIN company c ON c.id = a.company_id"
        " LEFT JOIN company pc ON pc.id = p.company_id"
        f" WHERE {_OPEN} AND a.follow_up_on <= ? AND a.follow_up_on > ?"
        " ORDER BY a.follow_up_on, a.id LIMIT ?",
        (until.isoformat(), after.isoformat() if after else "", limit),
    ).fetchall()
    return [
        FollowUp(
            row[0],
            date.fromisoformat(row[1]),
            *row[2:7],
            date.fromisoformat(row[7]),
        )
        for row in rows
    ]


def _reach_out(today: date) -> list[ReachOut]:
    rows = db.execute_sql(
        "SELECT k.id, k.name, coalesce(c.name, ''), k.last_contact, k.cadence_days,"
        f" k.next_contact FROM ({_CONTACTS}) k LEFT JOIN company c ON c.id = k.company_id"
        " WHERE k.next_contact < ? ORDER BY k.next_contact, k.sort_key, k.id",
        (today.isoformat(),),
    ).fetchall()
    result = []
    for person_id, name, company, last, cadence, next_text in rows:
        next_on = date.fromisoformat(next_text)
        last_on = date.fromisoformat(last) if last else None
        result.append(
            ReachOut(person_id, name, company, last_on, cadence, next_on, (today - next_on).days)
        )
    return result


def buckets(today: date) -> Buckets:
    """Open follow-ups (overdue, due today, due in the next seven days, later) and people
    to contact.

    Overdue items come oldest first, the week's soonest first, people most overdue first.
    """
    due = _due(today + WEEK)
    return Buckets(
        overdue=[f for f in due if f.due_on < today],
        today=[f for f in due if f.due_on == today],
        this_week=[f for f in due if f.due_on > today],
        reach_out=_reach_out(today),
        later=_due(date.max, today + WEEK, LATER_LIMIT),
    )


def next_contact(person_id: int) -> date | None:
    """When the person's cadence says to contact them next; None without a cadence."""
    row = db.execute_sql(
        f"SELECT next_contact FROM ({_CONTACTS}) WHERE id = ?", (person_id,)
    ).fetchone()
    return date.fromisoformat(row[0]) if row else None


def due_summary(today: date) -> tuple[int, int]:
    """(overdue follow-ups, people to reach out to), for the status bar."""
    row = db.execute_sql(
        f"SELECT (SELECT count(*) FROM action a WHERE {_OPEN} AND a.follow_up_on < ?),"
        f" (SELECT count(*) FROM ({_CONTACTS}) WHERE next_contact < ?)",
        (today.isoformat(), today.isoformat()),
    ).fetchone()
    return row[0], row[1]
