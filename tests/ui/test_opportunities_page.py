"""The Opportunities page: the form, the pipeline filter, moving a status, and the
follow-through offered after a 'not selected'."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import needs, opportunities, people
from desktop.core.needs import NeedData
from desktop.core.opportunities import OpportunityData
from desktop.store.connection import db
from desktop.ui.dialogs.follow_through_dialog import FollowThroughDialog
from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog
from desktop.ui.models.opportunities_model import OpportunitiesModel


def test_model_passes_the_model_tester(qtmodeltester, database):
    opportunities.create_opportunity(OpportunityData(company="Acme", title="Analyst"))
    model = OpportunitiesModel()
    model.reload()
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(3)] == ["Analyst", "Acme", "Interested"]


def test_create_through_the_form_with_people_old_and_new(qtbot, window, on_next_dialog):
    hana = people.create_person(people.PersonData(name="Hana Manager", company="Initech"))
    need = needs.create_need(NeedData(company="Initech", title="Tame the data pipeline"))
    window.refresh_pages()

    def fill(dialog: OpportunityDialog):
        dialog.company.setText("Initech")
        assert dialog.need.isEnabled()  # the company's needs are offered
        dialog.need.setCurrentIndex(dialog.need.findData(need))
        dialog.title.setText("Data engineer")
        dialog.url.setText("ftp://initech.example/job")
        assert not dialog.save_button.isEnabled()
        assert "http" in dialog.forms[0].message("url").text()
        dialog.url.setText("https://initech.example/jobs/7")
        dialog.status.setCurrentIndex(dialog.status.findData("applied"))
        assert dialog.status_on.value() == date.today()  # a new status starts today
        dialog.people.picker.set_person(hana)
        dialog.people.part.setCurrentIndex(dialog.people.part.findData("hiring_manager"))
        dialog.people.add_button.click()
        dialog.people.picker.setText("Rita Recruiter")  # nobody of that name yet
        dialog.people.part.setCurrentIndex(dialog.people.part.findData("recruiter"))
        qtbot.keyClick(dialog.people.picker, Qt.Key.Key_Return)  # adds, does not save
        assert dialog.isVisible()
        assert dialog.people.list.topLevelItem(1).text(0) == "Rita Recruiter (new)"
        assert "Saving adds Rita Recruiter" in dialog.forms[1].message("people").text()
        dialog.save()

    on_next_dialog(fill)
    window.show_page("opportunities")
    window.opportunities_page.new_item()
    page = window.opportunities_page
    opportunity_id = page.current_id()
    assert opportunity_id is not None
    data = opportunities.get_opportunity(opportunity_id)
    rita = people.person_named("Rita Recruiter")
    assert (data.title, data.need_id, data.status) == ("Data engineer", need, "applied")
    assert data.applied_on == date.today()  # saved as applied: applied that day
    assert data.people == [(hana, "hiring_manager"), (rita, "recruiter")]
    pane = page.pane
    assert pane.subtitle.text().startswith("Initech · Applied since")
    assert pane.value("need").text() == "Tame the data pipeline"
    assert [pane.people.item(i).text() for i in range(pane.people.count())] == [
        "Hana Manager — Hiring manager",
        "Rita Recruiter — Recruiter",
    ]
    assert page.count_label.text() == "1 opportunity"


def test_status_filter_counts_and_hides(qtbot, window):
    for title, status in (("A", "applied"), ("B", "interviewing"), ("C", "withdrawn")):
        opportunities.create_opportunity(
            OpportunityData(company="Acme", title=title, status=status)
        )
    window.refresh_pages()
    window.show_page("opportunities")
    page = window.opportunities_page
    labels = [page.status.itemText(i) for i in range(page.status.count())]
    assert labels[:3] == ["All opportunities", "In progress (2)", "Interested (0)"]
    page.status.setCurrentIndex(page.status.findData("active"))
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "2 of 3 opportunities"
    page.company.setText("No such company")
    assert page.model.rowCount() == 0


def test_not_selected_offers_once_and_a_referral_becomes_an_action(qtbot, window, on_next_dialog):
    hana = people.create_person(people.PersonData(name="Hana Manager"))
    ivan = people.create_person(people.PersonData(name="Ivan Interviewer"))
    sam = people.create_person(
        people.PersonData(name="Sam Seeker", roles=("job_seeker",), offers=["SQL"])
    )
    need = needs.create_need(NeedData(company="Initech", title="Tame the data", skills=["SQL"]))
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(
            company="Initech",
            title="Data engineer",
            need_id=need,
            status="interviewing",
            people=[(hana, "hiring_manager"), (ivan, "interviewer")],
        )
    )
    window.refresh_pages()
    window.show_page("opportunities")
    page = window.opportunities_page
    page.select_id(opportunity_id)
    seen = {}

    def accept_referral_only(dialog: FollowThroughDialog):
        groups = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        seen["groups"] = [g.text(0) for g in groups]
        referral = groups[0].child(0)
        seen["referral"] = (referral.text(0), referral.text(1))
        referral.setCheckState(0, Qt.CheckState.Checked)
        for group in groups[1:]:
            for c in range(group.childCount()):
                group.child(c).setCheckState(0, Qt.CheckState.Unchecked)
        seen["button"] = dialog.log_button.text()
        dialog.log_button.click()

    on_next_dialog(accept_referral_only)
    page.pane.move_actions["not_selected"].trigger()
    assert seen["groups"] == [
        "Refer someone who could fill the need",
        "Thank the interviewers",
        "Stay in touch",
    ]
    assert seen["referral"] == (
        "Referred Sam Seeker to Hana Manager for Tame the data",
        "job seeker; offers SQL",
    )
    assert seen["button"] == "Log 1 action"
    rows = db.execute_sql(
        "SELECT kind, direction, counterpart_id, beneficiary_id, need_id, opportunity_id"
        " FROM action"
    ).fetchall()
    assert rows == [("referral", "given", hana, sam, need, opportunity_id)]
    assert [c.status for c in opportunities.history(opportunity_id)] == [
        "interviewing",
        "not_selected",
    ]
    assert page.pane.forward_button.isVisible()
    assert page.pane.history.model.total() == 1  # the pane's own timeline shows it

    # Moving away and back again does not offer it a second time.
    page.pane.move_actions["interviewing"].trigger()
    page.pane.move_actions["not_selected"].trigger()  # no dialog: would hang otherwise
    assert db.execute_sql("SELECT count(*) FROM action").fetchone()[0] == 1


def test_not_now_logs_nothing_and_is_remembered(qtbot, database):
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status="not_selected")
    )
    dialog = FollowThroughDialog(None, opportunity_id)
    qtbot.addWidget(dialog)
    assert not dialog.log_button.isEnabled()
    assert "Link the opportunity to the need" in dialog.note.text()
    dialog.not_now_button.click()
    assert db.execute_sql("SELECT count(*) FROM action").fetchone()[0] == 0
    assert FollowThroughDialog.offer_once(None, opportunity_id) is None


def test_user_text_stays_plain(qtbot, window):
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="<i>Acme</i>", title="<b>Boss</b>", notes="<a href='x'>y</a>")
    )
    window.refresh_pages()
    window.show_page("opportunities")
    window.opportunities_page.select_id(opportunity_id)
    pane = window.opportunities_page.pane
    assert pane.title.text() == "<b>Boss</b>"
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    assert pane.value("notes").textFormat() == Qt.TextFormat.PlainText


def test_brief_buttons_open_the_brief_for_the_company_and_the_opportunity(
    qtbot, window, on_next_dialog
):
    from desktop.core import companies
    from desktop.ui.dialogs.brief_dialog import BriefDialog

    need = needs.create_need(
        NeedData(company="Initech", title="Tame the data", problem="Reports break on Mondays.")
    )
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(company="Initech", title="Data engineer", need_id=need)
    )
    window.refresh_pages()
    seen = []

    def look(dialog):
        seen.append((type(dialog), dialog.brief.company.name, dialog.preview.toPlainText()))
        dialog.reject()

    window.show_company(companies.find_company("Initech"))
    on_next_dialog(look)
    window.companies_page.pane.brief_button.click()
    window.show_opportunity(opportunity_id)
    on_next_dialog(look)
    window.opportunities_page.pane.brief_button.click()
    assert [(kind, name) for kind, name, _text in seen] == [(BriefDialog, "Initech")] * 2
    assert all("Reports break on Mondays." in text for _kind, _name, text in seen)


def test_filters_keep_the_pane_honest_and_never_hide_a_saved_record(qtbot, window, on_next_dialog):
    first = opportunities.create_opportunity(
        OpportunityData(company="Wren Cloud", title="Data lead", status="applied")
    )
    opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", status="withdrawn")
    )
    window.refresh_pages()
    window.show_page("opportunities")
    page = window.opportunities_page
    page.select_id(first)
    page.status.setCurrentIndex(page.status.findData("withdrawn"))
    assert page.pane.title.text() == "Analyst"  # the hidden one left the pane
    page.company.setText("wren")  # part of a name is enough
    assert page.model.rowCount() == 0
    assert page.pane.placeholder.isVisibleTo(page.pane)
    assert not page.edit_button.isEnabled()

    def fill(dialog):
        dialog.company.setText("Globex")
        dialog.title.setText("Lead")
        dialog.save()

    on_next_dialog(fill)
    page.new_item()  # saved as 'interested' at Globex: the filters make way for it
    assert page.status.currentIndex() == 0 and page.company.text() == ""
    assert page.pane.title.text() == "Lead"


def open_form(qtbot, opportunity_id=None):
    dialog = OpportunityDialog(None, opportunity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_into_people_involved(qtbot, dialog, name):
    dialog.company.setText("Initech")
    dialog.title.setText("Data engineer")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.people.picker
    qtbot.keyClicks(dialog.people.picker, name, delay=10)
    popup = dialog.people.picker.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)  # looked at what was offered, kept typing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_a_known_name_typed_and_tabbed_to_add_is_added_by_enter(qtbot, database):
    """As found: type a name in People involved, Tab, Tab, Enter: saved with no people.
    Tab, Tab reaches Add: Enter there adds them, and the form stays open to go on."""
    hana = people.create_person(people.PersonData(name="Hana Manager", company="Initech"))
    dialog = open_form(qtbot)
    type_into_people_involved(qtbot, dialog, "Hana Manager")
    assert QApplication.focusWidget() is dialog.people.add_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.people.list.topLevelItem(0).text(0) == "Hana Manager"
    dialog.save()
    assert not dialog.isVisible()
    (saved,) = opportunities.opportunity_ids()
    assert opportunities.get_opportunity(saved).people == [(hana, "hiring_manager")]


def test_a_known_name_typed_and_never_added_is_saved_with_its_part(qtbot, database):
    hana = people.create_person(people.PersonData(name="Hana Manager", company="Initech"))
    dialog = open_form(qtbot)
    type_into_people_involved(qtbot, dialog, "Hana Manager")
    dialog.save_button.click()  # Save, with the name still in the box
    assert not dialog.isVisible()
    (saved,) = opportunities.opportunity_ids()
    assert opportunities.get_opportunity(saved).people == [(hana, "hiring_manager")]


def test_a_new_name_typed_and_never_added_is_added_only_after_asking(qtbot, database, monkeypatch):
    from desktop.ui import plain

    asked = []
    answer = [False]
    monkeypatch.setattr(plain, "confirm", lambda *args, **kw: asked.append(args) or answer[0])
    dialog = open_form(qtbot)
    type_into_people_involved(qtbot, dialog, "Rita Recruiter")
    dialog.save_button.click()
    assert asked and "Rita Recruiter" in " ".join(map(str, asked[0]))
    assert dialog.isVisible() and opportunities.opportunity_ids() == []  # declined: kept
    assert dialog.people.picker.text() == "Rita Recruiter"
    answer[0] = True
    dialog.save()
    assert not dialog.isVisible()
    rita = people.person_named("Rita Recruiter")
    (saved,) = opportunities.opportunity_ids()
    assert opportunities.get_opportunity(saved).people == [(rita, "hiring_manager")]


def test_a_name_two_people_have_must_be_picked_and_keeps_save_from_closing(qtbot, database):
    for company in ("Initech", "Globex"):
        people.create_person(people.PersonData(name="Sam Lee", company=company))
    dialog = open_form(qtbot)
    type_into_people_involved(qtbot, dialog, "Sam Lee")
    message = dialog.forms[1].message("people")
    assert message.isVisible() and "2 people are called Sam Lee" in message.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # on Add: not added
    dialog.save_button.click()  # and Save does not close
    assert dialog.isVisible() and opportunities.opportunity_ids() == []
    assert dialog.people.picker.text() == "Sam Lee"  # nothing typed is lost
    qtbot.keyClick(dialog.people.picker, Qt.Key.Key_Return)  # Enter on the name: not added
    assert dialog.people.list.topLevelItemCount() == 0


def test_a_part_is_changed_in_place_from_the_keyboard(qtbot, database):
    hana = people.create_person(people.PersonData(name="Hana Manager", company="Initech"))
    saved = opportunities.create_opportunity(
        OpportunityData(company="Initech", title="Analyst", people=[(hana, "hiring_manager")])
    )
    dialog = open_form(qtbot, saved)
    parts = dialog.people.list
    parts.setFocus()
    parts.setCurrentItem(parts.topLevelItem(0))
    qtbot.keyClick(parts, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.currentData() == "hiring_manager"
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # Recruiter comes next
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts.topLevelItem(0).text(1) == "Recruiter")
    assert QApplication.focusWidget() is parts
    qtbot.keyClick(parts, Qt.Key.Key_Return)  # Enter edits it too
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Ref")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts.topLevelItem(0).text(1) == "Referrer")
    dialog.save()
    assert not dialog.isVisible()
    assert opportunities.get_opportunity(saved).people == [(hana, "referrer")]


def test_picking_one_of_two_namesakes_from_the_suggestions_lets_save_run(qtbot, database):
    """Choosing from the suggestions clears the 'two people are called' message."""
    for company in ("Initech", "Globex"):
        people.create_person(people.PersonData(name="Sam Lee", company=company))
    dialog = open_form(qtbot)
    dialog.company.setText("Initech")
    dialog.title.setText("Data engineer")
    qtbot.keyClicks(dialog.people.picker, "Sam Lee", delay=10)
    assert not dialog.save_button.isEnabled()
    popup = dialog.people.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.people.picker.person_id() is not None
    assert dialog.save_button.isEnabled()
    assert "2 people are called" not in dialog.forms[1].message("people").text()


def test_enter_in_a_field_saves_the_form_even_after_add_was_pressed(qtbot, database):
    hana = people.create_person(people.PersonData(name="Hana Manager", company="Initech"))
    dialog = open_form(qtbot)
    type_into_people_involved(qtbot, dialog, "Hana Manager")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Add, focused: adds
    assert dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.title
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # in a field: the form's Save
    assert not dialog.isVisible()
    (saved,) = opportunities.opportunity_ids()
    assert opportunities.get_opportunity(saved).people == [(hana, "hiring_manager")]
