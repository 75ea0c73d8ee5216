-- Reciprocity schema, version 1. Frozen: later versions change it through migration steps.

CREATE TABLE company (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL UNIQUE,          -- textkeys.name_key: uniqueness ignoring case
    sort_key    TEXT    NOT NULL DEFAULT '',      -- textkeys.fold: sorting ignoring accents
    website     TEXT    NOT NULL DEFAULT '',
    industry    TEXT    NOT NULL DEFAULT '',
    location    TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    is_target   INTEGER NOT NULL DEFAULT 0 CHECK (is_target IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX company_sort ON company (sort_key, id);

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    sort_key      TEXT    NOT NULL DEFAULT '',     -- textkeys.fold(name)
    company_id    INTEGER REFERENCES company (id) ON DELETE SET NULL,
    title         TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    linkedin_url  TEXT    NOT NULL DEFAULT '',
    location      TEXT    NOT NULL DEFAULT '',
    how_met       TEXT    NOT NULL DEFAULT '',
    met_on        TEXT,                            -- ISO date
    notes         TEXT    NOT NULL DEFAULT '',
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX person_sort ON person (sort_key, id);
CREATE INDEX person_company ON person (company_id);
CREATE INDEX person_email ON person (lower(email)) WHERE email <> '';
CREATE INDEX person_linkedin ON person (lower(linkedin_url)) WHERE linkedin_url <> '';

CREATE TABLE person_role (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('hiring_manager', 'recruiter', 'interviewer',
                                                'job_seeker', 'referrer', 'mentor', 'colleague')),
    PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_role_by_role ON person_role (role, person_id);

CREATE TABLE skill (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL UNIQUE
);

-- Columns in primary-key order: SQLite 3.40's quick_check misreads WITHOUT ROWID tables
-- whose key lists columns in another order.
CREATE TABLE person_skill (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('seeks', 'offers')),
    skill_id   INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, kind, skill_id)
) WITHOUT ROWID;
CREATE INDEX person_skill_by_skill ON person_skill (skill_id, kind, person_id);

CREATE TABLE need (
    id                INTEGER PRIMARY KEY,
    company_id        INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    title             TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    problem           TEXT    NOT NULL DEFAULT '',
    for_whom          TEXT    NOT NULL DEFAULT '' CHECK (for_whom IN ('', 'boss', 'customers',
                                                          'shareholders', 'team', 'other')),
    source_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
    learned_on        TEXT,
    status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
    urgency           INTEGER NOT NULL DEFAULT 2 CHECK (urgency BETWEEN 1 AND 3),
    fit_override      TEXT    CHECK (fit_override IS NULL OR fit_override IN ('strong', 'partial', 'none')),
    notes             TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX need_company ON need (company_id, status);
CREATE INDEX need_source ON need (source_person_id);
CREATE INDEX need_learned ON need (learned_on);

CREATE TABLE need_skill (
    need_id   INTEGER NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (need_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX need_skill_by_skill ON need_skill (skill_id, need_id);

CREATE TABLE opportunity (
    id                 INTEGER PRIMARY KEY,
    company_id         INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    need_id            INTEGER REFERENCES need (id) ON DELETE SET NULL,
    title              TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    url                TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL DEFAULT 'interested'
                       CHECK (status IN ('interested', 'applied', 'interviewing', 'offer',
                                         'accepted', 'not_selected', 'withdrawn')),
    status_changed_on  TEXT,
    applied_on         TEXT,
    notes              TEXT    NOT NULL DEFAULT '',
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX opportunity_company ON opportunity (company_id, status);
CREATE INDEX opportunity_status ON opportunity (status);
CREATE INDEX opportunity_need ON opportunity (need_id);

CREATE TABLE opportunity_person (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    part            TEXT    NOT NULL CHECK (part IN ('hiring_manager', 'recruiter',
                                                     'interviewer', 'referrer')),
    PRIMARY KEY (opportunity_id, person_id, part)
) WITHOUT ROWID;
CREATE INDEX opportunity_person_by_person ON opportunity_person (person_id);

CREATE TABLE action (
    id                 INTEGER PRIMARY KEY,
    occurred_on        TEXT    NOT NULL,                    -- ISO date
    direction          TEXT    NOT NULL CHECK (direction IN ('given', 'received')),
    kind               TEXT    NOT NULL CHECK (kind IN ('referral', 'job_lead', 'introduction',
                                    'company_insight', 'recommendation', 'review',
                                    'interview_prep', 'check_in', 'thanks', 'other')),
    counterpart_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    beneficiary_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,
    company_id         INTEGER REFERENCES company (id) ON DELETE SET NULL,
    need_id            INTEGER REFERENCES need (id) ON DELETE SET NULL,
    opportunity_id     INTEGER REFERENCES opportunity (id) ON DELETE SET NULL,
    summary            TEXT    NOT NULL CHECK (length(trim(summary)) > 0),
    notes              TEXT    NOT NULL DEFAULT '',
    weight             INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 3),
    follow_up_on       TEXT,
    follow_up_done_at  TEXT,
    created_at         TEXT    NOT NULL
);
CREATE INDEX action_timeline ON action (occurred_on DESC, id DESC);
CREATE INDEX action_counterpart ON action (counterpart_id, occurred_on);
CREATE INDEX action_beneficiary ON action (beneficiary_id, occurred_on)
    WHERE beneficiary_id IS NOT NULL;
CREATE INDEX action_company ON action (company_id, occurred_on) WHERE company_id IS NOT NULL;
CREATE INDEX action_need ON action (need_id) WHERE need_id IS NOT NULL;
CREATE INDEX action_opportunity ON action (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX action_kind ON action (kind, direction, occurred_on);
CREATE INDEX action_follow_up ON action (follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL;

CREATE TABLE profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL DEFAULT '',
    target_roles  TEXT NOT NULL DEFAULT '',
    pitch         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE profile_skill (
    skill_id  INTEGER PRIMARY KEY REFERENCES skill (id) ON DELETE CASCADE
);

-- Full-text index over people: one row per person (rowid = person.id), kept current by
-- desktop.store.search_index in the same transaction as every write that changes it.
CREATE VIRTUAL TABLE person_search USING fts5 (
    name, company, title, email, location, notes, skills,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Full-text index over actions: one row per action (rowid = action.id), kept current by
-- desktop.store.search_index in the same transaction as every write that changes it.
CREATE VIRTUAL TABLE action_search USING fts5 (
    summary, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
