"""Peewee models mirroring the schema (schema_v1.sql and later steps); all bound to `db`."""

from __future__ import annotations

from peewee import (
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


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Company(BaseModel):
    name = TextField()
    name_key = TextField(unique=True)
    sort_key = TextField(default="")
    website = TextField(default="")
    industry = TextField(default="")
    location = TextField(default="")
    notes = TextField(default="")
    is_target = BooleanField(default=False)
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Person(BaseModel):
    name = TextField()
    sort_key = TextField(default="")
    company = ForeignKeyField(Company, null=True, backref="people", on_delete="SET NULL")
    title = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    linkedin_url = TextField(default="")
    location = TextField(default="")
    how_met = TextField(default="")
    met_on = DateField(null=True)
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    given_name = TextField(default="")
    middle_name = TextField(default="")
    family_name = TextField(default="")
    name_prefix = TextField(default="")
    name_suffix = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class PersonRole(BaseModel):
    person = ForeignKeyField(Person, backref="role_rows", on_delete="CASCADE")
    role = TextField()

    class Meta:
        primary_key = CompositeKey("person", "role")


class Skill(BaseModel):
    name = TextField()
    name_key = TextField(unique=True)


class PersonSkill(BaseModel):
    person = ForeignKeyField(Person, backref="skill_rows", on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")
    kind = TextField()

    class Meta:
        primary_key = CompositeKey("person", "kind", "skill")


class Need(BaseModel):
    company = ForeignKeyField(Company, backref="needs", on_delete="CASCADE")
    title = TextField()
    problem = TextField(default="")
    for_whom = TextField(default="")
    source_person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    learned_on = DateField(null=True)
    status = TextField(default="open")
    urgency = IntegerField(default=2)
    fit_override = TextField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class NeedSkill(BaseModel):
    need = ForeignKeyField(Need, backref="skill_rows", on_delete="CASCADE")
    skill = ForeignKeyField(Skill, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("need", "skill")


class Opportunity(BaseModel):
    company = ForeignKeyField(Company, backref="opportunities", on_delete="CASCADE")
    need = ForeignKeyField(Need, null=True, on_delete="SET NULL")
    title = TextField()
    url = TextField(default="")
    status = TextField(default="interested")
    status_changed_on = DateField(null=True)
    applied_on = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    follow_through_offered_at = DateTimeField(null=True)


class OpportunityHistory(BaseModel):
    opportunity = ForeignKeyField(Opportunity, backref="history", on_delete="CASCADE")
    status = TextField()
    changed_on = DateField()


class OpportunityPerson(BaseModel):
    opportunity = ForeignKeyField(Opportunity, backref="people", on_delete="CASCADE")
    person = ForeignKeyField(Person, on_delete="CASCADE")
    part = TextField()

    class Meta:
        primary_key = CompositeKey("opportunity", "person", "part")


class Action(BaseModel):
    occurred_on = DateField()
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
    follow_up_on = DateField(null=True)
    follow_up_done_at = DateTimeField(null=True)
    created_at = DateTimeField()


class SkillAlias(BaseModel):
    alias_key = TextField(primary_key=True)
    # Not `alias`: that is peewee's Model.alias(), which the field would hide.
    short_form = TextField(column_name="alias")
    skill_key = TextField()
    skill = TextField()


class Profile(BaseModel):
    name = TextField(default="")
    target_roles = TextField(default="")
    pitch = TextField(default="")


class ProfileSkill(BaseModel):
    skill = ForeignKeyField(Skill, primary_key=True, on_delete="CASCADE")


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
)
