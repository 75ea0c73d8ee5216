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
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop import private_files
from desktop.core.actions import DIRECTION_LABELS, KIND_LABELS
from desktop.core.needs import FOR_WHOM_LABELS, STATUS_LABELS, URGENCY_LABELS
from desktop.core.opportunities import PART_LABELS
from desktop.core.opportunities import STATUS_LABELS as OPPORTUNITY_STATUS_LABELS
from desktop.core.people import NAME_PARTS, ROLE_LABELS
from desktop.store.connection import db
from desktop.store.models import ROLES

TABLES = ("people", "companies", "needs", "opportunities", "actions")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Skill names in alphabetical order (SQLite 3.40 keeps the subquery's order in group_concat).
_SKILLS = (
    "(SELECT group_concat(name, ', ') FROM (SELECT s.name FROM {link} l"
    " JOIN skill s ON s.id = l.skill_id WHERE {where} ORDER BY s.name_key))"
)


def neutralise(cell: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _named(cursor: sqlite3.Cursor) -> Iterator[dict]:
    """The cursor's rows as dicts by column name, so a moved column cannot shift a cell."""
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


#: The name parts' headers, in the order a name is read.
_NAME_PART_HEADERS = {
    "name_prefix": "Prefix",
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "name_suffix": "Suffix",
}
assert set(_NAME_PART_HEADERS) == set(NAME_PARTS)


def _people() -> Iterator[list]:
    yield [
        "Name", *_NAME_PART_HEADERS.values(), "Company", "Title", "Email", "Phone", "LinkedIn",
        "Location", "How met", "Met on", "Roles", "Offers", "Seeks",
        "Keep in touch every (days)", "Notes",
    ]  # fmt: skip
    offers = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'offers'")
    seeks = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'seeks'")
    parts = ", ".join(f"p.{part} AS {part}" for part in _NAME_PART_HEADERS)
    rows = db.execute_sql(
        f"SELECT p.name AS name, {parts}, coalesce(c.name, '') AS company, p.title AS title,"
        " p.email AS email, p.phone AS phone, p.linkedin_url AS linkedin_url,"
        " p.location AS location, p.how_met AS how_met, p.met_on AS met_on,"
        " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id) AS roles,"
        f" {offers} AS offers, {seeks} AS seeks, p.cadence_days AS cadence_days,"
        " p.notes AS notes"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id ORDER BY p.sort_key, p.id"
    )
    for row in _named(rows):
        held = set((row["roles"] or "").split(","))
        yield [
            row["name"], *(row[part] for part in _NAME_PART_HEADERS), row["company"],
            row["title"], row["email"], row["phone"], row["linkedin_url"], row["location"],
            row["how_met"], row["met_on"], ", ".join(ROLE_LABELS[r] for r in ROLES if r in held),
            row["offers"], row["seeks"], row["cadence_days"], row["notes"],
        ]  # fmt: skip


def _companies() -> Iterator[list]:
    yield ["Name", "Website", "Industry", "Location", "Target", "Notes"]
    rows = db.execute_sql(
        "SELECT name, website, industry, location, is_target, notes FROM company"
        " ORDER BY sort_key, id"
    )
    for name, website, industry, location, is_target, notes in rows:
        yield [name, website, industry, location, "Yes" if is_target else "No", notes]


def _needs() -> Iterator[list]:
    yield [
        "Company", "Title", "Problem", "For whom", "Skills", "Learned from", "Learned on",
        "Status", "Urgency", "Fit (set by hand)", "Notes",
    ]  # fmt: skip
    skills = _SKILLS.format(link="need_skill", where="l.need_id = n.id")
    rows = db.execute_sql(
        f"SELECT c.name, n.title, n.problem, n.for_whom, {skills}, coalesce(p.name, ''),"
        " n.learned_on, n.status, n.urgency, n.fit_override, n.notes"
        " FROM need n JOIN company c ON c.id = n.company_id"
        " LEFT JOIN person p ON p.id = n.source_person_id ORDER BY c.sort_key, c.id, n.id"
    )
    for row in rows:
        for_whom, status, urgency, fit = row[3], row[7], row[8], row[9]
        yield [
            *row[:3], FOR_WHOM_LABELS.get(for_whom, ""), *row[4:7], STATUS_LABELS[status],
            URGENCY_LABELS[urgency], (fit or "").capitalize(), row[10],
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


def _opportunities() -> Iterator[list]:
    yield [
        "Company", "Title", "Need", "Status", "Status since", "Applied on", "Posting",
        "People", "Status history", "Notes",
    ]  # fmt: skip
    rows = db.execute_sql(
        "SELECT c.name AS company, o.title AS title, coalesce(n.title, '') AS need,"
        " o.status AS status, o.status_changed_on AS status_on, o.applied_on AS applied_on,"
        f" o.url AS url, {_OPPORTUNITY_PEOPLE} AS people, {_OPPORTUNITY_HISTORY} AS history,"
        " o.notes AS notes"
        " FROM opportunity o JOIN company c ON c.id = o.company_id"
        " LEFT JOIN need n ON n.id = o.need_id"  # as the opportunities page lists them:
        " ORDER BY o.status_changed_on IS NULL, o.status_changed_on DESC, o.id DESC"
    )
    for row in _named(rows):
        parts: dict[tuple[int, str], list[str]] = {}  # one person with two parts: one entry
        for person_id, name, part in json.loads(row["people"]):
            parts.setdefault((person_id, name), []).append(PART_LABELS[part].lower())
        people = "; ".join(f"{name} ({', '.join(held)})" for (_, name), held in parts.items())
        history = "; ".join(
            f"{OPPORTUNITY_STATUS_LABELS[status]} {on}" for status, on in json.loads(row["history"])
        )
        yield [
            row["company"], row["title"], row["need"], OPPORTUNITY_STATUS_LABELS[row["status"]],
            row["status_on"], row["applied_on"], row["url"], people, history, row["notes"],
        ]  # fmt: skip


def _actions() -> Iterator[list]:
    yield [
        "Date", "Direction", "Kind", "Person", "Helped", "Company", "Need", "Opportunity",
        "Summary", "Notes", "Weight", "Follow up on", "Follow-up done",
    ]  # fmt: skip
    rows = db.execute_sql(
        "SELECT a.occurred_on, a.direction, a.kind, p.name, coalesce(b.name, ''),"
        " coalesce(c.name, ''), coalesce(n.title, ''), coalesce(o.title, ''), a.summary,"
        " a.notes, a.weight, a.follow_up_on, a.follow_up_done_at"
        " FROM action a JOIN person p ON p.id = a.counterpart_id"
        " LEFT JOIN person b ON b.id = a.beneficiary_id"
        " LEFT JOIN company c ON c.id = a.company_id"
        " LEFT JOIN need n ON n.id = a.need_id"
        " LEFT JOIN opportunity o ON o.id = a.opportunity_id"
        " ORDER BY a.occurred_on, a.id"
    )
    for occurred_on, direction, kind, *rest in rows:
        yield [occurred_on, DIRECTION_LABELS[direction], KIND_LABELS[kind], *rest]


_ROWS = {
    "people": _people,
    "companies": _companies,
    "needs": _needs,
    "opportunities": _opportunities,
    "actions": _actions,
}
assert tuple(_ROWS) == TABLES


def _write(out, rows: Iterable[list]) -> None:
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else str(cell)) for cell in row])


def _rows(table: str) -> Iterator[list]:
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
