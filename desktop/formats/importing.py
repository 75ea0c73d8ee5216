"""Bringing parsed people into the network: a plan first (new, merged, skipped, with
reasons and rows), then one transaction that writes it all or nothing.

A person in the file is the same as one in the network (or earlier in the file) when their
LinkedIn address or email matches, ignoring case, unless the other of the two is set on
both sides and differs; or when their name and company (or name and phone number) match
and no LinkedIn address or email contradicts it. A LinkedIn address or an email that
differs means a different person, whatever the name: such a row is new, and the preview
calls it a possible duplicate of the one with its name. A match is merged: empty fields
are filled, nothing is overwritten.

A person known by their LinkedIn address or email whose row names another company has
moved: their open position ends and a new one opens, dated by the month the file was
exported when that is known, so the old company stays in their history. A new title at
the same company is a new position too. Companies are compared as warm paths compare them
(`company_names`): 'Contoso' and 'Contoso, Ltd.' are one company, not a move.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from desktop.core import companies, positions, skills, undo
from desktop.core.clock import now_text
from desktop.core.company_names import Canon
from desktop.core.merging import KEPT_IN_NOTES, linkedin_key, noted, same_detail
from desktop.core.people import MAX_CADENCE_DAYS
from desktop.core.validation import (
    MAX_NAME,
    email_problem,
    fold,
    linkedin_problem,
    name_key,
    web_address,
)
from desktop.core.when import MONTH_NAMES
from desktop.formats.records import NAME_PARTS, ImportedPerson, Parsed, Skipped
from desktop.store import query, search_index, undo_log
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import POSITION_SOURCES, ROLES, SKILL_KINDS
from desktop.store.textkeys import has_visible_text

#: The person fields an import fills, in the order of the person table.
FIELDS = (
    "title", "email", "phone", "linkedin_url", "location", "how_met", "met_on", "notes",
    "cadence_days",
)  # fmt: skip
#: How the preview names each field a merge fills.
FIELD_WORDS = {
    "company": "company", "title": "title", "email": "email", "phone": "phone",
    "linkedin_url": "LinkedIn address", "location": "location", "how_met": "how you met",
    "met_on": "when you met", "notes": "notes", "cadence_days": "keep in touch",
}  # fmt: skip
#: Words for what a merge adds beside the fields: the name's parts, roles and skills.
ADDED_WORDS = {"name_parts": "name parts", "roles": "roles", "seeks": "skills sought",
               "offers": "skills offered"}  # fmt: skip
PROGRESS_EVERY = 500
CONTROLS_REMOVED = "control characters removed"


@dataclass(frozen=True)
class Moved:
    """A known person's new job (or new title at the same company), as the row shows it."""

    earlier: str  # the company they were at, as the network has it
    company: str  # where they are now, as the file has it
    title: str  # their title now ('' if the file gives none)
    earlier_title: str
    new_title_only: bool  # the same company under a new title

    def words(self) -> str:
        """'Moved from Contoso, Ltd. to Globex Corporation (Analytics Lead)'."""
        if self.new_title_only:
            was = f" (was {self.earlier_title})" if self.earlier_title else ""
            return f"New title at {self.earlier}: {self.title}{was}"
        title = f" ({self.title})" if self.title else ""
        return f"Moved from {self.earlier} to {self.company}{title}"


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
    moved: Moved | None = None

    def words(self) -> str:
        """'Merged with Ada Lovelace: fills title, phone; keeps other contact details in
        the notes'; 'Moved from Contoso to Globex (Analyst); fills phone'."""
        parts = []
        if self.fills:
            parts.append(
                "fills "
                + ", ".join(FIELD_WORDS.get(name) or ADDED_WORDS[name] for name in self.fills)
            )
        if self.also:
            parts.append("keeps other contact details in the notes")
        if self.person_id < 0:  # the same person as an earlier row of this file
            return "Joined with an earlier row" + (": " + "; ".join(parts) if parts else "")
        if self.moved is not None:
            return "; ".join([self.moved.words(), *parts])
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
    #: Sentences about the whole file for the preview (the file's own, then the plan's).
    notices: list[str] = field(default_factory=list)
    #: row -> 'Riley Silva (Company 381)': a new person with the name of someone else.
    doubts: dict[int, str] = field(default_factory=dict)
    #: Rows whose text had control characters (a NUL byte, say), removed.
    cleaned: set[int] = field(default_factory=set)
    #: Which importer read the file ('linkedin', 'vcard'...): where positions were learned.
    origin: str = ""
    #: When the file was exported, if known: the month moves are dated by.
    as_of: date | None = None

    @property
    def moves(self) -> int:
        """Known people the file shows in another job or with another title."""
        return sum(1 for m in self.merges if m.moved is not None)

    @property
    def possible_duplicates(self) -> int:
        return len(self.doubts)

    @property
    def merged(self) -> int:
        """Rows of people in the network that add something to them."""
        return sum(1 for m in self.merges if m.person_id > 0 and (m.fills or m.also or m.moved))

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
            *((p.row, self._new_words(p.row), p.name, p.company) for p in self.new),
            *((m.row, self._cleaned_words(m.row, m.words()), m.name, m.company)
              for m in self.merges),
        ]  # fmt: skip
        return sorted(entries, key=lambda entry: entry[0])

    def _new_words(self, row: int) -> str:
        """'New — possible duplicate of Riley Silva (Company 381)'."""
        words = f"New — possible duplicate of {self.doubts[row]}" if row in self.doubts else "New"
        return self._cleaned_words(row, words)

    def _cleaned_words(self, row: int, words: str) -> str:
        if row not in self.cleaned:
            return words
        return f"{words}; {CONTROLS_REMOVED}" if "—" in words else f"{words} — {CONTROLS_REMOVED}"

    def summary(self) -> str:
        """'12 new, 3 merged, 2 skipped', and a line per skipped row with why."""
        repeats = f", {self.repeats:,} repeated in the file" if self.repeats else ""
        doubts = self.possible_duplicates
        doubts_words = f" ({doubts:,} possible duplicate{'s' * (doubts != 1)})" if doubts else ""
        moves = f" ({self.moves:,} in a new job or title)" if self.moves else ""
        lines = [
            f"{len(self.new):,} new{doubts_words}, {self.merged:,} merged{moves},"
            f" {self.known:,} already known{repeats}, {len(self.skipped):,} skipped"
        ]
        lines += [f"  {self.unit} {s.row}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)


# Control characters (Unicode's Cc: C0, DEL and C1) that mean nothing in a name or a note.
# A one-line field keeps what str.split() takes for spaces (tab, line breaks, form feed),
# since it makes them one space; the notes keep tabs and line breaks.
_CONTROL_IN_LINE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f]")
_CONTROL_IN_NOTES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _one_line(value: str) -> str:
    return " ".join(value.split()) if value else value  # most fields of a row are empty


def _one_clean_line(value: str) -> str:
    return " ".join(_CONTROL_IN_LINE.sub("", value).split())


def _tidy(person: ImportedPerson) -> tuple[ImportedPerson | Skipped, bool]:
    """Whitespace tidied, control characters removed, unusable values moved to the notes;
    a row without a name skipped. Also whether control characters were removed."""
    own_notes = person.notes
    if "\r" in own_notes:
        own_notes = own_notes.replace("\r\n", "\n").replace("\r", "\n")
    lines = (
        person.name, person.company, person.title, person.email, person.phone,
        person.linkedin_url, person.location, person.how_met, person.given_name,
        person.middle_name, person.family_name, person.name_prefix, person.name_suffix,
        *person.extra_emails, *person.seeks, *person.offers,
    )  # fmt: skip
    # One search over the whole row: almost every row has nothing to remove.
    removed = bool(_CONTROL_IN_NOTES.search(own_notes) or _CONTROL_IN_LINE.search("\t".join(lines)))
    line = _one_clean_line if removed else _one_line
    if removed:
        own_notes = _CONTROL_IN_NOTES.sub("", own_notes)
    name = line(person.name)
    if not has_visible_text(name):
        return Skipped(person.row, "No name."), removed
    if len(name) > MAX_NAME:
        return Skipped(person.row, f"The name is longer than {MAX_NAME} characters."), removed
    own_notes = own_notes.strip()
    notes = [own_notes] if own_notes else []
    email = line(person.email)
    linkedin = web_address(line(person.linkedin_url))  # exports often leave the scheme off
    if email and email_problem(email):
        notes.append(f"Email as imported: {email}")
        email = ""
    if linkedin and linkedin_problem(linkedin):
        notes.append(f"LinkedIn as imported: {linkedin}")
        linkedin = ""
    notes += [f"Also: {line(extra)}" for extra in person.extra_emails if line(extra)]
    tidied = ImportedPerson(  # every field: a third faster than dataclasses.replace
        row=person.row,
        name=name,
        company=line(person.company)[:MAX_NAME],
        title=line(person.title),
        email=email,
        phone=line(person.phone),
        linkedin_url=linkedin,
        location=line(person.location),
        how_met=line(person.how_met),
        met_on=person.met_on,
        notes="\n".join(notes),
        extra_emails=[],
        given_name=line(person.given_name),
        middle_name=line(person.middle_name),
        family_name=line(person.family_name),
        name_prefix=line(person.name_prefix),
        name_suffix=line(person.name_suffix),
        roles=tuple(r for r in ROLES if r in set(person.roles)) if person.roles else (),
        seeks=skills.tidy(line(s) for s in person.seeks),
        offers=skills.tidy(line(s) for s in person.offers),
        cadence_days=person.cadence_days
        if person.cadence_days and 0 < person.cadence_days <= MAX_CADENCE_DAYS
        else None,
    )
    return tidied, removed


class _KnownRow(NamedTuple):
    id: int
    name: str
    email: str
    linkedin_url: str
    company: str
    company_key: str
    phone: str


@dataclass
class _Who:
    """What tells a known person apart: their strong identifiers and weaker keys."""

    name: str
    company: str  # as shown, for the preview
    company_key: str
    email: str  # lower-cased
    linkedin: str  # linkedin_key
    phone: str  # phone_key


class _Known:
    """Who is already known, in the network and earlier in this import, by the keys that
    join a row to them: the LinkedIn address, the email, the name (with the company or
    the phone number as evidence; a number alone may be a switchboard's)."""

    def __init__(self) -> None:
        self.email: dict[str, int] = {}
        self.linkedin: dict[str, int] = {}
        self.named: dict[str, list[int]] = {}  # fold(name) -> people of that name
        self.who: dict[int, _Who] = {}
        for row in query.each(
            "SELECT p.id AS id, p.name AS name, p.email AS email,"
            " p.linkedin_url AS linkedin_url, coalesce(c.name, '') AS company,"
            " coalesce(c.name_key, '') AS company_key, p.phone AS phone"
            " FROM person p LEFT JOIN company c ON c.id = p.company_id",
            into=_KnownRow,
        ):
            self.add(
                row.id, row.name, row.email, row.linkedin_url, row.company, row.company_key,
                row.phone,
            )  # fmt: skip

    def add(
        self,
        person_id: int,
        name: str,
        email: str,
        linkedin: str,
        company: str,
        company_key: str,
        phone: str,
    ) -> None:
        who = _Who(
            name, company, company_key, email.lower(),
            linkedin_key(linkedin) if linkedin else "", phone_key(phone),
        )  # fmt: skip
        self.who[person_id] = who
        if who.email:
            self.email.setdefault(who.email, person_id)
        if who.linkedin:
            self.linkedin.setdefault(who.linkedin, person_id)
        self.named.setdefault(fold(name), []).append(person_id)

    def learn(self, person_id: int, fills: dict[str, object], company_key: str) -> None:
        """A merge filled empty details of *person_id*: they identify them from now on."""
        who = self.who[person_id]
        if email := str(fills.get("email") or ""):
            who.email = email.lower()
            self.email.setdefault(who.email, person_id)
        if linkedin := str(fills.get("linkedin_url") or ""):
            who.linkedin = linkedin_key(linkedin)
            self.linkedin.setdefault(who.linkedin, person_id)
        if phone := str(fills.get("phone") or ""):
            who.phone = phone_key(phone)
        if "company" in fills:
            who.company, who.company_key = str(fills["company"]), company_key

    def find(self, person: ImportedPerson) -> tuple[int | None, int | None]:
        """(the person this row is, or None; else someone of the same name it might be)."""
        email = person.email.lower()
        linkedin = linkedin_key(person.linkedin_url) if person.linkedin_url else ""
        # A LinkedIn address names one person; an email joins unless their LinkedIn
        # addresses say they are two.
        if linkedin and (found := self.linkedin.get(linkedin)) is not None:
            return found, None
        found = self.email.get(email) if email else None
        if found is not None and not (linkedin and self.who[found].linkedin):
            return found, None
        company, number = name_key(person.company), phone_key(person.phone)
        doubt = None
        for candidate in self.named.get(fold(person.name), ()):
            who = self.who[candidate]
            strong_differs = (email and who.email and email != who.email) or (
                linkedin and who.linkedin and linkedin != who.linkedin
            )
            if not strong_differs:
                if number and number == who.phone:
                    return candidate, None  # name and phone number
                phones_differ = number and who.phone and number != who.phone
                if company == who.company_key and (company or not phones_differ):
                    return candidate, None  # name and company (or name alone, no company)
            doubt = candidate if doubt is None else doubt
        return None, doubt

    def words(self, person_id: int) -> str:
        """'Riley Silva (Company 381)', for the preview."""
        who = self.who[person_id]
        return f"{who.name} ({who.company})" if who.company else who.name


def phone_key(phone: str) -> str:
    """The last seven digits of a phone number, the same whatever the punctuation, the
    country code or the trunk 0 ('+49 89 636 00' and '089 636-00'); with the name they
    tell people apart. '' when there are too few digits to be a number."""
    digits = "".join(c for c in phone if c.isdigit())
    return digits[-7:] if len(digits) >= 7 else ""


_CURRENT = ("name", "company", *FIELDS, *NAME_PARTS)
# Each column under the name of its field, so that the row maps onto them by name; with
# the roles and skills as JSON arrays when they are asked for, all in one statement.
_CURRENT_SELECT = "SELECT p.name AS name, coalesce(c.name, '') AS company, " + ", ".join(
    f"p.{name} AS {name}" for name in _CURRENT[2:]
)
_LINKS_SELECT = (
    ", (SELECT json_group_array(role) FROM person_role WHERE person_id = p.id) AS roles"
) + "".join(
    f", (SELECT json_group_array(s.name) FROM person_skill ps JOIN skill s ON s.id = ps.skill_id"
    f" WHERE ps.person_id = p.id AND ps.kind = '{kind}') AS {kind}"
    for kind in SKILL_KINDS
)
_CURRENT_FROM = " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id = ?"


@dataclass
class _Have:
    """What the person a row matched holds already."""

    fields: dict[str, Any]  # by the names in _CURRENT
    roles: tuple[str, ...] = ()
    seeks: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)


def _current(person_id: int, new: list[ImportedPerson], links: bool) -> _Have:
    """The fields of the person *person_id* (a new one of this import if negative), with
    their name and name parts; and their roles and skills if *links* (few files have any,
    and a re-import of a large file would otherwise read them for everyone)."""
    if person_id < 0:
        earlier = new[-person_id - 1]
        fields = {name: getattr(earlier, name) for name in _CURRENT}
        return _Have(fields, earlier.roles, earlier.seeks, earlier.offers)
    sql = _CURRENT_SELECT + (_LINKS_SELECT if links else "") + _CURRENT_FROM
    found = query.mapping(sql, (person_id,))
    assert found is not None, f"person {person_id} went away while the import was planned"
    if not links:
        return _Have(found)
    roles, seeks, offers = (json.loads(found.pop(k)) for k in ("roles", "seeks", "offers"))
    return _Have(found, tuple(roles), seeks, offers)


def _fills(person: ImportedPerson, have: _Have) -> dict[str, object]:
    """What the row adds to the person it matched: empty fields, the name's parts when
    they have none (and the names agree), roles and skills they lack."""
    fills: dict[str, object] = {
        name: getattr(person, name)
        for name in ("company", *FIELDS)
        if getattr(person, name) and not have.fields[name]
    }
    parts = {part: getattr(person, part) for part in NAME_PARTS}
    if (
        any(parts.values())
        and not any(have.fields[part] for part in NAME_PARTS)
        and fold(person.name) == fold(str(have.fields["name"]))
    ):
        fills["name_parts"] = parts
    if roles := tuple(r for r in person.roles if r not in set(have.roles)):
        fills["roles"] = roles
    for kind, theirs in (("seeks", have.seeks), ("offers", have.offers)):
        if not getattr(person, kind):
            continue
        keys = {name_key(s) for s in theirs}
        if added := [s for s in getattr(person, kind) if name_key(s) not in keys]:
            fills[kind] = added
    return fills


def _name_parts(fills: Mapping[str, object]) -> dict[str, str]:
    """The name parts a merge fills, if any."""
    parts = fills.get("name_parts", {})
    assert isinstance(parts, dict)
    return parts


def _names(fills: Mapping[str, object], kind: str) -> tuple[str, ...]:
    """The roles, or the skills sought or offered, a merge adds (*kind*)."""
    names = fills.get(kind, ())
    assert isinstance(names, (list, tuple))
    return tuple(names)


def _moved(person: ImportedPerson, have: _Have, canon: Canon) -> Moved | None:
    """The new job or title the row shows for the person it matched, if any."""
    earlier = str(have.fields["company"] or "")
    if not person.company or not earlier:
        return None  # a row without a company says nothing; one with it fills the gap
    earlier_title = str(have.fields["title"] or "")
    if not canon.same(person.company, earlier):
        return Moved(earlier, person.company, person.title, earlier_title, False)
    if person.title and earlier_title and fold(person.title) != fold(earlier_title):
        return Moved(earlier, earlier, person.title, earlier_title, True)
    return None


def _strongly_known(person: ImportedPerson, who: _Who) -> bool:
    """Whether the row is the person by their LinkedIn address or email (not by name)."""
    linkedin = linkedin_key(person.linkedin_url) if person.linkedin_url else ""
    return bool(
        (linkedin and linkedin == who.linkedin)
        or (person.email and person.email.lower() == who.email)
    )


def plan(parsed: Parsed, *, origin: str = "", as_of: date | None = None) -> Plan:
    """What importing *parsed* would do; reads the network, writes nothing. *origin* is
    the importer's key, *as_of* the day the file was exported, if known."""
    result = Plan(
        skipped=list(parsed.skipped),
        unit=parsed.unit,
        notices=list(parsed.notices),
        origin=origin,
        as_of=as_of,
    )
    known = _Known()
    canon = Canon()
    moved: set[int] = set()  # people this file already moves: once each
    for raw in parsed.people:
        person, removed = _tidy(raw)
        if removed:
            result.cleaned.add(raw.row)
        if isinstance(person, Skipped):
            result.skipped.append(person)
            continue
        match, doubt = known.find(person)
        if match is None:
            result.new.append(person)
            if doubt is not None:
                result.doubts[person.row] = known.words(doubt)
            known.add(
                -len(result.new), person.name, person.email, person.linkedin_url,
                person.company, name_key(person.company), person.phone,
            )  # fmt: skip
            continue
        strong = match > 0 and _strongly_known(person, known.who[match])
        have = _current(match, result.new, bool(person.roles or person.seeks or person.offers))
        fills = _fills(person, have)
        move = _moved(person, have, canon) if strong and match not in moved else None
        if move is not None:
            moved.add(match)
            fills.pop("title", None)  # the new position has it
        notes = str(have.fields["notes"] or "")
        also = [
            f"Also: {getattr(person, name)}"
            for name in KEPT_IN_NOTES
            if getattr(person, name)
            and have.fields[name]
            and not same_detail(name, getattr(person, name), have.fields[name])
            and not noted(notes, name, getattr(person, name))
        ]
        known.learn(match, {**fills, "company": person.company} if move else fills,
                    name_key(person.company))  # fmt: skip
        if match < 0 and (fills or also):  # the same person twice in this file: one person
            earlier = result.new[-match - 1]
            joined: dict[str, Any] = {k: v for k, v in fills.items() if k in ("company", *FIELDS)}
            joined["notes"] = "\n".join(
                str(t) for t in (fills.get("notes") or earlier.notes, *also) if t
            )
            joined.update(_name_parts(fills))
            joined["roles"] = (*earlier.roles, *_names(fills, "roles"))
            for kind in ("seeks", "offers"):
                joined[kind] = [*getattr(earlier, kind), *_names(fills, kind)]
            result.new[-match - 1] = replace(earlier, **joined)
            also = []
        known_as = result.new[-match - 1].name if match < 0 else str(have.fields["name"])
        known_as = "" if known_as == person.name else known_as
        result.merges.append(
            Merge(match, person.name, person.row, fills, also, known_as, person.company, move)
        )
    result.skipped.sort(key=lambda s: s.row)
    if result.moves:
        result.notices.append(_moves_words(result))
    if result.cleaned:
        rows = len(result.cleaned)
        result.notices.append(
            f"Control characters (such as a NUL byte) were removed from {rows:,}"
            f" {result.unit}{'s' * (rows != 1)}; the preview marks {'them' if rows != 1 else 'it'}."
        )
    return result


def _moves_words(plan: Plan) -> str:
    """'2 people you know are in a new job and 1 has a new title; their earlier positions
    stay in their history, ended March 2026, the month of this file.'"""
    titles = sum(1 for m in plan.merges if m.moved is not None and m.moved.new_title_only)
    jobs = plan.moves - titles
    said = []
    if jobs:
        said.append(f"{_people(jobs)} you know {'is' if jobs == 1 else 'are'} in a new job")
    if titles:
        who = f"{titles:,}" if jobs else f"{_people(titles)} you know"
        said.append(f"{who} {'has' if titles == 1 else 'have'} a new title")
    when = (
        f", ended {MONTH_NAMES[plan.as_of.month - 1]} {plan.as_of.year}, the month of this file"
        if plan.as_of
        else ""
    )
    return f"{' and '.join(said)}; their earlier positions stay in their history{when}."


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


@dataclass
class Applied:
    new_ids: list[int]
    merged_ids: list[int]
    companies_added: int


def apply(
    plan: Plan, progress: Callable[[int, int], None] | None = None, *, source: str = ""
) -> Applied:
    """Write *plan* in one transaction. *progress*(done, total) is called now and then and
    may raise `Cancelled` (or anything) to stop: then nothing at all is written. *source*
    (the file's name) names the undo step: "Import ‘connections.csv’"."""
    total = len(plan.new) + len(plan.merges)
    done = 0

    def advance(step: int) -> None:
        nonlocal done
        done += step
        if progress is not None:
            progress(done, total)

    with db.atomic():
        if source:
            undo.name("Import", source)
        else:
            undo.name(f"Import {total:,} {'person' if total == 1 else 'people'}")
        companies, added = _company_ids(
            {p.company for p in plan.new if p.company}
            | {str(m.fills["company"]) for m in plan.merges if "company" in m.fills}
            | {m.moved.company for m in plan.merges if m.moved and not m.moved.new_title_only}
        )
        stamp = now_text()
        columns = (
            "name", "sort_key", "company_id", *FIELDS, *NAME_PARTS, "created_at", "updated_at",
        )  # fmt: skip
        first_new = int(query.value("SELECT coalesce(max(id), 0) FROM person"))
        # By hand, not Person.insert_many: SQLite's executemany writes 30,000 people in a
        # twentieth of the time peewee's multi-row INSERTs take.
        insert = (
            f"INSERT INTO person ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        # Logged for undo as one statement afterwards, rather than by a trigger a row.
        with undo_log.unlogged(db, "person"):
            for start in range(0, len(plan.new), PROGRESS_EVERY):
                chunk = plan.new[start : start + PROGRESS_EVERY]
                query.execute_many(
                    insert,
                    [
                        (
                            person.name,
                            fold(person.name),
                            companies.get(name_key(person.company)) if person.company else None,
                            *map(_value, fields_of(person)),
                            *parts_of(person),
                            stamp,
                            stamp,
                        )
                        for person in chunk
                    ],
                )
                advance(len(chunk))
        undo_log.log_inserts("person", first_new, db)
        # In one transaction the new rows take the ids after the highest, in order.
        new_ids = query.column("SELECT id FROM person WHERE id > ? ORDER BY id", (first_new,))
        _add_roles_and_skills(
            [(pid, p.roles, p.seeks, p.offers) for pid, p in zip(new_ids, plan.new, strict=True)]
        )
        merged: list[int] = []
        links: list[tuple[int, Sequence[str], Sequence[str], Sequence[str]]] = []
        for merge in plan.merges:
            if merge.person_id < 0:
                continue  # the same person twice in the file: folded into the new one
            fills = {name: value for name, value in merge.fills.items() if name in FIELDS}
            fills.update(_name_parts(merge.fills))
            if "company" in merge.fills:
                fills["company_id"] = companies[name_key(str(merge.fills["company"]))]
            if fills:  # empty fields first, so that notes the file brings are not lost
                assignments = ", ".join(
                    f"{name} = CASE WHEN {name} IS NULL OR {name} = '' THEN ? ELSE {name} END"
                    for name in fills
                )
                query.execute(
                    f"UPDATE person SET {assignments}, updated_at = ? WHERE id = ?",
                    (*(_value(v) for v in fills.values()), stamp, merge.person_id),
                )
            if merge.also:
                query.execute(
                    "UPDATE person SET notes = CASE WHEN notes = '' THEN ?"
                    " ELSE notes || char(10) || ? END WHERE id = ?",
                    ("\n".join(merge.also),) * 2 + (merge.person_id,),
                )
            roles, seeks, offers = (_names(merge.fills, k) for k in ("roles", "seeks", "offers"))
            if roles or seeks or offers:
                links.append((merge.person_id, roles, seeks, offers))
            if merge.fills or merge.also or merge.moved:
                merged.append(merge.person_id)
        _add_roles_and_skills(links)  # all of them at once, as for the new people
        _open_positions(plan, first_new, companies)
        advance(len(plan.merges))
        search_index.index_new_people(first_new)  # all of them in one statement
        for _marks, ids in id_chunks(merged):
            search_index.refresh_people(ids)
    return Applied(new_ids, merged, added)


def _open_positions(plan: Plan, first_new: int, companies: dict[str, int]) -> None:
    """The positions the import shows: the new people's, those of people whose empty
    company it filled, and the new jobs and titles of people who moved."""
    source = plan.origin if plan.origin in POSITION_SOURCES else "typed"
    stamp = now_text()
    first_position = int(query.value("SELECT coalesce(max(id), 0) FROM position"))
    with undo_log.unlogged(db, "position"):  # logged as one statement, as for the people
        query.execute(
            "INSERT INTO position (person_id, company_id, title, current, source, created_at)"
            " SELECT id, company_id, title, 1, ?, ? FROM person"
            " WHERE id > ? AND company_id IS NOT NULL ORDER BY id",
            (source, stamp, first_new),
        )
    undo_log.log_inserts("position", first_position, db)
    on = f"{plan.as_of:%Y-%m}" if plan.as_of else None
    for merge in plan.merges:
        if merge.person_id < 0 or (merge.moved is None and "company" not in merge.fills):
            continue
        found = query.row(
            "SELECT company_id, title FROM person WHERE id = ?", (merge.person_id,), into=_Employer
        )
        assert found is not None, f"person {merge.person_id} went away during the import"
        moved = merge.moved
        if moved is None:  # a company filled where there was none
            positions.follow_person(
                merge.person_id, found.company_id, found.title, moved=False, source=source
            )
            continue
        company_id = (
            found.company_id if moved.new_title_only else companies[name_key(moved.company)]
        )
        query.execute(
            "UPDATE person SET company_id = ?, title = ?, updated_at = ? WHERE id = ?",
            (company_id, moved.title, stamp, merge.person_id),
        )
        positions.follow_person(
            merge.person_id, company_id, moved.title, moved=True, source=source, on=on
        )


class _Employer(NamedTuple):
    company_id: int | None
    title: str


def _add_roles_and_skills(
    people: list[tuple[int, Sequence[str], Sequence[str], Sequence[str]]],
) -> None:
    """Give each person the roles and skills named, beside those they have."""
    # By hand, not PersonRole.insert_many: executemany takes a third of the time.
    roles = [(pid, role) for pid, held, _s, _o in people for role in held]
    if roles:
        query.execute_many(
            "INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?, ?)", roles
        )
    names = {s for _pid, _r, seeks, offers in people for s in (*seeks, *offers)}
    if not names:
        return
    ids = dict(zip(sorted(names), skills.ensure_skills(sorted(names)), strict=True))
    query.execute_many(
        "INSERT OR IGNORE INTO person_skill (person_id, skill_id, kind) VALUES (?, ?, ?)",
        [
            (pid, ids[name], kind)
            for pid, _r, seeks, offers in people
            for kind, named in (("seeks", seeks), ("offers", offers))
            for name in named
        ],
    )


fields_of = attrgetter(*FIELDS)
parts_of = attrgetter(*NAME_PARTS)


def _value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


class _CompanyKey(NamedTuple):
    name_key: str
    id: int


def _company_ids(names: set[str]) -> tuple[dict[str, int], int]:
    """name_key -> id for *names*, adding the companies that are new; and how many were."""
    found = {
        company.name_key: company.id
        for company in query.rows("SELECT name_key, id FROM company", into=_CompanyKey)
    }
    added = 0
    for name in sorted(names, key=fold):
        key = name_key(name)
        if key and key not in found:
            found[key] = companies.insert_company(companies.CompanyData(name=name))
            added += 1
    return found, added
