"""Skill aliases: short forms ('JS') and the skill each stands for ('JavaScript').

Matching treats an alias as its skill (see `desktop.core.matching`). Both sides are kept
as typed, with whitespace tidied, and keyed by `name_key`. The user edits the whole list
at once, so a save replaces the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from peewee import chunked

from desktop.core import undo
from desktop.core.validation import MAX_NAME, Problems, ValidationError, fold, name_key
from desktop.store import query
from desktop.store.connection import db
from desktop.store.models import SkillAlias
from desktop.store.textkeys import has_visible_text

ROWS_PER_INSERT = 200  # four values a row, well below what SQLite takes in one statement


class Alias(NamedTuple):
    alias: str  # the short form, e.g. 'JS'
    skill: str  # the skill it stands for, e.g. 'JavaScript'


class _Keys(NamedTuple):
    alias_key: str
    skill_key: str


def _tidy(text: str) -> str:
    return " ".join(text.split())


def list_aliases() -> list[Alias]:
    """Every alias, in reading order of the short form (case and accents aside)."""
    found = query.rows(SkillAlias.select(SkillAlias.short_form, SkillAlias.skill), into=Alias)
    return sorted(found, key=lambda a: (fold(a.alias), a.alias))


def alias_map() -> dict[str, str]:
    """alias key -> skill key, for matching."""
    # SQL text: matching reads the map for every fit it works out (a brief's every need).
    pairs = query.rows("SELECT alias_key, skill_key FROM skill_alias", into=_Keys)
    return {pair.alias_key: pair.skill_key for pair in pairs}


def _side_problem(text: str, other: str, what: str) -> str | None:
    """Why one side of a pair (*what*: 'alias' or 'skill') cannot be saved, or None."""
    if not has_visible_text(text):
        if what == "alias":
            return f"Write the short form that stands for '{other}'."
        return f"Write the skill that '{other}' stands for."
    if len(text) > MAX_NAME:
        noun = "A short form" if what == "alias" else "A skill name"
        return f"{noun} can be at most {MAX_NAME} characters long (this one has {len(text):,})."
    return None


def validate_aliases(pairs: Sequence[tuple[str, str]]) -> Problems:
    """Errors keyed '<index>.alias' or '<index>.skill', *index* counting *pairs* from 0."""
    pairs = [(_tidy(alias), _tidy(skill)) for alias, skill in pairs]
    problems = Problems()
    errors = problems.errors
    first: dict[str, tuple[str, str]] = {}  # alias key -> (alias, skill) as first listed
    for index, (alias, skill) in enumerate(pairs):
        if not has_visible_text(alias) and not has_visible_text(skill):
            errors[f"{index}.alias"] = (
                "One row is empty: write a short form and the skill it stands for, or remove it."
            )
            continue
        if message := _side_problem(alias, skill, "alias"):
            errors[f"{index}.alias"] = message
        if message := _side_problem(skill, alias, "skill"):
            errors[f"{index}.skill"] = message
        if f"{index}.alias" in errors or f"{index}.skill" in errors:
            continue
        if name_key(alias) == name_key(skill):
            errors[f"{index}.skill"] = (
                f"'{alias}' cannot stand for itself; write the skill it is short for."
            )
            continue
        earlier = first.setdefault(name_key(alias), (alias, skill))
        if name_key(earlier[1]) != name_key(skill):
            errors[f"{index}.alias"] = (
                f"'{alias}' is listed twice, for '{earlier[1]}' and for '{skill}';"
                " keep one of them."
            )
    for index, (alias, skill) in enumerate(pairs):
        target = first.get(name_key(skill))
        if target is None or f"{index}.alias" in errors or f"{index}.skill" in errors:
            continue
        if name_key(target[1]) == name_key(alias):
            errors[f"{index}.skill"] = (
                f"'{alias}' and '{target[0]}' stand for each other; remove one of the two."
            )
        else:
            errors[f"{index}.skill"] = (
                f"'{alias}' stands for '{skill}', which is itself short for '{target[1]}'."
                f" Let '{alias}' stand for '{target[1]}' instead."
            )
    return problems


def save_aliases(pairs: Sequence[tuple[str, str]]) -> None:
    """Replace every alias with *pairs* in one transaction. Raises ValidationError."""
    problems = validate_aliases(pairs)
    if not problems.ok:
        raise ValidationError(problems)
    rows: dict[str, tuple[str, str, str, str]] = {}
    for alias, skill in pairs:
        alias, skill = _tidy(alias), _tidy(skill)
        rows.setdefault(name_key(alias), (name_key(alias), alias, name_key(skill), skill))
    columns = (SkillAlias.alias_key, SkillAlias.short_form, SkillAlias.skill_key, SkillAlias.skill)
    with db.atomic():
        # The keys follow from the names, so the names say whether anything changed.
        if set(list_aliases()) == {(alias, skill) for _k, alias, _s, skill in rows.values()}:
            return  # saved as they were: nothing to write, and no step to undo
        undo.name("Edit skill aliases")
        SkillAlias.delete().execute()
        for batch in chunked(rows.values(), ROWS_PER_INSERT):
            SkillAlias.insert_many(batch, fields=columns).execute()
