"""Dormant ties worth reviving: people nothing was logged with for years, ranked by how
useful reaching out again is likely to be, with the reasons in words.

A tie is dormant when the last action with the person as counterpart (either direction)
is `DORMANT_YEARS` old or older, or when nothing was ever logged and we met them (else
entered them) that long ago. What makes one worth more than another: they work now at a
target company, or at a company with an open need; they helped me before (the more often,
the more); they hire or recruit. The summary table `action_person` holds each person's
last given and received, so the list is one pass over the people, each a few seeks.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from desktop.core import actions, undo
from desktop.core.words import listed
from desktop.store import query
from desktop.store.connection import db

DORMANT_YEARS = 3
LIMIT = 200  # the most worth reviving: more is not a list anyone works through
REACH_OUT_SUMMARY = "Reached out to reconnect"

#: How much each reason weighs in the ranking.
TARGET_POINTS = 3
OPEN_NEED_POINTS = 3
HELPED_POINTS = 2  # once they helped at all; one more from HELPED_OFTEN times
HELPED_OFTEN = 3
HIRING_POINTS = 2  # a hiring manager or a recruiter


class Dormant(NamedTuple):
    """One dormant tie, with what makes it worth reviving."""

    person_id: int
    person: str
    company: str
    last_contact: date | None  # the last action with them; None if never
    since: date  # the last contact, else when we met, else when they were entered
    target: bool  # they work now at a target company
    open_need: bool  # ... at a company with an open need
    helped: int  # actions they gave me
    hiring_manager: bool
    recruiter: bool
    score: int

    @property
    def reasons(self) -> str:
        """'Works at Globex, a target company; helped you 3 times; recruiter'."""
        return reasons_text(self)

    @property
    def last_spoke(self) -> str:
        """'Last spoke 2022-05-01' or 'Never spoke; met 2021-04-03'."""
        if self.last_contact is not None:
            return f"Last spoke {self.last_contact.isoformat()}"
        return f"Nothing logged since we met, {self.since.isoformat()}"


def reasons_text(tie: Dormant) -> str:
    parts = []
    if tie.target and tie.open_need:
        parts.append(f"Works at {tie.company}, a target company with an open need")
    elif tie.target:
        parts.append(f"Works at {tie.company}, a target company")
    elif tie.open_need:
        parts.append(f"Works at {tie.company}, which has an open need")
    if tie.helped:
        parts.append("helped you once" if tie.helped == 1 else f"helped you {tie.helped} times")
    flags = (("hiring manager", tie.hiring_manager), ("recruiter", tie.recruiter))
    roles = [role for role, held in flags if held]
    if roles:
        parts.append(listed(roles))
    if not parts:
        return "Nothing known yet that makes them likelier to help"
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def years_before(day: date, years: int) -> date:
    """The same day *years* earlier (28 February for a 29th with no leap year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# Each person's last contact from the summary (NULL if never) and the day the gap counts
# from. max() of two values is NULL when either is, hence the '' for none.
_DORMANT = """
    SELECT p.id, p.name, p.sort_key, p.company_id, s.received AS helped,
           nullif(max(coalesce(s.last_given, ''), coalesce(s.last_received, '')), '')
               AS last_contact,
           coalesce(nullif(max(coalesce(s.last_given, ''), coalesce(s.last_received, '')), ''),
                    p.met_on, substr(p.created_at, 1, 10)) AS since
    FROM person p LEFT JOIN action_person s ON s.person_id = p.id
"""
_RANKED = f"""
    SELECT d.id AS person_id, d.name AS person, coalesce(c.name, '') AS company,
           d.last_contact, d.since, d.target, d.open_need, d.helped, d.hiring_manager,
           d.recruiter,
           {TARGET_POINTS} * d.target + {OPEN_NEED_POINTS} * d.open_need
           + CASE WHEN d.helped >= {HELPED_OFTEN} THEN {HELPED_POINTS} + 1
                  WHEN d.helped > 0 THEN {HELPED_POINTS} ELSE 0 END
           + {HIRING_POINTS} * (d.hiring_manager OR d.recruiter) AS score
    FROM (SELECT k.id, k.name, k.sort_key, k.company_id, k.last_contact, k.since,
                 coalesce(k.helped, 0) AS helped,
                 coalesce((SELECT is_target FROM company WHERE id = k.company_id), 0) AS target,
                 EXISTS (SELECT 1 FROM need n WHERE n.company_id = k.company_id
                         AND n.status = 'open') AS open_need,
                 EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = k.id
                         AND r.role = 'hiring_manager') AS hiring_manager,
                 EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = k.id
                         AND r.role = 'recruiter') AS recruiter
          FROM ({_DORMANT}) k WHERE k.since <= ?) d
    LEFT JOIN company c ON c.id = d.company_id
"""


def dormant(today: date, limit: int = LIMIT) -> list[Dormant]:
    """The dormant ties as of *today*, the most worth reviving first: by score, then who
    helped more, then the one spoken to more lately, then by name."""
    return query.rows(
        f"SELECT person_id, person, company, last_contact, since, target, open_need, helped,"
        f" hiring_manager, recruiter, score FROM ({_RANKED}) ORDER BY score DESC, helped DESC,"
        " since DESC, person_id LIMIT ?",
        (years_before(today, DORMANT_YEARS).isoformat(), limit),
        into=Dormant,
    )


def dormant_count(today: date) -> int:
    """How many ties are dormant as of *today*."""
    return int(
        query.value(
            f"SELECT count(*) FROM ({_DORMANT}) WHERE since <= ?",
            (years_before(today, DORMANT_YEARS).isoformat(),),
        )
    )


def is_dormant(person_id: int, today: date) -> bool:
    return bool(
        query.value(
            f"SELECT since <= ? FROM ({_DORMANT}) WHERE id = ?",
            (years_before(today, DORMANT_YEARS).isoformat(), person_id),
        )
    )


def reach_out(person_id: int, today: date) -> int:
    """Log that I reached out to reconnect (a check-in I gave, today), as one step; the
    person is no longer dormant. Returns the action's id."""
    with db.atomic():
        undo.name("Reach out to {}", undo.row_name("person", "name", person_id))
        return actions.create_action(
            actions.ActionData(
                occurred_on=today,
                direction="given",
                kind="check_in",
                counterpart_id=person_id,
                summary=REACH_OUT_SUMMARY,
            )
        )
