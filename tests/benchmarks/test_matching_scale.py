"""Matching at the large network's scale (30,000 people, 6,000 needs): who could fill a
need, every need's fit, a company's dossier and brief, the follow-through offer.

Run with `python -m pytest -m slow tests/benchmarks/test_matching_scale.py -s`.
"""

from __future__ import annotations

import pytest

from . import reads
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_matching_dossier_and_brief_at_scale(large_network):
    assert_met(reads.matching_and_dossier(large_network))
