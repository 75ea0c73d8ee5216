"""Logging actions: Ctrl+L from anywhere, prefilled, checked as you type, new people added."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import actions, people, timeline
from desktop.core.timeline import TimelineFilter
from desktop.store.connection import db
from desktop.ui import plain
from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.models.timeline_model import RowRole


def action_count() -> int:
    return db.execute_sql("SELECT count(*) FROM action").fetchone()[0]


def open_dialog(qtbot, **prefill):
    dialog = ActionDialog(None, None, **prefill)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_ctrl_l_on_a_person_logs_an_action_seen_in_timeline_and_pane(
    window, add_people, qtbot, on_next_dialog
):
    ada, _grace = add_people(people.PersonData(name="Ada", company="Acme"), "Grace")
    window.people_page.refresh(select=ada)
    # Offscreen, a modal form does not take over as the active window, so the list's own
    # Enter shortcut would still answer; keep the focus off the list as a real window would.
    window.people_page.search.setFocus()

    def log(dialog):
        assert dialog.counterpart.person_id() == ada
        assert dialog.company.text() == "Acme"  # taken from the person
        assert dialog.focusWidget() is dialog.summary
        qtbot.keyClicks(dialog.summary, "Shared a lead for the data role")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    assert window.log_action.shortcut().toString() == "Ctrl+L"
    on_next_dialog(log)
    window.log_action.trigger()
    assert action_count() == 1
    assert window.timeline_page.stale  # hidden: read again only when it is shown
    window.show_page("timeline")
    top = window.timeline_page.model.index(1).data(RowRole)  # row 0 is the month header
    assert top.summary == "Shared a lead for the data role" and top.counterpart == "Ada"
    assert top.company == "Acme" and top.direction == "given"
    history = window.people_page.pane.history
    assert history.model.total() == 1 and history.heading.text() == "Actions (1)"


def test_a_follow_up_date_typed_after_alt_f_is_saved(window, add_people, qtbot, on_next_dialog):
    """Ctrl+L, Alt+F, type the date: the field showed 'Not set0261205' before."""
    (ada,) = add_people("Ada")
    window.people_page.refresh(select=ada)
    window.people_page.search.setFocus()
    shown = []

    def log(dialog):
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClicks(dialog.summary, "Asked how I can help")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is dialog.follow_up_on
        qtbot.keyClicks(dialog.follow_up_on, "2026-12-05", delay=5)
        shown.append(dialog.follow_up_on.text())
        qtbot.keyClick(dialog.follow_up_on, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClicks(QApplication.focusWidget(), "yesterday")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    on_next_dialog(log)
    window.log_action.trigger()
    assert shown == ["2026-12-05"]
    (row,) = db.execute_sql("SELECT follow_up_on, occurred_on FROM action").fetchall()
    assert row == ("2026-12-05", (date.today() - timedelta(days=1)).isoformat())


def test_a_date_that_is_not_one_keeps_the_form_open_and_says_why(qtbot, add_people):
    (ada,) = add_people("Ada")
    dialog = open_dialog(qtbot, counterpart_id=ada)
    dialog.summary.setText("Coffee")
    dialog.follow_up_on.setFocus()
    qtbot.keyClicks(dialog.follow_up_on, "next blursday")
    dialog.save()  # Enter in another field, say, with the date never left
    assert dialog.isVisible() and action_count() == 0
    message = dialog.form.message("follow_up_on")
    assert "does not read as a date" in message.text() and message.isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.follow_up_on.selectAll()
    qtbot.keyClicks(dialog.follow_up_on, "next monday")
    assert message.text().startswith("Monday ")  # what the words were read as
    qtbot.keyClick(dialog.follow_up_on, Qt.Key.Key_Return)
    assert action_count() == 1


def test_ctrl_d_flips_the_direction(qtbot, add_people):
    (ada,) = add_people("Ada")
    dialog = open_dialog(qtbot, counterpart_id=ada)
    assert dialog.given.isChecked()
    # Offscreen windows never become active, so the shortcut is fired as Qt would fire it.
    assert dialog.flip_shortcut.key().toString() == "Ctrl+D"
    dialog.flip_shortcut.activated.emit()
    assert dialog.received.isChecked()
    assert dialog.data().direction == "received"
    dialog.flip_shortcut.activated.emit()
    assert dialog.data().direction == "given"


def test_summary_is_required_and_follow_up_cannot_precede_the_action(qtbot, add_people):
    (ada,) = add_people("Ada")
    dialog = open_dialog(qtbot, counterpart_id=ada)
    assert not dialog.save_button.isEnabled()
    dialog.summary.setText("Checked in")
    assert dialog.save_button.isEnabled()
    dialog.follow_up_on.set_value(date.today() - timedelta(days=3))
    message = dialog.form.message("follow_up_on").text()
    assert "cannot be before the action's date" in message
    assert not dialog.save_button.isEnabled()
    dialog.follow_up_on.set_value(date.today() + timedelta(days=3))
    assert dialog.save_button.isEnabled()


def test_future_date_is_flagged_but_allowed(qtbot, add_people):
    (ada,) = add_people("Ada")
    dialog = open_dialog(qtbot, counterpart_id=ada)
    dialog.summary.setText("Coffee planned")
    dialog.occurred_on.set_value(date.today() + timedelta(days=5))
    assert dialog.form.message("occurred_on").text() == "This date is in the future."
    assert dialog.save_button.isEnabled()


def test_a_new_name_adds_the_person_after_asking(qtbot, database, monkeypatch):
    asked = []
    monkeypatch.setattr(plain, "confirm", lambda parent, title, q, yes="": asked.append(q) or True)
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.counterpart, "Maya Chen")
    assert "Maya Chen is not in your network yet" in dialog.form.message("counterpart_id").text()
    dialog.summary.setText("Met at the meetup")
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert asked == ["Add Maya Chen to your network as a new person?"]
    (maya,) = people.person_ids("maya")
    rows = timeline.page(TimelineFilter(person_id=maya))
    assert [r.summary for r in rows] == ["Met at the meetup"]


def test_declining_the_new_person_writes_nothing(qtbot, database, monkeypatch):
    monkeypatch.setattr(plain, "confirm", lambda *args, **kwargs: False)
    dialog = open_dialog(qtbot)
    dialog.counterpart.setText("Maya Chen")
    dialog.counterpart.textEdited.emit("Maya Chen")
    dialog.summary.setText("Met at the meetup")
    dialog.save()
    assert dialog.isVisible()
    assert people.person_count() == 0 and action_count() == 0


def test_typing_a_name_offers_matching_people_and_enter_picks(qtbot, add_people):
    add_people(people.PersonData(name="Maria Lopez", company="Acme"), "Mark Stone")
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.counterpart, "mar lo")
    popup = dialog.counterpart.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.counterpart.text() == "Maria Lopez"
    assert dialog.counterpart.person_id() == people.person_ids("maria")[0]
    assert dialog.isVisible() and action_count() == 0


def test_logging_quickly_goes_person_kind_summary_enter(qtbot, add_people):
    """As the README says: pick the name, Tab to the kind, Tab to the summary, Enter."""
    (maria,) = add_people(people.PersonData(name="Maria Lopez", company="Acme"))
    dialog = open_dialog(qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.counterpart
    qtbot.keyClicks(dialog.counterpart, "mar", delay=20)
    popup = dialog.counterpart.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.kind
    qtbot.keyClicks(dialog.kind, "Job")  # typed letters pick the kind
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.summary
    qtbot.keyClicks(dialog.summary, "Passed on the analyst opening")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    (saved,) = db.execute_sql("SELECT counterpart_id, kind, direction, summary FROM action")
    assert saved == (maria, "job_lead", "given", "Passed on the analyst opening")


def test_editing_an_action_shows_and_saves_it(qtbot, add_people):
    (ada,) = add_people("Ada")
    action_id = actions.create_action(
        actions.ActionData(
            occurred_on=date(2026, 3, 1),
            counterpart_id=ada,
            summary="Thanks",
            kind="thanks",
            direction="received",
            weight=2,
        )
    )
    dialog = ActionDialog(None, action_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit action"
    assert dialog.received.isChecked() and dialog.kind.currentData() == "thanks"
    assert dialog.weight.currentData() == 2
    dialog.summary.setText("Thanked me for the intro")
    dialog.save()
    assert actions.get_action(action_id).summary == "Thanked me for the intro"


def test_changing_the_person_replaces_the_company_filled_in_for_them(qtbot, add_people):
    ada, grace = add_people(
        people.PersonData(name="Ada", company="Acme"),
        people.PersonData(name="Grace", company="Navy"),
    )
    dialog = open_dialog(qtbot, counterpart_id=ada)
    assert dialog.company.text() == "Acme"
    dialog.counterpart.set_person(grace)
    assert dialog.company.text() == "Navy"
    dialog.company.setText("Navy")  # now typed by the user: kept from here on
    dialog.company.setText("Acme")
    dialog.counterpart.set_person(ada)
    assert dialog.company.text() == "Acme"


def test_a_name_shared_by_two_people_must_be_picked(qtbot, add_people):
    add_people(people.PersonData(name="Maria Adams", company="Acme"), "Maria Adams")
    dialog = open_dialog(qtbot)
    dialog.counterpart.setText("maria adams")
    dialog.counterpart.textEdited.emit("maria adams")
    dialog.summary.setText("Coffee")
    message = dialog.form.message("counterpart_id").text()
    assert "2 people are called maria adams" in message
    assert not dialog.save_button.isEnabled()


def test_a_new_company_is_added_with_the_action_after_asking(qtbot, add_people, monkeypatch):
    from desktop.core import companies

    (ada,) = add_people("Ada")
    asked = []
    monkeypatch.setattr(plain, "confirm", lambda parent, title, q, yes="": asked.append(q) or True)
    dialog = open_dialog(qtbot, counterpart_id=ada)
    dialog.company.setText("Northwind")
    assert "saving adds it" in dialog.more_form.message("company_id").text()
    dialog.summary.setText("Heard they are hiring")
    dialog.save()
    assert asked == ["Add Northwind as a new company?"]
    company_id = companies.find_company("Northwind")
    assert company_id is not None
    assert timeline.page(TimelineFilter(company_id=company_id))[0].summary == (
        "Heard they are hiring"
    )


def test_enter_on_a_new_name_goes_on_to_the_kind_and_saving_asks_to_add_them(
    qtbot, database, monkeypatch
):
    """As found: Ctrl+L, a new name, Enter did nothing."""
    asked = []
    monkeypatch.setattr(plain, "confirm", lambda *args, **kw: asked.append(args) or True)
    dialog = open_dialog(qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.counterpart, "Zelda Quarry", delay=10)
    qtbot.keyClick(dialog.counterpart, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.kind and dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.summary, "Met at the meetup")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert asked and "Zelda Quarry" in " ".join(map(str, asked[0]))
    (saved,) = db.execute_sql("SELECT counterpart_id FROM action")
    assert people.person_name(saved[0]) == "Zelda Quarry"
