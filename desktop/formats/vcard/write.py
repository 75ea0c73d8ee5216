"""Writing people as vCard 4.0: every field, so that a file read back loses nothing.

What only Reciprocity knows (how and when we met, roles, skills, the keep-in-touch cadence)
goes in X-RECIPROCITY-… properties, which other programs keep and ignore.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.people import NAME_PARTS, ROLE_LABELS
from desktop.formats.vcard.properties import escape
from desktop.formats.vcard.read import (
    LINKEDIN_TYPE,
    X_CADENCE,
    X_HOW_MET,
    X_MET_ON,
    X_OFFERS,
    X_ROLES,
    X_SEEKS,
)
from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.models import ROLES

PRODID = "-//Reciprocity//EN"
LINE_OCTETS = 75  # RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets

_SKILLS = (
    "(SELECT json_group_array(s.name) FROM person_skill ps JOIN skill s ON s.id = ps.skill_id"
    " WHERE ps.person_id = p.id AND ps.kind = '{kind}')"
)
_SELECT = (
    "SELECT p.id AS id, p.name AS name, coalesce(c.name, '') AS company, p.title AS title,"
    " p.email AS email, p.phone AS phone, p.linkedin_url AS linkedin_url,"
    " p.location AS location, p.how_met AS how_met, p.met_on AS met_on, p.notes AS notes,"
    " p.cadence_days AS cadence_days, "
    + ", ".join(f"p.{part} AS {part}" for part in NAME_PARTS)
    + ", (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id) AS roles, "
    + f"{_SKILLS.format(kind='seeks')} AS seeks, {_SKILLS.format(kind='offers')} AS offers"
    " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN ({marks})"
)


@dataclass(frozen=True)
class _CardRow:
    """One person, with everything a card says."""

    id: int
    name: str
    company: str
    title: str
    email: str
    phone: str
    linkedin_url: str
    location: str
    how_met: str
    met_on: str | None
    notes: str
    cadence_days: int | None
    given_name: str
    middle_name: str
    family_name: str
    name_prefix: str
    name_suffix: str
    roles: str | None  # 'recruiter,mentor'
    seeks: str  # JSON arrays of skill names
    offers: str


#: N's components in the order of the card.
_N_ORDER = ("family_name", "given_name", "middle_name", "name_prefix", "name_suffix")


def export(people: list[int]) -> str:
    """The given people as vCard 4.0 text (CRLF line endings), in the order given.

    Ids of people who no longer exist are left out.
    """
    rows: dict[int, _CardRow] = {}
    for marks, chunk in id_chunks(people):
        for row in query.each(_SELECT.format(marks=marks), chunk, into=_CardRow):
            rows[row.id] = row
    return "".join(_card(rows[pid]) for pid in people if pid in rows)


def _card(row: _CardRow) -> str:
    if any(getattr(row, part) for part in NAME_PARTS):
        name = ";".join(escape(getattr(row, part) or "") for part in _N_ORDER)
    else:  # the parts are not known: the whole name as the given one, never a guess
        name = f";{escape(row.name)};;;"
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}", f"FN:{escape(row.name)}"]
    lines.append(f"N:{name}")
    for key, value in (("ORG", row.company), ("TITLE", row.title), ("EMAIL", row.email)):
        if value:
            lines.append(f"{key}:{escape(value)}")
    if row.phone:
        lines.append(f"TEL:{escape(row.phone)}")
    if row.linkedin_url:
        lines.append(f"URL;TYPE={LINKEDIN_TYPE}:{row.linkedin_url}")
    if row.location:
        lines.append(f"ADR:;;;{escape(row.location)};;;")
    if row.notes:
        lines.append(f"NOTE:{escape(row.notes)}")
    held = set((row.roles or "").split(","))
    roles = [role for role in ROLES if role in held]
    if roles:  # labels for other programs, keys for us
        lines.append("CATEGORIES:" + ",".join(escape(ROLE_LABELS[r]) for r in roles))
        lines.append(f"{X_ROLES}:{','.join(roles)}")
    for key, skills in ((X_SEEKS, row.seeks), (X_OFFERS, row.offers)):
        if names := sorted(json.loads(skills or "[]"), key=str.casefold):
            lines.append(f"{key}:{','.join(escape(n) for n in names)}")
    if row.how_met:
        lines.append(f"{X_HOW_MET}:{escape(row.how_met)}")
    if row.met_on:
        lines.append(f"{X_MET_ON}:{row.met_on}")
    if row.cadence_days:
        lines.append(f"{X_CADENCE}:{row.cadence_days}")
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)


def _fold(line: str) -> str:
    """*line* with CRLF, folded into lines of at most 75 octets, never inside a character."""
    data = line.encode()
    if len(data) <= LINE_OCTETS:
        return line + "\r\n"
    out = []
    start, width = 0, LINE_OCTETS
    while start < len(data):
        end = min(start + width, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a UTF-8 sequence
            end -= 1
        out.append(data[start:end].decode())
        start, width = end, LINE_OCTETS - 1  # a continuation begins with a space
    return "\r\n ".join(out) + "\r\n"
