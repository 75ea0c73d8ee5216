"""Reciprocity charts at 1,000,000 actions: every chart figure at once, against the floor.

Run with `python -m pytest -m slow tests/benchmarks -s`. The figures the reciprocity page
draws (by month, top exchanges, by kind, by role, lag histogram, totals) are timed
together for all time, next to the same SQL statements replayed through raw `sqlite3`
in the same run (the floor). The last twelve months are printed too, for comparison.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

import pytest

from desktop.core import reciprocity as rc
from desktop.core import sample
from desktop.store import connection

pytestmark = pytest.mark.slow

BUDGET_MS = 250  # every chart figure for the range, together
FLOOR_RATIO = 1.5  # against the same SQL through raw sqlite3

FIGURES = {
    "by_period month": lambda rng: rc.by_period(rng, "month", people=False),  # as charted
    "top_exchanges": lambda rng: rc.top_exchanges(rng),
    "by_kind": rc.by_kind,
    "by_role": rc.by_role,
    "lag_histogram": rc.lag_histogram,
    "totals": rc.totals,
}


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    path = tmp_path_factory.mktemp("reciprocity") / "large.sqlite3"
    connection.open_database(path)
    started = time.perf_counter()
    sample.generate_network(connection.db, **sample.LARGE_SIZE)
    generated = time.perf_counter() - started
    print(f"\ngenerated the large network in {generated:.1f} s")
    yield path
    connection.close_database()


def recorded(work, monkeypatch) -> list[tuple[str, tuple]]:
    """The statements (and parameters) *work* sends to the database, in order."""
    statements: list[tuple[str, tuple]] = []
    original = connection.db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        statements.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(connection.db, "execute_sql", spy)
        work()
    return statements


def replay(raw: sqlite3.Connection, statements: list[tuple[str, tuple]]) -> None:
    for sql, params in statements:
        raw.execute(sql, params).fetchall()


def measure(rng, raw, median_ms, monkeypatch, repeats: int) -> tuple[float, float]:
    """(ms, floor ms) for every figure over *rng*, printing each figure's share."""
    print(f"{'figure':<18}{'ms':>9}{'floor':>9}")
    for name, figure in FIGURES.items():
        statements = recorded(lambda f=figure: f(rng), monkeypatch)
        ms = median_ms(repeats, lambda f=figure: f(rng))
        floor = median_ms(repeats, lambda s=statements: replay(raw, s))
        print(f"{name:<18}{ms:>9.1f}{floor:>9.1f}")

    def everything():
        for figure in FIGURES.values():
            figure(rng)

    statements = recorded(everything, monkeypatch)
    together = median_ms(repeats, everything)
    floor = median_ms(repeats, lambda: replay(raw, statements))
    print(f"{'all together':<18}{together:>9.1f}{floor:>9.1f}  ({len(statements)} statements)")
    return together, floor


def test_chart_figures_at_a_million_actions(million, median_ms, monkeypatch):
    everything = rc.totals()
    assert everything.given + everything.received == 1_000_000
    raw = sqlite3.connect(million)
    last_day = date.fromisoformat(raw.execute("SELECT max(occurred_on) FROM action").fetchone()[0])
    year = rc.Range(last_day - timedelta(days=364), last_day)
    print(f"\nlast 12 months ({year.start} to {year.end}):")
    measure(year, raw, median_ms, monkeypatch, repeats=3)
    print("all time:")
    together, floor = measure(rc.ALL_TIME, raw, median_ms, monkeypatch, repeats=5)
    raw.close()
    missed = []
    if together > BUDGET_MS:
        missed.append(f"all time took {together:.0f} ms, over the {BUDGET_MS} ms budget")
    if together > floor * FLOOR_RATIO:
        missed.append(f"{together / floor:.2f} times the raw sqlite3 floor ({floor:.0f} ms)")
    assert not missed, "; ".join(missed)
