"""Matching at the large sample's scale (30,000 people, 6,000 needs): candidates per need.

Run with `python -m pytest -m slow tests/benchmarks/test_matching_scale.py -s`; prints the
median time of `candidates(need_id)` for a few needs, and of `needs_for_person`.
"""

from __future__ import annotations

import time

import pytest

from desktop.core import matching, sample
from desktop.store import connection

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def large_network(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "network.sqlite3"
    connection.open_database(path)
    started = time.perf_counter()
    counts = sample.generate_network(connection.db, **sample.LARGE_SIZE)
    print(f"\ngenerated the large network in {time.perf_counter() - started:.1f} s: {counts}")
    yield path
    connection.close_database()


def test_candidates_per_need_is_quick(large_network, median_ms):
    db = connection.db
    # Needs with the most and fewest skills, and one from the middle of the table.
    most, fewest = (
        db.execute_sql(
            "SELECT need_id FROM need_skill GROUP BY need_id"
            f" ORDER BY count(*) {order}, need_id LIMIT 1"
        ).fetchone()[0]
        for order in ("DESC", "ASC")
    )
    middle = db.execute_sql("SELECT max(id) / 2 FROM need").fetchone()[0]
    medians = []
    for need_id in (most, fewest, middle):
        found = matching.candidates(need_id)
        assert found  # the sample network has people for every skill family
        ms = median_ms(7, lambda need_id=need_id: matching.candidates(need_id))
        skills = db.execute_sql(
            "SELECT count(*) FROM need_skill WHERE need_id = ?", (need_id,)
        ).fetchone()[0]
        print(f"candidates(need {need_id}, {skills} skills): {ms:.1f} ms, top: {found[0].reasons}")
        medians.append(ms)
    person_id = found[0].person_id
    ms = median_ms(7, lambda: matching.needs_for_person(person_id))
    print(f"needs_for_person({person_id}): {ms:.1f} ms")
    assert sorted(medians)[1] < 100
