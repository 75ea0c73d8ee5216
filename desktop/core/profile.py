"""My profile: my own name, skills, target roles and pitch, so each need can show my fit.

There is at most one profile row (id 1). My skills live in `profile_skill` and are read
and written through `desktop.core.matching`, which compares them with each need's skills.
Target roles are stored in `profile.target_roles` one per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core import matching, skills
from desktop.core.validation import MAX_NAME, Problems, ValidationError
from desktop.store.connection import db

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


def get_profile() -> ProfileData:
    """My profile as saved; empty fields when I have not written one yet."""
    row = db.execute_sql("SELECT name, target_roles, pitch FROM profile WHERE id = 1").fetchone()
    name, roles, pitch = row if row is not None else ("", "", "")
    return ProfileData(
        name=name,
        skills=matching.profile_skills(),
        target_roles=skills.tidy(_ROLE_SEPARATORS.split(roles)),
        pitch=pitch,
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
        db.execute_sql(
            "INSERT INTO profile (id, name, target_roles, pitch) VALUES (1, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
            " target_roles = excluded.target_roles, pitch = excluded.pitch",
            (data.name, "\n".join(data.target_roles), data.pitch),
        )
        matching.set_profile_skills(data.skills)
