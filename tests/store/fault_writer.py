"""A writer for the crash tests, killed with SIGKILL at random moments.

Run as `python fault_writer.py` with the project on PYTHONPATH: it imports the program
once, then for each line `run DATABASE REPORT SEED` on standard input forks a child and
prints the child's pid. The child opens DATABASE with `connection.open_database`, prints
`ready PID`, and logs, changes and deletes actions through desktop.core (now and then a
bulk insert through `summaries.paused`, as imports do) until it is killed. After each
commit returns it appends what is now true to REPORT: `+ID` (the action is there), `-ID`
(it is gone); `?-ID` before a delete begins, since a kill between the commit and the
report leaves it unknown. `reap PID` waits for a killed child and prints
`reaped PID STATUS`. Forking a ready interpreter keeps each run short: a fresh Python
would spend the first 200 ms importing.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from datetime import date, timedelta

from desktop.core import actions, people
from desktop.store import connection, summaries

KINDS = tuple(actions.KIND_LABELS)
DIRECTIONS = tuple(actions.DIRECTION_LABELS)


def _report(fd: int, *lines: str) -> None:
    os.write(fd, "".join(f"{line}\n" for line in lines).encode())


def _some_action(rng: random.Random, person_ids: list[int]) -> actions.ActionData:
    counterpart = rng.choice(person_ids)
    others = [p for p in person_ids if p != counterpart]
    direction = rng.choice(DIRECTIONS)
    return actions.ActionData(
        occurred_on=date(2024, 1, 1) + timedelta(days=rng.randrange(700)),
        direction=direction,
        kind=rng.choice(KINDS),
        counterpart_id=counterpart,
        beneficiary_id=rng.choice(others) if direction == "given" and rng.random() < 0.3 else None,
        summary=f"Crash test {rng.randrange(10**6)}",
        weight=rng.choice(actions.WEIGHTS),
    )


def _bulk(rng: random.Random, person_ids: list[int], count: int) -> list[int]:
    """Actions inserted as a bulk load does: triggers off, one rebuild, one transaction."""
    db = connection.db
    with db.atomic(), summaries.paused(db):
        ids = []
        for _ in range(count):
            data = _some_action(rng, person_ids)
            cursor = db.execute_sql(
                "INSERT INTO action (occurred_on, direction, kind, counterpart_id,"
                " beneficiary_id, summary, weight, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    data.occurred_on.isoformat(),
                    data.direction,
                    data.kind,
                    data.counterpart_id,
                    data.beneficiary_id,
                    data.summary,
                    data.weight,
                    "2025-01-01T00:00:00",
                ),
            )
            ids.append(cursor.lastrowid)
    return ids


def write_until_killed(database: str, report: str, seed: int) -> None:
    rng = random.Random(seed)
    fd = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    connection.open_database(database)
    os.write(1, f"ready {os.getpid()}\n".encode())
    person_ids = people.person_ids()
    while True:
        roll = rng.random()
        mine = connection.db.execute_sql("SELECT id FROM action ORDER BY random() LIMIT 1")
        existing = mine.fetchone()
        if roll < 0.08:
            person_ids.append(people.create_person(people.PersonData(name=f"P{rng.random()}")))
        elif roll < 0.12:
            _report(fd, *(f"+{i}" for i in _bulk(rng, person_ids, rng.randrange(5, 30))))
        elif roll < 0.30 and existing:
            _report(fd, f"?-{existing[0]}")
            actions.delete_action(existing[0])
            _report(fd, f"-{existing[0]}")
        elif roll < 0.45 and existing:
            actions.update_action(existing[0], _some_action(rng, person_ids))
        else:
            _report(fd, f"+{actions.create_action(_some_action(rng, person_ids))}")


def main() -> None:
    for line in sys.stdin:
        command, *words = line.split()
        if command == "run":
            pid = os.fork()
            if pid == 0:
                try:
                    write_until_killed(words[0], words[1], int(words[2]))
                except BaseException:  # only a kill should end it: say why it did not
                    traceback.print_exc()
                    sys.stderr.flush()
                os._exit(3)
            print(pid, flush=True)
        elif command == "reap":
            _pid, status = os.waitpid(int(words[0]), 0)
            print(f"reaped {words[0]} {status}", flush=True)


if __name__ == "__main__":
    main()
