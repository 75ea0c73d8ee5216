"""Start-up when the network cannot be opened as it is: damaged, read-only, another file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import disks
import pytest
from PySide6.QtWidgets import QWidget

from desktop.core import people
from desktop.store import backups, connection
from desktop.ui import application
from desktop.ui.dialogs import open_problem_dialog
from desktop.ui.dialogs.open_problem_dialog import OpenProblemDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.read_only import writes


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up_then_damaged(tmp_path):
    """A network with one person, backed up, then its first page overwritten."""
    path = tmp_path / "mine.sqlite3"
    connection.open_database(path)
    people.create_person(people.PersonData(name="Ada Lovelace"))
    backups.create(path, "by-hand")
    connection.close_database()
    with open(path, "r+b") as handle:
        handle.write(b"\x00garbage" * 64)
    return path


def test_a_damaged_file_offers_the_newest_good_backup(
    qtbot, session, backed_up_then_damaged, monkeypatch
):
    before = digest(backed_up_then_damaged)
    asked = []

    def ask(parent, error, backup_words):
        asked.append((error.kind, backup_words))
        return open_problem_dialog.OPEN_BACKUP

    monkeypatch.setattr(application, "ask_open_problem", ask)
    window = session.start(session.own_path)
    qtbot.addWidget(window)
    assert asked[0][0] == "damaged" and asked[0][1]
    assert people.person_count() == 1
    kept = [p for p in backed_up_then_damaged.parent.iterdir() if "damaged" in p.name]
    assert len(kept) == 1 and digest(kept[0]) == before  # the damaged file, unchanged


def test_quitting_at_a_damaged_file_changes_nothing(
    qtbot, session, backed_up_then_damaged, monkeypatch
):
    before = digest(backed_up_then_damaged)
    names = sorted(p.name for p in backed_up_then_damaged.parent.iterdir())
    monkeypatch.setattr(application, "ask_open_problem", lambda *a: open_problem_dialog.QUIT)
    assert session.start(session.own_path) is None
    assert digest(backed_up_then_damaged) == before
    assert sorted(p.name for p in backed_up_then_damaged.parent.iterdir()) == names


def test_another_file_can_be_chosen_instead(qtbot, session, tmp_path, monkeypatch):
    session.own_path.write_text("not a database at all\n" * 50)
    other = tmp_path / "other.sqlite3"
    connection.open_database(other)
    people.create_person(people.PersonData(name="Grace Hopper"))
    connection.close_database()
    monkeypatch.setattr(application, "ask_open_problem", lambda *a: open_problem_dialog.OTHER)
    monkeypatch.setattr(application, "choose_database_file", lambda parent, folder: other)
    window = session.start(session.own_path)
    qtbot.addWidget(window)
    assert session.path == other
    assert people.person_count() == 1


def test_the_dialog_offers_only_what_fits(qtbot):
    damaged = connection.DatabaseError("x is damaged.", kind="damaged")
    dialog = OpenProblemDialog(None, damaged, "Thu 3 Dec 2026, 09:15 (1 person)")
    qtbot.addWidget(dialog)
    assert dialog.backup_button is not None and dialog.backup_button.isDefault()
    assert dialog.view_button is None
    assert "Thu 3 Dec 2026" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.message))
    )
    dialog.backup_button.click()
    assert dialog.choice == open_problem_dialog.OPEN_BACKUP
    read_only = connection.DatabaseError("x is read-only.", kind="read-only")
    dialog = OpenProblemDialog(None, read_only, None)
    qtbot.addWidget(dialog)
    assert dialog.backup_button is None and dialog.view_button.isDefault()
    dialog.reject()
    assert dialog.choice == open_problem_dialog.QUIT


@pytest.fixture
def read_only_network(tmp_path):
    """A network with one person in a folder that cannot be written: a read-only tmpfs
    when run as root (root writes through file modes), else plain modes. The tmpfs is
    outside pytest's folders, so a run killed before unmounting leaves pytest alone."""
    staged = tmp_path / "mine.sqlite3"
    connection.open_database(staged)
    people.create_person(people.PersonData(name="Ada Lovelace"))
    connection.close_database()
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        shutil.copy2(staged, folder / staged.name)
        folder.chmod(0o555)
        yield folder / staged.name
        folder.chmod(0o755)
        return
    if not disks.can_mount():
        pytest.skip("mounting a tmpfs needs root and a sandbox that allows it")
    folder = Path(tempfile.mkdtemp(prefix="reciprocity-ro-"))
    subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], check=True)
    try:
        shutil.copy2(staged, folder / staged.name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / staged.name
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def test_a_read_only_network_opens_for_viewing_with_writes_disabled(
    qtbot, settings, read_only_network, monkeypatch
):
    session = application.Session(settings, read_only_network)
    asked = []
    monkeypatch.setattr(
        application,
        "ask_open_problem",
        lambda parent, error, words: asked.append(error) or open_problem_dialog.VIEW,
    )
    window = session.start(read_only_network)
    qtbot.addWidget(window)
    try:
        assert asked[0].kind == "read-only" and "read-only" in str(asked[0])
        assert window.windowTitle().endswith("read-only")
        assert "read-only" in window.statusBar().currentMessage()
        page = window.people_page
        assert page.model.rowCount() == 1
        page.select_id(page.model.id_at(0))
        assert not page.new_button.isEnabled()
        assert not page.edit_button.isEnabled()  # selecting a row does not enable it
        assert not page.delete_button.isEnabled()
        assert not window.new_person_action.isEnabled()
        assert not window.log_action.isEnabled()
        window.new_person_action.trigger()
        page.edit_current()
        page.delete_current()
        assert people.person_count() == 1
        for key in ("companies", "timeline", "needs", "opportunities"):
            window.show_page(key)  # a page first made now is read-only too
            later = window.pages[key]
            assert later.read_only, key
            marked = [w for w in later.findChildren(QWidget) if writes(w)]
            assert marked and not any(w.isEnabled() for w in marked), key
    finally:
        window.close()
        connection.close_database()


def test_damage_found_only_by_the_first_page_still_offers_the_backup(
    qtbot, session, tmp_path, monkeypatch
):
    """A file too large to check at every start opens, and the first page meets the
    damage: that is a damaged file too, with the backup offered, not a bug."""
    import sqlite3

    from desktop import sample

    path = session.own_path
    connection.open_database(path)
    sample.generate_network(connection.db, people=200, companies=40, actions=0, months=6)
    backups.create(path, "by-hand")
    connection.close_database()
    con = sqlite3.connect(path)
    # Every page into the file itself: a newer copy of a page left in the WAL would be read
    # instead of the damaged one (as happened now and then after the backup).
    assert con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    pages = [
        page
        for (page,) in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf'"
        )
    ]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as handle:
        for page in pages[:3]:
            handle.seek((page - 1) * page_size + 8)
            handle.write(b"\xff" * (page_size - 8))
    monkeypatch.setattr(connection, "CHECK_AT_OPEN_BYTES", 0)

    def show_and_read_everyone(window):  # a first page that reads the damaged rows
        connection.db.execute_sql("SELECT * FROM person").fetchall()

    monkeypatch.setattr(MainWindow, "show", show_and_read_everyone)
    asked = []
    monkeypatch.setattr(
        application,
        "ask_open_problem",
        lambda parent, error, words: asked.append((error, words)) or open_problem_dialog.QUIT,
    )
    monkeypatch.setattr(application, "report_error", lambda text: asked.append(text))
    assert session.start(path) is None
    error, words = asked[0]
    assert error.kind == "damaged" and "still in the network" not in str(error)
    assert words  # the backup is offered


def test_a_refusal_that_may_pass_is_offered_again(qtbot, session, monkeypatch):
    """A busy or full disk is no fault of the file: Try again opens it once it passes."""
    failures = [connection.DatabaseError("The disk holding it is full.", kind="full")]
    real_open = connection.open_database

    def open_once_refused(path, **kwargs):
        if failures:
            raise failures.pop()
        return real_open(path, **kwargs)

    monkeypatch.setattr(connection, "open_database", open_once_refused)
    offered = []

    def ask(parent, error, backup_words):
        dialog = OpenProblemDialog(None, error, backup_words)
        offered.append((dialog.retry_button is not None, dialog.backup_button))
        dialog.deleteLater()
        return open_problem_dialog.RETRY

    monkeypatch.setattr(application, "ask_open_problem", ask)
    window = session.start(session.own_path)
    qtbot.addWidget(window)
    assert offered == [(True, None)]
    assert session.path == session.own_path
