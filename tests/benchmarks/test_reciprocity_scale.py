"""Reciprocity charts at 1,000,000 actions: every figure the page draws (by month, top
exchanges, by kind, by role, lag histogram, totals) together, next to the same SQL
statements replayed through raw `sqlite3` in the same run (the floor).

Run with `python -m pytest -m slow tests/benchmarks -s`.
"""

from __future__ import annotations

import pytest

from . import reads
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_chart_figures_at_a_million_actions(large_network):
    assert_met(reads.charts(large_network))
