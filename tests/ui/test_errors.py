"""Errors at every edge of the window: a full disk, a read-only file, another program's
lock and bugs, each said in words or as a bug, with what was typed kept and nothing saved.

The real refusals come from SQLite itself: `max_page_count` fills the disk, `query_only`
makes the file read-only, and a second process holds the write lock.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from peewee import OperationalError, SqliteDatabase
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop import logs
from desktop.core import actions, people
from desktop.formats import importing
from desktop.formats.records import ImportedPerson, Parsed
from desktop.store.connection import db
from desktop.store.errors import StorageError
from desktop.ui import busy, errors
from desktop.ui.dialogs import bug_dialog, import_dialog
from desktop.ui.dialogs.bug_dialog import BugDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.dialogs.merge_dialog import MergeDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.pages.followups import FollowUpsPage

HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("ROLLBACK")
"""
PASTED_NOTES = "Met at the meetup; talked about data platforms. " * 200  # needs new pages


def person_count() -> int:
    return db.execute_sql("SELECT count(*) FROM person").fetchone()[0]


def parsed(n: int) -> Parsed:
    return Parsed(people=[ImportedPerson(row, f"Person {row}") for row in range(2, 2 + n)])


def log_text() -> str:
    path = logs.log_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture
def hold_lock(database):
    """Start another process that holds the write lock of the test database."""
    holders: list[subprocess.Popen] = []

    def hold(seconds: float) -> subprocess.Popen:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(database), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        holders.append(holder)
        assert holder.stdout.readline().strip() == "held"  # the lock is held from now
        return holder

    yield hold
    for holder in holders:
        holder.kill()
        holder.wait()
        holder.stdout.close()


@pytest.fixture
def hook(monkeypatch, window):
    """The window program's excepthook, put back as it was after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup()
    return errors.install_excepthook(lambda: window)


@pytest.fixture
def no_traceback_printed(capfd):
    yield
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err


def new_person_form(qtbot, window) -> PersonDialog:
    """The person form as Ctrl+N opens it over the People page, without its exec()."""
    dialog = PersonDialog(window.people_page, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save_and_read_the_box(qtbot, on_next, dialog) -> str:
    """Press Enter (Save) and return what the warning box said; Enter closes it."""
    said = []

    def read(box: QMessageBox):
        said.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    on_next(QMessageBox, read)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(said))
    return said[0]


def real_full_disk_error(tmp_path) -> OperationalError:
    """What SQLite raises, through peewee, when the disk fills in the middle of a write."""
    scratch = SqliteDatabase(str(tmp_path / "full.sqlite3"))
    try:
        scratch.execute_sql("CREATE TABLE t (b BLOB)")
        pages = scratch.execute_sql("PRAGMA page_count").fetchone()[0]
        scratch.execute_sql(f"PRAGMA max_page_count = {pages}")
        scratch.execute_sql("INSERT INTO t VALUES (zeroblob(100000))")
    except OperationalError as exc:
        return exc
    finally:
        scratch.close()
    raise AssertionError("the scratch disk did not fill")


def fail_statements(monkeypatch, prefix: str, error: Exception) -> None:
    """Statements of the window's connection that begin with *prefix* meet *error*."""
    original = db.execute_sql

    def execute_sql(sql, params=None):
        if sql.lstrip().upper().startswith(prefix):
            raise error
        return original(sql, params)

    monkeypatch.setattr(db, "execute_sql", execute_sql)


# -- the person form ----------------------------------------------------------------------
def test_a_full_disk_keeps_the_form_and_names_the_disk_and_file(
    qtbot, window, on_next, no_traceback_printed
):
    dialog = new_person_form(qtbot, window)
    qtbot.keyClicks(dialog.name, "Maya Chen")
    dialog.notes_edit.setPlainText(PASTED_NOTES)  # pasted
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")  # the disk is full from here

    said = save_and_read_the_box(qtbot, on_next, dialog)
    assert said == (
        f"The person was not saved. The disk holding {window.database_path} is full. "
        "Free some space and try again."
    )
    assert dialog.isVisible() and dialog.name.text() == "Maya Chen"
    assert dialog.notes_edit.toPlainText() == PASTED_NOTES
    assert person_count() == 0

    db.execute_sql(f"PRAGMA max_page_count = {pages + 10_000}")  # some space was freed
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert people.get_person(dialog.saved_id).notes == PASTED_NOTES.strip()


def test_a_read_only_file_keeps_the_form_and_says_read_only(
    qtbot, window, on_next, no_traceback_printed
):
    dialog = new_person_form(qtbot, window)
    qtbot.keyClicks(dialog.name, "Maya Chen")
    db.execute_sql("PRAGMA query_only = 1")
    said = save_and_read_the_box(qtbot, on_next, dialog)
    db.execute_sql("PRAGMA query_only = 0")
    assert said.startswith(f"The person was not saved. {window.database_path} cannot be written")
    assert "read-only" in said
    assert dialog.isVisible() and dialog.name.text() == "Maya Chen"
    assert person_count() == 0


def test_a_save_waits_for_another_programs_lock_and_shows_that_it_waits(
    qtbot, window, hold_lock, no_traceback_printed
):
    dialog = new_person_form(qtbot, window)
    qtbot.keyClicks(dialog.name, "Maya Chen")
    noted = []
    window.statusBar().messageChanged.connect(
        lambda text: noted.append((text, QApplication.overrideCursor()))
    )
    hold_lock(2)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # waits for the other program, then saves

    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert people.get_person(dialog.saved_id).name == "Maya Chen"
    text, cursor = noted[0]
    assert text.startswith("Waiting for another program to finish writing to your network")
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    assert QApplication.overrideCursor() is None  # back to normal once saved
    assert window.statusBar().currentMessage() == ""


def test_a_lock_held_too_long_is_said_in_words_and_nothing_is_saved(
    qtbot, window, on_next, hold_lock, no_traceback_printed
):
    dialog = new_person_form(qtbot, window)
    qtbot.keyClicks(dialog.name, "Maya Chen")
    hold_lock(10)
    said = save_and_read_the_box(qtbot, on_next, dialog)
    assert said == (
        f"The person was not saved. {window.database_path} is busy: another program "
        "(perhaps a command-line import or backup) kept it locked for more than 5 seconds. "
        "Wait until that program has finished, then try again."
    )
    assert dialog.isVisible() and dialog.name.text() == "Maya Chen"
    assert person_count() == 0
    assert QApplication.overrideCursor() is None


def test_a_bug_in_a_save_shows_the_bug_dialog_and_keeps_the_form(
    qtbot, window, on_next, monkeypatch, no_traceback_printed
):
    logs.setup()

    def broken(data):
        raise RuntimeError("injected bug")

    monkeypatch.setattr(people, "create_person", broken)
    dialog = new_person_form(qtbot, window)
    qtbot.keyClicks(dialog.name, "Maya Chen")
    seen = []

    def read(bug: BugDialog):
        seen.append((bug.heading.text(), bug.explanation.text()))
        qtbot.keyClick(bug, Qt.Key.Key_Escape)

    on_next(BugDialog, read)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    heading, explanation = seen[0]
    assert heading == "Something went wrong while saving the person."
    assert "not something you did" in explanation and "Nothing was saved" in explanation
    assert dialog.isVisible() and dialog.name.text() == "Maya Chen"
    assert "RuntimeError: injected bug" in log_text() and "Traceback" in log_text()


# -- deletes, follow-ups and merges -------------------------------------------------------
@pytest.fixture
def ada(window, add_people):
    (person_id,) = add_people("Ada Lovelace")
    window.refresh_pages()
    window.show_person(person_id)
    return person_id


def delete_and_read_the_box(qtbot, on_next, monkeypatch, window) -> str:
    from desktop.ui.pages import people as people_page

    monkeypatch.setattr(people_page, "confirm_delete", lambda *args: True)
    said = []
    on_next(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    qtbot.mouseClick(window.people_page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said))
    return said[0]


def test_a_delete_on_a_full_disk_says_so_and_keeps_the_person(
    qtbot, window, ada, on_next, monkeypatch, tmp_path, no_traceback_printed
):
    fail_statements(monkeypatch, "INSERT", real_full_disk_error(tmp_path))  # the search index
    said = delete_and_read_the_box(qtbot, on_next, monkeypatch, window)
    assert said == (
        f"The person was not deleted. The disk holding {window.database_path} is full. "
        "Free some space and try again."
    )
    monkeypatch.undo()
    assert people.get_person(ada).name == "Ada Lovelace"  # the DELETE was rolled back
    assert window.people_page.current_id() == ada


def test_a_delete_while_another_program_writes_says_busy(
    qtbot, window, ada, on_next, monkeypatch, hold_lock, no_traceback_printed
):
    db.execute_sql("PRAGMA busy_timeout = 200")  # the test's patience, not the program's
    hold_lock(30)
    said = delete_and_read_the_box(qtbot, on_next, monkeypatch, window)
    assert said.startswith(f"The person was not deleted. {window.database_path} is busy")
    assert people.get_person(ada).name == "Ada Lovelace"


@pytest.fixture
def follow_ups(qtbot, add_people):
    (person,) = add_people("Ada")
    today = date.today()
    late = actions.create_action(
        actions.ActionData(
            occurred_on=today - timedelta(days=10),
            counterpart_id=person,
            summary="Sent my notes",
            follow_up_on=today - timedelta(days=2),
        )
    )
    page = FollowUpsPage()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.figures.busy)  # the list is worked out off the thread
    assert page.select("follow_up", late)
    return page, late


def click_and_read_the_box(qtbot, on_next, button) -> str:
    said = []
    on_next(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said))
    return said[0]


def follow_up_row(action_id):
    return db.execute_sql(
        "SELECT follow_up_on, follow_up_done_at FROM action WHERE id = ?", (action_id,)
    ).fetchone()


def test_mark_done_and_snooze_on_a_full_disk_say_so_and_change_nothing(
    qtbot, follow_ups, on_next, monkeypatch, tmp_path, no_traceback_printed
):
    page, late = follow_ups
    before = follow_up_row(late)
    fail_statements(monkeypatch, "UPDATE", real_full_disk_error(tmp_path))
    for button in (page.done_button, page.day_button):
        said = click_and_read_the_box(qtbot, on_next, button)
        assert said.startswith("The follow-up was not changed. The disk holding ")
        assert "is full. Free some space and try again." in said
    monkeypatch.undo()
    assert follow_up_row(late) == before
    assert page.section_of("follow_up", late) == "overdue"
    assert not page.undo_button.isEnabled()  # nothing was marked done to undo


def test_mark_done_while_another_program_writes_says_busy(
    qtbot, follow_ups, on_next, hold_lock, no_traceback_printed
):
    page, late = follow_ups
    before = follow_up_row(late)
    db.execute_sql("PRAGMA busy_timeout = 200")
    hold_lock(30)
    said = click_and_read_the_box(qtbot, on_next, page.done_button)
    assert "The follow-up was not changed." in said and " is busy: another program" in said
    assert follow_up_row(late) == before


def merge_and_read_the_box(qtbot, window, on_next, monkeypatch, other) -> tuple[str, bool]:
    monkeypatch.setattr("desktop.ui.dialogs.merge_dialog.confirm", lambda *a, **k: True)
    said = []

    def choose(dialog: MergeDialog):
        dialog.other.set_person(other)
        on_next(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
        dialog.merge_button.click()
        still_open = dialog.isVisible()
        dialog.reject()
        said.append(still_open)

    on_next(MergeDialog, choose)
    window.merge_action.trigger()
    return said[0], said[1]


def test_a_merge_on_a_full_disk_says_so_and_keeps_both(
    qtbot, window, ada, add_people, on_next, monkeypatch, tmp_path, no_traceback_printed
):
    (other,) = add_people(people.PersonData(name="Ada King", email="ada@new.example"))
    fail_statements(monkeypatch, "DELETE", real_full_disk_error(tmp_path))
    said, still_open = merge_and_read_the_box(qtbot, window, on_next, monkeypatch, other)
    assert said.startswith("The two records were not merged. The disk holding ")
    assert still_open
    monkeypatch.undo()
    assert person_count() == 2


def test_a_merge_while_another_program_writes_says_busy(
    qtbot, window, ada, add_people, on_next, monkeypatch, hold_lock, no_traceback_printed
):
    (other,) = add_people(people.PersonData(name="Ada King", email="ada@new.example"))
    db.execute_sql("PRAGMA busy_timeout = 200")
    hold_lock(30)
    said, still_open = merge_and_read_the_box(qtbot, window, on_next, monkeypatch, other)
    assert said.startswith("The two records were not merged. ")
    assert " is busy: another program" in said and still_open
    assert person_count() == 2


# -- the excepthook -----------------------------------------------------------------------
def test_a_bug_in_a_slot_shows_the_bug_dialog_and_writes_the_log(
    qtbot, window, ada, hook, on_next, monkeypatch, no_traceback_printed
):
    def broken(person_id):
        raise RuntimeError("injected bug in a slot")

    monkeypatch.setattr(people, "action_count", broken)  # read before Delete asks
    seen = []

    def read(dialog: BugDialog):
        seen.append(dialog.heading.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Close is the default

    on_next(BugDialog, read)
    qtbot.mouseClick(window.people_page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Something went wrong while working on the People page."]
    logged = log_text()
    assert "Unexpected error while working on the People page" in logged
    assert "RuntimeError: injected bug in a slot" in logged
    assert "in confirm_and_delete" in logged  # the traceback, to the line that failed
    assert window.isVisible() and people.get_person(ada).name == "Ada Lovelace"


def test_a_bug_in_an_event_handler_goes_the_same_way(qtbot, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))

    class Broken(QWidget):
        def keyPressEvent(self, event):
            raise RuntimeError("injected bug in an event handler")

    widget = Broken()
    qtbot.addWidget(widget)
    widget.show()
    QApplication.postEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    qtbot.waitUntil(lambda: bool(shown))
    assert "RuntimeError: injected bug in an event handler" in shown[0].details
    assert "in keyPressEvent" in log_text()
    assert widget.isVisible()  # the program keeps running


def test_a_broken_parser_in_file_import_shows_the_bug_dialog_not_nothing(
    qtbot, window, hook, monkeypatch, tmp_path, no_traceback_printed
):
    """File › Import once showed no preview and no message: the error went to a terminal."""
    chosen = tmp_path / "contacts.vcf"
    chosen.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))

    def missing_module(kind):
        raise ImportError("No module named 'vobject'")

    monkeypatch.setattr(import_dialog, "parser_for", missing_module)
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))
    vcard = next(a for a in window.import_menu.actions() if a.text().startswith("vCard"))
    vcard.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].doing == "reading contacts.vcf to import it"
    assert "ImportError: No module named 'vobject'" in log_text()
    assert QApplication.overrideCursor() is None  # not left waiting
    assert person_count() == 0


def test_the_activity_tagged_by_doing_is_named(qtbot, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))

    def slot():
        with errors.doing("working out the dashboard"):
            raise RuntimeError("injected")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].doing == "working out the dashboard"
    assert "Unexpected error while working out the dashboard" in log_text()


def test_the_same_bug_again_is_logged_but_shown_once(qtbot, window, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))

    def slot():
        raise RuntimeError("the same bug")

    for times in (1, 2, 3):
        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda n=times: log_text().count("RuntimeError: the same bug") == n)
    QApplication.processEvents()
    assert len(shown) == 1
    assert window.statusBar().currentMessage() == (
        "Something went wrong again while working on the People page; the details are in "
        f"{logs.log_path()}."
    )


def test_a_failure_while_showing_the_dialog_does_not_loop(qtbot, hook, monkeypatch):
    calls = []

    def broken_dialog(parent, bug):
        calls.append(bug)
        if len(calls) == 1:  # another bug while the first is on screen: logged, not shown
            QTimer.singleShot(0, lambda: 1 / 0)
            QApplication.processEvents()
            QApplication.processEvents()
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(bug_dialog, "show_bug", broken_dialog)

    def slot():
        raise RuntimeError("first bug")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: "Unexpected error while showing an error" in log_text())
    for _ in range(5):
        QApplication.processEvents()
    assert len(calls) == 1
    assert "ZeroDivisionError" in log_text() and "RuntimeError: first bug" in log_text()


def test_a_storage_error_escaping_a_slot_is_said_in_words(qtbot, hook, monkeypatch, database):
    said = []
    monkeypatch.setattr(errors.plain, "show_error", lambda parent, title, text: said.append(text))

    def slot():
        raise StorageError("full", f"The disk holding {database} is full", "Free some space.")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(said))
    assert said == [f"The disk holding {database} is full; nothing was saved. Free some space."]
    assert log_text() == ""  # not a bug


def test_a_bug_in_another_thread_is_shown_on_the_windows_thread(qtbot, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(
        bug_dialog, "show_bug", lambda parent, bug: shown.append(threading.current_thread())
    )

    def work():
        raise RuntimeError("in a thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [threading.main_thread()]
    assert "Unexpected error while working in the background" in log_text()


# -- the worker ---------------------------------------------------------------------------
def test_a_bug_in_a_worker_job_reaches_the_bug_dialog_not_the_failure_text(
    qtbot, database, on_next, monkeypatch, no_traceback_printed
):
    logs.setup()
    plain_failures = []
    monkeypatch.setattr(import_dialog, "show_error", lambda *a: plain_failures.append(a))

    def broken(plan, progress, **_names):
        raise RuntimeError("injected bug in the import")

    monkeypatch.setattr(importing, "apply", broken)
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(3))
    qtbot.addWidget(dialog)
    dialog.show()
    seen = []

    def read(bug: BugDialog):
        seen.append((bug.heading.text(), bug.explanation.text()))
        bug.close_button.click()

    on_next(BugDialog, read)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and dialog.worker is None, timeout=10_000)
    heading, explanation = seen[0]
    assert heading == "Something went wrong while importing people."
    assert "Nothing was saved" in explanation
    assert plain_failures == []
    assert dialog.import_button.isEnabled() and dialog.status.text() == ""
    assert "RuntimeError: injected bug in the import" in log_text()
    assert person_count() == 0


def test_a_full_disk_in_a_worker_job_is_said_in_words(
    qtbot, database, monkeypatch, no_traceback_printed
):
    failures = []
    monkeypatch.setattr(
        import_dialog, "show_error", lambda parent, title, text: failures.append(text)
    )
    shown = []
    monkeypatch.setattr(bug_dialog, "show_bug", lambda parent, bug: shown.append(bug))
    original = importing.apply

    def on_a_full_disk(plan, progress, **names):  # on the worker's own connection
        pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
        db.execute_sql(f"PRAGMA max_page_count = {pages}")
        return original(plan, progress, **names)

    monkeypatch.setattr(importing, "apply", on_a_full_disk)
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(300))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    assert failures == [
        "Nothing was imported, and your network is unchanged. The disk holding "
        f"{database} is full. Free some space and try again."
    ]
    assert shown == [] and person_count() == 0


# -- the words ----------------------------------------------------------------------------
def test_bugs_are_never_worded_as_the_users_doing(database):
    assert errors.explain(RuntimeError("x")) is None
    assert errors.explain(KeyError("name")) is None  # a LookupError, but a bug
    assert errors.explain(ValueError("bad")) is None
    assert errors.explain(LookupError("There is no person with id 7.")) == (
        "There is no person with id 7."
    )
    from desktop.core.validation import Problems, ValidationError

    assert errors.explain(ValidationError(Problems(errors={"name": "A name is needed."}))) == (
        "A name is needed."
    )


def test_an_os_error_names_its_own_file_not_the_database(database, tmp_path):
    missing = tmp_path / "gone" / "Connections.csv"
    try:
        missing.read_bytes()
    except OSError as exc:
        said = errors.explain(exc, "Nothing was imported")
    assert said.startswith(f"Nothing was imported. {missing} can no longer be reached")


def test_the_probe_finds_a_held_lock_and_writes_nothing(database, hold_lock):
    assert not busy.lock_held()
    writes = db.writes
    holder = hold_lock(30)
    assert busy.lock_held(moment_ms=50)
    holder.kill()
    holder.wait()
    assert not busy.lock_held()
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000  # as it was
    assert db.writes == writes
