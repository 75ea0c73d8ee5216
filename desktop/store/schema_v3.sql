-- Reciprocity schema, version 3: the parts of a person's name as a source gives them
-- (vCard N; LinkedIn, Google and Outlook given/middle/family). `name` stays what is shown;
-- the parts are kept beside it, never guessed by splitting it. Frozen like versions 1 and 2.

ALTER TABLE person ADD COLUMN given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN middle_name TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN family_name TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN name_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN name_suffix TEXT NOT NULL DEFAULT '';
