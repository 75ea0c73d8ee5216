"""Importing 30,000 LinkedIn connections: the time, against the same rows inserted with raw
sqlite3 executemany, and the window's heartbeat while it runs.

Run with `python -m pytest -m slow tests/benchmarks/test_import_scale.py -s`.
"""

from __future__ import annotations

import pytest

from . import writes
from .conftest import assert_met

pytestmark = pytest.mark.slow
ROWS = 30_000


def test_thirty_thousand_linkedin_rows(tmp_path):
    assert_met(writes.linkedin_import(tmp_path, ROWS))


def test_the_window_keeps_its_heartbeat_during_the_import(qapp, tmp_path):
    assert_met(writes.import_heartbeat(tmp_path, ROWS))
