"""Peewee models mirroring the schema (schema_v1.sql and later steps); all bound to `db`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop.store.connection import db

ROLES = (
    "hiring_manager",
    "recruiter",
    "interviewer",
    "job_seeker",
    "referrer",
    "mentor",
    "colleague",
)
SKILL_KINDS = ("seeks", "offers")
NEED_FOR_WHOM = ("boss", "customers", "shareholders", "team", "other")
NEED_STATUSES = ("open", "filled", "closed")
OPPORTUNITY_STATUSES = (
    "interested",
    "applied",
    "interviewing",
    "offer",
    "accepted",
    "not_selected",
    "withdrawn",
)
OPPORTUNITY_PARTS = ("hiring_manager", "recruiter", "interviewer", "referrer")
DIRECTIONS = ("given", "received")
ACTION_KINDS = (
    "referral",
    "job_lead",
    "introduction",
    "company_insight",
    "recommendation",
    "review",
    "interview_prep",
    "check_in",
    "thanks",
    "other",
)


if TYPE_CHECKING:  # the stubs' fields are generic; peewee's own classes are not
    _DateBase = DateField[Any]
    _StampBase = DateTimeField[Any]
else:
    _DateBase, _StampBase = DateField, DateTimeField


class DayField(_DateBase):
    """A calendar day, kept as the schema keeps it: ISO text, '2026-12-03'.

    Written as text here rather than left to sqlite3's date adapter, which newer Pythons
    deprecate; read with `date.fromisoformat`, many times quicker than peewee's strptime.
    """

    def db_value(self, value: object) -> object:
        if isinstance(value, datetime):
            value = value.date()
        return value.isoformat() if isinstance(value, date) else value

    def python_value(self, value: object) -> object:
        return _parsed(date.fromisoformat, value)


class StampField(_StampBase):
    """A moment to the second, kept as the schema keeps it: '2026-12-03 14:05:09' (local
    time, as `desktop.core.clock.now_text` writes it)."""

    def db_value(self, value: object) -> object:
        return value.strftime(STAMP_FORMAT) if isinstance(value, datetime) else value

    def python_value(self, value: object) -> object:
        return _parsed(datetime.fromisoformat, value)


STAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def _parsed(parse: Callable[[str], object], value: object) -> object:
    """*value* parsed when it is text that parses; anything else as it is, like peewee."""
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            return value
    return value


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Company(BaseModel):
    id = AutoField()
    name = TextField()
    name_key = TextField(unique=True)
    sort_key = TextField(default="")
    website = TextField(default="")
    industry = TextField(default="")
    location = TextField(default="")
    notes = TextField(default="")
    is_target = BooleanField(default=False)
    created_at = StampField()
    updated_at = StampField()
    match_key = TextField(default="")


class TieTier(BaseModel):
    """A keep-in-touch tier the user names: 'Close', every 14 days and at most 21."""

    id = AutoField()
    name = TextField()
    name_key = TextField(unique=True)
    ideal_days = IntegerField()
    longest_days = IntegerField()


class Person(BaseModel):
    id = AutoField()
    name = TextField()
    sort_key = TextField(default="")
    company = ForeignKeyField(Company, null=True, backref="people", on_delete="SET NULL")
    title = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    linkedin_url = TextField(default="")
    location = TextField(default="")
    how_met = TextField(default="")
    met_on = DayField(null=True)
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    given_name = TextField(default="")
    middle_name = TextField(default="")
    family_name = TextField(default="")
    name_prefix = TextField(default="")
    name_suffix = TextField(default="")
    created_at = StampField()
    updated_at = StampField()
    tier = ForeignKeyField(TieTier, null=True, on_delete="SET NULL")
    longest_gap_days = IntegerField(null=True)


class PersonRole(BaseModel):
    person = ForeignKeyField(Person, backref="role_rows", on_delete="CASCADE")
    role = TextField()

    class Meta:
        primary_key = CompositeKey("person", "role")


class Skill(BaseModel):
    id = AutoField()
    name = TextField()
    name_key = TextField(unique=True)


class PersonSkill(BaseModel):
    person = ForeignKeyField(Person, backref="skill_rows", on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")
    kind = TextField()

    class Meta:
        primary_key = CompositeKey("person", "kind", "skill")


class Need(BaseModel):
    id = AutoField()
    company = ForeignKeyField(Company, backref="needs", on_delete="CASCADE")
    title = TextField()
    problem = TextField(default="")
    for_whom = TextField(default="")
    source_person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    learned_on = DayField(null=True)
    status = TextField(default="open")
    urgency = IntegerField(default=2)
    fit_override = TextField(null=True)
    notes = TextField(default="")
    created_at = StampField()
    updated_at = StampField()


class NeedSkill(BaseModel):
    need = ForeignKeyField(Need, backref="skill_rows", on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("need", "skill")


class Opportunity(BaseModel):
    id = AutoField()
    company = ForeignKeyField(Company, backref="opportunities", on_delete="CASCADE")
    need = ForeignKeyField(Need, null=True, on_delete="SET NULL")
    title = TextField()
    url = TextField(default="")
    status = TextField(default="interested")
    status_changed_on = DayField(null=True)
    applied_on = DayField(null=True)
    notes = TextField(default="")
    created_at = StampField()
    updated_at = StampField()
    follow_through_offered_at = StampField(null=True)


class OpportunityHistory(BaseModel):
    id = AutoField()
    opportunity = ForeignKeyField(Opportunity, backref="history", on_delete="CASCADE")
    status = TextField()
    changed_on = DayField()


class OpportunityPerson(BaseModel):
    opportunity = ForeignKeyField(Opportunity, backref="people", on_delete="CASCADE")
    person = ForeignKeyField(Person, on_delete="CASCADE")
    part = TextField()

    class Meta:
        primary_key = CompositeKey("opportunity", "person", "part")


class Action(BaseModel):
    id = AutoField()
    occurred_on = DayField()
    direction = TextField()
    kind = TextField()
    counterpart = ForeignKeyField(Person, backref="actions", on_delete="CASCADE")
    beneficiary = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL")
    need = ForeignKeyField(Need, null=True, on_delete="SET NULL")
    opportunity = ForeignKeyField(Opportunity, null=True, on_delete="SET NULL")
    summary = TextField()
    notes = TextField(default="")
    weight = IntegerField(default=1)
    follow_up_on = DayField(null=True)
    follow_up_done_at = StampField(null=True)
    created_at = StampField()


POSITION_SOURCES = ("typed", "linkedin", "vcard", "google", "outlook", "merge", "earlier")


class Position(BaseModel):
    """Where a person works or worked. `started`/`ended`: '2025', '2025-03' or
    '2025-03-14', or None when not known; the `current` one is the person's company.
    (Not `*_on`, which names a whole day throughout the schema.)"""

    id = AutoField()
    person = ForeignKeyField(Person, backref="positions", on_delete="CASCADE")
    company = ForeignKeyField(Company, on_delete="CASCADE")
    title = TextField(default="")
    started = TextField(null=True)
    ended = TextField(null=True)
    current = BooleanField(default=True)
    source = TextField(default="typed")
    created_at = StampField()


class CompanyAlias(BaseModel):
    """Another name a company goes by, as the user confirmed it."""

    alias_key = TextField(primary_key=True)
    # Not `alias`: that is peewee's Model.alias(), which the field would hide.
    other_name = TextField(column_name="alias")
    company = ForeignKeyField(Company, on_delete="CASCADE")


class SkillAlias(BaseModel):
    alias_key = TextField(primary_key=True)
    # Not `alias`: that is peewee's Model.alias(), which the field would hide.
    short_form = TextField(column_name="alias")
    skill_key = TextField()
    skill = TextField()


class Profile(BaseModel):
    id = AutoField()
    name = TextField(default="")
    target_roles = TextField(default="")
    pitch = TextField(default="")


class ProfileSkill(BaseModel):
    skill = ForeignKeyField(Skill, primary_key=True, on_delete="CASCADE")


# The summaries of the timeline, kept by the triggers of schema_v2.sql (never written here).
class ActionDay(BaseModel):
    day = DayField()
    direction = TextField()
    kind = TextField()
    n = IntegerField()
    weight = IntegerField()

    class Meta:
        primary_key = CompositeKey("day", "direction", "kind")


class ActionPerson(BaseModel):
    person_id = IntegerField(primary_key=True)
    given = IntegerField()
    received = IntegerField()
    given_weight = IntegerField()
    received_weight = IntegerField()
    first_given = DayField(null=True)
    last_given = DayField(null=True)
    last_received = DayField(null=True)
    came_back_on = DayField(null=True)
    helped = BooleanField()


class SummaryState(BaseModel):
    id = IntegerField(primary_key=True)
    paused = BooleanField()


# The window's undo history (schema_v4.sql), written by TEMP triggers (store.undo_log).
class UndoLog(BaseModel):
    seq = AutoField()
    step = IntegerField()
    tbl = TextField()
    op = TextField()
    ref = IntegerField(null=True)
    key = TextField()
    old = TextField(null=True)


class UndoStep(BaseModel):
    step = IntegerField(primary_key=True)
    label = TextField()


ALL_MODELS = (
    Company,
    Person,
    PersonRole,
    Skill,
    PersonSkill,
    Need,
    NeedSkill,
    Opportunity,
    OpportunityPerson,
    OpportunityHistory,
    Action,
    SkillAlias,
    Profile,
    ProfileSkill,
    TieTier,
    Position,
    CompanyAlias,
    ActionDay,
    ActionPerson,
    SummaryState,
    UndoLog,
    UndoStep,
)
