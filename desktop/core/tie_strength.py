"""How strong a tie is, always with the parts it is worked out from, in words.

Five inputs, each worth a few points: how recent the last contact is, how often we were in
touch over the last twelve months, whether help went both ways, how soon their help came
back after mine, and the companies they work or worked at that I target or have an
opportunity at. A tie with nothing for `reconnect.DORMANT_YEARS` is Dormant whatever the
rest says. The level is never shown without its parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from desktop.core import reconnect
from desktop.core.words import listed
from desktop.store import query

LEVELS = ("Strong", "Moderate", "Weak", "Dormant")
STRONG_POINTS = 5
MODERATE_POINTS = 3
RECENT_DAYS = 90  # contact this recent: 2 points; within a year: 1
OFTEN = 6  # actions in twelve months: 2 points; from SOMETIMES: 1
SOMETIMES = 2
CAME_BACK_SOON_DAYS = 90  # their help came back within this: 1 point


class SharedCompany(NamedTuple):
    name: str
    target: bool
    opportunity: bool


@dataclass(frozen=True)
class TieStrength:
    """The level and each input it comes from."""

    level: str
    points: int
    last_contact: date | None
    days_since: int | None
    recent: int  # actions in the last twelve months
    given: int
    received: int
    came_back_days: int | None  # from my first help to their first help after it
    first_given: date | None
    shared: tuple[SharedCompany, ...]

    def parts(self) -> list[tuple[str, str]]:
        """(what, in words) for each input, as the pane lists them."""
        return [
            ("How recent", self.recency_text()),
            ("How often", self.frequency_text()),
            ("Both ways", self.directions_text()),
            ("Help came back", self.came_back_text()),
            ("Shared companies", self.shared_text()),
        ]

    def recency_text(self) -> str:
        if self.last_contact is None or self.days_since is None:
            return "Nothing logged with them yet"
        if self.days_since <= 0:
            ago = "today"
        elif self.days_since == 1:
            ago = "yesterday"
        else:
            ago = f"{self.days_since:,} days ago"
        return f"Last contact {ago} ({self.last_contact.isoformat()})"

    def frequency_text(self) -> str:
        if self.recent == 0:
            return "No actions in the last 12 months"
        actions = "1 action" if self.recent == 1 else f"{self.recent:,} actions"
        return f"{actions} in the last 12 months"

    def directions_text(self) -> str:
        text = f"Given {self.given:,} · received {self.received:,}"
        if self.given and self.received:
            return text + " (both ways)"
        if self.given or self.received:
            return text + " (one way only)"
        return text

    def came_back_text(self) -> str:
        if self.first_given is None:
            return "I have not helped them yet"
        if self.came_back_days is None:
            return f"Not yet since I first helped, on {self.first_given.isoformat()}"
        days = "1 day" if self.came_back_days == 1 else f"{self.came_back_days:,} days"
        return f"{days} after I first helped"

    def shared_text(self) -> str:
        if not self.shared:
            return "None of their companies is a target or has an opportunity of mine"
        named = []
        for company in self.shared:
            flags = (("target", company.target), ("opportunity", company.opportunity))
            why = listed([word for word, on in flags if on])
            named.append(f"{company.name} ({why})")
        return listed(named)


class _Counts(NamedTuple):
    last_contact: date | None
    given: int | None
    received: int | None
    first_given: date | None
    came_back_on: date | None
    recent: int
    since: date | None


def tie_strength(person_id: int, today: date) -> TieStrength:
    """The strength of the tie with the person as of *today*."""
    year_ago = (today - timedelta(days=365)).isoformat()
    found = query.row(
        "SELECT nullif(max(coalesce(s.last_given, ''), coalesce(s.last_received, '')), '')"
        " AS last_contact, s.given, s.received, s.first_given, s.came_back_on,"
        " (SELECT count(*) FROM action a WHERE a.counterpart_id = p.id"
        "  AND a.occurred_on > ? AND a.occurred_on <= ?) AS recent,"
        " coalesce(p.met_on, substr(p.created_at, 1, 10)) AS since"
        " FROM person p LEFT JOIN action_person s ON s.person_id = p.id WHERE p.id = ?",
        (year_ago, today.isoformat(), person_id),
        into=_Counts,
    )
    if found is None:
        raise LookupError(f"There is no person with id {person_id}.")
    shared = tuple(_shared_companies(person_id))
    last = found.last_contact
    days_since = (today - last).days if last else None
    came_back = (
        (found.came_back_on - found.first_given).days
        if found.came_back_on and found.first_given
        else None
    )
    given, received = found.given or 0, found.received or 0
    points = 0
    if days_since is not None:
        points += 2 if days_since <= RECENT_DAYS else 1 if days_since <= 365 else 0
    points += 2 if found.recent >= OFTEN else 1 if found.recent >= SOMETIMES else 0
    points += 1 if given and received else 0
    points += 1 if came_back is not None and came_back <= CAME_BACK_SOON_DAYS else 0
    points += 1 if shared else 0
    cutoff = reconnect.years_before(today, reconnect.DORMANT_YEARS)
    since = last or found.since
    if since is not None and since <= cutoff:
        level = "Dormant"
    elif points >= STRONG_POINTS:
        level = "Strong"
    elif points >= MODERATE_POINTS:
        level = "Moderate"
    else:
        level = "Weak"
    return TieStrength(
        level=level,
        points=points,
        last_contact=last,
        days_since=days_since,
        recent=found.recent,
        given=given,
        received=received,
        came_back_days=came_back,
        first_given=found.first_given,
        shared=shared,
    )


def _shared_companies(person_id: int) -> list[SharedCompany]:
    """Companies they work or worked at (their positions, and their company now) that
    I target or have an opportunity at, by name."""
    return query.rows(
        "SELECT c.name, c.is_target AS target,"
        " EXISTS (SELECT 1 FROM opportunity o WHERE o.company_id = c.id) AS opportunity"
        " FROM company c WHERE c.id IN"
        " (SELECT company_id FROM position WHERE person_id = ?"
        "  UNION SELECT company_id FROM person WHERE id = ?)"
        " AND (c.is_target OR EXISTS (SELECT 1 FROM opportunity o WHERE o.company_id = c.id))"
        " ORDER BY c.sort_key, c.id",
        (person_id, person_id),
        into=SharedCompany,
    )
