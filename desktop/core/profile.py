"""My profile: my own name, skills, target roles and pitch, so each need can show my fit.

There is at most one profile row (id 1). My skills live in `profile_skill` and are read
and written through `desktop.core.matching`, which compares them with each need's skills.
Target roles are stored in `profile.target_roles` one per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.core import matching, skills, undo
from desktop.core.validation import MAX_NAME, Problems, ValidationError
from desktop.store import query
from desktop.store.connection import db
from desktop.store.models import Profile

MAX_PITCH = 1000

# Roles are saved one per line. Older or generated profiles may hold a comma-separated
# list; commas and semicolons also end a tag in the form, so they split roles too.
_ROLE_SEPARATORS = re.compile(r"[\n,;]")


@dataclass
class ProfileData:
    """Everything the profile form edits. Every field is optional."""

    name: str = ""
    skills: list[str] = field(default_factory=list)
    target_roles: list[str] = field(default_factory=list)
    pitch: str = ""

    def cleaned(self) -> ProfileData:
        return ProfileData(
            name=" ".join(self.name.split()),
            skills=skills.tidy(self.skills),
            target_roles=skills.tidy(
                part for role in self.target_roles for part in _ROLE_SEPARATORS.split(role)
            ),
            pitch=self.pitch.strip(),
        )


class _Saved(NamedTuple):
    name: str = ""
    target_roles: str = ""
    pitch: str = ""


def get_profile() -> ProfileData:
    """My profile as saved; empty fields when I have not written one yet."""
    # SQL text: a brief reads the profile with the rest (see `desktop.core.brief`).
    saved = (
        query.row("SELECT name, target_roles, pitch FROM profile WHERE id = 1", into=_Saved)
        or _Saved()
    )
    return ProfileData(
        name=saved.name,
        skills=matching.profile_skills(),
        target_roles=skills.tidy(_ROLE_SEPARATORS.split(saved.target_roles)),
        pitch=saved.pitch,
    )


def validate_profile(data: ProfileData) -> Problems:
    """Errors that block saving: only lengths, since everything else is optional."""
    data = data.cleaned()
    problems = Problems()
    if len(data.name) > MAX_NAME:
        problems.errors["name"] = (
            f"Your name can be at most {MAX_NAME} characters long"
            f" (this one has {len(data.name):,})."
        )
    if len(data.pitch) > MAX_PITCH:
        problems.errors["pitch"] = (
            f"Keep your pitch to one thousand characters or fewer ({MAX_PITCH:,});"
            f" this one has {len(data.pitch):,}."
        )
    return problems


def save_profile(data: ProfileData) -> None:
    """Replace my profile and my skills in one transaction. Raises ValidationError."""
    problems = validate_profile(data)
    if not problems.ok:
        raise ValidationError(problems)
    data = data.cleaned()
    with db.atomic():  # set_profile_skills nests its own atomic() as a savepoint
        undo.name("Edit my profile")
        Profile.insert(
            id=1, name=data.name, target_roles="\n".join(data.target_roles), pitch=data.pitch
        ).on_conflict(
            conflict_target=[Profile.id],
            preserve=[Profile.name, Profile.target_roles, Profile.pitch],
        ).execute()
        matching.set_profile_skills(data.skills)
