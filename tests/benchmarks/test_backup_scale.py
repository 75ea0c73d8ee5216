"""Backups of the large network, and the window's heartbeat while one runs on a worker,
against its longest gap with nothing running (the floor); then the file checks.

Run with `python -m pytest -m slow tests/benchmarks/test_backup_scale.py -s`.
"""

from __future__ import annotations

import pytest

from desktop.store import check, connection

from . import networks, writes
from .conftest import assert_met

pytestmark = pytest.mark.slow


@pytest.fixture
def copy(large_network, tmp_path):
    return networks.scratch_copy(large_network, tmp_path)


def test_a_backup_never_stalls_the_window(qapp, copy):
    assert_met(writes.backup_heartbeat(copy))


def test_check_times_are_reported(copy):
    connection.open_database(copy)
    try:
        for full in (False, True):
            report = check.run_check(connection.db, full=full)
            print(f"\n{'full' if full else 'quick'} check: {report.seconds:.1f} s, ok={report.ok}")
            assert report.ok
    finally:
        connection.close_database()
