-- Reciprocity schema, version 2: what version 1 lacked. Frozen like version 1.

-- Skill aliases the user can edit: a short form ('JS') and the skill it stands for
-- ('JavaScript'), both as typed, and both keyed by textkeys.name_key for matching.
CREATE TABLE skill_alias (
    alias_key  TEXT NOT NULL PRIMARY KEY,
    alias      TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    skill_key  TEXT NOT NULL CHECK (skill_key <> alias_key),
    skill      TEXT NOT NULL CHECK (length(trim(skill)) > 0)
) WITHOUT ROWID;

-- Every status an opportunity has had, with the day it changed: the pipeline's history.
CREATE TABLE opportunity_history (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    status          TEXT    NOT NULL
                    CHECK (status IN ('interested', 'applied', 'interviewing', 'offer',
                                      'accepted', 'not_selected', 'withdrawn')),
    changed_on      TEXT    NOT NULL                   -- ISO date
);
CREATE INDEX opportunity_history_by_opportunity ON opportunity_history (opportunity_id, changed_on, id);

INSERT INTO opportunity_history (opportunity_id, status, changed_on)
    SELECT id, status, coalesce(status_changed_on, substr(created_at, 1, 10)) FROM opportunity;

-- Covering indexes for the reciprocity figures, which walk these instead of the table:
-- per person (balance, top exchanges, owed, lag), and per day (periods, kinds, totals).
CREATE INDEX action_reciprocity_person ON action (counterpart_id, direction, occurred_on, weight);
CREATE INDEX action_reciprocity_day
    ON action (occurred_on, direction, kind, weight, counterpart_id, beneficiary_id);

-- When the program last offered to refer others forward, thank the interviewers and keep
-- in touch after a 'not selected': it offers once per opportunity, never again.
ALTER TABLE opportunity ADD COLUMN follow_through_offered_at TEXT;

-- The common short forms, as a start; the user edits them under Edit > Skill aliases.
INSERT INTO skill_alias (alias_key, alias, skill_key, skill) VALUES
    ('js', 'JS', 'javascript', 'JavaScript'),
    ('ts', 'TS', 'typescript', 'TypeScript'),
    ('k8s', 'K8s', 'kubernetes', 'Kubernetes'),
    ('postgres', 'Postgres', 'postgresql', 'PostgreSQL'),
    ('psql', 'psql', 'postgresql', 'PostgreSQL'),
    ('ml', 'ML', 'machine learning', 'Machine learning'),
    ('ai', 'AI', 'artificial intelligence', 'Artificial intelligence'),
    ('py', 'Py', 'python', 'Python'),
    ('ux', 'UX', 'user experience', 'User experience'),
    ('ui', 'UI', 'user interface', 'User interface'),
    ('golang', 'Golang', 'go', 'Go'),
    ('c#', 'C#', 'csharp', 'CSharp'),
    ('c sharp', 'C sharp', 'csharp', 'CSharp'),
    ('node', 'Node', 'node.js', 'Node.js'),
    ('nodejs', 'NodeJS', 'node.js', 'Node.js'),
    ('react.js', 'React.js', 'react', 'React'),
    ('reactjs', 'ReactJS', 'react', 'React'),
    ('aws', 'AWS', 'amazon web services', 'Amazon Web Services'),
    ('gcp', 'GCP', 'google cloud', 'Google Cloud'),
    ('nlp', 'NLP', 'natural language processing', 'Natural language processing');
