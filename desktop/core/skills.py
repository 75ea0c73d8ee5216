"""Skill names: tidy spelling, one row per skill whatever the case, completion lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from peewee import chunked

from desktop.core.validation import name_key
from desktop.store import query
from desktop.store.batches import CHUNK
from desktop.store.models import Skill

ROWS_PER_INSERT = 200  # two values a row, well below what SQLite takes in one statement


class _Known(NamedTuple):
    id: int
    name_key: str


def tidy(names: Iterable[str]) -> list[str]:
    """Trim and collapse spaces, drop empties and case-insensitive repeats, keep order."""
    seen: set[str] = set()
    result = []
    for raw in names:
        name = " ".join(raw.split())
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def ensure_skills(names: Iterable[str]) -> list[int]:
    """Return skill ids for *names*, creating missing skills. Call inside a transaction.

    A new skill keeps the spelling of the first of *names* with its key. Importers pass
    every skill of a file at once: a few statements in all, not two per name.
    """
    first: dict[str, str] = {}  # key -> the name as first spelled
    keys = []
    for name in tidy(names):
        keys.append(name_key(name))
        first.setdefault(keys[-1], name)
    for rows in chunked(first.items(), ROWS_PER_INSERT):
        Skill.insert_many(rows, fields=[Skill.name_key, Skill.name]).on_conflict(
            conflict_target=[Skill.name_key], action="NOTHING"
        ).execute()
    ids: dict[str, int] = {}
    for wanted in chunked(first, CHUNK):
        for known in query.each(
            Skill.select(Skill.id, Skill.name_key).where(Skill.name_key.in_(wanted)), into=_Known
        ):
            ids[known.name_key] = known.id
    return [ids[key] for key in keys]


def all_skill_names() -> list[str]:
    """Every known skill, for completion, sorted without regard to case."""
    return query.column(Skill.select(Skill.name).order_by(Skill.name_key))
