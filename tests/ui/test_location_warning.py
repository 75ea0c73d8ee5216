"""The one-time warning about a network in a synced or network folder, and the move."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core import people
from desktop.store import connection
from desktop.ui import location_check
from desktop.ui.dialogs.location_warning import KEEP, LATER, MOVE, LocationWarning

REASON = "is inside your Dropbox folder"


# -- the dialog ------------------------------------------------------------------------------


@pytest.fixture
def warning(qtbot, tmp_path):
    def make(folder=tmp_path / "local"):
        dialog = LocationWarning(None, tmp_path / "Dropbox" / "<b>net</b>.sqlite3", REASON, folder)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def test_the_warning_says_where_why_and_what_can_be_done(warning, tmp_path):
    dialog = warning()
    assert dialog.textFormat() == Qt.TextFormat.PlainText  # the name is shown as spelled
    assert "<b>net</b>.sqlite3 is inside your Dropbox folder." in dialog.text()
    informative = dialog.informativeText()
    assert "damage your network" in informative
    assert str(tmp_path / "local") in informative
    assert "you will not be asked again" in informative
    assert dialog.move_button.text() == "&Move it to this computer"
    assert dialog.defaultButton() is dialog.move_button


@pytest.mark.parametrize(
    ("button", "choice"),
    [("move_button", MOVE), ("keep_button", KEEP), ("later_button", LATER)],
)
def test_each_button_is_its_choice(warning, button, choice):
    dialog = warning()
    getattr(dialog, button).click()
    assert dialog.choice() == choice


def test_escape_asks_again_next_time(warning, qtbot):
    dialog = warning()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() == LATER


def test_no_move_is_offered_without_a_safe_folder(warning):
    dialog = warning(folder=None)
    assert dialog.move_button is None
    assert dialog.defaultButton() is dialog.later_button
    assert "move it" not in dialog.informativeText()


def test_ask_returns_the_choice(qtbot, tmp_path, on_next_dialog):
    def keep(dialog):
        assert isinstance(dialog, QMessageBox)
        dialog.keep_button.click()

    on_next_dialog(keep)
    assert LocationWarning.ask(None, tmp_path / "x.sqlite3", REASON, None) == KEEP


# -- when it is asked, and the move ----------------------------------------------------------


class FakeGuard:
    def __init__(self):
        self.claimed, self.settled = [], []

    def claim(self, path):
        self.claimed.append(path)

    def settle(self, path):
        self.settled.append(path)


class Asked(list):
    """What the warning was asked, as (path, reason, folder); answers with `answers`."""

    def __init__(self):
        super().__init__()
        self.answers: list[str] = []

    def __call__(self, parent, path, reason, folder):
        self.append((path, reason, folder))
        return self.answers.pop(0)


@pytest.fixture
def asked(monkeypatch):
    made = Asked()
    monkeypatch.setattr(location_check, "ask", made)
    return made


@pytest.fixture
def reported(monkeypatch):
    said = []
    monkeypatch.setattr(location_check, "report", lambda parent, text: said.append(text))
    return said


@pytest.fixture
def synced(tmp_path):
    """A real network with one person, closed, in a "synced" folder."""
    path = connection.open_database(tmp_path / "Dropbox" / "network.sqlite3")
    people.create_person(people.PersonData(name="Ada Lovelace"))
    connection.close_database()
    return path


def settle(settings, path, guard=None, *, data_folder, risky=None):
    def dropbox(candidate):
        return REASON if "Dropbox" in candidate.parts else None

    return location_check.settle(
        None, settings, path, guard or FakeGuard(), data_folder=data_folder, risky=risky or dropbox
    )


def test_an_ordinary_folder_is_not_asked_about(settings, tmp_path, asked):
    path = tmp_path / "Documents" / "network.sqlite3"
    assert settle(settings, path, data_folder=tmp_path / "local") == path
    assert asked == []


def test_keep_it_here_is_remembered_for_that_file(settings, synced, tmp_path, asked):
    asked.answers[:] = [KEEP, LATER]
    local = tmp_path / "local"
    assert settle(settings, synced, data_folder=local) == synced
    assert asked == [(synced, REASON, local)]
    assert settle(settings, synced, data_folder=local) == synced
    assert len(asked) == 1  # never asked again about this file
    other = synced.with_name("other.sqlite3")
    assert settle(settings, other, data_folder=local) == other
    assert len(asked) == 2  # another file is asked about


def test_ask_me_later_asks_again_next_time(settings, synced, tmp_path, asked):
    asked.answers[:] = [LATER, LATER]
    for _ in range(2):
        assert settle(settings, synced, data_folder=tmp_path / "local") == synced
    assert len(asked) == 2


def test_the_move_opens_the_moved_network_and_finds_it_next_time(settings, synced, tmp_path, asked):
    asked.answers[:] = [MOVE]
    guard = FakeGuard()
    local = tmp_path / "local"
    target = settle(settings, synced, guard, data_folder=local)
    assert target == local / "network.sqlite3"
    assert guard.claimed == [target]  # no other window opens it while it arrives
    assert not synced.exists()
    assert list(synced.parent.iterdir()) == []
    con = sqlite3.connect(target)
    assert con.execute("SELECT name FROM person").fetchall() == [("Ada Lovelace",)]
    con.close()
    # Started again with the old path (a shortcut, --database): the moved file opens.
    assert settle(settings, synced, data_folder=local) == target
    assert len(asked) == 1


def test_a_move_onto_an_existing_file_is_refused_in_words(
    settings, synced, tmp_path, asked, reported
):
    asked.answers[:] = [MOVE]
    local = tmp_path / "local"
    local.mkdir()
    (local / "network.sqlite3").write_bytes(b"another network")
    before = synced.read_bytes()
    guard = FakeGuard()
    assert settle(settings, synced, guard, data_folder=local) == synced
    assert "There is already a database at" in reported[0]
    assert synced.read_bytes() == before
    assert (local / "network.sqlite3").read_bytes() == b"another network"
    assert guard.settled == [synced]  # the claim on the target is let go again


def test_a_network_in_the_data_folder_is_warned_about_without_a_move(settings, tmp_path, asked):
    asked.answers[:] = [LATER]
    data = tmp_path / "Dropbox" / "Reciprocity"  # the whole data folder is synced
    assert settle(settings, data / "reciprocity.sqlite3", data_folder=data) == (
        data / "reciprocity.sqlite3"
    )
    assert asked[0][2] is None


def test_no_move_into_a_data_folder_that_is_risky_too(settings, synced, tmp_path, asked):
    asked.answers[:] = [LATER]
    settle(settings, synced, data_folder=tmp_path / "Dropbox" / "local")
    assert asked[0][2] is None


# -- at start ---------------------------------------------------------------------------------


@pytest.fixture
def run_program(qtbot, tmp_path, settings, monkeypatch):
    """`application.run` in this process, its event loop and global hooks left out."""
    import sys
    import threading

    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.app import parse_args
    from desktop.store import instance
    from desktop.ui import application, single_instance

    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(tmp_path / "locks"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", "")  # sockets by name, in the temporary folder
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(application, "QSettings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    guards = []
    real_guard = single_instance.Guard

    def guard(*args, **kwargs):
        guards.append(real_guard(*args, **kwargs))
        return guards[-1]

    monkeypatch.setattr(single_instance, "Guard", guard)

    def run(*argv):
        return application.run(parse_args([str(a) for a in argv]), 0.0)

    yield run
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, application.MainWindow):
            widget.close()
            widget.deleteLater()
    for made in guards:
        made.release()
    connection.close_database()


def test_start_warns_about_the_network_it_opens(run_program, tmp_path, asked):
    asked.answers[:] = [KEEP]
    synced = tmp_path / "Dropbox" / "network.sqlite3"
    assert run_program("--database", synced) == 0
    assert asked == [(synced, REASON, tmp_path / "data")]
    assert connection.db.database == str(synced)  # kept where it is, and opened


def test_start_moves_the_network_when_asked_and_opens_the_moved_one(run_program, tmp_path, asked):
    synced = connection.open_database(tmp_path / "Dropbox" / "network.sqlite3")
    connection.close_database()
    asked.answers[:] = [MOVE]
    assert run_program("--database", synced) == 0
    assert connection.db.database == str(tmp_path / "data" / "network.sqlite3")
    assert not synced.exists()


def test_the_sample_network_is_not_asked_about(run_program, tmp_path, monkeypatch, asked):
    from desktop import paths

    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "Dropbox" / "data")
    assert run_program("--demo") == 0
    assert asked == []
