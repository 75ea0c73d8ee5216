"""Merging two records of the same person: the survivor keeps the chosen value of each
field, and takes over everything that pointed at the other, in one transaction."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import fields, replace
from typing import NamedTuple

from peewee import Case, Value

from desktop.core import people, positions, undo
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store import query, search_index
from desktop.store.connection import db
from desktop.store.models import Action, Need, OpportunityPerson

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
    pairs = query.rows(
        """
        WITH firsts AS (
            SELECT sort_key, min(id) AS id FROM person GROUP BY sort_key HAVING count(*) > 1
        )
        SELECT f.id AS first_id, p.id AS other_id, p.name,
               coalesce(fc.name, '') AS first_company, f_p.email AS first_email,
               f_p.phone AS first_phone, coalesce(pc.name, '') AS other_company,
               p.email AS other_email, p.phone AS other_phone
        FROM firsts f
        JOIN person p ON p.sort_key = f.sort_key AND p.id > f.id
        JOIN person f_p ON f_p.id = f.id
        LEFT JOIN company fc ON fc.id = f_p.company_id
        LEFT JOIN company pc ON pc.id = p.company_id
        ORDER BY f.sort_key, f.id, p.id
        LIMIT ?
        """,
        (limit,),
        into=_Pair,
    )
    return [
        PossibleDuplicate(
            first_id=pair.first_id,
            other_id=pair.other_id,
            name=pair.name,
            first_about=_about(pair.first_company, pair.first_email, pair.first_phone),
            other_about=_about(pair.other_company, pair.other_email, pair.other_phone),
        )
        for pair in pairs
    ]


class _Pair(NamedTuple):
    first_id: int
    other_id: int
    name: str
    first_company: str
    first_email: str
    first_phone: str
    other_company: str
    other_email: str
    other_phone: str


def _about(*details: str) -> str:
    """'Acme · ada@acme.example · +44 20 7946 0000', leaving out what is empty."""
    return " · ".join(t for t in details if t)


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
        undo.name(
            f"Merge {{}} into ‘{undo.row_name('person', 'name', keep_id)()}’",
            undo.row_name("person", "name", other_id),
        )
        data = merged_data(keep_id, other_id, set(take_other))
        problems = people.validate_person(data, keep_id)
        if not problems.ok:
            raise ValidationError(problems)
        # An action with one of them helping the other would end with a person
        # helping themselves: the "for whom" goes, as the action form would insist.
        Action.update(beneficiary=None).where(
            Action.counterpart == other_id, Action.beneficiary == keep_id
        ).execute()
        Action.update(counterpart=keep_id).where(Action.counterpart == other_id).execute()
        Action.update(
            beneficiary=Case(None, [(Action.counterpart == keep_id, None)], keep_id)
        ).where(Action.beneficiary == other_id).execute()
        Need.update(source_person=keep_id).where(Need.source_person == other_id).execute()
        parts = [OpportunityPerson.opportunity, OpportunityPerson.person, OpportunityPerson.part]
        OpportunityPerson.insert_from(
            OpportunityPerson.select(
                OpportunityPerson.opportunity, Value(keep_id), OpportunityPerson.part
            ).where(OpportunityPerson.person == other_id),
            parts,
        ).on_conflict_ignore().execute()
        people.update_person(keep_id, data)
        positions.take_over(other_id, keep_id)
        people.delete_person(other_id)  # their remaining links go with the record
        action_ids = query.column(
            Action.select(Action.id).where(
                (Action.counterpart == keep_id) | (Action.beneficiary == keep_id)
            )
        )
        search_index.refresh_actions(action_ids)
        search_index.refresh_people([keep_id])
