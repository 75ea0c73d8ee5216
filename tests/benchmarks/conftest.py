"""Timing helper shared by the benchmarks."""

from __future__ import annotations

import statistics
import time

import pytest


def _median_ms(repeats: int, work) -> float:
    """Median milliseconds of *repeats* runs of *work*, after one warm-up run."""
    work()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@pytest.fixture
def median_ms():
    return _median_ms
