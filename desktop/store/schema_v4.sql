-- Reciprocity schema, version 4: the undo history of the window that has the file open.
-- Frozen like versions 1 to 3.
--
-- Each write the person makes in the window is one step; for every row it inserted,
-- updated or deleted, `undo_log` holds what it takes to put that row back as it was (see
-- desktop.store.undo_log). The history is the window's alone: it is emptied each time
-- the window opens the file, and by any other program's write (the command line), whose
-- changes the steps would otherwise undo blindly.

CREATE TABLE undo_log (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even once the log is emptied
    step  INTEGER NOT NULL,
    tbl   TEXT    NOT NULL,   -- the table the row is in
    op    TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),  -- what the step did
    ref   INTEGER,            -- whose search entry it touches (a person, an action), if any
    key   TEXT    NOT NULL,   -- the row's primary key after the change, as a JSON array
    old   TEXT                -- its columns before an update or delete, as a JSON array
);
-- No index on step: keeping one up costs more than the whole log during an import of
-- thousands of rows, and the log is only ever read a step at a time, or from a seq on.

CREATE TABLE undo_step (
    step   INTEGER PRIMARY KEY,
    label  TEXT    NOT NULL   -- what the person did, as the Edit menu says it: "Delete ‘Dana Ruiz’"
);
