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


def test_needs_opportunities_dossier_and_brief_at_scale(large_network, median_ms):
    """What the Needs, Opportunities and Companies pages ask for at the large size.

    The floor is counting every need's skills through raw sqlite3, in the same run.
    """
    import sqlite3

    from desktop.core import brief, dossier, follow_through, needs, opportunities

    db = connection.db
    raw = sqlite3.connect(large_network)
    floor = median_ms(
        5,
        lambda: raw.execute("SELECT need_id, count(*) FROM need_skill GROUP BY need_id").fetchall(),
    )
    raw.close()
    n_needs = db.execute_sql("SELECT count(*) FROM need").fetchone()[0]
    all_fits = median_ms(5, lambda: matching.fit_levels())
    ids = needs.need_ids()
    page = median_ms(5, lambda: matching.fit_levels(ids[:200]))
    fit_filter = median_ms(5, lambda: [i for i, (lv, _o) in matching.fit_levels(ids).items()])
    opportunity_list = median_ms(5, lambda: opportunities.opportunity_ids(status="active"))
    busiest = db.execute_sql(
        "SELECT company_id FROM person WHERE company_id IS NOT NULL"
        " GROUP BY company_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    dossier_ms = median_ms(5, lambda: dossier.dossier(busiest))
    brief_ms = median_ms(5, lambda: brief.company_brief(busiest))
    ended = db.execute_sql(
        "SELECT id FROM opportunity WHERE status = 'not_selected' AND need_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    offer_ms = median_ms(5, lambda: follow_through.offer(ended))
    print(
        f"\n{n_needs:,} needs; floor (count each need's skills, raw sqlite3) {floor:.1f} ms;"
        f" fit of every need {all_fits:.1f} ms; of a 200-row block {page:.1f} ms;"
        f" fit filter over the list {fit_filter:.1f} ms;"
        f" active opportunities {opportunity_list:.1f} ms; dossier {dossier_ms:.1f} ms;"
        f" brief {brief_ms:.1f} ms; follow-through offer {offer_ms:.1f} ms"
    )
    assert max(all_fits, dossier_ms, brief_ms, offer_ms) < 100 + floor
