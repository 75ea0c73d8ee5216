"""Merging two records of the same person: the survivor keeps the chosen value of each
field, and takes over everything that pointed at the other, in one transaction."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import fields, replace
from typing import NamedTuple

from desktop.core import people
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store import search_index
from desktop.store.connection import db

#: Fields chosen one or the other; roles and skills are always joined.
CHOOSABLE = tuple(f.name for f in fields(PersonData) if f.name not in ("roles", "seeks", "offers"))


#: Contact details: the one not chosen is kept in the notes rather than lost.
KEPT_IN_NOTES = ("email", "phone", "linkedin_url")

#: Other details: the one not chosen is kept in the notes too, with what it was.
KEPT_WITH_LABEL = {
    "name": "Also known as",
    "company": "Also at",
    "title": "Also title",
    "location": "Also location",
    "how_met": "Also how met",
    "met_on": "Also met on",
}


def linkedin_key(url: str) -> str:
    """The part of a LinkedIn address that names the person: 'linkedin.com/in/ada'."""
    key = url.strip().lower().split("?")[0].split("#")[0].rstrip("/")
    for prefix in ("https://", "http://"):
        key = key.removeprefix(prefix)
    return key.removeprefix("www.")


def same_detail(name: str, mine: object, theirs: object) -> bool:
    """Whether two values of a contact detail are the same (address case, a phone's
    punctuation and a LinkedIn address's spelling aside)."""
    if name == "linkedin_url":
        return linkedin_key(str(mine)) == linkedin_key(str(theirs))
    if name == "phone":
        return [c for c in str(mine) if c.isdigit()] == [c for c in str(theirs) if c.isdigit()]
    return str(mine).casefold().strip() == str(theirs).casefold().strip()


def noted(notes: str, name: str, value: object) -> bool:
    """Whether the notes already keep *value* of the contact detail *name* on a line of
    its own, as 'Also: …', 'Phone: …', 'Email as imported: …' or bare."""
    for line in notes.splitlines():
        label, colon, rest = line.partition(": ")
        for text in (line, rest) if colon and len(label) <= 40 else (line,):
            if text.strip() and same_detail(name, text, value):
                return True
    return False


class PossibleDuplicate(NamedTuple):
    """Two people of one name (case and accents aside): the earlier and a later one."""

    first_id: int
    other_id: int
    name: str
    first_about: str  # 'Acme · ada@acme.example · +44 20 7946 0000'
    other_about: str


POSSIBLE_DUPLICATES_SHOWN = 500


def possible_duplicates(limit: int = POSSIBLE_DUPLICATES_SHOWN) -> list[PossibleDuplicate]:
    """People who share a name with someone entered before them, paired with that first
    one, in name order: what an import kept apart because an email or LinkedIn address
    differed, and what was typed twice."""
    rows = db.execute_sql(
        """
        WITH firsts AS (
            SELECT sort_key, min(id) AS id FROM person GROUP BY sort_key HAVING count(*) > 1
        )
        SELECT f.id, p.id, p.name,
               coalesce(fc.name, ''), f_p.email, f_p.phone, coalesce(pc.name, ''), p.email, p.phone
        FROM firsts f
        JOIN person p ON p.sort_key = f.sort_key AND p.id > f.id
        JOIN person f_p ON f_p.id = f.id
        LEFT JOIN company fc ON fc.id = f_p.company_id
        LEFT JOIN company pc ON pc.id = p.company_id
        ORDER BY f.sort_key, f.id, p.id
        LIMIT ?
        """,
        (limit,),
    ).fetchall()
    return [
        PossibleDuplicate(
            first_id=row[0],
            other_id=row[1],
            name=row[2],
            first_about=" · ".join(t for t in row[3:6] if t),
            other_about=" · ".join(t for t in row[6:9] if t),
        )
        for row in rows
    ]


def differences(keep_id: int, other_id: int) -> dict[str, tuple[object, object]]:
    """field -> (kept value, other value) where the two records differ and both are set."""
    keep, other = people.get_person(keep_id), people.get_person(other_id)
    return {
        name: (getattr(keep, name), getattr(other, name))
        for name in CHOOSABLE
        if getattr(keep, name) not in ("", None)
        and getattr(other, name) not in ("", None)
        and getattr(keep, name) != getattr(other, name)
    }


def merged_data(keep_id: int, other_id: int, take_other: set[str]) -> PersonData:
    """The survivor's record: its own values, the other's where it had none or where chosen
    (*take_other*), and the roles and skills of both. A value not chosen (the other email,
    name or title, say) is kept in the notes, and so are the other record's notes."""
    keep, other = people.get_person(keep_id), people.get_person(other_id)
    chosen, also, contacts = {}, [], []
    for name in CHOOSABLE:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if name in take_other or mine in ("", None):
            chosen[name] = theirs if theirs not in ("", None) else mine
        if mine in ("", None) or theirs in ("", None) or mine == theirs:
            continue
        dropped = mine if name in take_other else theirs
        if name in KEPT_IN_NOTES:  # unless the notes have it already, in any spelling
            contacts.append((name, dropped))
        elif name in KEPT_WITH_LABEL:
            shown = dropped.isoformat() if hasattr(dropped, "isoformat") else dropped
            also.append(f"{KEPT_WITH_LABEL[name]}: {shown}")
        elif name == "notes":  # both had notes: the chosen first, the others right after
            also.insert(0, dropped)
    notes = chosen.get("notes", keep.notes)
    extra = [line for line in also if line not in notes]
    extra += [f"Also: {value}" for name, value in contacts if not noted(notes, name, value)]
    chosen["notes"] = "\n".join(t for t in (notes, *extra) if t)
    return replace(
        keep,
        **chosen,
        roles=tuple(dict.fromkeys((*keep.roles, *other.roles))),
        seeks=list(dict.fromkeys([*keep.seeks, *other.seeks])),
        offers=list(dict.fromkeys([*keep.offers, *other.offers])),
    )


def merge_people(keep_id: int, other_id: int, take_other: AbstractSet[str] = frozenset()) -> None:
    """Merge *other_id* into *keep_id*: fields as `merged_data` says; their actions, needs
    told, opportunity parts and keep-in-touch move to the survivor; then the other record
    goes. All or nothing."""
    if keep_id == other_id:
        raise ValueError("Choose two different people to merge.")
    unknown = set(take_other) - set(CHOOSABLE)
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(sorted(unknown))}.")
    with db.atomic():
        data = merged_data(keep_id, other_id, set(take_other))
        problems = people.validate_person(data, keep_id)
        if not problems.ok:
            raise ValidationError(problems)
        moves = (
            # An action with one of them helping the other would end with a person
            # helping themselves: the "for whom" goes, as the action form would insist.
            "UPDATE action SET beneficiary_id = NULL"
            " WHERE counterpart_id = :other AND beneficiary_id = :keep",
            "UPDATE action SET counterpart_id = :keep WHERE counterpart_id = :other",
            "UPDATE action SET beneficiary_id = CASE WHEN counterpart_id = :keep THEN NULL"
            " ELSE :keep END WHERE beneficiary_id = :other",
            "UPDATE need SET source_person_id = :keep WHERE source_person_id = :other",
            "INSERT OR IGNORE INTO opportunity_person (opportunity_id, person_id, part)"
            " SELECT opportunity_id, :keep, part FROM opportunity_person"
            " WHERE person_id = :other",
        )
        for statement in moves:
            db.execute_sql(statement, {"keep": keep_id, "other": other_id})
        people.update_person(keep_id, data)
        people.delete_person(other_id)  # their remaining links go with the record
        action_ids = [
            r[0]
            for r in db.execute_sql(
                "SELECT id FROM action WHERE counterpart_id = ? OR beneficiary_id = ?",
                (keep_id, keep_id),
            ).fetchall()
        ]
        search_index.refresh_actions(action_ids)
        search_index.refresh_people([keep_id])
