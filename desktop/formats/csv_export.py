"""People, companies, needs, opportunities and actions as CSV tables a spreadsheet opens.

Columns are what the program shows (company and person names, labels), one row per
record. What a record holds several of is one cell, its items joined by "; " (or ", "
for skills and roles), so each row reads whole: an opportunity's people with their part
("Ada Lovelace (hiring manager, interviewer); Bob Ode (referrer)") and its status history, oldest
first ("Interested 2025-06-01; Applied 2025-06-04").

A cell that starts with =, +, -, @, a tab or a carriage return gets a leading
apostrophe: spreadsheets would otherwise run it as a formula ("CSV injection"), and
an apostrophe is what they themselves use to mark text. So a phone '+1 555' reads
"'+1 555" in the file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

from desktop import private_files
from desktop.core.actions import DIRECTION_LABELS, KIND_LABELS
from desktop.core.needs import FOR_WHOM_LABELS, STATUS_LABELS, URGENCY_LABELS
from desktop.core.opportunities import PART_LABELS
from desktop.core.opportunities import STATUS_LABELS as OPPORTUNITY_STATUS_LABELS
from desktop.core.people import NAME_PARTS, ROLE_LABELS
from desktop.store import query
from desktop.store.models import ROLES, Company

TABLES = ("people", "companies", "needs", "opportunities", "actions")
Cell = str | int | None
Row = list[Cell]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Skill names in alphabetical order (SQLite 3.40 keeps the subquery's order in group_concat).
_SKILLS = (
    "(SELECT group_concat(name, ', ') FROM (SELECT s.name FROM {link} l"
    " JOIN skill s ON s.id = l.skill_id WHERE {where} ORDER BY s.name_key))"
)


def neutralise(cell: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


#: The name parts' headers, in the order a name is read.
_NAME_PART_HEADERS = {
    "name_prefix": "Prefix",
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "name_suffix": "Suffix",
}
assert set(_NAME_PART_HEADERS) == set(NAME_PARTS)


class _PersonRow(NamedTuple):
    name: str
    name_prefix: str
    given_name: str
    middle_name: str
    family_name: str
    name_suffix: str
    company: str
    title: str
    email: str
    phone: str
    linkedin_url: str
    location: str
    how_met: str
    met_on: str | None
    roles: str | None
    offers: str | None
    seeks: str | None
    cadence_days: int | None
    notes: str


def _people() -> Iterator[Row]:
    yield [
        "Name", *_NAME_PART_HEADERS.values(), "Company", "Title", "Email", "Phone", "LinkedIn",
        "Location", "How met", "Met on", "Roles", "Offers", "Seeks",
        "Keep in touch every (days)", "Notes",
    ]  # fmt: skip
    offers = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'offers'")
    seeks = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'seeks'")
    parts = ", ".join(f"p.{part} AS {part}" for part in _NAME_PART_HEADERS)
    rows = query.each(
        f"SELECT p.name AS name, {parts}, coalesce(c.name, '') AS company, p.title AS title,"
        " p.email AS email, p.phone AS phone, p.linkedin_url AS linkedin_url,"
        " p.location AS location, p.how_met AS how_met, p.met_on AS met_on,"
        " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id) AS roles,"
        f" {offers} AS offers, {seeks} AS seeks, p.cadence_days AS cadence_days,"
        " p.notes AS notes"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id ORDER BY p.sort_key, p.id",
        into=_PersonRow,
    )
    for row in rows:
        held = set((row.roles or "").split(","))
        yield [
            row.name, *(getattr(row, part) for part in _NAME_PART_HEADERS), row.company,
            row.title, row.email, row.phone, row.linkedin_url, row.location, row.how_met,
            row.met_on, ", ".join(ROLE_LABELS[r] for r in ROLES if r in held), row.offers,
            row.seeks, row.cadence_days, row.notes,
        ]  # fmt: skip


def _companies() -> Iterator[Row]:
    yield ["Name", "Website", "Industry", "Location", "Target", "Notes"]
    rows = (
        Company.select(
            Company.name, Company.website, Company.industry, Company.location,
            Company.is_target, Company.notes,
        )
        .order_by(Company.sort_key, Company._meta.primary_key)
        .namedtuples()
    )  # fmt: skip
    for c in rows:
        yield [c.name, c.website, c.industry, c.location, "Yes" if c.is_target else "No", c.notes]


class _NeedRow(NamedTuple):
    company: str
    title: str
    problem: str
    for_whom: str
    skills: str | None
    source: str
    learned_on: str | None
    status: str
    urgency: int
    fit_override: str | None
    notes: str


def _needs() -> Iterator[Row]:
    yield [
        "Company", "Title", "Problem", "For whom", "Skills", "Learned from", "Learned on",
        "Status", "Urgency", "Fit (set by hand)", "Notes",
    ]  # fmt: skip
    skills = _SKILLS.format(link="need_skill", where="l.need_id = n.id")
    rows = query.each(
        f"SELECT c.name AS company, n.title AS title, n.problem AS problem,"
        f" n.for_whom AS for_whom, {skills} AS skills, coalesce(p.name, '') AS source,"
        " n.learned_on AS learned_on, n.status AS status, n.urgency AS urgency,"
        " n.fit_override AS fit_override, n.notes AS notes"
        " FROM need n JOIN company c ON c.id = n.company_id"
        " LEFT JOIN person p ON p.id = n.source_person_id ORDER BY c.sort_key, c.id, n.id",
        into=_NeedRow,
    )
    for row in rows:
        yield [
            row.company, row.title, row.problem, FOR_WHOM_LABELS.get(row.for_whom, ""),
            row.skills, row.source, row.learned_on, STATUS_LABELS[row.status],
            URGENCY_LABELS[row.urgency], (row.fit_override or "").capitalize(), row.notes,
        ]  # fmt: skip


# An opportunity's people in the order its page lists them (by part, then by name), and
# its statuses oldest first, as JSON arrays: names may hold any separator.
_PART_ORDER = " ".join(f"WHEN '{part}' THEN {n}" for n, part in enumerate(PART_LABELS))
_OPPORTUNITY_PEOPLE = (
    "(SELECT json_group_array(json_array(id, name, part)) FROM (SELECT p.id, p.name, op.part"
    " FROM opportunity_person op JOIN person p ON p.id = op.person_id"
    f" WHERE op.opportunity_id = o.id ORDER BY CASE op.part {_PART_ORDER} END, p.sort_key, p.id))"
)
_OPPORTUNITY_HISTORY = (
    "(SELECT json_group_array(json_array(status, changed_on)) FROM (SELECT status, changed_on"
    " FROM opportunity_history WHERE opportunity_id = o.id ORDER BY changed_on, id))"
)


class _OpportunityRow(NamedTuple):
    company: str
    title: str
    need: str
    status: str
    status_on: str | None
    applied_on: str | None
    url: str
    people: str  # JSON: [[person id, name, part], ...]
    history: str  # JSON: [[status, changed on], ...]
    notes: str


def _opportunities() -> Iterator[Row]:
    yield [
        "Company", "Title", "Need", "Status", "Status since", "Applied on", "Posting",
        "People", "Status history", "Notes",
    ]  # fmt: skip
    rows = query.each(
        "SELECT c.name AS company, o.title AS title, coalesce(n.title, '') AS need,"
        " o.status AS status, o.status_changed_on AS status_on, o.applied_on AS applied_on,"
        f" o.url AS url, {_OPPORTUNITY_PEOPLE} AS people, {_OPPORTUNITY_HISTORY} AS history,"
        " o.notes AS notes"
        " FROM opportunity o JOIN company c ON c.id = o.company_id"
        " LEFT JOIN need n ON n.id = o.need_id"  # as the opportunities page lists them:
        " ORDER BY o.status_changed_on IS NULL, o.status_changed_on DESC, o.id DESC",
        into=_OpportunityRow,
    )
    for row in rows:
        parts: dict[tuple[int, str], list[str]] = {}  # one person with two parts: one entry
        for person_id, name, part in json.loads(row.people):
            parts.setdefault((person_id, name), []).append(PART_LABELS[part].lower())
        people = "; ".join(f"{name} ({', '.join(held)})" for (_, name), held in parts.items())
        history = "; ".join(
            f"{OPPORTUNITY_STATUS_LABELS[status]} {on}" for status, on in json.loads(row.history)
        )
        yield [
            row.company, row.title, row.need, OPPORTUNITY_STATUS_LABELS[row.status],
            row.status_on, row.applied_on, row.url, people, history, row.notes,
        ]  # fmt: skip


class _ActionRow(NamedTuple):
    occurred_on: str
    direction: str
    kind: str
    person: str
    helped: str
    company: str
    need: str
    opportunity: str
    summary: str
    notes: str
    weight: int
    follow_up_on: str | None
    follow_up_done_at: str | None


def _actions() -> Iterator[Row]:
    yield [
        "Date", "Direction", "Kind", "Person", "Helped", "Company", "Need", "Opportunity",
        "Summary", "Notes", "Weight", "Follow up on", "Follow-up done",
    ]  # fmt: skip
    rows = query.each(
        "SELECT a.occurred_on AS occurred_on, a.direction AS direction, a.kind AS kind,"
        " p.name AS person, coalesce(b.name, '') AS helped, coalesce(c.name, '') AS company,"
        " coalesce(n.title, '') AS need, coalesce(o.title, '') AS opportunity,"
        " a.summary AS summary, a.notes AS notes, a.weight AS weight,"
        " a.follow_up_on AS follow_up_on, a.follow_up_done_at AS follow_up_done_at"
        " FROM action a JOIN person p ON p.id = a.counterpart_id"
        " LEFT JOIN person b ON b.id = a.beneficiary_id"
        " LEFT JOIN company c ON c.id = a.company_id"
        " LEFT JOIN need n ON n.id = a.need_id"
        " LEFT JOIN opportunity o ON o.id = a.opportunity_id"
        " ORDER BY a.occurred_on, a.id",
        into=_ActionRow,
    )
    for a in rows:
        yield [
            a.occurred_on, DIRECTION_LABELS[a.direction], KIND_LABELS[a.kind], a.person,
            a.helped, a.company, a.need, a.opportunity, a.summary, a.notes, a.weight,
            a.follow_up_on, a.follow_up_done_at,
        ]  # fmt: skip


_ROWS = {
    "people": _people,
    "companies": _companies,
    "needs": _needs,
    "opportunities": _opportunities,
    "actions": _actions,
}
assert tuple(_ROWS) == TABLES


def _write(out: IO[str], rows: Iterable[Row]) -> None:
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else str(cell)) for cell in row])


def _rows(table: str) -> Iterator[Row]:
    if table not in _ROWS:
        raise ValueError(f"Unknown table {table!r}: choose one of {', '.join(TABLES)}.")
    return _ROWS[table]()


def export(table: str) -> str:
    """All records of *table* (one of `TABLES`) as CSV text."""
    out = io.StringIO(newline="")
    _write(out, _rows(table))
    return out.getvalue()


def export_all(folder: Path) -> list[Path]:
    """Write one file per table into *folder*: people.csv, companies.csv, needs.csv,
    opportunities.csv and actions.csv.

    The files are UTF-8 with a byte-order mark, without which Excel reads accents wrong,
    and private (0600), in a folder made private (0700) if it is made for them.
    Rows stream from the database to the file, so a long timeline is never held whole.
    """
    folder = private_files.make_folder(folder)
    written = [folder / f"{table}.csv" for table in TABLES]
    # All are complete before any is put in place, so a full disk halfway leaves the
    # files of an earlier export as they were, not a mix of old and new.
    with contextlib.ExitStack() as files:
        for table, path in zip(TABLES, written, strict=True):
            out = files.enter_context(
                private_files.replacing(path, "w", encoding="utf-8-sig", newline="")
            )
            _write(out, _rows(table))
    return written
