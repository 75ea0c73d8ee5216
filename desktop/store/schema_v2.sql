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

-- Summaries of the timeline that the all-time reciprocity figures read instead of walking
-- a million actions: per day, direction and kind; and per person (as counterpart). Kept
-- current by the triggers below in the same statement as every change to `action`; a bulk
-- load pauses them (summary_state.paused = 1) and rebuilds both tables when done.
CREATE TABLE action_day (
    day        TEXT    NOT NULL,
    direction  TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    n          INTEGER NOT NULL,
    weight     INTEGER NOT NULL,
    PRIMARY KEY (day, direction, kind)
) WITHOUT ROWID;

-- One row per person with actions as counterpart, or helped (as beneficiary) by one I gave.
-- came_back_on: their first help after the first thing I gave them.
CREATE TABLE action_person (
    person_id        INTEGER PRIMARY KEY,
    given            INTEGER NOT NULL,
    received         INTEGER NOT NULL,
    given_weight     INTEGER NOT NULL,
    received_weight  INTEGER NOT NULL,
    first_given      TEXT,
    last_given       TEXT,
    last_received    TEXT,
    came_back_on     TEXT,
    helped           INTEGER NOT NULL
);

CREATE TABLE summary_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    paused  INTEGER NOT NULL CHECK (paused IN (0, 1))
);
INSERT INTO summary_state (id, paused) VALUES (1, 0);

CREATE TRIGGER action_summary_insert AFTER INSERT ON action WHEN (SELECT paused FROM summary_state) = 0
BEGIN
    INSERT INTO action_day (day, direction, kind, n, weight)
        VALUES (NEW.occurred_on, NEW.direction, NEW.kind, 1, NEW.weight)
        ON CONFLICT (day, direction, kind)
        DO UPDATE SET n = n + 1, weight = weight + excluded.weight;
    DELETE FROM action_person WHERE person_id = NEW.counterpart_id;
    INSERT INTO action_person
        SELECT NEW.counterpart_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = NEW.counterpart_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = NEW.counterpart_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = NEW.counterpart_id) s
        WHERE NEW.counterpart_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = NEW.counterpart_id AND b.direction = 'given'));
    DELETE FROM action_person WHERE person_id = NEW.beneficiary_id;
    INSERT INTO action_person
        SELECT NEW.beneficiary_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = NEW.beneficiary_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = NEW.beneficiary_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = NEW.beneficiary_id) s
        WHERE NEW.beneficiary_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = NEW.beneficiary_id AND b.direction = 'given'));
END;

CREATE TRIGGER action_summary_delete AFTER DELETE ON action WHEN (SELECT paused FROM summary_state) = 0
BEGIN
    UPDATE action_day SET n = n - 1, weight = weight - OLD.weight
        WHERE day = OLD.occurred_on AND direction = OLD.direction AND kind = OLD.kind;
    DELETE FROM action_day
        WHERE day = OLD.occurred_on AND direction = OLD.direction AND kind = OLD.kind AND n = 0;
    DELETE FROM action_person WHERE person_id = OLD.counterpart_id;
    INSERT INTO action_person
        SELECT OLD.counterpart_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = OLD.counterpart_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = OLD.counterpart_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = OLD.counterpart_id) s
        WHERE OLD.counterpart_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = OLD.counterpart_id AND b.direction = 'given'));
    DELETE FROM action_person WHERE person_id = OLD.beneficiary_id;
    INSERT INTO action_person
        SELECT OLD.beneficiary_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = OLD.beneficiary_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = OLD.beneficiary_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = OLD.beneficiary_id) s
        WHERE OLD.beneficiary_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = OLD.beneficiary_id AND b.direction = 'given'));
END;

CREATE TRIGGER action_summary_update
AFTER UPDATE OF occurred_on, direction, kind, weight, counterpart_id, beneficiary_id ON action
WHEN (SELECT paused FROM summary_state) = 0
BEGIN
    UPDATE action_day SET n = n - 1, weight = weight - OLD.weight
        WHERE day = OLD.occurred_on AND direction = OLD.direction AND kind = OLD.kind;
    DELETE FROM action_day
        WHERE day = OLD.occurred_on AND direction = OLD.direction AND kind = OLD.kind AND n = 0;
    INSERT INTO action_day (day, direction, kind, n, weight)
        VALUES (NEW.occurred_on, NEW.direction, NEW.kind, 1, NEW.weight)
        ON CONFLICT (day, direction, kind)
        DO UPDATE SET n = n + 1, weight = weight + excluded.weight;
    DELETE FROM action_person WHERE person_id = OLD.counterpart_id;
    INSERT INTO action_person
        SELECT OLD.counterpart_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = OLD.counterpart_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = OLD.counterpart_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = OLD.counterpart_id) s
        WHERE OLD.counterpart_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = OLD.counterpart_id AND b.direction = 'given'));
    DELETE FROM action_person WHERE person_id = OLD.beneficiary_id;
    INSERT INTO action_person
        SELECT OLD.beneficiary_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = OLD.beneficiary_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = OLD.beneficiary_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = OLD.beneficiary_id) s
        WHERE OLD.beneficiary_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = OLD.beneficiary_id AND b.direction = 'given'));
    DELETE FROM action_person WHERE person_id = NEW.counterpart_id;
    INSERT INTO action_person
        SELECT NEW.counterpart_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = NEW.counterpart_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = NEW.counterpart_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = NEW.counterpart_id) s
        WHERE NEW.counterpart_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = NEW.counterpart_id AND b.direction = 'given'));
    DELETE FROM action_person WHERE person_id = NEW.beneficiary_id;
    INSERT INTO action_person
        SELECT NEW.beneficiary_id, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
               s.last_given, s.last_received,
               (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = NEW.beneficiary_id
                  AND r.direction = 'received' AND r.occurred_on > s.first_given),
               s.given > 0 OR EXISTS (SELECT 1 FROM action b
                                      WHERE b.beneficiary_id = NEW.beneficiary_id AND b.direction = 'given')
        FROM (SELECT count(*) FILTER (WHERE direction = 'given') AS given,
                     count(*) FILTER (WHERE direction = 'received') AS received,
                     coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                     coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                         AS received_weight,
                     min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                     max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                     max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
              FROM action WHERE counterpart_id = NEW.beneficiary_id) s
        WHERE NEW.beneficiary_id IS NOT NULL
          AND (s.given + s.received > 0
               OR EXISTS (SELECT 1 FROM action b
                          WHERE b.beneficiary_id = NEW.beneficiary_id AND b.direction = 'given'));
END;

-- Summaries of the timeline as it stands when upgrading (desktop.store.summaries.REBUILD).
INSERT INTO action_day (day, direction, kind, n, weight)
    SELECT occurred_on, direction, kind, count(*), sum(weight) FROM action
    GROUP BY occurred_on, direction, kind;
INSERT INTO action_person
    SELECT s.who, s.given, s.received, s.given_weight, s.received_weight, s.first_given,
           s.last_given, s.last_received,
           (SELECT min(r.occurred_on) FROM action r WHERE r.counterpart_id = s.who
              AND r.direction = 'received' AND r.occurred_on > s.first_given),
           s.given > 0
    FROM (SELECT counterpart_id AS who,
                 count(*) FILTER (WHERE direction = 'given') AS given,
                 count(*) FILTER (WHERE direction = 'received') AS received,
                 coalesce(sum(weight) FILTER (WHERE direction = 'given'), 0) AS given_weight,
                 coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0)
                     AS received_weight,
                 min(occurred_on) FILTER (WHERE direction = 'given') AS first_given,
                 max(occurred_on) FILTER (WHERE direction = 'given') AS last_given,
                 max(occurred_on) FILTER (WHERE direction = 'received') AS last_received
          FROM action GROUP BY counterpart_id) s;
UPDATE action_person SET helped = 1 WHERE helped = 0 AND person_id IN
    (SELECT beneficiary_id FROM action WHERE direction = 'given' AND beneficiary_id IS NOT NULL);
INSERT INTO action_person
    SELECT DISTINCT beneficiary_id, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 1 FROM action
    WHERE direction = 'given' AND beneficiary_id IS NOT NULL
      AND beneficiary_id NOT IN (SELECT person_id FROM action_person);
