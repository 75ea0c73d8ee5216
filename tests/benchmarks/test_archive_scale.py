"""The full archive of the large network (30,000 people, 1,000,000 actions): out and in,
the import next to its floor, the same load done by SQLite alone.

Run with `python -m pytest -m slow tests/benchmarks/test_archive_scale.py -s`.
"""

from __future__ import annotations

import pytest

from . import writes
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_archive_of_the_large_network(large_network, tmp_path):
    assert_met(writes.archive_out_and_in(large_network, tmp_path))
