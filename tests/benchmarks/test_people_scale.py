"""People at the scale LinkedIn allows (30,000): search on every keystroke, list opening.

Run with `python -m pytest -m slow tests/benchmarks -s`; prints a table of timings, each
next to the same SQL run through raw `sqlite3` (the floor) in the same run.
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from desktop.core import people, sample
from desktop.store import connection

pytestmark = pytest.mark.slow

TYPED = ["a", "ma", "mar", "maria", "data", "data eng", "python", "zz-nobody"]
SEARCH_SQL = (
    "SELECT p.id FROM person_search s JOIN person p ON p.id = s.rowid"
    " WHERE person_search MATCH ? ORDER BY p.sort_key, p.id"
)


@pytest.fixture(scope="module")
def large_people(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "people.sqlite3"
    connection.open_database(path)
    started = time.perf_counter()
    sample.generate_network(connection.db, people=30_000, companies=3_000, actions=0, months=60)
    print(f"\ngenerated 30,000 people in {time.perf_counter() - started:.1f} s")
    yield path
    connection.close_database()


def test_search_per_keystroke_stays_near_raw_sqlite(large_people, median_ms):
    raw = sqlite3.connect(large_people)
    rows = []
    for text in TYPED:
        query = people.fts_query(text)
        ours = median_ms(7, lambda t=text: people.person_ids(t))
        floor = median_ms(7, lambda q=query: raw.execute(SEARCH_SQL, (q,)).fetchall())
        found = len(people.person_ids(text))
        rows.append((text, found, ours, floor))
    raw.close()
    print(f"\n{'typed':<12}{'found':>8}{'ours ms':>10}{'sqlite ms':>11}")
    for text, found, ours, floor in rows:
        print(f"{text:<12}{found:>8}{ours:>10.2f}{floor:>11.2f}")
    for text, _found, ours, floor in rows:
        assert ours <= floor * 1.5 + 2, f"search for {text!r} is far above the SQLite floor"


def test_opening_the_list_reads_ids_and_one_block(large_people, qtbot, median_ms):
    from desktop.ui.models.people_model import PeopleModel

    model = PeopleModel()
    raw = sqlite3.connect(large_people)
    ids_floor = median_ms(
        5, lambda: raw.execute("SELECT id FROM person ORDER BY sort_key, id").fetchall()
    )
    raw.close()

    def open_list():
        model.reload()
        return [model.index(row, 0).data() for row in range(40)]

    ours = median_ms(5, open_list)
    print(f"\nopen 30,000-person list + first 40 rows: {ours:.1f} ms", end=" ")
    print(f"(id query floor {ids_floor:.1f} ms)")
    assert model.rowCount() == 30_000
    assert ours <= ids_floor * 3 + 20
