"""Bringing parsed people into the network: a plan first (new, merged, skipped, with
reasons and rows), then one transaction that writes it all or nothing.

A person in the file is the same as one in the network (or earlier in the file) when their
LinkedIn address or email matches, ignoring case, or when their name and company do,
ignoring case and accents. The match is then merged: empty fields are filled, nothing is
overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter

from desktop.core import companies
from desktop.core.clock import now_text
from desktop.core.merging import KEPT_IN_NOTES
from desktop.core.validation import MAX_NAME, email_problem, fold, linkedin_problem, name_key
from desktop.formats.records import ImportedPerson, Parsed, Skipped
from desktop.store import search_index
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.textkeys import has_visible_text

#: The person fields an import fills, in the order of the person table.
FIELDS = (
    "title", "email", "phone", "linkedin_url", "location", "how_met", "met_on", "notes",
)  # fmt: skip
#: How the preview names each field a merge fills.
FIELD_WORDS = {
    "company": "company", "title": "title", "email": "email", "phone": "phone",
    "linkedin_url": "LinkedIn address", "location": "location", "how_met": "how you met",
    "met_on": "when you met", "notes": "notes",
}  # fmt: skip
PROGRESS_EVERY = 500


class Cancelled(Exception):
    """Raised from a progress callback to stop an import; nothing is written."""


@dataclass
class Merge:
    """An imported row that is someone already known: the empty fields it fills, and lines
    added to the notes for values that differ from theirs (another email, say)."""

    person_id: int  # negative: the -n-th new person of this same import
    name: str  # as the file has it
    row: int
    fills: dict[str, object]
    also: list[str] = field(default_factory=list)
    known_as: str = ""  # the name of the person it matched, when that differs
    company: str = ""  # as the file has it

    def words(self) -> str:
        """'Merged with Ada Lovelace: fills title, phone; keeps other contact details in
        the notes'."""
        parts = []
        if self.fills:
            parts.append("fills " + ", ".join(FIELD_WORDS[name] for name in self.fills))
        if self.also:
            parts.append("keeps other contact details in the notes")
        if self.person_id < 0:  # the same person as an earlier row of this file
            return "Joined with an earlier row" + (": " + "; ".join(parts) if parts else "")
        if parts:
            with_whom = f" with {self.known_as}" if self.known_as else ""
            return f"Merged{with_whom}: " + "; ".join(parts)
        as_whom = f" as {self.known_as}" if self.known_as else ""
        return f"Already known{as_whom}: nothing new"


@dataclass
class Plan:
    new: list[ImportedPerson] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unit: str = "row"  # 'row', or 'card' in a vCard file

    @property
    def merged(self) -> int:
        """Rows of people in the network that add something to them."""
        return sum(1 for m in self.merges if m.person_id > 0 and (m.fills or m.also))

    @property
    def repeats(self) -> int:
        """Rows of someone an earlier row of the file brings, joined into that one."""
        return sum(1 for m in self.merges if m.person_id < 0)

    @property
    def known(self) -> int:
        """Rows of people in the network that add nothing to them."""
        return len(self.merges) - self.merged - self.repeats

    def entries(self) -> list[tuple[int, str, str, str]]:
        """(row, what happens, name, company) for every row, in file order."""
        entries = [
            *((s.row, f"Skipped — {s.reason}", "", "") for s in self.skipped),
            *((p.row, "New", p.name, p.company) for p in self.new),
            *((m.row, m.words(), m.name, m.company) for m in self.merges),
        ]
        return sorted(entries, key=lambda entry: entry[0])

    def summary(self) -> str:
        """'12 new, 3 merged, 2 skipped', and a line per skipped row with why."""
        repeats = f", {self.repeats:,} repeated in the file" if self.repeats else ""
        lines = [
            f"{len(self.new):,} new, {self.merged:,} merged, {self.known:,} already known"
            f"{repeats}, {len(self.skipped):,} skipped"
        ]
        lines += [f"  {self.unit} {s.row}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)


def linkedin_key(url: str) -> str:
    """The part of a LinkedIn address that names the person: 'linkedin.com/in/ada'."""
    key = url.strip().lower().split("?")[0].split("#")[0].rstrip("/")
    for prefix in ("https://", "http://"):
        key = key.removeprefix(prefix)
    return key.removeprefix("www.")


def _tidy(person: ImportedPerson) -> ImportedPerson | Skipped:
    """Whitespace tidied, unusable values moved to the notes; a row without a name skipped."""
    name = " ".join(person.name.split())
    if not has_visible_text(name):
        return Skipped(person.row, "No name.")
    if len(name) > MAX_NAME:
        return Skipped(person.row, f"The name is longer than {MAX_NAME} characters.")
    notes = [person.notes.strip()] if person.notes.strip() else []
    email, linkedin = person.email.strip(), person.linkedin_url.strip()
    if linkedin and "://" not in linkedin:  # exports often leave the scheme off
        linkedin = f"https://{linkedin}"
    if email and email_problem(email):
        notes.append(f"Email as imported: {email}")
        email = ""
    if linkedin and linkedin_problem(linkedin):
        notes.append(f"LinkedIn as imported: {linkedin}")
        linkedin = ""
    notes += [f"Also: {extra}" for extra in person.extra_emails if extra.strip()]
    return ImportedPerson(  # every field: a third faster than dataclasses.replace
        row=person.row,
        name=name,
        company=" ".join(person.company.split())[:MAX_NAME],
        title=" ".join(person.title.split()),
        email=email,
        phone=" ".join(person.phone.split()),
        linkedin_url=linkedin,
        location=" ".join(person.location.split()),
        how_met=" ".join(person.how_met.split()),
        met_on=person.met_on,
        notes="\n".join(notes),
        extra_emails=[],
    )


class _Known:
    """Who is already known, by their keys, for the network and this import so far: the
    LinkedIn address, the email, the name at a company, and the name with a phone number
    (address books often have no company; a number alone may be a switchboard's)."""

    def __init__(self) -> None:
        self.email: dict[str, int] = {}
        self.linkedin: dict[str, int] = {}
        self.named: dict[tuple[str, str], int] = {}
        self.phoned: dict[tuple[str, str], int] = {}
        rows = db.execute_sql(
            "SELECT p.id, p.name, p.email, p.linkedin_url, coalesce(c.name_key, ''), p.phone"
            " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        )
        for person_id, name, email, linkedin, company, phone in rows.fetchall():
            self.add(person_id, name, email, linkedin, company, phone)

    def add(
        self, person_id: int, name: str, email: str, linkedin: str, company: str, phone: str
    ) -> None:
        if email:
            self.email.setdefault(email.lower(), person_id)
        if linkedin:
            self.linkedin.setdefault(linkedin_key(linkedin), person_id)
        self.named.setdefault((fold(name), company), person_id)
        if number := phone_key(phone):
            self.phoned.setdefault((fold(name), number), person_id)

    def find(self, person: ImportedPerson) -> int | None:
        number = phone_key(person.phone)
        for found in (
            self.linkedin.get(linkedin_key(person.linkedin_url)) if person.linkedin_url else None,
            self.email.get(person.email.lower()) if person.email else None,
            self.named.get((fold(person.name), name_key(person.company))),
            self.phoned.get((fold(person.name), number)) if number else None,
        ):
            if found is not None:
                return found
        return None


def phone_key(phone: str) -> str:
    """The last seven digits of a phone number, the same whatever the punctuation, the
    country code or the trunk 0 ('+49 89 636 00' and '089 636-00'); with the name they
    tell people apart. '' when there are too few digits to be a number."""
    digits = "".join(c for c in phone if c.isdigit())
    return digits[-7:] if len(digits) >= 7 else ""


def _same_detail(name: str, mine: object, theirs: object) -> bool:
    """Whether two values of a contact detail are the same (address case, a phone's
    punctuation and a LinkedIn address's spelling aside)."""
    if name == "linkedin_url":
        return linkedin_key(str(mine)) == linkedin_key(str(theirs))
    if name == "phone":
        return [c for c in str(mine) if c.isdigit()] == [c for c in str(theirs) if c.isdigit()]
    return str(mine).casefold() == str(theirs).casefold()


def _current(person_id: int, new: list[ImportedPerson]) -> dict[str, object]:
    """The fields of the person *person_id* (a new one of this import if negative), and
    their name."""
    columns = ("name", "company", *FIELDS)
    if person_id < 0:
        earlier = new[-person_id - 1]
        return {name: getattr(earlier, name) for name in columns}
    row = db.execute_sql(
        f"SELECT p.name, coalesce(c.name, ''), {', '.join(f'p.{f}' for f in FIELDS)}"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id = ?",
        (person_id,),
    )
    return dict(zip(columns, row.fetchone(), strict=True))


def plan(parsed: Parsed) -> Plan:
    """What importing *parsed* would do; reads the network, writes nothing."""
    result = Plan(skipped=list(parsed.skipped), unit=parsed.unit)
    known = _Known()
    for raw in parsed.people:
        person = _tidy(raw)
        if isinstance(person, Skipped):
            result.skipped.append(person)
            continue
        match = known.find(person)
        if match is None:
            result.new.append(person)
            known.add(
                -len(result.new), person.name, person.email, person.linkedin_url,
                name_key(person.company), person.phone,
            )  # fmt: skip
            continue
        have = _current(match, result.new)
        fills = {
            name: getattr(person, name)
            for name in ("company", *FIELDS)
            if getattr(person, name) and not have[name]
        }
        also = [
            f"Also: {getattr(person, name)}"
            for name in KEPT_IN_NOTES
            if getattr(person, name)
            and have[name]
            and not _same_detail(name, getattr(person, name), have[name])
            and f"Also: {getattr(person, name)}" not in str(have["notes"] or "")
        ]
        if match < 0 and (fills or also):  # the same person twice in this file: one person
            earlier = result.new[-match - 1]
            notes = "\n".join(t for t in (fills.get("notes") or earlier.notes, *also) if t)
            result.new[-match - 1] = replace(earlier, **{**fills, "notes": notes})
            also = []
        known_as = result.new[-match - 1].name if match < 0 else str(have["name"])
        known_as = "" if known_as == person.name else known_as
        result.merges.append(
            Merge(match, person.name, person.row, fills, also, known_as, person.company)
        )
    result.skipped.sort(key=lambda s: s.row)
    return result


@dataclass
class Applied:
    new_ids: list[int]
    merged_ids: list[int]
    companies_added: int


def apply(plan: Plan, progress: Callable[[int, int], None] | None = None) -> Applied:
    """Write *plan* in one transaction. *progress*(done, total) is called now and then and
    may raise `Cancelled` (or anything) to stop: then nothing at all is written."""
    total = len(plan.new) + len(plan.merges)
    done = 0

    def advance(step: int) -> None:
        nonlocal done
        done += step
        if progress is not None:
            progress(done, total)

    with db.atomic():
        companies, added = _company_ids(
            {p.company for p in plan.new if p.company}
            | {str(m.fills["company"]) for m in plan.merges if "company" in m.fills}
        )
        stamp = now_text()
        columns = ("name", "sort_key", "company_id", *FIELDS, "created_at", "updated_at")
        first_new = db.execute_sql("SELECT coalesce(max(id), 0) FROM person").fetchone()[0]
        insert = (
            f"INSERT INTO person ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        for start in range(0, len(plan.new), PROGRESS_EVERY):
            chunk = plan.new[start : start + PROGRESS_EVERY]
            db.cursor().executemany(
                insert,
                [
                    (
                        person.name,
                        fold(person.name),
                        companies.get(name_key(person.company)) if person.company else None,
                        *map(_value, fields_of(person)),
                        stamp,
                        stamp,
                    )
                    for person in chunk
                ],
            )
            advance(len(chunk))
        # In one transaction the new rows take the ids after the highest, in order.
        new_ids = [
            r[0]
            for r in db.execute_sql(
                "SELECT id FROM person WHERE id > ? ORDER BY id", (first_new,)
            ).fetchall()
        ]
        merged: list[int] = []
        for merge in plan.merges:
            if merge.person_id < 0:
                continue  # the same person twice in the file: folded into the new one
            fills = {name: value for name, value in merge.fills.items() if name != "company"}
            if "company" in merge.fills:
                fills["company_id"] = companies[name_key(str(merge.fills["company"]))]
            if fills:  # empty fields first, so that notes the file brings are not lost
                assignments = ", ".join(
                    f"{name} = CASE WHEN {name} IS NULL OR {name} = '' THEN ? ELSE {name} END"
                    for name in fills
                )
                db.execute_sql(
                    f"UPDATE person SET {assignments}, updated_at = ? WHERE id = ?",
                    (*(_value(v) for v in fills.values()), stamp, merge.person_id),
                )
                merged.append(merge.person_id)
            if merge.also:
                db.execute_sql(
                    "UPDATE person SET notes = CASE WHEN notes = '' THEN ?"
                    " ELSE notes || char(10) || ? END WHERE id = ?",
                    ("\n".join(merge.also),) * 2 + (merge.person_id,),
                )
                merged.append(merge.person_id)
        advance(len(plan.merges))
        search_index.index_new_people(first_new)  # all of them in one statement
        for _marks, chunk in id_chunks(merged):
            search_index.refresh_people(chunk)
    return Applied(new_ids, merged, added)


fields_of = attrgetter(*FIELDS)


def _value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _company_ids(names: set[str]) -> tuple[dict[str, int], int]:
    """name_key -> id for *names*, adding the companies that are new; and how many were."""
    found = dict(db.execute_sql("SELECT name_key, id FROM company").fetchall())
    added = 0
    for name in sorted(names, key=fold):
        key = name_key(name)
        if key and key not in found:
            found[key] = companies.insert_company(companies.CompanyData(name=name))
            added += 1
    return found, added
