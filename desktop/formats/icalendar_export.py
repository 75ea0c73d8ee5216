"""Open follow-ups and keep-in-touch dates as an iCalendar (.ics) file for any calendar.

Each item is an all-day VEVENT (DTSTART;VALUE=DATE): calendars show those on the day,
while VTODOs are hidden or ignored by many of them (Google Calendar, Outlook on the web).
Items already due are placed on *today*, so the calendar shows them where the user looks;
the description keeps the date they were due. UIDs are stable, so importing a newer
export updates the events rather than adding copies; each holds the row's id and the
second it was created, so the same id in two networks (yours and the sample, say) still
gives two events.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

import icalendar

from desktop.core.actions import DIRECTION_LABELS, KIND_LABELS
from desktop.core.followups import next_contact
from desktop.store import query

PRODID = "-//Reciprocity//EN"
CALENDAR_NAME = "Reciprocity follow-ups"
#: A bound on the file: at most this many follow-ups (the soonest) and as many people with
#: a keep-in-touch cadence, far beyond what one job search keeps.
MAX_EVENTS = 10_000

DAY = timedelta(days=1)


def export(today: date) -> bytes:
    """The calendar of open follow-ups and keep-in-touch dates, as .ics bytes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for event in (*_follow_ups(today), *_keep_in_touch(today)):
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


#: Every UID is '<kind>-<row id>-<the second the row was made>@reciprocity'.
UID_DOMAIN = "reciprocity"


def uid(kind: str, row_id: int, created_at: str) -> str:
    """'followup-27-20250131091502@reciprocity': stable as the row is edited.

    Only the second counts, so a created_at written with a fraction or a 'T' (by a
    hand-edited or older archive) still gives the one form every other UID has.
    """
    second = "".join(c for c in created_at if c.isdigit())[:14]
    return f"{kind}-{row_id}-{second}@{UID_DOMAIN}"


def _event(uid: str, summary: str, due: date, today: date, lines: list[str]) -> icalendar.Event:
    """An all-day event on *due* (or on *today* if *due* has passed), free rather than busy."""
    if due < today:
        lines = [*lines, f"Due since {due.isoformat()}."]
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", max(due, today))
    event.add("dtend", max(due, today) + DAY)  # exclusive: a one-day event
    event.add("transp", "TRANSPARENT")
    event.add("description", "\n".join(lines))
    return event


class _FollowUp(NamedTuple):
    id: int
    created_at: str
    follow_up_on: date
    summary: str
    kind: str
    direction: str
    occurred_on: str
    person: str
    company: str  # the action's, else the person's, else ''


def _follow_ups(today: date) -> list[icalendar.Event]:
    # The WHERE matches the partial index action_follow_up.
    rows = query.rows(
        "SELECT a.id AS id, a.created_at AS created_at, a.follow_up_on AS follow_up_on,"
        " a.summary AS summary, a.kind AS kind, a.direction AS direction,"
        " a.occurred_on AS occurred_on, p.name AS person,"
        " coalesce(c.name, pc.name, '') AS company"
        " FROM action a JOIN person p ON p.id = a.counterpart_id"
        " LEFT JOIN company c ON c.id = a.company_id"
        " LEFT JOIN company pc ON pc.id = p.company_id"
        " WHERE a.follow_up_on IS NOT NULL AND a.follow_up_done_at IS NULL"
        " ORDER BY a.follow_up_on, a.id LIMIT ?",
        (MAX_EVENTS,),
        into=_FollowUp,
    )
    events = []
    for row in rows:
        done = f"{KIND_LABELS[row.kind]} ({DIRECTION_LABELS[row.direction].lower()})"
        lines = [f"{done} on {row.occurred_on}."]
        if row.company:
            lines.append(f"Company: {row.company}.")
        events.append(
            _event(
                uid("followup", row.id, row.created_at),
                f"Follow up: {row.summary} ({row.person})",
                row.follow_up_on,
                today,
                lines,
            )
        )
    return events


class _Cadence(NamedTuple):
    id: int
    created_at: str
    name: str
    cadence_days: int
    company: str
    last_contact: str | None


def _keep_in_touch(today: date) -> list[icalendar.Event]:
    rows = query.rows(
        "SELECT p.id AS id, p.created_at AS created_at, p.name AS name,"
        " p.cadence_days AS cadence_days, coalesce(c.name, '') AS company,"
        " (SELECT max(a.occurred_on) FROM action a WHERE a.counterpart_id = p.id)"
        " AS last_contact"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        " WHERE p.cadence_days IS NOT NULL ORDER BY p.sort_key, p.id LIMIT ?",
        (MAX_EVENTS,),
        into=_Cadence,
    )
    events = []
    for row in rows:
        due = next_contact(row.id)  # the rule lives in core: one definition of "next"
        if due is None:
            continue
        cadence, last = row.cadence_days, row.last_contact
        lines = [f"Every {cadence} days." if cadence != 1 else "Every day."]
        lines.append(f"Last contact: {last}." if last else "No contact logged yet.")
        if row.company:
            lines.append(f"Company: {row.company}.")
        events.append(
            _event(
                uid("keep-in-touch", row.id, row.created_at),
                f"Keep in touch with {row.name}",
                due,
                today,
                lines,
            )
        )
    return sorted(events, key=lambda e: e.decoded("dtstart"))
