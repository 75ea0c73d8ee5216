"""The sample network's employment histories: everyone's current position, earlier jobs
for about half of them, some who left without a new one, and a few who moved this month,
so that warm paths have former staff and the dashboard has moves to tell of."""

from __future__ import annotations

import random
from datetime import date
from typing import NamedTuple

from desktop.sample import vocabulary
from desktop.sample.people import Companies
from desktop.sample.run import Run
from desktop.store import query

EARLIER = 0.5  # people with earlier jobs
LEFT = 0.3  # of those without a company: they had one
MOVED_THIS_MONTH = 0.03  # of those with a company: seen in a new job lately
_TITLES = sorted({t for family in vocabulary.FAMILIES.values() for t in family["titles"]})


class _Person(NamedTuple):
    id: int
    company_id: int | None
    title: str
    created_at: str


def _month(today: date, months_ago: int) -> str:
    index = today.year * 12 + today.month - 1 - months_ago
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def make_positions(run: Run, companies: Companies) -> int:
    """Insert the positions for the people already made; returns how many."""
    # A random source of its own, so that the histories leave every other draw as it was.
    rng = random.Random(f"positions {run.ndays} {len(companies.name)}")
    today = date.fromordinal(run.start + run.ndays - 1)
    people = query.rows(
        "SELECT id, company_id, title, created_at FROM person ORDER BY id",
        database=run.database,
        into=_Person,
    )
    rows: list[tuple[object, ...]] = []
    for person in people:
        mine: list[tuple[object, ...]] = []  # the open position first, then older ones
        imported = person.created_at.endswith(" 20:14:07")  # how make_people marks them
        source = "linkedin" if imported else "typed"
        moved = person.company_id is not None and rng.random() < MOVED_THIS_MONTH
        started = 0 if moved else rng.randint(3, 96)
        if person.company_id is not None:
            created = person.created_at
            if moved:  # noticed by a re-import on a day of this month
                created = max(created, run.stamp(run.ndays - 1 - rng.randrange(today.day)))
            mine.append((person.id, person.company_id, person.title, _month(today, started),
                         None, 1, "linkedin" if moved else source, created))  # fmt: skip
        had = person.company_id is not None and (moved or rng.random() < EARLIER)
        left = person.company_id is None and rng.random() < LEFT
        if (had or left) and companies.pick is not None:
            mine += _earlier(rng, companies, person, today, started)
        rows += reversed(mine)  # oldest first, as they would have been learned
    columns = "person_id, company_id, title, started, ended, current, source, created_at"
    return run.insert("position", columns, rows)


def _earlier(
    rng: random.Random, companies: Companies, person: _Person, today: date, started: int
) -> list[tuple[object, ...]]:
    """One or two jobs before the present one (or before none), newest first."""
    assert companies.pick is not None
    source = "linkedin" if person.created_at.endswith(" 20:14:07") else "typed"
    found: list[tuple[object, ...]] = []
    end = started if person.company_id is not None else rng.randint(1, 36)
    for _ in range(rng.choice((1, 1, 2))):
        company = companies.pick(rng.random)
        if company == person.company_id:
            continue
        length = rng.randint(8, 60)
        found.append((person.id, company, rng.choice(_TITLES), _month(today, end + length),
                      _month(today, end), 0, source, person.created_at))  # fmt: skip
        end += length + rng.randint(0, 6)
    return found
