"""Edit › Undo and Redo, driven from the keyboard: the menu names each step, Ctrl+Z takes
it back on screen and in the database, Ctrl+Shift+Z (and Ctrl+Y) puts it back."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.core import actions, companies, people
from desktop.core import undo as core_undo
from desktop.core.actions import ActionData
from desktop.core.changes import Changed
from desktop.core.people import PersonData
from desktop.store import connection, query, undo_log
from desktop.store.connection import db
from desktop.ui import plain, transfer, undo_history
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import people as people_page_module

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dana(database):
    """Dana, with an action each way, a part in an opportunity and the need she told of."""
    from desktop.core import needs, opportunities

    dana = people.create_person(
        PersonData(name="Dana Ruiz", company="Acme Robotics", title="Recruiter",
                   roles=("recruiter",), offers=["Python"])
    )  # fmt: skip
    grace = people.create_person(PersonData(name="Grace Hopper"))
    for day, direction, summary in ((2, "given", "Sent Dana a lead"), (5, "received", "Intro")):
        actions.create_action(
            ActionData(occurred_on=date(2026, 3, day), direction=direction,
                       counterpart_id=dana, summary=summary)
        )  # fmt: skip
    need = needs.create_need(
        needs.NeedData(company="Acme Robotics", title="Data pipeline", source_person_id=dana)
    )
    opportunities.create_opportunity(
        opportunities.OpportunityData(company="Acme Robotics", title="Analyst", need_id=need,
                                      people=[(dana, "recruiter")])
    )  # fmt: skip
    return {"dana": dana, "grace": grace}


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def key(qtbot, window, letter, modifiers=CTRL):
    """A key as a person presses it, on whatever has the focus."""
    qtbot.wait(30)
    qtbot.keyClick(QApplication.focusWidget() or window, letter, modifiers)


def names(page) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def counts() -> tuple[int, int, int, int]:
    return (
        query.value("SELECT count(*) FROM person"),
        query.value("SELECT count(*) FROM action"),
        query.value("SELECT count(*) FROM opportunity_person"),
        query.value("SELECT count(*) FROM need WHERE source_person_id IS NOT NULL"),
    )


def delete_dana(qtbot, window, dana, monkeypatch):
    monkeypatch.setattr(people_page_module, "confirm_delete", lambda *a, **k: True)
    window.show_page("people")
    page = window.people_page
    page.refresh(select=dana["dana"])
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    key(qtbot, window, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: "Dana Ruiz" not in names(page))


def test_the_edit_menu_begins_with_undo_and_redo_naming_nothing_yet(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    first, second = edit.actions()[:2]
    assert (first, second) == (window.history.undo_action, window.history.redo_action)
    assert (first.text(), first.isEnabled()) == ("&Undo", False)
    assert (second.text(), second.isEnabled()) == ("&Redo", False)
    assert first.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in second.shortcuts()]


def test_ctrl_z_brings_back_a_deleted_person_with_all_that_went_with_them(
    qtbot, dana, window, monkeypatch
):
    active(qtbot, window)
    before = counts()
    delete_dana(qtbot, window, dana, monkeypatch)
    assert counts() == (1, 0, 0, 0)
    assert window.history.undo_action.text() == "&Undo Delete ‘Dana Ruiz’"
    assert window.statusBar().currentMessage() == "Done: Delete ‘Dana Ruiz’. Ctrl+Z undoes it."
    key(qtbot, window, Qt.Key.Key_Z)
    page = window.people_page
    qtbot.waitUntil(lambda: "Dana Ruiz" in names(page))
    assert page.current_id() == dana["dana"]  # what came back is what is selected
    assert counts() == before
    assert people.get_person(dana["dana"]).title == "Recruiter"  # the same id, whole
    assert window.statusBar().currentMessage() == "Undone: Delete ‘Dana Ruiz’."
    assert window.history.redo_action.text() == "&Redo Delete ‘Dana Ruiz’"
    assert not window.history.undo_action.isEnabled()
    # Found by search again, and her pane shows her actions.
    page.search.setText("dana")
    qtbot.waitUntil(lambda: names(page) == ["Dana Ruiz"])
    page.refresh(select=dana["dana"])
    qtbot.waitUntil(lambda: page.pane.title.text() == "Dana Ruiz")
    # Redo: gone again.
    page.table.setFocus()
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: "Dana Ruiz" not in names(page))
    assert counts() == (1, 0, 0, 0)
    assert window.history.undo_action.text() == "&Undo Delete ‘Dana Ruiz’"
    assert window.statusBar().currentMessage() == "Redone: Delete ‘Dana Ruiz’."


def test_redo_answers_the_platforms_own_keys_too(window):
    """Ctrl+Y on Windows, which the platform's Redo binding holds there."""
    keys = window.history.redo_action.shortcuts()
    assert all(k in keys for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))


def test_a_logged_action_is_undone_and_leaves_the_pane(qtbot, dana, window, on_next_dialog):
    active(qtbot, window)
    window.show_page("people")
    page = window.people_page
    page.refresh(select=dana["grace"])

    def log(dialog):
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClicks(dialog.summary, "Asked how I can help", delay=5)
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
        if dialog.isVisible():  # not saved: fail, rather than wait for ever
            dialog.reject()

    on_next_dialog(log)
    window.log_action.trigger()
    assert people.action_count(dana["grace"]) == 1
    assert window.history.undo_action.text() == "&Undo Log action"
    active(qtbot, window)
    page.table.setFocus()
    key(qtbot, window, Qt.Key.Key_Z)
    assert people.action_count(dana["grace"]) == 0
    qtbot.waitUntil(lambda: page.pane.history.model.total() == 0)
    assert window.history.redo_action.text() == "&Redo Log action"
    window.history.redo_action.trigger()
    assert people.action_count(dana["grace"]) == 1
    qtbot.waitUntil(lambda: page.pane.history.model.total() == 1)


def test_an_edit_undone_shows_the_old_values_in_the_pane(qtbot, dana, window, on_next_dialog):
    active(qtbot, window)
    window.show_page("people")
    page = window.people_page
    page.refresh(select=dana["dana"])

    def retitle(dialog):
        dialog.title.setText("Head of Talent")
        dialog.save()

    on_next_dialog(retitle)
    page.edit_current()
    assert people.get_person(dana["dana"]).title == "Head of Talent"
    assert window.history.undo_action.text() == "&Undo Edit ‘Dana Ruiz’"
    window.history.undo_action.trigger()
    assert people.get_person(dana["dana"]).title == "Recruiter"
    assert people.get_person(dana["dana"]).roles == ("recruiter",)
    qtbot.waitUntil(lambda: "Recruiter" in page.pane.subtitle.text())


def test_steps_undo_in_turn_and_a_new_write_drops_what_could_be_redone(qtbot, dana, window):
    made = []
    for name in ("Ada", "Ben", "Cy"):
        made.append(people.create_person(PersonData(name=name)))
        window.note_changes(Changed.PEOPLE)  # as every write tells the window
    assert window.history.undo_action.text() == "&Undo Add ‘Cy’"
    window.history.undo_action.trigger()
    window.history.undo_action.trigger()
    assert window.history.undo_action.text() == "&Undo Add ‘Ada’"
    assert query.column("SELECT name FROM person ORDER BY id")[-1] == "Ada"
    people.create_person(PersonData(name="Dee"))
    window.note_changes(Changed.PEOPLE)
    assert not window.history.redo_action.isEnabled()  # Ben and Cy cannot come back now
    assert window.history.undo_action.text() == "&Undo Add ‘Dee’"
    # What the stack dropped is dropped from the log too.
    assert undo_log.logged_steps(db) == set(window.history.steps())


def test_an_import_is_one_step(qtbot, window, tmp_path, on_next_dialog):
    from desktop.ui.dialogs.import_dialog import ImportDialog

    csv_file = tmp_path / "Connections.csv"
    csv_file.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "".join(
            f"P{n},Q{n},https://www.linkedin.com/in/p{n},,Co {n % 4},Engineer,3 Mar 2025\n"
            for n in range(40)
        ),
        encoding="utf-8",
    )

    def confirm(dialog):
        assert isinstance(dialog, ImportDialog)
        dialog.import_button.click()

    on_next_dialog(confirm)
    assert transfer._import_chosen(window, "linkedin", csv_file)
    assert people.person_count() == 40 and companies.company_count() == 4
    assert window.history.undo_action.text() == "&Undo Import ‘Connections.csv’"
    window.show_page("people")
    page = window.people_page
    qtbot.waitUntil(lambda: len(names(page)) == 40)
    window.history.undo_action.trigger()
    assert people.person_count() == 0 and companies.company_count() == 0
    qtbot.waitUntil(lambda: names(page) == [])
    window.history.redo_action.trigger()
    assert people.person_count() == 40
    qtbot.waitUntil(lambda: len(names(page)) == 40)
    page.search.setText("q7")
    qtbot.waitUntil(lambda: names(page) == ["P7 Q7"])  # in the search index again


def test_a_large_step_is_taken_back_on_a_worker_with_its_progress(qtbot, dana, window, monkeypatch):
    monkeypatch.setattr(undo_history, "ON_A_WORKER", 3)
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    window.history.undo_action.trigger()
    assert window.history.busy
    qtbot.waitUntil(lambda: bool(window.findChildren(QProgressDialog)))
    qtbot.waitUntil(lambda: not window.history.busy, timeout=10_000)
    assert counts()[:2] == (2, 2)
    qtbot.waitUntil(lambda: "Dana Ruiz" in names(window.people_page))
    assert window.history.redo_action.text() == "&Redo Delete ‘Dana Ruiz’"


def test_a_full_disk_during_undo_says_so_and_the_step_stays_to_undo(
    qtbot, dana, window, monkeypatch
):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    shown = []
    monkeypatch.setattr(plain, "show_error", lambda parent, title, text: shown.append(text))

    def full(step, *a, **k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(core_undo, "reverse", full)
    window.history.undo_action.trigger()
    assert shown[0].startswith("“Delete ‘Dana Ruiz’” was not undone. The disk holding")
    assert window.history.undo_action.text() == "&Undo Delete ‘Dana Ruiz’"
    monkeypatch.undo()  # room again: it can be undone now
    window.history.undo_action.trigger()
    assert counts()[0] == 2


def test_a_change_made_by_another_program_clears_the_history_with_a_word(
    qtbot, dana, window, monkeypatch
):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    other = connection.ReciprocityDatabase(None)
    connection.open_database(db.database, database=other)
    with other.atomic():
        other.execute_sql("UPDATE person SET title = 'Set on the command line'")
    other.close()
    window.safety.notice_outside_changes()  # what coming back to the window does
    assert not window.history.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == (
        "Your network was changed outside this window; the pages show it now, and what you "
        "did before can no longer be undone."
    )


def test_a_step_that_can_no_longer_be_undone_says_why_and_clears_the_history(
    qtbot, dana, window, monkeypatch
):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    shown = []
    monkeypatch.setattr(plain, "show_error", lambda parent, title, text: shown.append(title))
    undo_log.forget_all(db)  # as another program's write would
    window.history.undo_action.trigger()
    assert shown == ["Could not undo “Delete ‘Dana Ruiz’”"]
    assert not window.history.undo_action.isEnabled()
    assert counts()[0] == 1


def test_ctrl_z_in_a_text_box_undoes_the_typing_not_the_network(qtbot, dana, window, monkeypatch):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    search = window.people_page.search
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClicks(search, "gr", delay=20)
    key(qtbot, window, Qt.Key.Key_Z)
    assert counts()[0] == 1  # Dana stays deleted
    assert search.text() != "gr"
    while search.isUndoAvailable():
        key(qtbot, window, Qt.Key.Key_Z)
    assert search.text() == ""
    # Nothing typed is left to undo: Ctrl+Z, still in the box, is the network's.
    key(qtbot, window, Qt.Key.Key_Z)
    assert counts()[0] == 2
    assert QApplication.focusWidget() is search


def test_opening_another_network_starts_with_no_history(
    qtbot, dana, window, settings, tmp_path, monkeypatch
):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    assert window.history.undo_action.isEnabled()
    window.close()
    other = connection.open_database(tmp_path / "other.sqlite3")
    second = MainWindow(settings, other)
    qtbot.addWidget(second)
    assert not second.history.undo_action.isEnabled()
    assert query.value("SELECT count(*) FROM undo_log") == 0
    connection.open_database(Path(window.database_path))  # the first again: nothing kept
    third = MainWindow(settings, Path(window.database_path))
    qtbot.addWidget(third)
    assert not third.history.undo_action.isEnabled()
    assert query.value("SELECT count(*) FROM undo_log") == 0


def test_a_network_open_for_viewing_keeps_no_history(qtbot, dana, settings):
    path = Path(db.database)
    connection.close_database()
    connection.open_database(path, read_only=True)
    try:
        window = MainWindow(settings, path, read_only=True)
        qtbot.addWidget(window)
        assert db.history is None
        assert not window.history.undo_action.isEnabled()
    finally:
        connection.close_database()


def test_a_repair_keeps_every_step_to_undo(qtbot, dana, window, monkeypatch):
    """A repair works out the summaries and the search indexes afresh; the rows, which
    the steps put back, are as they were."""
    from desktop.store import check

    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    db.execute_sql("DELETE FROM person_search")  # damage the search index
    db.execute_sql("UPDATE person SET sort_key = 'wrong'")
    check.repair(Path(db.database))
    window.safety.checked.emit()
    assert window.history.undo_action.text() == "&Undo Delete ‘Dana Ruiz’"
    window.history.undo_action.trigger()
    assert counts()[0] == 2
    assert check.run_check(full=True).findings == ()


def test_go_to_anything_offers_undo_by_its_own_name(qtbot, dana, window, monkeypatch):
    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    commands = {text: action for text, _where, action in window.command_actions()}
    assert commands["Undo"] is window.history.undo_action
    assert not any("Dana" in text for text in commands)


def test_the_edit_menu_names_the_newest_step_even_if_the_window_was_not_told(window):
    people.create_person(PersonData(name="Quiet Write"))
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    edit.aboutToShow.emit()
    assert window.history.undo_action.text() == "&Undo Add ‘Quiet Write’"


def test_a_company_deleted_comes_back_with_its_needs_opportunities_and_staff(
    qtbot, dana, window, monkeypatch
):
    from desktop.ui.pages import companies as companies_page_module

    monkeypatch.setattr(companies_page_module, "confirm_delete", lambda *a, **k: True)
    active(qtbot, window)
    window.show_page("companies")
    page = window.companies_page
    acme = companies.find_company("Acme Robotics")
    assert page.select_id(acme)
    page.delete_current()
    assert companies.find_company("Acme Robotics") is None
    assert people.get_person(dana["dana"]).company == ""
    assert window.history.undo_action.text() == "&Undo Delete ‘Acme Robotics’"
    page.table.setFocus()
    key(qtbot, window, Qt.Key.Key_Z)
    assert companies.find_company("Acme Robotics") == acme
    assert people.get_person(dana["dana"]).company == "Acme Robotics"
    assert query.value("SELECT count(*) FROM need") == 1
    assert query.value("SELECT count(*) FROM opportunity_person") == 1
    qtbot.waitUntil(lambda: page.current_id() == acme)


def test_a_follow_up_marked_done_on_its_page_is_undone_from_the_edit_menu(qtbot, dana, window):
    late = actions.create_action(
        ActionData(occurred_on=date(2026, 1, 2), counterpart_id=dana["grace"],
                   summary="Sent Grace my notes", follow_up_on=date(2026, 1, 9))
    )  # fmt: skip
    active(qtbot, window)
    window.show_page("follow-ups")
    page = window.followups_page
    qtbot.waitUntil(lambda: not page.figures.busy, timeout=15000)
    assert page.select("follow_up", late)
    page.done_button.click()
    qtbot.waitUntil(lambda: not page.figures.busy, timeout=15000)
    assert done_at(late) is not None
    assert window.history.undo_action.text() == "&Undo Mark follow-up done ‘Sent Grace my notes’"
    assert page.undo_button.isEnabled()
    window.history.undo_action.trigger()
    assert done_at(late) is None
    qtbot.waitUntil(
        lambda: not page.figures.busy and page.section_of("follow_up", late) == "overdue",
        timeout=15000,
    )
    assert page.current() == ("follow_up", late)  # what came back is selected
    assert not page.undo_button.isEnabled()  # nothing done is left for it to undo


def done_at(action_id: int) -> str | None:
    return query.value("SELECT follow_up_done_at FROM action WHERE id = ?", (action_id,))


def test_only_the_last_steps_are_kept_and_the_log_forgets_the_older(
    qtbot, database, settings, monkeypatch
):
    monkeypatch.setattr(undo_history, "LIMIT", 3)
    window = MainWindow(settings, database)
    qtbot.addWidget(window)
    for n in range(5):
        people.create_person(PersonData(name=f"Person {n}"))
        window.note_changes(Changed.PEOPLE)
    assert window.history.stack.count() == 3
    assert undo_log.logged_steps(db) == set(window.history.steps())
    for _ in range(3):
        window.history.undo_action.trigger()
    assert not window.history.undo_action.isEnabled()
    assert query.column("SELECT name FROM person ORDER BY id") == ["Person 0", "Person 1"]


@pytest.mark.parametrize(
    ("page_key", "module_name", "table", "label"),
    [
        ("needs", "needs", "need", "Delete need ‘Data pipeline’"),
        ("opportunities", "opportunities", "opportunity", "Delete opportunity ‘Analyst’"),
    ],
)
def test_a_need_or_opportunity_deleted_on_its_page_comes_back_selected(
    qtbot, dana, window, monkeypatch, page_key, module_name, table, label
):
    import importlib

    module = importlib.import_module(f"desktop.ui.pages.{module_name}")
    monkeypatch.setattr(module, "confirm_delete", lambda *a, **k: True)
    active(qtbot, window)
    window.show_page(page_key)
    page = window.pages[page_key]
    record = query.value(f"SELECT id FROM {table}")
    assert page.select_id(record)
    page.delete_current()
    assert query.value(f"SELECT count(*) FROM {table}") == 0
    assert page.model.rowCount() == 0
    assert window.history.undo_action.text() == f"&Undo {label}"
    page.table.setFocus()
    key(qtbot, window, Qt.Key.Key_Z)
    assert query.value(f"SELECT id FROM {table}") == record
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.current_id() == record)
    window.history.redo_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_a_file_that_fails_to_open_leaves_the_open_network_s_history_working(
    qtbot, session, tmp_path
):
    window = session.open(session.own_path)
    people.create_person(PersonData(name="Ada"))
    window.note_changes(Changed.PEOPLE)
    foreign = tmp_path / "other.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(connection.DatabaseError):
        session.open(foreign)
    assert window.history.undo_action.text() == "&Undo Add ‘Ada’"
    window.history.undo_action.trigger()
    assert people.person_count() == 0
    window.history.redo_action.trigger()
    assert people.person_count() == 1


def test_tidying_the_log_waits_for_no_one_while_another_program_writes(
    qtbot, database, window, monkeypatch
):
    for name in ("Ada", "Ben"):
        people.create_person(PersonData(name=name))
        window.note_changes(Changed.PEOPLE)
    window.history.undo_action.trigger()  # Ben could be redone
    people.create_person(PersonData(name="Cy"))
    tidied = []
    monkeypatch.setattr(undo_log, "keep_only", lambda *a: tidied.append(a))
    holder = sqlite3.connect(db.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        window.note_changes(Changed.PEOPLE)  # at once, not after the busy timeout
        assert window.history.undo_action.text() == "&Undo Add ‘Cy’"
        assert tidied == []  # left for later, not waited for
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    monkeypatch.undo()
    people.create_person(PersonData(name="Dee"))
    window.note_changes(Changed.PEOPLE)
    window.history.clear()
    assert undo_log.logged_steps(db) == set()  # tidied once the lock was free


def test_after_clearing_new_steps_are_collected_again(qtbot, database, window):
    people.create_person(PersonData(name="Ada"))
    window.note_changes(Changed.PEOPLE)
    window.history.clear()
    people.create_person(PersonData(name="Ben"))
    window.note_changes(Changed.PEOPLE)
    assert window.history.undo_action.text() == "&Undo Add ‘Ben’"


def test_closing_the_window_forgets_the_history_and_the_backups_never_hold_it(
    qtbot, dana, window, monkeypatch
):
    """The history holds what was deleted (to bring it back): it must not outlive the
    window, in the file or in a backup kept for a year."""
    from desktop.store import backups

    active(qtbot, window)
    delete_dana(qtbot, window, dana, monkeypatch)
    assert query.value("SELECT count(*) FROM undo_log WHERE old LIKE '%Dana Ruiz%'") == 1
    made = backups.create(Path(db.database), "by-hand")  # while the window is open
    with sqlite3.connect(made.path) as copy:
        assert copy.execute("SELECT count(*) FROM undo_log").fetchone() == (0,)
        assert copy.execute("SELECT count(*) FROM undo_step").fetchone() == (0,)
    window.close()
    assert query.value("SELECT count(*) FROM undo_log") == 0
    assert query.value("SELECT count(*) FROM undo_step") == 0


def test_a_search_the_program_cleared_is_no_typing_for_ctrl_z_to_bring_back(qtbot, dana, window):
    active(qtbot, window)
    window.show_page("people")
    page = window.people_page
    page.search.setFocus()
    qtbot.keyClicks(page.search, "grace", delay=10)
    window.show_person(dana["dana"])  # not listed under "grace": the search is cleared
    assert page.search.text() == ""
    assert not page.search.isUndoAvailable()
