"""Follow-ups that are due, the people their keep-in-touch gaps say to contact again, and
the dormant ties worth reviving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from desktop.core import reconnect
from desktop.core.ties import IDEAL_SQL, LONGEST_SQL
from desktop.store import query

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
    """Someone past their ideal gap (due), perhaps past their longest too (overdue);
    `last_contact` is the last action with them, `tier` their tier's name or ''."""

    person_id: int
    person: str
    company: str
    last_contact: date | None
    ideal_days: int
    longest_days: int
    tier: str
    next_contact: date
    days_past_ideal: int
    days_past_longest: int  # 0 or less while only due

    @property
    def overdue(self) -> bool:
        return self.days_past_longest > 0


@dataclass
class Buckets:
    """What the follow-ups page shows, each list in the order to work through it."""

    overdue: list[FollowUp]
    today: list[FollowUp]
    this_week: list[FollowUp]
    reach_out: list[ReachOut]
    later: list[FollowUp]  # set further ahead, soonest first (at most LATER_LIMIT)
    reconnect: list[reconnect.Dormant]  # the most worth reviving first (at most its LIMIT)
    dormant: int = 0  # how many dormant ties there are in all


# Open follow-ups; the condition matches the partial index action_follow_up.
_OPEN = "a.follow_up_on IS NOT NULL AND a.follow_up_done_at IS NULL"

# People who keep in touch (a gap of their own or a tier's) and when to contact them
# next, and at the latest: the gaps count from the last action with them as counterpart
# (either direction), else from when we met, else from when they were entered. The max()
# per person is one seek in action_counterpart.
_CONTACTS = f"""
    SELECT id, name, sort_key, company_id, ideal_days, longest_days, tier, last_contact,
           date(since, '+' || ideal_days || ' days') AS next_contact,
           date(since, '+' || longest_days || ' days') AS latest_contact
    FROM (SELECT p.id, p.name, p.sort_key, p.company_id, coalesce(t.name, '') AS tier,
                 {IDEAL_SQL} AS ideal_days, {LONGEST_SQL} AS longest_days, last_contact,
                 coalesce(last_contact, p.met_on, substr(p.created_at, 1, 10)) AS since
          FROM (SELECT p.*, (SELECT max(a.occurred_on) FROM action a
                             WHERE a.counterpart_id = p.id) AS last_contact
                FROM person p WHERE p.cadence_days IS NOT NULL OR p.tier_id IS NOT NULL) p
          LEFT JOIN tie_tier t ON t.id = p.tier_id)
"""


def _due(until: date, after: date | None = None, limit: int = -1) -> list[FollowUp]:
    """Open follow-ups due on or before *until* (and after *after*), soonest first."""
    return query.rows(
        "SELECT a.id AS action_id, a.follow_up_on AS due_on, a.counterpart_id AS person_id,"
        " p.name AS person, a.kind, a.summary, coalesce(c.name, pc.name, '') AS company,"
        " a.occurred_on"
        " FROM action a JOIN person p ON p.id = a.counterpart_id"
        " LEFT JOIN company c ON c.id = a.company_id"
        " LEFT JOIN company pc ON pc.id = p.company_id"
        f" WHERE {_OPEN} AND a.follow_up_on <= ? AND a.follow_up_on > ?"
        " ORDER BY a.follow_up_on, a.id LIMIT ?",
        (until.isoformat(), after.isoformat() if after else "", limit),
        into=FollowUp,
    )


def _reach_out(today: date) -> list[ReachOut]:
    return query.rows(
        "SELECT person_id, person, company, last_contact, ideal_days, longest_days, tier,"
        " next_contact, days_past_ideal, days_past_longest FROM"
        " (SELECT k.id AS person_id, k.name AS person, coalesce(c.name, '') AS company,"
        " k.last_contact, k.ideal_days, k.longest_days, k.tier, k.next_contact, k.sort_key,"
        " CAST(julianday(?) - julianday(k.next_contact) AS INTEGER) AS days_past_ideal,"
        " CAST(julianday(?) - julianday(k.latest_contact) AS INTEGER) AS days_past_longest"
        f" FROM ({_CONTACTS}) k LEFT JOIN company c ON c.id = k.company_id"
        " WHERE k.next_contact < ?)"
        # Overdue first, the longest past first; then the due, the longest past first.
        " ORDER BY days_past_longest > 0 DESC,"
        " CASE WHEN days_past_longest > 0 THEN -days_past_longest ELSE -days_past_ideal END,"
        " sort_key, person_id",
        (today.isoformat(),) * 3,
        into=ReachOut,
    )


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
        reconnect=reconnect.dormant(today),
        dormant=reconnect.dormant_count(today),
    )


def next_contact(person_id: int) -> date | None:
    """When the person's gaps say to contact them next; None when they keep no touch."""
    found = query.value(f"SELECT next_contact FROM ({_CONTACTS}) WHERE id = ?", (person_id,))
    return date.fromisoformat(found) if found else None


class _Due(NamedTuple):
    overdue: int
    reach_out: int


def due_summary(today: date) -> tuple[int, int]:
    """(overdue follow-ups, people to reach out to), for the status bar."""
    found = query.row(
        f"SELECT (SELECT count(*) FROM action a WHERE {_OPEN} AND a.follow_up_on < ?) AS overdue,"
        f" (SELECT count(*) FROM ({_CONTACTS}) WHERE next_contact < ?) AS reach_out",
        (today.isoformat(), today.isoformat()),
        into=_Due,
    )
    assert found is not None  # counts always make a row
    return found.overdue, found.reach_out
