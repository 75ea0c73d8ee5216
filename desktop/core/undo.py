"""Undo and redo: a step taken back in one transaction, which is itself the step that
redoes it.

`store.undo_log` records, for each write the window makes, the statements that put each
row it touched back as it was. `reverse` runs a step's statements newest first; their own
changes are logged as they run, so the step that comes out of it is the one to reverse
to redo (and that one's, to undo again). Ids come back as they were, since each row is
put back whole; the summaries follow through their triggers, and the search index is
rebuilt here for every person and action touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.changes import ACTION_WRITE, PERSON_WRITE, Changed
from desktop.store import query, search_index, undo_log
from desktop.store.batches import id_chunks
from desktop.store.connection import ReciprocityDatabase, db
from desktop.store.progress import Progress

#: What a change to each table can change on the pages.
_CHANGES = {
    "company": Changed.COMPANIES | Changed.PEOPLE | Changed.NEEDS | Changed.OPPORTUNITIES,
    "person": PERSON_WRITE | Changed.NEEDS | Changed.OPPORTUNITIES,
    "person_role": PERSON_WRITE,
    "person_skill": PERSON_WRITE | Changed.NEEDS,
    "skill": PERSON_WRITE | Changed.NEEDS | Changed.PROFILE,
    "need": Changed.NEEDS | Changed.COMPANIES,
    "need_skill": Changed.NEEDS,
    "opportunity": Changed.OPPORTUNITIES | Changed.COMPANIES,
    "opportunity_person": Changed.OPPORTUNITIES | Changed.PEOPLE,
    "opportunity_history": Changed.OPPORTUNITIES,
    "action": ACTION_WRITE | Changed.PEOPLE,
    "profile": Changed.PROFILE,
    "profile_skill": Changed.PROFILE,
    "skill_alias": Changed.ALIASES,
    "position": PERSON_WRITE,
    "company_alias": Changed.COMPANIES,
    "tie_tier": Changed.PEOPLE | Changed.FOLLOW_UPS,
}
assert set(_CHANGES) == set(undo_log.LOGGED)


#: Names in a step's name are cut to this many characters: it is a menu item.
NAME_CHARACTERS = 40


def name(verb: str, what: str | Callable[[], str] = "", database: ReciprocityDatabase = db) -> None:
    """Name the step this write is, as the Edit menu shows it: `name("Delete", "Dana Ruiz")`
    is "Delete ‘Dana Ruiz’", and `name("Move {} to Offer", title)` puts it in its place.
    *what* may be a function, called only when there is a history to name it in (a
    deleted row's name must be read before it goes). A write made of others names itself
    first: the first name given stands."""
    history = database.history
    if history is None or not history.current_step():
        return
    text = what() if callable(what) else what
    text = " ".join(text.split())
    if len(text) > NAME_CHARACTERS:  # at a word's end, unless that loses too much
        cut = text[: NAME_CHARACTERS - 1]
        if " " in cut[NAME_CHARACTERS // 2 :] and text[NAME_CHARACTERS - 1] != " ":
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip() + "…"
    quoted = f"‘{text}’" if text else ""
    label = verb.replace("{}", quoted) if "{}" in verb else f"{verb} {quoted}".strip()
    undo_log.name_step(" ".join(label.split()), database)


def row_name(table: str, column: str, row_id: int) -> Callable[[], str]:
    """A function giving *column* of a row (its name, its title), for `name`."""
    return lambda: str(query.value(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)) or "")


class UndoConflict(Exception):
    """The step cannot be taken back as it was recorded: something it would restore was
    changed meanwhile. Nothing was changed; the message says so in words."""


#: The records a page lists, which the window can select once a step is taken back.
SHOWN = ("person", "company", "need", "opportunity", "action")


@dataclass(frozen=True)
class Reversed:
    step: int  # the step that takes this one back again (redo after undo, and so on)
    changed: Changed
    #: The record to show after it ('person', 7): the newest one it touched that is
    #: there afterwards (a person brought back, a company renamed back), if any.
    shown: tuple[str, int] | None = None


def reverse(
    step: int, database: ReciprocityDatabase = db, progress: Progress | None = None
) -> Reversed:
    """Take *step* back, in one transaction; the step returned takes it back again.
    *progress*(done, total) is called now and then, and may raise `Cancelled` to stop:
    then nothing is changed."""
    history = database.history
    if history is None:
        raise RuntimeError("this database keeps no undo history")
    try:
        with database.atomic():
            entries = undo_log.entries(step, database)
            if not entries:
                raise UndoConflict(
                    "The network was changed outside this window since, so this step can "
                    "no longer be taken back. Nothing was changed."
                )
            label = undo_log.label(step, database)
            if label:
                undo_log.name_step(label, database)
            # Newest first: SQLite logs a delete's cascade (the children) before the row
            # itself, so the row comes back before what refers to it.
            undo_log.replay(entries, history, database, progress)
            undo_log.drop([step], database)
            _reindex(entries, database)
            new_step = history.current_step()
            shown = _shown(entries, database)
    except sqlite3.IntegrityError as exc:
        raise UndoConflict(
            "Something this step would put back was changed since, so it can no longer be "
            f"taken back (SQLite says “{exc}”). Nothing was changed."
        ) from exc
    changed = Changed.NOTHING
    for table in {entry.tbl for entry in entries}:
        changed |= _CHANGES[table]
    return Reversed(new_step, changed, shown)


def _shown(entries: list[undo_log.Entry], database: ReciprocityDatabase) -> tuple[str, int] | None:
    for entry in entries:  # the newest change first
        if entry.tbl in SHOWN:
            row_id = int(json.loads(entry.key)[0])
            if query.value(f"SELECT 1 FROM {entry.tbl} WHERE id = ?", (row_id,), database=database):
                return entry.tbl, row_id
    return None


#: The people whose search entries hold a company's or a skill's name.
_PEOPLE_OF = {
    "company": "SELECT id FROM person WHERE company_id IN ({})",
    "skill": "SELECT person_id FROM person_skill WHERE skill_id IN ({})",
}


def _reindex(entries: list[undo_log.Entry], database: ReciprocityDatabase) -> None:
    """The search entries of every person and action the step touched, afresh."""
    refs: dict[str, set[int]] = {}
    for entry in entries:
        if entry.ref is not None:
            refs.setdefault(entry.tbl, set()).add(entry.ref)
    people = refs.get("person", set()) | refs.get("person_skill", set())
    for table, whose in _PEOPLE_OF.items():  # a company's name, a skill's, is in theirs
        for marks, chunk in id_chunks(sorted(refs.get(table, ()))):
            people.update(query.column(whose.format(marks), chunk, database=database))
    search_index.refresh_people(sorted(people), database)
    search_index.refresh_actions(sorted(refs.get("action", ())), database)
