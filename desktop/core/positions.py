"""Where people work and worked: each person's positions, the open one shown as their
company and title.

`person.company_id` and `person.title` are the open position (`current` = 1): the list,
search and every older query read them. Every write here keeps the two the same, in the
same transaction. A move (a re-import showing another employer, or a form saved with
"they moved") ends the open position and opens another, so the old company stays in the
history; a correction changes the open position in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from desktop.core import companies, undo
from desktop.core.clock import now_text
from desktop.core.validation import Problems, ValidationError, clean, fold, name_problem
from desktop.core.when import first_day, last_day, span_words
from desktop.store import query, search_index
from desktop.store.connection import db
from desktop.store.models import POSITION_SOURCES, Person, Position

#: How the pane says where a position was learned.
SOURCE_WORDS = {
    "typed": "typed",
    "linkedin": "LinkedIn import",
    "vcard": "vCard import",
    "google": "Google Contacts import",
    "outlook": "Outlook import",
    "merge": "merge",
    "earlier": "known before history was kept",
}
assert tuple(SOURCE_WORDS) == POSITION_SOURCES


@dataclass
class PositionData:
    """What the position form edits. `company` is a name: a new one creates the company."""

    company: str = ""
    title: str = ""
    started: str | None = None  # '2025', '2025-03' or '2025-03-14' (when.parse_when)
    ended: str | None = None
    current: bool = False
    source: str = "typed"

    def cleaned(self) -> PositionData:
        return PositionData(
            company=" ".join(self.company.split()),
            title=clean(self.title),
            started=self.started or None,
            ended=None if self.current else (self.ended or None),
            current=bool(self.current),
            source=self.source,
        )


class PositionRow(NamedTuple):
    """One line of a person's history, newest first."""

    id: int
    person_id: int
    company_id: int
    company: str
    title: str
    started: str | None
    ended: str | None
    current: bool
    source: str

    def span(self) -> str:
        return span_words(self.started, self.ended, self.current)

    def words(self) -> str:
        """'Analytics Lead at Globex Corporation, since Mar 2025'."""
        where = f"{self.title} at {self.company}" if self.title else self.company
        span = self.span()
        return f"{where}, {span}" if span and span != "now" else where


def validate_position(data: PositionData) -> Problems:
    data = data.cleaned()
    problems = Problems()
    if message := name_problem(data.company, "A position's company"):
        problems.errors["company"] = message
    if data.source not in POSITION_SOURCES:
        problems.errors["source"] = f"Unknown source: {data.source}."
    if data.started and data.ended and first_day(data.started) > last_day(data.ended):
        problems.errors["ended"] = "A position cannot end before it started."
    if data.started and first_day(data.started) > date.today():
        problems.errors["started"] = "A position cannot start in the future."
    return problems


def _checked(data: PositionData) -> PositionData:
    problems = validate_position(data)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


_ROW_SQL = (
    "SELECT ps.id, ps.person_id, ps.company_id, c.name AS company, ps.title, ps.started,"
    " ps.ended, ps.current, ps.source FROM position ps JOIN company c ON c.id = ps.company_id"
)
# Newest first: the open one, then by when each ended (unknown last), then started.
_NEWEST_FIRST = (
    " ORDER BY ps.current DESC, ps.ended IS NULL, ps.ended DESC,"
    " ps.started IS NULL, ps.started DESC, ps.id DESC"
)


def positions_of(person_id: int) -> list[PositionRow]:
    """The person's positions, the open one first, then the latest to end."""
    return query.rows(
        f"{_ROW_SQL} WHERE ps.person_id = ?{_NEWEST_FIRST}", (person_id,), into=PositionRow
    )


def get_position(position_id: int) -> PositionRow:
    found = query.row(f"{_ROW_SQL} WHERE ps.id = ?", (position_id,), into=PositionRow)
    if found is None:
        raise LookupError(f"There is no position with id {position_id}.")
    return found


def open_position(person_id: int) -> PositionRow | None:
    return query.row(
        f"{_ROW_SQL} WHERE ps.person_id = ? AND ps.current = 1", (person_id,), into=PositionRow
    )


def _company_id(name: str) -> int:
    found = companies.find_company(name)
    if found is not None:
        return found
    return companies.insert_company(companies.CompanyData(name=name))


def _mirror(person_id: int) -> None:
    """Show the open position (or none) as the person's company and title."""
    found = open_position(person_id)
    company_id, title = (found.company_id, found.title) if found else (None, "")
    Person.update(company=company_id, title=title, updated_at=now_text()).where(
        Person.id == person_id
    ).execute()
    search_index.refresh_people([person_id])


def _close_open(person_id: int, ended: str | None) -> None:
    """End the person's open position, if any, on *ended* (or unknown)."""
    query.execute(
        "UPDATE position SET current = 0,"
        " ended = CASE WHEN ? IS NOT NULL AND (started IS NULL OR started <= ?)"
        " THEN ? ELSE ended END WHERE person_id = ? AND current = 1",
        (ended, ended, ended, person_id),
    )


def _insert(person_id: int, data: PositionData, company_id: int) -> int:
    return query.insert(
        Position,
        {
            "person_id": person_id,
            "company_id": company_id,
            "title": data.title,
            "started": data.started,
            "ended": data.ended,
            "current": int(data.current),
            "source": data.source,
            "created_at": now_text(),
        },
    )


def _person_name(person_id: int) -> str:
    name = query.value(Person.select(Person.name).where(Person.id == person_id))
    if name is None:
        raise LookupError(f"There is no person with id {person_id}.")
    return str(name)


def add_position(person_id: int, data: PositionData) -> int:
    """Add a position to the person's history. A current one ends the open position
    (when the new one started, if known) and becomes their company and title."""
    with db.atomic():
        name = _person_name(person_id)
        undo.name(f"Add position at {{}} for {name}", data.company)
        data = _checked(data)
        if data.current:
            _close_open(person_id, data.started)
        position_id = _insert(person_id, data, _company_id(data.company))
        if data.current:
            _mirror(person_id)
        return position_id


def update_position(position_id: int, data: PositionData) -> None:
    """Save an edited position; making it current ends the one open before."""
    with db.atomic():
        undo.name("Edit position at {}", data.company)
        data = _checked(data)
        before = get_position(position_id)
        if data.current and not before.current:
            _close_open(before.person_id, data.started)
        query.execute(
            "UPDATE position SET company_id = ?, title = ?, started = ?, ended = ?,"
            " current = ?, source = CASE WHEN ? THEN 'typed' ELSE source END WHERE id = ?",
            (
                _company_id(data.company),
                data.title,
                data.started,
                data.ended,
                int(data.current),
                _edited(before, data),
                position_id,
            ),
        )
        if data.current or before.current:
            _mirror(before.person_id)


def _edited(before: PositionRow, data: PositionData) -> bool:
    """Whether the user changed what the source said (then the position is theirs)."""
    return (fold(before.company), before.title) != (fold(data.company), data.title)


def end_position(position_id: int, ended: str | None) -> None:
    """'Left Contoso in 2025-03': the position is over; if it was the open one, the
    person has no company now."""
    with db.atomic():
        before = get_position(position_id)
        undo.name("End position at {}", before.company)
        if ended and before.started and first_day(before.started) > last_day(ended):
            problems = Problems(errors={"ended": "A position cannot end before it started."})
            raise ValidationError(problems)
        query.execute(
            "UPDATE position SET current = 0, ended = ? WHERE id = ?", (ended, position_id)
        )
        if before.current:
            _mirror(before.person_id)


def delete_position(position_id: int) -> None:
    with db.atomic():
        before = get_position(position_id)
        undo.name("Delete position at {}", before.company)
        Position.delete().where(Position.id == position_id).execute()
        if before.current:
            _mirror(before.person_id)


def follow_person(
    person_id: int,
    company_id: int | None,
    title: str,
    *,
    moved: bool,
    source: str = "typed",
    on: str | None = None,
) -> None:
    """After the person's company or title was saved as *company_id*/*title*: keep the
    history in step. *moved*: they changed jobs, so the open position ends (on *on*, if
    known) and a new one opens (from *on*); else the open position is corrected in place.
    The caller holds the transaction and has written the person's columns."""
    found = open_position(person_id)
    if found is not None and (found.company_id, found.title) == (company_id, title):
        return
    if company_id is None:  # no company now: they left (or it was a mistake)
        if found is not None:
            if moved:
                _close_open(person_id, on)
            else:
                Position.delete().where(Position.id == found.id).execute()
        return
    if found is not None and not moved:
        query.execute(
            "UPDATE position SET company_id = ?, title = ? WHERE id = ?",
            (company_id, title, found.id),
        )
        return
    _close_open(person_id, on)
    data = PositionData(title=title, started=on, current=True, source=source)
    _insert(person_id, data, company_id)


def take_over(other_id: int, keep_id: int) -> None:
    """Merging *other_id* into *keep_id*: the other's positions join the survivor's
    history, ended (the survivor's open position stays theirs), except those the
    survivor has already. The caller holds the transaction."""
    query.execute(
        "UPDATE position SET person_id = ?, current = 0, source = 'merge'"
        " WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM position k WHERE k.person_id = ?"
        " AND k.company_id = position.company_id AND k.title = position.title)",
        (keep_id, other_id, keep_id),
    )


class Move(NamedTuple):
    """Someone whose new position a re-import or a form showed, for the dashboard."""

    person_id: int
    person: str
    company: str  # where they are now
    title: str
    earlier: str  # where they were
    noticed_on: date


def moves_since(day: date, limit: int = 50) -> tuple[int, list[Move]]:
    """How many people were seen to change jobs on or after *day*, and the latest of them."""
    since = day.isoformat()
    moved = (
        " FROM position ps JOIN person p ON p.id = ps.person_id"
        " JOIN company c ON c.id = ps.company_id"
        " JOIN position e ON e.person_id = ps.person_id AND e.current = 0 AND e.id < ps.id"
        " JOIN company ec ON ec.id = e.company_id"
        " WHERE ps.current = 1 AND ps.source <> 'earlier' AND ps.created_at >= ?"
    )
    total = int(query.value(f"SELECT count(DISTINCT ps.id){moved}", (since,)))
    rows = query.rows(
        "SELECT ps.person_id, p.name AS person, c.name AS company, ps.title,"
        " (SELECT ec2.name FROM position e2 JOIN company ec2 ON ec2.id = e2.company_id"
        "  WHERE e2.person_id = ps.person_id AND e2.current = 0 ORDER BY e2.id DESC LIMIT 1)"
        " AS earlier, substr(ps.created_at, 1, 10) AS noticed_on"
        f"{moved} GROUP BY ps.id ORDER BY ps.created_at DESC, ps.id DESC LIMIT ?",
        (since, limit),
        into=_MoveRow,
    )
    return total, [
        Move(
            person_id=row.person_id,
            person=row.person,
            company=row.company,
            title=row.title,
            earlier=row.earlier,
            noticed_on=date.fromisoformat(row.noticed_on),
        )
        for row in rows
    ]


class _MoveRow(NamedTuple):
    person_id: int
    person: str
    company: str
    title: str
    earlier: str
    noticed_on: str
