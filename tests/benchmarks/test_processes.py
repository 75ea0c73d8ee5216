"""Start-up to first paint against a bare Qt window's, and the memory and GUI stalls of
visiting every page, each in a fresh process, on the large network.

Run with `python -m pytest -m slow tests/benchmarks/test_processes.py -s`.
"""

from __future__ import annotations

import pytest

from . import networks, processes
from .conftest import assert_met

pytestmark = pytest.mark.slow


@pytest.fixture
def copy(large_network, tmp_path):
    return networks.scratch_copy(large_network, tmp_path)


def test_start_up_to_first_paint(copy):
    assert_met(processes.startup(copy))


def test_every_page_shown_within_memory_and_without_freezing(copy):
    assert_met(processes.visit_every_page(copy))
