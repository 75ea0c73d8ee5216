"""Fill an empty database with the sample network, step by step in one transaction."""

from __future__ import annotations

import random
from datetime import date
from typing import TypedDict

from desktop.sample.actions import make_actions
from desktop.sample.needs import make_needs, make_opportunities
from desktop.sample.people import make_companies, make_people, make_profile, make_skills
from desktop.sample.positions import make_positions
from desktop.sample.run import Run
from desktop.store import query, search_index, summaries
from desktop.store.progress import Progress
from desktop.store.sqltypes import Database


class Size(TypedDict):
    """How big a network to make: `generate_network(db, **size)`."""

    people: int
    companies: int
    actions: int
    months: int


SAMPLE_SIZE = Size(people=150, companies=30, actions=1200, months=18)
LARGE_SIZE = Size(people=30000, companies=3000, actions=1_000_000, months=60)
NEEDS_PER_COMPANY = 2
OPPORTUNITIES_PER_COMPANY = 1
BULK_CACHE_KIB = 64 * 1024

_FILLED_TABLES = (
    ("person", "people"), ("company", "companies"), ("skill", "skills"), ("need", "needs"),
    ("opportunity", "opportunities"), ("action", "actions"),
)  # fmt: skip


def generate_network(
    database: Database,
    *,
    people: int = 150,
    companies: int = 30,
    actions: int = 1200,
    months: int = 18,
    seed: int = 7,
    today: date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill the opened, empty *database* with a sample network; return the row counts.

    Raises ValueError when the database already holds data or the sizes make no sense.
    *progress*, if given, is called now and then with (rows done, rows in all); an
    exception raised from it cancels the whole run and leaves the database as it was.
    """
    if min(people, companies, actions) < 0 or months < 1:
        raise ValueError("Sizes cannot be negative and the period must be at least a month.")
    if actions and not people:
        raise ValueError("Actions need people to happen with; ask for at least one person.")
    run = Run(database, random.Random(seed), today or date.today(), months, progress)
    # A bigger page cache keeps the action indexes in memory: a third faster at scale.
    previous = int(query.value("PRAGMA cache_size", database=database))
    query.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}", database=database)
    try:
        with database.atomic():
            _refuse_unless_empty(database)
            with summaries.paused(database):  # one rebuild beats a trigger run per action
                counts = _fill(run, people, companies, actions)
            search_index.rebuild(database)
    finally:
        query.execute(f"PRAGMA cache_size = {previous}", database=database)
    return counts


def _refuse_unless_empty(database: Database) -> None:
    for table, what in _FILLED_TABLES:
        found = int(query.value(f"SELECT count(*) FROM {table}", database=database))
        if found:
            raise ValueError(
                f"The sample network can only be added to an empty database, and this one "
                f"already holds {found} {what}. Create a new database for the sample."
            )


def _fill(run: Run, n_people: int, n_companies: int, n_actions: int) -> dict[str, int]:
    """Every table in turn; the order matters, for all draws come from one random source."""
    n_needs = n_companies * NEEDS_PER_COMPANY
    n_opportunities = n_companies * OPPORTUNITIES_PER_COMPANY
    run.total = n_companies + n_people + n_needs + n_opportunities + n_actions
    if run.progress:
        run.progress(0, run.total)
    skills = make_skills(run)
    companies = make_companies(run, n_companies)
    people = make_people(run, n_people, skills, companies)
    make_positions(run, companies)
    make_profile(run, skills)
    needs = make_needs(run, n_needs, skills, companies, people)
    opportunities = make_opportunities(run, n_opportunities, companies, people, needs)
    make_actions(run, n_actions, companies, people, needs, opportunities)
    return {
        "companies": n_companies,
        "people": n_people,
        "needs": n_needs,
        "opportunities": n_opportunities,
        "actions": n_actions,
    }
