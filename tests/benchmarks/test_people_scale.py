"""People at the scale LinkedIn allows (30,000): search on every keystroke, list opening.

Run with `python -m pytest -m slow tests/benchmarks -s`; each time is printed next to the
same SQL run through raw `sqlite3` (the floor) in the same run.
"""

from __future__ import annotations

import pytest

from . import reads
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_search_per_keystroke_stays_near_raw_sqlite(large_network):
    assert_met(reads.search(large_network))


def test_opening_the_list_reads_ids_and_one_block(large_network, qapp):
    assert_met(reads.people_list(large_network))
