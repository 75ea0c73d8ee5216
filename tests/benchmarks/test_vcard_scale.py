"""Large vCard files: a card with a 10 MB photo, and 50 MB of cards into a new network.

Run with `python -m pytest -m slow tests/benchmarks/test_vcard_scale.py -s`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import vcards
from .conftest import assert_met

pytestmark = pytest.mark.slow


def test_a_card_with_a_ten_megabyte_photo():
    assert_met(vcards.photo_cards_read())


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
def test_fifty_megabytes_of_cards_into_a_new_network(tmp_path):
    assert_met(vcards.address_book_import(tmp_path))
