"""People, companies, needs and actions as CSV tables a spreadsheet opens.

Columns are what the program shows (company and person names, labels), one row per
record. A cell that starts with =, +, -, @, a tab or a carriage return gets a leading
apostrophe: spreadsheets would otherwise run it as a formula ("CSV injection"), and
an apostrophe is what they themselves use to mark text. So a phone '+1 555' reads
"'+1 555" in the file.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop import private_files
from desktop.core.actions import DIRECTION_LABELS, KIND_LABELS
from desktop.core.needs import FOR_WHOM_LABELS, STATUS_LABELS, URGENCY_LABELS
from desktop.core.people import ROLE_LABELS
from desktop.store.connection import db
from desktop.store.models import ROLES

TABLES = ("people", "companies", "needs", "actions")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Skill names in alphabetical order (SQLite 3.40 keeps the subquery's order in group_concat).
_SKILLS = (
    "(SELECT group_concat(name, ', ') FROM (SELECT s.name FROM {link} l"
    " JOIN skill s ON s.id = l.skill_id WHERE {where} ORDER BY s.name_key))"
)


def neutralise(cell: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _people() -> Iterator[list]:
    yield [
        "Name", "Company", "Title", "Email", "Phone", "LinkedIn", "Location", "How met",
        "Met on", "Roles", "Offers", "Seeks", "Keep in touch every (days)", "Notes",
    ]  # fmt: skip
    offers = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'offers'")
    seeks = _SKILLS.format(link="person_skill", where="l.person_id = p.id AND l.kind = 'seeks'")
    rows = db.execute_sql(
        "SELECT p.name, coalesce(c.name, ''), p.title, p.email, p.phone, p.linkedin_url,"
        " p.location, p.how_met, p.met_on,"
        " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id),"
        f" {offers}, {seeks}, p.cadence_days, p.notes"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id ORDER BY p.sort_key, p.id"
    )
    for row in rows:
        held = set((row[9] or "").split(","))
        roles = ", ".join(ROLE_LABELS[r] for r in ROLES if r in held)
        yield [*row[:9], roles, *row[10:]]


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


_ROWS = {"people": _people, "companies": _companies, "needs": _needs, "actions": _actions}
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
    """All records of *table* ('people', 'companies', 'needs' or 'actions') as CSV text."""
    out = io.StringIO(newline="")
    _write(out, _rows(table))
    return out.getvalue()


def export_all(folder: Path) -> list[Path]:
    """Write people.csv, companies.csv, needs.csv and actions.csv into *folder*.

    The files are UTF-8 with a byte-order mark, without which Excel reads accents wrong,
    and private (0600), in a folder made private (0700) if it is made for them.
    Rows stream from the database to the file, so a long timeline is never held whole.
    """
    folder = private_files.make_folder(folder)
    written = [folder / f"{table}.csv" for table in TABLES]
    # All four are complete before any is put in place, so a full disk halfway leaves the
    # files of an earlier export as they were, not a mix of old and new.
    with contextlib.ExitStack() as files:
        for table, path in zip(TABLES, written, strict=True):
            out = files.enter_context(
                private_files.replacing(path, "w", encoding="utf-8-sig", newline="")
            )
            _write(out, _rows(table))
    return written
