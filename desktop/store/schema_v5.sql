-- Reciprocity schema, version 5: where people work and worked, the other names a company
-- goes by, and keep-in-touch tiers. Frozen like versions 1 to 4.

-- Each person's positions: a company, a title, from and to (each may be unknown; a day,
-- a month '2025-03' or a year '2025'), and where we learned it. The open position
-- (`current` = 1, at most one a person) is what `person.company_id` and `person.title`
-- show; a re-import that shows a new employer ends it and opens another, so the old
-- company stays in the history.
CREATE TABLE position (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    company_id  INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL DEFAULT '',
    started     TEXT    CHECK (started IS NULL OR started GLOB '[12][0-9][0-9][0-9]'
                               OR started GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                               OR started GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ended       TEXT    CHECK (ended IS NULL OR ended GLOB '[12][0-9][0-9][0-9]'
                               OR ended GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                               OR ended GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    current     INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    source      TEXT    NOT NULL DEFAULT 'typed'
                CHECK (source IN ('typed', 'linkedin', 'vcard', 'google', 'outlook', 'merge',
                                  'earlier')),
    created_at  TEXT    NOT NULL,
    CHECK (current = 0 OR ended IS NULL)
);
CREATE UNIQUE INDEX position_open ON position (person_id) WHERE current = 1;
CREATE INDEX position_person ON position (person_id, current);
CREATE INDEX position_company ON position (company_id, current, person_id);

-- Every company's name as warm paths compare it: textkeys.company_key, which folds case,
-- accents, width, punctuation and legal suffixes ('Contoso, Ltd.' is 'contoso').
ALTER TABLE company ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
CREATE INDEX company_match ON company (match_key);

-- Other names a company goes by, as the user confirmed them ('Facebook' is 'Meta'), keyed
-- by textkeys.company_key.
CREATE TABLE company_alias (
    alias_key   TEXT    NOT NULL PRIMARY KEY,
    alias       TEXT    NOT NULL CHECK (length(trim(alias)) > 0),
    company_id  INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX company_alias_by_company ON company_alias (company_id);

-- Keep-in-touch tiers the user names: an ideal gap between contacts (then the person is
-- due) and a longest one (then they are overdue). A person in a tier takes its gaps unless
-- they have their own (`cadence_days` is the ideal, `longest_gap_days` the longest).
CREATE TABLE tie_tier (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key      TEXT    NOT NULL UNIQUE,
    ideal_days    INTEGER NOT NULL CHECK (ideal_days > 0),
    longest_days  INTEGER NOT NULL,
    CHECK (longest_days >= ideal_days)
);
INSERT INTO tie_tier (id, name, name_key, ideal_days, longest_days) VALUES
    (1, 'Close', 'close', 14, 21),
    (2, 'Regular', 'regular', 30, 45),
    (3, 'Occasional', 'occasional', 90, 135);

ALTER TABLE person ADD COLUMN tier_id INTEGER REFERENCES tie_tier (id) ON DELETE SET NULL;
ALTER TABLE person ADD COLUMN longest_gap_days INTEGER
    CHECK (longest_gap_days IS NULL OR longest_gap_days > 0);
CREATE INDEX person_tier ON person (tier_id) WHERE tier_id IS NOT NULL;

-- Today's company and title become each person's first position, learned before
-- positions were kept.
INSERT INTO position (person_id, company_id, title, current, source, created_at)
    SELECT id, company_id, title, 1, 'earlier', created_at FROM person
    WHERE company_id IS NOT NULL;
