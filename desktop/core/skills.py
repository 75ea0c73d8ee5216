"""Skill names: tidy spelling, one row per skill whatever the case, completion lists."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.validation import name_key
from desktop.store.connection import db


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
    """Return skill ids for *names*, creating missing skills. Call inside a transaction."""
    ids = []
    for name in tidy(names):
        db.execute_sql(
            "INSERT INTO skill (name, name_key) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING",
            (name, name_key(name)),
        )
        row = db.execute_sql("SELECT id FROM skill WHERE name_key = ?", (name_key(name),))
        ids.append(row.fetchone()[0])
    return ids


def all_skill_names() -> list[str]:
    """Every known skill, for completion, sorted without regard to case."""
    rows = db.execute_sql("SELECT name FROM skill ORDER BY name_key")
    return [r[0] for r in rows.fetchall()]
