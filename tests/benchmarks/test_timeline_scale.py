"""The timeline at 1,000,000 actions: first page, next pages, count, and memory.

Run with `python -m pytest -m slow tests/benchmarks -s`. Each time is printed next to the
same SQL run through raw `sqlite3` in the same run (the floor).
"""

from __future__ import annotations

import sqlite3
import time
import tracemalloc

import pytest

from desktop.core import sample, timeline
from desktop.core.timeline import TimelineFilter
from desktop.store import connection

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "large.sqlite3"
    connection.open_database(path)
    started = time.perf_counter()
    sample.generate_network(connection.db, **sample.LARGE_SIZE)
    print(f"\ngenerated the large network in {time.perf_counter() - started:.1f} s")
    yield path
    connection.close_database()


def test_timeline_pages_at_a_million_actions(million, qtbot, median_ms):
    from desktop.ui.models.timeline_model import TimelineModel

    raw = sqlite3.connect(million)
    filters = {
        "everything": TimelineFilter(),
        "one person": TimelineFilter(person_id=42),
        "referrals given": TimelineFilter(kinds=frozenset({"referral"}), direction="given"),
        "text 'lead'": TimelineFilter(text="lead"),
    }
    print(f"\n{'filter':<18}{'first ms':>10}{'floor':>8}{'next ms':>9}{'count ms':>10}")
    for name, flt in filters.items():
        first = median_ms(5, lambda f=flt: timeline.page(f))
        sql, params = timeline.page_sql(flt)
        floor = median_ms(5, lambda s=sql, p=params: raw.execute(s, p).fetchall())
        cursor_row = timeline.page(flt)[-1]
        after = (cursor_row.occurred_on, cursor_row.id)
        following = median_ms(5, lambda f=flt, a=after: timeline.page(f, a))
        counting = median_ms(3, lambda f=flt: timeline.count(f))
        print(f"{name:<18}{first:>10.1f}{floor:>8.1f}{following:>9.1f}{counting:>10.1f}")
        assert first <= floor * 1.5 + 5
    raw.close()

    tracemalloc.start()
    model = TimelineModel()
    started = time.perf_counter()
    model.reload()
    opened = (time.perf_counter() - started) * 1000
    after_open = tracemalloc.get_traced_memory()[0]
    for _ in range(10):
        model.fetchMore()
    after_ten = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"model: opened in {opened:.0f} ms with {model.total():,} actions;"
        f" {after_open / 1e6:.2f} MB after the first page,"
        f" {after_ten / 1e6:.2f} MB after 10 more pages ({model.rowCount():,} rows)"
    )
    assert model.total() == 1_000_000
    assert after_ten < 20e6  # pages, not the whole table
