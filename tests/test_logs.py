"""The log file: where it is, that tests keep out of the user's folder, what a bug writes."""

from __future__ import annotations

import os
import stat

from platformdirs import user_log_path

from desktop import APP_NAME, logs


def test_the_log_folder_can_be_chosen_and_tests_never_use_the_users(tmp_path, monkeypatch):
    assert logs.log_dir() != user_log_path(APP_NAME, appauthor=False)  # set for every test
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    assert logs.log_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(logs.LOG_DIR_VARIABLE)
    assert logs.log_dir() == user_log_path(APP_NAME, appauthor=False)


def test_a_bug_is_written_with_its_traceback_to_a_private_file():
    path = logs.setup()
    assert path.parent == logs.log_dir()
    try:
        raise RuntimeError("injected")
    except RuntimeError as exc:
        assert logs.log_bug("saving the person", exc) == path
    text = path.read_text(encoding="utf-8")
    assert "Unexpected error while saving the person" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: injected" in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
