"""End to end: the real program started as a separate process."""

from __future__ import annotations

import os
import re
import subprocess
import sys

SMOKE = re.compile(r"^ok (\d+)$", re.MULTILINE)


def run_program(*args, cwd, home):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_smoke_test_on_a_fresh_database(tmp_path):
    database = tmp_path / "fresh" / "reciprocity.sqlite3"
    result = run_program("--smoke-test", "--database", str(database), cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    match = SMOKE.search(result.stdout)
    assert match, result.stdout
    assert 0 < int(match.group(1)) < 120_000
    assert database.exists()


def test_smoke_test_opens_the_sample_network(tmp_path):
    result = run_program("--demo", "--smoke-test", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert SMOKE.search(result.stdout)
    samples = list((tmp_path / "data").rglob("sample-network.sqlite3"))
    assert len(samples) == 1


def test_smoke_test_reports_a_bad_file_and_fails(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    result = run_program("--smoke-test", "--database", str(bad), cwd=tmp_path, home=tmp_path)
    assert result.returncode != 0
    assert "is not a Reciprocity database" in result.stdout
    assert bad.read_bytes() == b"not a database at all" * 100


def test_help_names_the_options(tmp_path):
    result = run_program("--help", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0
    for option in ("--database", "--demo", "--smoke-test"):
        assert option in result.stdout


def test_the_smoke_test_checks_the_endings_list_and_the_matcher_are_there(monkeypatch):
    """A bundle that left out the list of top-level domains would accept any ending."""
    from desktop.core import validation
    from desktop.ui import application

    assert application._knows_endings_and_spellings()
    monkeypatch.setattr(validation, "_is_top_level", lambda _label: True)  # no list read
    assert not application._knows_endings_and_spellings()
