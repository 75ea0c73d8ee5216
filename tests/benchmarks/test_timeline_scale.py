"""The timeline at 1,000,000 actions: first page, next pages, and memory, next to the same
SQL run through raw `sqlite3` in the same run (the floor).

Run with `python -m pytest -m slow tests/benchmarks -s`.
"""

from __future__ import annotations

import pytest

from . import reads
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_timeline_pages_at_a_million_actions(large_network, qapp):
    assert_met(reads.timeline_pages(large_network))
