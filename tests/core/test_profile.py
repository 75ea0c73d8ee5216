"""My profile: one row, my skills through matching, roles one per line, length checks."""

from __future__ import annotations

import pytest

from desktop.core import matching, profile
from desktop.core.profile import ProfileData
from desktop.core.validation import ValidationError
from desktop.store.connection import db


def test_empty_profile_when_nothing_was_saved(database):
    assert profile.get_profile() == ProfileData()
    assert profile.validate_profile(ProfileData()).ok


def test_round_trip(database):
    data = ProfileData(
        name="Maya Chen",
        skills=["Python", "SQL"],
        target_roles=["Data engineer", "Analytics lead"],
        pitch="I build data platforms.",
    )
    profile.save_profile(data)
    assert profile.get_profile() == data
    stored = db.execute_sql("SELECT id, target_roles FROM profile").fetchall()
    assert stored == [(1, "Data engineer\nAnalytics lead")]


def test_saving_again_replaces_the_single_row_and_skills(database):
    profile.save_profile(ProfileData(name="Maya", skills=["Python", "Go"], pitch="Old"))
    profile.save_profile(ProfileData(name="Maya Chen", skills=["SQL"]))
    assert profile.get_profile() == ProfileData(name="Maya Chen", skills=["SQL"])
    assert db.execute_sql("SELECT count(*) FROM profile").fetchone()[0] == 1
    assert matching.profile_skills() == ["SQL"]


def test_fields_are_tidied(database):
    profile.save_profile(
        ProfileData(
            name="  Maya   Chen ",
            skills=["Python", " python ", "SQL", "", "sql"],
            target_roles=["Data engineer", "data  ENGINEER", "  ", "Team lead"],
            pitch="  Hello.\n",
        )
    )
    assert profile.get_profile() == ProfileData(
        name="Maya Chen",
        skills=["Python", "SQL"],
        target_roles=["Data engineer", "Team lead"],
        pitch="Hello.",
    )


def test_comma_separated_roles_from_older_profiles_are_read_as_a_list(database):
    db.execute_sql(
        "INSERT INTO profile (id, target_roles) VALUES (1, ?)", ("Data engineer, ML engineer",)
    )
    assert profile.get_profile().target_roles == ["Data engineer", "ML engineer"]


def test_skills_are_what_matching_compares(database):
    profile.save_profile(ProfileData(skills=["JS"]))
    assert matching.profile_skills() == ["JS"]


def test_validation_messages(database):
    problems = profile.validate_profile(ProfileData(name="x" * 201, pitch="y" * 1001))
    assert problems.errors == {
        "name": "Your name can be at most 200 characters long (this one has 201).",
        "pitch": "Keep your pitch to one thousand characters or fewer (1,000); this one has 1,001.",
    }
    assert profile.validate_profile(ProfileData(name="x" * 200, pitch="y" * 1000)).ok
    assert profile.validate_profile(ProfileData(pitch=" " + "y" * 1000 + "\n")).ok


def test_invalid_profile_is_not_saved(database):
    with pytest.raises(ValidationError):
        profile.save_profile(ProfileData(name="Maya", pitch="y" * 1001))
    assert profile.get_profile() == ProfileData()


def test_save_is_all_or_nothing(database, monkeypatch):
    profile.save_profile(ProfileData(name="Maya", skills=["Python"]))

    real = matching.set_profile_skills

    def fail(names):
        real(names)  # its own atomic() is a savepoint inside save_profile's transaction
        raise RuntimeError("disk full")

    monkeypatch.setattr(matching, "set_profile_skills", fail)
    with pytest.raises(RuntimeError):
        profile.save_profile(ProfileData(name="Someone else", skills=["Go"]))
    monkeypatch.undo()
    assert profile.get_profile() == ProfileData(name="Maya", skills=["Python"])
    assert db.execute_sql("SELECT count(*) FROM skill WHERE name = 'Go'").fetchone()[0] == 0
