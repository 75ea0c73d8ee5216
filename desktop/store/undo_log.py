"""The undo history: for each write the window makes, the SQL that takes it back.

While a database keeps a history (`keep`), each outermost write transaction is one *step*
with a number of its own, and TEMP triggers on every table the person's work lives in
write, for each row the step inserts, updates or deletes, the one statement that puts
that row back as it was (`undo_log`, schema v4). Replaying a step's statements newest
first undoes it, and since the replay is a write like any other, the triggers record the
statements that redo it as a step of its own (`desktop.core.undo`).

Why triggers, rather than each write saying how to take itself back: a delete takes with
it everything hanging on the row (a person's actions, their parts in opportunities, the
companies' people set to none), and SQLite's own cascades are the only complete account
of that. The triggers are TEMP, made on each connection of the window's process (a
worker's import too), so another program's connection (the command line) logs nothing;
its writes empty the history instead (`ReciprocityDatabase.commit`), because undoing a
step over changes it knows nothing of would put back rows as they no longer are.

Left out on purpose: the summaries (`action_day`, `action_person`) and the full-text
indexes, which are worked out from the rows; the replay's own triggers keep the
summaries, and `core.undo` re-indexes what it touched.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.progress import Progress

if TYPE_CHECKING:
    from desktop.store.connection import ReciprocityDatabase

#: The tables whose rows are the person's work, in no particular order.
LOGGED = (
    "company",
    "person",
    "person_role",
    "skill",
    "person_skill",
    "need",
    "need_skill",
    "opportunity",
    "opportunity_person",
    "opportunity_history",
    "action",
    "profile",
    "profile_skill",
    "skill_alias",
    "position",
    "company_alias",
    "tie_tier",
)
#: For the tables that feed a search entry: the column naming whose (`undo_log.ref`).
SEARCH_REF = {
    "person": "id",
    "person_skill": "person_id",
    "company": "id",
    "skill": "id",
    "action": "id",
}

_steps = itertools.count(1)  # step numbers, unique in this process
#: The TEMP table of one row holding the step a connection's triggers log to, and how
#: they read it.
NOW = "temp.undo_now"
STEP = "(SELECT step FROM temp.undo_now)"


class Entry(NamedTuple):
    tbl: str
    op: str  # what the step did to the row: 'insert', 'update' or 'delete'
    ref: int | None
    key: str  # JSON: the row's primary key after the change
    old: str | None  # JSON: its columns before an update or a delete


class Step(NamedTuple):
    step: int
    label: str
    last: int  # the seq of its last change
    changes: int  # how many rows it changed


class Table(NamedTuple):
    name: str
    columns: tuple[str, ...]  # as stored, in the table's order
    keys: tuple[str, ...]  # the primary key's columns


class History:
    """A database's undo history, installed by `keep`: numbers each outermost write
    transaction and makes sure the connection it runs on has its triggers."""

    def __init__(self) -> None:
        self._local = threading.local()  # per thread, like peewee's connections
        self.tables: dict[str, Table] = {}

    def current_step(self) -> int:
        """The step this thread's transaction is, or 0 outside one (nothing is logged)."""
        step: int = getattr(self._local, "step", 0)
        return step

    def begin(self, database: ReciprocityDatabase) -> None:
        """Before a write transaction begins: triggers on its connection, a new number."""
        con = database.connection()
        if getattr(self._local, "connection", None) is not con:
            if not self.tables:
                self.tables = {name: _table(con, name) for name in LOGGED}
            # Outside the transaction, so that its rollback cannot take the triggers away.
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {NOW} (step INTEGER NOT NULL)")
            con.execute(f"INSERT INTO {NOW} SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM {NOW})")
            for table in self.tables.values():
                for sql in _triggers(table):
                    con.execute(sql)
            self._local.connection = con
        self._set(next(_steps))

    def end(self) -> None:
        """The transaction is over: what is written outside one is no step."""
        if self.current_step():
            self._set(0)

    def _set(self, step: int) -> None:
        """The step the triggers log to, on this thread's connection (0: none). In a
        TEMP table the triggers read without a call into Python for every row."""
        self._local.step = step
        con = getattr(self._local, "connection", None)
        if con is not None:
            # A closed connection took its triggers with it: nothing to log to.
            with contextlib.suppress(sqlite3.ProgrammingError):
                con.execute(f"UPDATE {NOW} SET step = ?", (step,))


class _Column(NamedTuple):
    name: str
    pk: int
    hidden: int


def _table(con: sqlite3.Connection, name: str) -> Table:
    columns = query.rows(
        "SELECT name, pk, hidden FROM pragma_table_xinfo(?)", (name,), into=_Column, database=con
    )
    keys = tuple(c.name for c in sorted(columns, key=lambda c: c.pk) if c.pk > 0)
    if not keys:
        raise RuntimeError(f"{name} has no primary key to undo its changes by")
    return Table(name, tuple(c.name for c in columns if c.hidden == 0), keys)


def _triggers(table: Table) -> list[str]:
    """The three TEMP triggers that log how to take back a change to one row of *table*.

    Values go into JSON arrays, which keep NULL, integers and text exactly; none of the
    logged tables holds REAL or BLOB values (a test holds the schema to that)."""
    ref = SEARCH_REF.get(table.name)

    def log(op: str, row: str, old: bool) -> str:
        return (
            f"INSERT INTO undo_log (step, tbl, op, ref, key, old) VALUES ({STEP}, "
            f"'{table.name}', '{op}', {f'{row}.{ref}' if ref else 'NULL'}, "
            f"json_array({', '.join(f'{row}.{k}' for k in table.keys)}), "
            + (f"json_array({', '.join(f'old.{c}' for c in table.columns)})" if old else "NULL")
            + ");"
        )

    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in table.columns)
    head = f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{table.name}"
    on = f"ON main.{table.name} WHEN {STEP}"
    return [
        f"{head}_insert AFTER INSERT {on} BEGIN {log('insert', 'new', False)} END",
        f"{head}_delete AFTER DELETE {on} BEGIN {log('delete', 'old', True)} END",
        f"{head}_update AFTER UPDATE {on} AND ({changed}) BEGIN {log('update', 'new', True)} END",
    ]


#: Rows taken back between two calls of a replay's progress.
PROGRESS_EVERY = 2000


def replay(
    entries: list[Entry],
    history: History,
    database: ReciprocityDatabase,
    progress: Progress | None = None,
) -> None:
    """Take back each change of *entries*, in their order (inside the caller's
    transaction). Runs of one kind of change to one table go as one prepared statement.
    *progress*(done, total) is called now and then, and may raise to stop."""
    done = 0
    for (tbl, op), run in itertools.groupby(entries, key=lambda e: (e.tbl, e.op)):
        table = history.tables[tbl]
        where = " AND ".join(f"{k} = ?" for k in table.keys)
        if op == "insert":
            sql = f"DELETE FROM {tbl} WHERE {where}"
            rows = [json.loads(e.key) for e in run]
        elif op == "delete":
            marks = ", ".join("?" * len(table.columns))
            sql = f"INSERT INTO {tbl} ({', '.join(table.columns)}) VALUES ({marks})"
            rows = [json.loads(e.old or "[]") for e in run]
        else:
            sets = ", ".join(f"{c} = ?" for c in table.columns)
            sql = f"UPDATE {tbl} SET {sets} WHERE {where}"
            rows = [[*json.loads(e.old or "[]"), *json.loads(e.key)] for e in run]
        for start in range(0, len(rows), PROGRESS_EVERY):
            query.execute_many(sql, rows[start : start + PROGRESS_EVERY], database=database)
            done += len(rows[start : start + PROGRESS_EVERY])
            if progress is not None:
                progress(done, len(entries))


def keep(database: ReciprocityDatabase) -> None:
    """Start a history for *database* (the window's), emptying what an earlier run left:
    the history is not kept between runs."""
    forget_all(database)
    database.history = History()


def stop(database: ReciprocityDatabase) -> None:
    """Keep no history from now on (the connections' triggers go with them)."""
    database.history = None


def forget_all(database: ReciprocityDatabase) -> None:
    """Empty the history, if there is one to empty, its bytes overwritten too: it holds
    what the person deleted, which must not outlive the window."""
    if query.value("SELECT EXISTS (SELECT 1 FROM undo_log)", database=database) or query.value(
        "SELECT EXISTS (SELECT 1 FROM undo_step)", database=database
    ):
        query.execute("PRAGMA secure_delete = ON", database=database)
        try:
            with database.atomic():
                query.execute("DELETE FROM undo_log", database=database)
                query.execute("DELETE FROM undo_step", database=database)
        finally:
            query.execute("PRAGMA secure_delete = OFF", database=database)


def name_step(label: str, database: ReciprocityDatabase | None = None) -> None:
    """Say what this transaction's step is, as the Edit menu will ("Delete ‘Dana Ruiz’").
    The first name given wins, so a write that calls others names the whole."""
    from desktop.store.connection import db

    database = database or db
    history = database.history
    if history is not None and history.current_step():
        query.execute(
            "INSERT OR IGNORE INTO undo_step (step, label) VALUES (?, ?)",
            (history.current_step(), label),
            database=database,
        )


def steps_since(seq: int, database: ReciprocityDatabase) -> list[Step]:
    """The steps logged after change *seq*, in the order they were written, with their
    names ('' for a write that gave none), their last change's seq and how many rows they
    changed."""
    return query.rows(
        "SELECT l.step AS step, coalesce(s.label, '') AS label, l.last AS last,"
        " l.changes AS changes FROM (SELECT step, max(seq) AS last, count(*) AS changes"
        " FROM undo_log WHERE seq > ? GROUP BY step) l"
        " LEFT JOIN undo_step s ON s.step = l.step ORDER BY l.last",
        (seq,),
        into=Step,
        database=database,
    )


def entries(step: int, database: ReciprocityDatabase) -> list[Entry]:
    """The changes *step* made, newest first: the order to take them back in."""
    return query.rows(
        "SELECT tbl, op, ref, key, old FROM undo_log WHERE step = ? ORDER BY seq DESC",
        (step,),
        into=Entry,
        database=database,
    )


def label(step: int, database: ReciprocityDatabase) -> str:
    return str(
        query.value("SELECT label FROM undo_step WHERE step = ?", (step,), database=database) or ""
    )


def drop(steps: Iterable[int], database: ReciprocityDatabase) -> None:
    """Forget *steps* (inside the caller's transaction)."""
    for marks, chunk in id_chunks(list(steps)):
        query.execute(f"DELETE FROM undo_log WHERE step IN ({marks})", chunk, database=database)
        query.execute(f"DELETE FROM undo_step WHERE step IN ({marks})", chunk, database=database)


def keep_only(steps: Iterable[int], database: ReciprocityDatabase) -> None:
    """Forget every step but *steps*: those the window can still undo or redo."""
    kept = set(steps)
    known = query.column(
        "SELECT DISTINCT step FROM undo_log UNION SELECT step FROM undo_step", database=database
    )
    gone = [step for step in known if step not in kept]
    if gone:
        with database.atomic():
            drop(gone, database)


def last_seq(database: ReciprocityDatabase) -> int:
    """The seq of the newest change logged (0 when none)."""
    return int(query.value("SELECT coalesce(max(seq), 0) FROM undo_log", database=database))


def logged_steps(database: ReciprocityDatabase) -> set[int]:
    """Every step the log holds changes of."""
    return set(query.column("SELECT DISTINCT step FROM undo_log", database=database))


@contextmanager
def unlogged(database: Any, *tables: str) -> Iterator[None]:
    """Within the caller's transaction: write without logging (a bulk load into an empty
    network, which is no step to undo; the window forgets its history after it).

    The *tables* named lose their triggers meanwhile: a trigger that might write makes
    SQLite keep a statement journal for every row inserted, even when it writes nothing,
    which costs a bulk insert of 30,000 people a fifth of a second. (Dropped and made
    again inside the transaction, so that a rollback brings them back as they were.)"""
    history = getattr(database, "history", None)
    if history is None:
        yield
        return
    step = history.current_step()
    history.end()
    for table in tables:
        for op in ("insert", "update", "delete"):
            query.execute(f"DROP TRIGGER IF EXISTS temp.undo_{table}_{op}", database=database)
    try:
        yield
    finally:
        for table in tables:
            for sql in _triggers(history.tables[table]):
                query.execute(sql, database=database)
        if step:
            history._set(step)


def log_inserts(table: str, after_id: int, database: ReciprocityDatabase) -> None:
    """Log, as this step's, the insert of every row of *table* after id *after_id*: what
    the triggers would have logged for rows inserted `unlogged`, in one statement (a bulk
    insert of thousands of rows logs them a third faster so)."""
    history = database.history
    if history is None or not history.current_step():
        return
    ref = SEARCH_REF.get(table)
    query.execute(
        "INSERT INTO undo_log (step, tbl, op, ref, key, old)"
        f" SELECT ?, ?, 'insert', {'id' if ref == 'id' else 'NULL'}, json_array(id), NULL"
        f" FROM {table} WHERE id > ? ORDER BY id",
        (history.current_step(), table, after_id),
        database=database,
    )
