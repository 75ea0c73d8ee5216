"""The slow benchmark tests: each runs measures of the suite (`python -m tests.benchmarks`
prints them all in one table) and fails when one misses its target."""

from __future__ import annotations

import pytest

from .networks import LARGE, default_cache, network
from .table import Row, render


@pytest.fixture(scope="session")
def large_network():
    """The large made-up network, from the benchmarks' cache (made the first time)."""
    return network(LARGE, default_cache())


def assert_met(rows: list[Row]) -> None:
    print("\n" + render(rows))
    missed = [
        f"{row.measure}: {row.ours:.2f} {row.unit}, target {row.target}"
        for row in rows
        if not row.passed
    ]
    assert not missed, "; ".join(missed)
